"""Feedback in the admin: read only (received, assigned, verified and concluded only through
canbo.feedback.services, which check the handler and audit) and scoped by canbo.feedback.selectors: the board,
the unit officers of the feedback's unit and the assigned handler; never the official it is about."""

from django.contrib import admin
from django.urls import reverse

from canbo.accounts.admin_base import ReadOnlyAdmin

from .models import Feedback
from .selectors import can_list_feedback, feedback_queryset_for


@admin.register(Feedback)
class FeedbackAdmin(ReadOnlyAdmin):
    list_display = ["received_on", "channel", "unit", "subject_person", "status", "handler", "deadline"]
    list_filter = ["status", "channel", "conclusion", ("unit", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["unit", "subject_person", "handler"]
    search_fields = ["subject_person__search_text", "sender", "content"]
    date_hierarchy = "received_on"
    actions = None

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser or can_list_feedback(request.user)

    def get_queryset(self, request):
        return feedback_queryset_for(user=request.user)

    def view_on_site(self, obj):
        return reverse("feedback:detail", args=[obj.pk])
