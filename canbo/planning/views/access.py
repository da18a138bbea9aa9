"""Access checks and small helpers shared by the planning pages (scoping itself is in canbo.accounts.scoping)."""

from datetime import date
from functools import wraps
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone

from canbo.accounts.access import query_without_page as query_without_page  # re-exported for the views
from canbo.accounts.scoping import sees_all_units

from ..forms import AsOfForm
from ..selectors import is_reader, post_queryset_for, term_queryset_for

PAGE_SIZE = 100
NO_ACCESS = "Anh/chị không có quyền xem trang quy hoạch cán bộ."


def reader_required(view):
    """Login (anonymous → login page), then a reading role: board, Standing Committee, officer, leader."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_reader(request.user):
            raise PermissionDenied(NO_ACCESS)
        return view(request, *args, **kwargs)

    return wrapper


def as_of(request) -> tuple[date, AsOfForm]:
    """The `on` of the page (dd/mm/yyyy), today when absent or invalid (the form then shows the error)."""
    form = AsOfForm(request.GET or None)
    on = None
    if form.is_bound and form.is_valid():
        on = form.cleaned_data["on"]
    return on or timezone.localdate(), form


def export_url(name: str, term, on: date) -> str:
    """The address of a term's export (plan_export, needs_export) for the date the page shows."""
    return reverse(name, args=[term.pk]) + "?" + urlencode({"on": f"{on:%d/%m/%Y}"})


def term_for(request, pk):
    return get_object_or_404(term_queryset_for(user=request.user), pk=pk)


def post_for(request, pk):
    return get_object_or_404(post_queryset_for(user=request.user), pk=pk)


def is_board(user) -> bool:
    return sees_all_units(user)


def page_of(request, items):
    return Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
