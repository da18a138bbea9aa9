"""The profile's history tab: the audit rows of the person, their timeline rows and qualifications."""

from datetime import date

from auditlog.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Paginator
from django.db import models
from django.shortcuts import render
from django.utils.text import capfirst

from canbo.core.audit import history_for
from canbo.org.models import OrgUnit
from canbo.people.models import Employment, Person, Position, Qualification, Rank
from canbo.people.selectors import person_get_for_user
from canbo.people.signals import dossier_viewed

PAGE_SIZE = 50
ACTIONS = {
    LogEntry.Action.CREATE: "Tạo mới",
    LogEntry.Action.UPDATE: "Sửa",
    LogEntry.Action.DELETE: "Xóa",
    LogEntry.Action.ACCESS: "Xem",
}
OBJECT_LABELS = {Person: "Hồ sơ", Employment: "Quá trình công tác", Qualification: "Văn bằng, chứng chỉ"}
HIDDEN_FIELDS = {"id", "uuid", "person"}  # technical columns
HIDDEN_BY_MODEL = {Qualification: {"rank"}}  # derived from the level
EMPTY = "—"
# How rows referred to by id are named in the history.
NAME_FIELDS = {OrgUnit: "name", Position: "name", Rank: "name", get_user_model(): "username"}


def _history_objects(person: Person) -> list[tuple[type, set]]:
    """The person's rows, including timeline rows and qualifications deleted since (found by their creation)."""
    employment_pks = {str(pk) for pk in person.employments.values_list("pk", flat=True)}
    qualification_pks = {str(pk) for pk in person.qualifications.values_list("pk", flat=True)}
    content_types = ContentType.objects.get_for_models(Employment, Qualification)
    by_type = {
        content_types[Employment].pk: employment_pks,
        content_types[Qualification].pk: qualification_pks,
    }
    created = LogEntry.objects.filter(
        content_type__in=list(content_types.values()),
        action=LogEntry.Action.CREATE,
        changes__person__1=str(person.pk),
    ).values_list("content_type_id", "object_pk")
    for type_id, pk in created:
        by_type[type_id].add(pk)
    return [(Person, {str(person.pk)}), (Employment, employment_pks), (Qualification, qualification_pks)]


def _related_names(entries) -> dict:
    """Names of the units, posts, ranks and accounts the changes refer to by id: one query per model."""
    wanted: dict[type, set] = {}
    for entry, model in entries:
        for name, values in (entry.changes or {}).items():
            related = _related_model(model, name)
            if related in NAME_FIELDS and _shown(model, name):
                wanted.setdefault(related, set()).update(v for v in values if v not in (None, "None", ""))
    names = {}
    for related, pks in wanted.items():
        label = NAME_FIELDS[related]
        valid = [pk for pk in pks if str(pk).isdigit()]
        for pk, name in related.objects.filter(pk__in=valid).values_list("pk", label):
            names[(related, str(pk))] = name
    return names


def _related_model(model, name):
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    if isinstance(field, models.ForeignKey | models.OneToOneField):
        return field.related_model
    return None


def _display(model, name, value, names) -> str:
    if value in (None, "None", ""):
        return EMPTY
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return str(value)
    related = _related_model(model, name)
    if related is not None:
        return names.get((related, str(value)), f"#{value}")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField):
        try:
            return f"{date.fromisoformat(str(value)):%d/%m/%Y}"
        except ValueError:
            return str(value)
    if isinstance(field, models.BooleanField):
        return "Có" if value in (True, "True") else "Không"
    return str(value)


def _label(model, name) -> str:
    try:
        return capfirst(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


def _shown(model, name) -> bool:
    """Concrete, non-technical fields (auditlog also lists reverse relations on creation)."""
    if name in HIDDEN_FIELDS or name in HIDDEN_BY_MODEL.get(model, ()):
        return False
    try:
        return bool(getattr(model._meta.get_field(name), "concrete", False))
    except FieldDoesNotExist:
        return True


def _rows(entries) -> list[dict]:
    models_by_type = {}
    pairs = []
    for entry in entries:
        model = models_by_type.setdefault(entry.content_type_id, entry.content_type.model_class())
        pairs.append((entry, model))
    names = _related_names(pairs)
    rows = []
    for entry, model in pairs:
        changes = [
            {
                "field": _label(model, name),
                "before": _display(model, name, values[0], names),
                "after": _display(model, name, values[1], names),
            }
            for name, values in (entry.changes or {}).items()
            if _shown(model, name) and isinstance(values, list) and len(values) == 2
        ]
        rows.append(
            {
                "entry": entry,
                "action": ACTIONS.get(entry.action, entry.get_action_display()),
                "object": OBJECT_LABELS.get(model, capfirst(model._meta.verbose_name)),
                "object_repr": entry.object_repr,
                "actor": (entry.actor.get_full_name() or entry.actor.username) if entry.actor else EMPTY,
                "changes": changes,
            }
        )
    return rows


@login_required
def person_history(request, uuid):
    person = person_get_for_user(user=request.user, uuid=uuid)
    dossier_viewed.send(sender=person_history, request=request, person=person, part="HISTORY")
    entries = history_for(_history_objects(person))
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"person": person, "page": page, "rows": _rows(page.object_list), "tab": "history"}
    return render(request, "people/history.html", context)
