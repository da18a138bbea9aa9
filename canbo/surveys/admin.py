"""Surveys in the admin: read only and scoped like the pages. Surveys, questions and invitations are written
through canbo.surveys.services (audited); responses are anonymous and nobody adds, changes or deletes them
here. A response shows its survey and unit only: the answers never appear in the admin (their reading goes
through the k-anonymous results and free-text pages)."""

from django.contrib import admin
from django.urls import reverse

from canbo.accounts.admin_base import ReadOnlyAdmin
from canbo.accounts.models import Role
from canbo.accounts.scoping import has_role, unit_visibility_q

from .models import Choice, Invitation, Question, Response, Survey
from .selectors import invitation_queryset_for, reads_cadre_work, survey_queryset_for


class ScopedReadOnlyAdmin(ReadOnlyAdmin):
    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser or reads_cadre_work(request.user)


class QuestionInline(admin.TabularInline):
    model = Question
    fields = ["order", "text", "kind", "required"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Survey)
class SurveyAdmin(ScopedReadOnlyAdmin):
    list_display = ["title", "year", "purpose", "status", "opens_on", "closes_on", "created_by"]
    list_filter = ["status", "purpose", "year"]
    list_select_related = ["created_by"]
    search_fields = ["title", "description"]
    date_hierarchy = "opens_on"
    inlines = [QuestionInline]

    def get_queryset(self, request):
        return survey_queryset_for(user=request.user)

    def view_on_site(self, obj):
        return reverse("surveys:detail", args=[obj.pk])


class ChoiceInline(admin.TabularInline):
    model = Choice
    fields = ["order", "text"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Question)
class QuestionAdmin(ScopedReadOnlyAdmin):
    list_display = ["survey", "order", "text", "kind", "required"]
    list_filter = ["kind", ("survey", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["survey"]
    search_fields = ["text", "survey__title"]
    inlines = [ChoiceInline]

    def get_queryset(self, request):
        return Question.objects.filter(survey__in=survey_queryset_for(user=request.user))


class AnsweredFilter(admin.SimpleListFilter):
    title = "đã trả lời"
    parameter_name = "answered"

    def lookups(self, request, model_admin):
        return [("yes", "Đã trả lời"), ("no", "Chưa trả lời")]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(answered_at__isnull=self.value() == "no")
        return queryset


@admin.register(Invitation)
class InvitationAdmin(ScopedReadOnlyAdmin):
    """Who was asked and whether they answered: a yes/no, never the time (it would hint at the response)."""

    list_display = ["survey", "person", "unit", "answered"]
    list_filter = [
        AnsweredFilter,
        ("survey", admin.RelatedOnlyFieldListFilter),
        ("unit", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["survey", "person", "unit"]
    search_fields = ["person__search_text", "unit__code", "unit__name", "survey__title"]
    fields = ["survey", "person", "unit", "invited_by", "answered"]
    readonly_fields = fields

    def get_queryset(self, request):
        return invitation_queryset_for(user=request.user)

    @admin.display(boolean=True, description="Đã trả lời")
    def answered(self, obj):
        return obj.answered_at is not None


@admin.register(Response)
class ResponseAdmin(ScopedReadOnlyAdmin):
    """Anonymous responses: survey and unit only, for the board (and a superuser), never changed here."""

    list_display = ["survey", "unit"]
    list_filter = [("survey", admin.RelatedOnlyFieldListFilter), ("unit", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["survey", "unit"]
    search_fields = ["unit__code", "unit__name", "survey__title"]
    fields = ["survey", "unit"]
    readonly_fields = fields
    ordering = ["survey", "unit__path", "id"]  # the id is random: not the order of answering
    actions = None

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser or has_role(request.user, Role.PROVINCE_BOARD)

    def get_queryset(self, request):
        qs = Response.objects.all()
        condition = unit_visibility_q(request.user, "unit__path")
        return qs if condition is None else qs.filter(condition)
