"""The page shows a rule's value as the board reads it: names for codes, 2.340.000, 20 %, dd/mm/yyyy, no JSON."""

from canbo.legal.present import render_value, vocabulary

URL = "/can-cu-phap-ly/"


def test_scalars_in_vietnamese_formats():
    terms = {}
    assert render_value(2_340_000, terms) == "2.340.000"
    assert render_value({"share_of_good": "0.20"}, terms).count("20 %") == 1
    assert "50 %" in render_value({"vote_share_above": "0.5"}, terms)
    assert "54,3 %" in render_value({"share_of_good": "0.543"}, terms)
    assert "15 %" in render_value({"min_young_pct": 15}, terms)
    assert render_value("2024-07-01", terms) == "01/07/2024"
    assert render_value(True, terms) == "Có" and render_value(False, terms) == "Không"
    assert render_value("1.5", terms) == "1,5"
    assert render_value(None, terms) == "—"


def test_codes_are_named_and_text_is_escaped():
    terms = vocabulary("discipline")
    html = render_value({"forms": ["KHIEN_TRACH", "CANH_CAO"], "leaders_only": []}, terms)
    assert "Khiển trách; Cảnh cáo" in html and "Không có" in html
    assert "Các hình thức" in html and "KHIEN_TRACH" not in html
    assert "&lt;script&gt;" in render_value(["<script>"], terms)


def test_bands_are_rows():
    html = render_value([[90, "HTXS"], [70, "HTT"]], vocabulary("evaluation"))
    assert html.count("<tr>") == 2 and "Hoàn thành xuất sắc" in html


def test_the_page_shows_no_json(client, board):
    client.force_login(board)
    page = client.get(URL, {"on": "01/01/2026"}).content.decode()
    body = page[page.index("<h1>") :]
    assert "{&quot;" not in body and '{"' not in body and "[[" not in body and "_pct" not in body
    assert "Khiển trách" in page and "20 %" in page and "Tối đa (tháng)" in page
    assert "Vùng được áp dụng ngoại lệ" in page and "Miền núi, biên giới" in page


def test_the_correction_page_shows_the_history_readably_and_the_form_with_vietnamese_names(client, board):
    client.force_login(board)
    page = client.get(f"{URL}party.partyrule/admission_age/").content.decode()
    assert "Quy định 29-QĐ/TW" in page and "Quy định 232-QĐ/TW" in page
    assert "Tối đa (tháng)" in page and "&quot;Tối đa (tháng)&quot;: 720" in page


def test_the_new_rule_areas_are_registered():
    from canbo.core.rulebook import registered_rules

    areas = {entry.area for entry in registered_rules()}
    assert {"Kết nạp đảng viên", "Tiền lương", "Đào tạo, bồi dưỡng"} <= areas


def test_a_salary_rule_is_corrected_only_by_the_board(client, alice):
    client.force_login(alice)
    assert client.get(f"{URL}salary.salaryrule/base_salary/").status_code == 403
    assert client.get(f"{URL}party.partyrule/admission_age/").status_code == 403
