"""Planning services: rule 10's limits met and broken, the decisions, who may do what, nothing half-written."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError

from canbo.movements.models import Appointment
from canbo.planning import services
from canbo.planning.choices import EntryStatus, RemovalReason
from canbo.planning.models import PlannedPost, PlanningDecision, PlanningEntry, PlanningTerm
from tests.factories import PersonFactory

from .factories import DecisionFactory, EntryFactory, PostFactory, TermFactory, approved, position

D = datetime.date
DECISION = {"number": "245-QĐ/TU", "date": D(2025, 11, 15), "approving_body": "Ban Thường vụ Tỉnh ủy"}


@pytest.fixture
def term(db):
    return TermFactory()


@pytest.fixture
def post(term, tree):
    return PostFactory(term=term, unit=tree["dept_a"])


def deputy(tree, **extra):
    return PersonFactory(current_unit=tree["dept_a"], position=position("PHO_GIAM_DOC_SO"), **extra)


def messages(exc) -> str:
    return " ".join(exc.value.messages)


# --- proposals and the limits of rule 10 ---------------------------------------------------------------------


def test_an_officer_proposes_a_deputy_for_the_director_post_with_an_audit_row(alice, post, tree):
    person = deputy(tree)

    entry = services.entry_propose(actor=alice, post=post, person=person, note="Nguồn tại chỗ")

    assert entry.status == EntryStatus.PROPOSED and entry.proposed_by == alice
    log = LogEntry.objects.get_for_object(entry).get()
    assert log.actor == alice


def test_a_fourth_candidate_for_a_one_seat_post_is_refused(alice, post, tree):
    for _ in range(3):
        services.entry_propose(actor=alice, post=post, person=deputy(tree))

    with pytest.raises(ValidationError) as exc:
        services.entry_propose(actor=alice, post=post, person=deputy(tree))

    assert "đã có 3 người trong quy hoạch" in messages(exc) and "tối đa 3 người" in messages(exc)
    assert PlanningEntry.objects.filter(post=post).count() == 3


def test_a_removed_candidate_frees_the_seat(alice, post, tree):
    EntryFactory(post=post, person=deputy(tree), status=EntryStatus.REMOVED, removed_on=D(2025, 12, 1),
                 removal_reason=RemovalReason.REVIEW)  # fmt: skip
    approved(post, deputy(tree))
    services.entry_propose(actor=alice, post=post, person=deputy(tree))

    entry = services.entry_propose(actor=alice, post=post, person=deputy(tree))

    assert (
        entry.pk and PlanningEntry.objects.filter(post=post).exclude(status=EntryStatus.REMOVED).count() == 3
    )


def test_a_post_with_two_seats_takes_six_candidates(alice, term, tree):
    post = PostFactory(term=term, unit=tree["dept_a"], position=position("PHO_GIAM_DOC_SO"), seats=2)
    staff = [PersonFactory(current_unit=tree["dept_a"], position=position("TRUONG_PHONG")) for _ in range(7)]
    for person in staff[:6]:
        services.entry_propose(actor=alice, post=post, person=person)

    with pytest.raises(ValidationError, match="tối đa 6 người"):
        services.entry_propose(actor=alice, post=post, person=staff[6])


def test_a_fourth_post_at_the_same_tier_is_refused_but_another_tier_or_term_is_not(board, term, tree):
    person = PersonFactory(current_unit=tree["dept_a"], position=position("TRUONG_PHONG"))
    units = [tree["dept_a"], tree["dept_b"], tree["dept_a_office"], tree["province"]]
    posts = [PostFactory(term=term, unit=u, position=position("PHO_GIAM_DOC_SO")) for u in units]
    for p in posts[:3]:
        services.entry_propose(actor=board, post=p, person=person)

    with pytest.raises(ValidationError) as exc:
        services.entry_propose(actor=board, post=posts[3], person=person)

    assert "đã được quy hoạch 3 chức danh" in messages(exc)
    other_tier = PostFactory(term=term, unit=tree["dept_b"], position=position("GIAM_DOC_SO"), tier="PHONG")
    assert services.entry_propose(actor=board, post=other_tier, person=person).pk
    other_term = TermFactory(
        code="2026-2031", kind="STATE", start_date=D(2026, 7, 1), end_date=D(2031, 6, 30)
    )
    later = PostFactory(term=other_term, unit=tree["dept_a"], position=position("PHO_GIAM_DOC_SO"))
    assert services.entry_propose(actor=board, post=later, person=person).pk


@pytest.mark.parametrize("status", ["PROPOSED", "CHECKED", "APPROVED"])
def test_no_planning_while_an_appointment_is_under_way(alice, post, tree, status):
    person = deputy(tree)
    Appointment.objects.create(person=person, position=position("GIAM_DOC_SO"), unit=tree["dept_b"],
                               kind="HIGHER", status=status, proposed_by=alice)  # fmt: skip

    with pytest.raises(ValidationError, match="đang có đề xuất bổ nhiệm"):
        services.entry_propose(actor=alice, post=post, person=person)

    assert not PlanningEntry.objects.exists()


@pytest.mark.parametrize("status", ["BLOCKED", "WITHDRAWN"])
def test_an_appointment_no_longer_under_way_does_not_block(alice, post, tree, status):
    person = deputy(tree)
    Appointment.objects.create(person=person, position=position("GIAM_DOC_SO"), unit=tree["dept_b"],
                               kind="HIGHER", status=status, proposed_by=alice)  # fmt: skip

    assert services.entry_propose(actor=alice, post=post, person=person).pk


@pytest.mark.parametrize("current", ["GIAM_DOC_SO", "PCT_UBND_TINH"])
def test_only_a_higher_title_is_planned(alice, post, tree, current):
    person = PersonFactory(current_unit=tree["dept_a"], position=position(current))

    with pytest.raises(ValidationError, match="Chỉ quy hoạch chức danh cao hơn"):
        services.entry_propose(actor=alice, post=post, person=person)


def test_a_person_without_a_post_may_be_planned_for_a_leadership_post(alice, post, anh):
    assert services.entry_propose(actor=alice, post=post, person=anh).status == EntryStatus.PROPOSED


def test_a_person_no_longer_working_is_not_planned(alice, post, tree):
    person = deputy(tree, status="RETIRED", status_date=D(2025, 1, 31))

    with pytest.raises(ValidationError, match="không còn công tác"):
        services.entry_propose(actor=alice, post=post, person=person)


def test_the_same_person_is_not_proposed_twice_for_a_post(alice, post, tree):
    person = deputy(tree)
    services.entry_propose(actor=alice, post=post, person=person)

    with pytest.raises(ValidationError, match="đã có trong quy hoạch chức danh này"):
        services.entry_propose(actor=alice, post=post, person=person)


@pytest.mark.parametrize("who", ["charlie", "bob", "standing", "dana"])
def test_only_the_posts_unit_officer_or_the_board_proposes(request, post, tree, who):
    user = request.getfixturevalue(who)

    with pytest.raises(PermissionDenied):
        services.entry_propose(actor=user, post=post, person=deputy(tree))

    assert not PlanningEntry.objects.exists()


def test_an_officer_withdraws_a_proposal_but_not_an_approved_entry(alice, post, tree):
    entry = services.entry_propose(actor=alice, post=post, person=deputy(tree))
    services.entry_withdraw(actor=alice, entry=entry)
    entry.refresh_from_db()
    assert entry.status == EntryStatus.REMOVED and entry.removed_by is None

    with pytest.raises(ValidationError, match="Chỉ rút được đề xuất"):
        services.entry_withdraw(actor=alice, entry=approved(post, deputy(tree)))


# --- approval and removal by a decision ----------------------------------------------------------------------


def test_the_board_approves_a_batch_by_one_decision(board, alice, post, term, tree):
    other = PostFactory(term=term, unit=tree["dept_b"])
    a = services.entry_propose(actor=alice, post=post, person=deputy(tree))
    b = services.entry_propose(actor=board, post=other, person=deputy(tree))

    decision = services.entries_approve(actor=board, entries=[a, b], is_supplement=True, **DECISION)

    for entry in (a, b):
        entry.refresh_from_db()
        assert (entry.status, entry.approved_by, entry.approved_on) == ("APPROVED", decision, D(2025, 11, 15))
        assert entry.is_supplement and entry.version == 2
    c = services.entry_propose(actor=alice, post=post, person=deputy(tree))
    assert services.entries_approve(actor=board, entries=[c], **DECISION) == decision
    assert PlanningDecision.objects.count() == 1


def test_a_decision_number_with_another_date_is_refused(board, alice, post, tree):
    DecisionFactory(term=post.term, number=DECISION["number"], date=D(2025, 10, 1))
    entry = services.entry_propose(actor=alice, post=post, person=deputy(tree))

    with pytest.raises(ValidationError, match="đã ghi nhận với ngày 01/10/2025"):
        services.entries_approve(actor=board, entries=[entry], **DECISION)


def test_a_batch_with_one_bad_entry_approves_nobody(board, alice, post, tree):
    good = services.entry_propose(actor=alice, post=post, person=deputy(tree))
    already = approved(post, deputy(tree))

    with pytest.raises(ValidationError, match="không ở trạng thái đề xuất"):
        services.entries_approve(actor=board, entries=[good, already], **DECISION)

    good.refresh_from_db()
    assert good.status == EntryStatus.PROPOSED and PlanningDecision.objects.count() == 1  # already's own


def test_an_appointment_started_after_the_proposal_blocks_the_approval(board, alice, post, tree):
    entry = services.entry_propose(actor=alice, post=post, person=deputy(tree))
    Appointment.objects.create(person=entry.person, position=position("GIAM_DOC_SO"), unit=tree["dept_b"],
                               kind="HIGHER", status="PROPOSED", proposed_by=alice)  # fmt: skip

    with pytest.raises(ValidationError, match="đang có đề xuất bổ nhiệm"):
        services.entries_approve(actor=board, entries=[entry], **DECISION)


@pytest.mark.parametrize("who", ["alice", "bob", "standing"])
def test_only_the_board_approves_and_removes(request, post, tree, who):
    user = request.getfixturevalue(who)
    entry = EntryFactory(post=post, person=deputy(tree))

    with pytest.raises(PermissionDenied):
        services.entries_approve(actor=user, entries=[entry], **DECISION)
    with pytest.raises(PermissionDenied):
        services.entries_remove(actor=user, entries=[entry], reason="REVIEW", **DECISION)


def test_the_decision_needs_a_number_a_past_date_and_a_body(board, alice, post, tree):
    entry = services.entry_propose(actor=alice, post=post, person=deputy(tree))

    with pytest.raises(ValidationError) as exc:
        services.entries_approve(
            actor=board, entries=[entry], number=" ", date=D(2099, 1, 1), approving_body=""
        )

    assert set(exc.value.message_dict) == {"number", "date", "approving_body"}
    assert not PlanningDecision.objects.exists()


def test_the_board_removes_approved_people_with_a_reason_and_a_decision(board, post, tree):
    entry = approved(post, deputy(tree))

    decision = services.entries_remove(actor=board, entries=[entry], reason=RemovalReason.MOVED, **DECISION)

    entry.refresh_from_db()
    assert (entry.status, entry.removed_by, entry.removed_on) == ("REMOVED", decision, D(2025, 11, 15))
    assert entry.removal_reason == RemovalReason.MOVED


def test_a_removal_dated_before_the_approval_or_of_a_proposal_is_refused(board, post, tree):
    entry = approved(post, deputy(tree), decision=DecisionFactory(term=post.term, date=D(2025, 12, 1)))
    with pytest.raises(ValidationError, match="trước ngày được phê duyệt"):
        services.entries_remove(actor=board, entries=[entry], reason="REVIEW", **DECISION)
    proposal = EntryFactory(post=post, person=deputy(tree))
    with pytest.raises(ValidationError, match="chưa ở trong quy hoạch"):
        services.entries_remove(actor=board, entries=[proposal], reason="REVIEW", **DECISION)
    with pytest.raises(ValidationError, match="Cần lý do"):
        services.entries_remove(actor=board, entries=[entry], reason="", **DECISION)


# --- terms and posts -----------------------------------------------------------------------------------------


def test_the_board_opens_a_term_and_checks_its_dates(board, alice, db):
    data = {"code": "2026-2031", "kind": "STATE", "start_date": D(2026, 7, 1), "end_date": D(2031, 6, 30)}
    term = services.term_create(actor=board, data=data)
    assert term.max_per_post == 3 and term.min_women_pct == 25

    with pytest.raises(ValidationError) as exc:
        services.term_create(actor=board, data={**data, "end_date": D(2026, 1, 1)})
    assert set(exc.value.message_dict) == {"code", "end_date"}
    with pytest.raises(PermissionDenied):
        services.term_create(actor=alice, data={**data, "code": "X"})
    assert PlanningTerm.objects.count() == 1


def test_an_officer_adds_a_leadership_post_of_her_unit_only(alice, term, tree):
    post = services.post_create(
        actor=alice, term=term, unit=tree["dept_a"], position=position("PHO_GIAM_DOC_SO"), tier="TINH"
    )
    assert post.pk

    with pytest.raises(ValidationError) as exc:
        services.post_create(actor=alice, term=term, unit=tree["dept_a"], position=position("CHUYEN_VIEN"),
                             tier="TINH", seats=0)  # fmt: skip
    assert set(exc.value.message_dict) == {"position", "seats"}
    with pytest.raises(ValidationError, match="đã có trong quy hoạch"):
        services.post_create(
            actor=alice, term=term, unit=tree["dept_a"], position=position("PHO_GIAM_DOC_SO"), tier="TINH"
        )
    with pytest.raises(PermissionDenied):
        services.post_create(
            actor=alice, term=term, unit=tree["dept_b"], position=position("GIAM_DOC_SO"), tier="TINH"
        )
    assert PlannedPost.objects.count() == 1
