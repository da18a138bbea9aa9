"""The two forms, one function each: the unified SYLL (TT 06/2023/TT-BNV, the national database's profile) and
Mẫu 2C-BNV/2008 (QĐ 02/2008/QĐ-BNV). Each turns a person's records as of a date into blocks (document.py) in the
form's own order, numbering and wording; the renderers draw them to Word and PDF."""

from datetime import date
from decimal import Decimal

from .document import MOTTO, FormDocument, Header, Heading, Line, Note, Signatures, Table
from .records import DossierRecords

DOTS = "…………"


def day(value: date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else ""


def month(value: date | None) -> str:
    return f"{value:%m/%Y}" if value else ""


def number(value: Decimal | None) -> str:
    return "" if value is None else f"{value:.2f}".replace(".", ",")


def _span(start: date | None, end: date | None) -> str:
    if start is None:
        return month(end)
    return f"{month(start)} - {month(end) if end else 'nay'}"


def _birth(person) -> str:
    d = person.date_of_birth
    return f"ngày {d:%d} tháng {d:%m} năm {d:%Y}"


def _post(records: DossierRecords) -> tuple[str, str]:
    """(position, unit) from the career row in force on the date (the register's current values otherwise)."""
    row, person = records.employment, records.person
    if row is not None:
        return (row.position.name if row.position_id else ""), row.unit.name
    return (person.position.name if person.position_id else ""), person.current_unit.name


def _managing_body(records: DossierRecords) -> str:
    unit = records.employment.unit if records.employment else records.person.current_unit
    parent = unit.parent if unit.parent_id else None
    return parent.name if parent is not None else unit.name


def _family_rows(members) -> list[list[str]]:
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
        "- Có thân nhân (bố, mẹ, vợ, chồng, con, anh chị em ruột) ở nước ngoài (làm gì, địa chỉ …)?",
        ("relatives_abroad",),
    ),
]


def _career_rows(records: DossierRecords) -> list[list[str]]:
    rows = []
    for e in records.career:
        end = e.end_date if e.end_date and e.end_date < records.on else None
        post = f"{e.position.name}, " if e.position_id else ""
        rows.append([_span(e.start_date, end), f"{post}{e.unit.name}"])
    return rows


def _training_rows(records: DossierRecords) -> list[list[str]]:
    return [[t.school, t.field, _span(t.start, t.end), t.mode, t.result] for t in records.training]


def _history_notes(records: DossierRecords) -> list[Note]:
    history = records.history
    notes = []
    for text, fields in HISTORY_NOTES:
        answer = "\n".join(getattr(history, f) for f in fields if history and getattr(history, f))
        notes.append(Note(text=text, answer=answer))
    return notes


def _awards_text(records: DossierRecords) -> str:
    return "; ".join(
        f"{a.get_form_display()} năm {a.year} ({a.issuing_body}, QĐ số {a.decision_number} ngày "
        f"{day(a.decision_date)})"
        for a in records.awards
    )


def _discipline_text(records: DossierRecords) -> str:
    return "; ".join(
        f"{d.get_form_display()} (QĐ số {d.decision_number} ngày {day(d.decided_on)}"
        f"{', ' + d.authority if d.authority else ''})"
        for d in records.discipline
    )


def _salary_table(records: DossierRecords) -> Table:
    """Mẫu 2C item 31 lays the history out sideways: one column per change, rows month/year, rank/step, coefficient."""
    rows = records.salary
    cells = max(len(rows), 6)
    width = 13.0 / cells
    columns = (
        [("Tháng/năm", 3.5)] + [(month(r.since), width) for r in rows] + [("", width)] * (cells - len(rows))
    )
    return Table(
        columns=columns,
        rows=[
            ["Mã ngạch/bậc"] + [f"{r.rank_code}/{r.step or ''}" for r in rows] + [""] * (cells - len(rows)),
            ["Hệ số lương"] + [number(r.coefficient) for r in rows] + [""] * (cells - len(rows)),
        ],
    )


def _photo(records: DossierRecords) -> tuple[bytes | None, str]:
    photo = records.photo
    if photo is None:
        return None, ""
    with photo.image.open("rb") as fh:
        return fh.read(), photo.content_type


