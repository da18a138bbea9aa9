"""The e-dossier's scanned documents: type read from the content, size checked, shown in the browser to whoever
may see the person (sensitive kinds to the entitled only), never cached, every look by someone else logged."""

import datetime
import io

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from canbo.dossier.models import DossierDocument
from canbo.dossier.services import dossier_document_add
from canbo.nationaldb.models import AccessLogEntry
from canbo.people.models import Person

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
DATA = {
    "kind": "DIPLOMA",
    "number": "B 123456",
    "issued_on": datetime.date(2008, 7, 1),
    "issuer": "ĐH Luật Hà Nội",
}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.MEDIA_ROOT = tmp_path


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (20, 30), "white").save(buffer, "PNG")
    return buffer.getvalue()


def test_a_pdf_named_like_an_image_is_stored_as_a_pdf_and_audited(alice, anh):
    upload = SimpleUploadedFile("scan.png", PDF, content_type="image/png")
    document = dossier_document_add(user=alice, person=anh, data=DATA, upload=upload)
    assert document.content_type == "application/pdf" and document.file.name.endswith(".pdf")
    assert document.size == len(PDF)
    assert LogEntry.objects.get_for_object(document).get().actor == alice


def test_a_file_that_is_neither_pdf_nor_an_image_is_refused_and_nothing_is_written(alice, anh):
    upload = SimpleUploadedFile("bang.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    with pytest.raises(ValidationError) as exc:
        dossier_document_add(user=alice, person=anh, data=DATA, upload=upload)
    assert exc.value.message_dict["file"] == ["Chỉ nhận tệp PDF, JPEG hoặc PNG."]
    assert not DossierDocument.objects.exists()


def test_a_file_over_the_limit_is_refused(alice, anh):
    upload = SimpleUploadedFile("big.pdf", PDF + b"0" * (10 * 1024 * 1024), content_type="application/pdf")
    with pytest.raises(ValidationError):
        dossier_document_add(user=alice, person=anh, data=DATA, upload=upload)


def test_an_officer_outside_the_unit_may_not_attach(charlie, anh):
    with pytest.raises(PermissionDenied):
        dossier_document_add(user=charlie, person=anh, data=DATA, upload=SimpleUploadedFile("a.png", _png()))


def test_the_scan_is_shown_inline_uncached_and_the_look_is_logged(client, alice, bob, charlie, anh):
    document = dossier_document_add(
        user=alice, person=anh, data=DATA, upload=SimpleUploadedFile("a.png", _png())
    )
    url = reverse("dossier:document", args=[anh.uuid, document.uuid])
    client.force_login(bob)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "no-store" and response["Content-Disposition"] == "inline"
    assert b"".join(response.streaming_content) == _png()
    assert AccessLogEntry.objects.get(person=anh).part == "DOCUMENT"

    client.force_login(charlie)
    assert client.get(url).status_code == 404


def test_a_health_certificate_is_not_shown_to_a_leader(client, alice, bob, anh):
    data = {**DATA, "kind": "HEALTH_CERTIFICATE"}
    document = dossier_document_add(
        user=alice, person=anh, data=data, upload=SimpleUploadedFile("a.pdf", PDF)
    )
    url = reverse("dossier:document", args=[anh.uuid, document.uuid])
    client.force_login(bob)
    assert client.get(url).status_code == 403
    client.force_login(alice)
    assert client.get(url).status_code == 200


def _upload(client, person, **extra):
    return client.post(
        reverse("dossier:document_upload", args=[person.uuid]),
        {"doc-kind": "DIPLOMA", "doc-number": "B 1", "doc-issued_on": "2010-07-01", "doc-issuer": "ĐH Huế",
         "doc-file": SimpleUploadedFile("bang.pdf", PDF, content_type="application/pdf"), **extra},
    )  # fmt: skip


def test_the_official_uploads_a_scan_to_their_own_e_dossier(client, dana):
    own = Person.objects.get(user=dana)
    client.force_login(dana)
    response = _upload(client, own, next="/dong-bo-csdl-quoc-gia/ho-so-dien-tu-cua-toi/")
    assert response.status_code == 302 and response.url == "/dong-bo-csdl-quoc-gia/ho-so-dien-tu-cua-toi/"
    document = DossierDocument.objects.get(person=own)
    assert document.uploaded_by == dana and document.issuer == "ĐH Huế"
    assert not AccessLogEntry.objects.exists()  # their own dossier: nothing to log


def test_a_next_address_off_the_site_is_ignored(client, dana):
    own = Person.objects.get(user=dana)
    client.force_login(dana)
    response = _upload(client, own, next="https://evil.example/")
    assert response.status_code == 302 and response.url.endswith("#giay-to")


def test_nobody_else_without_the_right_uploads(client, dana, bob, anh):
    client.force_login(dana)
    assert _upload(client, anh).status_code == 404  # another person: not even shown
    client.force_login(bob)
    assert _upload(client, anh).status_code == 403  # a leader reads, does not write
    assert not DossierDocument.objects.exists()


def test_a_bad_file_reshows_the_form_with_the_error(client, alice, anh):
    client.force_login(alice)
    response = client.post(
        reverse("dossier:document_upload", args=[anh.uuid]),
        {
            "doc-kind": "DIPLOMA",
            "doc-file": SimpleUploadedFile("x.pdf", b"MZ junk", content_type="application/pdf"),
        },
    )
    assert response.status_code == 400 and "Chỉ nhận tệp PDF, JPEG hoặc PNG." in response.content.decode()
    assert not DossierDocument.objects.exists()


def test_a_health_certificate_is_not_listed_to_a_leader_and_the_officers_look_is_logged(
    client, alice, bob, anh
):
    dossier_document_add(
        user=alice, person=anh, data={**DATA, "kind": "HEALTH_CERTIFICATE", "number": "SK-9"},
        upload=SimpleUploadedFile("sk.pdf", PDF, content_type="application/pdf"),
    )  # fmt: skip
    client.force_login(bob)
    assert "SK-9" not in client.get(reverse("dossier:person", args=[anh.uuid])).content.decode()
    assert set(AccessLogEntry.objects.filter(viewer=bob).values_list("part", flat=True)) == {"PROFILE"}
    client.force_login(alice)
    assert "SK-9" in client.get(reverse("dossier:person", args=[anh.uuid])).content.decode()
    assert {"FAMILY", "ASSETS", "HEALTH"} <= set(
        AccessLogEntry.objects.filter(viewer=alice).values_list("part", flat=True)
    )
