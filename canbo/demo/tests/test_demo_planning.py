"""The demo province's planning, appointments, movements and review (issue 4 §5): seed 001's 31 / 20 / 842,
seed 002's 71 supplements and ratios, seed 003's review, seed 004's rotations — through the reports — and the
consistency of the rows with the careers and the rules.

The default-scale demo is the shared one of conftest.py; tests change it only inside their transaction.
"""

import datetime
from collections import Counter, defaultdict

import pytest
from django.core.exceptions import ValidationError
from django.db.models import Count, F

from canbo.accounts.models import User
from canbo.core.dates import add_months
from canbo.demo.builder import build_demo, reset_demo
from canbo.movements.choices import AppointmentKind, AppointmentStatus, MovementKind
from canbo.movements.models import Appointment, Movement
from canbo.movements.selectors import reappointments_due
from canbo.movements.services import appointment_approve, direction_between, term_end_for
from canbo.people.models import Employment, Qualification
from canbo.planning.choices import EntryStatus, RemovalReason
from canbo.planning.models import PlannedPost, PlanningDecision, PlanningEntry, PlanningTerm
from canbo.planning.selectors import removal_proposals
from canbo.reports.registry import get_report
from canbo.standards.engine import check_person
from canbo.standards.models import ReviewCampaign

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo")]  # the shared demo: conftest.py
D2019 = datetime.date(2019, 12, 31)
SEED_002 = {"from": "01/11/2020", "to": "30/06/2023"}


@pytest.fixture
def board(demo):
    return User.objects.get(username="bantochuc")


def report(name: str, **data):
    return get_report(name).execute(user=None, data=data)


def test_seed_001_gaps_31_20_842_through_the_report(demo):
    for data in ({"term": "2020-2025"}, {}):  # with no term: every term not ended on the date, the same
        meta = report("planning-gaps", on="31/12/2019", **data).meta
        assert (meta["TINH"], meta["HUYEN"], meta["PHONG"]) == (31, 20, 842), data
    assert demo.planning["gaps"] == {"TINH": 31, "HUYEN": 20, "PHONG": 842}
    assert demo.new_log_entries == 0


def test_seed_001_gaps_recounted_by_hand(demo):
    """gaps.py's definition written independently: (unit, title) of the term's posts held on the date, or an
    entry approved by then and not removed, and no cao cấp / cử nhân awarded by then; one person per tier."""
    term = PlanningTerm.objects.get(code="2020-2025")
    tier_of = {
        (u, p): t for u, p, t in PlannedPost.objects.filter(term=term).values_list("unit", "position", "tier")
    }
    ccll = set(
        Qualification.objects.filter(
            scale="POLITICAL_THEORY", level__in=["CAO_CAP", "CU_NHAN"], awarded_on__lte=D2019
        ).values_list("person", flat=True)
    )
    persons = defaultdict(set)
    for person, unit, position in Employment.objects.active_on(D2019).values_list(
        "person", "unit", "position"
    ):
        if (unit, position) in tier_of and person not in ccll:
            persons[tier_of[(unit, position)]].add(person)
    sitting = {t: len(p) for t, p in persons.items()}
    entries = PlanningEntry.objects.filter(post__term=term, approved_on__lte=D2019).exclude(
        removed_on__lte=D2019
    )
    for person, tier in entries.values_list("person", "post__tier"):
        if person not in ccll:
            persons[tier].add(person)
    assert {t: len(p) for t, p in persons.items()} == {"TINH": 31, "HUYEN": 20, "PHONG": 842}
    assert sitting["PHONG"] < 842 and sitting.get("HUYEN", 0) < 20  # the plan adds the rest, planned in 2019


def test_seed_002_71_supplements_by_decision(demo):
    result = report("planning-changes", **SEED_002, kind="supplement")
    assert result.meta["added"] == 71
    rows = [(r.values["group"], r.values["added"]) for r in result.rows]
    assert [n for _g, n in rows] == [26, 25, 20]
    for (group, _n), day in zip(rows, ["15/06/2021", "20/06/2022", "15/05/2023"], strict=True):
        assert day in group and "Ban Thường vụ Tỉnh ủy" in group
    window = (datetime.date(2020, 11, 1), datetime.date(2023, 6, 30))
    supplements = PlanningEntry.objects.filter(is_supplement=True, approved_on__range=window)
    terms = Counter(supplements.values_list("post__term__code", flat=True))
    assert terms == {"2020-2025": 51, "2021-2026": 20}
    assert report("planning-changes", **SEED_002, kind="initial").meta["added"] == 0


