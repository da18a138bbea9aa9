"""The column spec of the import template, in one place: the template, the reader and the instructions
sheet are all built from it. Enumerations are shown by their Vietnamese labels; the import also accepts
the stable codes (e.g. "CC" for "Công chức")."""

from canbo.core.sheets.columns import (
    CHOICE,
    CODE,
    DATE,
    DECIMAL,
    INT,
    LEVEL,
    TEXT,
    Column,
    Sheet,
    _choices,
    choice_lookup,
    header_text,  # noqa: F401 - canbo/demo/seeds/workbook.py still imports it here
)
from canbo.people.choices import (
    ETHNICITY_CHOICES,
    QUALIFICATION_LEVELS,
    Gender,
    PersonnelCategory,
    PersonnelMove,
    PersonStatus,
    QualificationScale,
)
from canbo.salary.models import ChangeKind

from .record_columns import RECORD_SHEETS_AFTER, RECORD_SHEETS_BEFORE
from .spec import NATIONAL_ID

RELIGIONS = [
    "Không",
    "Phật giáo",
    "Công giáo",
    "Tin lành",
    "Cao Đài",
    "Phật giáo Hòa Hảo",
    "Hồi giáo",
    "Tôn giáo Baha'i",
    "Tịnh độ cư sĩ Phật hội Việt Nam",
    "Bửu sơn Kỳ hương",
    "Minh Sư đạo",
    "Minh Lý đạo - Tam Tông Miếu",
    "Bà-la-môn",
    "Phật đường Nam tông Minh Sư đạo",
    "Tứ ân hiếu nghĩa",
    "Giáo hội Các Thánh hữu Ngày sau của Chúa Giê-su Ky-tô",
]


def _level_labels() -> list[tuple[str, str]]:
    """Every level label once, in scale order; the import resolves a label within the row's scale."""
    seen: dict[str, str] = {}
    for levels in QUALIFICATION_LEVELS.values():
        for code, label, _rank in levels:
            seen.setdefault(label, code)
    return [(code, label) for label, code in seen.items()]


# How a service ends (the person sheet's exit columns), and the default for each status.
EXIT_MOVES = [
    (code, label)
    for code, label in PersonnelMove.choices
    if code
    in {
        PersonnelMove.NGHI_HUU,
        PersonnelMove.THOI_VIEC,
        PersonnelMove.TINH_GIAN,
        PersonnelMove.DIEU_DONG,
        PersonnelMove.CACH_CHUC,
    }
]
EXIT_MOVE_FOR_STATUS = {
    PersonStatus.RETIRED: PersonnelMove.NGHI_HUU,
    PersonStatus.MOVED_OUT: PersonnelMove.THOI_VIEC,
    PersonStatus.DECEASED: "",
}

UNIT = Column(
    "unit_code",
    "Mã đơn vị",
    CODE,
    required=True,
    catalogue="units",
    width=16,
    note="Mã đơn vị trong cây tổ chức (xem trang Danh mục); phải thuộc phạm vi anh/chị được cập nhật.",
)
POSITION = Column(
    "position_code",
    "Mã chức vụ",
    CODE,
    catalogue="positions",
    aliases="POSITION",
    width=18,
    note="Để trống nếu không giữ chức vụ.",
)
CATEGORY = Column(
    "category",
    "Phân loại",
    CHOICE,
    required=True,
    choices=_choices(PersonnelCategory.choices),
    width=22,
    note="Cán bộ, công chức, viên chức hoặc người lao động hợp đồng.",
)

