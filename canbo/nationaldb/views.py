"""The sync page (board and unit officers, scoped), the official's "who looked at my dossier" and the board's
audit of the access log."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from canbo.people.models import Person
from canbo.people.selectors import unit_choices_for

from .selectors import (
    access_log_audit,
    access_log_of_person,
    blocked_by_code,
    may_open_sync,
    outbox_item_get,
    outbox_list,
    outbox_summary,
    records_out_of_sync_by_unit,
    refusal_fix,
)
from .services import batch_approve, outbox_item_resend

VIEWS = {
    "waiting": "Chờ gửi",
    "sent": "Đã gửi",
    "refused": "Bị từ chối",
    "blocked": "Thiếu mã quốc gia",
    "overdue": "Quá hạn",
}
NO_SYNC = "Chỉ Ban Tổ chức Tỉnh ủy / Sở Nội vụ và cán bộ tổ chức đơn vị mở trang đồng bộ CSDL quốc gia."
PAGE_SIZE = 50


def _fix_link(item) -> str:
    """Where to correct the refused field: the person's edit form for the register, else the profile."""
    if item.person is None:
        return ""
    source = refusal_fix(item)["source"]
    name = "people:edit" if source.startswith("people.Person.") else "people:detail"
    return reverse(name, args=[item.person.uuid])


@login_required
def sync_index(request):
    if not may_open_sync(request.user):
        raise PermissionDenied(NO_SYNC)
    today = timezone.localdate()
    view = request.GET.get("xem", "waiting")
    if view not in VIEWS:
        view = "waiting"
    page = Paginator(outbox_list(user=request.user, view=view, today=today), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    for item in page.object_list:
        item.fix = refusal_fix(item) if item.state in ("REFUSED", "BLOCKED") else None
        item.fix_link = _fix_link(item)
    context = {
        "views": VIEWS,
        "view": view,
        "page": page,
        "today": today,
        "summary": outbox_summary(user=request.user, today=today),
        "by_unit": records_out_of_sync_by_unit(user=request.user),
        "blocked_report": blocked_by_code(user=request.user) if view == "blocked" else [],
    }
    return render(request, "nationaldb/sync.html", context)


@login_required
@require_POST
def sync_approve(request):
    batch = batch_approve(user=request.user)  # PermissionDenied (403) for anyone else
    if batch is None:
        messages.info(request, "Không có mục nào chờ duyệt.")
    else:
        messages.success(request, f"Đã duyệt {batch.items.count()} mục; hệ thống sẽ gửi trong ít phút.")
    return redirect("nationaldb:sync")


@login_required
@require_POST
def sync_resend(request, pk):
    if not may_open_sync(request.user):
        raise PermissionDenied(NO_SYNC)
    item = outbox_item_get(user=request.user, pk=pk)
    try:
        outbox_item_resend(user=request.user, item=item)
        messages.success(request, "Đã đưa mục vào hàng chờ gửi lại.")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(f"{reverse('nationaldb:sync')}?xem=waiting")


@login_required
def my_access_log(request):
    person = Person.objects.filter(user=request.user).first()
    if person is None:
        raise PermissionDenied("Tài khoản này không gắn với hồ sơ cán bộ nào.")
    page = Paginator(access_log_of_person(user=request.user, person=person), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "nationaldb/my_access.html", {"person": person, "page": page})


def _parse_date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


@login_required
def access_audit(request):
    if not may_open_sync(request.user):
        raise PermissionDenied(NO_SYNC)
    units = unit_choices_for(user=request.user)
    unit = None
    if request.GET.get("don_vi"):
        unit = units.filter(code=request.GET["don_vi"]).first()
    start, end = _parse_date(request.GET.get("tu")), _parse_date(request.GET.get("den"))
    entries = access_log_audit(user=request.user, unit=unit, start=start, end=end)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "units": units, "unit": unit, "start": start, "end": end}
    return render(request, "nationaldb/access_audit.html", context)
