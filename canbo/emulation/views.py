"""Pages of emulation and commendation (under /thi-dua/): registrations, awards, revocation, Excel exports."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from canbo.accounts.access import access_decorators
from canbo.accounts.models import Role
from canbo.accounts.scoping import has_role
from canbo.core.forms import add_service_errors
from canbo.core.paging import SortColumn, keyset_page, query_without_paging
from canbo.jobs.views import export_view

from . import selectors, services
from .exports import AWARD_EXPORT, REGISTRATION_EXPORT
from .forms import AwardRecordForm, ListFilterForm, MovementForm, RegistrationForm, RevokeForm, list_filters

PAGE_SIZE = 50
MOVEMENT_SORT_COLUMNS = [
    SortColumn("nam", "Thời gian", ("start_year", "-name"), descending_first=True),
    SortColumn("ten", "Tên phong trào", ("name",)),
]
NO_ACCESS = "Anh/chị không có quyền xem thi đua, khen thưởng."
READ_ONLY = "Anh/chị chỉ có quyền xem, không được ghi nhận thi đua, khen thưởng."

reader_required, writer_required = access_decorators(no_access=NO_ACCESS, read_only=READ_ONLY)


def is_board(user) -> bool:
    return has_role(user, Role.PROVINCE_BOARD)


def _filters(request) -> dict:
    filters, _ignored = list_filters(user=request.user, query=request.GET)
    return filters


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("format", None)
    return query_without_paging(query)


def _with_query(url: str, query: str) -> str:
    return url + (f"?{query}" if query else "")


def _export(request, key: str, list_name: str):
    """A list with its filters as .xlsx, written by a job; filters the page would ignore go back to it."""
    query = _query_without_page(request)
    _filters, errors = list_filters(user=request.user, query=request.GET)
    if errors:
        for message in errors:
            messages.error(request, message)
        return redirect(_with_query(reverse(list_name), query))
    return export_view(request, key, query=query)


def _page(request, qs, columns, default):
    page = keyset_page(request, qs, columns, default=default, size=PAGE_SIZE)
    return page, _query_without_page(request)


def _filter_context(request) -> dict:
    """The filter bar, and the values the page ignored (with why)."""
    _filters, errors = list_filters(user=request.user, query=request.GET)
    return {"filter_form": ListFilterForm(request.GET), "filter_errors": errors}


def _record(request, form_class, service, done):
    """The entry form beside a list: a POST records one row through the service, else the form is shown."""
    if request.method != "POST":
        return form_class(user=request.user), None
    if not selectors.is_writer(request.user):
        raise PermissionDenied(READ_ONLY)
    form = form_class(request.POST, user=request.user)
    if form.is_valid():
        try:
            item = service(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"{done}: {item.recipient}.")
            return None, redirect(request.path)
    return form, None


@reader_required
def index(request):
    return redirect("emulation:registrations")


@reader_required
def registration_list_view(request):
    qs = selectors.registration_list(user=request.user, filters=_filters(request))
    if request.GET.get("format") == "xlsx":  # the former download link: the export page
        return redirect(_with_query(reverse("emulation:registration_export"), _query_without_page(request)))
    form, done = _record(request, RegistrationForm, services.registration_record, "Đã ghi nhận đăng ký")
    if done:
        return done
    page, query = _page(request, qs, selectors.REGISTRATION_SORT_COLUMNS, "-nam")
    context = {"page": page, "query": query, "form": form, "can_record": selectors.is_writer(request.user)}
    context |= _filter_context(request)
    context["export_url"] = _with_query(reverse("emulation:registration_export"), query)
    return render(request, "emulation/registrations.html", context)


@reader_required
@require_http_methods(["GET", "POST"])
def registration_export(request):
    return _export(request, REGISTRATION_EXPORT, "emulation:registrations")


@reader_required
def award_list_view(request):
    qs = selectors.award_list(user=request.user, filters=_filters(request))
    if request.GET.get("format") == "xlsx":  # the former download link: the export page
        return redirect(_with_query(reverse("emulation:award_export"), _query_without_page(request)))
    form, done = _record(request, AwardRecordForm, services.award_record, "Đã ghi nhận khen thưởng")
    if done:
        return done
    page, query = _page(request, qs, selectors.AWARD_SORT_COLUMNS, "-nam")
    context = {"page": page, "query": query, "form": form, "can_record": selectors.is_writer(request.user)}
    context |= _filter_context(request)
    context["export_url"] = _with_query(reverse("emulation:award_export"), query)
    return render(request, "emulation/awards.html", context)


@reader_required
@require_http_methods(["GET", "POST"])
def award_export(request):
    return _export(request, AWARD_EXPORT, "emulation:awards")


@reader_required
def award_detail(request, pk):
    award = selectors.award_get_for_user(user=request.user, pk=pk)
    form = RevokeForm(initial={"version": award.version})
    if request.method == "POST":
        if not selectors.is_writer(request.user):
            raise PermissionDenied(READ_ONLY)
        form = RevokeForm(request.POST)
        if form.is_valid():
            data = dict(form.cleaned_data)
            version = data.pop("version")
            try:
                services.award_revoke(actor=request.user, award=award, expected_version=version, **data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            except PermissionDenied as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "Đã hủy khen thưởng.")
                return redirect("emulation:award_detail", pk=award.pk)
    can_revoke = selectors.is_writer(request.user) and award.revoked_on is None
    return render(
        request, "emulation/award_detail.html", {"award": award, "form": form, "can_revoke": can_revoke}
    )


@reader_required
def movement_list_view(request):
    """The catalogue of emulation movements (every reader); the board declares and corrects them."""
    page, query = _page(request, selectors.movement_list(), MOVEMENT_SORT_COLUMNS, "-nam")
    context = {"page": page, "query": query, "is_board": is_board(request.user)}
    return render(request, "emulation/movements.html", context)


@writer_required
def movement_edit(request, pk=None):
    if not is_board(request.user):
        raise PermissionDenied(services.BOARD_ONLY_MOVEMENT)
    item = get_object_or_404(selectors.movement_list(), pk=pk) if pk else None
    initial = None
    if item is not None:
        initial = {f: getattr(item, f) for f in ("code", "name", "start_year", "end_year", "launched_by")}
    form = MovementForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if item is None:
                item = services.movement_create(actor=request.user, **form.cleaned_data)
            else:
                item = services.movement_update(actor=request.user, item=item, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Đã lưu phong trào “{item.name}”.")
            return redirect("emulation:movements")
    return render(request, "emulation/movement_form.html", {"form": form, "item": item})
