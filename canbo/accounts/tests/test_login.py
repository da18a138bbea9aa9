import pytest
from django.conf import settings
from django.contrib.auth.hashers import Argon2PasswordHasher

pytestmark = pytest.mark.django_db
LOGIN = "/tai-khoan/dang-nhap/"


def test_login_then_dashboard(client, alice):
    response = client.post(LOGIN, {"username": "alice", "password": "mat-khau-thu-nghiem"})
    assert response.status_code == 302
    assert client.get("/").status_code == 200


def test_wrong_password_message_is_vietnamese(client, alice):
    response = client.post(LOGIN, {"username": "alice", "password": "sai"})
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.content.decode()


def test_repeated_failures_lock_the_account(client, alice):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": "alice", "password": "sai"})
    response = client.post(LOGIN, {"username": "alice", "password": "mat-khau-thu-nghiem"})
    assert response.status_code == 429
    assert "Tạm khóa đăng nhập" in response.content.decode()


def test_anonymous_is_sent_to_login(client, db):
    response = client.get("/")
    assert response.status_code == 302 and response.url.startswith(LOGIN)


def test_production_hasher_is_argon2_and_sessions_expire():
    from config.settings import base

    assert base.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    assert Argon2PasswordHasher().encode("mat-khau", "saltsaltsalt").startswith("argon2$")
    assert base.SESSION_EXPIRE_AT_BROWSER_CLOSE and base.SESSION_COOKIE_AGE <= 8 * 3600


def test_an_english_browser_still_gets_vietnamese(client, db):
    response = client.get(LOGIN, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "vi"
    assert "Tên đăng nhập" in response.content.decode()


def test_the_interface_is_vietnamese_only_even_when_english_is_asked_for(client, db):
    client.post("/i18n/setlang/", {"language": "en", "next": LOGIN})
    response = client.get(LOGIN, HTTP_ACCEPT_LANGUAGE="en")
    assert response["Content-Language"] == "vi"
    assert "Tên đăng nhập" in response.content.decode()
    assert 'action="/i18n/setlang/"' not in response.content.decode()  # no language switch (decision 026)


def test_a_users_name_reads_in_the_vietnamese_order(db):
    from canbo.accounts.models import User

    assert User(first_name="Tiến Sơn", last_name="Đặng").get_full_name() == "Đặng Tiến Sơn"
    assert User(first_name="", last_name="").get_full_name() == ""
