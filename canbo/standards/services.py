"""Writes of the standards module: new versions of a title standard, review campaigns and their re-check.

Every function checks the actor's rights, validates with Vietnamese messages, runs in one transaction and
records the audit actor; nothing is half-written.
"""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from canbo.accounts.access import require_edit
from canbo.accounts.models import Role
from canbo.accounts.scoping import has_role
from canbo.core.audit import audit_actor
from canbo.org.models import OrgUnit
from canbo.people.choices import PersonnelCategory
from canbo.people.models import Employment, Person

from .engine import gaps_of, unmet_q
from .gaps import REVIEW, evaluate_mode, held_on, standards_in_force
from .models import ReviewCampaign, ReviewFinding, TitleStandard

NOT_ALLOWED = "Anh/chị không có quyền tổ chức rà soát tiêu chuẩn cho đơn vị này."
ONE_DAY = timedelta(days=1)


# --- title standards (the admin's "change" of a standard in force is a new version) -------------------------


def standard_in_use(standard: TitleStandard, today: date | None = None) -> bool:
    """A standard that has come into force may have been applied (checks, appointments, reviews): it is kept
    as it was; a correction is a new version from a later date."""
    return standard.valid_from <= (today or timezone.localdate())


@transaction.atomic
def title_standard_supersede(*, actor, standard: TitleStandard) -> list[TitleStandard]:
    """End the open earlier versions of the same post (or rank) the day before `standard` starts.

    Raises ValidationError when a version of the post starts on or after the new one (history is appended,
    not rewritten). Returns the versions ended."""
    if not (has_role(actor, Role.SYSADMIN) or getattr(actor, "is_superuser", False)):
        raise PermissionDenied("Chỉ quản trị hệ thống được cập nhật tiêu chuẩn chức danh.")
    same = Q(position=standard.position) if standard.position_id else Q(rank=standard.rank)
    others = TitleStandard.objects.filter(same).exclude(pk=standard.pk)
    later = others.filter(valid_from__gte=standard.valid_from).order_by("valid_from").first()
    if later is not None:
        raise ValidationError(
            {
                "valid_from": (
                    f"Đã có phiên bản hiệu lực từ {later.valid_from:%d/%m/%Y}: phiên bản mới phải có hiệu lực "
                    "sau ngày đó."
                )
            }
        )
    open_ones = list(others.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=standard.valid_from)))
    with audit_actor(actor):
        for old in open_ones:
            old.valid_to = standard.valid_from - ONE_DAY
            old.save(update_fields=["valid_to"])
    return open_ones


def copy_criteria_initial(standard: TitleStandard) -> list[dict]:
    """The criteria of a version as initial values for the next one."""
    fields = ["kind", "scale", "min_level", "min_rating", "years", "months", "lower_tier", "note"]
    return [{f: getattr(c, f) for f in fields} for c in standard.criteria.all()]


# --- review campaigns ---------------------------------------------------------------------------------------

CAMPAIGN_FIELDS = [
    "name",
    "unit",
    "categories",
    "review_date",
    "deadline",
    "responsible_unit",
    "legal_basis",
]


def _clean_campaign(campaign: ReviewCampaign, positions) -> None:
    errors = {}
    valid = set(PersonnelCategory.values)
    wrong = [c for c in campaign.categories if c not in valid]
    if wrong:
        errors["categories"] = "Phân loại không hợp lệ: " + ", ".join(wrong) + "."
    if not positions and not campaign.categories:
        errors["positions"] = "Chọn ít nhất một chức vụ hoặc một phân loại cán bộ cần rà soát."
    if campaign.review_date and campaign.deadline and campaign.deadline < campaign.review_date:
        errors["deadline"] = "Hạn khắc phục phải sau ngày rà soát."
    try:
        campaign.full_clean(exclude=["positions"])
    except ValidationError as exc:
        for key, messages in exc.message_dict.items():
            errors.setdefault(key, messages)
    if errors:
        raise ValidationError(errors)


def _new_campaign(
    *,
    actor,
    name: str,
    unit: OrgUnit,
    review_date: date,
    deadline: date,
    responsible_unit: OrgUnit | None = None,
    positions=(),
    categories=(),
    legal_basis: str = "",
) -> tuple[ReviewCampaign, list]:
    """The unsaved campaign and its positions, checked: the actor's right over the unit, then the values."""
    require_edit(actor, unit, NOT_ALLOWED)
    campaign = ReviewCampaign(
        name=name,
        unit=unit,
        categories=sorted(set(categories)),
        review_date=review_date,
        deadline=deadline,
        responsible_unit=responsible_unit or unit,
        legal_basis=legal_basis,
    )
    positions = list(positions)
    _clean_campaign(campaign, positions)
    return campaign, positions


def review_campaign_check(*, actor, **data) -> None:
    """What review_campaign_create would refuse (PermissionDenied, ValidationError), writing nothing: the page
    checks before it queues the creation, which may review thousands of people."""
    _new_campaign(actor=actor, **data)