def _signatures(records: DossierRecords, left_title: str) -> Signatures:
    return Signatures(
        left=[left_title, "(Ký tên, đóng dấu)"],
        right=[
            f"…………, ngày {records.on:%d} tháng {records.on:%m} năm {records.on:%Y}",
            "Người khai",
            "Tôi xin cam đoan những lời khai trên đây là đúng sự thật",
            "(Ký tên, ghi rõ họ tên)",
            "",
            "",
            records.person.full_name,
        ],
    )


def form_2c(records: DossierRecords) -> FormDocument:
    """Mẫu 2C-BNV/2008: items 1) to 32) in the form's order."""
    p = records.person
    position, unit = _post(records)
    hq = records.highest
    photo, photo_type = _photo(records)
    rank = p.rank
    blocks = [
        Line([("1) Họ và tên khai sinh (viết chữ in hoa)", p.full_name.upper())]),
        Line([("2) Tên gọi khác", p.other_names)]),
        Line([("3) Sinh", _birth(p)), ("Giới tính (nam, nữ)", p.get_gender_display())]),
        Line([("4) Nơi sinh", p.place_of_birth)]),
        Line([("5) Quê quán", p.place_of_origin)]),
        Line([("6) Dân tộc", p.get_ethnicity_display()), ("7) Tôn giáo", p.religion or "Không")]),
        Line([("8) Nơi đăng ký hộ khẩu thường trú", "")]),
        Line([("9) Nơi ở hiện nay", p.address)]),
        Line([("10) Nghề nghiệp khi được tuyển dụng", "")]),
        Line([("11) Ngày tuyển dụng", day(p.recruited_on)), ("Vào cơ quan nào, ở đâu", "")]),
        Line([("12) Chức vụ (chức danh) hiện tại", position), ("Đơn vị", unit)]),
        Line([("13) Công việc chính được giao", "")]),
        Line(
            [
                ("14) Ngạch công chức (viên chức)", rank.name if rank else ""),
                ("Mã ngạch", rank.code if rank else ""),
                ("Bậc lương", str(p.salary_step or "")),
                ("Hệ số", number(p.salary_coefficient)),
            ]
        ),
        Line([("15.1- Trình độ giáo dục phổ thông", "")]),
        Line([("15.2- Trình độ chuyên môn cao nhất", hq.get("PROFESSIONAL", ""))]),
        Line(
            [
                ("15.3- Lý luận chính trị", hq.get("POLITICAL_THEORY", "")),
                ("15.4- Quản lý nhà nước", hq.get("STATE_MGMT", "")),
            ]
        ),
        Line([("15.5- Ngoại ngữ", hq.get("FOREIGN_LANGUAGE", "")), ("15.6- Tin học", hq.get("IT", ""))]),
        Line(
            [
                ("16) Ngày vào Đảng Cộng sản Việt Nam", day(p.party_admission_date)),
                ("Ngày chính thức", day(p.party_full_member_date)),
            ]
        ),
        Line([("17) Ngày tham gia tổ chức chính trị - xã hội", "")]),
        Line([("18) Ngày nhập ngũ", ""), ("Ngày xuất ngũ", ""), ("Quân hàm cao nhất", "")]),
        Line([("19) Danh hiệu được phong tặng cao nhất", hq.get("ACADEMIC_TITLE", ""))]),
        Line([("20) Sở trường công tác", "")]),
        Line([("21) Khen thưởng", _awards_text(records))]),
        Line([("22) Kỷ luật", _discipline_text(records))]),
        Line([("23) Tình trạng sức khoẻ", ""), ("Chiều cao", ""), ("Cân nặng", ""), ("Nhóm máu", "")]),
        Line([("24) Là thương binh hạng", ""), ("Là con gia đình chính sách", "")]),
        Line([("25) Số định danh cá nhân", p.national_id)]),
        Line([("26) Số sổ BHXH", "")]),
        Heading("27) ĐÀO TẠO, BỒI DƯỠNG VỀ CHUYÊN MÔN, NGHIỆP VỤ, LÝ LUẬN CHÍNH TRỊ, NGOẠI NGỮ, TIN HỌC"),
        Table(columns=TRAINING_COLUMNS, rows=_training_rows(records), min_rows=3),
        Note(
            "Ghi chú: Hình thức đào tạo: Chính quy, tại chức, chuyên tu, bồi dưỡng …; văn bằng: TSKH, TS, "
            "Ths, Cử nhân, Kỹ sư …"
        ),
        Heading("28) TÓM TẮT QUÁ TRÌNH CÔNG TÁC"),
        Table(columns=CAREER_COLUMNS, rows=_career_rows(records), min_rows=3),
        Heading("29) ĐẶC ĐIỂM LỊCH SỬ BẢN THÂN"),
        *_history_notes(records),
        Heading("30) QUAN HỆ GIA ĐÌNH"),
        Note("a) Về bản thân: Bố, Mẹ, Vợ (hoặc chồng), các con, anh chị em ruột"),
        Table(columns=FAMILY_COLUMNS_2C, rows=_family_rows(records.family_own), min_rows=3),
        Note("b) Về bên vợ (hoặc chồng): Bố, Mẹ, anh chị em ruột"),
        Table(columns=FAMILY_COLUMNS_2C, rows=_family_rows(records.family_spouse), min_rows=3),
        Heading("31) DIỄN BIẾN QUÁ TRÌNH LƯƠNG CỦA CÁN BỘ, CÔNG CHỨC"),
        _salary_table(records),
        Heading("32) NHẬN XÉT, ĐÁNH GIÁ CỦA CƠ QUAN, ĐƠN VỊ QUẢN LÝ VÀ SỬ DỤNG CÁN BỘ, CÔNG CHỨC"),
        Note("", "\n".join(f"Năm {r.year}: {r.get_level_display()}" for r in records.ratings)),
    ]
    return FormDocument(
        key="2c",
        header=Header(
            left=[
                f"Cơ quan, đơn vị có thẩm quyền quản lý CBCC: {_managing_body(records)}",
                f"Cơ quan, đơn vị sử dụng CBCC: {unit}",
            ],
            right=[
                "Mẫu 2C-BNV/2008 ban hành kèm theo Quyết định số 02/2008/QĐ-BNV ngày 06/10/2008 "
                "của Bộ trưởng Bộ Nội vụ",
                f"Số hiệu cán bộ, công chức: {p.code}",
            ],
            motto=False,
            title="SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC",
            photo=photo,
            photo_type=photo_type,
        ),
        blocks=blocks,
        signatures=_signatures(records, "Thủ trưởng cơ quan, đơn vị quản lý và sử dụng CBCC"),
    )


