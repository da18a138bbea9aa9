"""Reads of the training module, scoped: every queryset that reaches a user goes through these."""

from datetime import date
from decimal import Decimal

from django.db.models import Count, Exists, F, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from canbo.accounts.models import Role
from canbo.accounts.scoping import (
    has_role,
    personal_rows_q,
    reads_all_units,
    runs_unit,
    scoped,
    unit_paths,
    unit_visibility_q,
)
from canbo.core.numbers import fmt_decimal, share
from canbo.core.paging import SortColumn
from canbo.core.text import unaccent
from canbo.people.models import Person

from .choices import EnrolmentResult, PlanStatus, StudyStatus
from .models import (
    Enrolment,
    PlanLine,
    StudyAssignment,
    TrainingClass,
    TrainingNeed,
    TrainingPlan,
)

STAFF_ROLES = (Role.PROVINCE_BOARD, Role.STANDING_COMMITTEE, Role.UNIT_OFFICER, Role.LEADER)


def _ancestors(path: str) -> set[str]:
    """'0000001.0000005.0000009.' → {'0000001.', '0000001.0000005.'}: the units above a user's unit."""
    parts = [p for p in path.split(".") if p]
    return {".".join(parts[:i]) + "." for i in range(1, len(parts))}


def plan_queryset_for(*, user):
    """Plans are not personal data: every staff role reads them (officers need the targets of their units)."""
    if not has_role(user, *STAFF_ROLES):
        return TrainingPlan.objects.none()
    return TrainingPlan.objects.select_related("owner_unit")


def class_queryset_for(*, user):
    """Classes run by the user's units, by the units above them (open to their people), or attended by them."""
    qs = TrainingClass.objects.select_related("programme", "organiser_unit", "plan_line")
    if reads_all_units(user):
        return qs
    paths = unit_paths(user)
    if not paths:
        return qs.none()
    condition = Q(organiser_unit__path__in={a for p in paths for a in _ancestors(p)})
    attended = Q(pk__in=[])
    for path in paths:
        condition |= Q(organiser_unit__path__startswith=path)
        attended |= Q(unit__path__startswith=path)
    ours = Enrolment.objects.filter(attended, training_class=OuterRef("pk"))
    return qs.filter(condition | Exists(ours))


def enrolment_queryset_for(*, user):
    """Enrolments of the people the user's units manage today (their whole history, wherever they were
    enrolled: decision 018), and the official's own."""
    qs = Enrolment.objects.select_related("person", "programme", "unit", "training_class")
    allowed = getattr(user, "is_authenticated", False)
    return scoped(qs, personal_rows_q(user, own=True), allowed=allowed)


def study_queryset_for(*, user):
    """People sent to study whom the user's units manage today, and the official's own assignments."""
    qs = StudyAssignment.objects.select_related("person", "programme", "unit")
    allowed = getattr(user, "is_authenticated", False)
    return scoped(qs, personal_rows_q(user, own=True), allowed=allowed)


def class_roster(*, user, klass: TrainingClass):
    """The class list as this user may see it: the people they manage, and for the officers of the organiser
    (while it is in force) also every enrolment still waiting for its result, which they record (decision 018:
    an open process; once the result is in, it follows the person)."""
    if runs_unit(user, klass.organiser_unit):
        waiting = Q(result=EnrolmentResult.PENDING)
        qs = scoped(Enrolment.objects.filter(training_class=klass), personal_rows_q(user, incoming=waiting))
    else:
        qs = enrolment_queryset_for(user=user).filter(training_class=klass)
    return qs.select_related("person", "unit", "qualification", "programme").order_by(
        "person__sort_key", "person_id"
    )


def class_fill(klass: TrainingClass) -> dict:
    counts = Enrolment.objects.filter(training_class=klass).aggregate(
        active=Count("id", filter=~Q(result=EnrolmentResult.WITHDRAWN)),
        completed=Count("id", filter=Q(result=EnrolmentResult.COMPLETED)),
        total=Count("id"),
    )
    counts["free"] = max(klass.capacity - counts["active"], 0)
    return counts


def person_training(*, person) -> dict:
    """The profile's training tab: enrolments (classes and courses) and sending records, newest first."""
    return {
        "enrolments": list(
            person.enrolments.select_related("programme", "training_class", "qualification").order_by(
                "-start_date"
            )
        ),
        "assignments": list(person.study_assignments.select_related("programme").order_by("-start_date")),
    }


