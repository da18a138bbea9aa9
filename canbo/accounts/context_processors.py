from .access import READER_ROLES
from .models import Role
from .scoping import user_roles


def roles(request):
    user = getattr(request, "user", None)
    held = user_roles(user) if user is not None else set()
    return {
        "user_roles": held,
        "can_write": bool(held & {Role.PROVINCE_BOARD, Role.UNIT_OFFICER}),
        "is_official_only": held == {Role.OFFICIAL},
        "reads_cadre_work": bool(held & set(READER_ROLES)),
    }
