"""Write the demo's planning: terms, posts, decisions and entries (bulk inserts, ids read back once per table),
and the few advanced political theory diplomas a scaled-down demo may need (see `top_up`)."""

import functools
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from canbo.core.bulk import insert_objects, insert_rows
from canbo.people.choices import level_rank
from canbo.people.models import Position, Qualification
from canbo.planning.choices import EntryStatus
from canbo.planning.models import PlannedPost, PlanningDecision, PlanningEntry, PlanningTerm
from canbo.training.models import Enrolment

from ..dates import D2015, D2019, add_years, random_day
from .specs import CCLL_RANK, PT, TermSpec

HVCT = "Học viện Chính trị khu vực I"


@functools.cache
def stamp(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(9)))


def write_terms(specs: list[TermSpec]) -> dict[str, PlanningTerm]:
    """The demo's terms (an existing term with the same code is reused as it is)."""
    terms = {}
    for spec in specs:
        term, _created = PlanningTerm.objects.get_or_create(
            code=spec.code,
            defaults={
                "kind": spec.kind,
                "start_date": spec.start,
                "end_date": spec.end,
                "legal_basis": spec.legal_basis,
                "young_age": spec.young_age,
            },
        )
        terms[spec.code] = term
    return terms


def write_posts(posts, terms: dict[str, PlanningTerm]) -> None:
    positions = dict(Position.objects.values_list("code", "pk"))
    objects = [
        PlannedPost(
            term=terms[p.term.code],
            unit_id=p.slot.unit.pk,
            position_id=positions[p.position],
            tier=p.tier,
            seats=p.seats,
        )
        for p in posts
    ]
    insert_objects(PlannedPost, objects, key=("term_id", "unit_id", "position_id"))
    for spec, obj in zip(posts, objects, strict=True):
        spec.pk = obj.pk


def write_decisions(decisions, terms: dict[str, PlanningTerm]) -> None:
    objects = [
        PlanningDecision(
            term=terms[d.term.code], number=d.number, date=d.day, approving_body=d.body, note=d.note[:300]
        )
        for d in decisions
    ]
    insert_objects(PlanningDecision, objects, key=("term_id", "number"))
    for spec, obj in zip(decisions, objects, strict=True):
        spec.pk = obj.pk


def write_entries(entries, person_ids: list[int], users: dict[str, int]) -> int:
    def rows():
        for e in entries:
            created = e.created or (e.approved_on - timedelta(days=30))
            updated = e.removed_on or e.approved_on or created
            yield {
                "post_id": e.post.pk,
                "person_id": person_ids[e.pos],
                "status": e.status,
                "is_supplement": e.supplement,
                "approved_by_id": e.approved_by.pk if e.approved_by else None,
                "approved_on": e.approved_on,
                "removed_by_id": e.removed_by.pk if e.removed_by else None,
                "removed_on": e.removed_on,
                "removal_reason": e.reason if e.status == EntryStatus.REMOVED else "",
                "note": e.note,
                "proposed_by_id": users[e.proposer],
                "version": 1 + (e.approved_by is not None) + (e.removed_by is not None),
                "created_at": stamp(created),
                "updated_at": stamp(updated),
            }

    return insert_rows(PlanningEntry, rows())


def top_up(rng, careers, person_ids, awards, people, sitting: dict, targets: dict) -> int:
    """Where a tier's sitting leaders without CCLL outnumber the (scaled) target, let some of them hold a cao
    cấp diploma from before 2015: their later one (if it is not the result of a lượt) moves back, or a new one
    is added. Only people who held trung cấp by 31/12/2015 and are not sent to a cao cấp course, so the trung
    cấp+ shares of seed 001 and the training data stay as they were. Needed only at reduced scales."""
    held: dict[int, list] = {}
    for award in awards:
        if award.scale == PT:
            held.setdefault(award.career.idx - 1, []).append(award)
    studying = set(
        Enrolment.objects.filter(programme__code="LLCT_CAO_CAP", person_id__in=person_ids).values_list(
            "person_id", flat=True
        )
    )
    new, moved = [], 0
    for tier, members in sitting.items():
        extra = len(members) - targets.get(tier, 0)
        for pos in sorted(members):
            if extra <= 0:
                break
            mine = held.get(pos, [])
            middle = [a.awarded_on for a in mine if a.rank == 2 and a.awarded_on <= D2015]
            if not middle or person_ids[pos] in studying:
                continue
            lo = max(middle[0] + timedelta(days=365), add_years(careers[pos].birth, 32))
            hi = date(2014, 12, 31) if lo <= date(2014, 12, 31) else D2019
            if lo > hi:
                continue
            day = random_day(rng, lo, hi)
            later = [a for a in mine if a.rank >= CCLL_RANK]
            if later:
                Qualification.objects.filter(
                    person_id=person_ids[pos], scale=PT, level=later[0].level, awarded_on=later[0].awarded_on
                ).update(awarded_on=day)
                later[0].awarded_on = day
                moved += 1
            else:
                new.append((pos, day))
            members.discard(pos)
            people.ccll_2019.add(pos)
            extra -= 1
    number = f"{rng.choice('ABCDEGHKMN')}{rng.randrange(100000, 999999)}"
    return moved + insert_rows(
        Qualification,
        (
            {
                "person_id": person_ids[pos],
                "scale": PT,
                "level": "CAO_CAP",
                "rank": level_rank(PT, "CAO_CAP"),
                "field": "",
                "awarded_on": day,
                "document_number": f"{number[0]}{int(number[1:]) + i}",
                "issuer": HVCT,
                "note": "",
            }
            for i, (pos, day) in enumerate(new)
        ),
    )