def overdue_plans(*, user, today: date | None = None):
    """Plans not issued by their due date (31/01), for the dashboard."""
    today = today or timezone.localdate()
    return plan_queryset_for(user=user).exclude(status=PlanStatus.ISSUED).filter(due_date__lt=today)


def commitments_at_risk(*, user):
    """Graduates who left service before their commitment ended and are not yet marked as breached."""
    return (
        study_queryset_for(user=user)
        .filter(status=StudyStatus.COMPLETED, commitment_end__isnull=False)
        .exclude(person__status="WORKING")
        .filter(person__status_date__lt=F("commitment_end"))
    )


# The enrolment list's filters (GET names the report figures link with) → model paths.
ENROLMENT_FILTER_PATHS = {
    "form": "programme__form",
    "kind": "programme__kind",
    "programme": "programme__code",
    "mode": "mode",
    "venue": "venue",
    "level": "unit__level",
    "result": "result",
}


def enrolment_filter_q(filters: dict, *, user) -> Q:
    """started (default): the start date in [from, to]; completed: completed with a result date in [from, to];
    studying: no result yet, started by `to` (today if empty) and not ended before it; unresulted: no result
    yet although it ended before `to`.
    The unit is the unit at enrolment, with the units below it; without one, the units the user sees (as the
    reports count), and an official's own enrolments."""
    condition = Q()
    unit = filters.get("unit")
    if unit is not None:
        condition &= Q(unit__path__startswith=unit.path)
    else:
        then = unit_visibility_q(user, "unit__path")
        if then is not None:
            condition &= then | Q(person__user=user)
    start, end = filters.get("from"), filters.get("to")
    if filters.get("measure") in ("studying", "unresulted"):
        day = end or timezone.localdate()
        condition &= Q(result=EnrolmentResult.PENDING, start_date__lte=day)
        if filters["measure"] == "studying":  # a long course without an end date is still being studied
            condition &= Q(end_date__gte=day) | Q(end_date__isnull=True)
        else:
            condition &= Q(end_date__lt=day)
        start = end = None
    elif filters.get("measure") == "completed":
        condition &= Q(result=EnrolmentResult.COMPLETED)
        date_field = "result_date"
    else:
        date_field = "start_date"
    if start:
        condition &= Q(**{f"{date_field}__gte": start})
    if end:
        condition &= Q(**{f"{date_field}__lte": end})
    for name, path in ENROLMENT_FILTER_PATHS.items():
        if filters.get(name):
            condition &= Q(**{path: filters[name]})
    for token in unaccent(filters.get("q") or "").split()[:8]:
        condition &= Q(person__search_text__contains=token)
    return condition


# The enrolment list's sortable columns (page and export); the default is the newest start first.
ENROLMENT_SORT_COLUMNS = [
    SortColumn("ten", "Họ và tên", ("person__sort_key",), letter_field="person__sort_key"),
    SortColumn("don_vi", "Đơn vị khi cử đi học", ("unit__path", "person__sort_key")),
    SortColumn("chuong_trinh", "Chương trình", ("programme__code", "person__sort_key")),
    SortColumn("bat_dau", "Bắt đầu", ("start_date", "-person__sort_key"), descending_first=True),
    SortColumn(
        "ket_thuc",
        "Kết thúc",
        (Coalesce("end_date", Value(date(9999, 12, 31))), "-person__sort_key"),
        descending_first=True,
    ),
    SortColumn("ket_qua", "Kết quả", ("result", "person__sort_key")),
]
ENROLMENT_DEFAULT_SORT = "-bat_dau"


def enrolment_list(*, user, filters: dict):
    """The lượt behind a report figure, for the page, its Excel export and the API (one definition)."""
    return (
        enrolment_queryset_for(user=user)
        .filter(enrolment_filter_q(filters, user=user))
        .order_by("-start_date", "person__sort_key", "id")
    )


# --- plan achievement: lượt counted against a plan's target ---------------------------------------------------

COUNTED = ~Q(
    result=EnrolmentResult.WITHDRAWN
)  # every enrolment on a plan line counts as one lượt, bar withdrawals


def counted_enrolments(*conditions: Q, **filters):
    """The lượt a plan counts (withdrawals excluded), narrowed by `conditions` and `filters`."""
    return Enrolment.objects.filter(COUNTED, *conditions, **filters)


def plan_achievement(turns: int, target: int) -> Decimal | None:
    """% achieved = lượt ÷ target × 100, rounded half up to one decimal; None while there is no target."""
    return share(turns, target)


