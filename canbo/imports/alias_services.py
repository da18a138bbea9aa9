"""Writes of the alias table: the province board (and the system administrator, who keeps the catalogues)
adds or removes another spelling of a catalogue entry. Audited like every record."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from canbo.accounts.models import Role
from canbo.accounts.scoping import administers_system, has_role
from canbo.core.audit import audit_actor

from .aliases import alias_key, load_resolvers
from .models import AliasCatalogue, CatalogueAlias


def can_keep_aliases(user) -> bool:
    return has_role(user, Role.PROVINCE_BOARD) or administers_system(user)


def require_alias_keeper(user) -> None:
    if not can_keep_aliases(user):
        raise PermissionDenied(
            "Chỉ Ban Tổ chức Tỉnh ủy / Sở Nội vụ và quản trị hệ thống được sửa cách viết khác."
        )


@transaction.atomic
def catalogue_alias_create(
    *, actor, catalogue: str, alias: str, target: str, note: str = ""
) -> CatalogueAlias:
    """`target` is the entry's code or name (or one of its other spellings)."""
    require_alias_keeper(actor)
    alias, target = " ".join((alias or "").split()), " ".join((target or "").split())
    if catalogue not in AliasCatalogue.values:
        raise ValidationError({"catalogue": "Hãy chọn danh mục."})
    errors: dict[str, str] = {}
    resolver = load_resolvers((catalogue,))[catalogue]
    code = resolver.resolve(target) if target else None
    if not target:
        errors["target"] = "Hãy ghi mục trong danh mục (mã hoặc tên)."
    elif code is None:
        errors["target"] = resolver.unknown_message(target, "mục")
    key = alias_key(alias)
    if not key:
        errors["alias"] = "Hãy ghi cách viết khác (có ít nhất một chữ hoặc số)."
    elif alias.casefold() in resolver.exact or key in resolver.loose:
        errors["alias"] = (
            f"“{alias}” đã được nhận ra là “{resolver.labels[resolver.resolve(alias)]}”; không cần thêm."
        )
    elif CatalogueAlias.objects.filter(catalogue=catalogue, key=key).exists():
        errors["alias"] = "Cách viết này đã có trong danh mục."
    if errors:
        raise ValidationError(errors)
    entry = CatalogueAlias(
        catalogue=catalogue,
        alias=alias,
        key=key,
        target=code,
        target_label=resolver.labels[code],
        note=note,
        created_by=actor,
    )
    entry.full_clean(exclude=["created_by"])
    with audit_actor(actor):
        entry.save()
    return entry


@transaction.atomic
def catalogue_alias_delete(*, actor, entry: CatalogueAlias) -> None:
    require_alias_keeper(actor)
    with audit_actor(actor):
        entry.delete()
