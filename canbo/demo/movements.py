"""Appointments and movements of the demo province, recorded for the moves its careers already make.

- Every career row that starts with an appointment (move BO_NHIEM) to an appointed post (giám đốc, phó giám
  đốc sở and equivalent, trưởng, phó trưởng phòng) is a decided appointment (FIRST, or HIGHER after an earlier
  leadership post) with its 5-year term and that row as its employment. Whoever still holds the post when the
  term ends is reappointed (a REAPPOINT decision, same row) or, under 2 years from retirement, has the term
  extended to the retirement date. Second terms of 2016–2017 appointments end in 2026–2027, so the
  reappointment due lists (90 working days, QĐ 377) have rows.
- Every row that starts with a rotation (LUAN_CHUYEN) or a transfer (DIEU_DONG) from 2015 on is a Movement from
  the unit of the row before, with its direction (district ↔ commune, province ↔ district, seed 004) and, for a
  rotation, a 36-month term. The employment rows get the decision numbers.
- One appointment proposal blocked by the standards check on 15/12/2025 (gaps from
  canbo.standards.engine.check_person) and one proposal not checked yet.
No new employment rows: the career timeline stays as careers.py wrote it.
"""

import json
import random
from datetime import date, timedelta

from django.db import connection

from canbo.accounts.models import User
from canbo.core.bulk import insert_rows
from canbo.core.dates import add_months, add_years
from canbo.movements.choices import AppointmentKind, AppointmentStatus, MovementKind
from canbo.movements.models import Appointment, Movement
from canbo.movements.services import EXTENSION_NOTE, direction_between, term_end_for
from canbo.org.models import OrgSector, OrgUnit
from canbo.people.choices import PersonnelMove as Move
from canbo.people.choices import PersonStatus
from canbo.people.models import Employment, Person, Position
from canbo.people.retirement import retirement_date
from canbo.planning.choices import EntryStatus
from canbo.planning.models import PlanningEntry
from canbo.standards.engine import check_person

from .careers import TIER
from .dates import CUTOFF
from .orgtree import ROOT_CODE
from .planning.writer import stamp
from .users import DEMO_USERNAMES

APPOINTED = {"GIAM_DOC_SO", "PHO_GIAM_DOC_SO", "TRUONG_PHONG", "PHO_TRUONG_PHONG"}
MOVES = {Move.LUAN_CHUYEN: MovementKind.ROTATION, Move.DIEU_DONG: MovementKind.TRANSFER}
MOVES_FROM = date(2015, 1, 1)
ROTATION_MONTHS = 36
CHECK_ON, PROPOSED_ON = date(2025, 12, 15), date(2025, 12, 10)
REASONS = {
    MovementKind.ROTATION: "Luân chuyển cán bộ để đào tạo, rèn luyện qua thực tiễn",
    MovementKind.TRANSFER: "Điều động theo yêu cầu nhiệm vụ",
}


def _decision(rng, slot) -> tuple[str, str]:
    """(number, signer) of a decision about a post in `slot`."""
    n = rng.randint(35, 2980)
    district = slot.district
    party = slot.sector in (OrgSector.DANG, OrgSector.MTTQ_DOAN_THE)
    if district is None:
        return (
            (f"{n}-QĐ/TU", "Phó Bí thư Thường trực Tỉnh ủy")
            if party
            else (f"{n}/QĐ-UBND", "Chủ tịch Ủy ban nhân dân tỉnh")
        )
    dv, uy, _title = district.words
    if party:
        return f"{n}-QĐ/{'HU' if uy.startswith('Huyện') else 'TU'}", f"Bí thư {uy} {district.name}"
    return f"{n}/QĐ-UBND", f"Chủ tịch Ủy ban nhân dân {dv} {district.name}"


def _proposer(slot) -> str:
    if slot.suffix == "SNV" and slot.district is None:
        return "sonoivu"
    if slot.district is not None and slot.district.gso == "099":
        return "huyentuangiao"
    return "bantochuc"


def _row_ids(moves) -> dict[tuple[int, date], int]:
    """(person id, start) -> Employment id of the demo's rows with these moves: one query."""
    rows = Employment.objects.filter(move__in=moves, person__code__startswith="DB").values_list(
        "pk", "person_id", "start_date"
    )
    return {(person, start): pk for pk, person, start in rows}


