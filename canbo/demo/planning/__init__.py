"""Cadre planning of the demo province, 2019–2025 (issue 4 §5), and the commune standards review (seed 003).

`build_planning` runs after the careers, qualifications, training and ratings are written. It creates the terms
2020–2025, 2021–2026, 2025–2030 and 2026–2031 with their posts (terms.py), plans who is in them (plans.py:
seed 001's 31 / 20 / 842 people without advanced political theory on 31/12/2019, seed 002's 71 supplements)
and writes it all with bulk inserts (writer.py); review.py runs the commune review of 2021 through the standards
services. `reset_planning` deletes it again before the demo's units, persons and users go.
"""

import random
import time
from datetime import date

from django.db.models import Q

from canbo.accounts.models import User
from canbo.org.models import OrgUnit
from canbo.planning.choices import PlanningTier
from canbo.planning.gaps import gap_counts
from canbo.planning.models import PlannedPost, PlanningDecision, PlanningEntry, PlanningTerm
from canbo.standards.models import ReviewCampaign

from .. import DEFAULT_SCALE
from ..dates import D2019
from ..orgtree import ROOT_CODE
from ..users import DEMO_USERNAMES
from . import writer
from .plans import SUPPLEMENTS, Planner
from .review import build_review
from .specs import CCLL_RANK, PT, People, Plan, Snapshot, composition
from .terms import T2020, T2021, T2025, T2026, TERMS, build_posts

# Seed 001: "chưa qua đào tạo CCLL chính trị" — 31 provincial, 20 district, 842 planned department heads.
SEED_GAPS = {PlanningTier.PROVINCE: 31, PlanningTier.DISTRICT: 20, PlanningTier.DEPARTMENT: 842}
A2025, A2026, PROPOSED_ON = date(2025, 11, 14), date(2025, 12, 5), date(2025, 12, 22)


def _sitting(snap: Snapshot, posts, people: People) -> dict[str, set[int]]:
    """Persons holding a post of each tier on the snapshot's date without CCLL (gaps.py's "sitting")."""
    tier_of = {(p.slot.unit.pk, p.position): p.tier for p in posts}
    out: dict[str, set[int]] = {}
    for pos, row in snap.rows.items():
        tier = tier_of.get((row.slot.unit.pk, row.position))
        if tier and people.lacking(pos):
            out.setdefault(tier, set()).add(pos)
    return out


def build_planning(*, seed: int, scale: int, tree, careers, person_ids, awards) -> dict:
    timings, started = {}, time.perf_counter()

    def lap(name):
        nonlocal started
        now = time.perf_counter()
        timings[name], started = round(now - started, 2), now

    rng = random.Random(f"canbo-demo-planning-{seed}")
    people = People(careers, awards)
    planner = Planner(rng, tree, careers, people)
    snap_2019, snap_2025 = planner.snapshot(D2019), planner.snapshot(A2025)
    posts = {
        T2020.code: build_posts(T2020, tree, snap_2019),
        T2021.code: build_posts(T2021, tree, snap_2019),
        T2025.code: build_posts(T2025, tree, snap_2025),
        T2026.code: build_posts(T2026, tree, snap_2025),
    }
    terms = writer.write_terms(TERMS)
    planner.numbers |= set(  # an existing term keeps its decisions' numbers
        PlanningDecision.objects.filter(term__in=terms.values()).values_list("term__code", "number")
    )
    writer.write_posts([p for term_posts in posts.values() for p in term_posts], terms)
    plans = {spec.code: Plan(spec, posts[spec.code]) for spec in TERMS}
    lap("posts")

    # Seed 001: the sitting leaders without CCLL (counted by the report's own function), then the plan.
    targets = {tier: round(n * scale / DEFAULT_SCALE) for tier, n in SEED_GAPS.items()}
    sitting = _sitting(snap_2019, posts[T2020.code], people)
    counted = gap_counts(user=None, on=D2019, terms=[terms[T2020.code]], scale=PT, rank=CCLL_RANK)
    if any(counted[t] != len(sitting.get(t, ())) for t in targets):  # the careers in memory ≠ the rows
        raise RuntimeError(f"Đương chức chưa có CCLL: {counted} (bảng) khác {sitting} (bộ nhớ).")
    topped = 0
    if any(counted[t] > targets[t] for t in targets):
        topped = writer.top_up(rng, careers, person_ids, awards, people, sitting, targets)
    lap("sitting")
    planner.plan_2019(plans[T2020.code], sitting, targets)
    lap("plan 2019")
    planner.copy_plan(plans[T2020.code], plans[T2021.code], date(2019, 6, 20), "Phê duyệt quy hoạch")
    for code, day, count in SUPPLEMENTS:
        planner.review(plans[code], day, round(count * scale / DEFAULT_SCALE))
    lap("reviews")
    planner.plan_2025(plans[T2025.code], A2025)
    planner.copy_plan(plans[T2025.code], plans[T2026.code], A2026, "Phê duyệt quy hoạch sau sắp xếp")
    planner.propose_2026(plans[T2025.code], A2025, PROPOSED_ON)
    lap("plan 2025")
    users = dict(User.objects.filter(username__in=DEMO_USERNAMES).values_list("username", "pk"))
    decisions = {id(e.approved_by): e.approved_by for p in plans.values() for e in p.entries if e.approved_by}
    decisions |= {id(e.removed_by): e.removed_by for p in plans.values() for e in p.entries if e.removed_by}
    writer.write_decisions(list(decisions.values()), terms)
    entries = [e for p in plans.values() for e in p.entries]
    writer.write_entries(entries, person_ids, users)
    lap("write")
    gaps = gap_counts(user=None, on=D2019, terms=[terms[T2020.code]], scale=PT, rank=CCLL_RANK)
    review = build_review(tree, users)
    lap("review")
    return {
        "terms": len(terms),
        "posts": sum(len(p) for p in posts.values()),
        "entries": len(entries),
        "supplements": sum(1 for e in entries if e.supplement),
        "gaps": {t.value: gaps[t] for t in SEED_GAPS},
        "topped_up": topped,
        "composition": {
            code: composition(plans[code], people, day).figures() for code, day in CHECKED_ON.items()
        },
        "review": review,
        "timings": timings,
    }


CHECKED_ON = {  # the composition each term's plan is built to meet (rule 11)
    T2020.code: date(2023, 6, 30),
    T2021.code: date(2023, 6, 30),
    T2025.code: PROPOSED_ON,
    T2026.code: PROPOSED_ON,
}


def reset_planning() -> None:
    """Delete the demo's planning and review rows (plain DELETEs, audit is off); terms and decisions only when
    nothing else uses them."""
    root = OrgUnit.objects.filter(code=ROOT_CODE).first()
    if root is None:
        return
    units = OrgUnit.objects.filter(path__startswith=root.path).values("pk")
    ReviewCampaign.objects.filter(Q(unit__in=units) | Q(responsible_unit__in=units)).delete()
    posts = PlannedPost.objects.filter(unit__in=units)
    for qs in (PlanningEntry.objects.filter(post__in=posts.values("pk")), posts):
        qs._raw_delete(qs.db)
    codes = [t.code for t in TERMS]
    unused = PlanningDecision.objects.filter(
        term__code__in=codes, approvals__isnull=True, removals__isnull=True
    )
    PlanningDecision.objects.filter(pk__in=list(unused.values_list("pk", flat=True))).delete()
    PlanningTerm.objects.filter(code__in=codes, posts__isnull=True, decisions__isnull=True).delete()
