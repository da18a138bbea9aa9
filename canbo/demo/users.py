"""One demo login per role. The password is printed by `manage.py demo_logins` (and `make demo`)."""

from canbo.accounts.models import Role, RoleAssignment, User
from canbo.accounts.services import role_assignment_create_active_for_seed, user_save_for_seed
from canbo.org.models import OrgUnit
from canbo.people.choices import PersonnelCategory, PersonStatus
from canbo.people.models import Person

DEMO_PASSWORD = "canbo-demo-2026"  # noqa: S105 - published demo password, printed by demo_logins

# username, role, unit code (None: no unit), first name, last name (shown first: Vietnamese order), note
DEMO_USERS = [
    ("bantochuc", Role.PROVINCE_BOARD, None, "Tỉnh ủy", "Ban Tổ chức", "Toàn tỉnh"),
    ("sonoivu", Role.UNIT_OFFICER, "DB-SNV", "Sở Nội vụ", "Cán bộ tổ chức", ""),
    (
        "huyentuangiao",
        Role.UNIT_OFFICER,
        "DB-H099",
        "huyện Tuần Giáo",
        "Cán bộ tổ chức",
        "Địa bàn cũ, hết 30/06/2025",
    ),
    ("lanhdao", Role.LEADER, "DB-SYT", "Sở Y tế", "Lãnh đạo", "Chỉ xem"),
    (
        "thuongvu",
        Role.STANDING_COMMITTEE,
        None,
        "Tỉnh ủy",
        "Ban Thường vụ",
        "Phê duyệt kế hoạch; xem toàn tỉnh",
    ),
    ("congchuc", Role.OFFICIAL, None, "", "", "Hồ sơ của chính mình"),
    ("quantri", Role.SYSADMIN, None, "hệ thống", "Quản trị", "Không xem dữ liệu cá nhân"),
]
DEMO_USERNAMES = [u[0] for u in DEMO_USERS]


def _official_person():
    """A working civil servant of Sở Nội vụ (any working person at a tiny scale)."""
    working = Person.objects.filter(status=PersonStatus.WORKING, code__startswith="DB", user__isnull=True)
    return (
        working.filter(current_unit__code="DB-SNV", category=PersonnelCategory.CC).order_by("code").first()
        or working.order_by("code").first()
    )


def create_demo_users() -> list[User]:
    users, encoded = [], None
    for username, role, unit_code, first, last, _note in DEMO_USERS:
        user, _created = User.objects.get_or_create(username=username)
        user.first_name, user.last_name = first, last
        user.is_staff = role == Role.SYSADMIN
        user.is_superuser = False
        user.is_active = True
        if encoded is None:  # Argon2 is slow on purpose: hash the shared demo password once
            user.set_password(DEMO_PASSWORD)
            encoded = user.password
        user.password = encoded
        if role == Role.OFFICIAL:
            person = _official_person()
            if person is not None:
                family, _sep, rest = person.full_name.partition(" ")
                user.last_name, user.first_name = family, rest
                user_save_for_seed(user)
                Person.objects.filter(pk=person.pk).update(user=user)
        user_save_for_seed(user)  # seed data: a demo login keeps the published password
        RoleAssignment.objects.filter(user=user).delete()
        unit = OrgUnit.objects.get(code=unit_code) if unit_code else None
        role_assignment_create_active_for_seed(user=user, role=role, unit=unit)  # seed data: active at once
        users.append(user)
    return users


def demo_login_rows() -> list[tuple[str, str, str, str]]:
    """(username, password, role, unit or record) for each demo user that exists."""
    rows = []
    existing = {u.username: u for u in User.objects.filter(username__in=DEMO_USERNAMES)}
    for username, role, unit_code, _first, _last, note in DEMO_USERS:
        user = existing.get(username)
        if user is None:
            continue
        scope = note
        if unit_code:
            unit = OrgUnit.objects.filter(code=unit_code).first()
            scope = f"{unit.name if unit else unit_code}" + (f" ({note})" if note else "")
        if role == Role.OFFICIAL:
            person = Person.objects.filter(user=user).select_related("current_unit").first()
            if person:
                scope = f"{person.full_name}, {person.current_unit.name}"
        rows.append((username, DEMO_PASSWORD, str(Role(role).label), scope))
    return rows
