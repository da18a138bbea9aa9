"""The enrolment list's filters (the page's form, canbo.training.forms.EnrolmentFilterForm, with the same GET
names the report figures link with): unit, from, to, measure, form, kind, programme, mode, venue, level,
result, q."""

from canbo.org.models import AdminLevel

from ..choices import EnrolmentResult, ProgrammeKind, TrainingForm, TrainingMode, Venue
from ..forms import MEASURES
from .base import query_parameters

ENROLMENT_PARAMETERS = query_parameters(
    [
        ("unit", "Mã đơn vị khi cử đi học (cả các đơn vị trực thuộc)", None),
        ("from", "Từ ngày (dd/mm/yyyy hoặc yyyy-mm-dd)", None),
        ("to", "Đến ngày (dd/mm/yyyy hoặc yyyy-mm-dd)", None),
        ("measure", "Tính theo (mặc định started)", MEASURES),
        ("form", "Hình thức", TrainingForm.choices),
        ("kind", "Nhóm chương trình", ProgrammeKind.choices),
        ("programme", "Mã chương trình, ví dụ LLCT_CAO_CAP", None),
        ("mode", "Hệ", TrainingMode.choices),
        ("venue", "Trong nước / nước ngoài", Venue.choices),
        ("level", "Cấp của đơn vị khi cử đi học", AdminLevel.choices),
        ("result", "Kết quả", EnrolmentResult.choices),
        ("q", "Tìm người (tên, số định danh, mã hồ sơ; không cần dấu)", None),
    ]
)
