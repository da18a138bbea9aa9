"""Training needs of the plan: the standards gaps of every approved planned person against the title standard
of the post they are planned for, as a list and as counts, and the lines they propose for next year's plan.

Set-based: the engine (canbo.standards.engine.evaluate) runs once per position of the planned posts (all the
people planned for Giám đốc sở in one query), never once per person. Only qualification criteria are training
needs (years of service or time in a lower post are not trained for). A person is counted once per tier and
criterion however many posts of that tier they are planned for; for next year's plan each person is counted
once per scale, at the highest level their posts require.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from canbo.org.models import OrgUnit
from canbo.people.choices import QualificationScale, level_label, level_rank
from canbo.people.models import Person
from canbo.standards.choices import CriterionKind
from canbo.standards.engine import evaluate, gaps_of, unmet_q
from canbo.standards.models import TitleStandard
from canbo.training.models import Programme

from .choices import PlanningTier
from .models import PlanningTerm
from .selectors import plan_entries_on, scope_condition

LABELS = {  # how a missing level reads, per scale: “thiếu cao cấp LLCT”, “thiếu QLNN chuyên viên chính”
    QualificationScale.POLITICAL_THEORY: "thiếu {level} LLCT",
    QualificationScale.STATE_MGMT: "thiếu QLNN {level}",
    QualificationScale.PROFESSIONAL: "thiếu trình độ {level}",
    QualificationScale.FOREIGN_LANGUAGE: "thiếu ngoại ngữ {level}",
}


def criterion_label(scale: str, level: str) -> str:
    text = level_label(scale, level)
    text = text[:1].lower() + text[1:]  # keep “CNTT”, “(B1)”
    return LABELS.get(scale, "thiếu {level}").format(level=text)


@dataclass(frozen=True)
class NeedGap:
    scale: str
    level: str
    message: str

    @property
    def rank(self) -> int:
        return level_rank(self.scale, self.level) or 0

    @property
    def label(self) -> str:
        return criterion_label(self.scale, self.level)


@dataclass
class NeedItem:
    """One person and one planned position with what they lack for it."""

    person: Person
    position: object
    tier: str
    posts: list = field(default_factory=list)
    gaps: list[NeedGap] = field(default_factory=list)


@dataclass
class ProposedLine:
    scale: str
    level: str
    count: int
    programme: object | None  # a training Programme, None when the catalogue has none for this level

    @property
    def label(self) -> str:
        return criterion_label(self.scale, self.level)


@dataclass
class TrainingNeeds:
    term: PlanningTerm
    on: date
    planned: int = 0  # distinct approved planned persons in scope
    items: list[NeedItem] = field(default_factory=list)
    by_tier: dict = field(default_factory=dict)  # tier -> {(scale, level): persons}
    by_criterion: dict = field(default_factory=dict)  # (scale, level) -> persons
    no_standard: list = field(default_factory=list)  # positions planned for without a standard in force
    lines: list[ProposedLine] = field(default_factory=list)

    @property
    def persons(self) -> int:
        return len({i.person.pk for i in self.items})

    def tier_rows(self):
        """[(tier label, [(criterion label, count)])] in tier order, for the page."""
        rows = []
        for tier in PlanningTier:
            counts = self.by_tier.get(tier.value)
            if counts:
                ordered = sorted(counts.items(), key=lambda kv: (kv[0][0], -level_rank(*kv[0])))
                rows.append((tier, [(criterion_label(*k), n) for k, n in ordered]))
        return rows


def _programmes(on: date) -> list:
    return list(Programme.objects.active_on(on).exclude(grants_scale="").order_by("sort_order", "code"))


def programme_for(scale: str, level: str, programmes: list):
    """The programme granting exactly this level, else the lowest one on the scale granting more
    (POLITICAL_THEORY CAO_CAP → LLCT_CAO_CAP, STATE_MGMT → QLNN_*, PROFESSIONAL → DT_*)."""
    exact = [p for p in programmes if p.grants_scale == scale and p.grants_level == level]
    if exact:
        return exact[0]
    needed = level_rank(scale, level) or 0
    higher = [
        p
        for p in programmes
        if p.grants_scale == scale and (level_rank(scale, p.grants_level) or 0) >= needed
    ]
    return min(higher, key=lambda p: level_rank(scale, p.grants_level), default=None)


def training_needs(*, user, term: PlanningTerm, on: date, org: OrgUnit | None = None) -> TrainingNeeds:
    """Queries: the plan's entries (1), the standards with their criteria (2), one evaluation per position."""
    result = TrainingNeeds(term=term, on=on)
    in_plan = plan_entries_on(term=term, on=on).filter(scope_condition(user=user, org=org))
    entries = list(
        in_plan.select_related("post__unit", "post__position", "person__current_unit").order_by(
            "post__unit__path", "-post__position__tier", "person__sort_key", "pk"
        )
    )
    result.planned = len({e.person_id for e in entries})
    groups: dict[int, dict[int, list]] = defaultdict(lambda: defaultdict(list))
    positions = {}
    for e in entries:
        groups[e.post.position_id][e.person_id].append(e)
        positions[e.post.position_id] = e.post.position
    standards = {}
    for standard in (
        TitleStandard.objects.active_on(on)
        .filter(position__in=list(positions))
        .order_by("position", "-valid_from")
        .select_related("position")
        .prefetch_related("criteria")
    ):
        standards.setdefault(standard.position_id, standard)

    for position_id, people in groups.items():
        standard = standards.get(position_id)
        if standard is None:
            result.no_standard.append(positions[position_id])
            continue
        wanted = [c for c in standard.criteria.all() if c.kind == CriterionKind.QUALIFICATION]
        if not wanted:
            continue
        persons = Person.objects.filter(pk__in=in_plan.filter(post__position_id=position_id).values("person"))
        rows, criteria = evaluate(persons, standard, on)
        wanted = [c for c in criteria if c.kind == CriterionKind.QUALIFICATION]
        by_id = {c.pk: c for c in wanted}
        for row in rows.filter(unmet_q(wanted)):
            gaps = [
                NeedGap(g.scale, by_id[g.criterion_id].min_level, g.message) for g in gaps_of(row, wanted, on)
            ]
            person_entries = people.get(row["pk"], [])
            for tier in sorted({e.post.tier for e in person_entries}):
                posts = [e.post for e in person_entries if e.post.tier == tier]
                result.items.append(
                    NeedItem(person_entries[0].person, positions[position_id], tier, posts, gaps)
                )
    _count(result, on)
    return result


