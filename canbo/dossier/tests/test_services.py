import datetime
import io

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from canbo.accounts.models import Role
from canbo.core.exceptions import ConflictError
from canbo.dossier.models import FamilyMember
from canbo.dossier.selectors import family_of, personal_history_of, photo_of
from canbo.dossier.services import (
    family_member_add,
    family_member_delete,
    family_member_update,
    person_photo_set,
    personal_history_save,
)
from tests.factories import OrgUnitFactory, PersonFactory, UserFactory, grant

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.MEDIA_ROOT = tmp_path
    unit, other = OrgUnitFactory(), OrgUnitFactory()
    person = PersonFactory(current_unit=unit, date_of_birth=datetime.date(1985, 5, 17))
    officer = grant(UserFactory(), Role.UNIT_OFFICER, unit)
    outsider = grant(UserFactory(), Role.UNIT_OFFICER, other)
    leader = grant(UserFactory(), Role.LEADER, unit)
    return person, officer, outsider, leader


def _png(size=(60, 80)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, "white").save(buffer, "PNG")
    return SimpleUploadedFile("x.gif", buffer.getvalue(), content_type="image/gif")


def test_family_in_the_forms_order_and_audited(world):
    person, officer, _outsider, _leader = world
    family_member_add(
        user=officer, person=person, data={"relation": "FATHER_IN_LAW", "full_name": "Lò Văn Ún"}
    )
    family_member_add(
        user=officer,
        person=person,
        data={"relation": "FATHER", "full_name": "  Lò  Văn Páo ", "birth_year": 1955},
    )
    names = [(m.side, m.full_name) for m in family_of(person=person)]
    assert names == [("OWN", "Lò Văn Páo"), ("SPOUSE", "Lò Văn Ún")]
    assert LogEntry.objects.get_for_model(FamilyMember).filter(actor=officer).count() == 2


def test_family_refuses_bad_input_all_at_once(world):
    person, officer, _outsider, _leader = world
    with pytest.raises(ValidationError) as caught:
        family_member_add(
            user=officer,
            person=person,
            data={"relation": "CHILD", "full_name": "Con\x07", "birth_year": 1970, "deceased_year": 1960},
        )
    assert set(caught.value.message_dict) >= {"full_name", "birth_year", "deceased_year"}
    with pytest.raises(ValidationError) as caught:
        family_member_add(user=officer, person=person, data={"relation": "COUSIN", "full_name": "A"})
    assert "relation" in caught.value.message_dict
    assert not FamilyMember.objects.exists()


def test_only_an_editor_of_the_persons_unit_writes(world):
    person, officer, outsider, leader = world
    for user in (outsider, leader):
        with pytest.raises(PermissionDenied):
            family_member_add(
                user=user, person=person, data={"relation": "MOTHER", "full_name": "Lò Thị Xuân"}
            )
        with pytest.raises(PermissionDenied):
            personal_history_save(user=user, person=person, data={"detention": "Không"})
        with pytest.raises(PermissionDenied):
            person_photo_set(user=user, person=person, upload=_png())
    member = family_member_add(
        user=officer, person=person, data={"relation": "MOTHER", "full_name": "Lò Thị X"}
    )
    with pytest.raises(PermissionDenied):
        family_member_delete(user=outsider, member=member)
    assert FamilyMember.objects.count() == 1


def test_stale_update_is_refused(world):
    person, officer, _outsider, _leader = world
    member = family_member_add(
        user=officer, person=person, data={"relation": "MOTHER", "full_name": "Lò Thị X"}
    )
    family_member_update(user=officer, member=member, data={"occupation": "Nông dân"}, expected_version=1)
    with pytest.raises(ConflictError):
        family_member_update(user=officer, member=member, data={"occupation": "Hưu trí"}, expected_version=1)


def test_personal_history_is_one_row_per_person(world):
    person, officer, _outsider, _leader = world
    personal_history_save(
        user=officer, person=person, data={"detention": "Không", "relatives_abroad": "Không"}
    )
    history = personal_history_save(
        user=officer, person=person, data={"relatives_abroad": "Em gái ở Nhật Bản"}, expected_version=1
    )
    assert personal_history_of(person=person) == history
    assert (history.detention, history.relatives_abroad, history.version) == ("Không", "Em gái ở Nhật Bản", 2)


def test_photo_type_is_read_from_the_content(world):
    person, officer, _outsider, _leader = world
    photo = person_photo_set(user=officer, person=person, upload=_png())
    assert photo.content_type == "image/png" and photo.image.name.endswith(".png")
    first = photo.image.name
    photo = person_photo_set(user=officer, person=person, upload=_png((30, 40)))
    assert photo_of(person=person).image.name == photo.image.name != first
    with pytest.raises(ValidationError):
        person_photo_set(
            user=officer,
            person=person,
            upload=SimpleUploadedFile("a.jpg", b"<html>", content_type="image/jpeg"),
        )
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, "GIF")
    with pytest.raises(ValidationError):
        person_photo_set(user=officer, person=person, upload=SimpleUploadedFile("a.png", buffer.getvalue()))
