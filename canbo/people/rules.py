"""The record rules of the personnel register: one place for the services (one record at a time, inside
`full_clean`) and the Excel import (thousands of rows validated in memory). Only the working age reads the database
(its dated rules, one query; the import loads them once)."""

import functools
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone

from canbo.core.dates import add_years
from canbo.core.exceptions import add_error
from canbo.core.rulebook import RuleHistory, RuleMissing
from canbo.org.models import AdminLevel, UnitKind

from .choices import LEGACY_CATEGORIES, PersonnelMove, level_rank
from .models import Employment, PeopleRule, Person, Qualification
from .national_codes import religion_error
from .validators import check_national_id_matches, has_control_characters, validate_national_id

REFORM_DATE = date(2025, 7, 1)  # two-tier local government: no district units, no commune categories

Errors = dict[str, list[str]]


def _constraint_message(model, name: str) -> str:
    constraint = next(c for c in model._meta.constraints if c.name == name)
    return str(constraint.get_violation_error_message())


@functools.cache
def _exclude(model, fields: tuple[str, ...]) -> frozenset[str]:
    return frozenset(f.name for f in model._meta.fields if f.name not in fields)


def field_errors(obj, *, fields: list[str]) -> Errors:
    """Django's own field validation (lengths, ranges, e-mail, choices) for `fields` only: no queries."""
    try:
        obj.clean_fields(exclude=_exclude(type(obj), tuple(fields)))
    except ValidationError as exc:
        return {name: [str(m) for m in messages] for name, messages in exc.message_dict.items()}
    return {}


NAME_FIELDS = {
    "full_name": "Họ và tên không được chứa ký tự điều khiển.",
    "other_names": "Tên gọi khác không được chứa ký tự điều khiển.",
    "id_card_issued_by": "Nơi cấp thẻ căn cước không được chứa ký tự điều khiển.",
    "family_other_income": "Nguồn thu nhập khác không được chứa ký tự điều khiển.",
    "family_housing": "Thông tin nhà ở không được chứa ký tự điều khiển.",
    "family_land": "Thông tin đất ở không được chứa ký tự điều khiển.",
}


def person_rule_errors(person: Person, *, today=None) -> Errors:
    """names and free texts without control characters, CCCD issued between birth and today, personal ID format and agreement with gender and birth year, birth
    date not in the future, Party admission at 18 or older, full membership after admission."""
    today = today or timezone.localdate()
    errors: Errors = {}
    for field, message in NAME_FIELDS.items():
        if has_control_characters(getattr(person, field)):
            add_error(errors, field, message)
    try:
        validate_national_id(person.national_id)
    except ValidationError as exc:
        for message in exc.messages:
            add_error(errors, "national_id", message)
    birth = person.date_of_birth
    for message in check_national_id_matches(
        person.national_id, person.gender, birth.year if birth else None
    ):
        add_error(errors, "national_id", message)
    if birth and birth > today:
        add_error(errors, "date_of_birth", "Ngày sinh không được ở tương lai.")
    issued = person.id_card_issued_on
    if issued and issued > today:
        add_error(errors, "id_card_issued_on", "Ngày cấp thẻ căn cước không được ở tương lai.")
    if issued and birth and issued < birth:
        add_error(
            errors, "id_card_issued_on", _constraint_message(Person, "person_id_card_issued_after_birth")
        )
    if message := religion_error(person.religion):  # the national code list (NĐ 27/2026), "Không" for none
        add_error(errors, "religion", message)
    admitted = person.party_admission_date
    if admitted and birth and admitted < add_years(birth, 18):
        add_error(errors, "party_admission_date", "Ngày vào Đảng phải từ đủ 18 tuổi trở lên.")
    full = person.party_full_member_date
    if full and (not admitted or full < admitted):
        add_error(errors, "party_full_member_date", _constraint_message(Person, "person_party_dates_ordered"))
    return errors


