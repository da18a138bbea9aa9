"""The dashboard's heavy figures are stored with their time, shown with it, and never used once stale."""

import datetime

from django.urls import reverse
from django.utils import timezone

from canbo.home.models import DashboardSnapshot
from canbo.home.snapshot import FRESH, refresh_recent
from canbo.home.tasks import refresh_dashboards
from tests.factories import PersonFactory


def working(unit, n):
    for _ in range(n):
        PersonFactory(current_unit=unit, status="WORKING", date_of_birth=datetime.date(1985, 1, 1))


def test_the_figures_are_stored_and_shown_with_their_time(client, board, tree):
    working(tree["dept_a"], 2)
    client.force_login(board)

    response = client.get(reverse("home:dashboard"))

    snapshot = DashboardSnapshot.objects.get(user=board)
    assert response.context["total"] == 2 == snapshot.data["total"]
    shown = timezone.localtime(snapshot.computed_at).strftime("%H:%M %d/%m/%Y")
    assert f'<span class="as-of">{shown}</span>' in response.content.decode()


def test_a_fresh_snapshot_is_reused_and_a_stale_one_recomputed(client, board, tree):
    working(tree["dept_a"], 2)
    client.force_login(board)
    client.get(reverse("home:dashboard"))
    working(tree["dept_b"], 3)

    assert client.get(reverse("home:dashboard")).context["total"] == 2  # as of the time shown

    DashboardSnapshot.objects.update(computed_at=timezone.now() - FRESH - datetime.timedelta(seconds=1))
    assert client.get(reverse("home:dashboard")).context["total"] == 5


def test_each_user_sees_the_figures_of_their_own_scope(client, board, alice, tree):
    working(tree["dept_a"], 2)
    working(tree["dept_b"], 3)
    client.force_login(board)
    assert client.get(reverse("home:dashboard")).context["total"] == 5
    client.force_login(alice)
    assert client.get(reverse("home:dashboard")).context["total"] == 2


def test_the_queue_refreshes_the_day_s_snapshots_and_drops_old_ones(client, board, alice, tree):
    working(tree["dept_a"], 1)
    client.force_login(board)
    client.get(reverse("home:dashboard"))
    client.force_login(alice)
    client.get(reverse("home:dashboard"))
    DashboardSnapshot.objects.filter(user=alice).update(
        computed_at=timezone.now() - datetime.timedelta(days=2)
    )
    working(tree["dept_a"], 1)

    refresh_dashboards.call_local()

    assert DashboardSnapshot.objects.get(user=board).data["total"] == 2
    assert not DashboardSnapshot.objects.filter(user=alice).exists()
    assert refresh_recent() == 1


def test_a_role_moved_to_another_unit_never_shows_the_old_scope_s_figures(client, alice, tree):
    from canbo.accounts.models import RoleAssignment

    working(tree["dept_a"], 2)
    working(tree["dept_b"], 3)
    client.force_login(alice)
    assert client.get(reverse("home:dashboard")).context["total"] == 2

    RoleAssignment.objects.filter(user=alice).update(unit=tree["dept_b"])  # within the fresh window

    assert client.get(reverse("home:dashboard")).context["total"] == 3
