"""The planning reports: changes per period (seed 002), composition, and gaps by tier (seed 001)."""

import datetime

import pytest

from canbo.people.models import Employment
from canbo.planning.choices import EntryStatus
from canbo.reports.base import ReportParameterError
from canbo.reports.registry import get_report
from tests.factories import PersonFactory, QualificationFactory

from .factories import DecisionFactory, EntryFactory, PostFactory, TermFactory, approved, position

D = datetime.date
LONG_AGO = D(2010, 1, 1)


def run(name, user, **data):
    return get_report(name).execute(user=user, data=data)


def totals(result):
    return result.totals[0].values


# --- planning-changes ----------------------------------------------------------------------------------------


@pytest.fixture
def changes(tree, db):
    t1 = TermFactory(code="2020-2025", start_date=D(2020, 10, 1), end_date=D(2025, 9, 30))
    t2 = TermFactory(code="2021-2026", kind="STATE", start_date=D(2021, 7, 1), end_date=D(2026, 6, 30))
    a = PostFactory(term=t1, unit=tree["dept_a"])
    b = PostFactory(term=t2, unit=tree["dept_b"], position=position("PCT_UBND_HUYEN"), tier="HUYEN")
    first = DecisionFactory(term=t1, number="1-QĐ/TU", date=D(2020, 12, 1))
    review = DecisionFactory(term=t1, number="2-QĐ/TU", date=D(2021, 6, 1))
    review2 = DecisionFactory(term=t2, number="3-QĐ/TU", date=D(2023, 5, 1))
    late = DecisionFactory(term=t2, number="4-QĐ/TU", date=D(2023, 7, 1))
    people = [PersonFactory(current_unit=tree["dept_a"]) for _ in range(6)]
    approved(a, people[0], decision=first)
    removed = approved(a, people[1], decision=first)
    approved(a, people[2], decision=review, supplement=True)
    approved(a, people[3], decision=review, supplement=True)
    approved(b, people[3], decision=review2, supplement=True)  # the same person in a second term
    approved(b, people[4], decision=late, supplement=True)
    removed.status, removed.removed_by, removed.removed_on, removed.removal_reason = (
        EntryStatus.REMOVED, review2, review2.date, "MOVED",
    )  # fmt: skip
    removed.save()
    return {"t1": t1, "t2": t2}


PERIOD = {"from": "01/01/2021", "to": "30/06/2023"}


def test_changes_count_the_supplements_of_the_period_by_decision(board, changes):
    result = run("planning-changes", board, kind="supplement", **PERIOD)

    assert [(r.values["group"][:18], r.values["added"], r.values["removed"]) for r in result.rows] == [
        ("Số 2-QĐ/TU ngày 01", 2, 0),
        ("Số 3-QĐ/TU ngày 01", 1, 1),
    ]
    assert totals(result) == {"group": "Tổng cộng", "added": 3, "persons": 2, "removed": 1}
    assert "3 trường hợp được phê duyệt vào quy hoạch (bổ sung quy hoạch), 2 người" in result.notes[0]


def test_changes_by_tier_and_unit_and_first_approvals_only(board, changes):
    by_tier = run("planning-changes", board, group="tier", **PERIOD)
    assert [(r.values["group"][:22], r.values["added"]) for r in by_tier.rows] == [
        ("Lãnh đạo cấp tỉnh (tỉn", 2),
        ("Lãnh đạo cấp huyện (ủy", 1),
    ]
    by_unit = run("planning-changes", board, group="unit", term="2020-2025", **PERIOD)
    assert [(r.values["group"], r.values["added"]) for r in by_unit.rows] == [("Sở A (SO_A)", 2)]
    first = run("planning-changes", board, kind="initial", **{"from": "01/01/2020", "to": "31/12/2020"})
    assert totals(first)["added"] == 2


def test_changes_are_scoped_and_take_a_few_queries(alice, changes, django_assert_max_num_queries):
    run("planning-changes", alice, **PERIOD)  # roles cached
    with django_assert_max_num_queries(5):  # additions, removals, total, labels (+ the term check)
        result = run("planning-changes", alice, **PERIOD)
    assert (totals(result)["added"], totals(result)["removed"]) == (2, 1)  # not the HUYEN post of SO_B


def test_an_unknown_term_or_kind_is_refused(board, changes):
    with pytest.raises(ReportParameterError) as exc:
        run("planning-changes", board, term="1990-1995", kind="all")
    assert set(exc.value.errors) == {"term", "kind"}


# --- planning-composition ------------------------------------------------------------------------------------


def test_composition_report_shows_each_unit_against_the_targets(board, tree, django_assert_max_num_queries):
    term = TermFactory()
    post = PostFactory(term=term, unit=tree["dept_a"])
    decision = DecisionFactory(term=term)
    approved(post, PersonFactory(current_unit=tree["dept_a"], gender="NU", date_of_birth=D(1990, 1, 1)),
             decision=decision)  # fmt: skip
    approved(post, PersonFactory(current_unit=tree["dept_a"], gender="NAM", date_of_birth=D(1966, 1, 1)),
             decision=decision)  # fmt: skip
    run("planning-composition", board, on="01/06/2026")

    with django_assert_max_num_queries(5):  # term, posts, entries per unit, total
        result = run("planning-composition", board, on="01/06/2026", term="2025-2030")

    row = result.rows[0].values
    assert (row["unit"], row["seats"], row["entries"], row["ratio"], row["ratio_ok"]) == (
        "Sở A",
        1,
        2,
        2,
        "Đạt",
    )
    assert (row["women_pct"], row["women_ok"], row["young_ok"]) == (50, "Đạt", "Đạt")
    assert (row["full_term_pct"], row["full_term_ok"]) == (50, "Chưa đạt")  # born 1966: retires 31/01/2028
    assert totals(result)["unit"] == "Toàn tỉnh" and result.meta["persons"] == 2


