"""Reads of the national sync and the access log, scoped by canbo.accounts.scoping (the items' and log rows'
unit is the person's unit when the change or the access happened)."""

from datetime import date

from django.apps import apps
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404

from canbo.accounts.models import Role
from canbo.accounts.scoping import has_role, managed_person_q

from .codes import BY_KEY as CATALOGUES_BY_KEY
from .codes import national_codes
from .fields import BY_CODE, FIELDS, GROUP_NAMES, SENSITIVE_GROUPS, Group
from .models import AccessLogEntry, Consent, ConsentPurpose, OutboxItem, OutboxState

SYNC_ROLES = (Role.PROVINCE_BOARD, Role.UNIT_OFFICER)


def may_open_sync(user) -> bool:
    return has_role(user, *SYNC_ROLES)


def outbox_for(*, user):
    """Items of the units the user keeps (board: all; unit officer: their subtree; others: none)."""
    if not may_open_sync(user):
        return OutboxItem.objects.none()
    condition = managed_person_q(user, "person", write=True)  # decision 018
    qs = OutboxItem.objects.select_related("person", "unit")
    return qs if condition is None else qs.filter(condition)


def outbox_item_get(*, user, pk: int) -> OutboxItem:
    return get_object_or_404(outbox_for(user=user), pk=pk)


def outbox_list(*, user, view: str, today: date):
    qs = outbox_for(user=user)
    if view == "overdue":
        return qs.filter(state=OutboxState.WAITING, deadline__lt=today).order_by("deadline", "id")
    state = {
        "waiting": OutboxState.WAITING,
        "sent": OutboxState.SENT,
        "refused": OutboxState.REFUSED,
        "blocked": OutboxState.BLOCKED,
    }[view]
    order = "-sent_at" if state == OutboxState.SENT else "deadline"
    return qs.filter(state=state).order_by(order, "id")


def outbox_summary(*, user, today: date) -> dict:
    qs = outbox_for(user=user)
    return qs.aggregate(
        waiting=Count("id", filter=Q(state=OutboxState.WAITING)),
        sent=Count("id", filter=Q(state=OutboxState.SENT)),
        refused=Count("id", filter=Q(state=OutboxState.REFUSED)),
        blocked=Count("id", filter=Q(state=OutboxState.BLOCKED)),
        overdue=Count("id", filter=Q(state=OutboxState.WAITING, deadline__lt=today)),
        unapproved=Count("id", filter=Q(state=OutboxState.WAITING, batch__isnull=True)),
    )


def records_out_of_sync_by_unit(*, user) -> list[dict]:
    """Per unit: the persons with at least one item not yet received (waiting or refused), one query."""
    return list(
        outbox_for(user=user)
        .exclude(state=OutboxState.SENT)
        .values("unit__code", "unit__name")
        .annotate(persons=Count("person", distinct=True), items=Count("id"))
        .order_by("-persons", "unit__name")
    )


BLOCKED_REPORT_LIMIT = 5000


def blocked_by_code(*, user) -> list[dict]:
    """The report of what cannot be sent for a missing national code, by list and value: "Ngạch 01.999: 12
    mục, 9 hồ sơ", with the message saying where to fix it. Read from the held-back items (at most 5.000)."""
    report: dict[tuple[str, str, str], dict] = {}
    blocked = (
        outbox_for(user=user)
        .filter(state=OutboxState.BLOCKED)
        .select_related(None)
        .only("id", "person_id", "change")
    )
    memo = {}
    for item in blocked[:BLOCKED_REPORT_LIMIT]:
        _codes, problems = national_codes(item.change, memo)
        for problem in problems:
            row = report.setdefault(
                (problem.catalogue, problem.field, problem.value),
                {
                    "catalogue": CATALOGUES_BY_KEY[problem.catalogue].label,
                    "field": problem.field,
                    "value": problem.value,
                    "message": problem.message,
                    "items": 0,
                    "persons": set(),
                },
            )
            row["items"] += 1
            row["persons"].add(item.person_id)
    rows = sorted(report.values(), key=lambda r: (-len(r["persons"]), r["catalogue"], r["value"]))
    return [{**r, "persons": len(r["persons"])} for r in rows]


