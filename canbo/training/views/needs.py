"""Units' training needs for a year (the drafter turns them into plan lines)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from canbo.core.forms import add_service_errors
from canbo.core.paging import keyset_page

from ..forms import NeedForm
from ..selectors import NEED_DEFAULT_SORT, NEED_SORT_COLUMNS
from ..selectors import need_list as need_list_for
from ..services import need_submit
from .access import PAGE_SIZE, can_write, require_writer, staff_required


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
    year = request.GET.get("year", "").strip()
    needs = need_list_for(user=user, filters={"year": int(year) if year.isdigit() else None})
    page = keyset_page(request, needs, NEED_SORT_COLUMNS, default=NEED_DEFAULT_SORT, size=PAGE_SIZE)
    context = {"form": form, "page": page, "year": year}
    return render(request, "training/needs.html", context)
