"""training-enrolments and training-degrees on a small hand-built set of lượt.

Units: the cast's tree (T11 → SO_A → SO_A_VP, SO_B; cấp tỉnh) plus H01_NV (cấp huyện) and X01 (cấp xã).
Enrolments (no = row, person, programme, start, result):
 1 a1 LLCT_CAO_CAP tập trung   04/03/2019 completed 20/12/2019  plan line L1  20.000.000
 2 a2 LLCT_CAO_CAP tập trung   04/03/2019 withdrawn 01/05/2019  L1            20.000.000
 3 b1 LLCT_CAO_CAP tập trung   04/03/2019 pending               L1            20.000.000
 4 a1 NV_TO_CHUC               04/05/2020 completed 15/05/2020                 2.000.000
 5 h1 NV_TO_CHUC               04/05/2020 completed 15/05/2020                 3.000.000
 6 x1 NV_TO_CHUC               04/05/2020 pending                              5.000.000
 7 h1 KY_NANG_SO               01/06/2020 completed 05/06/2020  L3             1.000.000
 8 a2 DT_THAC_SI không tập trung 01/09/2018 completed 01/09/2020              60.000.000
 9 b1 DT_DAI_HOC không tập trung 01/09/2016 completed 30/06/2020
10 x1 DT_DAI_HOC abroad         01/09/2017 pending                            100.000.000
11 a1 DT_DAI_HOC               01/09/2014 completed 30/06/2018
Plans: 2019 (L1 LLCT_CAO_CAP tập trung, target 55, allocated SO_A 10, SO_B 5, X01 2; L2 NV_TO_CHUC, 20, none),
2020 (L3 KY_NANG_SO, target 10, allocated H01_NV 10).
"""

import datetime

import pytest

from canbo.org.models import AdminLevel, UnitKind
from canbo.reports.base import ReportParameterError
from canbo.reports.registry import get_report
from canbo.training.choices import EnrolmentResult, TrainingMode, Venue
from canbo.training.models import Enrolment, PlanAllocation, PlanLine, Programme, TrainingPlan
from canbo.training.reports.measures import enrolment_link
from tests.factories import OrgUnitFactory, PersonFactory
from tests.report_province import find, run

D = datetime.date
M = 1_000_000
PERIOD = {"from": "01/01/2015", "to": "31/12/2020"}
DONE, QUIT = EnrolmentResult.COMPLETED, EnrolmentResult.WITHDRAWN


def enrol(person, code, start, *, result=EnrolmentResult.PENDING, on=None, cost=0, line=None, **extra):
    return Enrolment.objects.create(
        person=person,
        programme=Programme.objects.get(code=code),
        unit=extra.pop("unit", person.current_unit),
        mode=extra.pop("mode", TrainingMode.FULL_TIME),
        venue=extra.pop("venue", Venue.DOMESTIC),
        start_date=start,
        result=result,
        result_date=on,
        cost=cost,
        plan_line=line,
        **extra,
    )


def plan(year, owner):
    """An issued plan (drafts allocate no money yet)."""
    return TrainingPlan.objects.create(
        year=year,
        owner_unit=owner,
        title=f"Kế hoạch {year}",
        due_date=D(year, 1, 31),
        status="ISSUED",
        decision_number=f"{year}/KH-UBND",
        decision_date=D(year, 1, 20),
    )


def line(plan_, code, target, budget, mode=""):
    return PlanLine.objects.create(
        plan=plan_,
        programme=Programme.objects.get(code=code),
        mode=mode,
        responsible_unit=plan_.owner_unit,
        target_count=target,
        budget=budget,
    )


