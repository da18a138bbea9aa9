"""The sheets of the historical records (issue 14): the org tree and its events, training lượt, annual ratings,
awards and discipline. Optional sheets: a file without them imports as before. Choice keys are unique across
sheets (the reader keeps one lookup per key)."""

from canbo.core.sheets.columns import CHOICE, CODE, DATE, DECIMAL, INT, TEXT, Column, Sheet, _choices
from canbo.discipline.models import DisciplineForm
from canbo.emulation.choices import COLLECTIVE_TITLES, AwardForm
from canbo.evaluation.models import RatingLevel
from canbo.org.models import AdminLevel, OrgEventKind, OrgSector, UnitKind
from canbo.training.choices import EnrolmentResult, TrainingMode, Venue

from .spec import NATIONAL_ID

ORG_UNITS = Sheet(
    "org_units",
    "Đơn vị",
    (
        Column("org_code", "Mã đơn vị", CODE, required=True, width=16, note="Mã mới hoặc mã đơn vị đã có."),
        Column("org_name", "Tên đơn vị", TEXT, required=True, width=32),
        Column("org_level", "Cấp", CHOICE, required=True, choices=_choices(AdminLevel.choices), width=12),
        Column("org_sector", "Khối", CHOICE, required=True, choices=_choices(OrgSector.choices), width=22),
        Column(
            "org_kind", "Loại đơn vị", CHOICE, required=True, choices=_choices(UnitKind.choices), width=22
        ),
        Column(
            "parent_code",
            "Mã đơn vị cấp trên",
            CODE,
            catalogue="units",
            width=16,
            note="Đơn vị đã có hoặc ở dòng trên của trang này; để trống với đơn vị gốc.",
        ),
        Column("valid_from", "Hiệu lực từ", DATE, required=True, width=12, note="Ngày thành lập."),
        Column(
            "valid_to",
            "Hiệu lực đến",
            DATE,
            width=12,
            note="Ngày cuối cùng đơn vị hoạt động (đã giải thể, sáp nhập); để trống nếu còn hoạt động.",
        ),
        Column("legal_basis", "Căn cứ pháp lý", TEXT, width=30, note="Quyết định thành lập."),
    ),
    "Mỗi dòng là một đơn vị, kể cả đơn vị đã kết thúc. Chỉ Ban Tổ chức Tỉnh ủy / Sở Nội vụ nhập trang này. Đơn vị "
    "đã có (cùng mã) được giữ nguyên; chỉ được ghi thêm “Hiệu lực đến” nếu còn trống.",
    optional=True,
)

ORG_EVENTS = Sheet(
    "org_events",
    "Sự kiện tổ chức",
    (
        Column(
            "event_kind",
            "Loại sự kiện",
            CHOICE,
            required=True,
            choices=_choices(OrgEventKind.choices),
            width=20,
        ),
        Column("effective_on", "Ngày có hiệu lực", DATE, required=True, width=12),
        Column(
            "predecessors",
            "Mã đơn vị trước",
            TEXT,
            required=True,
            width=30,
            note="Một hoặc nhiều mã, cách nhau bằng dấu phẩy; các đơn vị này kết thúc ngày trước ngày có hiệu lực.",
        ),
        Column(
            "successors",
            "Mã đơn vị kế thừa",
            TEXT,
            width=30,
            note="Một hoặc nhiều mã, cách nhau bằng dấu phẩy; các đơn vị này hoạt động từ ngày có hiệu lực.",
        ),
        Column("event_decision", "Số quyết định", TEXT, width=20),
        Column("event_basis", "Căn cứ pháp lý", TEXT, width=30),
    ),
    "Mỗi dòng là một lần sáp nhập, chia tách, đổi tên hoặc giải thể. Chỉ Ban Tổ chức Tỉnh ủy / Sở Nội vụ nhập "
    "trang này.",
    optional=True,
)

