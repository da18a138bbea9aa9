"""Import of salary history rows from an Excel sheet: read every row, check every cell (Vietnamese error per row and
column), then write in bulk — all or nothing.

The sheet (`SHEET_SPEC`, header on row 1, one salary row per line, in any order of lines):
a person is named by the 12-digit personal ID; the row by its date (ngày hưởng), unique per person. Rows are
appended (a (person, date) already in the database is an error: history is never overwritten). Afterwards each
person's current step and coefficient are those of their newest row.

Entry points: `read_sheet(worksheet)` → rows, `salary_rows_import(*, actor, rows)` → counts, and the command
`python manage.py import_salary FILE --user USERNAME` (a salary sheet on its own). The main import
(canbo/imports) reads the same sheet ("Quá trình lương") of its workbook with its own reader, checks it with
`salary_rows_check` (given the persons of its file) among its other sheets, and writes it with
`salary_rows_write` in its transaction, after the persons.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from canbo.accounts.scoping import unit_editability_q
from canbo.core.audit import audit_bulk, created_changes
from canbo.core.text import unaccent
from canbo.core.xlsx import write_table
from canbo.people.models import Person, Rank

from .models import Allowance, AllowanceKind, ChangeKind, SalaryGrade, SalaryRecord, SalaryScale
from .services import build_record

MAX_ROWS = 50_000


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    required: bool = False
    note: str = ""


SHEET_TITLE = "Quá trình lương"
SHEET_SPEC = [
    Column("national_id", "Số định danh cá nhân", True, "12 chữ số; người đã có trong hồ sơ."),
    Column("effective_on", "Ngày hưởng", True, "dd/mm/yyyy; mỗi người một dòng cho mỗi ngày."),
    Column("kind", "Hình thức", True, "Mã hoặc tên: XEP_LUONG, THUONG_XUYEN, TRUOC_THOI_HAN, VUOT_KHUNG, …"),
    Column("rank", "Mã ngạch", False, "Ví dụ 01.003; để trống: ngạch hiện tại của người."),
    Column("scale", "Nhóm lương", True, "Ví dụ A1, A2.1, B (NĐ 204/2004)."),
    Column("step", "Bậc", True, "Số nguyên, trong số bậc của nhóm."),
    Column("coefficient", "Hệ số", False, "Ví dụ 2,67; để trống: hệ số của bậc."),
    Column("seniority_percent", "Vượt khung (%)", False, "Chỉ ở bậc cuối."),
    Column(
        "counted_from", "Thời điểm tính nâng bậc lần sau", False, "dd/mm/yyyy; để trống: bằng ngày hưởng."
    ),
    Column("decision_number", "Số quyết định", False, "Tối đa 60 ký tự."),
    Column("decision_date", "Ngày quyết định", False, "dd/mm/yyyy."),
    Column("allowance_CHUC_VU", "PC chức vụ (hệ số)", False, "Ví dụ 0,2."),
    Column("allowance_KHU_VUC", "PC khu vực (hệ số)", False, "Ví dụ 0,5."),
    Column("allowance_TRACH_NHIEM", "PC trách nhiệm (hệ số)", False, "Ví dụ 0,1."),
    Column("note", "Ghi chú", False, "Tối đa 300 ký tự."),
]
_BY_LABEL = {unaccent(c.label).lower(): c for c in SHEET_SPEC}
_LABEL = {c.key: c.label for c in SHEET_SPEC}
_KINDS = {unaccent(str(label)).lower(): code for code, label in ChangeKind.choices} | {
    code.lower(): code for code in ChangeKind.values
}


@dataclass
class SheetRow:
    line: int
    values: dict


@dataclass
class ImportResult:
    records: int = 0
    allowances: int = 0
    persons_updated: int = 0
    errors: list[str] = field(default_factory=list)


def read_sheet(worksheet) -> list[SheetRow]:
    """The rows of an openpyxl worksheet keyed by SHEET_SPEC (unknown headers are an error; blank lines
    skipped)."""
    lines = worksheet.iter_rows(values_only=True)
    header = next(lines, None) or ()
    keys, errors = [], []
    for n, title in enumerate(header, start=1):
        label = unaccent(str(title or "")).strip().lower()
        column = _BY_LABEL.get(label)
        if label not in ("", "stt") and column is None:
            errors.append(f"Cột {n}: tiêu đề “{title}” không có trong mẫu.")
        keys.append(column.key if column else None)
    missing = [c.label for c in SHEET_SPEC if c.required and c.key not in keys]
    if missing:
        errors.append("Thiếu cột: " + ", ".join(missing) + ".")
    if errors:
        raise ValidationError(errors)
    rows = []
    for line, values in enumerate(lines, start=2):
        if all(v in (None, "") for v in values):
            continue
        rows.append(SheetRow(line, {k: v for k, v in zip(keys, values, strict=False) if k}))
        if len(rows) > MAX_ROWS:
            raise ValidationError([f"Tối đa {MAX_ROWS:,} dòng một lần.".replace(",", ".")])
    return rows


def write_template(fileobj) -> None:
    """The empty sheet with its headers (the first column, STT, is ignored on reading)."""
    write_table(fileobj, title=SHEET_TITLE, headers=["STT", *(c.label for c in SHEET_SPEC)], rows=[])


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _date(value) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return datetime.strptime(_text(value), "%d/%m/%Y").date()


def _decimal(value) -> Decimal | None:
    if value in (None, ""):
        return None
    if isinstance(value, float):
        value = round(value, 4)
    return Decimal(_text(value).replace(",", "."))


def _int(value) -> int | None:
    number = _decimal(value)
    if number is None:
        return None
    if number != number.to_integral_value():
        raise ValueError
    return int(number)


@dataclass(frozen=True)
class CellError:
    line: int
    key: str  # a SHEET_SPEC key
    message: str

    def __str__(self) -> str:
        return f"Dòng {self.line}, cột “{_LABEL.get(self.key, self.key)}”: {self.message}"


@dataclass
class Planned:
    """The checked rows, ready to be written (`salary_rows_write`)."""

    rows: list = field(default_factory=list)  # (SalaryRecord, [Allowance])

    def __len__(self) -> int:
        return len(self.rows)


@transaction.atomic
def salary_rows_import(*, actor, rows: list[SheetRow]) -> ImportResult:
    """Check every cell of every row, then write all rows at once; any error → ValidationError listing each
    (line, column) and nothing written. A constant number of queries whatever the number of rows."""
    planned, errors = salary_rows_check(actor=actor, rows=rows)
    if errors:
        raise ValidationError([str(e) for e in errors])
    return salary_rows_write(actor=actor, planned=planned)


def salary_rows_check(
    *, actor, rows: list[SheetRow], persons: dict | None = None
) -> tuple[Planned, list[CellError]]:
    """Every row checked, nothing written: (the planned rows, the errors by line and column).

    `persons`: {personal ID: Person} the caller vouches for (the main import's persons of the same file, possibly
    not saved yet; their units were checked there); the other IDs are looked up among the stored persons the
    actor may update (an actor None — the main import's command without a user — may update all)."""
    errors: list[CellError] = []

    def err(row, key, message):
        errors.append(CellError(row.line, key, message))

    given = dict(persons or {})
    ids = {_text(r.values.get("national_id")) for r in rows} - set(given)
    stored = Person.objects.filter(national_id__in=ids)
    condition = unit_editability_q(actor, "current_unit__path") if actor is not None else None
    if condition is not None:
        stored = stored.filter(condition)
    persons = {p.national_id: p for p in stored} | given
    scales = {s.code: s for s in SalaryScale.objects.order_by("valid_from")}  # the latest row of each code
    grades: dict[int, dict[int, Decimal]] = {}
    for scale_id, step, coefficient in SalaryGrade.objects.values_list("scale_id", "step", "coefficient"):
        grades.setdefault(scale_id, {})[step] = coefficient
    ranks = dict(Rank.objects.values_list("code", "pk"))
    saved = {p.pk: nid for nid, p in persons.items() if p.pk}
    taken = {
        (saved[pk], day)
        for pk, day in SalaryRecord.objects.filter(person_id__in=saved).values_list(
            "person_id", "effective_on"
        )
    }
    planned: list[tuple[SalaryRecord, list[Allowance]]] = []
    for row in rows:
        v = row.values
        pid = _text(v.get("national_id"))
        person = persons.get(pid)
        if person is None:
            err(row, "national_id", f"không có người có số định danh “{pid}” trong phạm vi anh/chị cập nhật.")
            continue
        parsed, bad = {}, False
        for key, parse in (
            ("effective_on", _date),
            ("counted_from", _date),
            ("decision_date", _date),
            ("step", _int),
            ("seniority_percent", _int),
            ("coefficient", _decimal),
        ):
            try:
                parsed[key] = parse(v.get(key))
            except (ValueError, InvalidOperation):
                bad = True
                kind = "ngày dd/mm/yyyy" if key.endswith(("_on", "_date", "_from")) else "số"
                err(row, key, f"“{_text(v.get(key))}” không phải là {kind}.")
        kind = _KINDS.get(unaccent(_text(v.get("kind"))).lower())
        if kind is None:
            bad = True
            err(row, "kind", f"hình thức “{_text(v.get('kind'))}” không hợp lệ.")
        scale = scales.get(_text(v.get("scale")).upper())
        if scale is None:
            bad = True
            err(row, "scale", f"nhóm lương “{_text(v.get('scale'))}” không có.")
        rank_code = _text(v.get("rank"))
        if rank_code and rank_code not in ranks:
            bad = True
            err(row, "rank", f"mã ngạch “{rank_code}” không có.")
        if bad:
            continue
        record, field_errors = build_record(
            person=person,
            kind=kind,
            effective_on=parsed["effective_on"],
            scale=scale,
            step=parsed["step"],
            coefficient=parsed["coefficient"],
            seniority_percent=parsed["seniority_percent"] or 0,
            counted_from=parsed["counted_from"],
            decision_number=_text(v.get("decision_number")),
            decision_date=parsed["decision_date"],
            note=_text(v.get("note")),
            grades=grades.get(scale.pk, {}),
        )
        for key, messages in field_errors.items():
            for message in messages:
                err(row, key, message)
        if kind == ChangeKind.EARLY:
            err(row, "kind", "nâng trước thời hạn nhập trên trang lương (cần lý do và kiểm tra tỷ lệ).")
        if rank_code:
            record.rank_id = ranks[rank_code]
        key = (pid, record.effective_on)
        if record.effective_on and key in taken:
            err(
                row,
                "effective_on",
                f"{person.full_name} đã có bản ghi lương ngày {record.effective_on:%d/%m/%Y}.",
            )
        taken.add(key)
        allowances = []
        for kind_code in AllowanceKind.values:
            raw = v.get(f"allowance_{kind_code}")
            if raw in (None, ""):
                continue
            try:
                value = _decimal(raw)
            except InvalidOperation:
                err(row, f"allowance_{kind_code}", f"“{_text(raw)}” không phải là số.")
                continue
            if not (0 < value < 10):
                err(row, f"allowance_{kind_code}", "hệ số phụ cấp phải lớn hơn 0 và nhỏ hơn 10.")
                continue
            allowances.append(Allowance(kind=kind_code, coefficient=value))
        planned.append((record, allowances))
    return Planned(planned), errors


def salary_rows_write(*, actor, planned: Planned) -> ImportResult:
    """Write the checked rows in bulk with their audit rows (inside the caller's transaction); each person's
    current step and coefficient become those of their newest row."""
    planned = planned.rows
    recorder = actor if getattr(actor, "pk", None) else None
    for record, _ in planned:
        record.recorded_by = recorder
        record.person_id = record.person.pk  # a person of the same file is saved by now
        record.unit_id = record.unit_id or record.person.current_unit_id
    records = SalaryRecord.objects.bulk_create([r for r, _ in planned])
    allowances = []
    for record, items in planned:
        for a in items:
            a.record_id = record.pk
            allowances.append(a)
    Allowance.objects.bulk_create(allowances)
    SalaryRecord.objects.mark_current({r.person_id for r in records})
    entries = [(r, 0, created_changes(r)) for r in records] + [(a, 0, created_changes(a)) for a in allowances]
    updated = _sync_persons({r.person_id for r in records})
    entries += [(p, 1, changes) for p, changes in updated]
    audit_bulk(actor=actor, entries=entries)
    return ImportResult(records=len(records), allowances=len(allowances), persons_updated=len(updated))


def _sync_persons(person_ids: set[int]):
    """Person.salary_step / salary_coefficient = each person's newest row (three queries)."""
    newest = dict(
        SalaryRecord.objects.filter(person_id__in=person_ids)
        .values("person_id")
        .annotate(last=Max("effective_on"))
        .values_list("person_id", "last")
    )
    values = {
        pid: (step, coefficient)
        for pid, day, step, coefficient in SalaryRecord.objects.filter(person_id__in=person_ids).values_list(
            "person_id", "effective_on", "step", "coefficient"
        )
        if newest.get(pid) == day
    }
    changed = []
    for person in Person.objects.filter(pk__in=person_ids):
        step, coefficient = values[person.pk]
        if (person.salary_step, person.salary_coefficient) != (step, coefficient):
            changes = {
                "salary_step": (person.salary_step, step),
                "salary_coefficient": (person.salary_coefficient, coefficient),
            }
            person.salary_step, person.salary_coefficient = step, coefficient
            person.version += 1
            changed.append((person, changes))
    Person.objects.bulk_update([p for p, _ in changed], ["salary_step", "salary_coefficient", "version"])
    return changed
