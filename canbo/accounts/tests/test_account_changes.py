"""Issue 18.1 (the password door): nobody acts as a role holder by changing their account alone.

The system administrator (or a superuser) who could reset a board member's password, change their e-mail or
user name, lock/unlock them or mint them an API key could then sign in as them. Every door — the user admin,
its actions, the management commands, a script saving the model — either files a request a second person (an
active board member, neither the requester nor the user) approves, or is refused with a Vietnamese message.
"""

import datetime
from io import StringIO
from unittest import mock

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from canbo.accounts.account_changes import account_change_approve, account_change_request
from canbo.accounts.models import AccountChange, AccountChangeKind, AccountChangeStatus, Role, User
from canbo.notifications.models import Notification
from tests.factories import UserFactory, grant

pytestmark = pytest.mark.django_db
PASSWORD = "mat-khau-cu-2026"


@pytest.fixture
def member(tree):
    """A board member whose account the sysadmin would like to take over."""
    user = UserFactory(username="thanhvien", email="thanhvien@dienbien.gov.vn")
    user.set_password(PASSWORD)
    user.save()
    return grant(user, Role.PROVINCE_BOARD)


@pytest.fixture
def root(tree):
    return UserFactory(username="root", is_staff=True, is_superuser=True)


@pytest.fixture
def plain(tree):
    """An account with no role that opens personal data: the sysadmin manages it alone, as before."""
    return UserFactory(username="plain", email="plain@dienbien.gov.vn")


def _change_form_data(client, user) -> dict:
    """The user admin's change form as the browser would post it back unchanged."""
    response = client.get(reverse("admin:accounts_user_change", args=[user.pk]))
    assert response.status_code == 200
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None or name == "password":
            continue
        if isinstance(value, datetime.datetime):  # the admin's split date and time inputs
            local = timezone.localtime(value)
            data[f"{name}_0"], data[f"{name}_1"] = local.strftime("%d/%m/%Y"), local.strftime("%H:%M:%S")
            continue
        if isinstance(value, bool):
            if value:
                data[name] = "on"
            continue
        data[name] = value
    for formset in response.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management.initial.get(name, 0)
    return data


def _password_unchanged(user) -> bool:
    user.refresh_from_db()
    return user.check_password(PASSWORD)


@pytest.mark.parametrize("who", ["sysadmin", "root"])
def test_the_admin_password_page_of_a_role_holder_is_refused(client, request, who, member, plain):
    client.force_login(request.getfixturevalue(who))
    url = reverse("admin:auth_user_password_change", args=[member.pk])
    response = client.post(url, {"password1": "Mat-khau-moi-2026!", "password2": "Mat-khau-moi-2026!"})
    assert response.status_code == 403
    assert "phê duyệt" in response.content.decode()
    assert _password_unchanged(member)
    # An account without such a role: the sysadmin still resets it alone.
    plain_url = reverse("admin:auth_user_password_change", args=[plain.pk])
    assert client.get(plain_url).status_code == 200


@pytest.mark.parametrize("who", ["sysadmin", "root"])
def test_user_name_e_mail_and_lock_typed_in_the_form_become_requests(client, request, who, member, board2):
    actor = request.getfixturevalue(who)
    client.force_login(actor)
    data = _change_form_data(client, member)
    data.update(username="thanhvien2", email="ke-gian@example.com")
    data.pop("is_active", None)  # unticked: lock the account
    response = client.post(reverse("admin:accounts_user_change", args=[member.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]

    member.refresh_from_db()
    assert (member.username, member.email, member.is_active) == (
        "thanhvien",
        "thanhvien@dienbien.gov.vn",
        True,
    )
    filed = AccountChange.objects.filter(user=member, status=AccountChangeStatus.PENDING)
    assert {(c.kind, c.value, c.requested_by_id) for c in filed} == {
        (AccountChangeKind.USERNAME, "thanhvien2", actor.pk),
        (AccountChangeKind.EMAIL, "ke-gian@example.com", actor.pk),
        (AccountChangeKind.DEACTIVATE, "", actor.pk),
    }
    # The board is told, the requester is not asked to approve itself.
    assert Notification.objects.filter(user=board2, key__startswith="account:").count() == 3


def test_a_password_reset_needs_a_second_person_who_alone_sees_the_new_password(
    client, sysadmin, member, board2
):
    client.force_login(sysadmin)
    response = client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "request_password_reset", "_selected_action": [member.pk]},
        follow=True,
    )
    assert "đã gửi đề nghị" in response.content.decode()
    change = AccountChange.objects.get(user=member, kind=AccountChangeKind.PASSWORD)
    assert _password_unchanged(member)  # nothing changes on a request

    # The requester is no approver; neither is the account's own user.
    for who in (sysadmin, member):
        with pytest.raises(PermissionDenied):
            account_change_approve(actor=who, change=change)

    client.force_login(board2)
    page = client.get(reverse("accounts:role_requests")).content.decode()
    assert "Đặt lại mật khẩu" in page and "thanhvien" in page
    response = client.post(
        reverse("accounts:account_change_decide", args=[change.pk]), {"decision": "approve"}
    )
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    secret = response.context["secret"]
    assert secret in response.content.decode()
    member.refresh_from_db()
    assert member.check_password(secret) and not member.check_password(PASSWORD)
    change.refresh_from_db()
    assert (change.status, change.decided_by) == (AccountChangeStatus.APPLIED, board2)
    assert secret not in str(LogEntry.objects.filter(object_pk=str(change.pk)).values_list("changes"))


