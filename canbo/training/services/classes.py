"""Classes, enrolment (one by one and in bulk), results — and the qualification a completed programme grants."""

from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q

from canbo.accounts.scoping import can_edit_unit
from canbo.core.audit import audit_actor, audit_bulk, created_changes
from canbo.core.bulk import insert_objects
from canbo.core.versioning import bump_version
from canbo.people.choices import PersonStatus
from canbo.people.models import Person
from canbo.people.selectors import person_editable_queryset_for

from ..choices import EnrolmentResult, PlanStatus
from ..models import Enrolment, EnrolmentBatch, TrainingClass
from .checks import require_edit

CLASS_FIELDS = [
    "code",
    "name",
    "programme",
    "plan_line",
    "organiser_unit",
    "organiser_name",
    "location",
    "venue",
    "mode",
    "start_date",
    "end_date",
    "capacity",
    "cost_per_trainee",
]
# Copied from the class onto its enrolments (the reports read the enrolments alone).
COPIED_FIELDS = {
    "programme": "programme",
    "plan_line": "plan_line",
    "mode": "mode",
    "venue": "venue",
    "start_date": "start_date",
    "end_date": "end_date",
}
OUTSIDE_UNITS = "{name} không thuộc đơn vị anh/chị quản lý: không ghi danh được."
ACTIVE = ~Q(result=EnrolmentResult.WITHDRAWN)


