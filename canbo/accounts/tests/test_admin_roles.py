"""Every door to a role assignment goes through the services: the admin's add form, the user's inline, the
admin's actions, the board's page and the commands. Nobody gives themselves a role, and a role that opens
personal data takes effect only when a second person, a board member, approves it."""

from io import StringIO

import pytest
from django.contrib.messages import get_messages
from django.core.management import CommandError, call_command
from django.urls import reverse

from canbo.accounts.models import AssignmentStatus, Role, RoleAssignment, User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ADD = "admin:accounts_roleassignment_add"
CHANGELIST = "admin:accounts_roleassignment_changelist"


def _staff(user):
    User.objects.filter(pk=user.pk).update(is_staff=True)
    user.refresh_from_db()
    return user


@pytest.fixture
def moi(tree):
    return UserFactory(username="moi")


def _sees_anh(client, user, anh) -> bool:
    client.force_login(user)
    return client.get(reverse("people:detail", args=[anh.uuid])).status_code == 200


def _action(client, name, *assignments):
    return client.post(
        reverse(CHANGELIST), {"action": name, "_selected_action": [a.pk for a in assignments]}, follow=True
    )


def _texts(response) -> str:
    return " ".join(str(m) for m in get_messages(response.wsgi_request))


# --- the add form ----------------------------------------------------------------------------------------


def test_the_sysadmin_cannot_give_itself_the_board_role(client, sysadmin, anh):
    client.force_login(sysadmin)
    response = client.post(reverse(ADD), {"user": sysadmin.pk, "role": Role.PROVINCE_BOARD})
    assert response.status_code == 200
    assert "chính mình" in response.content.decode()
    assert not RoleAssignment.objects.filter(user=sysadmin, role=Role.PROVINCE_BOARD).exists()
    assert not _sees_anh(client, sysadmin, anh)


def test_adding_a_role_for_someone_else_files_a_request_that_opens_nothing(client, sysadmin, moi, tree, anh):
    client.force_login(sysadmin)
    response = client.post(
        reverse(ADD),
        # status and approver in the POST are ignored: they are not fields of the form
        {"user": moi.pk, "role": Role.UNIT_OFFICER, "unit": tree["dept_a"].pk, "status": "ACTIVE"},
    )
    assert response.status_code == 302
    assignment = RoleAssignment.objects.get(user=moi)
    assert assignment.status == AssignmentStatus.PENDING and assignment.requested_by == sysadmin
    assert assignment.decided_by is None
    assert not _sees_anh(client, moi, anh)


def test_the_add_form_offers_no_status_or_approver(client, sysadmin):
    client.force_login(sysadmin)
    form = client.get(reverse(ADD)).context["adminform"].form
    assert set(form.fields) == {"user", "role", "unit"}


