"""Cadre work of the demo province (issue 5): one module per area, each with its build and reset functions."""

from .life import build_cadre_life, reset_cadre_life
from .party import build_admissions, reset_admissions
from .quotas import build_quotas, reset_quotas
from .streamlining import build_cases, plan_exits, reset_cases, retire_early

__all__ = [
    "build_admissions",
    "build_cadre_life",
    "build_cases",
    "build_quotas",
    "plan_exits",
    "reset_admissions",
    "reset_cadre_life",
    "reset_cases",
    "reset_quotas",
    "retire_early",
]