# The youngest age at which a career row may start, by category: dated rows of PeopleRule (`working_age.<category>`,
# migration 0009, shown on the "Căn cứ pháp lý" page), read by the row's start date. Cán bộ and công chức: from 18
# (Luật CBCC 2008 Điều 36 → Luật Cán bộ, công chức 2025). Viên chức: from 18, or from 15 in a culture, arts or sport
# unit with the written consent of a legal representative (Luật Viên chức 2010 Điều 22, NĐ 115/2020 Điều 5): the
# register does not know a unit's field, so it refuses under 15 and leaves the 15–18 exception to the officer. A
# contract worker: from 15 (Bộ luật Lao động 2019 Điều 3, 143); the light works of Điều 145 for younger children are
# not posts of a public body. A category with no version on the date (the commune categories after 30/06/2025,
# refused by the reform rule) has no age check.
WORKING_AGE = "working_age."


@dataclass(frozen=True)
class WorkingAges:
    """Every version of the working-age rules, loaded in one query: the services load them per call, the Excel
    import once for the whole workbook."""

    versions: dict[str, list]

    @classmethod
    def load(cls) -> "WorkingAges":
        versions: dict[str, list] = {}
        for row in PeopleRule.objects.filter(code__startswith=WORKING_AGE).order_by("valid_from"):
            versions.setdefault(row.code.removeprefix(WORKING_AGE), []).append(row)
        return cls(versions)

    def on(self, category: str, day: date) -> tuple[int, str] | None:
        """(minimum age in years, the rule's wording) for a row of `category` starting on `day`, or None."""
        try:
            value = RuleHistory(category, self.versions.get(category, [])).on(day)
        except RuleMissing:
            return None
        return value["min_age_years"], value["rule"]


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def working_age_errors(
    *, birth: date | None, start: date | None, category: str, ages: WorkingAges | None = None
) -> Errors:
    """A career row starts at the working age of its category in force on its start date, never before birth.
    `ages`: the rules loaded once by a caller that checks many rows (one query otherwise)."""
    errors: Errors = {}
    if not birth or not start:
        return errors
    found = (ages or WorkingAges.load()).on(category, start)
    if found is None:
        return errors
    minimum, rule = found
    if start < birth:
        add_error(errors, "start_date", "Ngày bắt đầu công tác không được trước ngày sinh.")
    elif start < add_years(birth, minimum):
        add_error(
            errors,
            "start_date",
            f"Ngày {start:%d/%m/%Y} người này mới {age_on(birth, start)} tuổi (sinh {birth:%d/%m/%Y}): {rule}.",
        )
    return errors


def employment_rule_errors(
    emp: Employment, unit, *, birth: date | None = None, ages: WorkingAges | None = None
) -> Errors:
    """`emp` is an Employment or anything with start_date, end_date and category; `birth` the person's; `ages` the
    working-age rules when the caller loaded them (the import: once per workbook).

    As _validate_employment without its queries: dates in order, the working age at the start, the unit in
    force on the start date and a body (not an area), no legacy categories or district units from 01/07/2025.
    Overlaps are checked by the caller on the whole timeline in memory."""
    errors: Errors = working_age_errors(birth=birth, start=emp.start_date, category=emp.category, ages=ages)
    if emp.end_date and emp.start_date and emp.end_date < emp.start_date:
        add_error(errors, "end_date", "Ngày kết thúc phải sau ngày bắt đầu.")
    if unit is not None and emp.start_date:
        if unit.valid_from > emp.start_date or (unit.valid_to and unit.valid_to < emp.start_date):
            add_error(
                errors,
                "unit",
                f"Đơn vị {unit.name} không còn hoặc chưa hoạt động vào ngày {emp.start_date:%d/%m/%Y}.",
            )
        if unit.kind == UnitKind.AREA:
            add_error(errors, "unit", "Hãy chọn cơ quan, đơn vị cụ thể, không chọn địa bàn.")
    if emp.start_date and emp.start_date >= REFORM_DATE:
        if emp.category in LEGACY_CATEGORIES:
            add_error(errors, "category", "Từ 01/07/2025 không còn phân loại cán bộ, công chức cấp xã.")
        if unit is not None and unit.level == AdminLevel.HUYEN:
            add_error(errors, "unit", "Từ 01/07/2025 không còn đơn vị cấp huyện.")
    return errors