def _count(result: TrainingNeeds, on: date) -> None:
    per_tier: dict = defaultdict(lambda: defaultdict(set))
    per_criterion: dict = defaultdict(set)
    highest: dict = {}  # (person, scale) -> (rank, level): the highest level required
    ranks: dict = {}
    for item in result.items:
        for gap in item.gaps:
            key = (gap.scale, gap.level)
            per_tier[item.tier][key].add(item.person.pk)
            per_criterion[key].add(item.person.pk)
            rank = ranks.setdefault(key, gap.rank)
            if rank > highest.get((item.person.pk, gap.scale), (0, ""))[0]:
                highest[(item.person.pk, gap.scale)] = (rank, gap.level)
    result.by_tier = {t: {k: len(v) for k, v in c.items()} for t, c in per_tier.items()}
    result.by_criterion = {k: len(v) for k, v in per_criterion.items()}
    counts: dict = defaultdict(int)
    for (_person, scale), (_rank, level) in highest.items():
        counts[(scale, level)] += 1
    programmes = _programmes(on) if counts else []
    result.lines = [
        ProposedLine(scale, level, n, programme_for(scale, level, programmes))
        for (scale, level), n in sorted(counts.items(), key=lambda kv: (kv[0][0], -level_rank(*kv[0])))
    ]
