"""Each kind renders a NĐ 30 decision from its record, for the roles that may act on the record only."""

import datetime

import pytest
from django.utils import timezone

from canbo.discipline.models import DisciplineRecord
from canbo.movements.choices import AppointmentStatus
from canbo.movements.models import Appointment
from canbo.people.models import Person
from canbo.people.retirement import retirement_date
from canbo.training.services import study_send

from .conftest import docx_text, download

D = datetime.date
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def draft_text(client, user, code, key) -> str:
    response = download(client, user, code, key)
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == DOCX
    assert response["Content-Disposition"].startswith('attachment; filename="du-thao-qd-')
    return docx_text(response.content)


def assert_nd30_layout(text: str):
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "\nQUYẾT ĐỊNH\n" in text
    assert "QUYẾT ĐỊNH:" in text
    for article in ("Điều 1.", "Điều 2.", "Điều 3."):
        assert article in text
    assert "Nơi nhận:" in text
    assert "- Như Điều 3;" in text
    assert "Điện Biên, ngày" in text  # the province, without "Tỉnh"


def test_an_appointment_before_its_decision_leaves_number_and_date_blank(client, alice, appointment):
    text = draft_text(client, alice, "appointment", appointment.pk)
    assert_nd30_layout(text)
    assert "SỞ A" in text  # the governing body of Văn phòng Sở A
    assert "VĂN PHÒNG SỞ A" in text  # the issuing body
    assert "Số: …/QĐ-VPSA" in text
    assert "Điện Biên, ngày … tháng … năm …" in text
    assert "Về việc bổ nhiệm công chức" in text
    assert "\nCHÁNH VĂN PHÒNG SỞ A\n" in text  # the authority that issues
    assert "CHÁNH VĂN PHÒNG | " not in text and "| CHÁNH VĂN PHÒNG" in text  # the signer's title
    assert "Bổ nhiệm ông Nguyễn Văn Ánh, sinh ngày 17/05/1985, công chức Văn phòng Sở A, giữ chức vụ" in text
    assert f"giữ chức vụ {appointment.position.name}, Văn phòng Sở A" in text
    assert "Căn cứ Luật Cán bộ, công chức ngày 24 tháng 6 năm 2025;" in text
    assert "Nghị định số 170/2025/NĐ-CP" in text


def test_a_decided_appointment_carries_its_number_date_signer_and_term(client, alice, appointment):
    Appointment.objects.filter(pk=appointment.pk).update(
        status=AppointmentStatus.DECIDED,
        decision_number="12",
        decision_date=D(2026, 2, 5),
        signer="Hoàng Văn Minh",
        term_start=D(2026, 2, 5),
        term_end=D(2031, 2, 4),
    )
    text = draft_text(client, alice, "appointment", appointment.pk)
    assert "Số: 12/QĐ-VPSA" in text
    assert "Điện Biên, ngày 05 tháng 02 năm 2026" in text
    assert "kể từ ngày 05/02/2026 đến ngày 04/02/2031" in text
    assert "Hoàng Văn Minh" in text


def test_a_reappointment_is_not_drafted_as_a_first_appointment(client, alice, appointment):
    assert download(client, alice, "reappointment", appointment.pk).status_code == 404
    Appointment.objects.filter(pk=appointment.pk).update(kind="REAPPOINT")
    text = draft_text(client, alice, "reappointment", appointment.pk)
    assert "Về việc bổ nhiệm lại công chức lãnh đạo, quản lý" in text
    assert "Bổ nhiệm lại ông Nguyễn Văn Ánh" in text


def test_a_rotation_names_both_units_the_period_and_the_recorded_decision(client, alice, rotation):
    text = draft_text(client, alice, "movement", rotation.pk)
    assert_nd30_layout(text)
    assert "Số: 45/QĐ-SA" in text  # a number typed with its symbol is kept as typed
    assert "Điện Biên, ngày 16 tháng 02 năm 2026" in text
    assert "Về việc luân chuyển công chức" in text
    assert "Luân chuyển ông Nguyễn Văn Ánh, sinh ngày 17/05/1985, công chức Văn phòng Sở A" in text
    assert "đến công tác tại Sở A, kể từ ngày 02/03/2026 đến ngày 01/03/2029" in text
    assert "Căn cứ Luật Cán bộ, công chức ngày 24 tháng 6 năm 2025;" in text


