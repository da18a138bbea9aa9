"""The sơ yếu lý lịch of the national database (TT 06/2023/TT-BNV): items 1) to 38) in the form's order and wording
(checked against the form, see docs/decisions/040-outputs16-forms-checked.md). Items the register does not hold
print as dotted blanks, to be filled in by hand, as on the printed form."""

from canbo.emulation.choices import INDIVIDUAL_TITLES

from ..document import FormDocument, Header, Heading, Line, Note, Table
from ..records import DossierRecords
from .blocks import (
    WITHHELD,
    day,
    family_rows,
    first_membership,
    health,
    id_card_issued,
    managing_body,
    military,
    month,
    number,
    photo_of_record,
    post,
    rank_now,
    signatures,
)

FAMILY_COLUMNS = [
    ("Mối quan hệ", 2.2),
    ("Họ và tên", 3.6),
    ("Năm sinh", 1.6),
    (
        "Quê quán, nghề nghiệp, chức danh, chức vụ, đơn vị công tác, học tập, nơi ở (trong, ngoài nước); thành "
        "viên các tổ chức chính trị - xã hội (trong, ngoài nước); làm việc cho chế độ cũ, tiền án, tiền sự "
        "(nếu có)",
        9.1,
    ),
]
FROM_TO = [("Tháng/năm Từ", 2.0), ("Tháng/năm Đến", 2.0)]
TRAINING_TABLES = [
    (
        "PROFESSIONAL",
        "32.1- Chuyên môn (từ trung cấp trở lên cả trong nước và nước ngoài)",
        [
            ("Tên cơ sở đào tạo", 3.6),
            ("Chuyên ngành đào tạo", 3.4),
            ("Hình thức đào tạo", 2.4),
            ("Văn bằng, trình độ", 3.1),
        ],
    ),
    (
        "POLITICAL_THEORY",
        "32.2- Lý luận chính trị",
        [("Tên cơ sở đào tạo", 5.0), ("Hình thức đào tạo", 3.0), ("Văn bằng được cấp", 4.5)],
    ),
    (
        "FOSTERING",
        "32.3- Bồi dưỡng quản lý nhà nước/ chức danh nghề nghiệp/ nghiệp vụ chuyên ngành",
        [("Tên cơ sở đào tạo", 7.0), ("Chứng chỉ được cấp", 5.5)],
    ),
    (
        "DEFENCE",
        "32.4- Bồi dưỡng kiến thức an ninh, quốc phòng",
        [("Tên cơ sở đào tạo", 7.0), ("Chứng chỉ được cấp", 5.5)],
    ),
    ("IT", "32.5- Tin học", [("Tên cơ sở đào tạo", 7.0), ("Chứng chỉ được cấp", 5.5)]),
    (
        "LANGUAGE",
        "32.6- Ngoại ngữ/ tiếng dân tộc",
        [
            ("Tên cơ sở đào tạo", 3.8),
            ("Tên ngoại ngữ/ tiếng dân tộc", 3.2),
            ("Chứng chỉ được cấp", 3.5),
            ("Điểm số", 2.0),
        ],
    ),
]


def _training_tables(records: DossierRecords) -> list:
    blocks = []
    for group, title, columns in TRAINING_TABLES:
        rows = []
        for t in records.training:
            if t.group != group:
                continue
            cells = {
                "Tên cơ sở đào tạo": t.school,
                "Chuyên ngành đào tạo": t.field,
                "Tên ngoại ngữ/ tiếng dân tộc": t.field,
                "Hình thức đào tạo": t.mode,
            }
            rows.append(
                [month(t.start), month(t.end) if t.end else ("nay" if t.start else "")]
                + [cells.get(name, t.result if name != "Điểm số" else "") for name, _w in columns]
            )
        blocks += [Note(title), Table(columns=FROM_TO + columns, rows=rows, min_rows=1)]
    return blocks


def _career_rows(records: DossierRecords) -> list[list[str]]:
    rows = []
    for e in records.career:
        end = e.end_date if e.end_date and e.end_date < records.on else None
        rows.append(
            [
                month(e.start_date),
                month(end) if end else "nay",
                e.unit.name,
                e.position.name if e.position_id else "",
            ]
        )
    return rows


