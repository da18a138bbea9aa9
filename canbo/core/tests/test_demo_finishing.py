"""Issue 13: `load_demo` leaves no feature empty and says what it does — a rating campaign consistent with the
rating results, the reminders of today as notifications, and its steps with their percentage as it works."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from canbo.accounts.models import User
from canbo.evaluation.models import AnnualRating, CampaignStatus, RatingCampaign, SheetStatus
from canbo.movements.selectors import reappointments_due, retirements_within
from canbo.notifications.models import Notification, NotificationKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    out = StringIO()
    call_command("load_demo", scale=300, seed=11, stdout=out)
    return out.getvalue()


def test_load_demo_prints_each_step_with_its_share_of_the_work(loaded):
    steps = [line.strip() for line in loaded.splitlines() if line.strip().startswith("[")]
    assert steps[0].startswith("[1/16] 0 % ") and steps[-1].startswith("[16/16] ")
    assert any("thông báo nhắc việc" in s for s in steps)
    assert "Đánh giá, xếp loại: 2 đợt" in loaded


def test_the_closed_campaign_holds_the_years_results_and_this_years_is_open(loaded):
    closed = RatingCampaign.objects.get(status=CampaignStatus.CLOSED)
    results = dict(
        AnnualRating.objects.filter(year=closed.year, unit__path__startswith=closed.unit.path).values_list(
            "person_id", "level"
        )
    )
    sheets = dict(closed.sheets.values_list("person_id", "level"))
    assert sheets == results and results
    assert set(closed.sheets.values_list("status", flat=True)) == {SheetStatus.DECIDED}
    current = RatingCampaign.objects.get(status=CampaignStatus.OPEN)
    assert current.year == timezone.localdate().year and current.unit == closed.unit
    official = User.objects.get(username="congchuc")
    assert current.sheets.filter(person__user=official, status=SheetStatus.PENDING).exists()


def test_the_board_is_notified_of_what_its_dashboard_shows_due(loaded):
    today = timezone.localdate()
    board = User.objects.get(username="bantochuc")
    mine = Notification.objects.filter(user=board)
    assert mine.filter(kind=NotificationKind.REAPPOINTMENT_DUE).count() == len(
        reappointments_due(today=today)
    )
    assert mine.filter(kind=NotificationKind.RETIREMENT_SOON).count() == len(retirements_within(today=today))
    assert mine.exists()
