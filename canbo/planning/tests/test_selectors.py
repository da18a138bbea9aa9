"""The plan's composition and ratios at their boundaries, and the automatic removal proposals (rule 12)."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from canbo.discipline.models import DisciplineRecord
from canbo.people.retirement import retirement_date
from canbo.planning import services
from canbo.planning.choices import EntryStatus
from canbo.planning.selectors import plan_composition, planning_overview, removal_proposals
from tests.factories import PersonFactory

from .factories import DecisionFactory, EntryFactory, PostFactory, TermFactory, approved, position

D = datetime.date
BORN = D(1980, 1, 1)
ON = D(2026, 6, 1)
DECISION = {"number": "300-QĐ/TU", "date": D(2026, 5, 20), "approving_body": "Ban Thường vụ Tỉnh ủy"}


def person(tree, unit="dept_a", gender="NAM", born=BORN, **extra):
    return PersonFactory(current_unit=tree[unit], gender=gender, date_of_birth=born, **extra)


@pytest.fixture
def plan(tree, db):
    """Term 01/10/2025–30/09/2030: young = born after 01/10/1985; full term = retiring on/after 30/09/2030."""
    term = TermFactory()
    a = PostFactory(term=term, unit=tree["dept_a"])
    b = PostFactory(term=term, unit=tree["dept_b"])
    c = PostFactory(term=term, unit=tree["dept_b"], position=position("PHO_GIAM_DOC_SO"), seats=2)
    people = {
        "p1": person(tree, gender="NU", born=D(1985, 10, 2)),  # 39 on the first day: young
        "p2": person(tree, born=D(1985, 10, 1)),  # 40 on the first day: not young
        "p3": person(tree, "dept_b", born=D(1968, 9, 15)),  # retires 30/09/2030, the last day: full term
        "p4": person(tree, "dept_b", born=D(1968, 8, 15)),  # retires 31/08/2030: not a full term
        "p5": person(tree, "dept_b"),
    }
    decision = DecisionFactory(term=term, date=D(2025, 11, 1))
    for post, key in [(a, "p1"), (a, "p2"), (b, "p3"), (b, "p4"), (b, "p5"), (c, "p2")]:
        approved(post, people[key], decision=decision)
    # not in the plan on ON: removed before, approved after, only proposed
    EntryFactory(post=a, person=person(tree, gender="NU"), status=EntryStatus.REMOVED, approved_by=decision,
                 approved_on=decision.date, removed_on=D(2026, 1, 5), removal_reason="REVIEW")  # fmt: skip
    approved(b, person(tree, "dept_b", gender="NU"), decision=DecisionFactory(term=term, date=D(2026, 6, 2)))
    EntryFactory(post=c, person=person(tree, "dept_b", gender="NU"))
    return {"term": term, "posts": (a, b, c), **people}


def test_the_boundaries_are_those_of_the_term(plan):
    assert retirement_date("NAM", D(1968, 9, 15)) == plan["term"].end_date
    assert retirement_date("NAM", D(1968, 8, 15)) < plan["term"].end_date


def test_composition_per_unit_and_for_the_province(board, plan, tree):
    table = plan_composition(user=board, term=plan["term"], on=ON)

    a, b = table.rows
    assert (a.unit["code"], a.seats, a.entries, a.persons, a.women, a.young, a.full_term) == (
        "SO_A", 1, 2, 2, 1, 1, 2,
    )  # fmt: skip
    assert (a.ratio, a.ratio_ok, a.women_pct, a.women_ok, a.young_ok, a.full_term_ok) == (
        2, True, 50, True, True, True,
    )  # fmt: skip
    assert (b.unit["code"], b.seats, b.entries, b.persons) == ("SO_B", 3, 4, 4)
    assert b.ratio == Decimal(4) / 3 and b.ratio_ok is False  # under 2 per seat
    assert (b.women_ok, b.young_ok, b.full_term, b.full_term_ok) == (False, False, 3, False)
    total = table.total
    assert (total.seats, total.entries, total.persons, total.women, total.young, total.full_term) == (
        4, 6, 5, 1, 1, 4,
    )  # fmt: skip
    assert total.women_pct == 20 and total.women_ok is False  # 1 of 5 < 25 %
    assert total.young_pct == 20 and total.young_ok is True  # 1 of 5 >= 15 %


def test_a_women_share_of_exactly_the_target_is_met(board, plan, tree):
    term, post = plan["term"], plan["posts"][2]
    for gender in ("NU", "NAM", "NAM"):
        approved(post, person(tree, "dept_b", gender=gender), decision=DecisionFactory(term=term))

    total = plan_composition(user=board, term=term, on=ON).total
    assert (total.persons, total.women, total.women_pct, total.women_ok) == (8, 2, 25, True)

    approved(post, person(tree, "dept_b"), decision=DecisionFactory(term=term))
    total = plan_composition(user=board, term=term, on=ON).total
    assert (total.persons, total.women, total.women_ok) == (9, 2, False)  # 22,2 %


def test_an_officer_sees_the_composition_of_her_units_only(alice, plan):
    table = plan_composition(user=alice, term=plan["term"], on=ON)

    assert [r.unit["code"] for r in table.rows] == ["SO_A"]
    assert (table.total.persons, table.total.seats) == (2, 1)


def test_composition_takes_three_queries_whatever_the_size(board, plan, tree, django_assert_num_queries):
    plan_composition(user=board, term=plan["term"], on=ON)  # the roles and the retirement rules are cached
    for _ in range(5):
        approved(plan["posts"][2], person(tree, "dept_b"), decision=DecisionFactory(term=plan["term"]))
    with django_assert_num_queries(3):
        plan_composition(user=board, term=plan["term"], on=ON)


# --- removal proposals --------------------------------------------------------------------------------------


def discipline(p, decided, form="KHIEN_TRACH", until=None):
    return DisciplineRecord.objects.create(
        person=p, form=form, decision_number=f"{decided:%d%m}-QĐ", decided_on=decided, effective_until=until
    )


def test_over_age_disciplined_and_departed_people_are_proposed_for_removal(board, plan, tree):
    discipline(plan["p5"], D(2026, 2, 1))  # after the approval, in effect
    discipline(plan["p1"], D(2025, 6, 1))  # before the approval
    discipline(plan["p3"], D(2025, 12, 1), until=D(2026, 5, 31))  # no longer in effect on ON
    gone = person(tree, status="MOVED_OUT", status_date=D(2026, 3, 1))
    approved(plan["posts"][0], gone, decision=DecisionFactory(term=plan["term"]))

    proposals = removal_proposals(user=board, term=plan["term"], on=ON)

    found = {p.entry.person.pk: (p.reason, p.detail) for p in proposals}
    assert set(found) == {plan["p4"].pk, plan["p5"].pk, gone.pk}
    assert found[plan["p4"].pk][0] == "OVER_AGE" and "31/08/2030" in found[plan["p4"].pk][1]
    assert found[plan["p5"].pk] == ("DISCIPLINED", "Khiển trách theo quyết định số 0102-QĐ ngày 01/02/2026")
    assert found[gone.pk][0] == "MOVED"
    # on 01/01/2026 the discipline of 01/02/2026 is not yet decided
    early = {p.entry.person.pk for p in removal_proposals(user=board, term=plan["term"], on=D(2026, 1, 1))}
    assert plan["p5"].pk not in early and plan["p4"].pk in early


def test_removal_proposals_are_scoped_and_not_applied(alice, plan):
    proposals = removal_proposals(user=alice, term=plan["term"], on=ON)

    assert proposals == []  # p4 (over age) is planned in dept_b
    assert plan["p4"].planning_entries.get().status == EntryStatus.APPROVED


def test_the_board_confirms_proposals_each_with_its_reason(board, plan):
    discipline(plan["p5"], D(2026, 2, 1))
    ids = [p.entry.pk for p in removal_proposals(user=board, term=plan["term"], on=ON)]

    removed = services.removal_proposals_confirm(
        actor=board, term=plan["term"], entry_ids=ids, on=ON, **DECISION
    )

    assert removed == 2
    reasons = {e.person_id: (e.status, e.removal_reason) for e in plan["term"].decisions.get(number="300-QĐ/TU")
               .removals.all()}  # fmt: skip
    assert reasons == {plan["p4"].pk: ("REMOVED", "OVER_AGE"), plan["p5"].pk: ("REMOVED", "DISCIPLINED")}


def test_confirming_someone_not_proposed_is_refused(board, plan):
    entry = plan["p1"].planning_entries.get()

    with pytest.raises(ValidationError, match="không còn trong danh sách"):
        services.removal_proposals_confirm(
            actor=board, term=plan["term"], entry_ids=[entry.pk], on=ON, **DECISION
        )

    entry.refresh_from_db()
    assert entry.status == EntryStatus.APPROVED


def test_the_dashboard_overview_counts_the_current_term(board, dana, plan, tree):
    EntryFactory(post=plan["posts"][0], person=person(tree))

    overview = planning_overview(user=board, on=ON)

    assert (overview["term"], overview["persons"], overview["pending"], overview["removals"]) == (
        plan["term"], 5, 2, 1,
    )  # fmt: skip
    assert overview["women_ok"] is False and overview["young_ok"] is True
    assert planning_overview(user=dana, on=ON) is None