def _history(records: DossierRecords) -> list:
    h = records.history
    return [
        Note(
            "34.1- Khai rõ: bị bắt, bị tù (từ ngày tháng năm nào đến ngày tháng năm nào, ở đâu?), đã khai báo cho "
            "ai, những vấn đề gì?",
            h.detention if h else "",
        ),
        Note("34.2- Bản thân có làm việc cho chế độ cũ"),
        Table(
            columns=[*FROM_TO, ("Chức danh, chức vụ, đơn vị, địa điểm đã làm việc", 12.5)],
            rows=[["", "", h.former_regime_service]] if h and h.former_regime_service else [],
        ),
        Note("34.3- Tham gia hoặc có quan hệ với các tổ chức chính trị, kinh tế, xã hội … ở nước ngoài"),
        Table(
            columns=[*FROM_TO, ("Tên tổ chức, địa chỉ trụ sở, công việc đã làm", 12.5)],
            rows=[["", "", h.foreign_organisations]] if h and h.foreign_organisations else [],
        ),
    ]


def _merits(records: DossierRecords) -> list[list[str]]:
    """35.1: one row a year — the year's rating, its emulation title, its other commendations."""
    years: dict[int, list[list[str]]] = {}
    for r in records.ratings:
        years.setdefault(r.year, [[], [], []])[0].append(r.get_level_display())
    for a in records.awards:
        column = 1 if a.form in INDIVIDUAL_TITLES else 2
        source = ", ".join(
            v for v in (a.issuing_body, a.decision_number and f"QĐ số {a.decision_number}") if v
        )
        text = a.get_form_display() + (f" ({source})" if source else "")
        years.setdefault(a.year, [[], [], []])[column].append(text)
    return [[str(year), *("; ".join(c) for c in cells)] for year, cells in sorted(years.items())]


def _family(members, records: DossierRecords) -> list:
    if not records.sensitive_shown:
        return [Table(columns=FAMILY_COLUMNS, rows=[], min_rows=1), Note(WITHHELD)]
    return [Table(columns=FAMILY_COLUMNS, rows=family_rows(members), min_rows=3)]


def _salary_rows(records: DossierRecords) -> list[list[str]]:
    return [
        [month(r.since), month(r.until), r.rank_code, str(r.step or ""), number(r.coefficient), ""]
        for r in records.salary
    ]


def _allowance_rows(records: DossierRecords) -> list[list[str]]:
    return [
        [month(r.since), month(r.until), kind, percent, coefficient, "", ""]
        for r in records.salary
        for kind, percent, coefficient in r.allowance_rows
    ]


HOUSING_LINES = [
    Line([("- Nhà ở: + Được cấp, được thuê (loại nhà)", ""), ("tổng diện tích sử dụng (m2)", "")]),
    Line([("Giấy chứng nhận quyền sở hữu", "")]),
    Line([("+ Nhà tự mua, tự xây (loại nhà)", ""), ("tổng diện tích sử dụng (m2)", "")]),
    Line([("Giấy chứng nhận quyền sở hữu", "")]),
]
LAND_LINES = [
    Line([("- Đất ở: + Đất được cấp (m2)", ""), ("Giấy chứng nhận quyền sử dụng", "")]),
    Line([("+ Đất tự mua (m2)", ""), ("Giấy chứng nhận quyền sử dụng", "")]),
    Line([("- Đất sản xuất kinh doanh", "")]),
]


def _economy(records: DossierRecords) -> list:
    """37.3: the record's free texts on other income, housing and land; a part the record leaves empty keeps the
    form's own lines, to be filled in by hand. Withheld, as the family, from a reader not entitled to it."""
    if not records.sensitive_shown:
        return [
            Line([("- Tiền lương", "")]),
            Line([("- Các nguồn khác", "")]),
            *HOUSING_LINES,
            *LAND_LINES,
            Note(WITHHELD),
        ]
    p = records.person
    housing = [Line([("- Nhà ở", p.family_housing)])] if p.family_housing else HOUSING_LINES
    land = [Line([("- Đất ở, đất sản xuất kinh doanh", p.family_land)])] if p.family_land else LAND_LINES
    return [
        Line([("- Tiền lương", "")]),
        Line([("- Các nguồn khác", p.family_other_income)]),
        *housing,
        *land,
    ]


