"""Bulk gap lists: who in a unit subtree does not meet the standard of a post, set-based through the engine.

Two questions, both answered with `engine.evaluate` (one SQL query per post, never one per person):
- review (REVIEW): the people holding a post on a date, each against the standard of that post — the
  qualifications and years of service a holder must keep (no lower-post time, no plan, no age limit, no
  annual ratings: those gate an appointment, not a sitting holder). Without a post: every post held in the
  subtree.
- candidates (FIRST / HIGHER): everyone working in the subtree on the date against one post's standard, as
  for a first or a higher appointment.
Reads are scoped by `person_queryset_for` (the user's units, by current unit).
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Exists, OuterRef, Q

from canbo.org.models import OrgUnit
from canbo.people.models import Employment, Person, Position
from canbo.people.selectors import person_queryset_for

from .choices import CriterionKind
from .engine import FIRST, HIGHER, REAPPOINT, evaluate, gaps_of, unmet_q
from .models import StandardCriterion, TitleStandard

REVIEW = "REVIEW"
APPOINTMENT_ONLY = {CriterionKind.POST_MONTHS, CriterionKind.RATING}  # not asked of a sitting holder
MODES = {
    REVIEW: "Người đang giữ chức vụ (rà soát theo tiêu chuẩn chức vụ đang giữ)",
    FIRST: "Tất cả cán bộ trong đơn vị, như bổ nhiệm lần đầu",
    HIGHER: "Tất cả cán bộ trong đơn vị, như bổ nhiệm chức vụ cao hơn",
}


def evaluate_mode(persons, standard: TitleStandard, on: date, mode: str):
    """`engine.evaluate` with the criteria of the mode (REVIEW: REAPPOINT's, without the lower-post time and
    the ratings)."""
    rows, criteria = evaluate(persons, standard, on, REAPPOINT if mode == REVIEW else mode)
    if mode == REVIEW:
        criteria = [c for c in criteria if c.kind not in APPOINTMENT_ONLY]
    return rows, criteria


def standards_in_force(on: date, positions=None) -> dict[int, TitleStandard]:
    """{position id: the standard in force on `on`} (the latest started), criteria prefetched. One query + 1."""
    qs = TitleStandard.objects.active_on(on).filter(position__isnull=False)
    if positions is not None:
        qs = qs.filter(position__in=positions)
    found: dict[int, TitleStandard] = {}
    for standard in qs.select_related("position").prefetch_related("criteria").order_by("-valid_from"):
        found.setdefault(standard.position_id, standard)
    return found


def held_on(on: date, unit: OrgUnit, position=None, categories=None) -> Q:
    """Persons with an employment row in force on `on` in the unit's subtree (holding `position`, of
    `categories`, when given)."""
    rows = Employment.objects.active_on(on).filter(person=OuterRef("pk"), unit__path__startswith=unit.path)
    if position is not None:
        rows = rows.filter(position=position)
    if categories:
        rows = rows.filter(category__in=categories)
    return Q(Exists(rows))


@dataclass
class GapGroup:
    """One post: the persons checked against its standard, the applicable criteria and the figures."""

    position: Position
    standard: TitleStandard
    persons: object  # a Person queryset
    mode: str
    on: date
    criteria: list[StandardCriterion] = field(default_factory=list)
    checked: int = 0
    unmet: int = 0
    per_criterion: dict[int, int] = field(default_factory=dict)

    def rows(self):
        rows, self.criteria = evaluate_mode(self.persons, self.standard, self.on, self.mode)
        return rows

    def unmet_rows(self):
        rows = self.rows()
        return rows.filter(unmet_q(self.criteria))

    def criteria_counts(self) -> list[tuple[StandardCriterion, int]]:
        return [(c, self.per_criterion.get(c.pk, 0)) for c in self.criteria]


def gap_groups(
    *, user, unit: OrgUnit, on: date, position: Position | None = None, mode: str = REVIEW
) -> list[GapGroup]:
    """The groups to check (one per post). Raises ValueError for a candidates mode without a post."""
    base = person_queryset_for(user=user)
    if mode != REVIEW:
        if position is None:
            raise ValueError("Cần chọn chức vụ để đối chiếu.")
        standard = standards_in_force(on, [position]).get(position.pk)
        if standard is None:
            return []
        return [GapGroup(position, standard, base.filter(held_on(on, unit)), mode, on)]
    if position is not None:
        positions = [position]
    else:
        positions = (
            Employment.objects.active_on(on)
            .filter(unit__path__startswith=unit.path, position__isnull=False)
            .values("position")
            .distinct()
        )
    standards = standards_in_force(on, positions)
    groups = [
        GapGroup(s.position, s, base.filter(held_on(on, unit, s.position)), REVIEW, on)
        for s in standards.values()
    ]
    groups.sort(key=lambda g: (-g.position.tier, g.position.name))
    return groups


def count_group(group: GapGroup) -> GapGroup:
    """How many were checked, how many miss anything, how many miss each criterion: one query."""
    rows = group.rows()
    aggregates = {"checked": Count("pk"), "unmet": Count("pk", filter=unmet_q(group.criteria))}
    for c in group.criteria:
        aggregates[f"k{c.pk}"] = Count("pk", filter=Q(**{f"c{c.pk}_unmet": True}))
    figures = rows.aggregate(**aggregates)
    group.checked, group.unmet = figures["checked"], figures["unmet"]
    group.per_criterion = {c.pk: figures[f"k{c.pk}"] for c in group.criteria}
    return group


@dataclass
class GapEntry:
    person: Person
    group: GapGroup
    gaps: list


def gap_page_entries(groups: list[GapGroup], offset: int, limit: int) -> list[GapEntry]:
    """The entries [offset, offset + limit) of the list ordered by post then Vietnamese name: per group one
    query for the page's slice and one for the persons."""
    entries: list[GapEntry] = []
    for group in groups:
        if limit <= 0:
            break
        if offset >= group.unmet:
            offset -= group.unmet
            continue
        rows = list(group.unmet_rows().order_by("sort_key", "pk")[offset : offset + limit])
        persons = Person.objects.select_related("current_unit", "position").in_bulk([r["pk"] for r in rows])
        entries += [GapEntry(persons[r["pk"]], group, gaps_of(r, group.criteria, group.on)) for r in rows]
        limit -= len(rows)
        offset = 0
    return entries


def iter_gap_entries(groups: list[GapGroup], chunk: int = 2000):
    """Every entry of the list (for the Excel export), in chunks."""
    for group in groups:
        rows = group.unmet_rows().order_by("sort_key", "pk")
        batch = []
        for row in rows.iterator(chunk_size=chunk):
            batch.append(row)
            if len(batch) == chunk:
                yield from _entries(group, batch)
                batch = []
        yield from _entries(group, batch)


def _entries(group: GapGroup, rows: list[dict]):
    persons = Person.objects.select_related("current_unit", "position").in_bulk([r["pk"] for r in rows])
    for r in rows:
        yield GapEntry(persons[r["pk"]], group, gaps_of(r, group.criteria, group.on))
