"""Mẫu 2C-BNV/2008 (QĐ 02/2008/QĐ-BNV): items 1) to 32) in the form's order and wording."""

from ..document import FormDocument, Header, Heading, Line, Note, Table
from ..records import DossierRecords
from .blocks import (
    CAREER_COLUMNS,
    FAMILY_COLUMNS_2C,
    TRAINING_COLUMNS,
    awards_text,
    birth,
    career_rows,
    day,
    discipline_text,
    family_rows,
    history_notes,
    managing_body,
    number,
    photo_of_record,
    post,
    salary_table,
    signatures,
    training_rows,
)


def form_2c(records: DossierRecords) -> FormDocument:
    """Mẫu 2C-BNV/2008: items 1) to 32) in the form's order."""
    p = records.person
    position, unit = post(records)
    hq = records.highest
    photo, photo_type = photo_of_record(records)
    rank = p.rank
    blocks = [
        Line([("1) Họ và tên khai sinh (viết chữ in hoa)", p.full_name.upper())]),
        Line([("2) Tên gọi khác", p.other_names)]),
        Line([("3) Sinh", birth(p)), ("Giới tính (nam, nữ)", p.get_gender_display())]),
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
        Line([("21) Khen thưởng", awards_text(records))]),
        Line([("22) Kỷ luật", discipline_text(records))]),
        Line([("23) Tình trạng sức khoẻ", ""), ("Chiều cao", ""), ("Cân nặng", ""), ("Nhóm máu", "")]),
        Line([("24) Là thương binh hạng", ""), ("Là con gia đình chính sách", "")]),
        Line([("25) Số định danh cá nhân", p.national_id)]),
        Line([("26) Số sổ BHXH", "")]),
        Heading("27) ĐÀO TẠO, BỒI DƯỠNG VỀ CHUYÊN MÔN, NGHIỆP VỤ, LÝ LUẬN CHÍNH TRỊ, NGOẠI NGỮ, TIN HỌC"),
        Table(columns=TRAINING_COLUMNS, rows=training_rows(records), min_rows=3),
        Note(
            "Ghi chú: Hình thức đào tạo: Chính quy, tại chức, chuyên tu, bồi dưỡng …; văn bằng: TSKH, TS, "
            "Ths, Cử nhân, Kỹ sư …"
        ),
        Heading("28) TÓM TẮT QUÁ TRÌNH CÔNG TÁC"),
        Table(columns=CAREER_COLUMNS, rows=career_rows(records), min_rows=3),
        Heading("29) ĐẶC ĐIỂM LỊCH SỬ BẢN THÂN"),
        *history_notes(records),
        Heading("30) QUAN HỆ GIA ĐÌNH"),
        Note("a) Về bản thân: Bố, Mẹ, Vợ (hoặc chồng), các con, anh chị em ruột"),
        Table(columns=FAMILY_COLUMNS_2C, rows=family_rows(records.family_own), min_rows=3),
        Note("b) Về bên vợ (hoặc chồng): Bố, Mẹ, anh chị em ruột"),
        Table(columns=FAMILY_COLUMNS_2C, rows=family_rows(records.family_spouse), min_rows=3),
        Heading("31) DIỄN BIẾN QUÁ TRÌNH LƯƠNG CỦA CÁN BỘ, CÔNG CHỨC"),
        salary_table(records),
        Heading("32) NHẬN XÉT, ĐÁNH GIÁ CỦA CƠ QUAN, ĐƠN VỊ QUẢN LÝ VÀ SỬ DỤNG CÁN BỘ, CÔNG CHỨC"),
        Note("", "\n".join(f"Năm {r.year}: {r.get_level_display()}" for r in records.ratings)),
    ]
    return FormDocument(
        key="2c",
        header=Header(
            left=[
                f"Cơ quan, đơn vị có thẩm quyền quản lý CBCC: {managing_body(records)}",
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
        signatures=signatures(records, "Thủ trưởng cơ quan, đơn vị quản lý và sử dụng CBCC"),
    )