# --- the change form and deletion ------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["sysadmin", "board"])
def test_nobody_flips_the_status_in_the_change_form(client, request, who, moi):
    assignment = RoleAssignment.objects.create(user=moi, role=Role.PROVINCE_BOARD, requested_by=UserFactory())
    client.force_login(_staff(request.getfixturevalue(who)))
    url = reverse("admin:accounts_roleassignment_change", args=[assignment.pk])
    assert client.get(url).status_code == 200  # read only
    response = client.post(url, {"user": moi.pk, "role": Role.PROVINCE_BOARD, "status": "ACTIVE"})
    assert response.status_code == 403
    delete = reverse("admin:accounts_roleassignment_delete", args=[assignment.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.PENDING


# --- the actions -----------------------------------------------------------------------------------------


def test_the_sysadmin_is_offered_no_approval_and_its_approval_does_nothing(client, sysadmin, board, moi):
    client.force_login(board)
    assignment = RoleAssignment.objects.create(user=moi, role=Role.PROVINCE_BOARD, requested_by=board)
    client.force_login(sysadmin)
    choices = dict(client.get(reverse(CHANGELIST)).context["action_form"].fields["action"].choices)
    assert "approve" not in choices and "reject" not in choices and "revoke" in choices
    _action(client, "approve", assignment)
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.PENDING


def test_a_board_member_approves_in_the_admin_and_access_follows(client, sysadmin, board, moi, tree, anh):
    client.force_login(sysadmin)
    client.post(reverse(ADD), {"user": moi.pk, "role": Role.LEADER, "unit": tree["dept_a"].pk})
    assignment = RoleAssignment.objects.get(user=moi)
    client.force_login(_staff(board))
    response = _action(client, "approve", assignment)
    assert "Đã phê duyệt 1" in _texts(response)
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.ACTIVE and assignment.decided_by == board
    assert _sees_anh(client, moi, anh)


def test_the_requester_cannot_approve_its_own_request_in_the_admin(client, board, moi):
    client.force_login(_staff(board))
    client.post(reverse(ADD), {"user": moi.pk, "role": Role.PROVINCE_BOARD})
    assignment = RoleAssignment.objects.get(user=moi)
    response = _action(client, "approve", assignment)
    assert "người thứ hai" in _texts(response)
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.PENDING


def test_revoking_in_the_admin_ends_access_at_the_next_request(client, sysadmin, alice, anh):
    assert _sees_anh(client, alice, anh)
    client.force_login(sysadmin)
    _action(client, "revoke", RoleAssignment.objects.get(user=alice))
    assert RoleAssignment.objects.get(user=alice).status == AssignmentStatus.REVOKED
    assert not _sees_anh(client, alice, anh)


def test_unit_staff_do_not_see_role_assignments(client, alice):
    client.force_login(_staff(alice))
    assert client.get(reverse(CHANGELIST)).status_code == 403
    assert client.get(reverse(ADD)).status_code == 403


# --- the inline on the user's page -----------------------------------------------------------------------


def _user_form(user, prefix="role_assignments", rows=None, initial=0):
    data = {
        "username": user.username,
        "first_name": "",
        "last_name": "",
        "email": "",
        "is_active": "on",
        "date_joined_0": "01/01/2026",
        "date_joined_1": "08:00:00",
        f"{prefix}-TOTAL_FORMS": str(initial + len(rows or [])),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for i, row in enumerate(rows or [], start=initial):
        data.update({f"{prefix}-{i}-{k}": v for k, v in row.items()})
        data[f"{prefix}-{i}-user"] = user.pk
    return data


def test_a_row_added_in_the_users_inline_is_a_pending_request(client, sysadmin, moi, tree, anh):
    client.force_login(sysadmin)
    url = reverse("admin:accounts_user_change", args=[moi.pk])
    response = client.post(
        url, _user_form(moi, rows=[{"role": Role.UNIT_OFFICER, "unit": tree["dept_a"].pk}])
    )
    assert response.status_code == 302, response.context["errors"]
    assignment = RoleAssignment.objects.get(user=moi)
    assert assignment.status == AssignmentStatus.PENDING and assignment.requested_by == sysadmin
    assert not _sees_anh(client, moi, anh)


def test_the_sysadmin_cannot_give_itself_a_role_in_its_own_inline(client, sysadmin):
    client.force_login(sysadmin)
    url = reverse("admin:accounts_user_change", args=[sysadmin.pk])
    existing = RoleAssignment.objects.get(user=sysadmin)
    data = _user_form(sysadmin, rows=[{"role": Role.PROVINCE_BOARD}], initial=1)
    data.update({"role_assignments-0-id": existing.pk, "role_assignments-0-user": sysadmin.pk})
    response = client.post(url, data)
    assert response.status_code == 200
    assert "chính mình" in response.content.decode()
    assert list(RoleAssignment.objects.filter(user=sysadmin).values_list("role", flat=True)) == [
        Role.SYSADMIN
    ]


def test_existing_rows_in_the_inline_are_read_only(client, sysadmin, board, alice, tree):
    client.force_login(sysadmin)
    existing = RoleAssignment.objects.get(user=alice)
    data = _user_form(alice, initial=1)
    data.update(
        {
            "role_assignments-0-id": existing.pk,
            "role_assignments-0-user": alice.pk,
            "role_assignments-0-role": Role.PROVINCE_BOARD,
            "role_assignments-0-status": "ACTIVE",
        }
    )
    client.post(reverse("admin:accounts_user_change", args=[alice.pk]), data)
    existing.refresh_from_db()
    assert existing.role == Role.UNIT_OFFICER and existing.unit == tree["dept_a"]


# --- the board's page ------------------------------------------------------------------------------------


def test_the_board_approves_on_its_page(client, sysadmin, board, moi, anh, tree):
    client.force_login(sysadmin)
    client.post(reverse(ADD), {"user": moi.pk, "role": Role.LEADER, "unit": tree["dept_a"].pk})
    assignment = RoleAssignment.objects.get(user=moi)
    client.force_login(board)
    page = client.get(reverse("accounts:role_requests"))
    assert page.status_code == 200 and "moi" in page.content.decode()
    client.post(reverse("accounts:role_request_decide", args=[assignment.pk]), {"decision": "approve"})
    assert RoleAssignment.objects.get(pk=assignment.pk).status == AssignmentStatus.ACTIVE
    assert _sees_anh(client, moi, anh)


def test_the_board_rejects_on_its_page(client, sysadmin, board, moi):
    assignment = RoleAssignment.objects.create(user=moi, role=Role.OFFICIAL, requested_by=sysadmin)
    client.force_login(board)
    client.post(reverse("accounts:role_request_decide", args=[assignment.pk]), {"decision": "reject"})
    assert RoleAssignment.objects.get(pk=assignment.pk).status == AssignmentStatus.REJECTED


def test_the_requester_cannot_approve_its_own_request_on_the_page(client, board, moi):
    assignment = RoleAssignment.objects.create(user=moi, role=Role.PROVINCE_BOARD, requested_by=board)
    client.force_login(board)
    assert (
        "Cần một thành viên Ban Tổ chức khác"
        in client.get(reverse("accounts:role_requests")).content.decode()
    )
    response = client.post(
        reverse("accounts:role_request_decide", args=[assignment.pk]), {"decision": "approve"}, follow=True
    )
    assert "người thứ hai" in _texts(response)
    assert RoleAssignment.objects.get(pk=assignment.pk).status == AssignmentStatus.PENDING


@pytest.mark.parametrize("who", ["sysadmin", "alice", "standing"])
def test_only_the_board_opens_the_page(client, request, who, moi):
    assignment = RoleAssignment.objects.create(user=moi, role=Role.OFFICIAL, requested_by=UserFactory())
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("accounts:role_requests")).status_code == 403
    decide = reverse("accounts:role_request_decide", args=[assignment.pk])
    assert client.post(decide, {"decision": "approve"}).status_code == 403
    assert RoleAssignment.objects.get(pk=assignment.pk).status == AssignmentStatus.PENDING


# --- the commands ----------------------------------------------------------------------------------------


def test_bootstrap_board_gives_the_first_board_member_and_refuses_a_second(tree, moi):
    call_command("bootstrap_board", "moi", stdout=StringIO())
    assert RoleAssignment.objects.get(user=moi).status == AssignmentStatus.ACTIVE
    UserFactory(username="thu-hai")
    with pytest.raises(CommandError, match="Đã có thành viên Ban Tổ chức"):
        call_command("bootstrap_board", "thu-hai", stdout=StringIO())
    assert not RoleAssignment.objects.filter(user__username="thu-hai").exists()


def test_bootstrap_board_refuses_when_the_board_exists(board, moi):
    with pytest.raises(CommandError):
        call_command("bootstrap_board", "moi", stdout=StringIO())


def test_bootstrap_board_names_an_unknown_user(db):
    with pytest.raises(CommandError, match="Không có người dùng"):
        call_command("bootstrap_board", "khong-co", stdout=StringIO())