def _appointments(rng, careers, person_ids, positions, users, row_ids):
    firsts, seconds, numbers = [], [], []
    for pos, career in enumerate(careers):
        held = False
        pid = person_ids[pos]
        for row in career.rows:
            if row.move == Move.BO_NHIEM and row.position in APPOINTED and row.start <= CUTOFF:
                decided = row.start - timedelta(days=rng.randint(3, 25))
                number, signer = _decision(rng, row.slot)
                checked = decided - timedelta(days=rng.randint(7, 20))
                first = {
                    "person_id": pid, "position_id": positions[row.position], "unit_id": row.slot.unit.pk,
                    "kind": AppointmentKind.HIGHER if held else AppointmentKind.FIRST,
                    "status": AppointmentStatus.DECIDED, "check_date": checked, "check_gaps": "[]",
                    "decision_number": number, "decision_date": decided, "signer": signer,
                    "term_start": row.start, "term_end": term_end_for(row.start), "previous_id": None,
                    "employment_id": row_ids.get((pid, row.start)), "proposed_by_id": users[_proposer(row.slot)],
                    "version": 4, "note": "", "created_at": stamp(checked), "updated_at": stamp(decided),
                }  # fmt: skip
                firsts.append(first)
                numbers.append((number, first["employment_id"]))
                seconds.append(_second_term(rng, career, row, first))
            held = held or TIER.get(row.position or "", 0) >= 3
    return firsts, seconds, numbers


def _second_term(rng, career, row, first):
    """The reappointment (or the extension to retirement) when the first term ends while the row runs."""
    end = first["term_end"]
    if end >= CUTOFF or (row.end is not None and row.end <= end) or career.row_on(end) is not row:
        return None
    retire = retirement_date(career.gender, career.birth)
    if end < retire < add_years(end + timedelta(days=1), 2):
        first["note"] = f"{EXTENSION_NOTE} ({retire:%d/%m/%Y}); thời hạn trước đến {end:%d/%m/%Y}."
        first["term_end"], first["version"] = retire, 5
        return None
    decided = end - timedelta(days=rng.randint(10, 45))
    number, signer = _decision(rng, row.slot)
    return {
        "kind": AppointmentKind.REAPPOINT,
        "status": AppointmentStatus.DECIDED,
        "check_date": decided - timedelta(days=rng.randint(7, 20)),
        "check_gaps": "[]",
        "decision_number": number,
        "decision_date": decided,
        "signer": signer,
        "term_start": end + timedelta(days=1),
        "term_end": term_end_for(end + timedelta(days=1)),
        "version": 4,
        "note": "",
    }


def _movements(rng, careers, person_ids, positions, recorder, row_ids):
    rows, numbers = [], []
    for pos, career in enumerate(careers):
        pid = person_ids[pos]
        for before, row in zip(career.rows, career.rows[1:], strict=False):
            kind = MOVES.get(row.move)
            if kind is None or row.start < MOVES_FROM or before.slot is row.slot:
                continue
            decided = row.start - timedelta(days=rng.randint(5, 30))
            number, _signer = _decision(rng, row.slot)
            rotation = kind == MovementKind.ROTATION
            employment = row_ids.get((pid, row.start))
            rows.append(
                {
                    "person_id": pid,
                    "kind": kind,
                    "from_unit_id": before.slot.unit.pk,
                    "to_unit_id": row.slot.unit.pk,
                    "to_position_id": positions.get(row.position),
                    "direction": direction_between(before.slot.unit, row.slot.unit),
                    "start_date": row.start,
                    "end_date": add_months(row.start, ROTATION_MONTHS) if rotation else None,
                    "decision_number": number,
                    "decision_date": decided,
                    "reason": REASONS[kind],
                    "employment_id": employment,
                    "recorded_by_id": recorder,
                    "version": 1,
                    "created_at": stamp(decided),
                    "updated_at": stamp(decided),
                }
            )
            numbers.append((number, employment))
    return rows, numbers


