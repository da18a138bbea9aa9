"""Mẫu 2C-BNV/2008 (QĐ 02/2008/QĐ-BNV): items 1) to 32) in the form's order and wording, with the form's own
hints in italics under the items that carry one (checked item by item against the published form, see
docs/decisions/040-outputs16-forms-checked.md)."""

from ..document import FormDocument, Header, Heading, Line, Note, Table
from ..records import DossierRecords
from .blocks import (
    CAREER_COLUMNS,
    FAMILY_COLUMNS_2C,
    TRAINING_COLUMNS,
    WITHHELD,
    awards_text,
    career_rows,
    day,
    discipline_text,
    family_rows,
    first_membership,
    health,
    history_notes,
    id_card_issued,
    managing_body,
    military,
    photo_of_record,
    post,
    rank_now,
    salary_table,
    signatures,
    training_rows,
)

ADDRESS_HINT = "(Số nhà, đường phố, thành phố, xóm, thôn, xã, huyện, tỉnh)"


def _family(members, records: DossierRecords) -> list:
    if not records.sensitive_shown:
        return [Table(columns=FAMILY_COLUMNS_2C, rows=[], min_rows=1), Note(WITHHELD)]
    return [Table(columns=FAMILY_COLUMNS_2C, rows=family_rows(members), min_rows=3)]


