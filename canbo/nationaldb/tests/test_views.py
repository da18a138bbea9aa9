"""The sync page, the resend button and the access log, at every door: right user, wrong user, outside the unit."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from canbo.nationaldb.models import AccessLogEntry, OutboxItem, OutboxState
from canbo.people.services import person_update

pytestmark = pytest.mark.django_db
SYNC = reverse("nationaldb:sync")


def test_the_sync_page_lists_the_officers_items_and_not_another_units(client, alice, anh, outsider_person):
    client.force_login(alice)
    page = client.get(SYNC).content.decode()
    assert anh.full_name in page and outsider_person.full_name not in page
    assert "Hồ sơ chưa đồng bộ theo đơn vị" in page


@pytest.mark.parametrize("who", ["bob", "dana", "sysadmin"])
def test_leaders_officials_and_the_sysadmin_may_not_open_the_sync_page(client, request, who, anh):
    client.force_login(request.getfixturevalue(who))
    assert client.get(SYNC).status_code == 403
    assert client.post(reverse("nationaldb:approve")).status_code == 403


def test_the_board_approves_from_the_page_and_the_approval_is_recorded(client, board, anh):
    client.force_login(board)
    assert client.post(reverse("nationaldb:approve")).status_code == 302
    item = OutboxItem.objects.filter(person=anh).first()
    assert item.batch.approved_by == board


def test_a_refused_item_shows_the_field_the_reason_and_the_link_to_fix_it(client, alice, anh):
    person_update(actor=alice, person=anh, data={"religion": "Phật giáo"})
    item = OutboxItem.objects.filter(person=anh).latest("id")
    OutboxItem.objects.filter(pk=item.pk).update(
        state=OutboxState.REFUSED,
        refused_field="1.14",
        refusal_reason="Giá trị “Phật giáo ” không có trong danh mục (mô phỏng).",
    )
    client.force_login(alice)
    page = client.get(SYNC + "?xem=refused").content.decode()
    assert "1.14 Tôn giáo" in page and "mô phỏng" in page
    assert reverse("people:edit", args=[anh.uuid]) in page

    assert client.post(reverse("nationaldb:resend", args=[item.pk])).status_code == 302
    item.refresh_from_db()
    assert item.state == OutboxState.WAITING


def test_resending_another_units_item_answers_404(client, charlie, anh):
    item = OutboxItem.objects.filter(person=anh).first()
    client.force_login(charlie)
    assert client.post(reverse("nationaldb:resend", args=[item.pk])).status_code == 404


def test_an_officer_opening_a_profile_is_logged_and_the_official_sees_it(client, alice, dana):
    person = dana.person
    client.force_login(alice)
    client.get(reverse("people:detail", args=[person.uuid]), REMOTE_ADDR="10.1.2.3")
    client.get(reverse("people:history", args=[person.uuid]))
    entries = AccessLogEntry.objects.filter(person=person)
    assert {(e.viewer, e.part) for e in entries} == {(alice, "PROFILE"), (alice, "HISTORY")}
    assert entries.get(part="PROFILE").remote_addr == "10.1.2.3"

    client.force_login(dana)
    client.get(reverse("people:detail", args=[person.uuid]))  # her own look is not logged
    assert AccessLogEntry.objects.filter(person=person).count() == 2
    page = client.get(reverse("nationaldb:my_access")).content.decode()
    assert "alice" in page and "Sơ yếu lý lịch" in page and "10.1.2.3" in page


def test_a_refused_profile_view_outside_the_unit_logs_nothing(client, charlie, anh):
    client.force_login(charlie)
    assert client.get(reverse("people:detail", args=[anh.uuid])).status_code == 404
    assert not AccessLogEntry.objects.exists()


def test_the_board_audits_the_log_by_unit_and_an_officer_sees_only_their_units(
    client, board, alice, charlie, anh, outsider_person
):
    client.force_login(board)
    client.get(reverse("people:detail", args=[anh.uuid]))
    client.get(reverse("people:detail", args=[outsider_person.uuid]))
    audit = reverse("nationaldb:access_audit")
    page = client.get(audit + f"?don_vi={anh.current_unit.code}").content.decode()
    assert anh.full_name in page and outsider_person.full_name not in page

    client.force_login(charlie)
    page = client.get(audit).content.decode()
    assert outsider_person.full_name in page and anh.full_name not in page


def test_an_official_may_not_open_the_audit(client, dana):
    client.force_login(dana)
    assert client.get(reverse("nationaldb:access_audit")).status_code == 403


def test_an_official_records_and_withdraws_their_own_consent_and_no_one_else_can(dana, alice):
    from canbo.nationaldb.models import Consent
    from canbo.nationaldb.services import consent_grant, consent_withdraw

    person = dana.person
    consent = consent_grant(user=dana, person=person, purpose="RESEARCH")
    assert consent_grant(user=dana, person=person, purpose="RESEARCH") == consent  # one open consent per use
    with pytest.raises(PermissionDenied):
        consent_grant(user=alice, person=person, purpose="SHARE_OUTSIDE")
    assert consent_withdraw(user=dana, person=person, purpose="RESEARCH") == 1
    assert Consent.objects.get().withdrawn_at is not None  # kept, ended
