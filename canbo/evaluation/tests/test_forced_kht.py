"""Rule 16: a duty-related discipline decided in the year, or a degradation finding, forces KHT."""

import datetime
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from canbo.discipline.models import DisciplineRecord
from canbo.evaluation import services
from canbo.evaluation.models import AnnualRating, RatingSheet

from .conftest import decision_day, proposed


def discipline(person, year, *, duty_related):
    return DisciplineRecord.objects.create(
        person=person,
        form="KHIEN_TRACH",
        decision_number="3/QĐ-SNV",
        decided_on=datetime.date(year, 6, 1),
        duty_related=duty_related,
    )


def decide(sheet, actor, level, **kwargs):
    return services.sheet_decide(
        actor=actor,
        sheet=sheet,
        level=level,
        decision_number="15/QĐ-SNV",
        decided_on=decision_day(sheet.year),
        **kwargs,
    )


def test_a_duty_related_discipline_in_the_year_forces_kht(alice, anh, anh_sheet, year):
    discipline(anh, year, duty_related=True)

    with pytest.raises(ValidationError) as exc:
        proposed(anh_sheet, alice, "HTT")

    assert exc.value.message_dict["level"] == [
        f"Nguyễn Văn Ánh bị kỷ luật khiển trách theo quyết định số 3/QĐ-SNV ngày 01/06/{year} trong năm "
        "đánh giá: xếp loại “Không hoàn thành nhiệm vụ”."
    ]
    assert proposed(anh_sheet, alice, "KHT").proposed_level == "KHT"


def test_a_discipline_not_related_to_the_duty_does_not_force_kht(alice, anh, anh_sheet, year):
    discipline(anh, year, duty_related=False)

    sheet = decide(proposed(anh_sheet, alice, "HTT"), alice, "HTT")

    assert sheet.level == "HTT"
    assert AnnualRating.objects.get(person=anh, year=year).level == "HTT"


def test_a_degradation_finding_forces_kht_with_its_basis(alice, anh, anh_sheet, year):
    sheet = proposed(anh_sheet, alice, "HTT")
    basis = "Kết luận số 12-KL/ĐU của Đảng ủy Sở A"

    with pytest.raises(ValidationError) as exc:
        decide(sheet, alice, "HTT", degradation=True, degradation_note=basis)
    assert exc.value.message_dict["level"] == [
        f"Nguyễn Văn Ánh có kết luận suy thoái về tư tưởng chính trị, đạo đức, lối sống ({basis}): xếp loại "
        "“Không hoàn thành nhiệm vụ”."
    ]
    with pytest.raises(ValidationError) as exc:
        decide(sheet, alice, "KHT", degradation=True, degradation_note="  ")
    assert "degradation_note" in exc.value.message_dict

    decide(sheet, alice, "KHT", degradation=True, degradation_note=basis)

    saved = RatingSheet.objects.get(pk=sheet.pk)
    assert (saved.level, saved.degradation_finding, saved.degradation_note) == ("KHT", True, basis)
    assert AnnualRating.objects.get(person=anh, year=year).level == "KHT"


def test_re_deciding_without_the_finding_clears_it(alice, anh_sheet):
    sheet = proposed(anh_sheet, alice, "HTT")
    decide(sheet, alice, "KHT", degradation=True, degradation_note="Kết luận 12-KL")
    sheet = RatingSheet.objects.get(pk=sheet.pk)

    decide(sheet, alice, "HT", general=D(20), tasks=D(35))

    saved = RatingSheet.objects.get(pk=sheet.pk)
    assert (saved.level, saved.degradation_finding, saved.degradation_note) == ("HT", False, "")


def test_the_decide_page_records_the_finding(client, alice, anh_sheet):
    sheet = proposed(anh_sheet, alice, "HTT")
    client.force_login(alice)
    url = f"/danh-gia/phieu/{sheet.pk}/decide/"
    data = {
        "version": sheet.version,
        "level": "HTT",
        "decision_number": "15/QĐ",
        "decided_on": f"{decision_day(sheet.year):%d/%m/%Y}",
    }

    refused = client.post(url, {**data, "degradation": "on", "degradation_note": "KL 12"})
    assert refused.status_code == 400
    assert "suy thoái" in refused.content.decode()

    done = client.post(url, {**data, "level": "KHT", "degradation": "on", "degradation_note": "KL 12"})
    assert done.status_code == 302
    assert "KL 12" in client.get(f"/danh-gia/phieu/{sheet.pk}/").content.decode()


def test_a_degradation_finding_forces_kht_even_under_six_months(alice, anh_sheet):
    services.sheet_set_facts(actor=alice, sheet=anh_sheet, months_worked=4, leave_months=0, maternity=False)
    sheet = proposed(RatingSheet.objects.get(pk=anh_sheet.pk), alice, "KHONG_XEP_LOAI")

    with pytest.raises(ValidationError) as exc:
        decide(sheet, alice, "KHONG_XEP_LOAI", degradation=True, degradation_note="KL 12")
    assert "suy thoái" in " ".join(exc.value.message_dict["level"])
    assert decide(sheet, alice, "KHT", degradation=True, degradation_note="KL 12").level == "KHT"