def test_retirement_before_the_decision_states_the_nd135_date(client, alice, retiring):
    reaches = retirement_date(retiring.gender, retiring.date_of_birth)
    text = draft_text(client, alice, "retirement", retiring.uuid)
    assert_nd30_layout(text)
    assert "Về việc nghỉ hưu để hưởng chế độ bảo hiểm xã hội" in text
    assert "\nĐiều 1. Ông Lò Văn Hùng, sinh ngày 10/01/1966" in text
    assert f"kể từ ngày {reaches + datetime.timedelta(days=1):%d/%m/%Y}" in text
    assert f"đủ tuổi nghỉ hưu ngày {reaches:%d/%m/%Y}" in text
    assert "Nghị định số 135/2020/NĐ-CP" in text
    assert "Số: …/QĐ-SA" in text


def test_discipline_is_drafted_from_the_proposed_form_then_carries_the_decision(
    client, alice, discipline_case
):
    text = draft_text(client, alice, "discipline", discipline_case.pk)
    assert_nd30_layout(text)
    assert "Thi hành kỷ luật ông Nguyễn Văn Ánh" in text
    assert "bằng hình thức khiển trách" in text
    assert "Lý do: Vi phạm quy chế làm việc của cơ quan." in text
    assert "Số: …/QĐ-VPSA" in text
    assert "Nghị định số 172/2025/NĐ-CP" in text


def test_a_decided_discipline_case_carries_the_record_number_and_end(client, alice, decided_discipline_case):
    text = draft_text(client, alice, "discipline", decided_discipline_case.pk)
    assert "Số: 17/QĐ-SA" in text
    assert "Điện Biên, ngày 05 tháng 10 năm 2026" in text
    assert "có hiệu lực đến ngày 04/04/2027" in text


def test_an_opened_discipline_case_has_no_draft_yet(client, alice, discipline_case):
    type(discipline_case).objects.filter(pk=discipline_case.pk).update(status="OPENED")
    assert download(client, alice, "discipline", discipline_case.pk).status_code == 404


def test_streamlining_draft_states_policy_and_reason(client, alice, streamlining_case):
    text = draft_text(client, alice, "streamlining", streamlining_case.pk)
    assert_nd30_layout(text)
    assert "Về việc giải quyết chính sách tinh giản biên chế" in text
    assert "theo hình thức: thôi việc ngay" in text
    assert "Sắp xếp lại vị trí việc làm năm 2026" in text
    assert "Số: …/QĐ-VPSA" in text
    assert "Nghị định số 154/2025/NĐ-CP" in text


