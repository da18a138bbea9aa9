import pytest
from auditlog.models import LogEntry
from django.contrib.admin.sites import site
from django.urls import reverse

from canbo.accounts.models import AssignmentStatus, Role, RoleAssignment, User
from canbo.people.models import Rank
from tests.factories import UserFactory, grant

pytestmark = pytest.mark.django_db


def _staff(user):
    User.objects.filter(pk=user.pk).update(is_staff=True)
    user.refresh_from_db()
    return user


@pytest.fixture
def superuser(tree):
    return UserFactory(username="root", is_staff=True, is_superuser=True)


# --- personal data: read only and scoped --------------------------------------------------------------------


def test_staff_unit_officer_sees_only_their_units_persons(client, alice, anh, outsider_person):
    client.force_login(_staff(alice))
    response = client.get(reverse("admin:people_person_changelist"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nguyễn Văn Ánh" in html and "Trần Thị Bích" not in html
    assert (
        client.get(reverse("admin:people_person_change", args=[outsider_person.pk])).status_code == 404
    )  # not the redirect: existence undisclosed


def test_staff_board_sees_every_person(client, board, anh, outsider_person):
    client.force_login(_staff(board))
    html = client.get(reverse("admin:people_person_changelist")).content.decode()
    assert "Nguyễn Văn Ánh" in html and "Trần Thị Bích" in html


def test_unaccented_search_works_in_the_admin(client, board, anh, outsider_person):
    client.force_login(_staff(board))
    html = client.get(reverse("admin:people_person_changelist"), {"q": "nguyen van anh"}).content.decode()
    assert "Nguyễn Văn Ánh" in html and "Trần Thị Bích" not in html


def test_persons_are_read_only_in_the_admin_and_link_to_the_app(client, board, anh):
    client.force_login(_staff(board))
    url = reverse("admin:people_person_change", args=[anh.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert reverse("people:detail", args=[anh.uuid]) in response.content.decode()
    assert client.post(url, {"full_name": "Đổi tên"}).status_code == 403
    assert client.get(reverse("admin:people_person_add")).status_code == 403
    assert (
        client.post(reverse("admin:people_person_delete", args=[anh.pk]), {"post": "yes"}).status_code == 403
    )
    anh.refresh_from_db()
    assert anh.full_name == "Nguyễn Văn Ánh"


def test_employments_and_qualifications_are_scoped(client, alice, anh, outsider_person):
    client.force_login(_staff(alice))
    html = client.get(reverse("admin:people_employment_changelist")).content.decode()
    assert "Nguyễn Văn Ánh" in html and "Trần Thị Bích" not in html
    assert client.get(reverse("admin:people_qualification_changelist")).status_code == 200


def test_sysadmin_sees_no_personal_data_in_the_admin(client, sysadmin, anh):
    client.force_login(sysadmin)
    assert client.get(reverse("admin:people_person_changelist")).status_code == 403
    assert client.get(reverse("admin:people_employment_changelist")).status_code == 403
    index = client.get(reverse("admin:index")).content.decode()
    assert "/quan-tri/people/person/" not in index


def test_a_superuser_without_a_unit_role_sees_no_persons(client, superuser, anh):
    client.force_login(superuser)
    assert client.get(reverse("admin:people_person_changelist")).status_code == 403


# --- catalogues, users and roles: the system administrator's -----------------------------------------------


def test_sysadmin_manages_catalogues(client, sysadmin):
    client.force_login(sysadmin)
    assert client.get(reverse("admin:people_rank_changelist")).status_code == 200
    response = client.post(
        reverse("admin:people_rank_add"),
        {"code": "99.901", "name": "Ngạch thử nghiệm", "pay_group": "A1", "valid_from": "01/01/2021"},
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Rank.objects.filter(code="99.901").exists()
    assert client.get(reverse("admin:org_orgunit_changelist")).status_code == 200


def test_sysadmin_manages_users_and_role_assignments(client, sysadmin, tree):
    client.force_login(sysadmin)
    assert client.get(reverse("admin:accounts_user_changelist")).status_code == 200
    assert client.get(reverse("admin:accounts_roleassignment_changelist")).status_code == 200
    user = UserFactory(username="moi")
    response = client.post(
        reverse("admin:accounts_roleassignment_add"),
        {"user": user.pk, "role": Role.LEADER, "unit": tree["dept_b"].pk},
    )
    assert response.status_code == 302
    assignment = RoleAssignment.objects.get(user=user, role=Role.LEADER, unit=tree["dept_b"])
    assert assignment.status == AssignmentStatus.PENDING  # a request: the board approves it


def test_a_role_needing_a_unit_without_one_is_refused(client, sysadmin, tree):
    client.force_login(sysadmin)
    user = UserFactory(username="moi")
    response = client.post(
        reverse("admin:accounts_roleassignment_add"), {"user": user.pk, "role": Role.LEADER}
    )
    assert response.status_code == 200
    assert not RoleAssignment.objects.filter(user=user).exists()


def test_sysadmin_cannot_grant_superuser_status_or_permissions(rf, sysadmin):
    request = rf.get("/")
    request.user = sysadmin
    readonly = site._registry[User].get_readonly_fields(request, sysadmin)
    assert {"is_superuser", "groups", "user_permissions"} <= set(readonly)


def test_sysadmin_cannot_change_a_superuser(client, sysadmin, superuser):
    client.force_login(sysadmin)
    response = client.post(reverse("admin:accounts_user_change", args=[superuser.pk]), {"username": "x"})
    assert response.status_code == 403


@pytest.mark.parametrize("who", ["alice", "bob"])
def test_unit_staff_cannot_manage_users_or_catalogues(client, request, who):
    user = _staff(request.getfixturevalue(who))
    client.force_login(user)
    assert client.get(reverse("admin:accounts_user_changelist")).status_code == 403
    assert client.get(reverse("admin:people_rank_changelist")).status_code == 403
    assert client.get(reverse("admin:auditlog_logentry_changelist")).status_code == 403


def test_non_staff_users_do_not_enter_the_admin(client, alice):
    client.force_login(alice)
    assert client.get(reverse("admin:index")).status_code == 302


# --- the audit log: read only for everybody -----------------------------------------------------------------


def test_nobody_adds_changes_or_deletes_audit_rows(client, superuser, board, alice, anh):
    from canbo.people.services import person_update

    person_update(actor=alice, person=anh, data={"phone": "0912345678"})
    entry = LogEntry.objects.get_for_object(anh).filter(action=LogEntry.Action.UPDATE).get()
    grant(superuser, Role.PROVINCE_BOARD)  # even a superuser who reads every row
    for user in (superuser, _staff(board)):
        client.force_login(user)
        assert client.get(reverse("admin:auditlog_logentry_changelist")).status_code == 200
        assert client.get(reverse("admin:auditlog_logentry_add")).status_code == 403
        url = reverse("admin:auditlog_logentry_change", args=[entry.pk])
        response = client.get(url)
        assert response.status_code == 200 and "0912345678" in response.content.decode()
        assert client.post(url, {"object_repr": "x"}).status_code == 403
        delete = reverse("admin:auditlog_logentry_delete", args=[entry.pk])
        assert client.post(delete, {"post": "yes"}).status_code == 403
        client.post(
            reverse("admin:auditlog_logentry_changelist"),
            {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"},
        )
    entry.refresh_from_db()
    assert entry.object_repr == "Nguyễn Văn Ánh"


def test_sysadmin_reads_audit_rows_but_not_those_of_personal_data(client, sysadmin, alice, anh):
    client.force_login(sysadmin)
    response = client.get(reverse("admin:auditlog_logentry_changelist"))
    assert response.status_code == 200
    shown = set(response.context["cl"].queryset.values_list("content_type__model", flat=True))
    assert "person" not in shown and "employment" not in shown
    assert "orgunit" in shown


def test_board_reads_every_audit_row(client, board, anh):
    client.force_login(_staff(board))
    response = client.get(reverse("admin:auditlog_logentry_changelist"))
    assert "person" in set(response.context["cl"].queryset.values_list("content_type__model", flat=True))


def test_official_with_staff_flag_sees_nothing_personal(client, dana, anh):
    client.force_login(_staff(dana))
    assert client.get(reverse("admin:people_person_changelist")).status_code == 403
    assert client.get(reverse("admin:people_employment_changelist")).status_code == 403


def test_sysadmin_opens_a_user_with_the_role_inline_and_finds_units_by_name(client, sysadmin, alice):
    client.force_login(sysadmin)
    response = client.get(reverse("admin:accounts_user_change", args=[alice.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    # alice's assignment is shown read only; the empty row files a new request
    assert "role_assignments-0-unit" not in html and "role_assignments-1-unit" in html
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "accounts", "model_name": "roleassignment", "field_name": "unit", "term": "Sở A"},
    )
    assert response.status_code == 200
    assert "Văn phòng Sở A" in [row["text"] for row in response.json()["results"]]
