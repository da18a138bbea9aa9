"""Scoping, written once: every door asks these functions what the acting user may see and change."""

from django.db.models import Q

from canbo.org.models import OrgUnit

from .models import AssignmentStatus, Role, RoleAssignment


def _roles(user) -> list[RoleAssignment]:
    """The user's ACTIVE assignments (pending, rejected and revoked ones grant nothing), once per request.

    `is_superuser` grants nothing here: a Django superuser sees personal data only through an active role.
    """
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_canbo_roles", None)
    if cached is None:
        cached = list(
            RoleAssignment.objects.filter(user=user, status=AssignmentStatus.ACTIVE).select_related("unit")
        )
        user._canbo_roles = cached
    return cached


def forget_roles(user) -> None:
    """Drop the roles cached on this user object (after its assignments changed)."""
    if hasattr(user, "_canbo_roles"):
        del user._canbo_roles


def user_roles(user) -> set[str]:
    return {r.role for r in _roles(user)}


def has_role(user, *roles: str) -> bool:
    return bool(user_roles(user) & set(roles))


def administers_system(user) -> bool:
    """The system administrator (or a Django superuser): configuration, users and role requests — no
    personal data and no approval of roles that open it."""
    return bool(
        getattr(user, "is_active", False)
        and (getattr(user, "is_superuser", False) or has_role(user, Role.SYSADMIN))
    )


def sees_all_units(user) -> bool:
    """Change rights everywhere: the province board only."""
    return has_role(user, Role.PROVINCE_BOARD)


def reads_all_units(user) -> bool:
    """Read rights everywhere: the board, and the Standing Committee (which approves but keeps no records)."""
    return has_role(user, Role.PROVINCE_BOARD, Role.STANDING_COMMITTEE)


def _scoped_paths(user, roles) -> list[str]:
    return [r.unit.path for r in _roles(user) if r.role in roles and r.unit_id]


def unit_paths(user) -> list[str]:
    """The paths of the units the user's officer and leader roles are attached to (their subtrees' roots)."""
    return _scoped_paths(user, {Role.UNIT_OFFICER, Role.LEADER})


def _unit_condition(paths: list[str], field: str = "path") -> Q:
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(**{f"{field}__startswith": path})
    return condition


def visible_units(user):
    """Units whose records the user may read: everything for the province board, else role subtrees."""
    if reads_all_units(user):
        return OrgUnit.objects.all()
    paths = _scoped_paths(user, {Role.UNIT_OFFICER, Role.LEADER})
    if not paths:
        return OrgUnit.objects.none()
    return OrgUnit.objects.filter(_unit_condition(paths))


def editable_units(user):
    """Units whose people the user may change: province board everywhere, unit officers in their subtree."""
    if sees_all_units(user):
        return OrgUnit.objects.all()
    paths = _scoped_paths(user, {Role.UNIT_OFFICER})
    if not paths:
        return OrgUnit.objects.none()
    return OrgUnit.objects.filter(_unit_condition(paths))


def unit_visibility_q(user, field: str) -> Q | None:
    """A Q over `field` (a path to OrgUnit.path, e.g. 'current_unit__path'); None means no restriction."""
    if reads_all_units(user):
        return None
    return _unit_condition(_scoped_paths(user, {Role.UNIT_OFFICER, Role.LEADER}), field)


def unit_editability_q(user, field: str) -> Q | None:
    if sees_all_units(user):
        return None
    return _unit_condition(_scoped_paths(user, {Role.UNIT_OFFICER}), field)


def can_edit_unit(user, unit: OrgUnit) -> bool:
    if sees_all_units(user):
        return True
    return any(unit.path.startswith(p) for p in _scoped_paths(user, {Role.UNIT_OFFICER}))


def can_see_unit(user, unit: OrgUnit) -> bool:
    if reads_all_units(user):
        return True
    return any(unit.path.startswith(p) for p in _scoped_paths(user, {Role.UNIT_OFFICER, Role.LEADER}))
