"""The demo province's training data (issue 3 §6): seed 001's figures through the reports, and consistency.

The default-scale demo is the shared one of conftest.py; tests change it only inside their transaction.
"""

import datetime
from collections import Counter, defaultdict
from decimal import Decimal

import pytest
from django.db.models import Count, Exists, F, OuterRef, Q

from canbo.accounts.models import User
from canbo.core.dates import add_years
from canbo.demo.builder import build_demo, reset_demo
from canbo.demo.ratings import plan_ratings
from canbo.demo.training.specs import W_FROM, W_TO
from canbo.evaluation.models import AnnualRating
from canbo.org.models import OrgUnit
from canbo.people.models import Employment, Person, Qualification
from canbo.reports.registry import get_report
from canbo.training.choices import EnrolmentResult, PlanStatus, StudyStatus, TrainingMode
from canbo.training.models import (
    Enrolment,
    PlanAllocation,
    PlanLine,
    PlanTransition,
    StudyAssignment,
    TrainingClass,
    TrainingPlan,
)
from canbo.training.rules import months_between

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo")]  # the shared demo: conftest.py
WINDOW = {"from": "01/01/2015", "to": "31/12/2020"}
YEAR_2019 = {"from": "01/01/2019", "to": "31/12/2019"}
YEAR_2020 = {"from": "01/01/2020", "to": "31/12/2020"}
D2015, D2019 = datetime.date(2015, 12, 31), datetime.date(2019, 12, 31)


def report(name: str, **data):
    return get_report(name).execute(user=None, data=data)


def by_code(result, dim: str) -> dict:
    return {r.values[f"{dim}_code"]: (r.values["persons"], r.values["turns"]) for r in result.rows}


def test_seed_001_degrees_political_theory_and_fostering_2015_2020(demo):
    degrees = report("training-degrees", **WINDOW)
    assert degrees.meta["by_level"] == {"DAI_HOC": 2177, "THAC_SI": 1176, "TIEN_SI": 15}
    assert (degrees.meta["persons"], degrees.meta["turns"]) == (3368, 3368)
    political = report("training-enrolments", **WINDOW, kind="POLITICAL_THEORY")
    assert political.meta["persons"] == 5764 and political.meta["turns"] > 5764
    fostering = report("training-enrolments", **WINDOW, form="BOI_DUONG", group="kind")
    assert fostering.meta["turns"] == 85289
    assert {"STATE_MGMT", "PROFESSIONAL_SKILLS", "ECONOMIC_MGMT", "DEFENCE_SECURITY"} <= set(
        by_code(fostering, "kind")
    )


def test_seed_001_year_2019_plan_line_80_percent_and_completion_course(demo):
    plan = report("training-plan", year=2019)
    line = [
        r.values
        for r in plan.rows
        if r.values["programme_code"] == "LLCT_CAO_CAP" and r.values["mode"] == TrainingMode.FULL_TIME.label
    ]
    assert len(line) == 1
    assert (line[0]["target"], line[0]["turns"], line[0]["persons"]) == (55, 44, 44)
    assert line[0]["achieved"] == Decimal("80.0")
    others = [r.values["achieved"] for r in plan.rows if r.values is not line[0]]
    assert all(Decimal("90") <= pct <= Decimal("110") for pct in others)
    modes = by_code(
        report("training-enrolments", **YEAR_2019, programme="LLCT_CAO_CAP", group="mode"), "mode"
    )
    assert modes["TAP_TRUNG"] == (44, 44) and modes["HOAN_CHINH_KIEN_THUC"] == (6, 6)
    issued = TrainingPlan.objects.get(year=2019, owner_unit__code="DB")
    assert issued.status == PlanStatus.ISSUED and issued.decision_number
    assert issued.decision_date <= datetime.date(2019, 1, 31) == issued.due_date
    steps = list(issued.transitions.order_by("at").values_list("from_status", "to_status", "actor__username"))
    assert [s[1] for s in steps] == ["SUBMITTED", "APPRAISED", "APPROVED", "ISSUED"]
    assert {s[2] for s in steps} <= {"sonoivu", "bantochuc", "thuongvu"}


