"""Reads of cadre planning, scoped to the acting user (canbo.accounts.scoping): terms, posts, entries and
decisions; the plan's composition and ratios (domain.md rule 11); the automatic removal proposals (rule 12).

Terms and decisions are the board's documents: every planning reader sees them. Posts are scoped by the post's
unit; entries name a person, so they follow decision 018: the people the user's units manage, and the live
entries (proposed, approved) for posts of their units in force. The training needs of the plan are in `needs.py`.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q, Subquery, Sum

from canbo.accounts.models import Role
from canbo.accounts.scoping import has_role, in_force_unit_q, personal_rows_q, scoped, unit_visibility_q
from canbo.core.dates import add_years
from canbo.core.numbers import share
from canbo.discipline.models import SEVERITY, DisciplineForm, DisciplineRecord
from canbo.org.models import OrgUnit
from canbo.people.choices import Gender, PersonStatus
from canbo.people.retirement import latest_birth_retiring_before, retirement_date

from .choices import EntryStatus, RemovalReason
from .models import PlannedPost, PlanningDecision, PlanningEntry, PlanningTerm

READER_ROLES = (Role.PROVINCE_BOARD, Role.STANDING_COMMITTEE, Role.UNIT_OFFICER, Role.LEADER)
MIN_PLAN_RATIO = 2  # [U] QĐ 50/2021: "phấn đấu ít nhất 2 người cho một chức danh"; the maximum is the term's
LIVE = [EntryStatus.PROPOSED, EntryStatus.APPROVED]  # the entries the limits count


def approved_entries_on(on: date):
    """Entries approved on or before `on`, not removed by then, in a term that covers `on`."""
    return PlanningEntry.objects.filter(
        status__in=[EntryStatus.APPROVED, EntryStatus.REMOVED],
        approved_on__lte=on,
        post__term__start_date__lte=on,
        post__term__end_date__gte=on,
    ).exclude(removed_on__lte=on)


def plan_entries_on(*, term: PlanningTerm, on: date):
    """The term's plan as it stood on `on`: approved by then and not removed by then (whatever the term's
    dates: a plan for 2025–2030 is approved before 2025)."""
    return PlanningEntry.objects.filter(
        post__term=term,
        status__in=[EntryStatus.APPROVED, EntryStatus.REMOVED],
        approved_on__lte=on,
    ).exclude(removed_on__lte=on)


# --- scoped querysets --------------------------------------------------------------------------------------


def is_reader(user) -> bool:
    return has_role(user, *READER_ROLES)


def term_queryset_for(*, user):
    return PlanningTerm.objects.all() if is_reader(user) else PlanningTerm.objects.none()


def decision_queryset_for(*, user):
    qs = PlanningDecision.objects.select_related("term")
    return qs if is_reader(user) else qs.none()


def post_queryset_for(*, user):
    posts = PlannedPost.objects.select_related("term", "unit", "position")
    return scoped(posts, unit_visibility_q(user, "unit__path"), allowed=is_reader(user))


def entry_queryset_for(*, user):
    qs = PlanningEntry.objects.select_related(
        "post__term",
        "post__unit",
        "post__position",
        "person__current_unit",
        "person__position",
        "approved_by",
        "removed_by",
    )
    live = Q(status__in=LIVE) & in_force_unit_q(user, "post__unit__path")
    return scoped(qs, personal_rows_q(user, incoming=live), allowed=is_reader(user))


def scope_condition(*, user, org: OrgUnit | None = None, field: str = "post__unit__path") -> Q:
    """The user's units (None: the whole province, for system reports), narrowed to the `org` subtree."""
    condition = Q()
    if user is not None:
        visible = unit_visibility_q(user, field)
        if visible is not None:
            condition &= visible
    if org is not None:
        condition &= Q(**{f"{field}__startswith": org.path})
    return condition


def term_default(on: date) -> PlanningTerm | None:
    """The term covering `on` (the latest started if two overlap), else the next one, else the last one."""
    terms = PlanningTerm.objects.all()
    return (
        terms.filter(start_date__lte=on, end_date__gte=on).order_by("-start_date").first()
        or terms.filter(start_date__gt=on).order_by("start_date").first()
        or terms.order_by("-end_date").first()
    )


