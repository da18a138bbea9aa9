"""The report parameters the seed provinces of issue 14 needed: qualification-share with two decimals and cán bộ,
công chức apart from viên chức (seed 004), training-enrolments without one programme kind (seed 000)."""

from decimal import Decimal

import pytest

from canbo.reports.base import ReportParameterError
from canbo.reports.rendering import to_text
from canbo.training.tests.test_report_enrolments import PERIOD, training_fixture  # noqa: F401 - their fixture

from .helpers import find, run

UNIVERSITY = "Chuyên môn từ đại học trở lên"
CBCC = "Cán bộ, công chức (kể cả cấp xã)"


def test_two_decimals_and_cadres_apart_from_public_employees(staff):
    result = run(
        "qualification-share", **{"from": "31/12/2015", "to": "31/12/2019"}, breakdown="group", decimals="2"
    )

    cbcc = find(result, group=CBCC, measure=UNIVERSITY).values
    # 2015: a1, mover, retiree of 8 (a1, mover, retiree, party, h_cc, h_cb, x_cb, x_cc); 2019: a1, mover of 7
    assert (cbcc["employed_d1"], cbcc["count_d1"], cbcc["share_d1"]) == (8, 3, Decimal("37.50"))
    assert (cbcc["employed_d2"], cbcc["count_d2"], cbcc["share_d2"]) == (7, 2, Decimal("28.57"))
    assert cbcc["change"] == Decimal("-8.93")  # 28,5714 − 37,5
    vc = find(result, group="Viên chức", measure=UNIVERSITY).values
    assert (vc["share_d1"], vc["share_d2"], vc["change"]) == (
        Decimal("0.00"),
        Decimal("25.00"),
        Decimal("25.00"),
    )
    assert find(result, group="Toàn bộ", measure=UNIVERSITY).values["share_d2"] == Decimal("27.27")
    assert {c.kind for c in result.columns if c.key.startswith(("share", "change"))} == {"pct2", "pp2"}
    assert find(result, group=CBCC, measure=UNIVERSITY).links == {}  # the person list has no group filter
    text = to_text(result)
    assert "28,57" in text and "-8,93" in text and "+25,00" in text
    assert "làm tròn hai chữ số thập phân" in result.notes[0]


def test_one_decimal_stays_the_default(staff):
    result = run("qualification-share", **{"from": "31/12/2015", "to": "31/12/2019"}, breakdown="group")

    cbcc = find(result, group=CBCC, measure=UNIVERSITY).values
    assert (cbcc["share_d2"], cbcc["change"]) == (Decimal("28.6"), Decimal("-8.9"))
    assert {c.kind for c in result.columns if c.key.startswith("share")} == {"pct"}


def test_a_wrong_number_of_decimals_is_refused(staff):
    with pytest.raises(ReportParameterError) as caught:
        run("qualification-share", on="31/12/2019", decimals="3")
    assert "Số chữ số thập phân “3” không hợp lệ" in str(caught.value.errors)


def test_every_kind_but_the_degree_courses(training):
    result = run("training-enrolments", exclude_kind="DEGREE", group="kind", **PERIOD)

    assert {r.values["kind_code"]: (r.values["persons"], r.values["turns"]) for r in result.rows} == {
        "POLITICAL_THEORY": (3, 3),
        "PROFESSIONAL_SKILLS": (3, 3),
        "IT_DIGITAL": (1, 1),
    }
    total = result.totals[0]
    assert (total.values["persons"], total.values["turns"]) == (5, 7)  # a1, a2, b1, h1, x1
    assert total.links == {} and all(r.links == {} for r in result.rows)  # the list cannot exclude a kind
    assert (
        "Không tính nhóm chương trình “Đào tạo chuyên môn (cao đẳng, đại học, sau đại học)”." in result.notes
    )