@pytest.fixture(name="training")
def training_fixture(tree):
    t = dict(tree)
    district = OrgUnitFactory(code="H01", parent=t["province"], level=AdminLevel.HUYEN, kind=UnitKind.AREA)
    t["district_dept"] = OrgUnitFactory(code="H01_NV", parent=district, level=AdminLevel.HUYEN)
    t["commune"] = OrgUnitFactory(code="X01", parent=district, level=AdminLevel.XA, kind=UnitKind.COMMUNE)
    p = {
        "a1": PersonFactory(current_unit=t["dept_a"]),
        "a2": PersonFactory(current_unit=t["dept_a_office"]),
        "b1": PersonFactory(current_unit=t["dept_b"]),
        "h1": PersonFactory(current_unit=t["district_dept"]),
        "x1": PersonFactory(current_unit=t["commune"]),
    }
    plan_2019, plan_2020 = plan(2019, t["province"]), plan(2020, t["province"])
    lines = {
        "L1": line(plan_2019, "LLCT_CAO_CAP", 55, 1_100 * M, TrainingMode.FULL_TIME),
        "L2": line(plan_2019, "NV_TO_CHUC", 20, 50 * M),
        "L3": line(plan_2020, "KY_NANG_SO", 10, 40 * M),
    }
    for key, unit, target, budget in [
        ("L1", "dept_a", 10, 200 * M),
        ("L1", "dept_b", 5, 100 * M),
        ("L1", "commune", 2, 300 * M),
        ("L3", "district_dept", 10, 40 * M),
    ]:
        PlanAllocation.objects.create(line=lines[key], unit=t[unit], target_count=target, budget=budget)
    L1, L3 = lines["L1"], lines["L3"]
    enrol(p["a1"], "LLCT_CAO_CAP", D(2019, 3, 4), result=DONE, on=D(2019, 12, 20), cost=20 * M, line=L1)
    enrol(p["a2"], "LLCT_CAO_CAP", D(2019, 3, 4), result=QUIT, on=D(2019, 5, 1), cost=20 * M, line=L1)
    enrol(p["b1"], "LLCT_CAO_CAP", D(2019, 3, 4), cost=20 * M, line=L1)
    enrol(p["a1"], "NV_TO_CHUC", D(2020, 5, 4), result=DONE, on=D(2020, 5, 15), cost=2 * M)
    enrol(p["h1"], "NV_TO_CHUC", D(2020, 5, 4), result=DONE, on=D(2020, 5, 15), cost=3 * M)
    enrol(p["x1"], "NV_TO_CHUC", D(2020, 5, 4), cost=5 * M)
    enrol(p["h1"], "KY_NANG_SO", D(2020, 6, 1), result=DONE, on=D(2020, 6, 5), cost=1 * M, line=L3)
    part_time = TrainingMode.PART_TIME
    enrol(p["a2"], "DT_THAC_SI", D(2018, 9, 1), result=DONE, on=D(2020, 9, 1), cost=60 * M, mode=part_time)
    enrol(p["b1"], "DT_DAI_HOC", D(2016, 9, 1), result=DONE, on=D(2020, 6, 30), mode=part_time)
    enrol(p["x1"], "DT_DAI_HOC", D(2017, 9, 1), cost=100 * M, venue=Venue.ABROAD)
    enrol(p["a1"], "DT_DAI_HOC", D(2014, 9, 1), result=DONE, on=D(2018, 6, 30))
    return {"units": t, "people": p, "lines": lines}


def figures(result, key="programme") -> dict:
    return {r.values[key]: (r.values["persons"], r.values["turns"]) for r in result.rows}


def test_by_programme_persons_and_turns_with_a_distinct_total(training):
    result = run("training-enrolments", **PERIOD)

    assert figures(result) == {
        "Đào tạo đại học": (2, 2),
        "Đào tạo thạc sĩ": (1, 1),
        "Cao cấp lý luận chính trị": (3, 3),  # the withdrawn lượt was still sent
        "Bồi dưỡng nghiệp vụ công tác tổ chức": (3, 3),
        "Bồi dưỡng kỹ năng số, chuyển đổi số": (1, 1),
    }
    total = result.totals[0].values
    assert (total["persons"], total["turns"]) == (5, 10)  # 5 people, not the 10 of the rows
    assert [c.label for c in result.columns] == ["Chương trình", "Số người", "Số lượt"]
    assert (
        result.notes[0]
        == "Từ ngày 01/01/2015 đến ngày 31/12/2020: 5 người được cử đi học, tham gia, 10 lượt."
    )
    assert result.parameters_text.startswith("Từ ngày 01/01/2015 đến ngày 31/12/2020; phạm vi: toàn tỉnh")


