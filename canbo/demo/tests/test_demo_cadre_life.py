"""The demo province's emulation, awards, discipline, citizens' feedback and PAR Index survey (issue 5): seed 000's
1.908 collectives and 2.086 individuals through the report and by hand, and the rows' consistency with the
careers, the ratings and the apps' rules. The default-scale demo is the shared one of conftest.py (built after a
scale-1000 one, to check that the figures scale); tests change it only inside their transaction.
"""

import datetime
from collections import Counter, defaultdict
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count, F, Q
from django.utils import timezone

from canbo.accounts.models import User
from canbo.demo.cadre_work import reset_cadre_life
from canbo.discipline import rules
from canbo.discipline.models import CaseStatus, DeferralReason, DisciplineCase, DisciplineRecord
from canbo.emulation.choices import AwardForm, RecipientKind
from canbo.emulation.models import Award, Registration
from canbo.evaluation.models import AnnualRating, RatingLevel
from canbo.feedback.models import Conclusion, Feedback, FeedbackStatus
from canbo.feedback.selectors import overdue_feedback_count
from canbo.people.models import Employment, Person
from canbo.planning.models import PlanningEntry
from canbo.reports.registry import get_report
from canbo.surveys.models import Answer, Invitation, Response, Survey
from canbo.surveys.results import survey_grouping
from canbo.surveys.selectors import pending_invitation_count

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo")]  # the shared demo: conftest.py
SEED_DAY = datetime.date(2021, 6, 23)
SMALL = 1000  # the scale of the smaller demo that conftest.py builds first


def report(name: str, **data):
    return get_report(name).execute(user=None, data=data)


@pytest.fixture
def users(demo):
    return {
        u.username: u
        for u in User.objects.filter(username__in=["bantochuc", "sonoivu", "lanhdao", "congchuc"])
    }


def _unit_of(person_ids) -> dict:
    """person -> [(unit, start, end, category, leader)] of their employment rows."""
    rows = defaultdict(list)
    for person, unit, start, end, category, leader in Employment.objects.filter(
        person__in=person_ids
    ).values_list("person", "unit", "start_date", "end_date", "category", "position__is_leadership"):
        rows[person].append((unit, start, end, category, bool(leader)))
    return rows


def _row_on(rows, unit, day):
    for r_unit, start, end, category, leader in rows:
        if r_unit == unit and start <= day and (end is None or end >= day):
            return category, leader
    return None


def test_seed_000_1908_collectives_2086_individuals_through_the_report(demo):
    meta = report("emulation-registrations", movement="CT05").meta
    assert (meta["collectives"], meta["individuals"]) == (1908, 2086)
    out = StringIO()
    call_command("report", "emulation-registrations", "--movement", "CT05", stdout=out, stderr=StringIO())
    assert "1.908 tập thể và 2.086 cá nhân" in out.getvalue()
    assert demo.new_log_entries == 0


def test_seed_000_recounted_by_hand_and_registered_by_23_06_2021(demo):
    ct05 = Registration.objects.filter(movement__code="CT05")
    kinds = Counter(ct05.values_list("kind", flat=True))
    assert kinds == {RecipientKind.TAP_THE: 1908, RecipientKind.CA_NHAN: 2086}
    assert not ct05.filter(Q(registered_on__gt=SEED_DAY) | Q(year__lt=2016) | Q(year__gt=2021)).exists()
    assert not ct05.exclude(registered_on__year=F("year")).exists()
    collectives = ct05.filter(kind=RecipientKind.TAP_THE)
    assert collectives.values("year", "unit").distinct().count() == 1908
    assert not collectives.filter(
        Q(unit__valid_from__gt=F("registered_on")) | Q(unit__valid_to__lt=F("registered_on"))
    ).exists()
    individuals = list(ct05.filter(kind=RecipientKind.CA_NHAN).values_list("person", "unit", "registered_on"))
    rows = _unit_of({p for p, _u, _d in individuals})
    assert all(_row_on(rows[p], u, d) for p, u, d in individuals)  # working in that unit on the day
    assert Registration.objects.filter(movement__code="KL01", year__lt=2022).count() == 0


def test_a_smaller_demo_scales_the_seed_figures(demo):
    assert (demo.small["collectives"], demo.small["individuals"]) == (
        round(1908 * SMALL / 25944),
        round(2086 * SMALL / 25944),
    )


def test_awards_follow_the_titles_rules_the_ratings_and_the_discipline(demo):
    live = Award.objects.filter(revoked_on__isnull=True)
    assert set(live.values_list("year", flat=True)) == set(range(2016, 2026))
    base = set(live.filter(form=AwardForm.CSTD_CO_SO).values_list("person", "year"))
    advanced = set(live.filter(form=AwardForm.LD_TIEN_TIEN).values_list("person", "year"))
    assert base and base <= advanced  # Chiến sĩ thi đua cơ sở needs Lao động tiên tiến the same year
    titled = set(live.filter(person__isnull=False, year__gte=2022).values_list("person", "year"))
    good = set(
        AnnualRating.objects.filter(level__in=[RatingLevel.GOOD, RatingLevel.EXCELLENT]).values_list(
            "person", "year"
        )
    )
    assert titled <= good
    disciplined = {(p, d.year) for p, d in DisciplineRecord.objects.values_list("person", "decided_on")}
    assert not (advanced & disciplined)
    assert not Award.objects.filter(Q(issuing_body="") | Q(decision_number="")).exists()
    assert not Award.objects.filter(decision_date__year__lt=F("year")).exists()
    revoked = Award.objects.filter(revoked_on__isnull=False)
    assert revoked.count() == 2 and all("06/2022/QH15" in a.revocation_reason for a in revoked)
    assert report("awards").meta["revoked"] == 2
    assert live.filter(kind=RecipientKind.TAP_THE, form=AwardForm.TT_LD_XUAT_SAC).exists()


