"""What every kind of decision draft shares: the key parsing, the blank, the heading with its dated grounds.

The kinds live in their apps (movements, discipline, staffing, training, salary: each `drafts` module registers
its kinds from the app's ready()); this module and the registry know no domain app."""

from django.http import Http404
from django.utils import timezone

from . import grounds
from .heading import decision_heading, dmy

NOT_A_DRAFT = "Bản ghi này không lập được dự thảo quyết định loại này."


def record_pk(key: str) -> int:
    if not str(key).isdigit():
        raise Http404(NOT_A_DRAFT)
    return int(key)


def money(value) -> str:
    """An amount in đồng as 25.944.000; empty when there is none."""
    return f"{int(value):,}".replace(",", ".") if value else ""


def dmy_or_empty(value) -> str:
    return dmy(value) if value else ""


def decision_context(*, unit, number, decided_on, signer="", tables=()) -> dict:
    context = decision_heading(unit=unit, number=number, decided_on=decided_on, signer=signer)
    context["grounds"] = grounds.in_force(decided_on or timezone.localdate(), grounds.LAW_CBCC, *tables)
    return context