# --- age conditions, as SQL ---------------------------------------------------------------------------------


def young_q(term: PlanningTerm, prefix: str = "") -> Q:
    """Younger than term.young_age on the term's first day: born after the day young_age years before it."""
    return Q(**{f"{prefix}date_of_birth__gt": add_years(term.start_date, -term.young_age)})


def full_term_q(term: PlanningTerm, prefix: str = "") -> Q:
    """Age for a full term: retirement date (NĐ 135 roadmap) on or after the term's last day."""
    condition = Q(pk__in=[])
    for gender in (Gender.NAM, Gender.NU):
        latest = latest_birth_retiring_before(gender, term.end_date)
        condition |= Q(**{f"{prefix}gender": gender, f"{prefix}date_of_birth__gt": latest})
    return condition


# --- composition and ratios (rule 11) -----------------------------------------------------------------------


@dataclass
class Composition:
    """One unit's (or the province's) plan on a date. Shares are of distinct persons; the ratio is entries
    (person × post) per seat."""

    term: PlanningTerm
    unit: dict | None  # {"id", "code", "name", "path"}; None for the total
    posts: int = 0
    seats: int = 0
    entries: int = 0
    persons: int = 0
    women: int = 0
    young: int = 0
    full_term: int = 0

    @property
    def ratio(self) -> Decimal | None:
        return Decimal(self.entries) / Decimal(self.seats) if self.seats else None

    @property
    def women_pct(self):
        return share(self.women, self.persons, exact=True)

    @property
    def young_pct(self):
        return share(self.young, self.persons, exact=True)

    @property
    def full_term_pct(self):
        return share(self.full_term, self.persons, exact=True)

    @property
    def ratio_ok(self) -> bool | None:
        r = self.ratio
        return None if r is None else MIN_PLAN_RATIO <= r <= self.term.max_per_post

    @property
    def women_ok(self) -> bool | None:
        return None if not self.persons else self.women_pct >= self.term.min_women_pct

    @property
    def young_ok(self) -> bool | None:
        return None if not self.persons else self.young_pct >= self.term.min_young_pct

    @property
    def full_term_ok(self) -> bool | None:
        """Rule 11: every candidate has age for at least one full term."""
        return None if not self.persons else self.full_term == self.persons


@dataclass
class CompositionTable:
    term: PlanningTerm
    on: date
    rows: list[Composition] = field(default_factory=list)
    total: Composition | None = None


def _figures(term: PlanningTerm) -> dict:
    return {
        "entries": Count("pk"),
        "persons": Count("person", distinct=True),
        "women": Count("person", distinct=True, filter=Q(person__gender=Gender.NU)),
        "young": Count("person", distinct=True, filter=young_q(term, "person__")),
        "full_term": Count("person", distinct=True, filter=full_term_q(term, "person__")),
    }


def plan_composition(*, user, term: PlanningTerm, on: date, org: OrgUnit | None = None) -> CompositionTable:
    """Per unit of the posts and for the whole scope: posts, seats, candidates, persons, ratio and shares.
    Three queries whatever the size."""
    posts = PlannedPost.objects.filter(scope_condition(user=user, org=org, field="unit__path"), term=term)
    entries = plan_entries_on(term=term, on=on).filter(scope_condition(user=user, org=org))
    figures = _figures(term)
    table = CompositionTable(term=term, on=on)
    by_unit = {row["post__unit"]: row for row in entries.order_by().values("post__unit").annotate(**figures)}
    unit_rows = (
        posts.order_by()
        .values("unit", "unit__code", "unit__name", "unit__path")
        .annotate(posts=Count("pk"), seats=Sum("seats"))
        .order_by("unit__path")
    )
    total = Composition(term=term, unit=None)
    for u in unit_rows:
        found = by_unit.get(u["unit"], {})
        row = Composition(
            term=term,
            unit={"id": u["unit"], "code": u["unit__code"], "name": u["unit__name"], "path": u["unit__path"]},
            posts=u["posts"],
            seats=u["seats"] or 0,
            **{k: found.get(k, 0) for k in figures},
        )
        table.rows.append(row)
        total.posts += row.posts
        total.seats += row.seats
    overall = entries.aggregate(**figures)
    for k in figures:
        setattr(total, k, overall[k] or 0)
    table.total = total
    return table


