"""A planned post: its candidates and the actions on them (propose, withdraw, approve, remove by decision)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from canbo.accounts.scoping import can_edit_unit
from canbo.core.forms import add_service_errors
from canbo.people.choices import PersonStatus
from canbo.people.selectors import person_queryset_for

from .. import services
from ..choices import EntryStatus
from ..forms import ApproveForm, ProposeForm, RemoveForm
from ..selectors import entry_queryset_for
from .access import is_board, post_for, reader_required

FORMS = {"propose": ProposeForm, "approve": ApproveForm, "remove": RemoveForm}


def _entries(request, post):
    return list(
        entry_queryset_for(user=request.user).filter(post=post).order_by("status", "person__sort_key")
    )


def _render(request, post, bound=None, status=200):
    """The post page; `bound` = (name, form) of a refused form, shown again with its errors."""
    entries = _entries(request, post)
    proposed = [e for e in entries if e.status == EntryStatus.PROPOSED]
    approved = [e for e in entries if e.status == EntryStatus.APPROVED]
    can_propose = can_edit_unit(request.user, post.unit)
    board = is_board(request.user)
    forms = {
        "propose": ProposeForm() if can_propose else None,
        "approve": ApproveForm(entries=proposed) if board and proposed else None,
        "remove": RemoveForm(entries=approved) if board and approved else None,
    }
    if bound is not None:
        forms[bound[0]] = bound[1]
    context = {
        "post": post,
        "term": post.term,
        "entries": entries,
        "proposed": proposed,
        "approved": approved,
        "live": len(proposed) + len(approved),
        "limit": post.term.max_per_post * post.seats,
        "can_propose": can_propose,
        "forms": forms,
        "picked": bound[1].picked if bound and hasattr(bound[1], "picked") else None,
    }
    return render(request, "planning/post_detail.html", context, status=status)


@reader_required
def post_detail(request, pk):
    return _render(request, post_for(request, pk))


@require_POST
@reader_required
def propose(request, pk):
    post = post_for(request, pk)
    if not can_edit_unit(request.user, post.unit):
        raise PermissionDenied("Anh/chị không có quyền đề xuất quy hoạch chức danh của đơn vị này.")
    form = ProposeForm(request.POST)
    if form.is_valid():
        person = (
            person_queryset_for(user=request.user)
            .filter(uuid=form.cleaned_data["person"], status=PersonStatus.WORKING)
            .first()
        )
        form.picked = person
        if person is None:
            form.add_error("person", "Không tìm thấy người đang công tác này trong phạm vi được xem.")
        else:
            try:
                services.entry_propose(
                    actor=request.user, post=post, person=person, note=form.cleaned_data["note"]
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, f"Đã đề xuất {person.full_name} vào quy hoạch.")
                return redirect("planning:post_detail", pk=post.pk)
    return _render(request, post, ("propose", form), status=400)


def _decide(request, pk, name):
    post = post_for(request, pk)
    if not is_board(request.user):
        raise PermissionDenied("Chỉ Ban Tổ chức Tỉnh ủy được phê duyệt hoặc đưa người ra khỏi quy hoạch.")
    wanted = EntryStatus.PROPOSED if name == "approve" else EntryStatus.APPROVED
    candidates = [e for e in _entries(request, post) if e.status == wanted]
    form = FORMS[name](request.POST, entries=candidates)
    if form.is_valid():
        chosen = [e for e in candidates if e.pk in set(form.cleaned_data["entries"])]
        try:
            if name == "approve":
                services.entries_approve(
                    actor=request.user,
                    entries=chosen,
                    is_supplement=form.cleaned_data["is_supplement"],
                    note=form.cleaned_data["note"],
                    **form.decision(),
                )
            else:
                services.entries_remove(
                    actor=request.user,
                    entries=chosen,
                    reason=form.cleaned_data["reason"],
                    note=form.cleaned_data["note"],
                    **form.decision(),
                )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            done = "phê duyệt" if name == "approve" else "đưa ra khỏi quy hoạch"
            messages.success(
                request, f"Đã {done} {len(chosen)} người theo quyết định số {form.decision()['number']}."
            )
            return redirect("planning:post_detail", pk=post.pk)
    return _render(request, post, (name, form), status=400)


@require_POST
@reader_required
def approve(request, pk):
    return _decide(request, pk, "approve")


@require_POST
@reader_required
def remove(request, pk):
    return _decide(request, pk, "remove")


@require_POST
@reader_required
def withdraw(request, pk):
    entry = get_object_or_404(entry_queryset_for(user=request.user), pk=pk)
    try:
        services.entry_withdraw(actor=request.user, entry=entry)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Đã rút đề xuất quy hoạch {entry.person.full_name}.")
    return redirect("planning:post_detail", pk=entry.post_id)