def form_2c(records: DossierRecords) -> FormDocument:
    """Mẫu 2C-BNV/2008: items 1) to 32) in the form's order."""
    p = records.person
    position, unit = post(records)
    hq = records.highest
    photo, photo_type = photo_of_record(records)
    rank = rank_now(records)
    enlisted, discharged, military_rank = military(records)
    status, height, weight, blood = health(records) if records.sensitive_shown else ("", "", "", "")
    d = p.date_of_birth
    blocks = [
        Line([("1) Họ và tên khai sinh (viết chữ in hoa)", p.full_name.upper())]),
        Line([("2) Tên gọi khác", p.other_names)]),
        Line(
            [
                ("3) Sinh ngày", f"{d:%d} tháng {d:%m} năm {d:%Y}"),
                ("Giới tính (nam, nữ)", p.get_gender_display()),
            ]
        ),
        Line([("4) Nơi sinh", p.place_of_birth)]),
        Line([("5) Quê quán", p.place_of_origin)]),
        Line([("6) Dân tộc", p.get_ethnicity_display()), ("7) Tôn giáo", p.religion or "Không")]),
        Line([("8) Nơi đăng ký hộ khẩu thường trú", "")]),
        Note(ADDRESS_HINT),
        Line([("9) Nơi ở hiện nay", p.address)]),
        Note(ADDRESS_HINT),
        Line([("10) Nghề nghiệp khi được tuyển dụng", "")]),
        Line(
            [
                ("11) Ngày tuyển dụng", day(p.recruited_on)),
                ("Vào cơ quan nào, ở đâu", records.recruiting_unit),
            ]
        ),
        Line([("12) Chức vụ (chức danh) hiện tại", f"{position}, {unit}" if position else unit)]),
        Note("(Về chính quyền hoặc Đảng, đoàn thể, kể cả chức vụ kiêm nhiệm)"),
        Line([("13) Công việc chính được giao", "")]),
        Line(
            [
                ("14) Ngạch công chức (viên chức)", rank["name"]),
                ("Mã ngạch", rank["code"]),
                ("Bậc lương", rank["step"]),
                ("Hệ số", rank["coefficient"]),
                ("Ngày hưởng", rank["since"]),
            ]
        ),
        Line([("Phụ cấp chức vụ", rank["position"]), ("Phụ cấp khác", rank["other"])]),
        Line([("15.1- Trình độ giáo dục phổ thông", p.general_education)]),
        Line([("15.2- Trình độ chuyên môn cao nhất", hq.get("PROFESSIONAL", ""))]),
        Note("(TSKH, TS, Ths, cử nhân, kỹ sư, cao đẳng, trung cấp, sơ cấp, chuyên ngành)"),
        Line(
            [
                ("15.3- Lý luận chính trị", hq.get("POLITICAL_THEORY", "")),
                ("15.4- Quản lý nhà nước", hq.get("STATE_MGMT", "")),
            ]
        ),
        Note(
            "(Cao cấp, trung cấp, sơ cấp và tương đương) – (chuyên viên cao cấp, chuyên viên chính, chuyên viên, cán sự, …)"
        ),
        Line([("15.5- Ngoại ngữ", hq.get("FOREIGN_LANGUAGE", "")), ("15.6- Tin học", hq.get("IT", ""))]),
        Note("(Tên ngoại ngữ + Trình độ A, B, C, D …) – (Trình độ A, B, C, …)"),
        Line(
            [
                ("16) Ngày vào Đảng Cộng sản Việt Nam", day(p.party_admission_date)),
                ("Ngày chính thức", day(p.party_full_member_date)),
            ]
        ),
        Line([("17) Ngày tham gia tổ chức chính trị - xã hội", first_membership(records))]),
        Note("(Ngày tham gia tổ chức: Đoàn, Hội, … và làm việc gì trong tổ chức đó)"),
        Line(
            [
                ("18) Ngày nhập ngũ", enlisted),
                ("Ngày xuất ngũ", discharged),
                ("Quân hàm cao nhất", military_rank),
            ]
        ),
        Line([("19) Danh hiệu được phong tặng cao nhất", hq.get("ACADEMIC_TITLE", ""))]),
        Note(
            "(Anh hùng lao động, anh hùng lực lượng vũ trang; nhà giáo, thầy thuốc, nghệ sĩ nhân dân và ưu tú, …)"
        ),
        Line([("20) Sở trường công tác", "")]),
        Line([("21) Khen thưởng", awards_text(records))]),
        Note("(Hình thức cao nhất, năm nào)"),
        Line([("22) Kỷ luật", discipline_text(records))]),
        Note("(về đảng, chính quyền, đoàn thể hình thức cao nhất, năm nào)"),
        Line(
            [
                ("23) Tình trạng sức khoẻ", status),
                ("Chiều cao", height),
                ("Cân nặng", weight),
                ("Nhóm máu", blood),
            ]
        ),
        Line([("24) Là thương binh hạng", ""), ("Là con gia đình chính sách", "")]),
        Note("(Con thương binh, con liệt sĩ, người nhiễm chất độc da cam Dioxin)"),
        Line(
            [
                ("25) Số định danh cá nhân (thay số chứng minh nhân dân)", p.national_id),
                ("Ngày cấp", id_card_issued(p)),
            ]
        ),
        Line([("26) Số sổ BHXH", p.social_insurance_number)]),
        Heading("27) Đào tạo, bồi dưỡng về chuyên môn, nghiệp vụ, lý luận chính trị, ngoại ngữ, tin học"),
        Table(columns=TRAINING_COLUMNS, rows=training_rows(records), min_rows=3),
        Note(
            "Ghi chú: Hình thức đào tạo: Chính quy, tại chức, chuyên tu, bồi dưỡng …/ Văn bằng: TSKH, TS, Ths, "
            "Cử nhân, Kỹ sư …"
        ),
        Heading("28) Tóm tắt quá trình công tác"),
        Table(columns=CAREER_COLUMNS, rows=career_rows(records), min_rows=3),
        Heading("29) Đặc điểm lịch sử bản thân:"),
        *history_notes(records),
        Heading("30) Quan hệ gia đình"),
        Note("a) Về bản thân: Cha, Mẹ, Vợ (hoặc chồng), các con, anh chị em ruột"),
        *_family(records.family_own, records),
        Note("b) Về bên vợ (hoặc chồng): Cha, Mẹ, anh chị em ruột"),
        *_family(records.family_spouse, records),
        Heading("31) Diễn biến quá trình lương của cán bộ, công chức"),
        salary_table(records),
        Heading("32) Nhận xét, đánh giá của cơ quan, đơn vị quản lý và sử dụng cán bộ, công chức"),
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
        beside_photo=5,  # items 1) to 5) beside the photo, as on the printed form
        signatures=signatures(records, "Thủ trưởng cơ quan, đơn vị quản lý và sử dụng CBCC"),
    )