# --- planning-gaps -------------------------------------------------------------------------------------------

ON = D(2021, 6, 1)


def sitting(tree, unit, code, **extra):
    return PersonFactory(current_unit=tree[unit], position=position(code), start_date=D(2019, 1, 1), **extra)


def holds(person, level="CAO_CAP", on=LONG_AGO):
    QualificationFactory(person=person, scale="POLITICAL_THEORY", level=level, rank=3, awarded_on=on)


@pytest.fixture
def gaps(tree, db):
    term = TermFactory(code="2020-2025", start_date=D(2020, 10, 1), end_date=D(2025, 9, 30))
    PostFactory(term=term, unit=tree["dept_a"])
    PostFactory(term=term, unit=tree["dept_a"], position=position("PHO_GIAM_DOC_SO"))
    head = PostFactory(term=term, unit=tree["dept_a_office"], position=position("TRUONG_PHONG"), tier="PHONG")
    vice = PostFactory(term=term, unit=tree["dept_b"], position=position("PCT_UBND_HUYEN"), tier="HUYEN")
    decision = DecisionFactory(term=term, date=D(2020, 12, 1))
    p = {
        "director": sitting(tree, "dept_a", "GIAM_DOC_SO"),  # TINH, lacking
        "deputy_ok": sitting(tree, "dept_a", "PHO_GIAM_DOC_SO"),  # has it
        "deputy_bachelor": sitting(tree, "dept_a", "PHO_GIAM_DOC_SO"),  # CU_NHAN counts as CAO_CAP
        "deputy_b": sitting(tree, "dept_b", "PHO_GIAM_DOC_SO"),  # no such post in SO_B: not counted
        "planned_head": PersonFactory(current_unit=tree["dept_a_office"]),  # PHONG, lacking
        "two_tiers": PersonFactory(current_unit=tree["dept_b"]),  # PHONG and HUYEN, lacking
        "late_degree": PersonFactory(current_unit=tree["dept_a_office"]),  # awarded after ON: lacking
        "removed": PersonFactory(current_unit=tree["dept_a_office"]),  # out of the plan before ON
        "left": sitting(tree, "dept_a", "GIAM_DOC_SO"),  # the employment ended before ON
    }
    holds(p["deputy_ok"])
    holds(p["deputy_bachelor"], "CU_NHAN")
    holds(p["late_degree"], on=D(2021, 6, 2))
    Employment.objects.filter(person=p["left"]).update(end_date=D(2021, 5, 31))
    for post, key in [
        (head, "planned_head"),
        (head, "two_tiers"),
        (vice, "two_tiers"),
        (head, "late_degree"),
    ]:
        approved(post, p[key], decision=decision)
    EntryFactory(post=head, person=p["removed"], status=EntryStatus.REMOVED, approved_by=decision,
                 approved_on=decision.date, removed_on=D(2021, 3, 1), removal_reason="REVIEW")  # fmt: skip
    return p


def test_gaps_count_the_sitting_and_the_planned_of_each_tier_once(board, gaps):
    result = run("planning-gaps", board, on="01/06/2021")

    assert [(r.values["tier"][:18], r.values["persons"]) for r in result.rows] == [
        ("Lãnh đạo cấp tỉnh ", 1),
        ("Lãnh đạo cấp huyện", 1),
        ("Trưởng phòng và tư", 3),
    ]
    assert totals(result)["persons"] == 4  # two_tiers once
    assert result.meta == {"TINH": 1, "HUYEN": 1, "PHONG": 3, "XA": 0, "total": 4}
    assert "tier=PHONG" in result.rows[2].links["persons"]


def test_gaps_as_of_a_later_date_and_for_another_qualification(board, gaps):
    later = run("planning-gaps", board, on="02/06/2021")
    assert later.meta["PHONG"] == 2  # the degree of 02/06/2021 counts from that day

    state = run("planning-gaps", board, on="01/06/2021", scale="STATE_MGMT", level="CHUYEN_VIEN_CHINH")
    assert state.meta["total"] == 6  # nobody holds it; not deputy_b, "left" (no longer sits), "removed"


def test_gaps_are_scoped_and_counted_in_one_query(alice, gaps, django_assert_max_num_queries):
    run("planning-gaps", alice, on="01/06/2021")
    with django_assert_max_num_queries(2):  # the terms, the counts
        result = run("planning-gaps", alice, on="01/06/2021")
    assert result.meta == {"TINH": 1, "HUYEN": 0, "PHONG": 3, "XA": 0, "total": 4}


def test_a_level_of_another_scale_is_refused(board, gaps):
    with pytest.raises(ReportParameterError) as exc:
        run("planning-gaps", board, scale="STATE_MGMT", level="CAO_CAP")
    assert "Chọn một trình độ" in exc.value.errors["level"][0]