def test_discipline_forces_kht_and_uses_the_forms_of_its_date(demo):
    records = list(DisciplineRecord.objects.select_related("case"))
    assert 30 <= len(records) <= 50
    assert {r.decided_on.year for r in records} == set(range(2016, 2026))
    kht = set(AnnualRating.objects.filter(level=RatingLevel.NOT_COMPLETED).values_list("person", "year"))
    assert all((r.person_id, r.decided_on.year) in kht for r in records if r.decided_on.year >= 2022)
    rows = _unit_of({r.person_id for r in records})
    for r in records:
        category, leader = _row_on(rows[r.person_id], r.unit_id, r.decided_on)
        assert rules.form_refusal(r.form, category, leader, r.decided_on) is None, r
        assert r.effective_until == rules.effective_until(r.form, r.decided_on)
        if r.case_id:
            assert r.case.status == CaseStatus.DECIDED and r.case.proposed_form == r.form
            assert r.case.opened_on < r.decided_on
    planned = set(PlanningEntry.objects.values_list("person", flat=True))
    assert not planned & {r.person_id for r in records}
    assert report("discipline-by-form", **{"from": "01/01/2016", "to": "31/12/2025"}).meta[
        "decisions"
    ] == len(records)


def test_cases_in_every_status_one_deferred_for_pregnancy(demo):
    statuses = Counter(DisciplineCase.objects.values_list("status", flat=True))
    assert set(statuses) == set(CaseStatus.values)
    deferred = DisciplineCase.objects.get(status=CaseStatus.DEFERRED)
    assert deferred.deferral_reason == DeferralReason.PREGNANCY and deferred.person.gender == "NU"
    reviewed = DisciplineCase.objects.filter(status=CaseStatus.REVIEWED)
    assert all(c.proposed_form and c.proposed_form == c.required_form for c in reviewed)
    assert all(c.acts.exists() for c in DisciplineCase.objects.all())


def test_feedback_overdue_tile_and_cases_from_founded_feedback(demo, users):
    today = timezone.localdate()
    open_items = Feedback.objects.exclude(status=FeedbackStatus.CLOSED)
    assert (
        overdue_feedback_count(user=users["bantochuc"], today=today)
        == open_items.filter(deadline__lt=today).count()
        > 0
    )
    assert overdue_feedback_count(user=users["sonoivu"], today=today) >= 1
    assert overdue_feedback_count(user=users["lanhdao"], today=today) >= 1
    assert Feedback.objects.filter(received_on__year=2026).exists()
    linked = Feedback.objects.filter(discipline_case__isnull=False).select_related("discipline_case")
    assert linked.count() >= 2
    for item in linked:
        assert item.conclusion in (Conclusion.FOUNDED, Conclusion.PARTLY)
        assert item.subject_person_id == item.discipline_case.person_id
        assert item.closed_on <= item.discipline_case.opened_on
    assert Feedback.objects.filter(status=FeedbackStatus.CLOSED, closed_on__gt=F("deadline")).exists()
    about = list(
        Feedback.objects.filter(subject_person__isnull=False).values_list(
            "subject_person", "unit", "received_on"
        )
    )
    rows = _unit_of({p for p, _u, _d in about})
    last = datetime.date(2025, 12, 31)
    assert all(_row_on(rows[p], u, min(d, last)) for p, u, d in about)


def test_survey_is_pending_for_the_official_and_anonymous_by_unit(demo, users):
    survey = Survey.objects.get(year=2025, purpose="PAR_INDEX")
    assert pending_invitation_count(user=users["congchuc"]) == 1
    invitations = Invitation.objects.filter(survey=survey)
    assert invitations.count() == 300 and not invitations.filter(person__user__isnull=True).exists()
    answered = dict(
        invitations.filter(answered_at__isnull=False)
        .values("unit")
        .annotate(n=Count("id"))
        .values_list("unit", "n")
    )
    responses = dict(
        Response.objects.filter(survey=survey).values("unit").annotate(n=Count("id")).values_list("unit", "n")
    )
    assert answered == responses
    assert any(n >= 5 for n in responses.values()) and any(n < 5 for n in responses.values())
    assert {f.name for f in Response._meta.get_fields()} == {"id", "survey", "unit", "answers"}
    kinds = set(Answer.objects.filter(response__survey=survey).values_list("question__kind", flat=True))
    assert kinds == set(survey.questions.values_list("kind", flat=True))
    grouping = survey_grouping(user=users["bantochuc"], survey=survey)
    assert any(g.merged for g in grouping.groups) and all(g.shown or g.root for g in grouping.groups)


def test_reset_removes_the_phase_rows(demo):
    reset_cadre_life()  # inside the test's transaction: rolled back afterwards
    assert not Registration.objects.exists() and not Award.objects.exists()
    assert not DisciplineRecord.objects.exists() and not Feedback.objects.exists()
    assert not Survey.objects.exists()
    assert Person.objects.filter(user__isnull=False).count() == 1  # the demo official's login stays
