import io
import zipfile

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from pypdf import PdfReader

from canbo.jobs.models import Job
from canbo.people.models import Person
from canbo.profileforms.batch import run_batch

from .conftest import BEFORE

pytestmark = pytest.mark.django_db


def _url(person, form="syll", fmt="pdf"):
    return reverse("profileforms:download", args=[person.uuid, form, fmt])


def _copies(person):
    return LogEntry.objects.get_for_object(person).filter(action=LogEntry.Action.ACCESS)


def test_an_officer_prints_a_person_in_scope_and_the_copy_is_logged(client, alice, full_dossier):
    client.force_login(alice)

    response = client.get(_url(full_dossier), {"ngay": "30/06/2023"}, REMOTE_ADDR="10.1.2.3")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    assert response.content.startswith(b"%PDF")
    assert len(PdfReader(io.BytesIO(response.content)).pages) >= 2
    entry = _copies(full_dossier).get()
    assert entry.actor == alice and entry.remote_addr == "10.1.2.3"
    assert entry.changes["Mẫu in"][1] == "Sơ yếu lý lịch (TT 06/2023/TT-BNV) (PDF), tính đến 30/06/2023"


def test_the_word_file_is_a_download(client, alice, full_dossier):
    client.force_login(alice)

    response = client.get(_url(full_dossier, "2c", "docx"))

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Disposition"].endswith('.docx"')
    assert response.content[:2] == b"PK"


def test_a_person_of_another_unit_is_not_found(client, charlie, full_dossier):
    client.force_login(charlie)

    assert client.get(_url(full_dossier)).status_code == 404
    assert not _copies(full_dossier).exists()


def test_a_leader_prints_but_does_not_edit(client, bob, full_dossier):
    client.force_login(bob)

    assert client.get(_url(full_dossier, "2c", "pdf")).status_code == 200
    response = client.post(reverse("dossier:family_add", args=[full_dossier.uuid]), {"fam-full_name": "X"})
    assert response.status_code == 403


def test_an_official_prints_their_own_without_a_log_and_nobody_elses(client, dana, full_dossier):
    own = Person.objects.get(user=dana)
    client.force_login(dana)

    assert client.get(_url(own)).status_code == 200
    assert not _copies(own).exists()
    assert client.get(_url(full_dossier)).status_code == 404


def test_the_profile_page_offers_the_four_buttons_and_shows_awards_and_discipline(
    client, alice, full_dossier
):
    client.force_login(alice)

    page = client.get(reverse("people:detail", args=[full_dossier.uuid])).content.decode()

    for label in ("In SYLL (PDF)", "Tải SYLL (Word)", "In 2C (PDF)", "Tải 2C (Word)"):
        assert label in page
    assert "88/QĐ-UBND" in page and "9/QĐ-KL" in page
    assert "<td>2025</td>" in page
    assert reverse("dossier:photo", args=[full_dossier.uuid]) in page


def test_the_officials_own_page_has_the_buttons(client, dana):
    client.force_login(dana)
    own = Person.objects.get(user=dana)

    page = client.get(reverse("people:detail", args=[own.uuid])).content.decode()

    assert _url(own, "2c", "docx") in page


@pytest.mark.parametrize("value", ["31/02/2023", "hôm qua", "01/01/2999"])
def test_a_bad_date_is_refused_with_a_message(client, alice, full_dossier, value):
    client.force_login(alice)

    response = client.get(_url(full_dossier), {"ngay": value})

    assert response.status_code == 400
    assert "ngày" in response.content.decode().lower()
    assert not _copies(full_dossier).exists()


def test_an_unknown_form_is_not_found(client, alice, full_dossier):
    client.force_login(alice)

    assert client.get(_url(full_dossier, "3c", "pdf")).status_code == 404
    assert client.get(_url(full_dossier, "syll", "odt")).status_code == 404


def test_a_units_batch_is_one_zip_made_by_a_job(client, alice, full_dossier, tree):
    client.force_login(alice)

    response = client.post(
        reverse("profileforms:batch"),
        {"unit": tree["dept_a"].code, "form": "2c", "format": "docx", "ngay": "30/06/2023"},
    )

    assert response.status_code == 302
    job = Job.objects.get(kind="profileforms.batch")
    assert job.status == "SUCCEEDED", job.message
    assert job.result == {"persons": 1} and job.message == "Đã in 1 hồ sơ."
    download = client.get(reverse("jobs:download", args=[job.pk]))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    assert archive.namelist() == [f"mau-2c-{full_dossier.code}-{BEFORE:%Y%m%d}.docx"]
    assert _copies(full_dossier).get().actor == alice


def test_a_batch_of_a_unit_out_of_scope_is_refused(client, alice, tree, outsider_person):
    client.force_login(alice)

    response = client.post(
        reverse("profileforms:batch"), {"unit": tree["dept_b"].code, "form": "2c", "format": "pdf"}
    )

    assert response.status_code == 400
    assert not Job.objects.filter(kind="profileforms.batch").exists()


def test_leaders_and_officials_start_no_batch(client, bob, dana, tree):
    for user in (bob, dana):
        client.force_login(user)
        assert client.post(reverse("profileforms:batch"), {"unit": tree["dept_a"].code}).status_code == 403


def test_the_batch_reports_progress_person_by_person(alice, full_dossier, tree):
    job = Job(
        kind="profileforms.batch",
        created_by=alice,
        params={"unit": tree["dept_a"].code, "form": "syll", "format": "docx", "on": "2023-06-30"},
    )
    steps = []

    run_batch(job, lambda label, done=0, total=0, **kw: steps.append((done, total)))

    assert steps == [(0, 1), (1, 1)]
    assert job.result_name == f"so-yeu-ly-lich-{tree['dept_a'].code}-20230630.zip"


def test_the_person_list_links_the_batch_page_for_officers(client, alice, bob, anh):
    client.force_login(alice)
    assert reverse("profileforms:batch") in client.get(reverse("people:list")).content.decode()
    assert client.get(reverse("profileforms:batch")).status_code == 200
    client.force_login(bob)
    assert reverse("profileforms:batch") not in client.get(reverse("people:list")).content.decode()
