"""Decompression bombs and oversized sheets are refused before anything is parsed (issue 18, point 4)."""

import io
import zipfile

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from canbo.imports.models import ImportJob
from canbo.imports.reading import ImportFileError, read_workbook

from .files import person_row, write_file

pytestmark = pytest.mark.django_db


def _bomb(part: str, size: int) -> bytes:
    """A zip whose one part unpacks to `size` bytes of zeros (a few KB packed)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open(part, "w") as stream:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(size // len(chunk)):
                stream.write(chunk)
    return buffer.getvalue()


def test_a_bomb_is_refused_on_the_upload_form_before_it_is_queued(client, alice):
    data = _bomb("xl/sharedStrings.xml", 8 * 1024 * 1024)  # 8 MB from ~8 KB
    client.force_login(alice)

    response = client.post(reverse("imports:index"), {"file": SimpleUploadedFile("bom.xlsx", data)})

    assert len(data) < 100_000 and response.status_code == 400
    assert (
        "nén bất thường" in response.content.decode() and "xl/sharedStrings.xml" in response.content.decode()
    )
    assert not ImportJob.objects.exists()


def test_the_api_refuses_a_bomb_with_a_vietnamese_400(client, alice):
    client.force_login(alice)

    response = client.post(
        reverse("api-imports"),
        {"file": SimpleUploadedFile("bom.xlsx", _bomb("xl/worksheets/sheet1.xml", 4 << 20))},
    )

    assert response.status_code == 400 and "nén bất thường" in str(response.json())


def test_a_part_larger_than_allowed_is_refused_whatever_its_ratio(settings, tmp_path):
    settings.IMPORT_MAX_PART_BYTES = 1024
    path = write_file(tmp_path / "a.xlsx", persons=[person_row(n) for n in range(1, 40)])

    with pytest.raises(ImportFileError, match="khi giải nén quá lớn"):
        read_workbook(path)


def test_a_sheet_with_too_many_rows_or_columns_is_refused(settings, tmp_path):
    path = write_file(tmp_path / "a.xlsx", persons=[person_row(n) for n in range(1, 12)])
    settings.IMPORT_MAX_ROWS = 5
    with pytest.raises(ImportFileError, match="có hơn 5 dòng"):
        read_workbook(path)
    settings.IMPORT_MAX_ROWS, settings.IMPORT_MAX_COLUMNS = 500_000, 3
    with pytest.raises(ImportFileError, match="ngoài 3 cột đầu"):
        read_workbook(path)


def test_an_import_past_the_time_limit_stops_with_a_message_and_writes_nothing(
    client, alice, tree, tmp_path, settings
):
    from canbo.imports.models import ImportStatus
    from canbo.people.models import Person

    settings.JOB_TIME_LIMIT_SECONDS = -1
    path = write_file(tmp_path / "a.xlsx", persons=[person_row(1)])
    client.force_login(alice)

    client.post(reverse("imports:index"), {"file": SimpleUploadedFile("a.xlsx", path.read_bytes())})

    job = ImportJob.objects.select_related("job").get()
    assert job.status == ImportStatus.FAILED and "chạy quá" in job.message
    assert not Person.objects.exists()
    assert not default_storage.exists(job.job.params["upload"])  # a failed job leaves no personal data behind
