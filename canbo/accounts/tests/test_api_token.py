"""API keys: `Authorization: Token <key>` opens the API as the key's user, scoped like any other door."""

from datetime import timedelta
from io import StringIO

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from canbo.accounts.account_changes import account_change_approve
from canbo.accounts.models import AccountChange, ApiToken, Role
from canbo.accounts.services import user_save_for_seed
from canbo.accounts.tokens import api_token_issue, api_token_revoke
from tests.factories import UserFactory, grant

PERSONS = "/api/v1/persons/"


def with_key(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_a_key_opens_the_api_as_its_user_in_her_scope(alice, anh, outsider_person):
    _token, key = api_token_issue(user=alice, name="Phần mềm thống kê", approved=True)

    response = with_key(key).get(PERSONS)

    assert response.status_code == 200
    names = [row["full_name"] for row in response.json()["results"]]
    assert names == ["Nguyễn Văn Ánh"]  # dept_b's person stays outside alice's scope


def test_only_the_digest_is_stored(alice):
    token, key = api_token_issue(user=alice, name="Thống kê", approved=True)

    stored = ApiToken.objects.get(pk=token.pk)
    assert key not in (stored.digest, stored.prefix, stored.name)
    assert stored.prefix == key[:8] and len(stored.digest) == 64


def refused(response) -> bool:
    """Refused by the key check (403: the session class, listed first, names no WWW-Authenticate scheme)."""
    return response.status_code in (401, 403) and response.json()["code"] == "authentication_failed"


def test_a_wrong_revoked_or_disabled_key_is_refused(alice, anh):
    token, key = api_token_issue(user=alice, name="Thống kê", approved=True)
    assert refused(with_key(key + "x").get(PERSONS))

    api_token_revoke(token=token)
    assert refused(with_key(key).get(PERSONS))

    _token, other = api_token_issue(user=alice, name="Khác", approved=True)
    alice.is_active = False
    user_save_for_seed(alice)
    assert refused(with_key(other).get(PERSONS))


def test_each_refusal_says_why_in_vietnamese(alice, anh):
    token, key = api_token_issue(user=alice, name="Thống kê", approved=True)
    assert (
        with_key("khong-phai-khoa").get(PERSONS).json()["detail"]
        == "Khóa API không hợp lệ hoặc đã bị thu hồi."
    )

    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    response = with_key(key).get(PERSONS)
    assert refused(response) and "đã hết hạn ngày" in response.json()["detail"]

    _token, other = api_token_issue(user=alice, name="Khác", approved=True)
    alice.is_active = False
    user_save_for_seed(alice)
    response = with_key(other).get(PERSONS)
    assert refused(response) and response.json()["detail"] == "Tài khoản của khóa API này đang bị khóa."


def test_a_key_lives_a_year_unless_issued_for_fewer_days(alice, anh):
    token, key = api_token_issue(user=alice, name="Thống kê", approved=True)
    assert timedelta(days=364) < token.expires_at - timezone.now() <= timedelta(days=365)

    short, short_key = api_token_issue(user=alice, name="Thử", approved=True, valid_days=1)
    assert with_key(short_key).get(PERSONS).status_code == 200
    with pytest.raises(ValueError, match="Thời hạn"):
        api_token_issue(user=alice, name="Mãi mãi", approved=True, valid_days=0)


def test_a_key_costs_one_query_and_no_password_hash(alice, anh):
    _token, key = api_token_issue(user=alice, name="Thống kê", approved=True)
    client = with_key(key)
    client.get(PERSONS)  # the day's last-used mark is written once
    with CaptureQueriesContext(connection) as queries:
        assert client.get(PERSONS).status_code == 200
    assert sum("accounts_apitoken" in q["sql"] for q in queries.captured_queries) == 1
    assert not any("UPDATE" in q["sql"] and "accounts_apitoken" in q["sql"] for q in queries.captured_queries)


def test_no_key_for_an_inactive_account_or_without_a_name(alice):
    with pytest.raises(ValueError, match="tên"):
        api_token_issue(user=alice, name="  ", approved=True)
    alice.is_active = False
    user_save_for_seed(alice)
    with pytest.raises(ValueError, match="bị khóa"):
        api_token_issue(user=alice, name="Thống kê", approved=True)


def test_the_command_issues_lists_and_revokes_with_an_audit_trail(tree, anh):
    program = UserFactory(username="alice")  # an account without a role that opens personal data
    out = StringIO()
    call_command("api_token", "issue", "alice", "--name", "Thống kê", "--days", "30", stdout=out)
    key = out.getvalue().splitlines()[1]
    grant(program, Role.UNIT_OFFICER, tree["dept_a"])
    assert with_key(key).get(PERSONS).status_code == 200
    assert ApiToken.objects.get().expires_at - timezone.now() <= timedelta(days=30)

    out = StringIO()
    call_command("api_token", "list", stdout=out)
    assert key[:8] in out.getvalue() and key not in out.getvalue()

    call_command("api_token", "revoke", key[:8], stdout=StringIO())
    assert refused(with_key(key).get(PERSONS))
    token = ApiToken.objects.get()
    assert LogEntry.objects.get_for_object(token).count() == 2  # issued, revoked
    assert all("digest" not in (e.changes or "") for e in LogEntry.objects.get_for_object(token))


def test_the_command_refuses_an_unknown_user_or_key(alice):
    with pytest.raises(CommandError, match="Không có người dùng"):
        call_command("api_token", "issue", "nobody", "--name", "x", stdout=StringIO())
    with pytest.raises(CommandError, match="Không có khóa"):
        call_command("api_token", "revoke", "abcdefgh", stdout=StringIO())


def test_a_role_holders_key_is_never_issued_by_one_person(alice, anh, board, board2):
    """Issue 18.1: a key acts as its user — the sysadmin on the server cannot mint one for an officer."""
    with pytest.raises(PermissionDenied, match="phê duyệt"):
        api_token_issue(user=alice, name="Thống kê")

    out = StringIO()
    call_command("api_token", "issue", "alice", "--name", "Thống kê", stdout=out)
    assert "đã gửi đề nghị" in out.getvalue()
    assert not ApiToken.objects.exists()  # nothing printed, nothing issued
    change = AccountChange.objects.get(user=alice)
    assert change.requested_by is None and change.value == "Thống kê"

    _change, key = account_change_approve(actor=board, change=change)
    assert with_key(key).get(PERSONS).status_code == 200
    assert ApiToken.objects.get().created_by == board
