"""Scoping, written once: every door asks these functions what the acting user may see and change."""

from datetime import date

from django.db.models import Q
from django.utils import timezone

from .models import AssignmentStatus, Role, RoleAssignment


def unit_model():
    """The unit model, reached through the role assignment's foreign key ("org.OrgUnit").

    accounts sits below org: it names units by the model's label and never imports the org app, so org's
    services and selectors can ask scoping without a cycle.
    """
    return RoleAssignment._meta.get_field("unit").related_model


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


def scope_key(user) -> str:
    """The user's active assignments as one string: figures stored for a user are valid only while it is unchanged."""
    return ",".join(sorted(f"{r.role}@{r.unit_id or ''}" for r in _roles(user)))


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
        return unit_model().objects.all()
    paths = _scoped_paths(user, {Role.UNIT_OFFICER, Role.LEADER})
    if not paths:
        return unit_model().objects.none()
    return unit_model().objects.filter(_unit_condition(paths))


def editable_units(user):
    """Units whose people the user may change: province board everywhere, unit officers in their subtree."""
    if sees_all_units(user):
        return unit_model().objects.all()
    paths = _scoped_paths(user, {Role.UNIT_OFFICER})
    if not paths:
        return unit_model().objects.none()
    return unit_model().objects.filter(_unit_condition(paths))


def unit_visibility_q(user, field: str) -> Q | None:
    """A Q over `field` (a path to OrgUnit.path, e.g. 'current_unit__path'); None means no restriction."""
    if reads_all_units(user):
        return None
    return _unit_condition(_scoped_paths(user, {Role.UNIT_OFFICER, Role.LEADER}), field)


def unit_editability_q(user, field: str) -> Q | None:
    if sees_all_units(user):
        return None
    return _unit_condition(_scoped_paths(user, {Role.UNIT_OFFICER}), field)


def can_edit_unit(user, unit) -> bool:
    if sees_all_units(user):
        return True
    return any(unit.path.startswith(p) for p in _scoped_paths(user, {Role.UNIT_OFFICER}))


def can_see_unit(user, unit) -> bool:
    if reads_all_units(user):
        return True
    return any(unit.path.startswith(p) for p in _scoped_paths(user, {Role.UNIT_OFFICER, Role.LEADER}))


# --- persons: who may see a person's details (decision 018, data minimisation under NĐ 13/2023) ------------

READ_ROLES = frozenset({Role.UNIT_OFFICER, Role.LEADER})
WRITE_ROLES = frozenset({Role.UNIT_OFFICER})


def in_force_unit_paths(user, roles=READ_ROLES, on: date | None = None) -> list[str]:
    """The paths of the units the user's `roles` are attached to, kept only while the unit is in force on `on`
    (default today): a role of a unit that has ended (a district after 30/06/2025) manages nobody."""
    on = on or timezone.localdate()
    return [r.unit.path for r in _roles(user) if r.role in roles and r.unit_id and r.unit.is_active_on(on)]


def in_force_unit_q(user, field: str, *, write: bool = False) -> Q:
    """Rows whose unit (`field`, a path to OrgUnit.path) lies under a role unit in force today (no board
    shortcut: combine with `managed_person_q`, which returns None for the board)."""
    return _unit_condition(in_force_unit_paths(user, WRITE_ROLES if write else READ_ROLES), field)


def _person_prefix(person_field: str) -> str:
    return f"{person_field}__" if person_field else ""


def managed_person_q(user, person_field: str = "person", *, write: bool = False) -> Q | None:
    """Rows about a person the user's unit manages today: the person's CURRENT unit lies under a role unit in
    force. `person_field` is the path to Person ("" for Person itself); `write`: officer roles only (whose
    records the user may keep). None means no restriction (the board; the Standing Committee when reading)."""
    if sees_all_units(user) if write else reads_all_units(user):
        return None
    return in_force_unit_q(user, f"{_person_prefix(person_field)}current_unit__path", write=write)


