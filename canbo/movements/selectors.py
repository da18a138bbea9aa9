"""Reads of appointments and movements (outside → 404 / not listed): a person's rows while the user's unit
manages the person, and the open ones that bring a person into the unit (decision 018).

The due lists (`reappointments_due`, `rotations_ending`, `retirements_within`) also serve the daily reminders:
each takes `user` (their visible units) or `units` (the subtrees of these units) or neither (the whole
province), and `today`, and returns a queryset — one SQL query whatever the number of people.
"""

from datetime import date, timedelta

from django.db.models import Exists, F, OuterRef, Q, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from canbo.accounts.access import reads_cadre_work
from canbo.accounts.scoping import in_force_unit_q, personal_rows_q, scoped
from canbo.core.dates import REAPPOINTMENT_NOTICE_DAYS, add_months, due_horizon
from canbo.core.paging import SortColumn
from canbo.core.text import unaccent
from canbo.people.choices import Gender, PersonStatus
from canbo.people.models import Person
from canbo.people.retirement import latest_birth_retiring_before

from .choices import AppointmentStatus, MovementKind
from .models import Appointment, Movement
from .services.terms import EXTENSION_NOTE

APPOINTMENT_UNDER_WAY = [AppointmentStatus.PROPOSED, AppointmentStatus.CHECKED, AppointmentStatus.APPROVED]


def appointment_under_way(person: Person) -> Appointment | None:
    """The person's appointment under way (proposed, checked or approved), if any: planning's rule 10 asks."""
    return (
        Appointment.objects.filter(person=person, status__in=APPOINTMENT_UNDER_WAY)
        .select_related("position", "unit")
        .first()
    )


ROTATION_KINDS = (MovementKind.ROTATION, MovementKind.SECONDMENT)
RETIREMENT_NOTICE_MONTHS = 6


def _reader_rows_q(user, person_field="person", incoming=None) -> Q | None:
    """The rows about the people `user` manages, plus `incoming`; None (no restriction) for no user: the due
    lists also run for units (`units=`) or the whole province."""
    return None if user is None else personal_rows_q(user, person_field, incoming=incoming)


def incoming_appointments_q(user) -> Q:
    """Appointments under way (not decided, not withdrawn) to a unit of the user's in force."""
    closed = [AppointmentStatus.DECIDED, AppointmentStatus.WITHDRAWN]
    return ~Q(status__in=closed) & in_force_unit_q(user, "unit__path")


def open_movements_q(user, today: date | None = None) -> Q:
    """Movements into a unit of the user's not yet effective, and rotations or secondments out of one that
    have not ended (the person comes back)."""
    today = today or timezone.localdate()
    incoming = Q(start_date__gt=today) & in_force_unit_q(user, "to_unit__path")
    away = Q(kind__in=ROTATION_KINDS, end_date__gte=today) & in_force_unit_q(user, "from_unit__path")
    return incoming | away


# --- appointments ------------------------------------------------------------------------------------------


def appointment_queryset_for(*, user):
    """Appointments of the people the user's units manage, and those under way to their units."""
    if not getattr(user, "is_authenticated", False):
        return Appointment.objects.none()
    return scoped(
        Appointment.objects.all(),
        personal_rows_q(user, incoming=incoming_appointments_q(user)),
        allowed=reads_cadre_work(user),
    )


APPOINTMENT_SORT_COLUMNS = [
    SortColumn("moi_nhat", "Ngày lập", ("created_at",), descending_first=True),
    SortColumn("ten", "Họ và tên", ("person__sort_key",), letter_field="person__sort_key"),
    SortColumn("chuc_vu", "Chức vụ", ("position__name", "person__sort_key")),
    SortColumn("don_vi", "Đơn vị", ("unit__path", "person__sort_key")),
    SortColumn("hinh_thuc", "Hình thức", ("kind", "person__sort_key")),
    SortColumn("trang_thai", "Trạng thái", ("status", "person__sort_key")),
    SortColumn("nhiem_ky", "Nhiệm kỳ", (Coalesce("term_end", Value(date(9999, 12, 31))), "person__sort_key")),
]
MOVEMENT_SORT_COLUMNS = [
    SortColumn("ten", "Họ và tên", ("person__sort_key",), letter_field="person__sort_key"),
    SortColumn("hinh_thuc", "Hình thức", ("kind", "-start_date")),
    SortColumn("tu_don_vi", "Từ đơn vị", (Coalesce("from_unit__path", Value("")), "-start_date")),
    SortColumn("den_don_vi", "Đến đơn vị", (Coalesce("to_unit__path", Value("")), "-start_date")),
    SortColumn("tu_ngay", "Từ ngày", ("start_date", "-person__sort_key"), descending_first=True),
    SortColumn(
        "den_ngay", "Đến ngày", (Coalesce("end_date", Value(date(9999, 12, 31))), "-person__sort_key")
    ),
    SortColumn("quyet_dinh", "Quyết định", ("decision_date", "decision_number"), descending_first=True),
]


