"""The catalogue of title standards: the list (all versions or those in force on a date) and one standard with
its criteria, legal basis and the history of the post's versions."""

from itertools import groupby

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from ..forms import StandardFilterForm
from ..models import TitleStandard
from ..selectors import criterion_label, reads_cadre_work, standard_list, standard_versions


def _with_labels(standard: TitleStandard) -> TitleStandard:
    standard.criteria_labels = [(c, criterion_label(c)) for c in standard.criteria.all()]
    return standard


@login_required
def standard_index(request):
    form = StandardFilterForm(request.GET or None)
    on = form.cleaned_data.get("on") if form.is_valid() else None
    standards = [_with_labels(s) for s in standard_list(user=request.user, on=on)]
    groups = [(key, list(items)) for key, items in groupby(standards, key=lambda s: s.position or s.rank)]
    context = {"form": form, "groups": groups, "on": on, "is_staff": reads_cadre_work(request.user)}
    return render(request, "standards/list.html", context)


@login_required
def standard_detail(request, pk: int):
    standard = get_object_or_404(standard_list(user=request.user), pk=pk)
    _with_labels(standard)
    versions = [_with_labels(v) for v in standard_versions(standard=standard)]
    context = {"standard": standard, "versions": versions, "is_staff": reads_cadre_work(request.user)}
    return render(request, "standards/detail.html", context)
