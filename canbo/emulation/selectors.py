"""Reads of registrations and awards (outside → 404 / not listed): an individual's rows while the user's unit
manages the person (decision 018), a collective's by its unit while that unit is in force."""

from django.shortcuts import get_object_or_404

from canbo.accounts.access import reads_cadre_work, records_cadre_work
from canbo.accounts.scoping import personal_rows_q, scoped
from canbo.core.paging import SortColumn

from .models import Award, EmulationMovement, Registration

is_reader = reads_cadre_work  # board, Standing Committee, unit officers, leaders
is_writer = records_cadre_work  # board, unit officers


def _scoped(queryset, user):
    allowed = getattr(user, "is_authenticated", False) and is_reader(user)
    return scoped(queryset, personal_rows_q(user, unattached_unit="unit__path"), allowed=allowed)


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


def registration_list(*, user, filters: dict | None = None):
    qs = _filtered(_scoped(Registration.objects.all(), user), filters or {})
    return qs.select_related("movement", "unit", "person").order_by("-year", "unit__path", "-pk")


def award_list(*, user, filters: dict | None = None):
    filters = dict(filters or {})
    qs = _scoped(Award.objects.all(), user)
    if filters.pop("revoked", None) is not None:
        qs = qs.filter(revoked_on__isnull=False)
    qs = _filtered(qs, filters)
    return qs.select_related("unit", "person", "movement").order_by("-year", "-decision_date", "-pk")


def award_get_for_user(*, user, pk) -> Award:
    return get_object_or_404(_scoped(Award.objects.select_related("unit", "person"), user), pk=pk)
