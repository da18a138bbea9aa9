"""The site's own Vietnamese error pages: 400, 403 (refusals and CSRF failures), 404 and 500."""

import pytest
from django.template import loader
from django.test import Client
from django.urls import reverse


@pytest.mark.django_db
def test_a_missing_page_answers_the_vietnamese_404_for_anonymous_users():
    response = Client().get("/khong-co-trang-nay/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "Không tìm thấy trang" in html
    assert 'href="/"' in html and "Về trang chủ" in html
    assert 'class="brand"' in html  # the site's header


def test_a_missing_page_keeps_the_navigation_for_a_signed_in_user(client, alice):
    client.force_login(alice)

    response = client.get("/can-bo/khong-co/")

    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()
    assert "Đăng xuất" in response.content.decode()


def test_a_refusal_shows_the_reason_given_by_the_view(client, alice):
    client.force_login(alice)  # a unit officer: only the board creates planning terms

    response = client.get(reverse("planning:term_create"))

    assert response.status_code == 403
    html = response.content.decode()
    assert "Không có quyền truy cập" in html
    assert "Chỉ Ban Tổ chức Tỉnh ủy được lập nhiệm kỳ quy hoạch." in html
    assert "Về trang chủ" in html


@pytest.mark.django_db
def test_a_form_without_its_csrf_token_gets_the_vietnamese_csrf_page():
    client = Client(enforce_csrf_checks=True)

    response = client.post(reverse("accounts:login"), {"username": "x", "password": "y"})

    assert response.status_code == 403
    html = response.content.decode()
    assert "Phiên làm việc đã hết hạn" in html
    assert "cookie" in html  # no CSRF cookie was sent
    assert "Về trang chủ" in html


@pytest.mark.django_db
def test_a_request_for_an_unknown_host_answers_the_vietnamese_400():
    response = Client().get("/", HTTP_HOST="ke-gia-mao.example")

    assert response.status_code == 400
    assert "Yêu cầu không hợp lệ" in response.content.decode()


def test_the_500_page_needs_neither_a_request_nor_the_database():
    html = loader.get_template("500.html").render()  # no django_db mark: a query would fail the test

    assert "Lỗi hệ thống" in html
    assert '<a class="brand" href="/">Canbo</a>' in html
    assert 'href="/"' in html and "Về trang chủ" in html
    assert "{%" not in html and "<style" not in html  # CSP: the stylesheet is linked, not inline
    assert '<link rel="stylesheet" href="/static/css/canbo.css">' in html


@pytest.mark.django_db
def test_a_crashing_view_answers_the_500_page(client, settings):
    settings.ROOT_URLCONF = "canbo.core.tests.crash_urls"
    client.raise_request_exception = False

    response = client.get("/hong/")

    assert response.status_code == 500
    assert "Lỗi hệ thống" in response.content.decode()