def test_persons_differ_from_turns_when_one_person_studies_twice(training):
    result = run("training-enrolments", group="level", **PERIOD)

    assert figures(result, "level") == {"Cấp tỉnh": (3, 6), "Cấp huyện": (1, 2), "Cấp xã": (1, 2)}


@pytest.mark.parametrize(
    ("group", "expected"),
    [
        ("form", {"Đào tạo": (4, 6), "Bồi dưỡng": (3, 4)}),
        ("kind", {"Đào tạo chuyên môn (cao đẳng, đại học, sau đại học)": (3, 3), "Lý luận chính trị": (3, 3),
                  "Bồi dưỡng nghiệp vụ": (3, 3), "Tin học, chuyển đổi số": (1, 1)}),
        ("mode", {"Tập trung": (5, 8), "Không tập trung": (2, 2)}),
        ("venue", {"Trong nước": (5, 9), "Nước ngoài": (1, 1)}),
    ],
)  # fmt: skip
def test_other_groupings(training, group, expected):
    assert figures(run("training-enrolments", group=group, **PERIOD), group) == expected


def test_programme_by_mode_and_filters(training):
    result = run(
        "training-enrolments",
        group="programme_mode",
        kind="POLITICAL_THEORY",
        **{"from": "01/01/2019", "to": "31/12/2019"},
    )

    assert [(r.values["programme"], r.values["mode"], r.values["persons"]) for r in result.rows] == [
        ("Cao cấp lý luận chính trị", "Tập trung", 3)
    ]
    assert [c.key for c in result.columns] == ["programme", "mode", "persons", "turns"]
    only_abroad = run("training-enrolments", venue="NUOC_NGOAI", form="DAO_TAO", **PERIOD)
    assert figures(only_abroad) == {"Đào tạo đại học": (1, 1)}
    assert figures(run("training-enrolments", programme="NV_TO_CHUC", mode="TAP_TRUNG", **PERIOD)) == {
        "Bồi dưỡng nghiệp vụ công tác tổ chức": (3, 3)
    }


def test_completed_counts_results_dated_in_the_interval(training):
    result = run("training-enrolments", measure="completed", **PERIOD)

    # Row 11 started in 2014 but completed in 2018: counted; pending and withdrawn rows are not.
    assert figures(result) == {
        "Đào tạo đại học": (2, 2),
        "Đào tạo thạc sĩ": (1, 1),
        "Cao cấp lý luận chính trị": (1, 1),
        "Bồi dưỡng nghiệp vụ công tác tổ chức": (2, 2),
        "Bồi dưỡng kỹ năng số, chuyển đổi số": (1, 1),
    }
    assert (result.totals[0].values["persons"], result.totals[0].values["turns"]) == (4, 7)
    assert "cách đếm: Hoàn thành (có kết quả hoàn thành trong khoảng)" in result.parameters_text


def test_each_figure_links_to_the_enrolment_list(training):
    result = run("training-enrolments", org="SO_A", mode="TAP_TRUNG", **PERIOD)
    row = find(result, programme="Cao cấp lý luận chính trị")

    assert (
        row.links["persons"]
        == row.links["turns"]
        == (
            "/dao-tao/luot-hoc/?unit=SO_A&from=01%2F01%2F2015&to=31%2F12%2F2020&measure=started"
            "&programme=LLCT_CAO_CAP&mode=TAP_TRUNG"
        )
    )
    assert result.totals[0].links["turns"].endswith("measure=started&mode=TAP_TRUNG")
    by_level = run("training-enrolments", group="level", **PERIOD)
    assert by_level.rows[2].links["turns"].endswith("measure=started&level=XA")


def test_the_link_builder_keeps_the_report_filters(training):
    params = run("training-enrolments", kind="DEGREE", venue="NUOC_NGOAI", **PERIOD)
    assert "kind=DEGREE&venue=NUOC_NGOAI" in params.totals[0].links["persons"]
    p = get_report("training-enrolments").parse(
        {"from": "02/01/2020", "to": "03/01/2020", "measure": "completed"}, user=None
    )
    assert enrolment_link(p, programme="X") == (
        "/dao-tao/luot-hoc/?from=02%2F01%2F2020&to=03%2F01%2F2020&measure=completed&programme=X"
    )


