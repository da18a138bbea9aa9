"""The unified SYLL printed from the national database's fields (TT 06/2023/TT-BNV), parts I to IX."""

from ..document import MOTTO, FormDocument, Header, Heading, Line, Note, Table
from ..records import DossierRecords
from .blocks import (
    CAREER_COLUMNS,
    FAMILY_COLUMNS_2C,
    TRAINING_COLUMNS,
    birth,
    career_rows,
    day,
    family_rows,
    history_notes,
    managing_body,
    month,
    number,
    photo_of_record,
    post,
    signatures,
    training_rows,
)


def form_syll(records: DossierRecords) -> FormDocument:
    """The unified SYLL printed from the national database's fields (TT 06/2023/TT-BNV), parts I to IX."""
    p = records.person
    position, unit = post(records)
    hq = records.highest
    photo, photo_type = photo_of_record(records)
    rank = p.rank
    blocks = [
        Heading("I. THÔNG TIN CHUNG"),
        Line([("1. Họ và tên khai sinh", p.full_name.upper()), ("Giới tính", p.get_gender_display())]),
        Line([("2. Tên gọi khác", p.other_names)]),
        Line([("3. Sinh", birth(p))]),
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
        Table(columns=TRAINING_COLUMNS, rows=training_rows(records), min_rows=3),
        Heading("III. TÓM TẮT QUÁ TRÌNH CÔNG TÁC"),
        Table(columns=CAREER_COLUMNS, rows=career_rows(records), min_rows=3),
        Heading("IV. ĐẶC ĐIỂM LỊCH SỬ BẢN THÂN"),
        *history_notes(records),
        Heading("V. QUAN HỆ GIA ĐÌNH"),
        Note("1. Về bản thân: bố, mẹ, vợ (hoặc chồng), các con, anh chị em ruột"),
        Table(columns=FAMILY_COLUMNS_2C, rows=family_rows(records.family_own), min_rows=3),
        Note("2. Về bên vợ (hoặc chồng): bố, mẹ, anh chị em ruột"),
        Table(columns=FAMILY_COLUMNS_2C, rows=family_rows(records.family_spouse), min_rows=3),
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
            left=[managing_body(records), unit],
            right=list(MOTTO),
            motto=True,
            title="SƠ YẾU LÝ LỊCH",
            subtitle=f"(Cán bộ, công chức, viên chức – tính đến ngày {day(records.on)})",
            photo=photo,
            photo_type=photo_type,
        ),
        blocks=blocks,
        signatures=signatures(records, "Xác nhận của cơ quan, đơn vị quản lý"),
    )
