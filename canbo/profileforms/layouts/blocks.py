"""What both forms print the same way: dates, numbers, the family, training and career tables, the
personal history statements, the photo and the signatures."""

from datetime import date
from decimal import Decimal

from ..document import Note, Signatures, Table
from ..records import DossierRecords


def day(value: date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else ""


def month(value: date | None) -> str:
    return f"{value:%m/%Y}" if value else ""


def number(value: Decimal | None) -> str:
    return "" if value is None else f"{value:.2f}".replace(".", ",")


def span(start: date | None, end: date | None) -> str:
    if start is None:
        return month(end)
    return f"{month(start)} - {month(end) if end else 'nay'}"


def birth(person) -> str:
    d = person.date_of_birth
    return f"ngày {d:%d} tháng {d:%m} năm {d:%Y}"


def post(records: DossierRecords) -> tuple[str, str]:
    """(position, unit) from the career row in force on the date (the register's current values otherwise)."""
    row, person = records.employment, records.person
    if row is not None:
        return (row.position.name if row.position_id else ""), row.unit.name
    return (person.position.name if person.position_id else ""), person.current_unit.name


WITHHELD = (
    "(Không in phần này: thông tin cá nhân nhạy cảm, chỉ bản thân, cán bộ tổ chức của đơn vị và Ban Tổ chức "
    "được xem)"
)


def rank_now(records: DossierRecords) -> dict[str, str]:
    """The rank, step, coefficient and allowances in force on the form's date (the salary row then in force)."""
    row = records.salary_now
    if row is None:
        return dict.fromkeys(
            ("name", "code", "step", "coefficient", "since", "position", "other", "seniority"), ""
        )
    other = row.other_allowances
    if row.seniority_percent:
        other = "; ".join(x for x in (f"Thâm niên vượt khung {row.seniority_percent} %", other) if x)
    return {
        "name": row.rank_name,
        "code": row.rank_code,
        "step": str(row.step or ""),
        "coefficient": number(row.coefficient),
        "since": day(row.since),
        "position": row.position_allowance,
        "other": other,
        "seniority": f"{row.seniority_percent} %" if row.seniority_percent else "",
    }


def id_card_issued(person) -> str:
    """The CCCD's issue date, with the place after it when the record has one ("Ngày cấp" on both forms)."""
    return ", ".join(v for v in (day(person.id_card_issued_on), person.id_card_issued_by) if v)


def first_membership(records: DossierRecords) -> str:
    """The first socio-political organisation joined (Đảng excepted, it has its own item), with the role held."""
    for m in records.memberships:
        if m.organisation == "PARTY":
            continue
        name = m.organisation_name or m.get_organisation_display()
        return f"{day(m.joined_on)}, {name}" + (f" ({m.role})" if m.role else "")
    return ""


def military(records: DossierRecords) -> tuple[str, str, str]:
    """(enlisted, discharged, highest rank) of the first service in the armed forces."""
    if not records.military:
        return "", "", ""
    m = records.military[0]
    return day(m.enlisted_on), day(m.discharged_on), m.highest_rank


def health(records: DossierRecords) -> tuple[str, str, str, str]:
    """(status, height cm, weight kg, blood group) of the latest health record by the date."""
    h = records.health
    if h is None:
        return "", "", "", ""
    return (
        h.get_status_display(),
        f"{h.height_cm} cm" if h.height_cm else "",
        f"{h.weight_kg} kg" if h.weight_kg else "",
        h.blood_group,
    )


def managing_body(records: DossierRecords) -> str:
    unit = records.employment.unit if records.employment else records.person.current_unit
    parent = unit.parent if unit.parent_id else None
    return parent.name if parent is not None else unit.name


def family_rows(members) -> list[list[str]]:
    rows = []
    for m in members:
        details = [
            m.hometown and f"Quê quán: {m.hometown}",
            m.occupation,
            m.residence and f"Nơi ở: {m.residence}",
        ]
        if m.lives_abroad:
            details.append("ở nước ngoài")
        if m.political_memberships:
            details.append(f"Thành viên: {m.political_memberships}")
        if m.deceased_year:
            details.append(f"Đã mất năm {m.deceased_year}")
        rows.append(
            [
                m.get_relation_display(),
                m.full_name,
                str(m.birth_year or ""),
                "; ".join(d for d in details if d),
            ]
        )
    return rows


FAMILY_COLUMNS_2C = [
    ("Mối quan hệ", 2.4),
    ("Họ và tên", 3.6),
    ("Năm sinh", 1.6),
    (
        "Quê quán, nghề nghiệp, chức danh, chức vụ, đơn vị công tác, học tập, nơi ở (trong, ngoài nước); "
        "thành viên các tổ chức chính trị - xã hội …",
        8.9,
    ),
]
TRAINING_COLUMNS = [
    ("Tên trường", 3.6),
    ("Chuyên ngành đào tạo, bồi dưỡng", 3.6),
    ("Từ tháng, năm - đến tháng, năm", 3.0),
    ("Hình thức đào tạo", 2.6),
    ("Văn bằng, chứng chỉ, trình độ gì", 3.7),
]
CAREER_COLUMNS = [
    ("Từ tháng, năm đến tháng, năm", 3.5),
    (
        "Chức danh, chức vụ, đơn vị công tác (đảng, chính quyền, đoàn thể, tổ chức xã hội), kể cả thời gian "
        "được đào tạo, bồi dưỡng về chuyên môn, nghiệp vụ, …",
        13.0,
    ),
]
HISTORY_NOTES = [
    (
        "- Khai rõ: bị bắt, bị tù (từ ngày tháng năm nào đến ngày tháng năm nào, ở đâu), đã khai báo cho ai, "
        "những vấn đề gì? Bản thân có làm việc trong chế độ cũ (cơ quan, đơn vị nào, địa điểm, chức danh, "
        "chức vụ, thời gian làm việc …)",
        ("detention", "former_regime_service"),
    ),
    (
        "- Tham gia hoặc có quan hệ với các tổ chức chính trị, kinh tế, xã hội nào ở nước ngoài (làm gì, tổ "
        "chức nào, đặt trụ sở ở đâu …?)",
        ("foreign_organisations",),
    ),
    (
        "- Có thân nhân (Cha, Mẹ, Vợ, Chồng, con, anh chị em ruột) ở nước ngoài (làm gì, địa chỉ …)?",
        ("relatives_abroad",),
    ),
]


def career_rows(records: DossierRecords) -> list[list[str]]:
    rows = []
    for e in records.career:
        end = e.end_date if e.end_date and e.end_date < records.on else None
        post = f"{e.position.name}, " if e.position_id else ""
        rows.append([span(e.start_date, end), f"{post}{e.unit.name}"])
    return rows


def training_rows(records: DossierRecords) -> list[list[str]]:
    return [[t.school, t.field, span(t.start, t.end), t.mode, t.result] for t in records.training]


def history_notes(records: DossierRecords) -> list[Note]:
    history = records.history
    notes = []
    for text, fields in HISTORY_NOTES:
        answer = "\n".join(getattr(history, f) for f in fields if history and getattr(history, f))
        notes.append(Note(text=text, answer=answer))
    return notes


def awards_text(records: DossierRecords) -> str:
    """Mẫu 2C item 21 "(Hình thức cao nhất, năm nào)": the highest award held on the date, or blank."""
    a = records.highest_award
    if a is None:
        return ""
    return (
        f"{a.get_form_display()} năm {a.year} ({a.issuing_body}, QĐ số {a.decision_number} ngày "
        f"{day(a.decision_date)})"
    )


def discipline_text(records: DossierRecords) -> str:
    """Mẫu 2C item 22 "(hình thức cao nhất, năm nào)": the heaviest sanction decided by the date, or blank."""
    d = records.heaviest_discipline
    if d is None:
        return ""
    return (
        f"{d.get_form_display()} năm {d.decided_on:%Y} (QĐ số {d.decision_number} ngày {day(d.decided_on)}"
        f"{', ' + d.authority if d.authority else ''})"
    )


def salary_table(records: DossierRecords) -> Table:
    """Mẫu 2C item 31 lays the history out sideways: nine columns on the printed form (more when the history is
    longer), rows "Tháng/năm", "Mã ngạch/bậc", "Hệ số lương"."""
    rows = records.salary
    cells = max(len(rows), 9)
    width = 13.5 / cells
    columns = (
        [("Tháng/năm", 3.0)] + [(month(r.since), width) for r in rows] + [("", width)] * (cells - len(rows))
    )
    return Table(
        columns=columns,
        rows=[
            ["Mã ngạch/bậc"] + [f"{r.rank_code}/{r.step or ''}" for r in rows] + [""] * (cells - len(rows)),
            ["Hệ số lương"] + [number(r.coefficient) for r in rows] + [""] * (cells - len(rows)),
        ],
    )


def photo_of_record(records: DossierRecords) -> tuple[bytes | None, str]:
    photo = records.photo
    if photo is None:
        return None, ""
    with photo.image.open("rb") as fh:
        return fh.read(), photo.content_type


def signatures(records: DossierRecords, head: str) -> Signatures:
    """Mẫu 2C and the SYLL: the declarant on the left, the managing body's head (date, signature, seal) on the right."""
    on = records.on
    return Signatures(
        left=[
            ("", ""),
            ("Người khai", "b"),
            ("Tôi xin cam đoan những lời khai trên đây là đúng sự thật", "i"),
            ("(Ký tên, ghi rõ họ tên)", "i"),
            ("", ""),
            ("", ""),
            ("", ""),
            (records.person.full_name, "b"),
        ],
        right=[
            (f"…………, ngày {on:%d} tháng {on:%m} năm {on:%Y}", "i"),
            (head, "b"),
            ("(Ký tên, đóng dấu)", "i"),
        ],
    )