def test_deactivation_and_reactivation_take_effect_only_when_approved(sysadmin, member, board2):
    change = account_change_request(actor=sysadmin, user=member, kind=AccountChangeKind.DEACTIVATE)
    member.refresh_from_db()
    assert member.is_active
    account_change_approve(actor=board2, change=change)
    member.refresh_from_db()
    assert not member.is_active
    change = account_change_request(actor=sysadmin, user=member, kind=AccountChangeKind.REACTIVATE)
    account_change_approve(actor=board2, change=change)
    member.refresh_from_db()
    assert member.is_active
    entries = LogEntry.objects.get_for_object(member).filter(action=LogEntry.Action.UPDATE)
    assert [e.actor for e in entries] == [
        board2,
        board2,
    ]  # the account's own audit rows: who flipped the lock


def test_a_request_for_oneself_or_for_an_ordinary_account_is_refused(sysadmin, member, plain, alice):
    with pytest.raises(PermissionDenied):
        account_change_request(actor=member, user=member, kind=AccountChangeKind.PASSWORD)
    with pytest.raises(PermissionDenied):  # a unit officer files no account changes
        account_change_request(actor=alice, user=member, kind=AccountChangeKind.PASSWORD)
    with pytest.raises(Exception, match="không cần phê duyệt"):
        account_change_request(actor=sysadmin, user=plain, kind=AccountChangeKind.PASSWORD)


def test_a_script_or_changepassword_cannot_change_a_role_holders_account(member, plain):
    """The last line: User.save refuses what no approved request carries (shell-less commands included)."""
    new_password = mock.patch("getpass.getpass", return_value="Mat-khau-moi-2026!")
    with new_password, pytest.raises(PermissionDenied, match="phê duyệt"):
        call_command("changepassword", "thanhvien", stdout=StringIO())
    assert _password_unchanged(member)
    for field, value in (("email", "x@example.com"), ("username", "khac"), ("is_active", False)):
        user = User.objects.get(pk=member.pk)
        setattr(user, field, value)
        with pytest.raises(PermissionDenied):
            user.save()
    # An ordinary account, and the name fields of a role holder, are saved as before.
    with mock.patch("getpass.getpass", return_value="Mat-khau-moi-2026!"):
        call_command("changepassword", "plain", stdout=StringIO())
    user = User.objects.get(pk=member.pk)
    user.first_name = "Lan"
    user.save()


def test_the_holder_changes_their_own_password_signed_in(client, member):
    client.force_login(member)
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "Mat-khau-moi-2026!",
            "new_password2": "Mat-khau-moi-2026!",
        },
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password("Mat-khau-moi-2026!")


def test_a_role_holders_account_is_not_deleted_in_the_admin(client, sysadmin, member):
    client.force_login(sysadmin)
    assert client.get(reverse("admin:accounts_user_delete", args=[member.pk])).status_code == 403
    response = client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "delete_selected", "_selected_action": [member.pk], "post": "yes"},
    )
    assert response.status_code == 403
    assert User.objects.filter(pk=member.pk).exists()


def test_the_sysadmin_cannot_make_itself_superuser_or_join_groups(client, sysadmin):
    group = Group.objects.create(name="Toàn quyền")
    group.permissions.set(Permission.objects.all())
    client.force_login(sysadmin)
    data = _change_form_data(client, sysadmin)
    data.update(
        is_superuser="on", groups=[group.pk], user_permissions=[p.pk for p in Permission.objects.all()]
    )
    assert client.post(reverse("admin:accounts_user_change", args=[sysadmin.pk]), data).status_code == 302
    sysadmin.refresh_from_db()
    assert not sysadmin.is_superuser
    assert not sysadmin.groups.exists() and not sysadmin.user_permissions.exists()
    # Nor may it edit groups: Django permissions are not Canbo's access (roles are).
    assert client.get(reverse("admin:auth_group_add")).status_code == 403
    # A user it creates is no superuser either.
    response = client.post(
        reverse("admin:accounts_user_add"),
        {
            "username": "moi",
            "password1": "Mat-khau-moi-2026!",
            "password2": "Mat-khau-moi-2026!",
            "usable_password": "true",
            "is_superuser": "on",
            "role_assignments-TOTAL_FORMS": 0,
            "role_assignments-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302
    assert not User.objects.get(username="moi").is_superuser
