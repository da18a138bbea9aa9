"""Reads of Party admissions and targets (outside → 404): targets by the Party organisation's unit, admissions
while the user's unit manages the person (a candidate outside the register: by the organisation, while it is
in force; decision 018)."""

from datetime import date

from django.db.models import DateField, Q, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from canbo.accounts.access import reads_cadre_work, records_cadre_work
from canbo.accounts.scoping import personal_rows_q, scoped, unit_visibility_q
from canbo.core.paging import SortColumn
from canbo.core.text import unaccent
from canbo.reports.base import ReportParams

from .models import Admission, AdmissionTarget

is_reader = reads_cadre_work  # board, Standing Committee, unit officers, leaders
is_writer = records_cadre_work  # board, unit officers


def _reads(user) -> bool:
    return getattr(user, "is_authenticated", False) and is_reader(user)


def target_list(*, user):
    targets = AdmissionTarget.objects.select_related("party_org")
    return scoped(targets, unit_visibility_q(user, "party_org__path"), allowed=_reads(user))


def admission_queryset_for(*, user):
    condition = personal_rows_q(user, unattached_unit="party_org__path")
    return scoped(Admission.objects.all(), condition, allowed=_reads(user))


def admission_list(*, user, filters: dict | None = None):
    filters = filters or {}
    qs = admission_queryset_for(user=user)
    if filters.get("status"):
        qs = qs.filter(status=filters["status"])
    if filters.get("party_org"):
        qs = qs.filter(party_org__path__startswith=filters["party_org"].path)
    if filters.get("year"):
        qs = qs.filter(admitted_on__year=filters["year"])
    for token in unaccent(filters.get("q") or "").split()[:8]:
        qs = qs.filter(Q(person__search_text__contains=token) | Q(candidate_name__icontains=token))
    return qs.select_related("person", "party_org").order_by("-admitted_on", "-pk")


ADMISSION_SORT_COLUMNS = [
    # people of the register by their Vietnamese sort key, then candidates outside it by name
    SortColumn("ten", "Họ và tên", (Coalesce("person__sort_key", "candidate_name"),)),
    SortColumn("to_chuc", "Tổ chức đảng", ("party_org__path", "-admitted_on")),
    SortColumn("chi_bo", "Chi bộ", ("cell", "-admitted_on")),
    SortColumn("ket_nap", "Ngày kết nạp", ("admitted_on",), descending_first=True),
    SortColumn("trang_thai", "Trạng thái", ("status", "-admitted_on")),
    SortColumn(
        "chinh_thuc",
        "Ngày chính thức",
        (Coalesce("full_member_on", Value(date(1900, 1, 1), output_field=DateField())),),
        descending_first=True,
    ),
]
ADMISSION_DEFAULT_SORT = "-ket_nap"

TARGET_SORT_COLUMNS = [
    SortColumn("nhiem_ky", "Nhiệm kỳ", ("start_year", "end_year", "party_org__path"), descending_first=True),
    SortColumn("to_chuc", "Tổ chức đảng", ("party_org__path", "-start_year")),
    SortColumn("chi_tieu", "Chỉ tiêu", ("target",), descending_first=True),
]
TARGET_DEFAULT_SORT = "-nhiem_ky"


def admission_get_for_user(*, user, pk) -> Admission:
    return get_object_or_404(admission_queryset_for(user=user).select_related("person", "party_org"), pk=pk)


def dashboard_tiles(*, user, today) -> dict:
    """Admissions vs target of the terms running today, from the party-admissions report (≤ 3 queries).
    `party_tiles`: [(term, admitted, target, pct)] for the outermost Party organisations the user sees."""
    if not is_reader(user):
        return {}
    from .reports import PartyAdmissionsReport

    terms = (
        target_list(user=user)
        .filter(start_year__lte=today.year, end_year__gte=today.year)
        .order_by()
        .values_list("start_year", "end_year")
        .distinct()
    )
    tiles = []
    for start, end in terms:
        result = PartyAdmissionsReport().run(
            user=user, params=ReportParams(options={"term": f"{start}-{end}"})
        )
        for term, s in result.meta.items():
            tiles.append((term, s["admitted"], s["target"], s["pct"]))
    return {"party_tiles": tiles}
