"""QĐ 377's gates at the proposal (issue 15): a full term of service, no sanction in effect, no district post for
a term starting after 30/06/2025; each with its boundary."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from canbo.discipline.models import DisciplineRecord
from canbo.people.retirement import retirement_date
from canbo.planning import rules, services
from tests.factories import PersonFactory

from .factories import PostFactory, TermFactory, position

D = datetime.date


@pytest.fixture
def term(db):
    return TermFactory(code="2026-2031", kind="STATE", start_date=D(2026, 7, 1), end_date=D(2031, 6, 30))


def messages(exc) -> str:
    return " ".join(exc.value.messages)


def candidate(tree, **extra):
    return PersonFactory(current_unit=tree["dept_a"], position=position("TRUONG_PHONG"), **extra)


def test_a_candidate_retiring_before_the_term_ends_is_refused(board, term, tree):
    post = PostFactory(term=term, unit=tree["dept_a"], position=position("PHO_GIAM_DOC_SO"))
    # men born in 1970 retire at 62 (NĐ 135): on 31/12/2032 for this birth date → a full term
    fits = candidate(tree, gender="NAM", date_of_birth=D(1970, 12, 1))
    assert retirement_date("NAM", D(1970, 12, 1)) >= term.end_date
    assert services.entry_propose(actor=board, post=post, person=fits).pk
    too_old = candidate(tree, gender="NAM", date_of_birth=D(1968, 1, 1))
    assert retirement_date("NAM", D(1968, 1, 1)) < term.end_date
    with pytest.raises(ValidationError) as exc:
        services.entry_propose(actor=board, post=post, person=too_old)
    assert "không đủ tuổi công tác trọn một nhiệm kỳ" in messages(exc)


def test_a_candidate_under_a_sanction_in_effect_is_refused_until_it_ends(board, term, tree):
    post = PostFactory(term=term, unit=tree["dept_a"], position=position("PHO_GIAM_DOC_SO"))
    person = candidate(tree)
    today = datetime.date.today()
    record = DisciplineRecord.objects.create(
        person=person, form="KHIEN_TRACH", decision_number="3/QĐ", decided_on=today - datetime.timedelta(days=30),
        effective_until=today,
    )  # fmt: skip
    with pytest.raises(ValidationError) as exc:
        services.entry_propose(actor=board, post=post, person=person)
    assert "đang trong thời hạn thi hành kỷ luật (khiển trách" in messages(exc)
    record.effective_until = today - datetime.timedelta(days=1)
    record.save()
    assert services.entry_propose(actor=board, post=post, person=person).pk


def test_a_district_post_is_refused_for_a_term_starting_after_june_2025(board, term, tree):
    with pytest.raises(ValidationError) as exc:
        services.post_create(
            actor=board, term=term, unit=tree["dept_b"], position=position("CT_UBND_HUYEN"), tier="HUYEN"
        )
    assert "không quy hoạch chức danh cấp huyện" in messages(exc)


def test_a_district_post_created_earlier_is_refused_at_the_proposal(board, term, tree):
    post = PostFactory(term=term, unit=tree["dept_b"], position=position("CT_UBND_HUYEN"), tier="HUYEN")
    with pytest.raises(ValidationError) as exc:
        services.entry_propose(actor=board, post=post, person=candidate(tree))
    assert "sau khi kết thúc cấp huyện" in messages(exc)


def test_a_term_starting_by_june_2025_may_still_plan_district_posts(board, tree):
    old = TermFactory(code="2020-2025", kind="PARTY", start_date=D(2025, 6, 30), end_date=D(2030, 6, 29))
    assert services.post_create(
        actor=board, term=old, unit=tree["dept_b"], position=position("CT_UBND_HUYEN"), tier="HUYEN"
    ).pk
    assert "HUYEN" in rules.open_tiers(D(2025, 6, 30)) and "HUYEN" not in rules.open_tiers(D(2025, 7, 1))


def test_the_gates_run_at_the_proposal_from_qd_377(db):
    assert rules.gates(D(2025, 10, 7)) == {"full_term": False, "no_sanction": False}
    assert rules.gates(D(2025, 10, 8)) == {"full_term": True, "no_sanction": True}


def test_a_new_term_takes_the_limits_and_ratios_in_force(board):
    term = services.term_create(
        actor=board,
        data={"code": "2031-2036", "kind": "STATE", "start_date": D(2031, 7, 1), "end_date": D(2036, 6, 30)},
    )
    assert (term.max_per_post, term.min_women_pct, term.min_young_pct) == (3, 25, 15)
