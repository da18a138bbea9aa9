"""The catalogue of title standards in the admin: the system administrator edits, the province board reads.

History is appended, never rewritten: a standard that has come into force (valid_from ≤ today) may have been
applied to checks, appointments and reviews, so it is read-only except for ending it (valid_to). A correction
is a new version — "Tạo phiên bản mới" opens the add form with the same post and criteria; saving it ends
the previous version the day before the new one starts (services.title_standard_supersede). A version not yet
in force can still be corrected in place.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html

from canbo.accounts.admin_base import NotFoundOutsideScopeMixin
from canbo.accounts.models import Role
from canbo.accounts.scoping import has_role

from . import services
from .models import StandardCriterion, TitleStandard


def _is_sysadmin(request) -> bool:
    return has_role(request.user, Role.SYSADMIN) or request.user.is_superuser


class CatalogueAccess:
    """Sysadmin edits; the province board reads; nobody deletes."""

    def has_module_permission(self, request):
        return _is_sysadmin(request) or has_role(request.user, Role.PROVINCE_BOARD)

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request, obj=None):
        return _is_sysadmin(request)

    def has_change_permission(self, request, obj=None):
        return _is_sysadmin(request)

    def has_delete_permission(self, request, obj=None):
        return False


def _in_use(obj) -> bool:
    return obj is not None and obj.pk is not None and services.standard_in_use(obj)


class CriterionInline(CatalogueAccess, admin.TabularInline):
    model = StandardCriterion
    fields = ["kind", "scale", "min_level", "min_rating", "years", "months", "lower_tier", "note"]
    extra = 0

    def get_extra(self, request, obj=None, **kwargs):
        return 0 if obj is not None else 1

    def has_add_permission(self, request, obj=None):
        return _is_sysadmin(request) and not _in_use(obj)

    def has_change_permission(self, request, obj=None):
        return _is_sysadmin(request) and not _in_use(obj)

    def has_delete_permission(self, request, obj=None):
        return _is_sysadmin(request) and obj is not None and not _in_use(obj)


class TitleStandardForm(forms.ModelForm):
    class Meta:
        model = TitleStandard
        fields = ["position", "rank", "name", "legal_basis", "valid_from", "valid_to"]

    def clean(self):
        data = super().clean()
        if self.instance.pk is None and data.get("valid_from") and (data.get("position") or data.get("rank")):
            holder = (
                {"position": data.get("position")} if data.get("position") else {"rank": data.get("rank")}
            )
            later = TitleStandard.objects.filter(**holder, valid_from__gte=data["valid_from"]).first()
            if later is not None:
                raise ValidationError(
                    f"Đã có phiên bản hiệu lực từ {later.valid_from:%d/%m/%Y}: phiên bản mới phải có hiệu lực "
                    "sau ngày đó (lịch sử không được ghi đè)."
                )
        return data


@admin.register(TitleStandard)
class TitleStandardAdmin(NotFoundOutsideScopeMixin, CatalogueAccess, admin.ModelAdmin):
    form = TitleStandardForm
    inlines = [CriterionInline]
    list_display = ["name", "position", "rank", "valid_from", "valid_to", "legal_basis", "new_version_link"]
    list_filter = ["position"]
    search_fields = ["name", "legal_basis", "position__name"]
    list_select_related = ["position", "rank"]

    @admin.display(description="Sửa đổi")
    def new_version_link(self, obj):
        url = reverse("admin:standards_titlestandard_add") + f"?tu={obj.pk}"
        return format_html('<a href="{}">Tạo phiên bản mới</a>', url)

    def get_readonly_fields(self, request, obj=None):
        if _in_use(obj):
            return ["position", "rank", "name", "legal_basis", "valid_from", "new_version_link"]
        return ["new_version_link"] if obj is not None else []

    def _source(self, request):
        pk = request.GET.get("tu")
        return TitleStandard.objects.filter(pk=pk).first() if pk and pk.isdigit() else None

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        source = self._source(request)
        if source is not None:
            initial.update(
                position=source.position_id,
                rank=source.rank_id,
                name=source.name,
                legal_basis="",
            )
        initial.pop("tu", None)
        return initial

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        source = self._source(request) if obj is None or obj.pk is None else None
        if source is not None and request.method == "GET":
            kwargs["initial"] = services.copy_criteria_initial(source)
        return kwargs

    def get_formsets_with_inlines(self, request, obj=None):
        source = self._source(request) if obj is None else None
        for inline in self.get_inline_instances(request, obj):
            formset = inline.get_formset(request, obj)
            if source is not None and request.method == "GET":
                formset.extra = max(len(services.copy_criteria_initial(source)), 1)
            yield formset, inline

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            ended = services.title_standard_supersede(actor=request.user, standard=obj)
            for old in ended:
                self.message_user(request, f"Đã kết thúc hiệu lực “{old}” ngày {old.valid_to:%d/%m/%Y}.")