def test_seed_001_year_2020(demo):
    modes = by_code(
        report("training-enrolments", **YEAR_2020, programme="LLCT_CAO_CAP", group="mode"), "mode"
    )
    assert modes == {"TAP_TRUNG": (47, 47), "KHONG_TAP_TRUNG": (143, 143), "HOAN_CHINH_KIEN_THUC": (7, 7)}
    skills = report("training-enrolments", **YEAR_2020, kind="PROFESSIONAL_SKILLS", group="programme")
    assert (skills.meta["persons"], skills.meta["turns"]) == (63, 63)
    assert set(by_code(skills, "programme")) == {
        "NV_TO_CHUC",
        "NV_KIEM_TRA",
        "NV_TUYEN_GIAO",
        "NV_DAN_VAN",
        "NV_VAN_PHONG",
    }
    leaders = by_code(report("training-enrolments", **YEAR_2020, kind="LEADERSHIP"), "programme")
    assert leaders["BD_BI_THU_HUYEN"] == (4, 4) and leaders["BD_PHO_BI_THU_HUYEN"] == (5, 5)
    secretaries = Enrolment.objects.filter(start_date__year=2020, programme__code="BD_BI_THU_HUYEN")
    deputies = Enrolment.objects.filter(start_date__year=2020, programme__code="BD_PHO_BI_THU_HUYEN")
    for enrolments, post in ((secretaries, "BI_THU_HU"), (deputies, "PHO_BI_THU_HU")):
        for e in enrolments:
            row = Employment.objects.active_on(e.start_date).get(person=e.person)
            assert row.position.code == post and row.unit_id == e.unit_id


def test_the_qualification_shares_of_seed_001_did_not_move(demo):
    assert [round(pp, 1) for _s, _l, pp in demo.changes] == [5.1, 14.7, 2.5, 10.0]
    assert Employment.objects.active_on(D2019).values("person").distinct().count() == 25944
    new = Qualification.objects.filter(note__startswith="Hoàn thành:")  # completions the demo added
    assert new.count() == demo.training["new_qualifications"] > 0
    assert not new.filter(awarded_on__lte=D2019).exists()
    linked = Qualification.objects.filter(
        Exists(Enrolment.objects.filter(qualification=OuterRef("pk"), start_date__gte=W_FROM))
    )
    assert linked.count() > 10_000  # degrees, political theory and certificates linked to their lượt
    assert not new.exclude(pk__in=linked.values("pk")).exists()


def test_every_lượt_is_someone_working_in_its_unit_at_the_start(demo):
    rows = defaultdict(list)
    for person, unit, start, end in Employment.objects.values_list(
        "person", "unit", "start_date", "end_date"
    ):
        rows[person].append((unit, start, end))
    births = dict(Person.objects.values_list("pk", "date_of_birth"))
    count = 0
    for person, unit, start in Enrolment.objects.values_list("person", "unit", "start_date").iterator():
        assert any(u == unit and s <= start and (e is None or e >= start) for u, s, e in rows[person])
        assert 18 <= (start - births[person]).days / 365.25 <= 62
        count += 1
    assert count > 100_000


def test_completed_lượt_of_granting_programmes_link_to_the_persons_qualification(demo):
    granting = Enrolment.objects.exclude(programme__grants_scale="")
    completed = granting.filter(result=EnrolmentResult.COMPLETED)
    assert completed.count() > 10_000
    assert not completed.filter(qualification__isnull=True).exists()
    mismatched = completed.exclude(
        qualification__person=F("person"),
        qualification__scale=F("programme__grants_scale"),
        qualification__level=F("programme__grants_level"),
        qualification__awarded_on=F("certificate_date"),
        qualification__document_number=F("certificate_number"),
    )
    assert not mismatched.exists()
    assert not Enrolment.objects.exclude(result=EnrolmentResult.COMPLETED).filter(qualification__isnull=False)
    assert not Enrolment.objects.filter(result_date__lt=F("start_date")).exists()
    linked = Counter(
        Enrolment.objects.filter(qualification__isnull=False).values_list("qualification", flat=True)
    )
    assert max(linked.values()) == 1  # one diploma, one lượt


