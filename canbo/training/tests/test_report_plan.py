"""training-plan (targets against results) and training-spending (money by level) on the training fixture."""

from decimal import Decimal

import pytest

from canbo.reports.base import ReportParameterError
from canbo.reports.rendering import to_text
from tests.factories import PersonFactory
from tests.report_province import find, run

from .test_report_enrolments import (
    QUIT,
    D,
    M,
    enrol,
    line,
    plan,
    training_fixture,  # noqa: F401 (the `training` fixture)
)

LLCT = "Cao cấp lý luận chính trị"
NV = "Bồi dưỡng nghiệp vụ công tác tổ chức"


def plan_rows(result) -> dict:
    keys = ("target", "turns", "persons", "achieved", "budget", "spent")
    return {r.values["programme"]: tuple(r.values[k] for k in keys) for r in result.rows}


def test_each_line_with_target_actual_and_share_for_the_province(training):
    result = run("training-plan", year="2019")

    assert plan_rows(result) == {
        LLCT: (55, 2, 2, Decimal("3.6"), 1_100 * M, 40 * M),  # the withdrawn lượt is not counted
        NV: (20, 0, 0, Decimal("0.0"), 50 * M, 0),
    }
    assert find(result, programme=LLCT).values["mode"] == "Tập trung"
    assert find(result, programme=NV).values["mode"] == "—"
    assert find(result, programme=LLCT).values["venue"] == "Trong nước"
    assert "venue" in [c.key for c in result.columns]
    total = result.totals[0].values
    assert (total["target"], total["turns"], total["achieved"], total["budget"]) == (
        75,
        2,
        Decimal("2.7"),
        1_150 * M,
    )
    assert result.parameters_text.endswith("phạm vi: toàn tỉnh; năm kế hoạch: 2019")
    assert result.chart["datasets"][0] == {"label": "Chỉ tiêu", "data": [55, 20]}
    assert result.chart["labels"] == [f"{LLCT} – Tập trung", NV]


def test_seed_001_44_sent_is_80_percent_of_55(training):
    l1 = training["lines"]["L1"]
    for _ in range(42):
        enrol(PersonFactory(current_unit=training["units"]["dept_b"]), "LLCT_CAO_CAP", D(2019, 3, 4), line=l1)
    enrol(PersonFactory(current_unit=training["units"]["dept_b"]), "LLCT_CAO_CAP", D(2019, 3, 4), result=QUIT,
          on=D(2019, 4, 1), line=l1)  # fmt: skip

    result = run("training-plan", year="2019")

    assert find(result, programme=LLCT).values["turns"] == 44
    assert find(result, programme=LLCT).values["achieved"] == Decimal("80.0")
    row = next(x for x in to_text(result).splitlines() if x.startswith(LLCT))
    assert row.split()[-6:-2] == ["55", "44", "44", "80,0"]


def test_a_subtree_gets_its_allocation_and_its_own_enrolments(training, alice, bob, charlie):
    expected = {LLCT: (10, 1, 1, Decimal("10.0"), 200 * M, 20 * M), NV: (0, 0, 0, None, 0, 0)}
    assert plan_rows(run("training-plan", year="2019", org="SO_A")) == expected
    assert plan_rows(run("training-plan", user=alice, year="2019")) == expected
    assert plan_rows(run("training-plan", user=bob, year="2019")) == expected
    assert plan_rows(run("training-plan", user=charlie, year="2019"))[LLCT] == (
        5, 1, 1, Decimal("20.0"), 100 * M, 20 * M,
    )  # fmt: skip
    office = run("training-plan", user=alice, year="2019", org="SO_A_VP")
    assert plan_rows(office)[LLCT] == (0, 0, 0, None, 0, 0)  # no allocation; its one lượt was withdrawn
    assert any("phần phân bổ" in note for note in office.notes)


def test_charlie_may_not_ask_for_dept_a(training, charlie):
    with pytest.raises(ReportParameterError) as exc:
        run("training-plan", user=charlie, year="2019", org="SO_A")

    assert exc.value.not_found