PERSONS = Sheet(
    "persons",
    "Cán bộ",
    (
        Column(
            "code",
            "Mã hồ sơ",
            CODE,
            width=14,
            note="Để trống với hồ sơ mới: hệ thống tự đặt HS + số định danh.",
        ),
        Column("full_name", "Họ và tên", TEXT, required=True, width=26, note="Họ và tên khai sinh."),
        Column("gender", "Giới tính", CHOICE, required=True, choices=_choices(Gender.choices), width=10),
        Column("date_of_birth", "Ngày sinh", DATE, required=True, width=12),
        NATIONAL_ID,
        Column(
            "ethnicity",
            "Dân tộc",
            CHOICE,
            required=True,
            choices=tuple(ETHNICITY_CHOICES),
            aliases="ETHNICITY",
            width=14,
            note="Một trong 54 dân tộc theo danh mục của Tổng cục Thống kê.",
        ),
        Column(
            "religion",
            "Tôn giáo",
            TEXT,
            suggestions=tuple(RELIGIONS),
            aliases="RELIGION",
            width=14,
            note="Ghi “Không” nếu không theo tôn giáo nào; để trống cũng được hiểu là “Không”.",
        ),
        Column("place_of_origin", "Quê quán", TEXT, width=24),
        Column("place_of_birth", "Nơi sinh", TEXT, width=24),
        Column("phone", "Điện thoại", TEXT, width=14),
        Column("email", "Email", TEXT, width=24),
        CATEGORY,
        UNIT,
        POSITION,
        Column(
            "rank_code",
            "Mã ngạch",
            CODE,
            catalogue="ranks",
            aliases="RANK",
            width=12,
            note="Mã ngạch công chức hoặc mã chức danh nghề nghiệp viên chức.",
        ),
        Column("salary_step", "Bậc lương", INT, width=10, note="Số nguyên từ 1 đến 16."),
        Column("salary_coefficient", "Hệ số lương", DECIMAL, width=11, note="Ví dụ 2,67 (từ 1 đến 12)."),
        Column("recruited_on", "Ngày tuyển dụng", DATE, width=14),
        Column("party_admission_date", "Ngày vào Đảng", DATE, width=14),
        Column("party_full_member_date", "Ngày chính thức", DATE, width=14),
        Column(
            "start_date",
            "Ngày bắt đầu ở đơn vị hiện tại",
            DATE,
            width=16,
            note="Ngày bắt đầu quá trình công tác hiện tại (đơn vị, chức vụ, phân loại ở dòng này). Để trống khi "
            "quá trình công tác ghi ở trang “Quá trình công tác”; nếu cả hai đều không có, hồ sơ vẫn được lưu và "
            "đánh dấu “hồ sơ chưa đủ”.",
        ),
        Column(
            "status",
            "Tình trạng",
            CHOICE,
            choices=_choices(PersonStatus.choices),
            width=20,
            optional=True,
            note="Để trống là “Đang công tác” (với hồ sơ đã có: giữ tình trạng đang lưu).",
        ),
        Column(
            "exit_date",
            "Ngày thôi công tác",
            DATE,
            width=14,
            optional=True,
            note="Bắt buộc khi đã nghỉ hưu, chuyển đi, thôi việc hoặc từ trần: quá trình công tác hiện tại kết "
            "thúc vào ngày này.",
        ),
        Column(
            "exit_move",
            "Hình thức thôi công tác",
            CHOICE,
            choices=_choices(EXIT_MOVES),
            width=20,
            optional=True,
            note="Nghỉ hưu, thôi việc, tinh giản biên chế, …; để trống thì suy ra từ tình trạng.",
        ),
        Column("exit_decision", "Số quyết định thôi công tác", TEXT, width=20, optional=True),
    ),
    "Mỗi dòng là một cán bộ, công chức, viên chức, kể cả người đã nghỉ. Hồ sơ đã có (cùng số định danh) được "
    "cập nhật.",
)

HISTORY = Sheet(
    "history",
    "Quá trình công tác",
    (
        NATIONAL_ID,
        UNIT,
        POSITION,
        CATEGORY,
        Column("start_date", "Từ ngày", DATE, required=True, width=12),
        Column(
            "end_date",
            "Đến ngày",
            DATE,
            width=12,
            note="Để trống chỉ với quá trình công tác hiện tại (quá trình sau cùng).",
        ),
        Column(
            "move",
            "Hình thức",
            CHOICE,
            choices=_choices(PersonnelMove.choices),
            width=20,
            note="Tuyển dụng, bổ nhiệm, điều động, …; để trống là “Tuyển dụng”.",
        ),
        Column("decision_number", "Số quyết định", TEXT, width=20),
    ),
    "Mỗi dòng là một giai đoạn công tác; giai đoạn được nhận ra theo số định danh và “Từ ngày”.",
)