def test_people_sent_to_study_have_a_decision_and_meet_the_rule_of_their_date(demo):
    sent = StudyAssignment.objects.select_related("person", "enrolment", "rule")
    assert set(sent.values_list("status", flat=True)) == {StudyStatus.STUDYING, StudyStatus.COMPLETED}
    assert not sent.filter(Q(decision_number="") | Q(enrolment__isnull=True) | Q(decision_date__isnull=True))
    assert not sent.filter(decision_date__gt=F("start_date")).exists()
    degree_window = Enrolment.objects.filter(
        programme__kind="DEGREE", start_date__gte=W_FROM, start_date__lte=W_TO
    )
    assert not degree_window.filter(study_assignment__isnull=True).exists()
    postgraduate = sent.filter(
        programme__code__in=["DT_THAC_SI", "DT_TIEN_SI"], funding__in=["NGAN_SACH", "DE_AN"]
    )
    assert postgraduate.count() > 1000
    for study in postgraduate.iterator():
        born, start = study.person.date_of_birth, study.start_date
        age = start.year - born.year - ((start.month, start.day) < (born.month, born.day))
        assert age <= study.rule.max_age, study
        began = min(study.person.recruited_on, study.person.employments.earliest("start_date").start_date)
        assert add_years(began, 3) <= start, study
        assert study.commitment_months == study.rule.commitment_multiplier * months_between(
            start, study.expected_end
        )
        if start.year >= 2024:  # the two previous years rated HTT or better
            levels = set(
                AnnualRating.objects.filter(
                    person=study.person, year__in=[start.year - 1, start.year - 2]
                ).values_list("level", flat=True)
            )
            assert levels and levels <= {"HTT", "HTXS"}


def test_classes_have_30_to_80_learners_mostly_and_lượt_copy_the_class(demo):
    sizes = list(TrainingClass.objects.annotate(n=Count("enrolments")).values_list("n", flat=True))
    assert len(sizes) > 1000 and max(sizes) <= 90
    assert sum(1 for n in sizes if n >= 25) / len(sizes) > 0.9
    in_class = Enrolment.objects.filter(training_class__isnull=False)
    assert not in_class.exclude(
        programme=F("training_class__programme"),
        start_date=F("training_class__start_date"),
        mode=F("training_class__mode"),
        venue=F("training_class__venue"),
    ).exists()
    assert not TrainingClass.objects.filter(capacity__lt=1).exists()
    assert not Enrolment.objects.filter(
        Q(plan_line__isnull=True) | ~Q(plan_line__plan__year=F("start_date__year"))
    ).exists()


def test_plans_2015_to_2027_and_more_money_per_person_for_communes(demo):
    plans = {p.year: p for p in TrainingPlan.objects.filter(owner_unit__code="DB")}
    assert sorted(plans) == list(range(2015, 2028))
    assert plans[2027].status == PlanStatus.DRAFT and plans[2027].due_date == datetime.date(2027, 1, 31)
    for year in range(2015, 2027):
        plan = plans[year]
        assert plan.status == PlanStatus.ISSUED and plan.decision_date <= datetime.date(year, 1, 31)
        assert plan.lines.exists()
    users = set(User.objects.filter(username__in=["sonoivu", "bantochuc"]).values_list("pk", flat=True))
    assert set(PlanTransition.objects.values_list("actor", flat=True)) <= users | set(
        User.objects.filter(role_assignments__role="standing_committee").values_list("pk", flat=True)
    )
    assert not PlanLine.objects.filter(target_count__lt=1).exists()
    totals = defaultdict(lambda: [0, 0])
    for level, budget, target in PlanAllocation.objects.values_list("unit__level", "budget", "target_count"):
        totals[level][0] += budget
        totals[level][1] += target
    per_person = {level: money / people for level, (money, people) in totals.items()}
    assert per_person["XA"] > per_person["HUYEN"] > per_person["TINH"]
    spending = {r.values["level"]: r.values for r in report("training-spending", **WINDOW).rows}
    assert spending["Cấp xã"]["per_turn"] > spending["Cấp tỉnh"]["per_turn"]
    assert spending["Cấp xã"]["per_turn"] > spending["Cấp huyện"]["per_turn"]
    assert spending["Cấp xã"]["per_person"] > max(
        spending["Cấp tỉnh"]["per_person"], spending["Cấp huyện"]["per_person"]
    )