TRAINING = Sheet(
    "training",
    "Đào tạo, bồi dưỡng",
    (
        NATIONAL_ID,
        Column(
            "programme",
            "Chương trình",
            CODE,
            required=True,
            catalogue="programmes",
            aliases="PROGRAMME",
            width=24,
            note="Mã hoặc tên chương trình trong danh mục.",
        ),
        Column(
            "course_name",
            "Tên lớp",
            TEXT,
            width=30,
            note="Các dòng cùng chương trình, tên lớp và ngày bắt đầu là một lớp; để trống: lượt không gắn lớp.",
        ),
        Column(
            "training_mode", "Hệ", CHOICE, required=True, choices=_choices(TrainingMode.choices), width=16
        ),
        Column(
            "venue",
            "Trong nước / nước ngoài",
            CHOICE,
            choices=_choices(Venue.choices),
            width=14,
            note="Để trống: trong nước.",
        ),
        Column("start_date", "Ngày bắt đầu", DATE, required=True, width=12),
        Column("end_date", "Ngày kết thúc", DATE, width=12),
        Column(
            "training_result",
            "Kết quả",
            CHOICE,
            choices=_choices(EnrolmentResult.choices),
            width=16,
            note="Để trống: “Đang học”.",
        ),
        Column("result_date", "Ngày có kết quả", DATE, width=12, note="Để trống: ngày kết thúc."),
        Column("certificate_number", "Số văn bằng, chứng chỉ", TEXT, width=16),
        Column("certificate_date", "Ngày cấp văn bằng, chứng chỉ", DATE, width=12),
    ),
    "Mỗi dòng là một lượt đào tạo, bồi dưỡng. Đơn vị của lượt là đơn vị người đó công tác vào ngày bắt đầu, theo "
    "quá trình công tác. Lượt đã có (cùng người, chương trình, ngày bắt đầu) được giữ nguyên.",
    optional=True,
)

RATINGS = Sheet(
    "ratings",
    "Xếp loại",
    (
        NATIONAL_ID,
        Column("year", "Năm", INT, required=True, width=8),
        Column(
            "rating_level", "Xếp loại", CHOICE, required=True, choices=_choices(RatingLevel.choices), width=28
        ),
        Column("score", "Điểm", DECIMAL, width=8, note="Từ 0 đến 100; có thể để trống."),
        Column("rating_decided_on", "Ngày quyết định", DATE, width=12),
        Column("rating_decision", "Số quyết định", TEXT, width=18),
    ),
    "Mỗi dòng là kết quả xếp loại chất lượng một năm của một người; đơn vị là đơn vị công tác ngày 31/12 năm đó. "
    "Năm đã có kết quả được giữ nguyên.",
    optional=True,
)

AWARDS = Sheet(
    "awards",
    "Khen thưởng",
    (
        NATIONAL_ID,
        Column(
            "award_form",
            "Danh hiệu, hình thức",
            CHOICE,
            required=True,
            choices=_choices([(c, label) for c, label in AwardForm.choices if c not in COLLECTIVE_TITLES]),
            width=26,
        ),
        Column("year", "Năm", INT, required=True, width=8),
        Column("award_decision", "Số quyết định", TEXT, required=True, width=18),
        Column("award_date", "Ngày quyết định", DATE, required=True, width=12),
        Column("issuing_body", "Cấp khen", TEXT, required=True, width=26, note="Cơ quan ra quyết định."),
    ),
    "Mỗi dòng là một danh hiệu thi đua hoặc hình thức khen thưởng cá nhân; đơn vị là đơn vị công tác ngày quyết "
    "định. Khen thưởng đã có (cùng người, hình thức, năm, số quyết định) được giữ nguyên.",
    optional=True,
)

DISCIPLINE = Sheet(
    "discipline",
    "Kỷ luật",
    (
        NATIONAL_ID,
        Column(
            "discipline_form",
            "Hình thức kỷ luật",
            CHOICE,
            required=True,
            choices=_choices(DisciplineForm.choices),
            width=22,
        ),
        Column("discipline_decision", "Số quyết định", TEXT, required=True, width=18),
        Column("decided_on", "Ngày quyết định", DATE, required=True, width=12),
        Column("effective_until", "Hết hiệu lực ngày", DATE, width=12),
        Column("authority", "Cơ quan quyết định", TEXT, width=26),
        Column("reason", "Hành vi vi phạm", TEXT, width=30),
    ),
    "Mỗi dòng là một quyết định kỷ luật; đơn vị là đơn vị công tác ngày quyết định. Quyết định đã có (cùng người, "
    "ngày, hình thức) được giữ nguyên.",
    optional=True,
)

# The org tree goes first: the other sheets name its units.
RECORD_SHEETS_BEFORE = (ORG_UNITS, ORG_EVENTS)
RECORD_SHEETS_AFTER = (TRAINING, RATINGS, AWARDS, DISCIPLINE)