def qualification_rule_errors(qual: Qualification, *, today=None) -> Errors:
    """the level belongs to the scale (and sets the rank), not awarded later
    than today."""
    today = today or timezone.localdate()
    errors: Errors = {}
    rank = level_rank(qual.scale, qual.level)
    if rank is None:
        add_error(errors, "level", f"Trình độ “{qual.level}” không thuộc loại “{qual.get_scale_display()}”.")
    else:
        qual.rank = rank
    if qual.awarded_on and qual.awarded_on > today:
        add_error(errors, "awarded_on", "Ngày cấp không được ở tương lai.")
    return errors


# The career-timeline rules shared by the services (one row at a time) and the Excel import (whole timelines in
# memory): one definition each, so that a row closed by a form and a row closed by a file end the same way.
def close_open_row(open_row: Employment, *, next_start: date | None = None, ended_on: date | None = None,
                   move: str = "", decision_number: str = "") -> list[str]:  # fmt: skip
    """End a current row: the day before a later row starts (a transfer), or on the day the service ends
    (retirement, leaving, death: `ended_on`, with the move and decision in the row's note). Returns the
    fields changed."""
    if next_start is not None:
        open_row.end_date = next_start - timedelta(days=1)
        return ["end_date"]
    open_row.end_date = ended_on
    if move or decision_number:
        label = str(PersonnelMove(move).label) if move else ""
        open_row.note = (f"{open_row.note} {label} {decision_number}").strip()[:255]
        open_row.note = " ".join(open_row.note.split())
        return ["end_date", "note"]
    return ["end_date"]


def latest_row(rows):
    """The current row of a timeline: the one that starts last (None for no row)."""
    return max(rows, key=lambda row: row.start_date, default=None)


def rows_to_close(ordered: list) -> list[tuple[Employment, date]]:
    """The open rows a later current row ends, with the start of the row that follows each: (row, next start).

    `ordered` is a timeline by start date. An open row that is not the last ends the day before the next row
    starts when the last row is open (a transfer: the new row is the current one). Callers end them with
    close_open_row(row, next_start=...)."""
    if not ordered or ordered[-1].end_date is not None:
        return []
    return [
        (row, following.start_date)
        for row, following in zip(ordered, ordered[1:], strict=False)
        if row.end_date is None and row.start_date < following.start_date
    ]


def periods_overlap(a, b) -> bool:
    """Two career rows share a day (an open end runs on without limit)."""
    return (a.end_date is None or a.end_date >= b.start_date) and (
        b.end_date is None or b.end_date >= a.start_date
    )


def overlapping_neighbours(ordered: list) -> list[tuple]:
    """(earlier, later) rows that overlap in a timeline ordered by start date. Set-based: with rows sorted by start,
    any overlap shows between neighbours, so one pass over the sorted rows finds whether a timeline is sound."""
    return [(a, b) for a, b in zip(ordered, ordered[1:], strict=False) if periods_overlap(a, b)]


def take_current_values(person: Person, latest: Employment) -> None:
    """A person's current unit, post and category are those of their latest career row."""
    person.current_unit_id, person.position_id, person.category = (
        latest.unit_id,
        latest.position_id,
        latest.category,
    )


def service_end_errors(open_row: Employment | None, ended_on: date) -> Errors:
    """The current row cannot end before it started."""
    errors: Errors = {}
    if open_row is not None and open_row.start_date and ended_on < open_row.start_date:
        add_error(errors, "status_date", "Ngày kết thúc không được trước ngày bắt đầu công tác hiện tại.")
    return errors


# A diploma is issued some months after the course ends (the defence, then the degree): a recorded qualification
# of the same scale and level dated up to this long after the completion is the one the course granted.
DIPLOMA_ISSUE_DAYS = 183


def granted_in_course_window(course_start: date, awarded_on: date) -> tuple[date, date]:
    """The dates within which a recorded qualification is the same one a completed course grants."""
    return course_start, awarded_on + timedelta(days=DIPLOMA_ISSUE_DAYS)