def test_ratings_2022_to_2025_for_everyone_working_at_the_end_of_the_year(demo):
    for year in (2022, 2023, 2024, 2025):
        working = (
            Employment.objects.active_on(datetime.date(year, 12, 31)).values("person").distinct().count()
        )
        assert AnnualRating.objects.filter(year=year).count() == working
    cells = AnnualRating.objects.values("year", "unit", "level").annotate(n=Count("id")).order_by()
    per_unit = defaultdict(Counter)
    for cell in cells:
        per_unit[(cell["year"], cell["unit"])][cell["level"]] = cell["n"]
    for counts in per_unit.values():
        assert counts["HTXS"] <= 0.2 * counts["HTT"]
    levels = Counter(AnnualRating.objects.values_list("level", flat=True))
    assert levels["HTT"] > 0.7 * sum(levels.values())
    assert levels["HTXS"] and levels["HT"] and levels["KHT"]
    assert not AnnualRating.objects.filter(year=2025, score__isnull=True).exclude(level="KHONG_XEP_LOAI")


def test_smaller_demo_scales_the_figures_and_reset_removes_everything():
    summary = build_demo(scale=1000, seed=7, reset=True)  # inside this test's transaction
    assert summary.training["enrolments"] > 0 and summary.ratings > 0
    degrees = report("training-degrees", **WINDOW)
    assert degrees.meta["by_level"] == {"DAI_HOC": 84, "THAC_SI": 45, "TIEN_SI": 1}  # 2.177 × 1.000/25.944 …
    assert report("training-enrolments", **WINDOW, kind="POLITICAL_THEORY").meta["persons"] == 222
    assert report("training-enrolments", **WINDOW, form="BOI_DUONG").meta["turns"] == 3287
    first = list(
        Enrolment.objects.order_by("person__code", "start_date", "programme").values_list(
            "person__code", "start_date", "programme__code", "result"
        )
    )
    build_demo(scale=1000, seed=7, reset=True)
    again = list(
        Enrolment.objects.order_by("person__code", "start_date", "programme").values_list(
            "person__code", "start_date", "programme__code", "result"
        )
    )
    assert again == first
    reset_demo()
    for model in (Enrolment, StudyAssignment, TrainingClass, TrainingPlan, AnnualRating, Person, OrgUnit):
        assert not model.objects.exists(), model


def test_ratings_are_deterministic_and_respect_forced_good_years():
    from canbo.demo.careers import Career, Row
    from canbo.demo.orgtree import Slot

    unit = OrgUnit(pk=1, code="DB-X01")
    slot = Slot(unit, "XA", "XA", 1.0, 0.0)
    careers = [
        Career(
            "T",
            "NAM",
            datetime.date(1980, 1, 1),
            datetime.date(2005, 1, 1),
            [Row(slot, "CC", None, datetime.date(2005, 1, 1))],
        )
        for _ in range(1000)
    ]
    forced = {pos: {2023, 2024} for pos in range(0, 1000, 2)}
    rows = plan_ratings(3, careers, forced)
    assert rows == plan_ratings(3, careers, forced)
    forced_levels = {r["level"] for r in rows if r["year"] in (2023, 2024) and r["person_id"] % 2 == 0}
    assert forced_levels == {"HTT", "HTXS"}
    assert {r["level"] for r in rows if r["person_id"] % 2} >= {"HTT", "HTXS", "HT"}
