"""The main menu as data: sections of entries, each entry shown only to the roles that may open it.

One line at 1366 px: a section with one entry is a link, a section with several is a drop-down (PRODUCT.md's map).
"""

from collections.abc import Callable
from dataclasses import dataclass

from canbo.accounts.access import READER_ROLES, WRITER_ROLES
from canbo.accounts.models import Role
from canbo.accounts.scoping import administers_system, user_roles
from canbo.imports.alias_services import can_keep_aliases
from canbo.people.selectors import own_person

REPORT_ROLES = frozenset(READER_ROLES)
Roles = frozenset[str]


@dataclass(frozen=True)
class Entry:
    label: str
    url: str
    allowed: Callable[[Roles, object], bool]


@dataclass(frozen=True)
class Section:
    label: str
    entries: tuple[Entry, ...]


def _any_of(*roles) -> Callable[[Roles, object], bool]:
    wanted = frozenset(roles)
    return lambda held, user: bool(held & wanted)


def _has_own_record(held, user) -> bool:
    """An official with a record on the register (asked only of officials: no query for the other roles)."""
    return Role.OFFICIAL in held and own_person(user) is not None


def _official_only(held, user) -> bool:
    return held == {Role.OFFICIAL}


def _sysadmin(held, user) -> bool:
    return administers_system(user)


READERS = _any_of(*READER_ROLES)
WRITERS = _any_of(*WRITER_ROLES)
BOARD = _any_of(Role.PROVINCE_BOARD)

MENU: tuple[Section, ...] = (
    Section("Tổng quan", (Entry("Tổng quan", "/", lambda held, user: True),)),
    Section(
        "Hồ sơ",
        (
            Entry("Tổ chức", "/to-chuc/", READERS),
            Entry("Cán bộ, công chức, viên chức", "/can-bo/", READERS),
            Entry("Đề nghị cập nhật hồ sơ", "/can-bo/de-nghi/", WRITERS),
            Entry("Hồ sơ của tôi", "/ho-so-cua-toi/", _has_own_record),
            Entry("Hồ sơ điện tử của tôi", "/dong-bo-csdl-quoc-gia/ho-so-dien-tu-cua-toi/", _has_own_record),
            Entry(
                "Ai đã xem hồ sơ của tôi", "/dong-bo-csdl-quoc-gia/ai-da-xem-ho-so-cua-toi/", _has_own_record
            ),
            Entry("Phiếu đánh giá của tôi", "/danh-gia/cua-toi/", _official_only),
        ),
    ),
    Section(
        "Công tác cán bộ",
        (
            Entry("Đào tạo, bồi dưỡng", "/dao-tao/", READERS),
            Entry("Tiêu chuẩn & Quy hoạch", "/quy-hoach/", READERS),
            Entry("Bổ nhiệm & Điều động", "/bo-nhiem/", READERS),
            Entry("Đánh giá, xếp loại", "/danh-gia/", READERS),
            Entry("Biên chế", "/bien-che/", READERS),
            Entry("Lương", "/luong/", READERS),
        ),
    ),
    Section(
        "Thi đua, kỷ luật",
        (
            Entry("Thi đua, khen thưởng", "/thi-dua/", READERS),
            Entry("Kỷ luật & Phản ánh", "/ky-luat/", READERS),
            Entry("Đảng viên", "/dang-vien/", READERS),
            Entry("Khảo sát (quản lý)", "/khao-sat/quan-ly/", READERS),
        ),
    ),
    Section("Khảo sát", (Entry("Khảo sát của tôi", "/khao-sat/", _has_own_record),)),
    Section("Báo cáo", (Entry("Báo cáo", "/bao-cao/", _any_of(*REPORT_ROLES)),)),
    Section(
        "Dữ liệu",
        (
            Entry("Nhập / xuất dữ liệu", "/nhap-xuat/", WRITERS),
            Entry("Hồ sơ chưa đủ", "/nhap-xuat/ho-so-chua-du/", WRITERS),
            Entry("Danh mục kiểm tra tiếp nhận dữ liệu", "/nhap-xuat/danh-muc-kiem-tra/", BOARD),
            Entry(
                "Cách viết khác của danh mục",
                "/nhap-xuat/cach-viet-khac/",
                lambda held, user: can_keep_aliases(user),
            ),
            Entry("Đồng bộ CSDL quốc gia", "/dong-bo-csdl-quoc-gia/", WRITERS),
            Entry("Nhật ký truy cập hồ sơ", "/dong-bo-csdl-quoc-gia/nhat-ky-truy-cap/", BOARD),
            Entry("Mẫu quyết định", "/quyet-dinh/mau/", BOARD),
            Entry("Căn cứ pháp lý", "/can-cu-phap-ly/", BOARD),
            Entry("Quản trị hệ thống", "/quan-tri/", _sysadmin),
        ),
    ),
)


def menu_for(user) -> list[dict]:
    """The sections this user may open, each with the entries they may open (empty sections left out)."""
    if not getattr(user, "is_authenticated", False):
        return []
    held = frozenset(user_roles(user))
    menu = []
    for section in MENU:
        entries = [{"label": e.label, "url": e.url} for e in section.entries if e.allowed(held, user)]
        if entries:
            menu.append({"label": section.label, "entries": entries})
    return menu