QUALIFICATIONS = Sheet(
    "qualifications",
    "Văn bằng chứng chỉ",
    (
        NATIONAL_ID,
        Column(
            "scale",
            "Loại trình độ",
            CHOICE,
            required=True,
            choices=_choices(QualificationScale.choices),
            width=22,
        ),
        Column(
            "level",
            "Trình độ",
            LEVEL,
            required=True,
            choices=tuple(_level_labels()),
            width=24,
            note="Trình độ thuộc loại trình độ ở cột trước (ví dụ Đại học với Trình độ chuyên môn).",
        ),
        Column("field", "Chuyên ngành", TEXT, width=24, note="Chuyên ngành đào tạo hoặc ngôn ngữ."),
        Column("awarded_on", "Ngày cấp", DATE, required=True, width=12),
        Column("document_number", "Số văn bằng", TEXT, width=16),
        Column("issuer", "Cơ sở cấp", TEXT, width=26),
    ),
    "Mỗi dòng là một văn bằng, chứng chỉ; văn bằng được nhận ra theo số định danh, loại, trình độ, "
    "chuyên ngành và ngày cấp.",
)

# The salary history (canbo.salary checks and writes it: canbo.salary.importing.salary_rows_check/_write); the
# keys are those of canbo.salary.importing.SHEET_SPEC ("salary_kind" stands for its "kind").
SALARY = Sheet(
    "salary",
    "Quá trình lương",
    (
        NATIONAL_ID,
        Column("effective_on", "Ngày hưởng", DATE, required=True, width=12),
        Column(
            "salary_kind",
            "Hình thức",
            CHOICE,
            required=True,
            choices=_choices([(k, label) for k, label in ChangeKind.choices if k != ChangeKind.EARLY]),
            width=24,
            note="Xếp lương, nâng bậc thường xuyên, vượt khung, …; nâng trước thời hạn nhập trên trang lương.",
        ),
        Column(
            "rank",
            "Mã ngạch",
            CODE,
            catalogue="ranks",
            aliases="RANK",
            width=12,
            note="Để trống: ngạch hiện tại của người.",
        ),  # fmt: skip
        Column("scale", "Nhóm lương", TEXT, required=True, width=10, note="Ví dụ A1, A2.1, B (NĐ 204/2004)."),
        Column("step", "Bậc", INT, required=True, width=8, note="Trong số bậc của nhóm."),
        Column("coefficient", "Hệ số", DECIMAL, width=9, note="Ví dụ 2,67; để trống: hệ số của bậc."),
        Column("seniority_percent", "Vượt khung (%)", INT, width=10, note="Chỉ ở bậc cuối."),
        Column(
            "counted_from",
            "Thời điểm tính nâng bậc lần sau",
            DATE,
            width=14,
            note="Để trống: bằng ngày hưởng.",
        ),  # fmt: skip
        Column("decision_number", "Số quyết định", TEXT, width=18),
        Column("decision_date", "Ngày quyết định", DATE, width=12),
        Column("allowance_CHUC_VU", "PC chức vụ (hệ số)", DECIMAL, width=10),
        Column("allowance_KHU_VUC", "PC khu vực (hệ số)", DECIMAL, width=10),
        Column("allowance_TRACH_NHIEM", "PC trách nhiệm (hệ số)", DECIMAL, width=10),
        Column("note", "Ghi chú", TEXT, width=24),
    ),
    "Mỗi dòng là một lần thay đổi lương (diễn biến lương, mẫu 2C); mỗi người một dòng cho mỗi ngày hưởng. Dòng đã "
    "có không được ghi đè.",
    optional=True,
)

# The person sheets first (users open the file on them); the org sheets are checked first whatever their place.
SHEETS = (PERSONS, HISTORY, QUALIFICATIONS, SALARY, *RECORD_SHEETS_BEFORE, *RECORD_SHEETS_AFTER)
INSTRUCTIONS_TITLE = "Hướng dẫn"
CATALOGUE_TITLE = "Danh mục"


def level_lookup() -> dict[str, dict[str, str]]:
    """scale -> {label or code (normalised as in choice_lookup) -> level code}."""
    return {
        scale: choice_lookup([(code, label) for code, label, _rank in levels])
        for scale, levels in QUALIFICATION_LEVELS.items()
    }
