"""Reads of the personnel register. Every selector takes the acting user and is scoped to their units."""

from datetime import date

from django.db.models import Exists, OuterRef, Q, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from canbo.accounts.scoping import managed_person_q, scoped, unit_editability_q
from canbo.core.paging import SortColumn
from canbo.org.models import OrgUnit

from .choices import level_rank
from .models import ChangeRequest, ChangeRequestStatus, Employment, Person, Position, Qualification, Rank

AGE_BANDS = {
    "duoi_30": ("Dưới 30", 0, 29),
    "30_39": ("Từ 30 đến 39", 30, 39),
    "40_49": ("Từ 40 đến 49", 40, 49),
    "50_59": ("Từ 50 đến 59", 50, 59),
    "tu_60": ("Từ 60 trở lên", 60, 200),
}


# The person list's sortable columns (HTML list, export); names in the Vietnamese order (core.text.sort_key).
PERSON_SORT_COLUMNS = [
    SortColumn("ten", "Họ và tên", ("sort_key",), letter_field="sort_key"),
    SortColumn("ngay_sinh", "Ngày sinh", ("date_of_birth", "sort_key")),
    SortColumn("gioi_tinh", "Giới tính", ("gender", "sort_key")),
    SortColumn("don_vi", "Đơn vị", ("current_unit__path", "sort_key")),
    SortColumn(
        "chuc_vu", "Chức vụ", (Coalesce("position__tier", Value(0)), "sort_key"), descending_first=True
    ),
    SortColumn("phan_loai", "Phân loại", ("category", "sort_key")),
]
PERSON_DEFAULT_SORT = "ten"


def person_queryset_for(*, user):
    """Persons the user may read: the people their units manage today (current unit under a role unit in
    force: decision 018) and their own record."""
    if not getattr(user, "is_authenticated", False):
        return Person.objects.none()
    condition = managed_person_q(user, "")
    return scoped(Person.objects.all(), None if condition is None else condition | Q(user=user))


def person_editable_queryset_for(*, user):
    return scoped(Person.objects.all(), managed_person_q(user, "", write=True))


def person_get_for_user(*, user, uuid) -> Person:
    """404 for a record outside the user's units: its existence is not disclosed."""
    qs = person_queryset_for(user=user).select_related("current_unit", "position", "rank", "user")
    return get_object_or_404(qs, uuid=uuid)


def _birth_range(min_age: int, max_age: int, today: date) -> Q:
    def years_ago(n):
        try:
            return today.replace(year=today.year - n)
        except ValueError:  # 29 February
            return today.replace(year=today.year - n, day=28)

    latest = years_ago(min_age)
    earliest = years_ago(max_age + 1)
    return Q(date_of_birth__lte=latest, date_of_birth__gt=earliest)


def person_list(*, user, filters: dict | None = None):
    """The filtered, Vietnamese-ordered list of persons the user may see."""
    filters = filters or {}
    qs = person_queryset_for(user=user)
    unit, on = filters.get("unit"), filters.get("on")
    if on:
        # As of a past date: people with a timeline row in force then (in the unit's subtree, if one is given).
        rows = Employment.objects.active_on(on).filter(person=OuterRef("pk"))
        if unit:
            rows = rows.filter(unit__path__startswith=unit.path)
        if filters.get("level"):
            rows = rows.filter(unit__level=filters["level"])
        if filters.get("category"):
            rows = rows.filter(category=filters["category"])
        qs = qs.filter(Exists(rows))
    elif unit:
        qs = qs.filter(current_unit__path__startswith=unit.path)
    for field in ("gender", "ethnicity", "status") if on else ("category", "gender", "ethnicity", "status"):
        if filters.get(field):
            qs = qs.filter(**{field: filters[field]})
    if filters.get("level") and not on:
        qs = qs.filter(current_unit__level=filters["level"])
    if filters.get("age_band") in AGE_BANDS:
        _label, low, high = AGE_BANDS[filters["age_band"]]
        qs = qs.filter(_birth_range(low, high, timezone.localdate()))
    scale, level = filters.get("qualification_scale"), filters.get("qualification_level")
    if scale and level and level_rank(scale, level):
        held = Qualification.objects.filter(
            person=OuterRef("pk"), scale=scale, rank__gte=level_rank(scale, level)
        )
        if on:
            held = held.filter(awarded_on__lte=on)
        qs = qs.filter(Exists(held))
    if filters.get("q"):
        qs = qs.search(filters["q"])
    return qs.select_related("current_unit", "position").order_by("sort_key", "id")


def highest_qualifications(*, person: Person, on: date | None = None) -> dict[str, Qualification]:
    """The highest level on each scale held on a date — derived from the dated records, never stored."""
    on = on or timezone.localdate()
    best: dict[str, Qualification] = {}
    for qual in person.qualifications.filter(awarded_on__lte=on).order_by("scale", "-rank", "-awarded_on"):
        best.setdefault(qual.scale, qual)
    return best


def employments_on(*, on: date, units=None):
    """Timeline rows in force on a date (one query): who worked where on 31/12/2019."""
    qs = Employment.objects.active_on(on)
    if units is not None:
        qs = qs.filter(unit__in=units)
    return qs


def person_timeline(*, person: Person):
    return person.employments.select_related("unit", "position").order_by("-start_date")


def unit_choices_for(*, user, on: date | None = None):
    """Units the user may place people in (active on a date), for forms."""
    condition = unit_editability_q(user, "path")
    qs = OrgUnit.objects.bodies()
    if on:
        qs = qs.active_on(on)
    return qs if condition is None else qs.filter(condition)


def catalogue_choices(model, *, keep=None, on: date | None = None):
    """Entries of a catalogue (Rank, Position, Programme …) offered in forms: those in force on a date.

    Catalogue entries are retired (end-dated), never deleted; a retired entry is no longer offered, but the one
    an existing row already holds (`keep`, a pk or an instance) stays valid, so editing that row keeps it.
    """
    condition = Q(valid_from__lte=on or timezone.localdate()) & (
        Q(valid_to__isnull=True) | Q(valid_to__gte=on or timezone.localdate())
    )
    keep_pk = getattr(keep, "pk", keep)
    if keep_pk is not None:
        condition |= Q(pk=keep_pk)
    return model.objects.filter(condition)


def position_choices(*, keep=None):
    return catalogue_choices(Position, keep=keep).order_by("-tier", "name")


def rank_choices(*, keep=None):
    return catalogue_choices(Rank, keep=keep).order_by("code")


def change_requests_pending_for(*, user):
    qs = ChangeRequest.objects.filter(status=ChangeRequestStatus.PENDING).select_related(
        "person", "requested_by"
    )
    return scoped(qs, managed_person_q(user, write=True))


_NOT_FETCHED = object()


def own_person(user) -> Person | None:
    """The register's record of this user (an official's own record), once per request; None if there is none."""
    if not getattr(user, "is_authenticated", False):
        return None
    cached = getattr(user, "_canbo_own_person", _NOT_FETCHED)
    if cached is _NOT_FETCHED:
        cached = Person.objects.filter(user=user).select_related("current_unit").first()
        user._canbo_own_person = cached
    return cached
