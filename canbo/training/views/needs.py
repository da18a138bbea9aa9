"""Units' training needs for a year (the drafter turns them into plan lines)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render

from canbo.accounts.scoping import unit_visibility_q
from canbo.core.forms import add_service_errors

from ..forms import NeedForm
from ..models import TrainingNeed
from ..services import need_submit
from .access import PAGE_SIZE, can_write, query_without_page, require_writer, staff_required


def needs_queryset_for(user):
    """Needs of the units the user may see (all of them for the board and the Standing Committee)."""
    qs = TrainingNeed.objects.select_related("unit", "programme", "plan_line__plan")
    condition = unit_visibility_q(user, "unit__path")
    return qs if condition is None else qs.filter(condition)


@staff_required
def need_list(request):
    user = request.user
    writer = can_write(user)
    form = None
    if request.method == "POST":
        require_writer(user)
        form = NeedForm(request.POST, user=user)
        if form.is_valid():
            data = form.cleaned_data
            try:
                need_submit(
                    actor=user,
                    unit=data["unit"],
                    year=data["year"],
                    programme=data["programme"],
                    count=data["count"],
                    mode=data["mode"],
                    note=data["note"],
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, f"Đã đăng ký nhu cầu của {data['unit'].name} năm {data['year']}.")
                return redirect(f"{request.path}?year={data['year']}")
    elif writer:
        form = NeedForm(user=user)
    needs = needs_queryset_for(user).order_by("-year", "unit__path", "programme__sort_order", "mode")
    year = request.GET.get("year", "")
    if year.isdigit():
        needs = needs.filter(year=int(year))
    page = Paginator(needs, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "year": year, "query": query_without_page(request)}
    return render(request, "training/needs.html", context)
