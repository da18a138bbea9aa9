"""Every report counts only the units the acting user may see; --org outside them is not found."""

import pytest

from canbo.reports.base import ReportParameterError

from .helpers import find, run


def test_an_officer_sees_only_their_units_figures(staff, alice):
    result = run("headcount", user=alice, on="31/12/2019")

    assert result.meta["total"] == 3  # a1, a2 and the mover in dept_a's subtree
    assert result.meta["by_level"] == {"TINH": 3, "HUYEN": 0, "XA": 0}
    assert "các đơn vị anh/chị được xem" in result.parameters_text


def test_a_leader_sees_the_same_subtree_read_only(staff, bob):
    assert run("org-units", user=bob, on="31/12/2019").meta["total"] == 2  # dept_a and its office


def test_the_board_sees_the_whole_province(staff, board):
    result = run("qualification-share", user=board, on="31/12/2019")

    assert find(result, measure="Chuyên môn từ đại học trở lên").values["employed"] == 11
    assert "toàn tỉnh" in result.parameters_text


def test_an_officer_may_narrow_to_a_unit_inside_their_subtree(staff, alice):
    assert run("headcount", user=alice, on="31/12/2019", org="SO_A_VP").meta["total"] == 1


@pytest.mark.parametrize("name", ["headcount", "org-units", "qualification-share"])
def test_another_units_org_is_not_found(staff, alice, name):
    with pytest.raises(ReportParameterError) as exc:
        run(name, user=alice, on="31/12/2019", org="SO_B")

    assert exc.value.not_found
    assert exc.value.errors == {"org": ["Không tìm thấy đơn vị “SO_B” trong phạm vi được xem."]}


def test_an_unknown_org_reads_the_same_as_a_hidden_one(staff, alice):
    with pytest.raises(ReportParameterError) as exc:
        run("headcount", user=alice, org="KHONG_CO")

    assert exc.value.not_found