def test_another_year_and_several_plans(training):
    assert plan_rows(run("training-plan", year="2020")) == {
        "Bồi dưỡng kỹ năng số, chuyển đổi số": (10, 1, 1, Decimal("10.0"), 40 * M, 1 * M)
    }
    line(plan(2019, training["units"]["dept_b"]), "NV_VAN_PHONG", 4, 8 * M)

    result = run("training-plan", year="2019")

    assert result.columns[0].key == "plan"
    assert [r.values["plan"] for r in result.rows] == ["Kế hoạch 2019"] * 3
    assert result.totals[0].values["plan"] == "Tổng cộng"
    assert result.totals[0].values["target"] == 79


def test_no_year_means_this_years_plan(training):
    from django.utils import timezone

    assert run("training-plan").parameters["year"] == timezone.localdate().year


def test_a_year_without_a_plan(training):
    result = run("training-plan", year="2018")

    assert result.rows == []
    assert result.notes == ["Không có kế hoạch đào tạo, bồi dưỡng năm 2018 trong phạm vi được xem."]


@pytest.mark.parametrize(
    ("data", "errors"),
    [
        ({"year": "hai nghìn"}, {"year": ["Năm kế hoạch phải là một số, ví dụ 2019."]}),
        ({"year": "1800"}, {"year": ["Năm kế hoạch từ 1990 đến 2100."]}),
        (
            {"year": "2019", "from": "01/01/2019"},
            {"__all__": ["Báo cáo “Kế hoạch đào tạo, bồi dưỡng: chỉ tiêu và kết quả” không tính theo ngày: "
                         "không dùng from/to."]},
        ),
    ],
)  # fmt: skip
def test_plan_parameter_errors_are_vietnamese(db, data, errors):
    with pytest.raises(ReportParameterError) as exc:
        run("training-plan", **data)

    assert exc.value.errors == errors


def spending_rows(result) -> dict:
    keys = ("allocated", "spent", "spent_share", "persons", "turns", "per_turn", "per_person")
    return {r.values["level"]: tuple(r.values[k] for k in keys) for r in [*result.rows, *result.totals]}


def test_spending_by_level(training):
    result = run("training-spending", **{"from": "01/01/2019", "to": "31/12/2020"})

    assert spending_rows(result) == {
        "Cấp tỉnh": (300 * M, 62 * M, Decimal("20.7"), 3, 4, 15_500_000, 20_666_667),
        "Cấp huyện": (40 * M, 4 * M, Decimal("10.0"), 1, 2, 2 * M, 4 * M),
        "Cấp xã": (300 * M, 5 * M, Decimal("1.7"), 1, 1, 5 * M, 5 * M),
        "Tổng cộng": (640 * M, 71 * M, Decimal("11.1"), 5, 7, 10_142_857, 14_200_000),
    }
    assert result.chart["datasets"][0] == {"label": "Kinh phí phân bổ", "data": [300 * M, 40 * M, 300 * M]}
    assert result.totals[0].links["turns"].startswith("/dao-tao/luot-hoc/?from=01%2F01%2F2019")
    assert result.rows[1].links["spent"].endswith("&measure=started&level=HUYEN")


def test_spending_of_one_year_and_of_a_subtree(training, alice):
    one_year = spending_rows(run("training-spending", **{"from": "01/01/2019", "to": "31/12/2019"}))
    assert one_year == {
        "Cấp tỉnh": (300 * M, 60 * M, Decimal("20.0"), 3, 3, 20 * M, 20 * M),
        "Cấp xã": (300 * M, 0, Decimal("0.0"), 0, 0, None, None),  # allocated, nobody sent yet
        "Tổng cộng": (600 * M, 60 * M, Decimal("10.0"), 3, 3, 20 * M, 20 * M),
    }
    mine = spending_rows(run("training-spending", user=alice, **{"from": "01/01/2019", "to": "31/12/2020"}))
    assert mine == {
        "Cấp tỉnh": (200 * M, 42 * M, Decimal("21.0"), 2, 3, 14 * M, 21 * M),
        "Tổng cộng": (200 * M, 42 * M, Decimal("21.0"), 2, 3, 14 * M, 21 * M),
    }