@pytest.mark.parametrize(
    "term,on",
    [
        ("2020-2025", "30/06/2023"),
        ("2021-2026", "30/06/2023"),
        ("2025-2030", "31/12/2025"),
        ("2026-2031", "31/12/2025"),
    ],
)
def test_composition_meets_the_targets(demo, term, on):
    total = report("planning-composition", on=on, term=term).totals[0].values
    assert (total["ratio_ok"], total["women_ok"], total["young_ok"]) == ("Đạt", "Đạt", "Đạt"), total
    assert 2 <= total["ratio"] <= 3 and total["women_pct"] >= 25 and total["young_pct"] >= 15
    assert total["full_term_ok"] == ("Chưa đạt" if term == "2025-2030" else "Đạt")  # the over-age cases


def test_current_plan_has_proposals_and_automatic_removal_cases(demo, board):
    term = PlanningTerm.objects.get(code="2025-2030")
    proposals = removal_proposals(user=board, term=term, on=datetime.date(2025, 12, 31))
    assert Counter(p.reason for p in proposals)[RemovalReason.OVER_AGE] == 3
    pending = PlanningEntry.objects.filter(post__term=term, status=EntryStatus.PROPOSED)
    assert pending.count() == 12 and not pending.filter(approved_by__isnull=False).exists()
    assert pending.filter(proposed_by__username="sonoivu", post__unit__code="DB-SNV").exists()
    assert PlannedPost.objects.filter(
        term=term, tier="XA", unit__valid_from=datetime.date(2025, 7, 1)
    ).exists()


def _careers() -> dict[int, list]:
    rows = defaultdict(list)
    for person, unit, tier, start, end in Employment.objects.values_list(
        "person", "unit", "position__tier", "start_date", "end_date"
    ):
        rows[person].append((unit, tier or 0, start, end))
    return rows


def _row_on(rows, day):
    return next((r for r in rows if r[2] <= day and (r[3] is None or r[3] >= day)), None)


def test_planning_limits_and_higher_posts_only(demo):
    live = PlanningEntry.objects.exclude(status=EntryStatus.REMOVED)
    seats = dict(PlannedPost.objects.values_list("pk", "seats"))
    per_post = live.values("post").annotate(n=Count("pk")).values_list("post", "n")
    assert all(n <= 3 * seats[post] for post, n in per_post)
    busy = live.values("person", "post__term", "post__tier").annotate(n=Count("pk")).filter(n__gt=3)
    assert not busy.exists()
    assert not PlanningEntry.objects.filter(status=EntryStatus.REMOVED, removed_by__isnull=True).exists()
    assert not PlanningEntry.objects.filter(is_supplement=True, approved_by__isnull=True).exists()
    careers = _careers()
    approved = PlanningEntry.objects.filter(approved_by__isnull=False)
    for person, day, tier in approved.values_list("person", "approved_on", "post__position__tier"):
        row = _row_on(careers[person], day)
        assert row is not None and row[1] < tier, (person, day)  # working, in a lower post
    decisions = PlanningDecision.objects.filter(term__code__in=["2020-2025", "2021-2026"])
    assert not decisions.filter(date__gt=F("term__end_date")).exists()


def test_decided_appointments_match_the_career_rows(demo):
    decided = Appointment.objects.filter(status=AppointmentStatus.DECIDED)
    assert decided.count() > 1000
    firsts = decided.exclude(kind=AppointmentKind.REAPPOINT).select_related("employment")
    for a in firsts.iterator():
        e = a.employment
        assert (e.person_id, e.unit_id, e.position_id, e.start_date) == (
            a.person_id,
            a.unit_id,
            a.position_id,
            a.term_start,
        )
        assert e.move == "BO_NHIEM" and e.decision_number == a.decision_number
        assert a.term_end == term_end_for(a.term_start) or a.note.startswith("Kéo dài")
        assert a.decision_date <= a.term_start
    again = decided.filter(kind=AppointmentKind.REAPPOINT).select_related("previous")
    assert again.count() > 300
    for a in again.iterator():
        assert a.previous.kind != AppointmentKind.REAPPOINT  # at most two consecutive terms
        assert a.term_start == a.previous.term_end + datetime.timedelta(days=1)
        assert (a.person_id, a.unit_id, a.position_id) == (
            a.previous.person_id,
            a.previous.unit_id,
            a.previous.position_id,
        )


