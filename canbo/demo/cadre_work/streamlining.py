"""Streamlining (tinh giản biên chế) of the demo province: seed 002's 355 cases from 01/11/2020 to 30/06/2023.

`plan_exits` runs before the employment rows are written, with its own rng: 70 % of the seed's count are
resignations of 2020–2025 ("Thôi việc theo nguyện vọng") turned into streamlining exits — same day, same status,
only the note changes, so nothing built from the careers moves. `retire_early` runs after training, ratings,
planning and movements: non-leaders within five years of retirement, with 20 years of service, no qualification
after the day and no rows in those phases, retire early under the policy until exactly round(355 × scale /
25.944) cases have left between 01/11/2020 and 30/06/2023 (their ratings after the exit year are deleted; the
employment row ends on the day with the note "Tinh giản biên chế …"). `build_cases` writes the StreamliningCase
rows, plus a few open cases of late 2025.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import connection
from django.db.models import Q

from canbo.core.bulk import insert_rows
from canbo.evaluation.models import AnnualRating
from canbo.movements.models import Appointment, Movement
from canbo.org.models import OrgSector
from canbo.people.choices import PersonStatus
from canbo.people.models import Employment, Person
from canbo.planning.models import PlanningEntry
from canbo.staffing.choices import CaseStatus, DownsizingPolicy, DownsizingReason
from canbo.staffing.models import StreamliningCase
from canbo.standards.models import ReviewFinding
from canbo.training.models import Enrolment, StudyAssignment

from ..careers import TIER, Career, Row
from ..dates import REFORM, add_years, end_of_month, random_day, retirement_day
from ..planning.writer import stamp

SEED_FROM, SEED_TO, SEED_CASES, SEED_SCALE = date(2020, 11, 1), date(2023, 6, 30), 355, 25_944
DECREE_29_FROM = date(2023, 7, 20)
RESIGNATION = "Thôi việc theo nguyện vọng"
AT_AGE = ("Nghỉ hưu theo Nghị định 135/2020/NĐ-CP", "Nghỉ hưu")
CONVERTED_SHARE = 0.7  # of the seed's cases: resignations turned into streamlining; the rest retire early
LATER_SHARE = 0.4  # of the resignations after 30/06/2023
OPEN_CASES = {CaseStatus.PROPOSED: 8, CaseStatus.APPROVED: 5, CaseStatus.REJECTED: 3}
DETAILS = {
    DownsizingReason.DOI_DU_BO_MAY: "Dôi dư do sắp xếp, kiện toàn tổ chức bộ máy của cơ quan, đơn vị",
    DownsizingReason.DOI_DU_DVHC: "Dôi dư do sắp xếp đơn vị hành chính cấp xã từ 01/07/2025",
    DownsizingReason.DOI_DU_VTVL: "Dôi dư do cơ cấu lại đội ngũ theo Đề án vị trí việc làm được phê duyệt",
    DownsizingReason.CHUA_DAT_CHUAN: (
        "Chưa đạt chuẩn trình độ đào tạo của vị trí việc làm, không thể đào tạo lại, không bố trí được "
        "việc làm khác"
    ),
}
REJECTION = "Vị trí việc làm đang thiếu người, không thuộc diện dôi dư: đề nghị đơn vị bố trí, sử dụng."


@dataclass(eq=False)
class Exit:
    pos: int  # index in careers
    row: Row  # the row the person leaves (its unit and category are the case's)
    day: date
    policy: str
    reason: str
    number: str
    decided: date
    proposed: date


def basis(day: date) -> str:
    if day >= DECREE_29_FROM:
        return "Nghị định 29/2023/NĐ-CP"
    return "Nghị định 108/2014/NĐ-CP, Nghị định 113/2018/NĐ-CP"


def _number(rng, row: Row) -> str:
    party = row.slot.sector in (OrgSector.DANG, OrgSector.MTTQ_DOAN_THE)
    return f"{rng.randint(120, 3400)}-QĐ/TU" if party else f"{rng.randint(120, 3400)}/QĐ-UBND"


def _reason(rng, row: Row, early: bool) -> str:
    if row.start >= REFORM and not early:
        return DownsizingReason.DOI_DU_DVHC if rng.random() < 0.6 else DownsizingReason.DOI_DU_BO_MAY
    r = rng.random()
    if r < 0.5:
        return DownsizingReason.DOI_DU_VTVL
    return DownsizingReason.CHUA_DAT_CHUAN if r < 0.8 else DownsizingReason.DOI_DU_BO_MAY


def _exit(rng, pos: int, row: Row, day: date, early: bool) -> Exit:
    if early:
        policy = DownsizingPolicy.EARLY_RETIREMENT
    else:
        r = rng.random()
        policy = (
            DownsizingPolicy.LEAVE_NOW
            if r < 0.7
            else DownsizingPolicy.LEAVE_AFTER_TRAINING
            if r < 0.85
            else DownsizingPolicy.TRANSFER_OUT
        )
    decided = max(day - timedelta(days=rng.randint(15, 45)), row.start + timedelta(days=1))
    proposed = max(decided - timedelta(days=rng.randint(20, 50)), row.start)
    return Exit(pos, row, day, policy, _reason(rng, row, early), _number(rng, row), decided, proposed)


def _early_day(rng, career: Career, awards_after) -> date | None:
    """The day a non-leader leaves under the early-retirement policy, or None if they do not qualify."""
    day = end_of_month(random_day(rng, SEED_FROM, SEED_TO))
    row = career.row_on(day)
    if row is None or row is not career.last or row.start > day - timedelta(days=180):
        return None
    if TIER.get(row.position or "", 0) or career.recruited > add_years(day, -20):
        return None
    retire = retirement_day(career.gender, career.birth)
    if not (day + timedelta(days=180) <= retire <= add_years(day, 5)):
        return None
    at_age = career.status == PersonStatus.RETIRED and any(row.note.endswith(n) for n in AT_AGE)
    if career.status != PersonStatus.WORKING and not at_age:
        return None
    if awards_after.get(id(career), date.min) > day:
        return None
    return day


def _end(career: Career, day: date, status: str, exit_: Exit, strip: tuple[str, ...]) -> None:
    row = career.last
    note = row.note
    for suffix in strip:
        if note.endswith(suffix):
            note = note[: -len(suffix)].strip()
            break
    text = f"Tinh giản biên chế theo {basis(day)} (QĐ số {exit_.number} ngày {exit_.decided:%d/%m/%Y})"
    row.end, row.note = day, f"{note} {text}".strip()[:255]
    career.status, career.status_date = status, day


def plan_exits(*, seed: int, scale: int, careers: list[Career]) -> list[Exit]:
    """Resignations of 2020–2025 that become streamlining exits (same day and status: only the note changes, so
    nothing built from the careers moves)."""
    rng = random.Random(f"canbo-demo-{seed}-streamlining")
    wanted = round(SEED_CASES * scale / SEED_SCALE)
    resigned = [
        pos
        for pos, c in enumerate(careers)
        if c.status == PersonStatus.MOVED_OUT
        and c.last.note.endswith(RESIGNATION)
        and c.status_date.year >= 2020
    ]
    in_window = [p for p in resigned if SEED_FROM <= careers[p].status_date <= SEED_TO]
    later = [p for p in resigned if careers[p].status_date > SEED_TO]
    converted = sorted(rng.sample(in_window, min(len(in_window), round(wanted * CONVERTED_SHARE))))
    converted += sorted(rng.sample(later, round(len(later) * LATER_SHARE)))
    exits = []
    for pos in converted:
        career = careers[pos]
        exit_ = _exit(rng, pos, career.last, career.status_date, early=False)
        _end(career, career.status_date, PersonStatus.MOVED_OUT, exit_, (RESIGNATION,))
        exits.append(exit_)
    return exits


def _busy_people() -> set[int]:
    """Demo persons with training from 01/11/2020, or any planning, appointment, movement or review row: never
    early retirees (those rows were built from the careers before the exits)."""
    busy = set()
    for qs in (
        Enrolment.objects.filter(Q(start_date__gte=SEED_FROM) | Q(end_date__gte=SEED_FROM)),
        StudyAssignment.objects.filter(expected_end__gte=SEED_FROM),
        PlanningEntry.objects.all(),
        Appointment.objects.all(),
        Movement.objects.all(),
        ReviewFinding.objects.all(),
    ):
        busy.update(qs.order_by().values_list("person_id", flat=True).distinct())
    return busy


def retire_early(
    *, seed: int, scale: int, careers: list[Career], awards, person_ids: list[int], exits: list[Exit]
) -> list[Exit]:
    """Non-leaders within five years of retirement (20 years of service) leave early under the policy until the
    seed's window has its count; run after the phases that read the careers, on people none of them used (their
    ratings after the exit year are deleted). The careers, employment and Person rows end on the day."""
    rng = random.Random(f"canbo-demo-{seed}-streamlining-early")
    wanted = round(SEED_CASES * scale / SEED_SCALE) - sum(1 for e in exits if SEED_FROM <= e.day <= SEED_TO)
    last_award = {}
    for award in awards:
        key = id(award.career)
        last_award[key] = max(last_award.get(key, date.min), award.awarded_on)
    busy = _busy_people()
    early = []
    for pos, career in enumerate(careers):
        day = _early_day(rng, career, last_award)
        if day is not None and person_ids[pos] not in busy:
            early.append((pos, day))
    early = sorted(rng.sample(early, min(len(early), max(wanted, 0))))
    people, rows, ratings = [], [], []
    for pos, day in early:
        career = careers[pos]
        row = career.last
        exit_ = _exit(rng, pos, row, day, early=True)
        _end(career, day, PersonStatus.RETIRED, exit_, AT_AGE)
        exits.append(exit_)
        pid = person_ids[pos]
        people.append((PersonStatus.RETIRED, day, pid))
        rows.append((day, row.note, pid, row.start))
        ratings.append((pid, day.year + ((day.month, day.day) == (12, 31))))  # rated if working on 31/12
    ops = connection.ops
    person, employment = ops.quote_name(Person._meta.db_table), ops.quote_name(Employment._meta.db_table)
    rating = ops.quote_name(AnnualRating._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(f"UPDATE {person} SET status = %s, status_date = %s WHERE id = %s", people)  # noqa: S608
        cursor.executemany(
            f"UPDATE {employment} SET end_date = %s, note = %s WHERE person_id = %s AND start_date = %s",  # noqa: S608
            rows,
        )
        cursor.executemany(f"DELETE FROM {rating} WHERE person_id = %s AND year >= %s", ratings)  # noqa: S608
    return sorted(exits, key=lambda e: (e.day, e.pos))


def _open_cases(rng, careers: list[Career], taken: set[int]) -> list[tuple[str, int, Row]]:
    """Working non-leaders near retirement proposed in late 2025: some wait, some approved, some refused."""
    day = date(2025, 11, 15)
    pool = [
        pos
        for pos, c in enumerate(careers)
        if pos not in taken
        and c.status == PersonStatus.WORKING
        and TIER.get(c.last.position or "", 0) == 0
        and c.last.start < day - timedelta(days=365)
        and c.recruited <= add_years(day, -20)
        and date(2026, 6, 30) < retirement_day(c.gender, c.birth) <= add_years(day, 5)
    ]
    out = []
    for status, count in OPEN_CASES.items():
        for pos in rng.sample(pool, min(len(pool), count)):
            pool.remove(pos)
            out.append((status, pos, careers[pos].last))
    return out


def build_cases(*, seed: int, careers: list[Career], person_ids: list[int], exits: list[Exit], users) -> dict:
    rng = random.Random(f"canbo-demo-{seed}-streamlining-cases")
    board = users["bantochuc"]
    rows = []
    for e in exits:
        early = e.policy == DownsizingPolicy.EARLY_RETIREMENT
        detail = DETAILS[e.reason] + (
            "; tự nguyện nghỉ hưu trước tuổi, đủ 20 năm đóng bảo hiểm xã hội" if early else ""
        )
        rows.append(
            _row(person_ids[e.pos], e.row, e.reason, e.policy, e.proposed, board)
            | {
                "reason_detail": f"{detail} ({basis(e.day)}).",
                "status": CaseStatus.EXITED,
                "decision_number": e.number,
                "decision_date": e.decided,
                "decided_by_id": board,
                "planned_exit_date": e.day,
                "exit_date": e.day,
                "version": 3,
                "updated_at": stamp(e.day),
            }
        )
    taken = {e.pos for e in exits}
    for status, pos, row in _open_cases(rng, careers, taken):
        proposed = date(2025, 11, rng.randint(3, 28))
        reason = rng.choice([DownsizingReason.DOI_DU_VTVL, DownsizingReason.DOI_DU_BO_MAY])
        item = _row(person_ids[pos], row, reason, DownsizingPolicy.EARLY_RETIREMENT, proposed, board)
        item["reason_detail"] = f"{DETAILS[reason]} ({basis(proposed)})."
        if status == CaseStatus.APPROVED:
            decided = proposed + timedelta(days=rng.randint(12, 25))
            item |= {
                "status": status, "decision_number": _number(rng, row), "decision_date": decided,
                "decided_by_id": board, "planned_exit_date": date(2026, 3 + rng.randint(0, 3), 1) - timedelta(days=1),
                "version": 2, "updated_at": stamp(decided),
            }  # fmt: skip
        elif status == CaseStatus.REJECTED:
            decided = proposed + timedelta(days=rng.randint(12, 25))
            item |= {"status": status, "rejection_reason": REJECTION, "decided_by_id": board, "version": 2,
                     "updated_at": stamp(decided)}  # fmt: skip
        rows.append(item)
    insert_rows(StreamliningCase, rows)
    return {"exited": len(exits), "open": len(rows) - len(exits)}


def _row(person_id: int, row: Row, reason: str, policy: str, proposed: date, board: int) -> dict:
    return {
        "person_id": person_id, "unit_id": row.slot.unit.pk, "category": row.category, "reason": reason,
        "reason_detail": "", "policy": policy, "status": CaseStatus.PROPOSED, "proposed_on": proposed,
        "proposed_by_id": board, "is_pregnant": False, "youngest_child_birth": None, "under_prosecution": False,
        "decision_number": "", "decision_date": None, "decided_by_id": None, "planned_exit_date": None,
        "exit_date": None, "rejection_reason": "", "version": 1, "created_at": stamp(proposed),
        "updated_at": stamp(proposed),
    }  # fmt: skip


def reset_cases(units) -> None:
    """Delete the demo's cases (`units`: the demo's unit ids; plain DELETE, audit is off)."""
    qs = StreamliningCase.objects.filter(unit__in=units)
    qs._raw_delete(qs.db)


__all__ = ["Exit", "build_cases", "plan_exits", "reset_cases", "retire_early"]