def form_syll(records: DossierRecords) -> FormDocument:
    """The unified SYLL printed from the national database's fields (TT 06/2023/TT-BNV), parts I to IX."""
    p = records.person
    position, unit = _post(records)
    hq = records.highest
    photo, photo_type = _photo(records)
    rank = p.rank
    blocks = [
        Heading("I. THÔNG TIN CHUNG"),
        Line([("1. Họ và tên khai sinh", p.full_name.upper()), ("Giới tính", p.get_gender_display())]),
        Line([("2. Tên gọi khác", p.other_names)]),
        Line([("3. Sinh", _birth(p))]),
        Line([("4. Nơi sinh", p.place_of_birth)]),
        Line([("5. Quê quán", p.place_of_origin)]),
        Line([("6. Dân tộc", p.get_ethnicity_display()), ("7. Tôn giáo", p.religion or "Không")]),
        Line([("8. Số định danh cá nhân", p.national_id)]),
        Line([("9. Nơi ở hiện nay", p.address)]),
        Line([("10. Điện thoại", p.phone), ("Thư điện tử", p.email)]),
        Line([("11. Ngày được tuyển dụng lần đầu", day(p.recruited_on))]),
        Line([("12. Phân loại", p.get_category_display())]),
        Line([("13. Chức vụ hiện tại", position), ("Cơ quan, đơn vị công tác", unit)]),
        Line(
            [
                ("14. Ngạch, chức danh nghề nghiệp", rank.name if rank else ""),
                ("Mã số", rank.code if rank else ""),
                ("Bậc", str(p.salary_step or "")),
                ("Hệ số lương", number(p.salary_coefficient)),
            ]
        ),
        Line(
            [
                ("15. Ngày vào Đảng Cộng sản Việt Nam", day(p.party_admission_date)),
                ("Ngày chính thức", day(p.party_full_member_date)),
            ]
        ),
        Line([("16. Trình độ chuyên môn cao nhất", hq.get("PROFESSIONAL", ""))]),
        Line([("17. Học hàm", hq.get("ACADEMIC_TITLE", ""))]),
        Line(
            [
                ("18. Lý luận chính trị", hq.get("POLITICAL_THEORY", "")),
                ("19. Quản lý nhà nước", hq.get("STATE_MGMT", "")),
            ]
        ),
        Line([("20. Ngoại ngữ", hq.get("FOREIGN_LANGUAGE", "")), ("21. Tin học", hq.get("IT", ""))]),
        Line([("22. Tiếng dân tộc thiểu số", hq.get("ETHNIC_LANGUAGE", ""))]),
        Heading("II. QUÁ TRÌNH ĐÀO TẠO, BỒI DƯỠNG"),
        Table(columns=TRAINING_COLUMNS, rows=_training_rows(records), min_rows=3),
        Heading("III. TÓM TẮT QUÁ TRÌNH CÔNG TÁC"),
        Table(columns=CAREER_COLUMNS, rows=_career_rows(records), min_rows=3),
        Heading("IV. ĐẶC ĐIỂM LỊCH SỬ BẢN THÂN"),
        *_history_notes(records),
        Heading("V. QUAN HỆ GIA ĐÌNH"),
        Note("1. Về bản thân: bố, mẹ, vợ (hoặc chồng), các con, anh chị em ruột"),
        Table(columns=FAMILY_COLUMNS_2C, rows=_family_rows(records.family_own), min_rows=3),
        Note("2. Về bên vợ (hoặc chồng): bố, mẹ, anh chị em ruột"),
        Table(columns=FAMILY_COLUMNS_2C, rows=_family_rows(records.family_spouse), min_rows=3),
        Heading("VI. DIỄN BIẾN QUÁ TRÌNH LƯƠNG"),
        Table(
            columns=[
                ("Từ tháng, năm", 3.5),
                ("Mã ngạch, chức danh", 5.0),
                ("Bậc", 2.5),
                ("Hệ số lương", 5.5),
            ],
            rows=[
                [month(r.since), r.rank_code, str(r.step or ""), number(r.coefficient)]
                for r in records.salary
            ],
        ),
        Heading("VII. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI"),
        Table(
            columns=[("Năm", 2.5), ("Kết quả xếp loại", 8.0), ("Số, ngày quyết định", 6.0)],
            rows=[
                [
                    str(r.year),
                    r.get_level_display(),
                    " ".join(x for x in (r.decision_number, day(r.decided_on)) if x),
                ]
                for r in records.ratings
            ],
        ),
        Heading("VIII. KHEN THƯỞNG"),
        Table(
            columns=[
                ("Năm", 2.0),
                ("Hình thức, danh hiệu", 5.0),
                ("Cấp khen", 5.0),
                ("Số, ngày quyết định", 4.5),
            ],
            rows=[
                [
                    str(a.year),
                    a.get_form_display(),
                    a.issuing_body,
                    f"{a.decision_number} {day(a.decision_date)}",
                ]
                for a in records.awards
            ],
        ),
        Heading("IX. KỶ LUẬT"),
        Table(
            columns=[
                ("Ngày quyết định", 3.0),
                ("Hình thức", 3.5),
                ("Hành vi vi phạm", 5.0),
                ("Số quyết định, cơ quan quyết định", 5.0),
            ],
            rows=[
                [
                    day(d.decided_on),
                    d.get_form_display(),
                    d.reason,
                    ", ".join(x for x in (d.decision_number, d.authority) if x),
                ]
                for d in records.discipline
            ],
        ),
    ]
    return FormDocument(
        key="syll",
        header=Header(
            left=[_managing_body(records), unit],
            right=list(MOTTO),
            motto=True,
            title="SƠ YẾU LÝ LỊCH",
            subtitle=f"(Cán bộ, công chức, viên chức – tính đến ngày {day(records.on)})",
            photo=photo,
            photo_type=photo_type,
        ),
        blocks=blocks,
        signatures=_signatures(records, "Xác nhận của cơ quan, đơn vị quản lý"),
    )


FORMS = {"syll": ("Sơ yếu lý lịch (TT 06/2023/TT-BNV)", form_syll), "2c": ("Mẫu 2C-BNV/2008", form_2c)}
