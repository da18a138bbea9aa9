import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from canbo.dossier.models import FamilyMember, PersonalHistory, PersonPhoto
from canbo.dossier.services import family_member_add
from canbo.people.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.MEDIA_ROOT = tmp_path


def _png(name="anh.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (60, 90), "white").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


FATHER = {
    "fam-relation": "FATHER",
    "fam-full_name": "Nguyễn Văn Bố",
    "fam-birth_year": "1955",
    "fam-occupation": "Nông dân",
    "fam-order": "0",
}


def test_an_officer_adds_edits_and_deletes_a_relative(client, alice, anh):
    client.force_login(alice)

    response = client.post(reverse("dossier:family_add", args=[anh.uuid]), FATHER)
    assert response.status_code == 302
    member = FamilyMember.objects.get(person=anh)
    edit = reverse("dossier:family_edit", args=[anh.uuid, member.pk])
    assert client.get(edit).status_code == 200
    response = client.post(edit, {**FATHER, "fam-residence": "Điện Biên", "fam-version": member.version})
    assert response.status_code == 302
    assert FamilyMember.objects.get(pk=member.pk).residence == "Điện Biên"
    page = client.get(reverse("dossier:person", args=[anh.uuid])).content.decode()
    assert "Nguyễn Văn Bố" in page and "Điện Biên" in page
    assert "<td>1955</td>" in page  # a year, not a number with a thousands separator
    title = page.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "<" not in title and page.count('id="to-chuc"') == 1  # each section once, in the page's body
    assert client.post(reverse("dossier:family_delete", args=[anh.uuid, member.pk])).status_code == 302
    assert not FamilyMember.objects.filter(person=anh).exists()


def test_a_stale_edit_is_refused(client, alice, anh):
    member = family_member_add(user=alice, person=anh, data={"relation": "FATHER", "full_name": "A"})
    client.force_login(alice)

    response = client.post(
        reverse("dossier:family_edit", args=[anh.uuid, member.pk]),
        {**FATHER, "fam-version": member.version - 1},
    )

    assert response.status_code == 409
    assert FamilyMember.objects.get(pk=member.pk).full_name == "A"


def test_bad_family_input_is_shown_and_nothing_written(client, alice, anh):
    client.force_login(alice)

    response = client.post(
        reverse("dossier:family_add", args=[anh.uuid]),
        {**FATHER, "fam-relation": "CHILD", "fam-birth_year": "1970"},  # before the person's own birth
    )

    assert response.status_code == 400
    assert "Năm sinh của con không thể trước năm sinh của cán bộ." in response.content.decode()
    assert not FamilyMember.objects.exists()


def test_the_personal_history_is_saved(client, alice, anh):
    client.force_login(alice)

    response = client.post(
        reverse("dossier:history_save", args=[anh.uuid]),
        {"hist-detention": "Không", "hist-relatives_abroad": "Không"},
    )

    assert response.status_code == 302
    assert PersonalHistory.objects.get(person=anh).relatives_abroad == "Không"


def test_a_photo_is_uploaded_and_served_only_in_scope_never_cached(client, alice, charlie, anh, media):
    client.force_login(alice)

    assert (
        client.post(reverse("dossier:photo_upload", args=[anh.uuid]), {"photo-image": _png()}).status_code
        == 302
    )
    response = client.get(reverse("dossier:photo", args=[anh.uuid]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")

    client.force_login(charlie)
    assert client.get(reverse("dossier:photo", args=[anh.uuid])).status_code == 404


def test_a_file_that_is_not_an_image_is_refused(client, alice, anh, media):
    client.force_login(alice)
    fake = SimpleUploadedFile("anh.png", b"%PDF-1.4 not an image", content_type="image/png")

    response = client.post(reverse("dossier:photo_upload", args=[anh.uuid]), {"photo-image": fake})

    assert response.status_code == 400
    assert "Tệp không phải ảnh JPEG hoặc PNG hợp lệ." in response.content.decode()
    assert not PersonPhoto.objects.exists()


def test_another_units_officer_gets_404_before_403_or_400(client, charlie, anh):
    client.force_login(charlie)

    assert client.get(reverse("dossier:person", args=[anh.uuid])).status_code == 404
    assert client.post(reverse("dossier:family_add", args=[anh.uuid]), {}).status_code == 404
    assert client.post(reverse("dossier:history_save", args=[anh.uuid]), {}).status_code == 404


def test_a_leader_reads_but_cannot_write_and_does_not_see_the_family(client, bob, alice, anh):
    family_member_add(user=alice, person=anh, data={"relation": "MOTHER", "full_name": "Lò Thị Mẹ"})
    client.force_login(bob)

    page = client.get(reverse("dossier:person", args=[anh.uuid]))
    assert page.status_code == 200 and "Lò Thị Mẹ" not in page.content.decode()  # sensitive: group 2
    assert "Thông tin cá nhân nhạy cảm" in page.content.decode()
    assert "Thêm người thân" not in page.content.decode()
    assert (
        client.post(reverse("dossier:family_add", args=[anh.uuid]), {}).status_code == 403
    )  # before validation
    assert client.post(reverse("dossier:photo_upload", args=[anh.uuid]), {}).status_code == 403


def test_an_official_sees_their_own_dossier_read_only_and_no_one_elses(client, dana, anh):
    own = Person.objects.get(user=dana)
    client.force_login(dana)

    page = client.get(reverse("dossier:person", args=[own.uuid]))
    assert page.status_code == 200 and "đề nghị cập nhật" in page.content.decode()
    assert (
        client.post(reverse("dossier:history_save", args=[own.uuid]), {"hist-detention": "x"}).status_code
        == 403
    )
    assert client.get(reverse("dossier:person", args=[anh.uuid])).status_code == 404