def line_progress(plan) -> dict[int, int]:
    """Lượt counted against each line of the plan: one aggregate query."""
    rows = counted_enrolments(plan_line__plan=plan).order_by().values("plan_line").annotate(n=Count("id"))
    return {row["plan_line"]: row["n"] for row in rows}


def plan_totals(plans) -> dict[int, dict]:
    """Target and lượt per plan, for lists and the hub: two aggregate queries whatever the number of plans."""
    ids = [p.pk for p in plans]
    targets = dict(
        PlanLine.objects.filter(plan__in=ids)
        .order_by()
        .values("plan")
        .annotate(t=Sum("target_count"))
        .values_list("plan", "t")
    )
    done = dict(
        counted_enrolments(plan_line__plan__in=ids)
        .order_by()
        .values("plan_line__plan")
        .annotate(n=Count("id"))
        .values_list("plan_line__plan", "n")
    )
    return {
        pk: {
            "target": targets.get(pk, 0),
            "actual": done.get(pk, 0),
            "pct_text": fmt_decimal(plan_achievement(done.get(pk, 0), targets.get(pk, 0))),
        }
        for pk in ids
    }


BROWSE_CAP = 10_000  # an unfiltered browse says "hơn 10.000" beyond this


def enrolment_totals(enrolments, *, filtered: bool) -> dict:
    """Turns (lượt) and distinct persons of the list ({"turns", "persons"}, plus "capped" when capped).

    Exact for a filtered list (the figures the user asked for). For an unfiltered browse of the whole scope,
    counted up to BROWSE_CAP: a bounded scan of the rows and a semi-join from the persons that stops at the cap,
    instead of counting every turn and every distinct person of the table on every page."""
    base = enrolments.order_by()
    if filtered:
        return base.aggregate(turns=Count("id"), persons=Count("person", distinct=True))
    turns = base[: BROWSE_CAP + 1].count()
    if turns <= BROWSE_CAP:
        return base.aggregate(turns=Count("id"), persons=Count("person", distinct=True))
    with_turns = Person.objects.filter(Exists(base.filter(person=OuterRef("pk")))).order_by()
    persons = with_turns[: BROWSE_CAP + 1].count()
    return {
        "turns": BROWSE_CAP,
        "persons": min(persons, BROWSE_CAP),
        "capped": True,
        "persons_capped": persons > BROWSE_CAP,
    }


def dashboard_tiles(*, user, today) -> dict:
    """This year's issued plan with its achievement, overdue plans, commitments at risk: 3 queries."""
    target = PlanLine.objects.filter(plan=OuterRef("pk")).order_by().values("plan")
    actual = counted_enrolments(plan_line__plan=OuterRef("pk")).order_by().values("plan_line__plan")
    plan = (
        plan_queryset_for(user=user)
        .filter(year=today.year, status=PlanStatus.ISSUED)
        .annotate(
            target=Subquery(target.annotate(t=Sum("target_count")).values("t")),
            actual=Subquery(actual.annotate(n=Count("id")).values("n")),
        )
        .order_by("owner_unit__depth", "owner_unit__path")
        .first()
    )
    achievement = None
    if plan is not None:
        plan.target, plan.actual = plan.target or 0, plan.actual or 0
        achievement = fmt_decimal(plan_achievement(plan.actual, plan.target)) if plan.target else None
    return {
        "training_year": today.year,
        "training_plan": plan,
        "training_achievement": achievement,
        "overdue_plans": overdue_plans(user=user, today=today).count(),
        "commitments_at_risk": commitments_at_risk(user=user).count(),
    }


# --- the long lists (keyset paging, decision 032): filters and sortable columns, one copy for view and export


def _active_enrolments():
    """Learners of a class, withdrawals aside: a correlated subquery computed for the page's rows only."""
    return Coalesce(
        Subquery(
            Enrolment.objects.filter(training_class=OuterRef("pk"))
            .exclude(result=EnrolmentResult.WITHDRAWN)
            .order_by()
            .values("training_class")
            .annotate(n=Count("id"))
            .values("n")
        ),
        0,
    )


CLASS_SORT_COLUMNS = [
    SortColumn("ma", "Mã lớp", ("code",)),
    SortColumn("ten", "Tên lớp", ("name",)),
    SortColumn("don_vi", "Đơn vị quản lý", ("organiser_unit__path", "-start_date")),
    SortColumn("khai_giang", "Khai giảng", ("start_date", "code"), descending_first=True),
    SortColumn("be_giang", "Bế giảng", ("end_date", "code"), descending_first=True),
]
CLASS_DEFAULT_SORT = "-khai_giang"


