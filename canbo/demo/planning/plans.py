"""Who is planned for what, term by term (in memory; writer.py writes it).

2020–2025 (Party) and 2021–2026 (State): approved in 2019 (the people working in the same post from 01/03/2019
to 31/12/2019, with age for the full term, for higher posts only, within rule 10's limits). Seed 001 on
31/12/2019: among those sitting in or planned for the posts of each tier, exactly 31 / 20 / 842 lack advanced
political theory. The sitting ones come from the careers (counted with canbo.planning.gaps.gap_counts), so the
2019 plan adds exactly `target − sitting` people without it per tier, and otherwise people who hold it (or
already counted). The yearly reviews of the Standing Committee then supplement the provincial and district
posts (seed 002: 26 on 15/06/2021, 25 on 20/06/2022 for 2020–2025, 20 on 15/05/2023 for 2021–2026 = 71
approved supplements) and take out those who left. 2025–2030 and 2026–2031 are approved after the reform,
with a few people over age (rule 12's automatic removal proposals) and the 2026 review's proposals pending.
"""

from datetime import date, timedelta

from canbo.planning.choices import EntryStatus, PlanningTier, RemovalReason

from ..dates import CUTOFF
from .specs import DecisionSpec, People, Plan, Snapshot, round_robin
from .terms import Candidates

BTV = "Ban Thường vụ Tỉnh ủy"
A2019 = date(2019, 3, 1)  # candidates hold the same post from here to 31/12/2019
SUPPLEMENTS = [  # (term code, review date, supplements approved) — seed 002: 71 from 11/2020 to 06/2023
    ("2020-2025", date(2021, 6, 15), 26),
    ("2020-2025", date(2022, 6, 20), 25),
    ("2021-2026", date(2023, 5, 15), 20),
]
REVIEWED_TIERS = (PlanningTier.PROVINCE, PlanningTier.DISTRICT)  # the Standing Committee's own posts
OVER_AGE = 3  # approved in 2025 though retiring before the term ends: rule 12 proposes their removal
PROPOSED = 12  # the 2026 review's proposals, not approved yet


