"""National code lists: the 34 provinces (former names included), the mapping table, the check before sending
and the Vietnamese report of what cannot be sent for a missing code."""

import io

import pytest
from django.core.exceptions import ValidationError

from canbo.nationaldb.codes import BY_FIELD, national_codes
from canbo.nationaldb.fields import BY_CODE, Coverage
from canbo.nationaldb.models import NationalCode, OutboxItem, OutboxState
from canbo.nationaldb.provinces import PROVINCES, province_code
from canbo.nationaldb.selectors import blocked_by_code
from canbo.nationaldb.services import batch_approve, national_codes_load
from canbo.people.models import Rank


def test_the_list_has_the_34_provinces_after_the_reform_with_distinct_codes():
    assert len(PROVINCES) == 34 and len({code for code, _ in PROVINCES}) == 34


@pytest.mark.parametrize(
    ("place", "code"),
    [
        ("Hà Nội", "01"),
        ("xã Mường Phăng, tỉnh Điện Biên", "11"),
        ("Hà Giang", "08"),  # merged into Tuyên Quang
        ("Thừa Thiên Huế", "46"),
        ("TP. Hồ Chí Minh", "79"),
        ("Bình Dương", "79"),
        ("Thanh Hoá", "38"),  # the other place of the tone mark
        ("Bắc Kinh", None),
        ("", None),
    ],
)
def test_a_place_resolves_to_todays_province_code(place, code):
    assert province_code(place) == code


@pytest.mark.django_db
def test_a_rank_in_the_national_format_passes_and_another_needs_the_mapping_table():
    national = Rank.objects.get_or_create(
        code="01.003", defaults={"name": "Chuyên viên", "valid_from": "2020-01-01"}
    )[0]
    local = Rank.objects.create(code="CV-TINH", name="Chuyên viên (mã riêng)", valid_from="2020-01-01")
    codes, problems = national_codes({"6.11": str(national.pk), "1.13": "01", "1.07": "NU"})
    assert codes == {"6.11": "01.003", "1.13": "01", "1.07": "NU"} and problems == []

    codes, problems = national_codes({"6.11": str(local.pk)})
    assert codes == {} and [p.field for p in problems] == ["6.11"]
    assert (
        "ngạch, chức danh nghề nghiệp" in problems[0].message
        and "national_codes_load RANK" in problems[0].message
    )

    national_codes_load(catalogue="RANK", lines=io.StringIO("gia_tri_canbo,ma_quoc_gia\nCV-TINH,01.003\n"))
    assert national_codes({"6.11": str(local.pk)}) == ({"6.11": "01.003"}, [])


def test_empty_values_need_no_code_and_unknown_fields_are_not_checked():
    assert national_codes({"1.14": None, "1.09": "", "1.18": "0912"}) == ({}, [])


@pytest.mark.django_db
def test_loading_a_mapping_is_all_or_nothing_with_every_error_by_line():
    lines = io.StringIO("gia_tri_canbo,ma_quoc_gia\nDAI_HOC,7\n,9\nDAI_HOC,8\nTHAC_SI,\n")
    with pytest.raises(ValidationError) as exc:
        national_codes_load(catalogue="QUALIFICATION", lines=lines)
    assert exc.value.messages == [
        "Dòng 3: cần giá trị trên Canbo và mã quốc gia.",
        "Dòng 4: giá trị “DAI_HOC” đã có ở dòng trên.",
        "Dòng 5: cần giá trị trên Canbo và mã quốc gia.",
    ]
    assert not NationalCode.objects.exists()
    with pytest.raises(ValidationError):
        national_codes_load(
            catalogue="GENDER", lines=io.StringIO("a,b\nNAM,1\n")
        )  # held in code, not a table


@pytest.mark.django_db
def test_the_report_counts_what_is_held_back_by_list_and_value_for_the_officers_units_only(
    client, alice, charlie, anh
):
    for value in ("Đạo lạ", "Đạo lạ", "Đạo khác"):
        OutboxItem.objects.create(
            person=anh, national_id=anh.national_id, unit=anh.current_unit, group=1, record="x", action="update",
            change={"1.14": value}, source="CANBO", deadline="2026-12-08",
        )  # fmt: skip
    batch_approve(user=alice)
    assert OutboxItem.objects.filter(state=OutboxState.BLOCKED).count() == 3
    report = blocked_by_code(user=alice)
    assert [(r["value"], r["items"], r["persons"]) for r in report] == [("Đạo khác", 1, 1), ("Đạo lạ", 2, 1)]
    assert report[0]["catalogue"] == "Tôn giáo" and "danh mục tôn giáo" in report[0]["message"]
    assert blocked_by_code(user=charlie) == []  # another unit's officer

    client.force_login(alice)
    page = client.get("/dong-bo-csdl-quoc-gia/?xem=blocked").content.decode()
    assert "Dữ liệu chưa gửi được do thiếu mã danh mục quốc gia" in page and "Đạo khác" in page


def test_every_coded_field_is_a_field_of_the_table_that_canbo_holds():
    for code in BY_FIELD:
        assert BY_CODE[code].coverage == Coverage.HELD, code


def test_approving_many_items_reads_each_coded_value_once(alice, anh, django_assert_max_num_queries):
    local = Rank.objects.create(code="CV-TINH", name="Chuyên viên (mã riêng)", valid_from="2020-01-01")

    def approve(count):
        OutboxItem.objects.all().delete()
        OutboxItem.objects.bulk_create(
            OutboxItem(
                person=anh,
                national_id=anh.national_id,
                unit=anh.current_unit,
                group=6,
                record=f"x:{i}",
                action="update",
                change={"6.11": str(local.pk)},
                source="CANBO",
                deadline="2026-12-08",
            )  # fmt: skip
            for i in range(count)
        )
        batch_approve(user=alice)
        assert OutboxItem.objects.filter(state=OutboxState.BLOCKED).count() == count

    approve(3)
    with django_assert_max_num_queries(
        12
    ):  # the rank and its mapping read once, the held-back rows in one write
        approve(60)
