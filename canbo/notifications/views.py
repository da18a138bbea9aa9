"""The user's notifications: the list (unread first), marking one or all as read."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from . import services
from .selectors import notification_list as select_notifications
from .selectors import unread_count

PAGE_SIZE = 50


@login_required
def notification_list(request):
    unread_only = request.GET.get("chua_doc") == "1"
    notes = select_notifications(user=request.user, unread_only=unread_only)
    page = Paginator(notes, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "unread_only": unread_only,
        "unread": unread_count(user=request.user),
        "query": "chua_doc=1" if unread_only else "",
    }
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
