""" "Kiểm tra tiêu chuẩn": one person against a post on a date; and the bulk gap list of a unit subtree."""

from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from canbo.jobs.views import export_view
from canbo.people.selectors import person_get_for_user
from canbo.people.selectors import person_list as select_persons

from ..engine import applies, check_person
from ..exports import GAP_EXPORT
from ..forms import CheckForm, GapForm
from ..gaps import MODES, count_group, gap_groups, gap_page_entries
from ..selectors import criterion_label
from .access import PAGE_SIZE, query_without_page, staff_required

MATCHES_SHOWN = 20


def _criteria_rows(check, kind: str | None) -> list[dict]:
    """Every applicable criterion with met / the message of its gap (the page shows both)."""
    gaps = {g.criterion_id: g for g in check.gaps}
    return [
        {"label": criterion_label(c), "gap": gaps.get(c.pk)}
        for c in check.standard.criteria.all()
        if applies(c, kind)
    ]


@staff_required
def check_view(request):
    form = CheckForm(request.GET or None)
    context = {"form": form, "section": "check"}
    if request.GET and form.is_valid():
        data = form.cleaned_data
        if data.get("person"):
            person = person_get_for_user(user=request.user, uuid=data["person"])
        else:
            matches = list(select_persons(user=request.user, filters={"q": data["q"]})[: MATCHES_SHOWN + 1])
            if len(matches) != 1:
                query = request.GET.copy()
                query.pop("q", None)
                context.update(matches=matches[:MATCHES_SHOWN], more=len(matches) > MATCHES_SHOWN)
                context["choose_query"] = query.urlencode()
                return render(request, "standards/check.html", context)
            person = matches[0]
        kind = data.get("kind") or None
        check = check_person(person, data["position"], data["on"], kind)
        context.update(
            person=person,
            check=check,
            position=data["position"],
            on=data["on"],
            kind_label=dict(form.fields["kind"].choices).get(data.get("kind") or ""),
            rows=_criteria_rows(check, kind) if check.standard else [],
        )
    return render(request, "standards/check.html", context)


class _Entries:
    """The gap list as a sequence for Django's Paginator: count from the groups, slices from the database."""

    def __init__(self, groups):
        self.groups = groups

    def count(self) -> int:
        return sum(g.unmet for g in self.groups)

    def __getitem__(self, item: slice):
        return gap_page_entries(self.groups, item.start or 0, (item.stop or self.count()) - (item.start or 0))


@staff_required
def gap_list(request):
    if not request.GET:
        unit = GapForm(user=request.user).fields["unit"].queryset.first()
        form = GapForm(initial={"unit": unit}, user=request.user)
        return render(request, "standards/gaps.html", {"form": form, "section": "gaps"})
    form = GapForm(request.GET, user=request.user)
    context = {"form": form, "section": "gaps"}
    if form.is_valid():
        data = form.cleaned_data
        groups = [
            count_group(g)
            for g in gap_groups(
                user=request.user,
                unit=data["unit"],
                on=data["on"],
                position=data.get("position"),
                mode=data["mode"],
            )
        ]
        query = query_without_page(request)
        context.update(
            groups=groups,
            page=Paginator(_Entries(groups), PAGE_SIZE).get_page(request.GET.get("page")),
            query=query,
            unit=data["unit"],
            on=data["on"],
            mode_label=MODES[data["mode"]],
            export_url=reverse("standards:gaps_export") + f"?{query}",
            checked=sum(g.checked for g in groups),
        )
    return render(request, "standards/gaps.html", context)


@staff_required
@require_http_methods(["GET", "POST"])
def gap_export(request):
    """The whole list as .xlsx, written by a job on the queue; invalid filters go back to the list."""
    form = GapForm(request.GET, user=request.user)
    query = query_without_page(request)
    if not form.is_valid():
        return redirect(reverse("standards:gaps") + (f"?{query}" if query else ""))
    return export_view(request, GAP_EXPORT, query=query)
