"""The notification list, marking read, and the unread count for the header badge."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from canbo.notifications.models import Notification

LIST = reverse("notifications:list")


@pytest.fixture
def notes(alice, charlie):
    own = [
        Notification.objects.create(user=alice, kind="RETIREMENT_SOON", key=f"k{i}", title=f"Nhắc việc {i}")
        for i in range(3)
    ]
    other = Notification.objects.create(user=charlie, kind="RETIREMENT_SOON", key="k0", title="Của Charlie")
    return {"own": own, "other": other}


def test_a_user_sees_only_their_own_notifications(client, alice, notes, django_assert_max_num_queries):
    client.force_login(alice)
    with django_assert_max_num_queries(7):
        text = client.get(LIST).content.decode()
    assert "Nhắc việc 0" in text and "Nhắc việc 2" in text and "Của Charlie" not in text
    assert "3 thông báo chưa đọc" in text


def test_marking_one_as_read(client, alice, notes):
    client.force_login(alice)
    note = notes["own"][0]
    response = client.post(reverse("notifications:read", args=[note.pk]), {"next": "/can-bo/"})
    assert response.status_code == 302 and response["Location"] == "/can-bo/"
    note.refresh_from_db()
    assert note.read_at is not None
    assert "2 thông báo chưa đọc" in client.get(LIST).content.decode()
    assert "Nhắc việc 0" not in client.get(LIST, {"chua_doc": "1"}).content.decode()


def test_another_users_notification_is_not_found(client, alice, notes):
    client.force_login(alice)
    assert client.post(reverse("notifications:read", args=[notes["other"].pk])).status_code == 404
    notes["other"].refresh_from_db()
    assert notes["other"].read_at is None


def test_an_outside_next_address_is_not_followed(client, alice, notes):
    client.force_login(alice)
    response = client.post(
        reverse("notifications:read", args=[notes["own"][0].pk]), {"next": "https://evil.example/"}
    )
    assert response["Location"] == LIST


def test_marking_all_as_read_touches_only_the_users_own(client, alice, notes):
    client.force_login(alice)
    client.post(reverse("notifications:read_all"))
    assert not Notification.objects.filter(user=alice, read_at__isnull=True).exists()
    assert Notification.objects.filter(user=notes["other"].user, read_at__isnull=True).count() == 1


def test_reading_needs_a_post_and_a_login(client, alice, notes):
    assert client.get(LIST).status_code == 302
    client.force_login(alice)
    assert client.get(reverse("notifications:read_all")).status_code == 405


def test_the_badge_tag_counts_unread_once_per_request(alice, notes, django_assert_num_queries):
    request = RequestFactory().get("/")
    request.user = alice
    template = Template(
        "{% load notifications %}{% unread_notification_count as n %}{{ n }}"
        "{% unread_notification_count as m %}{{ m }}"
    )
    with django_assert_num_queries(1):
        assert template.render(Context({"request": request})) == "33"


def test_the_badge_is_zero_for_anonymous_users(db):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    template = Template("{% load notifications %}{% unread_notification_count as n %}{{ n }}")
    assert template.render(Context({"request": request})) == "0"
