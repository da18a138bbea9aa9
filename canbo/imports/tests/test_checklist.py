"""Issue 14.6: the onboarding checklist shows what the province has brought in and the warnings left."""

import datetime

import pytest
from django.urls import reverse

from canbo.imports.checklist import employments_outside_unit_life
from canbo.imports.importer import run_import

from .files import history_row, person_row, write_file

pytestmark = pytest.mark.django_db
PAGE = reverse("imports:checklist")


def test_the_board_sees_the_counts_and_the_warnings(client, board, tree, tmp_path):
    tree["dept_a_office"].valid_from = datetime.date(2016, 1, 1)
    tree["dept_a_office"].save(update_fields=["valid_from"])
    early = person_row(2, start_date=None)
    path = write_file(
        tmp_path / "a.xlsx",
        persons=[person_row(1), early, person_row(3, start_date=None)],
        history=[history_row(early["national_id"], unit_code="SO_A", end_date=None)],
    )
    assert run_import(path, actor=board).ok

    client.force_login(board)
    html = client.get(PAGE).content.decode()

    assert "Hồ sơ chưa đủ (chưa có quá trình công tác)</a>: 1" in html
    assert "Quá trình công tác ở đơn vị chưa thành lập hoặc đã kết thúc vào thời điểm đó: không có" in html
    assert reverse("imports:incomplete") in html
    assert employments_outside_unit_life().count() == 0


def test_rows_in_a_unit_that_did_not_exist_yet_are_counted(tree, board, tmp_path):
    run_import(write_file(tmp_path / "a.xlsx", persons=[person_row(1)]), actor=board)
    tree["dept_a_office"].valid_from = datetime.date(2021, 1, 1)  # created after the row's start (2020)
    tree["dept_a_office"].save(update_fields=["valid_from"])

    assert employments_outside_unit_life().count() == 1


@pytest.mark.parametrize("who", ["alice", "bob", "dana", "sysadmin"])
def test_only_the_board_opens_the_checklist(client, request, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(PAGE).status_code == 403
