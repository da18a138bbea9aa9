"""The register in the admin: catalogues for the system administrator; personal data read only and scoped.

Persons, their timeline rows and qualifications are changed only through the app's pages (which call the
services: validation, optimistic locking and the audit trail in one transaction). Here a staff user sees
exactly the records canbo.people.selectors.person_queryset_for gives them, and nothing for the system
administrator unless they also hold a role over units.
"""

from django.contrib import admin
from django.urls import reverse

from canbo.accounts.admin_base import CatalogueAdmin, ReadOnlyAdmin
from canbo.accounts.models import Role
from canbo.accounts.scoping import has_role

from .models import Employment, Person, Position, Qualification, Rank
from .selectors import person_queryset_for

UNIT_ROLES = (Role.PROVINCE_BOARD, Role.STANDING_COMMITTEE, Role.UNIT_OFFICER, Role.LEADER)


@admin.register(Rank)
class RankAdmin(CatalogueAdmin):
    list_display = ["code", "name", "pay_group", "valid_from", "valid_to"]
    search_fields = ["code", "name"]


@admin.register(Position)
class PositionAdmin(CatalogueAdmin):
    list_display = ["code", "name", "is_leadership", "tier", "valid_from", "valid_to"]
    list_filter = ["is_leadership"]
    search_fields = ["code", "name"]


class PersonalDataAdmin(ReadOnlyAdmin):
    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_view_permission(self, request, obj=None):
        return has_role(request.user, *UNIT_ROLES)


@admin.register(Person)
class PersonAdmin(PersonalDataAdmin):
    list_display = ["full_name", "code", "date_of_birth", "gender", "current_unit", "category", "status"]
    list_filter = ["category", "status", "gender"]
    list_select_related = ["current_unit"]
    search_fields = ["search_text", "national_id", "code"]
    exclude = ["search_text", "sort_key"]

    def get_queryset(self, request):
        return person_queryset_for(user=request.user).select_related("current_unit", "position", "rank")

    def get_search_results(self, request, queryset, search_term):
        # The same unaccented search as the app: "nguyen van anh" finds "Nguyễn Văn Ánh".
        if not search_term:
            return queryset, False
        return queryset.search(search_term), False

    def view_on_site(self, obj):
        return reverse("people:detail", args=[obj.uuid])


@admin.register(Employment)
class EmploymentAdmin(PersonalDataAdmin):
    list_display = ["person", "unit", "position", "category", "start_date", "end_date", "move"]
    list_filter = ["category", "move"]
    list_select_related = ["person", "unit", "position"]
    search_fields = ["person__search_text", "decision_number"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(person__in=person_queryset_for(user=request.user))

    def view_on_site(self, obj):
        return reverse("people:detail", args=[obj.person.uuid])


@admin.register(Qualification)
class QualificationAdmin(PersonalDataAdmin):
    list_display = ["person", "scale", "level", "field", "awarded_on", "document_number"]
    list_filter = ["scale"]
    list_select_related = ["person"]
    search_fields = ["person__search_text", "document_number"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(person__in=person_queryset_for(user=request.user))

    def view_on_site(self, obj):
        return reverse("people:detail", args=[obj.person.uuid])