# --- automatic removal proposals (rule 12) -----------------------------------------------------------------

REPRIMAND_OR_ABOVE = [f for f, s in SEVERITY.items() if s >= SEVERITY[DisciplineForm.REPRIMAND]]


@dataclass
class RemovalProposal:
    entry: PlanningEntry
    reason: str
    detail: str

    @property
    def reason_label(self) -> str:
        return str(RemovalReason(self.reason).label)


def _discipline_in_effect(on: date):
    return DisciplineRecord.objects.filter(
        Q(effective_until__isnull=True) | Q(effective_until__gte=on),
        person=OuterRef("person"),
        form__in=REPRIMAND_OR_ABOVE,
        decided_on__gt=OuterRef("approved_on"),
        decided_on__lte=on,
    ).order_by("-decided_on", "-id")


def removal_proposals(*, user, term: PlanningTerm, on: date, org: OrgUnit | None = None):
    """Approved entries that rule 12 says to take out, for the officer to confirm (never applied here):
    over age (retires before the term ends), disciplined at reprimand or above after the approval and still
    in effect, or no longer working. One query."""
    discipline = _discipline_in_effect(on)
    entries = (
        entry_queryset_for(user=user)
        .filter(scope_condition(user=None, org=org), post__term=term, status=EntryStatus.APPROVED)
        .filter(approved_on__lte=on)
        .annotate(
            d_form=Subquery(discipline.values("form")[:1]),
            d_number=Subquery(discipline.values("decision_number")[:1]),
            d_date=Subquery(discipline.values("decided_on")[:1]),
        )
        .filter(~full_term_q(term, "person__") | Exists(discipline) | ~Q(person__status=PersonStatus.WORKING))
        .order_by("post__unit__path", "post__position__tier", "person__sort_key", "pk")
    )
    proposals = []
    for e in entries:
        person = e.person
        if e.d_form:
            form = DisciplineForm(e.d_form).label
            detail = f"{form} theo quyết định số {e.d_number} ngày {e.d_date:%d/%m/%Y}"
            proposals.append(RemovalProposal(e, RemovalReason.DISCIPLINED, detail))
        elif person.status != PersonStatus.WORKING:
            proposals.append(RemovalProposal(e, RemovalReason.MOVED, person.get_status_display()))
        else:
            retires = retirement_date(person.gender, person.date_of_birth)
            detail = (
                f"Nghỉ hưu ngày {retires:%d/%m/%Y}, trước khi kết thúc nhiệm kỳ "
                f"({term.end_date:%d/%m/%Y}): không đủ tuổi công tác trọn một nhiệm kỳ"
            )
            proposals.append(RemovalProposal(e, RemovalReason.OVER_AGE, detail))
    return proposals


# --- the dashboard's figures ---------------------------------------------------------------------------------


def planning_overview(*, user, on: date) -> dict | None:
    """The tile figures for the current term (None without a term or for a non-reader): persons in the plan,
    women and young shares against the targets, proposals awaiting approval, removal proposals. 6 queries."""
    term = term_default(on)
    if term is None or not is_reader(user):
        return None
    total = plan_composition(user=user, term=term, on=on).total
    pending = entry_queryset_for(user=user).filter(post__term=term, status=EntryStatus.PROPOSED).count()
    return {
        "term": term,
        "persons": total.persons,
        "ratio": total.ratio,
        "women_pct": total.women_pct,
        "women_ok": total.women_ok,
        "young_pct": total.young_pct,
        "young_ok": total.young_ok,
        "pending": pending,
        "removals": len(removal_proposals(user=user, term=term, on=on)),
    }