def refusal_fix(item: OutboxItem) -> dict:
    """The refused field's name and where Canbo holds it, for the link to fix it."""
    field = BY_CODE.get(item.refused_field)
    return {
        "code": item.refused_field,
        "name": field.name if field else "",
        "source": field.source if field else "",
    }


# --- access log ------------------------------------------------------------------------------------------------


def access_log_of_person(*, user, person):
    """Who looked at the person's dossier: the person themself sees it; so do those who keep their unit."""
    if person.user_id != user.pk:
        condition = managed_person_q(user, "", write=True)
        if not has_role(user, *SYNC_ROLES) or (
            condition is not None and not type(person).objects.filter(condition, pk=person.pk).exists()
        ):
            return AccessLogEntry.objects.none()
    return AccessLogEntry.objects.filter(person=person).select_related("viewer").order_by("-at", "-id")


def access_log_audit(*, user, unit=None, start: date | None = None, end: date | None = None):
    """The board's audit of the log: by unit (and its subtree) and period. Unit officers see their subtree."""
    if not has_role(user, *SYNC_ROLES, Role.STANDING_COMMITTEE):
        return AccessLogEntry.objects.none()
    qs = AccessLogEntry.objects.select_related("person", "unit", "viewer")
    condition = managed_person_q(user, "person")  # names people: only those the unit manages today
    if condition is not None:
        qs = qs.filter(condition)
    if unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path)
    if start:
        qs = qs.filter(at__date__gte=start)
    if end:
        qs = qs.filter(at__date__lte=end)
    return qs.order_by("-at", "-id")


# --- the official's own e-dossier ------------------------------------------------------------------------------


def _filled(value) -> bool:
    return value not in (None, "", [], {})


def dossier_completeness(*, person) -> list[dict]:
    """Per group of NĐ 27/2026: of the fields Canbo holds (a model field), how many this person's records fill,
    and the required ones still empty — what the official checks and completes on their own e-dossier page.
    One query per model that holds the person's rows (about twenty), none per field."""
    values: dict[tuple[str, str], bool] = {}
    by_model: dict[str, set[str]] = {}
    for field in FIELDS:
        if field.model_field:
            label, name = field.model_field
            by_model.setdefault(label, set()).add(name)
    for label, names in by_model.items():
        model = apps.get_model(label)
        if model is type(person):
            for name in names:
                attname = model._meta.get_field(name).attname
                values[(label, name)] = _filled(getattr(person, attname))
        elif label == "org.OrgUnit":  # the unit's own data: filled when the person has a unit
            values.update({(label, n): person.current_unit_id is not None for n in names})
        elif label == "people.Rank":
            values.update({(label, n): person.rank_id is not None for n in names})
        elif any(f.name == "person" for f in model._meta.concrete_fields):
            rows = list(model.objects.filter(person=person).values(*names))
            values.update({(label, n): any(_filled(r[n]) for r in rows) for n in names})
    groups = []
    for group in Group:
        fields = [f for f in FIELDS if f.group == group]
        held = [f for f in fields if f.model_field and f.model_field in values]
        groups.append(
            {
                "group": int(group),
                "name": GROUP_NAMES[group],
                "fields": len(fields),
                "held": len(held),
                "filled": sum(values[f.model_field] for f in held),
                "missing_required": [f for f in held if f.required and not values[f.model_field]],
                "sensitive": group in SENSITIVE_GROUPS,
            }
        )
    return groups


def own_outbox(*, person):
    """The official's own changes on their way to the national database, newest first (their own record only)."""
    return OutboxItem.objects.filter(person=person).order_by("-created_at", "-id")


def consents_of(*, person) -> dict[str, Consent | None]:
    """Each use that needs the official's consent → the consent in force, or None."""
    current = {c.purpose: c for c in Consent.objects.filter(person=person, withdrawn_at__isnull=True)}
    return {purpose: current.get(purpose) for purpose in ConsentPurpose.values}


def has_consent(*, person, purpose: str) -> bool:
    return Consent.objects.filter(person=person, purpose=purpose, withdrawn_at__isnull=True).exists()
