"""A person with every part of the dossier filled from records, some dated after 30/06/2023 (the "as of" tests)."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from canbo.discipline.models import DisciplineRecord
from canbo.dossier.services import family_member_add, person_photo_set, personal_history_save
from canbo.emulation.models import Award
from canbo.evaluation.models import AnnualRating
from canbo.people.models import Employment, Rank
from canbo.training.models import Enrolment, Programme, StudyAssignment
from tests.factories import QualificationFactory

D = datetime.date
BEFORE = D(2023, 6, 30)  # a date between the early and the late records


@pytest.fixture
def media(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def png_upload(size=(120, 180), name="anh.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 210, 230)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def full_dossier(media, anh, alice, tree):
    """`anh` (dept_a's office) with records of every kind; each "late" one is dated after BEFORE."""
    person = anh
    person.rank = Rank.objects.get(code="01.003")
    person.salary_step, person.salary_coefficient = 4, "3.33"
    person.recruited_on = D(2010, 1, 1)
    person.place_of_origin = "Xã Thanh Xương, huyện Điện Biên"
    person.save()
    first = Employment.objects.get(person=person)
    first.end_date = D(2023, 12, 31)
    first.save()
    Employment.objects.create(
        person=person,
        unit=tree["dept_a_office"],
        category=person.category,
        start_date=D(2024, 1, 1),
        note="Điều động",
    )
    QualificationFactory(
        person=person,
        scale="PROFESSIONAL",
        level="DAI_HOC",
        rank=6,
        field="Luật",
        awarded_on=D(2008, 6, 30),
        issuer="Đại học Luật Hà Nội",
    )
    QualificationFactory(
        person=person,
        scale="PROFESSIONAL",
        level="THAC_SI",
        rank=7,
        field="Quản lý công",
        awarded_on=D(2025, 3, 1),
        issuer="Học viện Hành chính Quốc gia",
    )
    Enrolment.objects.create(
        person=person,
        programme=Programme.objects.get(code="DT_THAC_SI"),
        unit=tree["dept_a_office"],
        mode="KHONG_TAP_TRUNG",
        venue="TRONG_NUOC",
        start_date=D(2024, 9, 1),
    )
    StudyAssignment.objects.create(
        person=person,
        programme=Programme.objects.get(code="DT_THAC_SI"),
        unit=tree["dept_a_office"],
        institution="Trường Chính trị tỉnh",
        field_of_study="Lý luận chính trị",
        mode="TAP_TRUNG",
        venue="TRONG_NUOC",
        start_date=D(2018, 3, 1),
        expected_end=D(2018, 9, 1),
        end_date=D(2018, 9, 1),
        proposed_by=alice,
    )
    AnnualRating.objects.create(
        person=person, year=2022, unit=tree["dept_a_office"], level="HTT", decided_on=D(2022, 12, 20)
    )
    AnnualRating.objects.create(
        person=person, year=2024, unit=tree["dept_a_office"], level="HTXS", decided_on=D(2024, 12, 20)
    )
    for year, form, number in ((2020, "GIAY_KHEN", "15/QĐ-SNV"), (2025, "BANG_KHEN", "88/QĐ-UBND")):
        Award.objects.create(
            form=form,
            kind="CA_NHAN",
            unit=tree["dept_a_office"],
            person=person,
            year=year,
            decision_number=number,
            decision_date=D(year, 12, 1),
            issuing_body="UBND tỉnh",
            recorded_by=alice,
        )
    DisciplineRecord.objects.create(
        person=person,
        unit=tree["dept_a"],
        form="KHIEN_TRACH",
        decision_number="7/QĐ-KL",
        decided_on=D(2021, 5, 4),
        authority="Sở A",
    )
    DisciplineRecord.objects.create(
        person=person,
        unit=tree["dept_a"],
        form="CANH_CAO",
        decision_number="9/QĐ-KL",
        decided_on=D(2025, 5, 4),
        authority="Sở A",
    )
    family_member_add(
        user=alice,
        person=person,
        data={
            "relation": "FATHER",
            "full_name": "Nguyễn Văn Bố",
            "birth_year": 1955,
            "occupation": "Nông dân",
            "residence": "Điện Biên",
        },
    )
    family_member_add(
        user=alice,
        person=person,
        data={
            "relation": "CHILD",
            "full_name": "Nguyễn Văn Con",
            "birth_year": 2024,
            "occupation": "Còn nhỏ",
        },
    )
    family_member_add(
        user=alice,
        person=person,
        data={
            "relation": "MOTHER_IN_LAW",
            "full_name": "Lò Thị Mẹ",
            "birth_year": 1960,
            "occupation": "Hưu trí",
        },
    )
    personal_history_save(
        user=alice,
        person=person,
        data={"detention": "Không bị bắt, bị tù.", "relatives_abroad": "Không có thân nhân ở nước ngoài."},
    )
    person_photo_set(user=alice, person=person, upload=png_upload())
    person.refresh_from_db()
    return person