@transaction.atomic
def review_campaign_create(
    *,
    actor,
    name: str,
    unit: OrgUnit,
    review_date: date,
    deadline: date,
    responsible_unit: OrgUnit | None = None,
    positions=(),
    categories=(),
    legal_basis: str = "",
) -> ReviewCampaign:
    """Create a campaign (the board, or an officer of the unit) and run it: the findings as of review_date."""
    campaign, positions = _new_campaign(
        actor=actor,
        name=name,
        unit=unit,
        review_date=review_date,
        deadline=deadline,
        responsible_unit=responsible_unit,
        positions=positions,
        categories=categories,
        legal_basis=legal_basis,
    )
    with audit_actor(actor):
        campaign.save()
        campaign.positions.set(positions)
    review_campaign_run(actor=actor, campaign=campaign)
    return campaign


def _campaign_groups(campaign: ReviewCampaign, on: date):
    """(position, standard, persons) for every post held on `on` by the campaign's people: in the unit's
    subtree, holding one of its positions or of one of its categories."""
    positions = list(campaign.positions.all())
    scope = Q(pk__in=[])
    if positions:
        scope |= Q(position__in=positions)
    if campaign.categories:
        scope |= Q(category__in=campaign.categories)
    held = (
        Employment.objects.active_on(on)
        .filter(scope, unit__path__startswith=campaign.unit.path, position__isnull=False)
        .values("position")
        .distinct()
    )
    groups = []
    for standard in standards_in_force(on, held).values():
        categories = None if standard.position in positions else campaign.categories
        persons = Person.objects.filter(held_on(on, campaign.unit, standard.position, categories))
        groups.append((standard.position, standard, persons))
    return groups


def _shortfalls(campaign: ReviewCampaign, on: date) -> dict[int, dict]:
    """{person id: {"position", "unit", "gaps"}} of those short of their post's standard on `on`."""
    found: dict[int, dict] = {}
    for position, standard, persons in _campaign_groups(campaign, on):
        rows, criteria = evaluate_mode(persons, standard, on, REVIEW)
        short = {r["pk"]: r for r in rows.filter(unmet_q(criteria))}
        if not short:
            continue
        units = dict(
            Employment.objects.active_on(on)
            .filter(person__in=short, position=position, unit__path__startswith=campaign.unit.path)
            .values_list("person", "unit")
        )
        for pk, row in short.items():
            gaps = [
                {"criterion": g.criterion_id, "kind": g.kind, "scale": g.scale, "message": g.message}
                for g in gaps_of(row, criteria, on)
            ]
            found.setdefault(pk, {"position": position.pk, "unit": units[pk], "gaps": gaps})
    return found


@transaction.atomic
def review_campaign_run(*, actor, campaign: ReviewCampaign) -> int:
    """(Re)compute the findings as of the review date: who falls short of the standard of their post. Kept
    findings keep their resolved date. Returns the number of findings."""
    require_edit(actor, campaign.unit, NOT_ALLOWED)
    found = _shortfalls(campaign, campaign.review_date)
    existing = {f.person_id: f for f in campaign.findings.all()}
    campaign.findings.exclude(person__in=found).delete()
    new, changed = [], []
    for pk, values in found.items():
        finding = existing.get(pk)
        if finding is None:
            new.append(
                ReviewFinding(
                    campaign=campaign,
                    person_id=pk,
                    unit_id=values["unit"],
                    position_id=values["position"],
                    gaps=values["gaps"],
                )
            )
        else:
            finding.unit_id, finding.position_id, finding.gaps = (
                values["unit"],
                values["position"],
                values["gaps"],
            )
            changed.append(finding)
    ReviewFinding.objects.bulk_create(new, batch_size=1000)
    ReviewFinding.objects.bulk_update(changed, ["unit", "position", "gaps"], batch_size=1000)
    return len(found)


def review_campaign_recheck_on(*, campaign: ReviewCampaign, on: date | None = None) -> date:
    """The re-check date: today by default, never before the review date (ValidationError)."""
    on = on or timezone.localdate()
    if on < campaign.review_date:
        raise ValidationError(
            {"on": f"Ngày kiểm tra lại phải từ ngày rà soát ({campaign.review_date:%d/%m/%Y})."}
        )
    return on


@transaction.atomic
def review_campaign_recheck(*, actor, campaign: ReviewCampaign, on: date | None = None) -> dict:
    """Check again on `on` (today by default): a finding whose person now meets the standard of the post they
    hold, or no longer holds a reviewed post in the unit (replaced), is resolved on `on`. Returns counts."""
    require_edit(actor, campaign.unit, NOT_ALLOWED)
    on = review_campaign_recheck_on(campaign=campaign, on=on)
    open_findings = campaign.findings.filter(resolved_on__isnull=True)
    still_short = set(_shortfalls(campaign, on)) & set(open_findings.values_list("person", flat=True))
    resolved = open_findings.exclude(person__in=still_short).update(resolved_on=on)
    with audit_actor(actor):
        campaign.rechecked_on = on
        campaign.save(update_fields=["rechecked_on", "updated_at"])
    return {"resolved": resolved, "still_short": len(still_short)}