class Planner:
    def __init__(self, rng, tree, careers, people: People):
        self.rng, self.tree, self.careers, self.people = rng, tree, careers, people
        self.numbers: set[tuple[str, str]] = set()
        self.snapshots: dict[tuple, Snapshot] = {}

    def snapshot(self, day: date, until: date | None = None) -> Snapshot:
        if (day, until) not in self.snapshots:
            self.snapshots[(day, until)] = Snapshot(self.careers, day, until)
        return self.snapshots[(day, until)]

    # -- helpers -----------------------------------------------------------------------------------------------
    def decision(
        self, term, day: date, body: str = BTV, suffix: str = "QĐ/TU", note: str = ""
    ) -> DecisionSpec:
        while True:
            number = f"{self.rng.randint(120, 2950)}-{suffix}"
            if (term.code, number) not in self.numbers:
                self.numbers.add((term.code, number))
                return DecisionSpec(term, number, day, body, note)

    def ordered(self, snap: Snapshot, plan: Plan, posts, bias: float = 0.3) -> dict[int, list[int]]:
        """Each post's candidates: nearest group first, within a group women and the young first (plus noise),
        so that the plan's shares reach the targets (rule 11)."""
        term, people, draw = plan.term, self.people, self.rng.random
        key: dict[int, float] = {}
        finder = Candidates(self.tree, snap, self.careers)
        lists = {}
        for post in posts:
            seen, out = set(), []
            for group in finder.groups(post):
                fresh = [p for p in group if p not in seen]
                seen.update(fresh)
                for p in fresh:  # drawn once per person, in the order people first appear
                    if p not in key:
                        key[p] = draw() - bias * people.female(p) - bias * people.young(p, term)
                out += sorted(fresh, key=lambda p: (key[p], p))
            lists[id(post)] = out
        return lists

    def eligible(self, plan: Plan, post, pos: int, snap: Snapshot, full_term: bool = True) -> bool:
        return (
            pos in snap.rows
            and snap.rank(pos) < post.rank
            and plan.can_take(post, pos)
            and (not full_term or self.people.full_term(pos, plan.term))
        )

    def fill(self, plan, posts, snap, want, decide, accept=None, limit=None, lists=None) -> int:
        """Round-robin over `posts`: each takes its first eligible candidate that `accept` allows."""
        lists = lists or self.ordered(snap, plan, posts)
        cursor = {id(p): 0 for p in posts}

        def pick(post) -> bool:
            items, i = lists[id(post)], cursor[id(post)]
            while i < len(items):
                pos = items[i]
                i += 1
                if self.eligible(plan, post, pos, snap) and (accept is None or accept(pos, post)):
                    cursor[id(post)] = i
                    plan.add(post, pos, **decide(post))
                    return True
            cursor[id(post)] = i
            return False

        return round_robin(self.rng, posts, want, pick, limit)

    # -- 2019: the plan for 2020–2025 and 2021–2026, with seed 001's gaps -------------------------------------
    def plan_2019(self, plan: Plan, sitting: dict[str, set[int]], targets: dict[str, int]) -> dict:
        """Approve the 2020–2025 plan; return {tier: persons lacking CCLL counted on 31/12/2019}."""
        snap = self.snapshot(A2019, date(2019, 12, 31))
        people, term = self.people, plan.term
        board = self.decision(
            term, date(2019, 4, 19), note="Phê duyệt quy hoạch lãnh đạo cấp tỉnh, cấp huyện"
        )
        by_district, day = {}, date(2019, 5, 10)
        for district in self.tree.districts:
            uy = district.words[1]  # Huyện ủy, Thành ủy, Thị ủy
            suffix = "QĐ/HU" if uy.startswith("Huyện") else "QĐ/TU"
            by_district[district.gso] = self.decision(
                term, day, f"Ban Thường vụ {uy} {district.name}", suffix, "Phê duyệt quy hoạch trưởng phòng"
            )
            day += timedelta(days=3)
        province_phong = self.decision(
            term, date(2019, 5, 24), note="Phê duyệt quy hoạch trưởng phòng cấp tỉnh"
        )

        def decide(post):
            if post.tier != PlanningTier.DEPARTMENT:
                return {"approved_by": board}
            district = post.slot.district
            return {"approved_by": by_district[district.gso] if district else province_phong}

        counted = {}
        for tier in (PlanningTier.PROVINCE, PlanningTier.DISTRICT, PlanningTier.DEPARTMENT):
            posts = [p for p in plan.posts if p.tier == tier]
            lists = self.ordered(snap, plan, posts)
            seen = counted[tier] = set(sitting.get(tier, ()))
            share = (lambda s: -(-5 * s // 2)) if tier == PlanningTier.DEPARTMENT else (lambda s: 5 * s // 2)
            want = {id(p): share(p.seats) for p in posts}

            def lacking(pos, _post, seen=seen):
                if people.lacking(pos) and pos not in seen:
                    seen.add(pos)
                    return True
                return False

            self.fill(plan, posts, snap, want, decide, lacking, max(targets[tier] - len(seen), 0), lists)
            self.fill(
                plan,
                posts,
                snap,
                want,
                decide,
                lambda pos, _post, seen=seen: not people.lacking(pos) or pos in seen,
                lists=lists,
            )
        return {tier: len(s) for tier, s in counted.items()}

    def copy_plan(self, source: Plan, plan: Plan, day: date, note: str) -> None:
        """Approve the same people for the same posts (by unit and title) in another term."""
        decision = self.decision(plan.term, day, note=note)
        same = {(p.slot.unit.pk, p.position): p for p in plan.posts}
        for entry in source.entries:
            post = same.get((entry.post.slot.unit.pk, entry.post.position))
            if (
                post is not None
                and entry.status == EntryStatus.APPROVED
                and self.people.full_term(entry.pos, plan.term)
                and self.people.working_on(entry.pos, day)
                and plan.can_take(post, entry.pos)
            ):
                plan.add(post, entry.pos, approved_by=decision, note=entry.note)

    # -- yearly reviews 2021–2023 (seed 002) ------------------------------------------------------------------
    def review(self, plan: Plan, day: date, supplements: int) -> DecisionSpec:
        """Take out those who left, then supplement the provincial and district posts."""
        decision = self.decision(plan.term, day, note="Rà soát, bổ sung quy hoạch hằng năm")
        for entry in plan.live():
            career = self.careers[entry.pos]
            if entry.post.tier in REVIEWED_TIERS and career.status_date and career.status_date < day:
                plan.remove(entry, decision, RemovalReason.MOVED)
        posts = [p for p in plan.posts if p.tier in REVIEWED_TIERS]
        snap = self.snapshot(day)
        room = {id(p): 3 * p.seats - len(plan.members[id(p)]) for p in posts}
        added = self.fill(
            plan,
            posts,
            snap,
            room,
            lambda _post: {"approved_by": decision, "supplement": True},
            limit=supplements,
            lists=self.ordered(snap, plan, posts, bias=0.45),
        )
        if added < supplements:  # only at very small scales
            decision.note += f" ({added} trường hợp)"
        return decision

    # -- 2025: the plans after the reform ------------------------------------------------------------------------
    def plan_2025(self, plan: Plan, day: date) -> None:
        snap = self.snapshot(day)
        decision = self.decision(plan.term, day, note="Phê duyệt quy hoạch sau sắp xếp tổ chức bộ máy")
        lists = self.ordered(snap, plan, plan.posts, bias=0.1)
        want = {id(p): 5 * p.seats // 2 for p in plan.posts}
        self.fill(plan, plan.posts, snap, want, lambda _post: {"approved_by": decision}, lists=lists)
        over = 0
        for post in [p for p in plan.posts if p.tier == PlanningTier.PROVINCE]:
            for pos in lists[id(post)] if over < OVER_AGE else ():
                late = CUTOFF < self.people.retires(pos) < plan.term.end  # still working at the end
                if late and self.eligible(plan, post, pos, snap, full_term=False):
                    plan.add(post, pos, approved_by=decision)
                    over += 1
                    break

    def propose_2026(self, plan: Plan, day: date, created: date) -> int:
        """Proposals of the 2026 review (status PROPOSED): Sở Nội vụ's officer for its posts, the board else."""
        snap = self.snapshot(day)
        posts = sorted(plan.posts, key=lambda p: (p.slot.suffix != "SNV", p.tier == PlanningTier.COMMUNE))
        lists = self.ordered(snap, plan, posts)
        made = 0
        for post in posts:
            for pos in lists[id(post)]:
                if made < PROPOSED and self.eligible(plan, post, pos, snap):
                    officer = "sonoivu" if post.slot.suffix == "SNV" else "bantochuc"
                    plan.add(post, pos, status=EntryStatus.PROPOSED, created=created, proposer=officer)
                    made += 1
                    break
        return made
