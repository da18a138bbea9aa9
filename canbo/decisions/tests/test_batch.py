"""One decision for many people (a rotation batch) is one document whose annex lists everyone; a long list is
drawn up by a job."""

import datetime

import pytest
from django.urls import resolve, reverse

from canbo.decisions import views
from canbo.movements.choices import MovementKind
from canbo.movements.models import Movement
from tests.factories import OrgUnitFactory, PersonFactory

from .conftest import docx_text, download

D = datetime.date


@pytest.fixture
def batch(tree, alice, anh):
    """Three people of Sở A's office rotated to Sở A by decision 60/QĐ-SA, and one by another decision."""
    people = [
        anh,
        PersonFactory(full_name="Lò Thị Hoa", gender="NU", current_unit=tree["dept_a_office"]),
        PersonFactory(full_name="Đặng Văn Bình", gender="NAM", current_unit=tree["dept_a_office"]),
    ]
    movements = [
        Movement.objects.create(
            person=person,
            kind=MovementKind.ROTATION,
            from_unit=tree["dept_a_office"],
            to_unit=tree["dept_a"],
            start_date=D(2026, 4, 1),
            end_date=D(2029, 3, 31),
            decision_number="60/QĐ-SA",
            decision_date=D(2026, 3, 20),
            recorded_by=alice,
        )
        for person in people
    ]
    Movement.objects.create(
        person=PersonFactory(full_name="Giàng A Chứ", current_unit=tree["dept_a_office"]),
        kind=MovementKind.ROTATION,
        from_unit=tree["dept_a_office"],
        to_unit=tree["dept_a"],
        start_date=D(2026, 4, 1),
        end_date=D(2029, 3, 31),
        decision_number="61/QĐ-SA",
        decision_date=D(2026, 3, 20),
        recorded_by=alice,
    )
    return movements


def test_a_decision_for_several_people_is_one_document_with_an_annex(client, alice, batch):
    response = download(client, alice, "movement", batch[1].pk)
    assert response.status_code == 200
    assert "3-nguoi" in response["Content-Disposition"]
    text = docx_text(response.content)
    assert "Số: 60/QĐ-SA" in text
    assert "Về việc luân chuyển cán bộ, công chức" in text
    assert "Luân chuyển 03 cán bộ, công chức có tên trong danh sách kèm theo" in text
    assert "kể từ ngày 01/04/2026 đến ngày 31/03/2029" in text
    assert "DANH SÁCH" in text and "CÁN BỘ, CÔNG CHỨC LUÂN CHUYỂN" in text
    assert "(Kèm theo Quyết định số 60/QĐ-SA ngày 20/03/2026 của Văn phòng Sở A)" in text
    rows = [line for line in text.split("\n") if line[:1].isdigit() and " | " in line]
    names = [row.split(" | ")[1] for row in rows]
    assert names == ["Nguyễn Văn Ánh", "Đặng Văn Bình", "Lò Thị Hoa"]  # by given name: Ánh, Bình, Hoa
    assert rows[0].startswith("1 | Nguyễn Văn Ánh | 17/05/1985 | công chức Văn phòng Sở A | Sở A |")
    assert "từ 01/04/2026 đến 31/03/2029" in rows[0]
    assert "Giàng A Chứ" not in text  # another decision


def test_the_batch_is_the_same_from_any_of_its_movements(client, alice, batch):
    first = docx_text(download(client, alice, "movement", batch[0].pk).content)
    last = docx_text(download(client, alice, "movement_batch", batch[2].pk).content)
    assert first == last


def test_a_long_batch_is_drawn_up_by_a_job(client, alice, batch, monkeypatch):
    monkeypatch.setattr(views, "JOB_THRESHOLD", 2)
    response = download(client, alice, "movement", batch[0].pk)
    assert response.status_code == 302
    match = resolve(response["Location"])
    assert match.view_name == "jobs:detail"
    page = client.get(response["Location"]).content.decode()
    assert "3 người" in page
    file = client.get(reverse("jobs:download", args=[match.kwargs["job_id"]]))
    assert file.status_code == 200
    content = b"".join(file.streaming_content)
    assert "Lò Thị Hoa" in docx_text(content)


def test_another_units_officer_does_not_see_the_batch(client, charlie, batch):
    assert download(client, charlie, "movement", batch[0].pk).status_code == 404


def test_a_batch_reaching_beyond_the_officers_units_is_drawn_up_by_the_board_only(
    client, alice, charlie, board, tree, batch, outsider_person
):
    """A partial annex would misstate the decision: officers who see part of it get 403, the board all of it."""
    theirs = Movement.objects.create(
        person=outsider_person,
        kind=MovementKind.ROTATION,
        from_unit=tree["dept_b"],
        to_unit=OrgUnitFactory(name="Phòng Kế hoạch Sở B", parent=tree["dept_b"]),
        start_date=D(2026, 4, 1),
        end_date=D(2029, 3, 31),
        decision_number="60/QĐ-SA",
        decision_date=D(2026, 3, 20),
        recorded_by=board,
    )
    response = download(client, alice, "movement", batch[0].pk)
    assert response.status_code == 403
    assert "Ban Tổ chức" in response.content.decode()
    assert download(client, charlie, "movement", theirs.pk).status_code == 403
    text = docx_text(download(client, board, "movement", theirs.pk).content)
    assert "Luân chuyển 04 cán bộ, công chức" in text
    assert "Trần Thị Bích" in text
    assert "ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN / _______ / Số: 60/QĐ-SA" in text  # the nearest body above all
    assert "\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN\n" in text


def test_a_leader_may_not_draft_the_batch(client, bob, batch):
    assert download(client, bob, "movement", batch[0].pk).status_code == 403
