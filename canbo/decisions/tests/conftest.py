"""Records of every kind for the cast of the root conftest (alice: officer of Sở A; bob: leader of Sở A,
read-only; charlie: officer of Sở B, outside; board: the province board), and a reader of DOCX files."""

import datetime
import io

import pytest
from docx import Document

from canbo.discipline.models import CaseStatus as DisciplineStatus
from canbo.discipline.models import DisciplineAct, DisciplineCase, DisciplineRecord
from canbo.movements.choices import AppointmentKind, AppointmentStatus, MovementKind
from canbo.movements.models import Appointment, Movement
from canbo.people.models import Position
from canbo.staffing.models import StreamliningCase
from canbo.training.models import Programme, StudyAssignment
from tests.factories import PersonFactory

D = datetime.date


def docx_text(content: bytes) -> str:
    """Every paragraph of the document, in the body and in the tables (cells joined by " | ")."""
    document = Document(io.BytesIO(content))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text.replace("\n", " / ") for cell in row.cells))
    return "\n".join(lines)


def download(client, user, code, key):
    client.force_login(user)
    return client.get(f"/quyet-dinh/du-thao/{code}/{key}/")


@pytest.fixture
def head_post(db):
    return Position.objects.get_or_create(
        code="TRUONG_PHONG", defaults={"name": "Trưởng phòng", "is_leadership": True, "tier": 4}
    )[0]


@pytest.fixture
def appointment(tree, alice, anh, head_post):
    """Approved, not decided yet: the draft has no number."""
    return Appointment.objects.create(
        person=anh,
        position=head_post,
        unit=tree["dept_a_office"],
        kind=AppointmentKind.FIRST,
        status=AppointmentStatus.APPROVED,
        proposed_by=alice,
    )


@pytest.fixture
def rotation(tree, alice, anh):
    return Movement.objects.create(
        person=anh,
        kind=MovementKind.ROTATION,
        from_unit=tree["dept_a_office"],
        to_unit=tree["dept_a"],
        start_date=D(2026, 3, 2),
        end_date=D(2029, 3, 1),
        decision_number="45/QĐ-SA",
        decision_date=D(2026, 2, 16),
        recorded_by=alice,
    )


@pytest.fixture
def discipline_case(tree, alice, anh):
    case = DisciplineCase.objects.create(
        person=anh,
        unit=tree["dept_a_office"],
        category=anh.category,
        opened_on=D(2026, 9, 1),
        status=DisciplineStatus.REVIEWED,
        proposed_form="KHIEN_TRACH",
        required_form="KHIEN_TRACH",
        opened_by=alice,
    )
    DisciplineAct.objects.create(
        case=case,
        description="Vi phạm quy chế làm việc của cơ quan",
        committed_on=D(2026, 8, 3),
        form="KHIEN_TRACH",
    )
    return case


@pytest.fixture
def decided_discipline_case(discipline_case, anh, tree):
    DisciplineRecord.objects.create(
        person=anh,
        form="KHIEN_TRACH",
        decision_number="17/QĐ-SA",
        decided_on=D(2026, 10, 5),
        effective_until=D(2027, 4, 4),
        unit=tree["dept_a_office"],
        case=discipline_case,
    )
    DisciplineCase.objects.filter(pk=discipline_case.pk).update(status=DisciplineStatus.DECIDED)
    return DisciplineCase.objects.get(pk=discipline_case.pk)


@pytest.fixture
def streamlining_case(tree, alice, anh):
    return StreamliningCase.objects.create(
        person=anh,
        unit=tree["dept_a_office"],
        category=anh.category,
        reason="DOI_DU_VTVL",
        reason_detail="Sắp xếp lại vị trí việc làm năm 2026",
        policy="THOI_VIEC_NGAY",
        proposed_on=D(2026, 10, 1),
        proposed_by=alice,
    )


@pytest.fixture
def study(tree, alice, anh):
    return StudyAssignment.objects.create(
        person=anh,
        unit=tree["dept_a_office"],
        programme=Programme.objects.get(code="DT_THAC_SI"),
        institution="Học viện Hành chính Quốc gia",
        field_of_study="Quản lý công",
        mode="KHONG_TAP_TRUNG",
        start_date=D(2027, 3, 1),
        expected_end=D(2029, 3, 1),
        cost=72_000_000,
        commitment_months=72,
        proposed_by=alice,
    )


@pytest.fixture
def retiring(tree):
    """Reaches the retirement age in 2027 (NĐ 135 roadmap)."""
    return PersonFactory(
        full_name="Lò Văn Hùng", gender="NAM", current_unit=tree["dept_a"], date_of_birth=D(1966, 1, 10)
    )


@pytest.fixture
def other_unit_study(tree, charlie, outsider_person):
    return StudyAssignment.objects.create(
        person=outsider_person,
        unit=tree["dept_b"],
        programme=Programme.objects.get(code="DT_THAC_SI"),
        institution="Học viện Chính trị quốc gia Hồ Chí Minh",
        mode="TAP_TRUNG",
        start_date=D(2027, 3, 1),
        expected_end=D(2029, 3, 1),
        proposed_by=charlie,
    )
