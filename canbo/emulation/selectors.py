"""Reads of registrations and awards (outside → 404 / not listed): an individual's rows while the user's unit
manages the person (decision 018), a collective's by its unit while that unit is in force."""

from django.shortcuts import get_object_or_404

from canbo.accounts.access import reads_cadre_work, records_cadre_work
from canbo.accounts.scoping import personal_rows_q, scoped
from canbo.core.paging import SortColumn

from .models import Award, EmulationMovement, Registration

is_reader = reads_cadre_work  # board, Standing Committee, unit officers, leaders
is_writer = records_cadre_work  # board, unit officers


def registration_queryset_for(*, user):
    """Registrations the user may read: an individual's while the user's unit manages the person, a
    collective's by its unit in force (anonymous users and officials hold no reader role: nothing)."""
    return scoped(
        Registration.objects.all(),
        personal_rows_q(user, unattached_unit="unit__path"),
        allowed=is_reader(user),
    )


def award_queryset_for(*, user):
    """Awards the user may read, by the same rule as registrations."""
    return scoped(
        Award.objects.all(), personal_rows_q(user, unattached_unit="unit__path"), allowed=is_reader(user)
    )


def movement_list():
    """The catalogue of movements (not personal data): every reader sees it."""
    return EmulationMovement.objects.all()


def _filtered(qs, filters: dict):
    for field in ("kind", "year", "movement", "form"):
        if filters.get(field):
            qs = qs.filter(**{field: filters[field]})
    if filters.get("unit"):
        qs = qs.filter(unit__path__startswith=filters["unit"].path)
    return qs


# Sortable columns of the two lists (page and export): the default is the newest year first.
REGISTRATION_SORT_COLUMNS = [
    SortColumn("nam", "Năm", ("year", "-unit__path"), descending_first=True),
    SortColumn("phong_trao", "Phong trào", ("movement__name", "-year")),
    SortColumn("doi_tuong", "Đối tượng", ("kind", "-year")),
    SortColumn("don_vi", "Đơn vị", ("unit__path", "-year")),
    SortColumn("ngay_dang_ky", "Ngày đăng ký", ("registered_on",), descending_first=True),
]
AWARD_SORT_COLUMNS = [
    SortColumn("nam", "Năm", ("year", "decision_date"), descending_first=True),
    SortColumn("hinh_thuc", "Danh hiệu, hình thức", ("form", "-year")),
    SortColumn("don_vi", "Đơn vị", ("unit__path", "-year")),
    SortColumn("quyet_dinh", "Quyết định", ("decision_date", "decision_number"), descending_first=True),
    SortColumn("cap_khen", "Cấp khen", ("issuing_body", "-year")),
]


def _with_recipients(qs):
    """The persons of the rows shown, read by id in a second query: joined to the list, the register's 119.000
    rows were hashed for the 50 rows of a page whenever the planner overestimated the scoped rows (decision 043)."""
    return qs.prefetch_related("person")


def registration_list(*, user, filters: dict | None = None):
    qs = _filtered(registration_queryset_for(user=user), filters or {})
    return _with_recipients(qs.select_related("movement", "unit")).order_by("-year", "unit__path", "-pk")


def award_list(*, user, filters: dict | None = None):
    filters = dict(filters or {})
    qs = award_queryset_for(user=user)
    if filters.pop("revoked", None) is not None:
        qs = qs.filter(revoked_on__isnull=False)
    qs = _filtered(qs, filters)
    return _with_recipients(qs.select_related("unit", "movement")).order_by("-year", "-decision_date", "-pk")


def award_get_for_user(*, user, pk) -> Award:
    return get_object_or_404(award_queryset_for(user=user).select_related("unit", "person"), pk=pk)