def personal_rows_q(
    user,
    person_field: str = "person",
    *,
    incoming: Q | None = None,
    unattached_unit: str | None = None,
    own: bool = False,
    write: bool = False,
) -> Q | None:
    """The one rule for rows that name a person (lists, exports, details, API, admin, pickers, job outputs).

    Visible: rows about a person the user manages today (`managed_person_q`); `incoming`, the open processes
    that bring a person into the user's unit (the app builds it with `in_force_unit_q`); rows with no person
    (a collective, a candidate outside the register) by their own unit `unattached_unit`, if in force; `own`:
    the signed-in official's own rows. None means no restriction (the board)."""
    if (sees_all_units(user) if write else reads_all_units(user)) or not person_field:
        return _person_rows_joined(user, person_field, incoming, unattached_unit, own, write)
    roles = WRITE_ROLES if write else READ_ROLES
    paths = in_force_unit_paths(user, roles)
    # Each alternative is a condition on the row's own columns (its person id, its unit id) against a subquery
    # of ids: OR-ed across a join to the person and its unit, PostgreSQL could use no index (decision 043).
    condition = Q(**{f"{person_field}__in": _managed_person_ids(paths)})
    if incoming is not None:
        condition |= incoming
    if unattached_unit is not None:
        condition |= Q(**{f"{person_field}__isnull": True}) & _unit_in(paths, unattached_unit)
    if own and getattr(user, "is_authenticated", False):
        condition |= Q(**{f"{person_field}__user": user})
    return condition


def person_model():
    """The register's person model, reached through the user's reverse one-to-one ("people.Person").user."""
    return RoleAssignment._meta.get_field("user").related_model._meta.get_field("person").related_model


def _managed_person_ids(paths: list[str]):
    """The ids of the persons whose current unit lies under one of `paths` (an index on the unit, then on the
    person's unit: the persons of a few units, not the register)."""
    units = unit_model().objects.filter(_unit_condition(paths)).values("pk")
    return person_model().objects.filter(current_unit__in=units).order_by().values("pk")


def _unit_in(paths: list[str], field: str) -> Q:
    """`field` (a path to OrgUnit.path) under one of `paths`, as the row's unit id in a subquery of unit ids
    when `field` is its own foreign key's path ("unit__path"), else as path prefixes."""
    relation, _sep, last = field.rpartition("__")
    if last != "path" or not relation or "__" in relation:
        return _unit_condition(paths, field)
    return Q(**{f"{relation}__in": unit_model().objects.filter(_unit_condition(paths)).values("pk")})


def _person_rows_joined(user, person_field, incoming, unattached_unit, own, write) -> Q | None:
    """personal_rows_q for the board (None) and for Person itself (its own current unit: no join to avoid)."""
    condition = managed_person_q(user, person_field, write=write)
    if condition is None:
        return None
    prefix = _person_prefix(person_field)
    if incoming is not None:
        condition |= incoming
    if unattached_unit is not None:
        condition |= Q(**{f"{person_field}__isnull": True}) & in_force_unit_q(
            user, unattached_unit, write=write
        )
    if own and getattr(user, "is_authenticated", False):
        condition |= Q(**{f"{prefix}user": user})
    return condition


def any_unit_visibility_q(user, *fields: str) -> Q | None:
    """Rows any of whose units (`fields`) the user may read, historical paths included (aggregates, units'
    own documents); None means no restriction."""
    parts = [unit_visibility_q(user, field) for field in fields]
    if any(part is None for part in parts):
        return None
    condition = Q(pk__in=[])
    for part in parts:
        condition |= part
    return condition


def subtree_q(units, *fields: str) -> Q:
    """Rows any of whose units (`fields`, paths to OrgUnit.path) lie in the subtree of one of `units`: the scope
    of work done for units rather than for a user (the daily reminders of a unit's officers, a command)."""
    condition = Q(pk__in=[])
    for unit in units:
        for field in fields:
            condition |= Q(**{f"{field}__startswith": unit.path})
    return condition


def scoped(
    queryset, condition: Q | None, *, allowed: bool = True, units=None, unit_fields: tuple[str, ...] = ()
):
    """`queryset` narrowed by a scoping condition (None: no restriction); nothing at all when not `allowed`;
    with `units`, also to the rows any of whose `unit_fields` lie in those units' subtrees (`subtree_q`).
    The one helper behind every app's `..._queryset_for` selectors and due lists."""
    if not allowed:
        return queryset.none()
    if units is not None:
        within = subtree_q(units, *unit_fields)
        condition = within if condition is None else condition & within
    return queryset if condition is None else queryset.filter(condition)


def runs_unit(user, unit) -> bool:
    """The board, or an officer of a unit in force at or above `unit`: who runs the unit's own processes today
    (a class it organises) and so sees the persons taking part in them."""
    if sees_all_units(user):
        return True
    return any(unit.path.startswith(p) for p in in_force_unit_paths(user, WRITE_ROLES))