def test_chart_has_persons_and_turns(training):
    chart = run("training-enrolments", group="form", **PERIOD).chart

    assert chart["labels"] == ["Đào tạo", "Bồi dưỡng"]
    assert [d["label"] for d in chart["datasets"]] == ["Số người", "Số lượt"]
    assert chart["datasets"][1]["data"] == [6, 4]


def test_alice_sees_her_subtree_only_and_bob_the_same(training, alice, bob):
    for user in (alice, bob):
        result = run("training-enrolments", user=user, **PERIOD)
        assert (result.totals[0].values["persons"], result.totals[0].values["turns"]) == (2, 4)
        assert "các đơn vị anh/chị được xem" in result.parameters_text
    office = run("training-enrolments", user=alice, org="SO_A_VP", **PERIOD)
    assert figures(office) == {"Đào tạo thạc sĩ": (1, 1), "Cao cấp lý luận chính trị": (1, 1)}


def test_charlie_may_not_name_another_units_subtree(training, charlie):
    with pytest.raises(ReportParameterError) as exc:
        run("training-enrolments", user=charlie, org="SO_A", **PERIOD)

    assert exc.value.not_found
    assert exc.value.errors == {"org": ["Không tìm thấy đơn vị “SO_A” trong phạm vi được xem."]}


def test_nothing_in_the_interval_gives_zero_totals(training):
    result = run("training-enrolments", **{"from": "01/01/2000", "to": "31/12/2000"})

    assert result.rows == []
    assert (result.totals[0].values["persons"], result.totals[0].values["turns"]) == (0, 0)


def test_degrees_by_granted_level(training):
    result = run("training-degrees", **PERIOD)

    assert figures(result, "level") == {"Đại học": (2, 2), "Thạc sĩ": (1, 1), "Tiến sĩ": (0, 0)}
    assert (result.totals[0].values["persons"], result.totals[0].values["turns"]) == (3, 3)
    assert result.meta["by_level"] == {"DAI_HOC": 2, "THAC_SI": 1, "TIEN_SI": 0}
    assert result.notes[0] == (
        "Từ ngày 01/01/2015 đến ngày 31/12/2020: 3 người được cử đi đào tạo chuyên môn "
        "(đại học 2, thạc sĩ 1, tiến sĩ 0)."
    )
    assert find(result, level="Thạc sĩ").links["persons"].endswith("measure=started&programme=DT_THAC_SI")


def test_a_college_course_is_a_degree_course_shown_first_at_its_level(training):
    college = Programme.objects.get(code="DT_CAO_DANG")
    assert (college.kind, college.form, college.grants_scale, college.grants_level) == (
        "DEGREE",
        "DAO_TAO",
        "PROFESSIONAL",
        "CAO_DANG",
    )
    enrol(training["people"]["h1"], "DT_CAO_DANG", D(2017, 9, 1), result=DONE, on=D(2020, 6, 30))

    result = run("training-degrees", measure="completed", **PERIOD)

    assert [r.values["level"] for r in result.rows] == ["Cao đẳng", "Đại học", "Thạc sĩ", "Tiến sĩ"]
    assert figures(result, "level")["Cao đẳng"] == (1, 1)
    assert (result.totals[0].values["persons"], result.totals[0].values["turns"]) == (4, 4)
    assert find(result, level="Cao đẳng").links["persons"].endswith("programme=DT_CAO_DANG")
    assert "(cao đẳng 1, đại học 2, thạc sĩ 1, tiến sĩ 0)" in result.notes[0]


def test_degrees_completed_and_filtered(training, alice):
    completed = run("training-degrees", measure="completed", **PERIOD)
    assert figures(completed, "level") == {"Đại học": (2, 2), "Thạc sĩ": (1, 1), "Tiến sĩ": (0, 0)}

    abroad = run("training-degrees", venue="NUOC_NGOAI", **PERIOD)
    assert figures(abroad, "level") == {"Đại học": (1, 1), "Thạc sĩ": (0, 0), "Tiến sĩ": (0, 0)}

    mine = run("training-degrees", user=alice, **PERIOD)
    assert figures(mine, "level") == {"Đại học": (0, 0), "Thạc sĩ": (1, 1), "Tiến sĩ": (0, 0)}