def class_list(*, user, filters: dict, today: date | None = None):
    """The classes the user may see, filtered: q (code or name), year of opening, kind and code of programme,
    status (running, upcoming, finished as of today); each with `active`, its learners bar withdrawals."""
    today = today or timezone.localdate()
    classes = class_queryset_for(user=user).annotate(active=_active_enrolments())
    if filters.get("q"):
        classes = classes.filter(Q(code__icontains=filters["q"]) | Q(name__icontains=filters["q"]))
    if filters.get("year"):
        classes = classes.filter(start_date__year=filters["year"])
    if filters.get("kind"):
        classes = classes.filter(programme__kind=filters["kind"])
    if filters.get("programme"):
        classes = classes.filter(programme__code=filters["programme"])
    status = filters.get("status")
    if status == "running":
        classes = classes.filter(start_date__lte=today, end_date__gte=today)
    elif status == "upcoming":
        classes = classes.filter(start_date__gt=today)
    elif status == "finished":
        classes = classes.filter(end_date__lt=today)
    return classes


STUDY_SORT_COLUMNS = [
    SortColumn("ten", "Họ và tên", ("person__sort_key",), letter_field="person__sort_key"),
    SortColumn("don_vi", "Đơn vị cử đi học", ("unit__path", "person__sort_key")),
    SortColumn("chuong_trinh", "Chương trình", ("programme__sort_order", "person__sort_key")),
    SortColumn("nhap_hoc", "Nhập học", ("start_date", "person__sort_key"), descending_first=True),
    SortColumn("du_kien", "Dự kiến kết thúc", ("expected_end", "person__sort_key"), descending_first=True),
    SortColumn("trang_thai", "Trạng thái", ("status", "-start_date")),
]
STUDY_DEFAULT_SORT = "-nhap_hoc"


def study_list(*, user, filters: dict):
    """People sent to study whom the user may see: at_risk (left before the commitment ended), status, q."""
    assignments = commitments_at_risk(user=user) if filters.get("at_risk") else study_queryset_for(user=user)
    if filters.get("status"):
        assignments = assignments.filter(status=filters["status"])
    for token in unaccent(filters.get("q") or "").split()[:8]:
        assignments = assignments.filter(person__search_text__contains=token)
    return assignments


def needs_queryset_for(*, user):
    """Needs of the units the user may see (all of them for the board and the Standing Committee)."""
    qs = TrainingNeed.objects.select_related("unit", "programme", "plan_line__plan")
    condition = unit_visibility_q(user, "unit__path")
    return qs if condition is None else qs.filter(condition)


NEED_SORT_COLUMNS = [
    SortColumn("nam", "Năm", ("year", "unit__path", "programme__sort_order"), descending_first=True),
    SortColumn("don_vi", "Đơn vị", ("unit__path", "-year", "programme__sort_order")),
    SortColumn("chuong_trinh", "Chương trình", ("programme__sort_order", "-year", "unit__path")),
    SortColumn("so_nguoi", "Số người", ("count",), descending_first=True),
]
NEED_DEFAULT_SORT = "-nam"


def need_list(*, user, filters: dict):
    needs = needs_queryset_for(user=user)
    if filters.get("year"):
        needs = needs.filter(year=filters["year"])
    return needs


PLAN_SORT_COLUMNS = [
    SortColumn("nam", "Năm", ("year", "owner_unit__path"), descending_first=True),
    SortColumn("ke_hoach", "Kế hoạch", ("title",)),
    SortColumn("don_vi", "Đơn vị xây dựng", ("owner_unit__path", "-year")),
    SortColumn("trang_thai", "Trạng thái", ("status", "-year")),
    SortColumn("han", "Hạn ban hành", ("due_date",), descending_first=True),
]
PLAN_DEFAULT_SORT = "-nam"


def plan_list(*, user, filters: dict, today: date | None = None):
    """Plans the user may see: year, status, overdue (not issued by the due date)."""
    plans = plan_queryset_for(user=user)
    if filters.get("year"):
        plans = plans.filter(year=filters["year"])
    if filters.get("status"):
        plans = plans.filter(status=filters["status"])
    if filters.get("overdue"):
        plans = plans.exclude(status=PlanStatus.ISSUED).filter(due_date__lt=today or timezone.localdate())
    return plans