def appointment_list(*, user, filters: dict | None = None):
    filters = filters or {}
    qs = appointment_queryset_for(user=user)
    for field in ("status", "kind"):
        if filters.get(field):
            qs = qs.filter(**{field: filters[field]})
    if filters.get("unit"):
        qs = qs.filter(unit__path__startswith=filters["unit"].path)
    for token in unaccent(filters.get("q") or "").split()[:8]:
        qs = qs.filter(person__search_text__contains=token)
    return qs.select_related("person__current_unit", "position", "unit").order_by("-created_at", "-pk")


def appointment_get_for_user(*, user, pk) -> Appointment:
    qs = appointment_queryset_for(user=user).select_related(
        "person__current_unit",
        "person__position",
        "position",
        "unit",
        "previous",
        "employment",
        "proposed_by",
    )
    return get_object_or_404(qs, pk=pk)


def appointment_history(*, appointment: Appointment):
    """The other appointments of the same person (newest first), for the dossier."""
    return (
        Appointment.objects.filter(person_id=appointment.person_id)
        .exclude(pk=appointment.pk)
        .select_related("position", "unit")
        .order_by("-created_at")
    )


# --- movements ---------------------------------------------------------------------------------------------


def movement_queryset_for(*, user):
    """Movements of the people the user's units manage, and those still open into or out of their units."""
    if not getattr(user, "is_authenticated", False):
        return Movement.objects.none()
    return scoped(
        Movement.objects.all(),
        personal_rows_q(user, incoming=open_movements_q(user)),
        allowed=reads_cadre_work(user),
    )


def movement_list(*, user, filters: dict | None = None):
    filters = filters or {}
    qs = movement_queryset_for(user=user)
    if filters.get("kind"):
        qs = qs.filter(kind=filters["kind"])
    if filters.get("direction"):
        qs = qs.filter(direction=filters["direction"])
    if filters.get("unit"):
        path = filters["unit"].path
        qs = qs.filter(Q(from_unit__path__startswith=path) | Q(to_unit__path__startswith=path))
    if filters.get("date_from"):
        qs = qs.filter(start_date__gte=filters["date_from"])
    if filters.get("date_to"):
        qs = qs.filter(start_date__lte=filters["date_to"])
    for token in unaccent(filters.get("q") or "").split()[:8]:
        qs = qs.filter(person__search_text__contains=token)
    return qs.select_related("person__current_unit", "from_unit", "to_unit", "to_position").order_by(
        "-start_date", "person__sort_key", "pk"
    )


def movement_get_for_user(*, user, pk) -> Movement:
    qs = movement_queryset_for(user=user).select_related(
        "person__current_unit", "from_unit", "to_unit", "to_position", "employment__unit", "recorded_by"
    )
    return get_object_or_404(qs, pk=pk)


# --- due lists (also the reminders') -----------------------------------------------------------------------


def reappointments_due(*, user=None, units=None, today: date, days: int = REAPPOINTMENT_NOTICE_DAYS):
    """Decided terms ending within `days` working days (from the 90th working day before the end until the
    end), whose holder still holds the post and works, with no reappointment under way, not extended."""
    successor = Appointment.objects.filter(previous=OuterRef("pk")).exclude(
        status=AppointmentStatus.WITHDRAWN
    )
    qs = (
        Appointment.objects.filter(
            status=AppointmentStatus.DECIDED,
            term_end__gte=today,
            term_end__lte=due_horizon(today, days),
            person__status=PersonStatus.WORKING,
            person__position_id=F("position_id"),
            person__current_unit_id=F("unit_id"),
        )
        .exclude(Exists(successor))
        .exclude(note__startswith=EXTENSION_NOTE)
    )
    qs = scoped(
        qs,
        _reader_rows_q(user),
        allowed=user is None or reads_cadre_work(user),
        units=units,
        unit_fields=("unit__path",),
    )
    return qs.select_related("person__current_unit", "position", "unit").order_by(
        "term_end", "person__sort_key", "pk"
    )