def _validate_class(klass: TrainingClass) -> None:
    errors = {}
    try:
        klass.full_clean()
    except ValidationError as exc:
        errors.update(exc.message_dict)
    line = klass.plan_line
    if line is not None:
        if line.programme_id != klass.programme_id:
            errors.setdefault("plan_line", []).append("Dòng kế hoạch thuộc chương trình khác với lớp.")
        if line.plan.status not in (PlanStatus.APPROVED, PlanStatus.ISSUED):
            errors.setdefault("plan_line", []).append("Chỉ mở lớp theo kế hoạch đã được phê duyệt.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def class_create(*, actor, data: dict) -> TrainingClass:
    klass = TrainingClass(**{k: v for k, v in data.items() if k in CLASS_FIELDS})
    if klass.organiser_unit_id is None:
        raise ValidationError({"organiser_unit": ["Cần đơn vị quản lý lớp."]})
    require_edit(actor, klass.organiser_unit, "Anh/chị không có quyền mở lớp cho đơn vị này.")
    _validate_class(klass)
    with audit_actor(actor):
        klass.save()
    return klass


def can_manage_class(user, klass: TrainingClass) -> bool:
    return can_edit_unit(user, klass.organiser_unit)


@transaction.atomic
def class_update(*, actor, klass: TrainingClass, data: dict, expected_version: int | None = None):
    """Change a class; its enrolments follow (programme only while nobody is enrolled)."""
    if not can_manage_class(actor, klass):
        raise PermissionDenied("Chỉ đơn vị quản lý lớp được sửa thông tin lớp.")
    changed = [f for f in CLASS_FIELDS if f in data and getattr(klass, f) != data[f]]
    for f in changed:
        setattr(klass, f, data[f])
    _validate_class(klass)
    enrolments = Enrolment.objects.filter(training_class=klass)
    if "programme" in changed and enrolments.exists():
        raise ValidationError({"programme": ["Lớp đã có học viên: không đổi được chương trình."]})
    if "capacity" in changed and enrolments.filter(ACTIVE).count() > klass.capacity:
        raise ValidationError({"capacity": ["Số học viên tối đa nhỏ hơn số người đã ghi danh."]})
    if "start_date" in changed and enrolments.filter(result_date__lt=klass.start_date).exists():
        raise ValidationError({"start_date": ["Đã có kết quả học tập trước ngày khai giảng mới."]})
    bump_version(TrainingClass, klass, expected_version)
    with audit_actor(actor):
        klass.save(update_fields=[*changed, "version", "updated_at"])
    copied = {COPIED_FIELDS[f]: getattr(klass, f) for f in changed if f in COPIED_FIELDS}
    if copied:
        enrolments.update(**copied)
    return klass


def _check_capacity(klass: TrainingClass, adding: int) -> None:
    taken = Enrolment.objects.filter(training_class=klass).filter(ACTIVE).count()
    if taken + adding > klass.capacity:
        raise ValidationError(
            f"Lớp {klass.code} chỉ nhận {klass.capacity} học viên, đã có {taken}: "
            f"không ghi danh thêm {adding} người được."
        )


def _locked(klass: TrainingClass) -> TrainingClass:
    """The class row locked for this transaction: two officers enrolling at once cannot overfill it."""
    return TrainingClass.objects.select_for_update().get(pk=klass.pk)


def _new_enrolment(klass: TrainingClass, person: Person) -> Enrolment:
    return Enrolment(
        person=person,
        training_class=klass,
        programme=klass.programme,
        plan_line_id=klass.plan_line_id,
        unit_id=person.current_unit_id,
        mode=klass.mode,
        venue=klass.venue,
        start_date=klass.start_date,
        end_date=klass.end_date,
        cost=klass.cost_per_trainee,
    )


@transaction.atomic
def enrol(*, actor, training_class: TrainingClass, person: Person) -> Enrolment:
    """Enrol one person of the actor's units; refused if already in the class or the class is full."""
    if not can_edit_unit(actor, person.current_unit):
        raise PermissionDenied(OUTSIDE_UNITS.format(name=person.full_name))
    if person.status != PersonStatus.WORKING:
        raise ValidationError(f"{person.full_name} không còn công tác: không ghi danh được.")
    klass = _locked(training_class)
    if Enrolment.objects.filter(training_class=klass, person=person).exists():
        raise ValidationError(f"{person.full_name} đã có trong danh sách lớp {klass.code}.")
    _check_capacity(klass, 1)
    enrolment = _new_enrolment(klass, person)
    with audit_actor(actor):
        enrolment.save()
    return enrolment


def _names(person_ids, limit: int = 10) -> str:
    names = list(Person.objects.filter(pk__in=list(person_ids)[:limit]).values_list("full_name", flat=True))
    more = len(person_ids) - len(names)
    return ", ".join(names) + (f" và {more} người khác" if more > 0 else "")


@transaction.atomic
def enrol_bulk(
    *,
    actor,
    training_class: TrainingClass,
    persons,
    criteria: dict | None = None,
    skip_existing: bool = False,
) -> EnrolmentBatch:
    """Enrol many people at once (e.g. a filtered person list): all or nothing, set-based, audited.

    `persons` is a Person queryset or an iterable of persons or ids. Refused as a whole when someone is outside
    the actor's units or no longer working, already in the class (unless skip_existing), or the class is full.
    """
    if hasattr(persons, "values_list"):
        ids = list(persons.order_by().values_list("pk", flat=True).distinct())
    else:
        ids = list(dict.fromkeys(getattr(p, "pk", p) for p in persons))
    if not ids:
        raise ValidationError("Chưa chọn người nào để ghi danh.")
    persons_by_id = _editable_persons(actor, ids)
    refused = [pk for pk in ids if pk not in persons_by_id]
    if refused:
        raise ValidationError(
            f"{len(refused)} người không thuộc đơn vị anh/chị quản lý hoặc không còn công tác: {_names(refused)}. "
            "Không ai được ghi danh."
        )
    klass = _locked(training_class)
    klass.programme = training_class.programme
    existing = _already_enrolled(klass, ids)
    if existing and not skip_existing:
        raise ValidationError(
            f"{len(existing)} người đã có trong danh sách lớp {klass.code}: {_names(list(existing))}. "
            "Không ai được ghi danh; bỏ họ khỏi danh sách hoặc chọn “bỏ qua người đã có trong lớp”."
        )
    new_ids = [pk for pk in ids if pk not in existing]
    _check_capacity(klass, len(new_ids))
    objects = [_new_enrolment(klass, persons_by_id[pk]) for pk in new_ids]
    insert_objects(Enrolment, objects, key=("person_id", "training_class_id"))
    audit_bulk(actor=actor, entries=[(e, LogEntry.Action.CREATE, created_changes(e)) for e in objects])
    return EnrolmentBatch.objects.create(
        training_class=klass,
        actor=actor,
        enrolled=len(objects),
        criteria={**(criteria or {}), "skipped": len(existing)},
    )


CHUNK = 10000  # ids per IN (...): under SQLite's variable limit, few round trips on PostgreSQL


def _editable_persons(actor, ids) -> dict[int, Person]:
    """The working people among `ids` whom the actor may change (name and unit only), by id."""
    found = {}
    base = (
        person_editable_queryset_for(user=actor)
        .filter(status=PersonStatus.WORKING)
        .only("pk", "full_name", "current_unit_id")
        .order_by()
    )
    for i in range(0, len(ids), CHUNK):
        found.update((p.pk, p) for p in base.filter(pk__in=ids[i : i + CHUNK]))
    return found


def _already_enrolled(klass, ids) -> set[int]:
    found = set()
    for i in range(0, len(ids), CHUNK):
        rows = Enrolment.objects.filter(training_class=klass, person_id__in=ids[i : i + CHUNK]).order_by()
        found.update(rows.values_list("person_id", flat=True))
    return found
