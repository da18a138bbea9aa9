"""The demo's last steps, through the apps' own services, so that no feature opens empty (issue 13):

- the rating campaigns of Sở Nội vụ (the demo official's department): 2025's, closed, one decided sheet per
  person rated there that year with the year's result (the 2025 rows of AnnualRating), and this year's, opened
  by the department's officer with `campaign_open` (the official's sheet waits for their self-assessment);
- this year's classes and lượt under the issued training plan, up to today, opened, filled and (for the short
  courses that ended) given their results as the Ban Tổ chức's officer would (`training.this_year`): the 2026 plan
  is partly done on the day the demo is loaded, as a real one would be;
- the daily reminders as of today (`reminders_send`, no e-mail), so every login finds the notifications of
  what its dashboard shows due: reappointments, retirements, rotations, training plans, reviews, raises.
"""

from datetime import date

from django.db.models import Max
from django.utils import timezone

from canbo.accounts.models import User
from canbo.evaluation import rules as rating_rules
from canbo.evaluation.models import AnnualRating, CampaignStatus, RatingCampaign, RatingSheet, SheetStatus
from canbo.evaluation.services import campaign_open
from canbo.notifications.services import reminders_send
from canbo.org.models import OrgUnit

from .ratings import YEARS
from .training.this_year import build_this_year

CAMPAIGN_UNIT = "DB-SNV"


def build_campaigns(*, today: date) -> dict:
    """The officers' work of this year, as of `today`: the rating campaigns, then this year's training (the
    builder's "campaigns" step runs both)."""
    done = _rating_campaigns(today=today)
    done["training"] = build_this_year(today=today)
    return done


def _rating_campaigns(*, today: date) -> dict:
    unit = OrgUnit.objects.filter(code=CAMPAIGN_UNIT).first()
    officer = User.objects.filter(username="sonoivu").first()
    if unit is None or officer is None:
        return {"campaigns": 0, "sheets": 0}
    year = YEARS[-1]
    results = AnnualRating.objects.filter(year=year, unit__path__startswith=unit.path).order_by("pk")
    closed_on = results.aggregate(last=Max("decided_on"))["last"] or date(year, 12, 31)
    closed = RatingCampaign.objects.create(
        year=year,
        unit=unit,
        deadline=min(rating_rules.latest_deadline(year), closed_on),
        status=CampaignStatus.CLOSED,
        opened_by=officer,
        closed_on=closed_on,
    )
    sheets = RatingSheet.objects.bulk_create(
        RatingSheet(
            campaign=closed,
            person_id=r.person_id,
            year=year,
            unit_id=r.unit_id,
            status=SheetStatus.DECIDED,
            self_level=r.level,
            self_assessed_at=timezone.make_aware(timezone.datetime(year, 11, 20, 9, 0)),
            proposed_level=r.level,
            proposed_by=officer,
            level=r.level,
            decision_number=r.decision_number,
            decided_on=r.decided_on,
            decided_by=officer,
        )
        for r in results
    )
    count = len(sheets)
    if today.year > year:  # this year's campaign, open until its deadline
        current = campaign_open(
            actor=officer, year=today.year, unit=unit, deadline=rating_rules.latest_deadline(today.year)
        )
        count += current.sheets.count()
    return {"campaigns": RatingCampaign.objects.filter(unit=unit).count(), "sheets": count}


def reset_campaigns() -> None:
    unit = OrgUnit.objects.filter(code=CAMPAIGN_UNIT).first()
    if unit is not None:
        RatingCampaign.objects.filter(unit__path__startswith=unit.path).delete()


def run_reminders(*, today: date) -> dict:
    result = reminders_send(today=today, email=False)
    return {"reminders": result.reminders, "notifications": result.created, "users": result.users}
