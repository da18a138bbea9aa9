import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from canbo.people.models import Person

from .files import person_row, write_file

pytestmark = pytest.mark.django_db


def _run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_xlsx", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_xlsx_imports_and_prints_counts_and_a_progress_bar(alice, tree, tmp_path, capsys):
    path = write_file(tmp_path / "a.xlsx", persons=[person_row(1)])

    out, _err = _run(path, "--user", "alice")

    assert "Hồ sơ tạo mới: 1" in out and "Đã nhập xong" in out
    assert Person.objects.count() == 1
    assert "Ghi dữ liệu" in capsys.readouterr().err


def test_dry_run_writes_nothing(tree, tmp_path):
    out, _err = _run(write_file(tmp_path / "a.xlsx", persons=[person_row(1)]), "--dry-run", "--no-progress")

    assert "chưa ghi dữ liệu" in out and Person.objects.count() == 0


def test_errors_are_listed_and_the_command_fails(alice, tree, tmp_path):
    path = write_file(tmp_path / "a.xlsx", persons=[person_row(1, unit_code="SO_B")])
    err = io.StringIO()

    with pytest.raises(CommandError, match="Có 1 lỗi; không dòng nào được ghi"):
        call_command("import_xlsx", str(path), "--user", "alice", "--no-progress", stderr=err)

    assert "Cán bộ – dòng 2 – Mã đơn vị: Đơn vị “SO_B” ngoài phạm vi" in err.getvalue()
    assert Person.objects.count() == 0


def test_a_corrupted_file_fails_with_a_message_not_a_traceback(tmp_path):
    path = tmp_path / "a.xlsx"
    path.write_bytes(b"\x00\x01garbage")

    with pytest.raises(CommandError, match="không phải tệp Excel .xlsx"):
        _run(path, "--no-progress")


def test_a_user_without_write_access_is_refused(bob, tmp_path):
    with pytest.raises(CommandError, match="Chỉ cán bộ tổ chức"):
        _run(tmp_path / "a.xlsx", "--user", "bob")
