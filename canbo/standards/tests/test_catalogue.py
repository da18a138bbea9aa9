"""The catalogue: data from the migration, its pages, and the admin that appends versions, never overwrites."""

import datetime

import pytest
from django.urls import reverse

from canbo.people.models import Position
from canbo.standards.gaps import standards_in_force
from canbo.standards.models import StandardCriterion, TitleStandard

D = datetime.date
ADD = reverse("admin:standards_titlestandard_add")


def test_the_catalogue_holds_the_main_leadership_posts_with_their_legal_basis(db):
    codes = set(TitleStandard.objects.values_list("position__code", flat=True))
    assert {
        "GIAM_DOC_SO",
        "PHO_GIAM_DOC_SO",
        "TRUONG_PHONG",
        "PHO_TRUONG_PHONG",
        "BI_THU_HU",
        "PHO_BI_THU_HU",
        "CT_UBND_HUYEN",
        "PCT_UBND_HUYEN",
        "BI_THU_XA",
        "CT_UBND_XA",
        "PCT_UBND_XA",
    } <= codes
    assert not TitleStandard.objects.filter(legal_basis="").exists()
    in_force = standards_in_force(D(2026, 1, 1))
    director = in_force[Position.objects.get(code="GIAM_DOC_SO").pk]
    assert "NĐ 138/2020" in director.legal_basis and director.valid_from == D(2020, 11, 27)
    pt = director.criteria.get(kind="QUALIFICATION", scale="POLITICAL_THEORY")
    assert (pt.min_level, pt.min_rank) == ("CAO_CAP", 3)
    old = standards_in_force(D(2019, 1, 1))[director.position_id]
    assert old.valid_to == D(2020, 11, 26) and not old.criteria.filter(kind="SERVICE_LEFT").exists()


def test_every_signed_in_user_reads_the_catalogue(client, dana):
    client.force_login(dana)
    text = client.get(reverse("standards:index")).content.decode()
    assert "Giám đốc sở và tương đương" in text and "NĐ 138/2020/NĐ-CP" in text
    assert "Kiểm tra tiêu chuẩn" not in text  # no person checks in the official's menu


def test_the_list_can_show_only_the_versions_in_force(client, alice):
    client.force_login(alice)
    text = client.get(reverse("standards:index"), {"on": "01/01/2019"}).content.decode()
    assert "đến 26/11/2020" in text and "từ 27/11/2020" not in text
    assert "Ngày không hợp lệ" in client.get(reverse("standards:index"), {"on": "x"}).content.decode()


def test_the_detail_shows_criteria_and_the_history_of_versions(client, alice, django_assert_max_num_queries):
    standard = TitleStandard.objects.get(position__code="GIAM_DOC_SO", valid_to__isnull=True)
    client.force_login(alice)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("standards:detail", args=[standard.pk]))
    text = response.content.decode()
    assert "Lý luận chính trị: Cao cấp trở lên" in text
    assert "Còn ít nhất 5 năm công tác đến tuổi nghỉ hưu" in text
    assert "từ 04/08/2017 đến 26/11/2020" in text  # the earlier version in the history


def test_anonymous_users_are_sent_to_login(client, db):
    response = client.get(reverse("standards:index"))
    assert response.status_code == 302 and "/tai-khoan/" in response["Location"]


# --- the admin ------------------------------------------------------------------------------------------------


@pytest.fixture
def current(db):
    return TitleStandard.objects.get(position__code="TRUONG_PHONG", valid_to__isnull=True)


def test_a_new_version_starts_from_the_old_criteria_and_ends_the_old_one(client, sysadmin, current):
    client.force_login(sysadmin)
    form = client.get(ADD, {"tu": current.pk}).content.decode()
    assert 'value="Tiêu chuẩn Trưởng phòng và tương đương"' in form
    assert form.count('name="criteria-') > 7 * current.criteria.count() - 1
    criteria = list(current.criteria.all())
    data = {
        "position": current.position_id,
        "name": current.name,
        "legal_basis": "QĐ 377-QĐ/TW",
        "valid_from": "2026-01-01",
        "criteria-TOTAL_FORMS": str(len(criteria)),
        "criteria-INITIAL_FORMS": "0",
        "criteria-MIN_NUM_FORMS": "0",
        "criteria-MAX_NUM_FORMS": "1000",
    }
    for i, c in enumerate(criteria):
        values = {"kind": c.kind, "scale": c.scale, "min_level": c.min_level, "note": c.note}
        values.update(years=c.years or "", months=c.months or "", lower_tier=c.lower_tier or "")
        if c.kind == "QUALIFICATION" and c.scale == "POLITICAL_THEORY":
            values["min_level"] = "CAO_CAP"  # the correction
        data.update({f"criteria-{i}-{k}": v for k, v in values.items()})
    response = client.post(ADD, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    current.refresh_from_db()
    assert current.valid_to == D(2025, 12, 31)
    new = TitleStandard.objects.get(position=current.position, valid_from=D(2026, 1, 1))
    assert new.criteria.count() == len(criteria)
    assert new.criteria.get(scale="POLITICAL_THEORY").min_rank == 3
    assert current.criteria.get(scale="POLITICAL_THEORY").min_level == "TRUNG_CAP"  # history kept


def test_a_version_may_not_start_before_the_latest_one(client, sysadmin, current):
    client.force_login(sysadmin)
    data = {
        "position": current.position_id,
        "name": "x",
        "valid_from": "2019-01-01",
        "criteria-TOTAL_FORMS": "0",
        "criteria-INITIAL_FORMS": "0",
        "criteria-MIN_NUM_FORMS": "0",
        "criteria-MAX_NUM_FORMS": "1000",
    }
    response = client.post(ADD, data)
    assert response.status_code == 200
    assert "phiên bản mới phải có hiệu lực sau ngày đó" in response.content.decode()
    assert TitleStandard.objects.filter(position=current.position).count() == 1


def test_a_standard_in_force_is_read_only_except_its_end(client, sysadmin, current):
    client.force_login(sysadmin)
    url = reverse("admin:standards_titlestandard_change", args=[current.pk])
    page = client.get(url).content.decode()
    assert 'name="valid_to"' in page and 'name="name"' not in page and 'name="criteria-0-kind"' not in page
    before = list(current.criteria.values_list("pk", "min_level"))
    client.post(url, {"valid_to": "31/12/2026", "criteria-TOTAL_FORMS": "0", "criteria-INITIAL_FORMS": "0"})
    current.refresh_from_db()
    assert list(current.criteria.values_list("pk", "min_level")) == before


def test_the_board_reads_and_others_have_no_access(client, board, alice, current):
    board.is_staff = True  # a board member given access to the admin
    board.save(update_fields=["is_staff"])
    client.force_login(board)
    url = reverse("admin:standards_titlestandard_change", args=[current.pk])
    assert client.get(url).status_code == 200
    assert client.get(ADD).status_code == 403
    assert client.post(url, {"valid_to": "31/12/2026"}).status_code == 403
    client.force_login(alice)
    assert client.get(reverse("admin:standards_titlestandard_changelist")).status_code in (302, 403)


def test_nobody_deletes_a_standard(client, sysadmin, current):
    client.force_login(sysadmin)
    url = reverse("admin:standards_titlestandard_delete", args=[current.pk])
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert StandardCriterion.objects.filter(standard=current).exists()