def form_syll(records: DossierRecords) -> FormDocument:
    """The SYLL of TT 06/2023/TT-BNV, items 1) to 38)."""
    p = records.person
    position, unit = post(records)
    hq = records.highest
    photo, photo_type = photo_of_record(records)
    rank = rank_now(records)
    first_in_rank = next((r.since for r in records.salary if r.rank_code == rank["code"]), None)
    enlisted, discharged, military_rank = military(records)
    status, height, weight, blood = health(records) if records.sensitive_shown else ("", "", "", "")
    party_roles = [
        m.role for m in records.memberships if m.organisation == "PARTY" and m.role and not m.left_on
    ]
    d = p.date_of_birth
    employment = records.employment
    blocks = [
        Line(
            [
                ("1) Họ và tên khai sinh (viết chữ in hoa)", p.full_name.upper()),
                ("Giới tính", p.get_gender_display()),
            ]
        ),
        Line([("2) Các tên gọi khác", p.other_names)]),
        Line([("3) Sinh ngày", f"{d:%d} tháng {d:%m} năm {d:%Y}")]),
        Line([("4) Nơi sinh", p.place_of_birth)]),
        Line([("5) Quê quán (xã, phường; huyện, quận; tỉnh, TP)", p.place_of_origin)]),
        Line([("6) Dân tộc", p.get_ethnicity_display())]),
        Line([("7) Tôn giáo", p.religion or "Không")]),
        Line([("8) Số CCCD", p.national_id), ("Ngày cấp", id_card_issued(p)), ("SĐT liên hệ", p.phone)]),
        Line([("9) Số BHXH", p.social_insurance_number), ("Số thẻ BHYT", p.health_insurance_number)]),
        Line([("10) Nơi ở hiện nay", p.address)]),
        Line([("11) Thành phần gia đình xuất thân", "")]),
        Line([("12) Nghề nghiệp trước khi được tuyển dụng", "")]),
        Line(
            [
                ("13) Ngày được tuyển dụng lần đầu", day(p.recruited_on)),
                ("Cơ quan, tổ chức, đơn vị tuyển dụng", records.recruiting_unit),
            ]
        ),
        Line([("14) Ngày vào cơ quan hiện đang công tác", day(records.in_current_agency_since))]),
        Line(
            [
                ("15) Ngày vào Đảng Cộng sản Việt Nam", day(p.party_admission_date)),
                ("Ngày chính thức", day(p.party_full_member_date)),
            ]
        ),
        Line(
            [
                (
                    "16) Ngày tham gia tổ chức chính trị - xã hội đầu tiên (ngày vào Đoàn TNCSHCM, Công đoàn, Hội)",
                    first_membership(records),
                )
            ]
        ),
        Line(
            [
                ("17) Ngày nhập ngũ", enlisted),
                ("Ngày xuất ngũ", discharged),
                ("Quân hàm cao nhất", military_rank),
            ]
        ),
        Line([("18) Đối tượng chính sách", "")]),
        Line([("19) Trình độ giáo dục phổ thông (đã tốt nghiệp lớp mấy/thuộc hệ nào)", p.general_education)]),
        Line([("20) Trình độ chuyên môn cao nhất", hq.get("PROFESSIONAL", ""))]),
        Line([("21) Học hàm", hq.get("ACADEMIC_TITLE", ""))]),
        Line([("22) Danh hiệu nhà nước phong tặng", "")]),
        Line([("23) Chức vụ hiện tại", f"{position}, {unit}" if position else "")]),
        Line(
            [
                (
                    "Ngày bổ nhiệm/ngày phê chuẩn",
                    day(employment.start_date) if position and employment else "",
                ),
                ("Ngày bổ nhiệm lại/phê chuẩn nhiệm kỳ tiếp theo", ""),
            ]
        ),
        Line([("24) Được quy hoạch chức danh", "")]),
        Line([("25) Chức vụ kiêm nhiệm", "")]),
        Line([("26) Chức vụ Đảng hiện tại", "; ".join(party_roles))]),
        Line([("27) Chức vụ Đảng kiêm nhiệm", "")]),
        Line([("28) Công việc chính được giao", "")]),
        Line([("29) Sở trường công tác", ""), ("Công việc làm lâu nhất", "")]),
        Heading("30) Tiền lương"),
        Line([("30.1) Ngạch/chức danh nghề nghiệp", rank["name"]), ("Mã số", rank["code"])]),
        Line([("Ngày bổ nhiệm ngạch/chức danh nghề nghiệp", day(first_in_rank))]),
        Line([("Bậc lương", rank["step"]), ("Hệ số", rank["coefficient"]), ("Ngày hưởng", rank["since"])]),
        Line(
            [
                ("Phần trăm hưởng", ""),
                ("Phụ cấp thâm niên vượt khung", rank["seniority"]),
                ("Ngày hưởng PCTNVK", rank["since"] if rank["seniority"] else ""),
            ]
        ),
        Line(
            [
                ("30.2) Phụ cấp chức vụ", rank["position"]),
                ("Phụ cấp kiêm nhiệm", ""),
                ("Phụ cấp khác", records.salary_now.other_allowances if records.salary_now else ""),
            ]
        ),
        Line([("30.3) Vị trí việc làm", ""), ("Mã số", "")]),
        Line([("Bậc lương", ""), ("Lương theo mức tiền", ""), ("Ngày hưởng", "")]),
        Line([("Phần trăm hưởng", ""), ("Phụ cấp thâm niên vượt khung", ""), ("Ngày hưởng PCTNVK", "")]),
        Line([("31) Tình trạng sức khoẻ", status)]),
        Line([("Chiều cao", height), ("Cân nặng", weight), ("Nhóm máu", blood)]),
        Heading("32) QUÁ TRÌNH ĐÀO TẠO, BỒI DƯỠNG"),
        *_training_tables(records),
        Heading("33) TÓM TẮT QUÁ TRÌNH CÔNG TÁC"),
        Table(
            columns=[
                *FROM_TO,
                ("Đơn vị công tác (đảng, chính quyền, đoàn thể, tổ chức xã hội)", 8.5),
                ("Chức danh/ chức vụ", 4.0),
            ],
            rows=_career_rows(records),
            min_rows=3,
        ),
        Heading("34) ĐẶC ĐIỂM LỊCH SỬ BẢN THÂN"),
        *_history(records),
        Heading("35) KHEN THƯỞNG, KỶ LUẬT"),
        Note("35.1- Thành tích thi đua, khen thưởng"),
        Table(
            columns=[
                ("Năm", 2.0),
                ("Xếp loại chuyên môn", 4.5),
                ("Xếp loại thi đua", 4.5),
                ("Hình thức khen thưởng", 5.5),
            ],
            rows=_merits(records),
            min_rows=3,
        ),
        Note("35.2- Kỷ luật Đảng/hành chính"),
        Table(
            columns=[
                *FROM_TO,
                ("Hình thức", 3.0),
                ("Hành vi vi phạm chính", 5.5),
                ("Cơ quan quyết định", 4.0),
            ],
            rows=[
                [
                    month(x.decided_on),
                    month(x.effective_until) if x.effective_until and x.effective_until <= records.on else "",
                    x.get_form_display(),
                    x.reason,
                    ", ".join(
                        v for v in (x.authority, x.decision_number and f"QĐ số {x.decision_number}") if v
                    ),
                ]
                for x in records.discipline
            ],
            min_rows=1,
        ),
        Heading("36) QUAN HỆ GIA ĐÌNH"),
        Note("36.1- Về bản thân: Cha, Mẹ, Vợ (hoặc chồng), các con, anh chị em ruột"),
        *_family(records.family_own, records),
        Note("36.2- Cha, Mẹ, anh chị em ruột (bên vợ hoặc chồng)"),
        *_family(records.family_spouse, records),
        *(
            [Note("Thân nhân ở nước ngoài:", records.history.relatives_abroad)]
            if records.history and records.history.relatives_abroad
            else []
        ),
        Heading("37) HOÀN CẢNH KINH TẾ GIA ĐÌNH"),
        Note("37.1- Quá trình lương của bản thân"),
        Table(
            columns=[
                *FROM_TO,
                ("Mã số", 2.2),
                ("Bậc lương", 2.0),
                ("Hệ số lương", 2.3),
                ("Tiền lương theo vị trí việc làm", 6.0),
            ],
            rows=_salary_rows(records),
            min_rows=2,
        ),
        Note("37.2- Các loại phụ cấp khác"),
        Table(
            columns=[
                *FROM_TO,
                ("Loại phụ cấp", 3.5),
                ("Phần trăm hưởng", 2.0),
                ("Hệ số", 1.6),
                ("Hình thức hưởng", 2.4),
                ("Giá trị (đồng)", 3.0),
            ],
            rows=_allowance_rows(records),
            min_rows=1,
        ),
        Note("37.3- Nguồn thu nhập chính của gia đình hàng năm"),
        *_economy(records),
        Heading("38) NHẬN XÉT, ĐÁNH GIÁ CỦA CƠ QUAN, TỔ CHỨC, ĐƠN VỊ SỬ DỤNG"),
        Note("", "\n".join(f"Năm {r.year}: {r.get_level_display()}" for r in records.ratings)),
    ]
    return FormDocument(
        key="syll",
        header=Header(
            left=[
                f"Cơ quan quản lý cán bộ, công chức, viên chức: {managing_body(records)}",
                f"Cơ quan, đơn vị sử dụng cán bộ, công chức, viên chức: {unit}",
                f"Số hiệu: {p.code}",
                f"Mã số định danh: {p.national_id}",
            ],
            right=["Mẫu ban hành kèm theo Thông tư số 06/2023/TT-BNV của Bộ trưởng Bộ Nội vụ"],
            motto=False,
            title="SƠ YẾU LÝ LỊCH",
            photo=photo,
            photo_type=photo_type,
        ),
        blocks=blocks,
        beside_photo=5,  # items 1) to 5) beside the photo, as on the printed form
        signatures=signatures(records, "Thủ trưởng cơ quan, tổ chức, đơn vị sử dụng"),
    )
