"""Shared pieces of the demo's cadre planning: snapshots of who holds what on a date, the specs of terms, posts,
decisions and entries (plain objects, written by writer.py), and the round-robin filling of posts.

Positions (`pos`) index the careers list; every collection is a list or an insertion-ordered dict and every
draw comes from the planning's own random generator, so the same seed gives the same plan.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from canbo.core.dates import add_years
from canbo.people.choices import Gender, PersonnelCategory
from canbo.people.retirement import retirement_date
from canbo.planning.choices import EntryStatus

from ..careers import TIER, Career, Row
from ..dates import D2019

PT = "POLITICAL_THEORY"
CCLL_RANK = 3  # cao cấp (and cử nhân) lý luận chính trị
LIMIT_PER_SEAT = LIMIT_POSTS = 3  # the terms' defaults (domain.md rule 10)
CADRES = {PersonnelCategory.CB, PersonnelCategory.CC, PersonnelCategory.CB_XA, PersonnelCategory.CC_XA}


@dataclass(frozen=True)
class TermSpec:
    code: str
    kind: str
    start: date
    end: date
    legal_basis: str
    young_age: int = 40


@dataclass(eq=False, slots=True)
class PostSpec:
    term: TermSpec
    slot: object  # orgtree.Slot
    position: str
    tier: str
    seats: int
    pk: int | None = None

    @property
    def rank(self) -> int:
        return TIER[self.position]


@dataclass(eq=False, slots=True)
class DecisionSpec:
    term: TermSpec
    number: str
    day: date
    body: str
    note: str = ""
    pk: int | None = None


@dataclass(eq=False, slots=True)
class EntrySpec:
    post: PostSpec
    pos: int
    status: str = EntryStatus.APPROVED
    supplement: bool = False
    approved_by: DecisionSpec | None = None
    removed_by: DecisionSpec | None = None
    reason: str = ""
    created: date | None = None
    proposer: str = "bantochuc"
    note: str = ""

    @property
    def approved_on(self) -> date | None:
        return self.approved_by.day if self.approved_by else None

    @property
    def removed_on(self) -> date | None:
        return self.removed_by.day if self.removed_by else None

    def live_on(self, day: date) -> bool:
        """In the approved plan on `day` (the composition's rule)."""
        return (
            self.approved_by is not None
            and self.approved_on <= day
            and (self.removed_by is None or self.removed_on > day)
        )


class Snapshot:
    """Who works where on `day`: the row of each working person, persons by unit. With `until`, only rows that
    still run on that later day (the same post from `day` to `until`)."""

    def __init__(self, careers: list[Career], day: date, until: date | None = None):
        self.day = day
        self.rows: dict[int, Row] = {}
        self.ranks: dict[int, int] = {}
        self.by_unit: dict[int, list[int]] = defaultdict(list)
        for pos, career in enumerate(careers):
            for row in career.rows:
                if row.start <= day and (row.end is None or row.end >= day):
                    break
            else:
                continue
            if until is not None and row.end is not None and row.end < until:
                continue
            self.rows[pos] = row
            self.ranks[pos] = TIER.get(row.position or "", 0)
            self.by_unit[row.slot.unit.pk].append(pos)

    def rank(self, pos: int) -> int:
        return self.ranks[pos]

    def holders(self, unit_pk: int, position: str) -> list[int]:
        return [p for p in self.by_unit.get(unit_pk, ()) if self.rows[p].position == position]

    def in_units(self, unit_pks, ranks) -> list[int]:
        """Persons in these units whose post rank is one of `ranks`, in career order."""
        out, of = [], self.ranks
        for pk in unit_pks:
            out += [p for p in self.by_unit.get(pk, ()) if of[p] in ranks]
        return sorted(out)


class People:
    """Per-person facts the plan needs: gender, birth, retirement date, CCLL on 31/12/2019."""

    def __init__(self, careers: list[Career], awards):
        self.careers = careers
        self._retires: dict[int, date] = {}
        self.ccll_2019: set[int] = set()
        for award in awards:
            if award.scale == PT and award.rank >= CCLL_RANK and award.awarded_on <= D2019:
                self.ccll_2019.add(award.career.idx - 1)

    def female(self, pos: int) -> bool:
        return self.careers[pos].gender == Gender.NU

    def young(self, pos: int, term: TermSpec) -> bool:
        return self.careers[pos].birth > add_years(term.start, -term.young_age)

    def retires(self, pos: int) -> date:
        if pos not in self._retires:
            career = self.careers[pos]
            self._retires[pos] = retirement_date(career.gender, career.birth)
        return self._retires[pos]

    def full_term(self, pos: int, term: TermSpec) -> bool:
        return self.retires(pos) >= term.end

    def lacking(self, pos: int) -> bool:
        return pos not in self.ccll_2019

    def working_on(self, pos: int, day: date) -> bool:
        return self.careers[pos].row_on(day) is not None


class Plan:
    """One term's entries with the counts rule 10 limits: live entries per post, posts per person and tier."""

    def __init__(self, term: TermSpec, posts: list[PostSpec]):
        self.term, self.posts = term, posts
        self.entries: list[EntrySpec] = []
        self.members: dict[int, set[int]] = defaultdict(set)  # id(post) -> live persons
        self.per_tier: Counter = Counter()  # (pos, tier) -> live posts

    def can_take(self, post: PostSpec, pos: int) -> bool:
        return (
            pos not in self.members[id(post)]
            and len(self.members[id(post)]) < LIMIT_PER_SEAT * post.seats
            and self.per_tier[(pos, post.tier)] < LIMIT_POSTS
        )

    def add(self, post: PostSpec, pos: int, **values) -> EntrySpec:
        entry = EntrySpec(post, pos, **values)
        self.entries.append(entry)
        self.members[id(post)].add(pos)
        self.per_tier[(pos, post.tier)] += 1
        return entry

    def remove(self, entry: EntrySpec, decision: DecisionSpec, reason: str) -> None:
        entry.status, entry.removed_by, entry.reason = EntryStatus.REMOVED, decision, reason
        self.members[id(entry.post)].discard(entry.pos)
        self.per_tier[(entry.pos, entry.post.tier)] -= 1

    def live(self):
        return [e for e in self.entries if e.status != EntryStatus.REMOVED]


def round_robin(rng, posts: list[PostSpec], want: dict[int, int], pick, limit: int | None = None) -> int:
    """One entry per post per round (posts in a shuffled order) until each post has its `want` (by id(post)),
    cannot take more, or `limit` entries were added. pick(post) adds an entry and returns True, or False."""
    active = [p for p in posts if want.get(id(p), 0) > 0]
    added = 0
    while active and (limit is None or added < limit):
        rng.shuffle(active)
        still = []
        for post in active:
            if limit is not None and added >= limit:
                break
            if not pick(post):
                continue
            added += 1
            want[id(post)] -= 1
            if want[id(post)] > 0:
                still.append(post)
        active = still
    return added


class Cursor:
    """Walks each post's candidate list once: a candidate refused for good is not looked at again."""

    def __init__(self, lists: dict[int, list[int]]):
        self.lists, self.at = lists, Counter()

    def first(self, post: PostSpec, accept) -> int | None:
        items = self.lists.get(id(post), [])
        i = self.at[id(post)]
        while i < len(items):
            pos = items[i]
            i += 1
            if accept(pos):
                self.at[id(post)] = i
                return pos
        self.at[id(post)] = i
        return None


@dataclass
class Composition:
    seats: int = 0
    entries: int = 0
    persons: set = field(default_factory=set)
    women: int = 0
    young: int = 0

    @property
    def ratio(self) -> float:
        return self.entries / self.seats if self.seats else 0.0

    def figures(self) -> dict:
        persons = len(self.persons) or 1
        return {
            "seats": self.seats,
            "entries": self.entries,
            "persons": len(self.persons),
            "ratio": round(self.ratio, 2),
            "women_pct": round(100 * self.women / persons, 1),
            "young_pct": round(100 * self.young / persons, 1),
        }


def composition(plan: Plan, people: People, day: date) -> Composition:
    """The planning-composition report's totals, computed in memory (for the builder's own checks)."""
    out = Composition(seats=sum(p.seats for p in plan.posts))
    for entry in plan.entries:
        if entry.live_on(day):
            out.entries += 1
            out.persons.add(entry.pos)
    out.women = sum(1 for p in out.persons if people.female(p))
    out.young = sum(1 for p in out.persons if people.young(p, plan.term))
    return out
