"""The board's "Căn cứ pháp lý" page: every registered rule in force on a date, grouped by area, with its
source; a correction appends a dated version (audited), never overwrites; others are refused."""

import pytest
from auditlog.models import LogEntry

from canbo.core.rulebook import registered_rules
from canbo.discipline.models import DisciplineRule
from canbo.staffing.models import StaffingRule

URL = "/can-cu-phap-ly/"


def test_every_app_registers_its_rules():
    areas = {entry.area for entry in registered_rules()}
    assert {"Kỷ luật", "Biên chế, tinh giản biên chế", "Đánh giá, xếp loại", "Quy hoạch cán bộ"} <= areas
    assert "Bổ nhiệm, luân chuyển" in areas


def test_the_board_reads_the_rules_in_force_on_a_date(client, board):
    client.force_login(board)
    page = client.get(URL, {"on": "14/06/2025"}).content.decode()
    assert "Kỷ luật" in page and "NĐ 112/2020" in page and "NĐ 154/2025" not in page
    page = client.get(URL, {"on": "01/01/2026"}).content.decode()
    assert "NĐ 172/2025" in page and "NĐ 154/2025" in page and "NĐ 335/2025" in page


def test_a_bad_date_is_a_clear_error(client, board):
    client.force_login(board)
    response = client.get(URL, {"on": "2026-01-01"})
    assert response.status_code == 400


@pytest.mark.parametrize("who", ["alice", "bob", "standing", "sysadmin"])
def test_others_are_refused(client, request, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(URL).status_code == 403
    url = f"{URL}discipline.disciplinerule/handling_days/"
    assert client.post(url, {"valid_from": "x"}).status_code == 403


def test_a_correction_appends_a_version_and_is_audited(client, board):
    client.force_login(board)
    url = f"{URL}discipline.disciplinerule/handling_days/"
    assert client.get(url).status_code == 200
    bad = client.post(url, {"valid_from": "01/01/2027", "value": "{90", "legal_basis": "NĐ giả định"})
    assert bad.status_code == 400 and "chưa đúng cách ở dòng 1, cột 2" in bad.content.decode()
    early = client.post(
        url,
        {"valid_from": "01/01/2025", "value": '{"normal": 60, "complex": 120}', "legal_basis": "NĐ giả định"},
    )
    assert early.status_code == 400 and "lịch sử không bị ghi đè" in early.content.decode()
    done = client.post(
        url,
        {"valid_from": "01/01/2027", "value": '{"normal": 60, "complex": 120}', "legal_basis": "NĐ giả định"},
    )
    assert done.status_code == 302
    rows = list(DisciplineRule.objects.filter(code="handling_days").order_by("valid_from"))
    assert [r.value["normal"] for r in rows] == [90, 90, 60]
    assert str(rows[1].valid_to) == "2026-12-31" and rows[2].legal_basis == "NĐ giả định"
    assert LogEntry.objects.filter(object_pk=str(rows[2].pk), content_type__model="disciplinerule").exists()


def test_the_correction_form_is_written_with_the_pages_vietnamese_names(client, board):
    """The value to edit names its items as the page does ("Vụ việc thông thường (ngày)", "Có"/"Không"), the
    stored keys stay the rule's own; an item the rule does not have is refused by name."""
    client.force_login(board)
    url = f"{URL}staffing.staffingrule/exemptions/"
    page = client.get(url).content.decode()
    assert "Con dưới (tháng tuổi)" in page and "&quot;Có&quot;" in page
    assert "child_months" not in page and "JSON" not in page and "true" not in page
    wrong = client.post(
        url, {"valid_from": "01/01/2027", "value": '{"Con dưới": 24}', "legal_basis": "NĐ giả định"}
    )
    assert wrong.status_code == 400 and "không có mục “Con dưới”" in wrong.content.decode()
    done = client.post(
        url,
        {
            "valid_from": "01/01/2027",
            "value": '{"Con dưới (tháng tuổi)": 24, "Tự nguyện thì vẫn được xem xét": "Không"}',
            "legal_basis": "NĐ giả định",
        },
    )
    assert done.status_code == 302
    newest = StaffingRule.objects.filter(code="exemptions").latest("valid_from")
    assert newest.value == {"child_months": 24, "voluntary_waives_family": False}


def test_the_rule_list_shows_no_technical_names(client, board):
    client.force_login(board)
    page = client.get(URL).content.decode()
    assert "(handling_days)" not in page and "Căn cứ pháp lý" in page


def test_an_unknown_rule_is_not_found(client, board):
    client.force_login(board)
    assert client.get(f"{URL}discipline.disciplinerule/no_such_rule/").status_code == 404
    assert client.get(f"{URL}people.person/x/").status_code == 404
