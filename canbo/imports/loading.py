"""The few bulk reads an import needs: stored persons and their rows, units, posts, ranks and scope."""

from dataclasses import dataclass, field

from canbo.accounts.scoping import editable_units
from canbo.org.models import OrgUnit
from canbo.people.models import Employment, Person, Position, Qualification, Rank

CHUNK = 900  # values per IN (...) query, under SQLite's historical 999-parameter limit
_TIMESTAMPS = ("created_at", "updated_at")  # not compared nor written back: not converted on load


def _chunks(values):
    values = list(values)
    for i in range(0, len(values), CHUNK):
        yield values[i : i + CHUNK]


@dataclass
class References:
    stored: dict = field(default_factory=dict)  # national_id -> Person
    units: dict = field(default_factory=dict)  # code -> OrgUnit (the units the file names)
    unit_by_pk: dict = field(default_factory=dict)
    positions: dict = field(default_factory=dict)
    ranks: dict = field(default_factory=dict)
    editable: set | None = None  # unit pks the actor may update; None: no restriction
    stored_employments: dict = field(default_factory=dict)  # person pk -> [Employment]
    stored_qualifications: dict = field(default_factory=dict)  # person pk -> [Qualification]
    code_owner: dict = field(default_factory=dict)  # person code -> national_id


def load_references(rows: dict, *, actor) -> References:
    """About (rows / 900) queries in all, whatever the size of the file."""
    ref = References()
    all_rows = [r for sheet_rows in rows.values() for r in sheet_rows]
    ids = {r.values.get("national_id") for r in all_rows} - {None, ""}
    for chunk in _chunks(ids):
        for person in Person.objects.filter(national_id__in=chunk).defer(*_TIMESTAMPS):
            ref.stored[person.national_id] = person
    codes = {r.values.get("unit_code") for r in all_rows} - {None, ""}
    for chunk in _chunks(codes):
        ref.units.update({u.code: u for u in OrgUnit.objects.filter(code__in=chunk)})
    ref.positions = {p.code: p for p in Position.objects.all()}
    ref.ranks = {r.code: r for r in Rank.objects.all()}
    unit_ids = {u.pk for u in ref.units.values()} | {p.current_unit_id for p in ref.stored.values()}
    if actor is None:
        ref.editable = None
    else:
        ref.editable = set()
        for chunk in _chunks(unit_ids):
            ref.editable.update(editable_units(actor).filter(pk__in=chunk).values_list("pk", flat=True))
    stored_ids = [p.pk for p in ref.stored.values()]
    for chunk in _chunks(stored_ids):
        for emp in Employment.objects.filter(person_id__in=chunk).defer(*_TIMESTAMPS).order_by("start_date"):
            ref.stored_employments.setdefault(emp.person_id, []).append(emp)
        for qual in Qualification.objects.filter(person_id__in=chunk).defer(*_TIMESTAMPS):
            ref.stored_qualifications.setdefault(qual.person_id, []).append(qual)
    file_codes = {r.values.get("code") for r in rows["persons"]} - {None, ""}
    file_codes |= {f"HS{i}" for i in ids}
    for chunk in _chunks(file_codes):
        ref.code_owner.update(Person.objects.filter(code__in=chunk).values_list("code", "national_id"))
    unit_by_pk = {u.pk: u for u in ref.units.values()}
    missing_units = {e.unit_id for emps in ref.stored_employments.values() for e in emps} - set(unit_by_pk)
    for chunk in _chunks(missing_units):
        unit_by_pk.update({u.pk: u for u in OrgUnit.objects.filter(pk__in=chunk)})
    ref.unit_by_pk = unit_by_pk
    return ref
