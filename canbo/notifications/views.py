"""The user's notifications: the list (unread first), marking one or all as read."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from canbo.core.paging import keyset_page

from . import services
from .selectors import NOTIFICATION_DEFAULT_SORT, NOTIFICATION_SORT_COLUMNS, unread_count
from .selectors import notification_list as select_notifications

PAGE_SIZE = 50


@login_required
def notification_list(request):
    unread_only = request.GET.get("chua_doc") == "1"
    notes = select_notifications(user=request.user, unread_only=unread_only)
    page = keyset_page(  # no total: the header says how many are unread
        request,
        notes,
        NOTIFICATION_SORT_COLUMNS,
        default=NOTIFICATION_DEFAULT_SORT,
        size=PAGE_SIZE,
        count=None,
    )
    context = {"page": page, "unread_only": unread_only, "unread": unread_count(user=request.user)}
    return render(request, "notifications/list.html", context)


@require_POST
@login_required
def notification_read(request, pk: int):
    note = get_object_or_404(select_notifications(user=request.user), pk=pk)
    services.notification_mark_read(actor=request.user, notification=note)
    target = request.POST.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("notifications:list")


@require_POST
@login_required
def notification_read_all(request):
    count = services.notifications_mark_all_read(actor=request.user)
    messages.success(request, f"Đã đánh dấu {count} thông báo là đã đọc.")
    return redirect("notifications:list")