def test_the_streamlining_number_entered_by_the_board_shows_on_the_case_and_the_draft(
    client, board, alice, streamlining_case
):
    decided = timezone.localdate()
    client.force_login(board)
    response = client.post(
        f"/bien-che/tinh-gian/{streamlining_case.pk}/phe-duyet/",
        {"decision_number": "88/QĐ-SNV", "decision_date": f"{decided:%d/%m/%Y}", "version": 1},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = client.get(f"/bien-che/tinh-gian/{streamlining_case.pk}/").content.decode()
    assert "88/QĐ-SNV" in page
    text = draft_text(client, alice, "streamlining", streamlining_case.pk)
    assert "Số: 88/QĐ-SNV" in text
    assert f"ngày {decided.day:02d} tháng" in text


def test_study_draft_before_and_after_the_sending_decision(client, alice, study):
    text = draft_text(client, alice, "study", study.pk)
    assert_nd30_layout(text)
    assert "Về việc cử công chức đi đào tạo" in text
    assert "đi học Đào tạo thạc sĩ, chuyên ngành Quản lý công, hệ không tập trung" in text
    assert "tại Học viện Hành chính Quốc gia" in text
    assert "từ ngày 01/03/2027 đến ngày 01/03/2029" in text
    assert "ít nhất 72 tháng" in text
    assert "72.000.000 đồng" in text
    assert "Số: …/QĐ-VPSA" in text
    decided = timezone.localdate()
    study_send(actor=alice, assignment=study, decision_number="31", decision_date=decided)
    client.force_login(alice)
    assert "31 ngày" in client.get(f"/dao-tao/cu-di-hoc/{study.pk}/").content.decode()
    text = draft_text(client, alice, "study", study.pk)
    assert "Số: 31/QĐ-VPSA" in text
    assert f"Điện Biên, ngày {decided.day:02d} tháng" in text


@pytest.mark.parametrize("code", ["appointment", "study", "streamlining", "discipline"])
def test_another_units_officer_gets_404(
    client, charlie, appointment, study, streamlining_case, discipline_case, code
):
    record = {"appointment": appointment, "study": study, "streamlining": streamlining_case}.get(
        code, discipline_case
    )
    assert download(client, charlie, code, record.pk).status_code == 404


def test_another_units_rotation_and_retirement_are_404(client, charlie, rotation, retiring):
    assert download(client, charlie, "movement", rotation.pk).status_code == 404
    assert download(client, charlie, "retirement", retiring.uuid).status_code == 404


def test_an_officer_drafts_only_records_of_their_units(client, alice, other_unit_study):
    assert download(client, alice, "study", other_unit_study.pk).status_code == 404


def test_a_read_only_leader_sees_the_record_but_may_not_draft(client, bob, study, rotation, retiring):
    client.force_login(bob)
    assert client.get(f"/dao-tao/cu-di-hoc/{study.pk}/").status_code == 200
    assert download(client, bob, "study", study.pk).status_code == 403
    assert download(client, bob, "movement", rotation.pk).status_code == 403
    assert download(client, bob, "retirement", retiring.uuid).status_code == 403


def test_an_official_cannot_draft_their_own_retirement(client, dana, tree):
    person = Person.objects.get(user=dana)
    assert download(client, dana, "retirement", person.uuid).status_code == 403


def test_the_board_drafts_anywhere(client, board, other_unit_study):
    text = draft_text(client, board, "study", other_unit_study.pk)
    assert "bà Trần Thị Bích" in text
    assert "SỞ B" in text


def test_unknown_kinds_and_keys_are_404(client, alice, study):
    assert download(client, alice, "no-such-kind", study.pk).status_code == 404
    assert download(client, alice, "study", "abc").status_code == 404
    assert download(client, alice, "retirement", "not-a-uuid").status_code == 404


def test_anonymous_is_sent_to_login(client, study):
    response = client.get(f"/quyet-dinh/du-thao/study/{study.pk}/")
    assert response.status_code == 302
    assert "login" in response["Location"] or "dang-nhap" in response["Location"]


def test_a_recorded_decision_without_a_case_is_drafted_from_the_record(
    client, alice, bob, charlie, anh, tree
):
    record = DisciplineRecord.objects.create(
        person=anh,
        form="CANH_CAO",
        decision_number="9/QĐ-SA",
        decided_on=D(2025, 3, 3),
        reason="Không chấp hành sự phân công",
        unit=tree["dept_a"],
    )
    text = draft_text(client, alice, "discipline_record", record.pk)
    assert "Số: 9/QĐ-SA" in text
    assert "bằng hình thức cảnh cáo" in text
    assert "Lý do: Không chấp hành sự phân công." in text
    # the grounds in force on the decision's date, before the 2025 reform
    assert "Nghị định số 112/2020/NĐ-CP" in text and "172/2025" not in text
    assert "Căn cứ Luật Cán bộ, công chức ngày 13 tháng 11 năm 2008" in text
    assert download(client, charlie, "discipline_record", record.pk).status_code == 404
    assert download(client, bob, "discipline_record", record.pk).status_code == 403
    client.force_login(alice)
    page = client.get("/ky-luat/quyet-dinh/").content.decode()
    assert f'href="/quyet-dinh/du-thao/discipline_record/{record.pk}/"' in page
