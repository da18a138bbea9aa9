"""The board replaces a kind's template (checked, audited, versioned); the newest active version is used."""

import io
import zipfile

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from docx import Document

from canbo.decisions.models import DecisionTemplate
from canbo.decisions.registry import kind_for

from .conftest import docx_text, download

URL = "/quyet-dinh/mau/"


def word_file(*lines: str, name: str = "mau-moi.docx") -> SimpleUploadedFile:
    document = Document()
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return SimpleUploadedFile(name, out.getvalue(), content_type="application/octet-stream")


def upload(client, user, code, file, note="Theo mẫu của Sở Nội vụ"):
    client.force_login(user)
    return client.post(f"{URL}{code}/tai-len/", {"file": file, "note": note})


def test_the_board_replaces_a_template_and_drafts_use_it(client, board, alice, study):
    response = upload(
        client, board, "study", word_file("MẪU TỈNH: cử {{ person.name }} đi học {{ programme }}")
    )
    assert response.status_code == 302
    template = DecisionTemplate.objects.get()
    assert (template.kind, template.number, template.is_active) == ("study", 1, True)
    assert template.original_name == "mau-moi.docx"
    assert template.uploaded_by == board
    assert LogEntry.objects.get_for_object(template).filter(actor=board).exists()
    text = docx_text(download(client, alice, "study", study.pk).content)
    assert text.strip() == "MẪU TỈNH: cử Nguyễn Văn Ánh đi học Đào tạo thạc sĩ"


def test_versions_are_kept_and_withdrawing_one_goes_back_to_the_one_before(client, board, alice, study):
    upload(client, board, "study", word_file("PHIÊN BẢN MỘT {{ person.name }}"))
    upload(client, board, "study", word_file("PHIÊN BẢN HAI {{ person.name }}"))
    first, second = DecisionTemplate.objects.order_by("number")
    assert (first.number, second.number) == (1, 2)
    assert "PHIÊN BẢN HAI" in docx_text(download(client, alice, "study", study.pk).content)
    client.force_login(board)
    assert client.post(f"{URL}ngung-dung/{second.pk}/").status_code == 302
    assert "PHIÊN BẢN MỘT" in docx_text(download(client, alice, "study", study.pk).content)
    client.force_login(board)
    client.post(f"{URL}ngung-dung/{first.pk}/")
    text = docx_text(download(client, alice, "study", study.pk).content)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text  # the default again
    assert DecisionTemplate.objects.count() == 2  # nothing deleted
    client.force_login(board)
    old = client.get(f"{URL}study/tai-ve/{second.pk}/")
    assert "PHIÊN BẢN HAI" in docx_text(b"".join(old.streaming_content))


def test_the_board_downloads_the_default_template_with_its_tags(client, board):
    client.force_login(board)
    response = client.get(f"{URL}appointment/tai-ve/")
    assert response.status_code == 200
    text = docx_text(b"".join(response.streaming_content))
    assert "{{ issuing_body }}" in text and "{{ number_line }}" in text


def test_the_templates_page_lists_every_kind_for_the_board(client, board):
    client.force_login(board)
    page = client.get(URL).content.decode()
    for code in ("appointment", "reappointment", "movement", "movement_batch", "retirement", "discipline"):
        assert kind_for(code).label in page
    assert "Cử đi đào tạo" in page and "Tinh giản biên chế" in page


@pytest.mark.parametrize("user", ["alice", "bob", "charlie", "sysadmin", "standing"])
def test_only_the_board_may_open_or_change_templates(client, request, study, user):
    person = request.getfixturevalue(user)
    client.force_login(person)
    assert client.get(URL).status_code == 403
    assert client.get(f"{URL}study/tai-ve/").status_code == 403
    response = client.post(f"{URL}study/tai-len/", {"file": word_file("X")})
    assert response.status_code == 403
    assert not DecisionTemplate.objects.exists()


def test_permission_comes_before_the_body(client, alice):
    """A refused user gets 403 even for an invalid body (no file, an unknown kind)."""
    client.force_login(alice)
    assert client.post(f"{URL}study/tai-len/", {}).status_code == 403
    assert client.post(f"{URL}no-such-kind/tai-len/", {}).status_code == 403


