"""Issue 16: the items the register now holds (CCCD issue, BHXH, BHYT, general education, the family's economy)
printed in their items of both forms, and Mẫu 2C items 21/22 printing the highest award and the heaviest sanction
as of the date, by the ranking stored as data."""

import datetime
import io

import pytest
from docx import Document
from pypdf import PdfReader

from canbo.discipline.models import SEVERITY, DisciplineForm, DisciplineFormRank
from canbo.emulation.models import Award, AwardFormRank
from canbo.profileforms.layouts import form_2c, form_syll
from canbo.profileforms.layouts.blocks import awards_text, discipline_text
from canbo.profileforms.records import dossier_records
from canbo.profileforms.render_docx import render_docx
from canbo.profileforms.render_pdf import render_pdf

from .conftest import BEFORE
from .test_render import _docx_text
from .test_views import _url

pytestmark = pytest.mark.django_db
D = datetime.date
TODAY = D(2026, 12, 7)


@pytest.fixture
def filled(full_dossier):
    person = full_dossier
    person.id_card_issued_on = D(2021, 4, 12)
    person.id_card_issued_by = "Cục Cảnh sát QLHC về TTXH"
    person.social_insurance_number = "1122334455"
    person.health_insurance_number = "GD4111122334455"
    person.general_education = "12/12"
    person.family_other_income = "Vợ buôn bán nhỏ"
    person.family_housing = "Nhà tự xây cấp 4, 80 m2"
    person.family_land = "Đất ở 120 m2"
    person.save()
    return person


def test_the_syll_prints_them_in_items_8_9_19_and_37(filled):
    text = form_syll(dossier_records(person=filled, on=TODAY)).text()

    assert "Ngày cấp: 12/04/2021, Cục Cảnh sát QLHC về TTXH" in text  # item 8
    assert "9) Số BHXH: 1122334455" in text and "Số thẻ BHYT: GD4111122334455" in text
    assert "19) Trình độ giáo dục phổ thông (đã tốt nghiệp lớp mấy/thuộc hệ nào): 12/12" in text
    assert "- Các nguồn khác: Vợ buôn bán nhỏ" in text
    assert (
        "- Nhà ở: Nhà tự xây cấp 4, 80 m2" in text
        and "- Đất ở, đất sản xuất kinh doanh: Đất ở 120 m2" in text
    )


def test_the_2c_prints_them_in_items_15_1_25_and_26(filled):
    text = form_2c(dossier_records(person=filled, on=TODAY)).text()

    assert "15.1- Trình độ giáo dục phổ thông: 12/12" in text
    assert "Ngày cấp: 12/04/2021, Cục Cảnh sát QLHC về TTXH" in text
    assert "26) Số sổ BHXH: 1122334455" in text


def test_an_empty_record_keeps_the_forms_blank_lines(full_dossier):
    text = form_syll(dossier_records(person=full_dossier, on=TODAY)).text()

    assert "\n9) Số BHXH: \nSố thẻ BHYT: \n" in text  # blank, to fill in by hand
    assert "- Nhà ở: + Được cấp, được thuê (loại nhà)" in text  # the form's own lines, to fill by hand


@pytest.mark.parametrize("build", [form_syll, form_2c])
def test_the_word_and_pdf_files_carry_them(filled, build):
    form = build(dossier_records(person=filled, on=TODAY))

    docx_text = _docx_text(Document(io.BytesIO(render_docx(form))))
    pdf_text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(render_pdf(form))).pages)

    for text in (docx_text, pdf_text):
        assert "1122334455" in text and "12/12" in text and "12/04/2021" in text


def test_a_reader_not_entitled_gets_no_family_economy(filled):
    text = form_syll(dossier_records(person=filled, on=TODAY, sensitive=False)).text()

    assert "Vợ buôn bán nhỏ" not in text and "Nhà tự xây" not in text
    assert "1122334455" in text  # the insurance numbers are register data, not sensitive


def test_an_officer_outside_the_unit_cannot_print_them(client, charlie, filled):
    client.force_login(charlie)

    for form in ("syll", "2c"):
        for fmt in ("pdf", "docx"):
            assert client.get(_url(filled, form, fmt)).status_code == 404