def _number_rows(numbers) -> None:
    """Copy the decision numbers onto the employment rows (one executemany)."""
    pairs = [(number, pk) for number, pk in numbers if pk is not None]
    table = connection.ops.quote_name(Employment._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(f"UPDATE {table} SET decision_number = %s WHERE id = %s", pairs)  # noqa: S608


def _proposals(users) -> int:
    """A proposal blocked by the standards check and one waiting for it (Sở Nội vụ first, then the others)."""
    head = Position.objects.get(code="TRUONG_PHONG")
    busy = PlanningEntry.objects.filter(status=EntryStatus.PROPOSED).values("person")
    planned = set(
        PlanningEntry.objects.filter(
            status=EntryStatus.APPROVED, post__position=head, post__term__code="2025-2030"
        ).values_list("person", "post__unit")
    )
    people = (
        Person.objects.filter(
            status=PersonStatus.WORKING, position__code="PHO_TRUONG_PHONG", current_unit__level="TINH",
            code__startswith="DB",
        )
        .exclude(pk__in=busy)
        .select_related("current_unit")
        .order_by("code")
    )  # fmt: skip
    people = sorted(people[:400], key=lambda p: p.current_unit.code != "DB-SNV")
    rows, blocked, waiting = [], None, None
    for person in people:
        if waiting is None and (person.pk, person.current_unit_id) in planned:
            waiting = person
            rows.append(_proposal(person, head, users, AppointmentStatus.PROPOSED, None, []))
        elif blocked is None:
            check = check_person(person, head, CHECK_ON, appointment_kind=AppointmentKind.HIGHER)
            if check.gaps:
                blocked = person
                rows.append(
                    _proposal(person, head, users, AppointmentStatus.BLOCKED, CHECK_ON, check.messages)
                )
        if blocked and waiting:
            break
    return insert_rows(Appointment, rows)


def _proposal(person, position, users, status, checked, gaps) -> dict:
    officer = "sonoivu" if person.current_unit.code == "DB-SNV" else "bantochuc"
    return {
        "person_id": person.pk, "position_id": position.pk, "unit_id": person.current_unit_id,
        "kind": AppointmentKind.HIGHER, "status": status, "check_date": checked, "check_gaps": json.dumps(gaps, ensure_ascii=False),
        "decision_number": "", "decision_date": None, "signer": "", "term_start": None, "term_end": None,
        "previous_id": None, "employment_id": None, "proposed_by_id": users[officer], "version": 1 + bool(checked),
        "note": "Đề xuất bổ nhiệm Trưởng phòng (rà soát cuối năm 2025)",
        "created_at": stamp(PROPOSED_ON), "updated_at": stamp(checked or PROPOSED_ON),
    }  # fmt: skip


def build_movements(*, seed: int, careers, person_ids) -> dict:
    rng = random.Random(f"canbo-demo-movements-{seed}")
    users = dict(User.objects.filter(username__in=DEMO_USERNAMES).values_list("username", "pk"))
    positions = dict(Position.objects.values_list("code", "pk"))
    row_ids = _row_ids([Move.BO_NHIEM, *MOVES])
    firsts, seconds, numbers = _appointments(rng, careers, person_ids, positions, users, row_ids)
    insert_rows(Appointment, firsts)
    ids = {
        (person, start): pk
        for pk, person, start in Appointment.objects.filter(
            person__code__startswith="DB", status=AppointmentStatus.DECIDED
        ).values_list("pk", "person_id", "term_start")
    }
    again = [
        {**f, **values, "previous_id": ids[(f["person_id"], f["term_start"])], "employment_id": None,
         "created_at": stamp(values["check_date"]), "updated_at": stamp(values["decision_date"])}
        for f, values in zip(firsts, seconds, strict=True)
        if values is not None
    ]  # fmt: skip
    insert_rows(Appointment, again)
    moves, move_numbers = _movements(rng, careers, person_ids, positions, users["bantochuc"], row_ids)
    insert_rows(Movement, moves)
    _number_rows(numbers + move_numbers)
    proposals = _proposals(users)
    return {
        "appointments": len(firsts) + len(again) + proposals,
        "reappointments": len(again),
        "rotations": sum(1 for m in moves if m["kind"] == MovementKind.ROTATION),
        "transfers": sum(1 for m in moves if m["kind"] == MovementKind.TRANSFER),
    }


def reset_movements() -> None:
    """Delete the demo's appointments and movements (plain DELETEs: audit is off; a term's previous term is
    deleted in the same statement)."""
    root = OrgUnit.objects.filter(code=ROOT_CODE).first()
    if root is None:
        return
    units = OrgUnit.objects.filter(path__startswith=root.path).values("pk")
    for qs in (
        Movement.objects.filter(from_unit__in=units),
        Movement.objects.filter(to_unit__in=units),
        Appointment.objects.filter(unit__in=units),
    ):
        qs._raw_delete(qs.db)
