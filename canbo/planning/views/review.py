"""The yearly review: proposals awaiting a decision, the decisions with their additions and removals, and the
automatic removal proposals (rule 12) for the board to confirm."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render

from canbo.core.forms import add_service_errors

from .. import services
from ..choices import EntryStatus
from ..forms import ApproveForm, ConfirmRemovalForm
from ..selectors import decision_queryset_for, entry_queryset_for, removal_proposals, scope_condition
from .access import as_of, is_board, reader_required, term_for


@reader_required
def pending(request, pk):
    """Every proposal of the term awaiting approval (in the user's units); the board approves a batch."""
    term = term_for(request, pk)
    entries = list(
        entry_queryset_for(user=request.user)
        .filter(post__term=term, status=EntryStatus.PROPOSED)
        .order_by("post__unit__path", "-post__position__tier", "person__sort_key")
    )
    form = None
    if is_board(request.user):
        form = ApproveForm(request.POST or None, entries=entries)
        if request.method == "POST" and form.is_valid():
            chosen = [e for e in entries if e.pk in set(form.cleaned_data["entries"])]
            try:
                decision = services.entries_approve(
                    actor=request.user,
                    entries=chosen,
                    is_supplement=form.cleaned_data["is_supplement"],
                    note=form.cleaned_data["note"],
                    **form.decision(),
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(
                    request, f"Đã phê duyệt {len(chosen)} người theo quyết định số {decision.number}."
                )
                return redirect("planning:decision_detail", pk=decision.pk)
    elif request.method == "POST":
        raise PermissionDenied("Chỉ Ban Tổ chức Tỉnh ủy được phê duyệt quy hoạch.")
    status = 400 if form is not None and form.is_bound else 200
    return render(
        request, "planning/pending.html", {"term": term, "entries": entries, "form": form}, status=status
    )


@reader_required
def decision_list(request, pk):
    term = term_for(request, pk)
    scope = scope_condition(user=request.user, field="approvals__post__unit__path")
    removed_scope = scope_condition(user=request.user, field="removals__post__unit__path")
    decisions = (
        decision_queryset_for(user=request.user)
        .filter(term=term)
        .annotate(
            n_added=Count("approvals", filter=scope, distinct=True),
            n_supplements=Count("approvals", filter=scope & Q(approvals__is_supplement=True), distinct=True),
            n_removed=Count("removals", filter=removed_scope, distinct=True),
        )
        .order_by("-date", "-pk")
    )
    return render(request, "planning/decision_list.html", {"term": term, "decisions": decisions})


@reader_required
def decision_detail(request, pk):
    decision = get_object_or_404(decision_queryset_for(user=request.user), pk=pk)
    entries = entry_queryset_for(user=request.user).order_by("post__unit__path", "person__sort_key")
    context = {
        "decision": decision,
        "term": decision.term,
        "additions": list(entries.filter(approved_by=decision)),
        "removals": list(entries.filter(removed_by=decision)),
    }
    return render(request, "planning/decision_detail.html", context)


@reader_required
def removals(request, pk):
    term = term_for(request, pk)
    on, as_of_form = as_of(request)
    proposals = removal_proposals(user=request.user, term=term, on=on)
    for p in proposals:
        p.entry.proposal = p
    form = None
    if is_board(request.user):
        form = ConfirmRemovalForm(request.POST or None, entries=[p.entry for p in proposals])
        if request.method == "POST" and form.is_valid():
            try:
                n = services.removal_proposals_confirm(
                    actor=request.user,
                    term=term,
                    entry_ids=form.cleaned_data["entries"],
                    on=on,
                    **form.decision(),
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(
                    request,
                    f"Đã đưa {n} người ra khỏi quy hoạch theo quyết định số {form.decision()['number']}.",
                )
                return redirect("planning:removals", pk=term.pk)
    elif request.method == "POST":
        raise PermissionDenied("Chỉ Ban Tổ chức Tỉnh ủy được đưa người ra khỏi quy hoạch.")
    context = {
        "term": term,
        "on": on,
        "as_of_form": as_of_form,
        "proposals": proposals,
        "entries": [p.entry for p in proposals],
        "form": form,
    }
    status = 400 if form is not None and form.is_bound else 200
    return render(request, "planning/removals.html", context, status=status)
