"""`manage.py report`: --list, table / json / xlsx output, --user scoping and clear errors."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import openpyxl
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command


def report(*args) -> str:
    out = StringIO()
    call_command("report", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_it_lists_the_reports_with_their_parameters(db):
    out = report("--list")

    assert "headcount  —  Số lượng CBCCVC theo cấp, phân loại, khối" in out
    assert "org-units" in out
    assert "Tham số: org, on, from, to, breakdown (category|level|group), decimals (1|2)" in out


def test_the_table_is_aligned_with_vietnamese_numbers(staff):
    out = report("headcount", "--on", "31/12/2019")
    lines = out.splitlines()

    assert lines[0] == "Số lượng CBCCVC theo cấp, phân loại, khối"
    assert lines[1] == "Tính đến ngày 31/12/2019; phạm vi: toàn tỉnh"
    header = lines[3]
    total = next(line for line in lines if line.startswith("Tổng cộng"))
    assert total.endswith(" 11")
    assert len(total) == len(header)  # numbers right-aligned under their headers
    assert "* Đến ngày 31/12/2019 có 11 người (cấp tỉnh 5, cấp huyện 4, cấp xã 2)." in lines


def test_shares_print_with_a_decimal_comma_and_signed_changes(staff):
    out = report("qualification-share", "--from", "2015-12-31", "--to", "31/12/2019")

    row = next(line for line in out.splitlines() if line.startswith("Chuyên môn từ đại học trở lên"))
    assert row.split()[-4:] == ["11", "3", "27,3", "+2,3"]


def test_json_is_machine_readable(staff):
    data = json.loads(report("headcount", "--on", "31/12/2019", "--format", "json", "--org", "SO_A"))

    assert data["report"] == "headcount"
    assert data["parameters"] == {"org": "SO_A", "on": "2019-12-31", "from": None, "to": None}
    assert data["meta"]["total"] == 3
    assert data["totals"][0]["values"]["total"] == 3
    assert data["columns"][-1] == {"key": "total", "label": "Cộng", "type": "int"}


def test_json_shares_are_numbers(staff):
    data = json.loads(report("qualification-share", "--on", "31/12/2019", "--format", "json"))

    assert data["rows"][1]["values"]["share"] == 27.3


def test_xlsx_is_written_to_the_output_file(staff, tmp_path):
    path = tmp_path / "headcount.xlsx"
    report("headcount", "--on", "31/12/2019", "--format", "xlsx", "--output", str(path))

    ws = openpyxl.load_workbook(path).active
    assert ws["A1"].value == "Số lượng CBCCVC theo cấp, phân loại, khối"
    values = [row for row in ws.iter_rows(values_only=True) if row[0] == "Tổng cộng"]
    assert values[0][-1] == 11


def test_options_of_a_report_are_flags(province):
    out = report("org-units", "--on", "31/12/2019", "--kind", "AGENCY")

    assert "loại đơn vị: Cơ quan" in out


def test_table_output_can_go_to_a_file(staff, tmp_path):
    path = tmp_path / "out.txt"
    report("org-units", "--output", str(path))

    assert Path(path).read_text(encoding="utf-8").startswith("Cơ quan, đơn vị theo cấp và khối")


def test_user_runs_the_report_in_that_users_scope(staff, alice):
    data = json.loads(report("headcount", "--on", "31/12/2019", "--user", "alice", "--format", "json"))

    assert data["meta"]["total"] == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "Hãy nêu tên báo cáo"),
        (("khong-co",), "Không có báo cáo “khong-co”"),
        (("headcount", "--on", "32/12/2019"), "Ngày không hợp lệ"),
        (("headcount", "--format", "pdf"), "Định dạng “pdf” không hợp lệ"),
        (("headcount", "--format", "xlsx"), "cần tham số --output"),
        (("headcount", "--kind", "AGENCY"), "Tham số --kind không dùng cho báo cáo headcount"),
        (("headcount", "--user", "nobody"), "Không có tài khoản “nobody”"),
        (("headcount", "--org", "KHONG_CO"), "Không tìm thấy đơn vị “KHONG_CO”"),
        (("qualification-share", "--from", "31/12/2019"), "cần nhập cả ngày from và ngày to"),
    ],
)
def test_bad_parameters_get_a_vietnamese_error(staff, args, message):
    with pytest.raises(CommandError) as exc:
        report(*args)

    assert message in str(exc.value)


def test_another_units_org_is_refused_for_a_user(staff, alice):
    with pytest.raises(CommandError, match="Không tìm thấy đơn vị “SO_B” trong phạm vi được xem"):
        report("headcount", "--user", "alice", "--org", "SO_B")


def test_an_official_may_not_run_reports(staff, dana):
    with pytest.raises(CommandError, match="không có quyền xem báo cáo"):
        report("headcount", "--user", "dana")


def test_an_unwritable_output_is_a_clear_error(staff, tmp_path):
    with pytest.raises(CommandError, match="Không ghi được tệp"):
        report("headcount", "--output", str(tmp_path / "missing" / "x.txt"))


def test_from_the_shell_a_bad_date_exits_non_zero_without_a_traceback():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    proc = subprocess.run(
        [sys.executable, "manage.py", "report", "headcount", "--on", "31/02/2019"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert proc.returncode != 0
    assert "Ngày không hợp lệ" in proc.stderr
    assert "Traceback" not in proc.stderr