def test_reappointments_are_due_every_month_of_2026_and_2027(demo):
    for year in (2026, 2027):
        for month in range(1, 13):
            assert reappointments_due(today=datetime.date(year, month, 1)).exists(), (year, month)


def test_the_blocked_proposal_shows_the_engines_gaps_and_cannot_be_approved(demo, board):
    blocked = Appointment.objects.get(status=AppointmentStatus.BLOCKED)
    check = check_person(blocked.person, blocked.position, blocked.check_date, appointment_kind=blocked.kind)
    assert blocked.check_gaps == check.messages and check.messages
    with pytest.raises(ValidationError, match="chưa đạt tiêu chuẩn"):
        appointment_approve(actor=board, appointment=blocked)
    assert Appointment.objects.filter(status=AppointmentStatus.PROPOSED).count() == 1


def test_movements_match_the_career_rows_and_rotations_have_directions(demo):
    movements = Movement.objects.select_related("employment", "from_unit", "to_unit")
    assert movements.filter(kind=MovementKind.ROTATION).count() > 300
    careers = _careers()
    for m in movements.iterator():
        e = m.employment
        assert (e.person_id, e.unit_id, e.start_date, e.move) == (
            m.person_id,
            m.to_unit_id,
            m.start_date,
            m.kind,
        )
        assert e.decision_number == m.decision_number and m.decision_date <= m.start_date
        before = _row_on(careers[m.person_id], m.start_date - datetime.timedelta(days=1))
        assert before[0] == m.from_unit_id
        assert m.direction == direction_between(m.from_unit, m.to_unit)
        assert m.end_date == (add_months(m.start_date, 36) if m.kind == MovementKind.ROTATION else None)
    meta = report("rotations", **{"from": "01/01/2015", "to": "31/12/2025"}).meta
    assert meta["district_commune"] > 100
    assert meta["by_direction"]["TINH_HUYEN"] > 50 and meta["by_direction"]["HUYEN_TINH"] > 50


def test_seed_003_commune_review_with_its_deadline(demo):
    campaign = ReviewCampaign.objects.get()
    assert campaign.deadline == datetime.date(2021, 12, 31) and campaign.categories == ["CB_XA", "CC_XA"]
    findings = campaign.findings.all()
    assert findings.count() == demo.planning["review"]["findings"] > 100
    assert findings.filter(resolved_on=datetime.date(2022, 1, 4)).exists()
    assert findings.filter(resolved_on__isnull=True).exists()  # still short after the deadline
    day = campaign.review_date
    held = Employment.objects.active_on(day).filter(category__in=["CB_XA", "CC_XA"], unit__level="XA")
    assert not findings.exclude(person__in=held.values("person")).exists()


def test_smaller_scale_is_proportional_deterministic_and_reset_removes_it():
    def rows():
        return list(
            PlanningEntry.objects.order_by(
                "person__code", "post__term__code", "post__unit__code", "post__position"
            ).values_list("person__code", "post__term__code", "post__unit__code", "status", "approved_on")
        )

    summary = build_demo(scale=1000, seed=7, reset=True)  # inside this test's transaction
    assert summary.planning["gaps"] == {"TINH": 1, "HUYEN": 1, "PHONG": 32}  # 31, 20, 842 × 1.000 / 25.944
    meta = report("planning-gaps", on="31/12/2019", term="2020-2025").meta
    assert (meta["TINH"], meta["HUYEN"], meta["PHONG"]) == (1, 1, 32)
    assert report("planning-changes", **SEED_002, kind="supplement").meta["added"] == 3
    assert [round(pp, 1) for _s, _l, pp in summary.changes] == [5.1, 14.7, 2.5, 10.0]
    first = rows()
    build_demo(scale=1000, seed=7, reset=True)
    assert rows() == first
    reset_demo()
    for model in (
        PlanningEntry,
        PlannedPost,
        PlanningDecision,
        PlanningTerm,
        Appointment,
        Movement,
        ReviewCampaign,
    ):
        assert not model.objects.exists(), model