def rotations_ending(*, user=None, units=None, today: date, within_days: int = 90, kinds=ROTATION_KINDS):
    """Rotations (and secondments) whose term ends within `within_days` days, the person still working and
    not moved again since."""
    later = Movement.objects.filter(person=OuterRef("person"), start_date__gt=OuterRef("start_date"))
    qs = Movement.objects.filter(
        kind__in=kinds,
        end_date__gte=today,
        end_date__lte=today + timedelta(days=within_days),
        person__status=PersonStatus.WORKING,
    ).exclude(Exists(later))
    incoming = open_movements_q(user, today) if user is not None else None
    qs = scoped(
        qs,
        _reader_rows_q(user, incoming=incoming),
        allowed=user is None or reads_cadre_work(user),
        units=units,
        unit_fields=("from_unit__path", "to_unit__path"),
    )
    return qs.select_related("person__current_unit", "from_unit", "to_unit").order_by(
        "end_date", "person__sort_key", "pk"
    )


def retirement_window_q(start: date, end: date) -> Q:
    """Persons whose retirement date (NĐ 135) falls in [start, end], as a date-of-birth condition per gender:
    retirement_date(birth) < D ⇔ birth ≤ latest_birth_retiring_before(gender, D)."""
    condition = Q(pk__in=[])
    for gender in Gender.values:
        condition |= Q(
            gender=gender,
            date_of_birth__gt=latest_birth_retiring_before(gender, start),
            date_of_birth__lte=latest_birth_retiring_before(gender, end + timedelta(days=1)),
        )
    return condition


def retirements_within(
    *, user=None, units=None, today: date, months: int = RETIREMENT_NOTICE_MONTHS, overdue: bool = False
):
    """Working persons who reach their retirement date between today and `months` months from today (with
    `overdue`, also those past it whose retirement is not recorded yet)."""
    start = date(1900, 1, 1) if overdue else today
    qs = Person.objects.filter(
        retirement_window_q(start, add_months(today, months)), status=PersonStatus.WORKING
    )
    qs = scoped(
        qs,
        _reader_rows_q(user, ""),
        allowed=user is None or reads_cadre_work(user),
        units=units,
        unit_fields=("current_unit__path",),
    )
    return qs.select_related("current_unit", "position").order_by("date_of_birth", "sort_key", "pk")


def person_appointments(*, user, person: Person):
    """A person's appointments (newest first) that the user may read, for the profile."""
    return (
        appointment_queryset_for(user=user)
        .filter(person=person)
        .select_related("position", "unit")
        .order_by("-created_at", "-pk")
    )


def person_movements(*, user, person: Person):
    """A person's movements (newest first) that the user may read, for the profile."""
    return (
        movement_queryset_for(user=user)
        .filter(person=person)
        .select_related("from_unit", "to_unit", "to_position")
        .order_by("-start_date", "-pk")
    )


def dashboard_tiles(*, user, today: date) -> dict:
    """Deadlines of the user's units for the dashboard (4 COUNT queries), each linking to its due list."""
    from .choices import AppointmentStatus

    return {
        "movement_tiles": [
            (
                "reappointments",
                reappointments_due(user=user, today=today).count(),
                "bo-nhiem-lai",
                "đến hạn bổ nhiệm lại (90 ngày làm việc)",
            ),
            (
                "retirements",
                retirements_within(user=user, today=today).count(),
                "nghi-huu",
                "nghỉ hưu trong 6 tháng tới",
            ),
            (
                "rotations",
                rotations_ending(user=user, today=today).count(),
                "luan-chuyen",
                "hết thời hạn luân chuyển, biệt phái trong 90 ngày",
            ),
        ],
        "blocked_appointments": appointment_queryset_for(user=user)
        .filter(status=AppointmentStatus.BLOCKED)
        .count(),
    }