# --- items 21 and 22: the highest form --------------------------------------------------------------------


def _award(person, alice, form, year, **extra):
    return Award.objects.create(
        form=form,
        kind="CA_NHAN",
        unit=person.current_unit,
        person=person,
        year=year,
        decision_number=f"{year}/{form}",
        decision_date=D(year, 11, 1),
        issuing_body="Chủ tịch nước" if form == "HUAN_CHUONG" else "UBND tỉnh",
        recorded_by=alice,
        **extra,
    )


def test_item_21_prints_only_the_highest_award_held_on_the_date(full_dossier, alice):
    _award(full_dossier, alice, "LD_TIEN_TIEN", 2022)  # later than the Giấy khen of 2020, but lower

    before = awards_text(dossier_records(person=full_dossier, on=BEFORE))
    today = awards_text(dossier_records(person=full_dossier, on=TODAY))

    assert before.startswith("Giấy khen năm 2020") and "Lao động tiên tiến" not in before
    assert today.startswith("Bằng khen năm 2025") and "Giấy khen" not in today


def test_an_older_higher_award_wins_and_a_revoked_one_does_not(full_dossier, alice):
    medal = _award(full_dossier, alice, "HUAN_CHUONG", 2019)
    assert awards_text(dossier_records(person=full_dossier, on=TODAY)).startswith("Huân chương năm 2019")

    medal.revoked_on, medal.revocation_reason = D(2024, 1, 1), "Khai man thành tích"
    medal.save()

    assert awards_text(dossier_records(person=full_dossier, on=D(2023, 12, 31))).startswith("Huân chương")
    assert awards_text(dossier_records(person=full_dossier, on=TODAY)).startswith("Bằng khen năm 2025")


def test_the_ranking_is_read_from_the_catalogue(full_dossier):
    AwardFormRank.objects.filter(form="GIAY_KHEN").update(rank=500)

    assert awards_text(dossier_records(person=full_dossier, on=TODAY)).startswith("Giấy khen năm 2020")


def test_item_22_prints_the_heaviest_sanction_decided_by_the_date(full_dossier):
    before = discipline_text(dossier_records(person=full_dossier, on=BEFORE))
    today = discipline_text(dossier_records(person=full_dossier, on=TODAY))

    assert before.startswith("Khiển trách năm 2021") and "Cảnh cáo" not in before
    assert today.startswith("Cảnh cáo năm 2025") and "Khiển trách" not in today
    text = form_2c(dossier_records(person=full_dossier, on=TODAY)).text()
    assert "22) Kỷ luật: Cảnh cáo năm 2025" in text and "21) Khen thưởng: Bằng khen năm 2025" in text


def test_no_award_and_no_sanction_print_blank(anh):
    records = dossier_records(person=anh, on=TODAY)

    assert awards_text(records) == "" and discipline_text(records) == ""
    text = form_2c(records).text()
    assert "\n21) Khen thưởng: \n" in text and "\n22) Kỷ luật: \n" in text


def test_every_form_has_a_rank_and_the_discipline_order_follows_severity():
    from canbo.emulation.choices import AwardForm

    assert set(AwardFormRank.objects.values_list("form", flat=True)) == set(AwardForm.values)
    ranks = dict(DisciplineFormRank.objects.values_list("form", "rank"))
    assert set(ranks) == set(DisciplineForm.values)
    ordered = sorted(DisciplineForm, key=lambda f: ranks[f])
    assert [SEVERITY[f] for f in ordered] == sorted(SEVERITY[f] for f in ordered)


def test_every_dated_ladder_of_forms_climbs_the_print_ranking():
    from canbo.discipline.models import DisciplineRule

    ranks = dict(DisciplineFormRank.objects.values_list("form", "rank"))
    ladders = [r.value["forms"] for r in DisciplineRule.objects.filter(code__startswith="forms.")]

    assert ladders
    for ladder in ladders:
        assert [ranks[f] for f in ladder] == sorted(ranks[f] for f in ladder), ladder