def test_another_role_may_not_withdraw_a_version(client, board, alice):
    upload(client, board, "study", word_file("A {{ person.name }}"))
    template = DecisionTemplate.objects.get()
    client.force_login(alice)
    assert client.post(f"{URL}ngung-dung/{template.pk}/").status_code == 403
    template.refresh_from_db()
    assert template.is_active


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (SimpleUploadedFile("mau.pdf", b"%PDF-1.4 not word"), "phải là tệp Word .docx"),
        (SimpleUploadedFile("mau.docx", b"plain text, not a zip"), "phải là tệp Word .docx"),
        (SimpleUploadedFile("mau.doc", b"\xd0\xcf\x11\xe0 old word"), "phải là tệp Word .docx"),
    ],
)
def test_a_file_that_is_not_a_docx_is_refused_in_vietnamese(client, board, file, message):
    response = upload(client, board, "study", file)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not DecisionTemplate.objects.exists()


def test_a_zip_that_is_not_a_word_document_is_refused(client, board):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("hello.txt", "x")
    response = upload(client, board, "study", SimpleUploadedFile("mau.docx", archive.getvalue()))
    assert response.status_code == 400
    assert "phải là tệp Word .docx" in response.content.decode()
    assert not DecisionTemplate.objects.exists()


def test_a_template_with_a_broken_tag_is_refused(client, board):
    response = upload(client, board, "study", word_file("Cử {{ person.name đi học"))
    assert response.status_code == 400
    assert "sai cú pháp" in response.content.decode()
    assert not DecisionTemplate.objects.exists()


def test_a_too_large_file_is_refused(client, board, monkeypatch):
    from canbo.decisions import services

    monkeypatch.setattr(services, "MAX_TEMPLATE_BYTES", 1000)
    response = upload(client, board, "study", word_file("X"))
    assert response.status_code == 400
    assert "Tệp mẫu tối đa" in response.content.decode()
    assert not DecisionTemplate.objects.exists()


def test_no_file_is_a_field_error(client, board):
    client.force_login(board)
    response = client.post(f"{URL}study/tai-len/", {"note": "x"})
    assert response.status_code == 400
    assert "Hãy chọn tệp mẫu .docx." in response.content.decode()


def test_a_template_failing_while_filled_says_so_instead_of_a_500(client, board, alice, study):
    upload(client, board, "study", word_file("{{ person.name.nope() }}"))
    response = download(client, alice, "study", study.pk)
    assert response.status_code == 409
    assert "đang dùng có lỗi" in response.content.decode()


def test_a_replaced_template_of_one_kind_leaves_the_others_alone(client, board, alice, appointment):
    upload(client, board, "study", word_file("MẪU CỬ ĐI HỌC"))
    text = docx_text(download(client, alice, "appointment", appointment.pk).content)
    assert "MẪU CỬ ĐI HỌC" not in text
    assert "Về việc bổ nhiệm" in text


def test_an_uploaded_template_runs_sandboxed(client, board, alice, study):
    """A template is code: reaching Python's internals from it fails instead of running."""
    upload(client, board, "study", word_file("{{ ''.__class__.__mro__[1].__subclasses__() }}"))
    response = download(client, alice, "study", study.pk)
    assert response.status_code == 409
    assert "subprocess" not in response.content.decode()


def test_a_template_with_macros_is_refused(client, board):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
        z.writestr("word/vbaProject.bin", b"macro")
    response = upload(client, board, "study", SimpleUploadedFile("mau.docx", archive.getvalue()))
    assert response.status_code == 400
    assert "không được chứa macro" in response.content.decode()
    assert not DecisionTemplate.objects.exists()


def test_the_templates_page_takes_a_fixed_number_of_queries(client, board, django_assert_max_num_queries):
    for n in range(3):
        upload(client, board, "study", word_file(f"PHIÊN BẢN {n}"))
        upload(client, board, "appointment", word_file(f"PHIÊN BẢN {n}"))
    client.force_login(board)
    with django_assert_max_num_queries(6):
        response = client.get(URL)
    assert response.status_code == 200
    assert response.content.decode().count("Ngừng dùng</button>") == 6


def test_a_recorded_discipline_decision_uses_the_discipline_template(client, board, alice, anh, tree):
    from canbo.discipline.models import DisciplineRecord

    record = DisciplineRecord.objects.create(
        person=anh, form="CANH_CAO", decision_number="9", decided_on=timezone.localdate(), unit=tree["dept_a"]
    )
    upload(client, board, "discipline", word_file("MẪU KỶ LUẬT {{ person.name }} {{ number_line }}"))
    text = docx_text(download(client, alice, "discipline_record", record.pk).content)
    assert text.strip() == "MẪU KỶ LUẬT Nguyễn Văn Ánh Số: 9/QĐ-SA"
    response = upload(client, board, "discipline_record", word_file("X"))
    assert response.status_code == 400
    assert DecisionTemplate.objects.count() == 1
