"""What the built-in kinds share: the key parsing, the blank, the heading with its dated grounds."""

from django.http import Http404
from django.utils import timezone

from canbo.movements.choices import MovementKind

from .. import grounds
from ..heading import decision_heading, dmy

PARTIAL_BATCH = (
    "Quyết định này có cả người ngoài đơn vị anh/chị quản lý: dự thảo cả danh sách do Ban Tổ chức Tỉnh ủy / "
    "Sở Nội vụ lập."
)
NOT_A_DRAFT = "Bản ghi này không lập được dự thảo quyết định loại này."
MOVING_KINDS = (MovementKind.ROTATION, MovementKind.TRANSFER, MovementKind.SECONDMENT)
VERBS = {
    MovementKind.ROTATION: "Luân chuyển",
    MovementKind.TRANSFER: "Điều động",
    MovementKind.SECONDMENT: "Biệt phái",
}


def record_pk(key: str) -> int:
    if not str(key).isdigit():
        raise Http404(NOT_A_DRAFT)
    return int(key)


def dmy_or_empty(value) -> str:
    return dmy(value) if value else ""


def decision_context(*, unit, number, decided_on, signer="", tables=()) -> dict:
    context = decision_heading(unit=unit, number=number, decided_on=decided_on, signer=signer)
    context["grounds"] = grounds.in_force(decided_on or timezone.localdate(), grounds.LAW_CBCC, *tables)
    return context
