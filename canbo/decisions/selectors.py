"""Reads of the decision templates (board pages) and of which template a kind uses now."""

from .models import DecisionTemplate
from .registry import template_kinds


def active_template(*, kind: str) -> DecisionTemplate | None:
    """The newest active uploaded version of `kind`, or None (then the default file is used)."""
    return DecisionTemplate.objects.filter(kind=kind, is_active=True).order_by("-number").first()


def template_overview() -> list[dict]:
    """Every registered kind with its versions (newest first) and the one in use: one query for all versions."""
    versions: dict[str, list[DecisionTemplate]] = {}
    for row in DecisionTemplate.objects.select_related("uploaded_by").order_by("kind", "-number"):
        versions.setdefault(row.kind, []).append(row)
    overview = []
    for kind in template_kinds():
        rows = versions.get(kind.code, [])
        overview.append(
            {"kind": kind, "versions": rows, "active": next((r for r in rows if r.is_active), None)}
        )
    return overview
