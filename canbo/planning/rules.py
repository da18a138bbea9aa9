"""The planning rules as dated data (rows of `PlanningRule`, migration 0003), read by the date that decides:
a term's start for the tiers open to it and the defaults it takes; the proposal's day for the gates.

QĐ 377-QĐ/TW 2025 (replacing QĐ 50-QĐ/TW 2021) makes the gates run when a candidate is proposed, not only as
later removal flags: a candidate must have the age for a full term, must not be under a discipline sanction in
effect, and no district post is planned for a term that starts after 30/06/2025 (two-level local government).
"""

from datetime import date

from canbo.core.rulebook import RuleMissing

from .models import PlanningRule

TERM_DEFAULTS = ("max_per_post", "max_posts_per_person", "min_women_pct", "min_young_pct", "young_age")


def open_tiers(term_start: date) -> list[str]:
    """The planning tiers a term starting on `term_start` may plan posts in."""
    try:
        return PlanningRule.objects.value("tiers", on=term_start)
    except RuleMissing:
        return []


def term_defaults(term_start: date) -> dict:
    """The limits and ratios a new term takes when the board does not type them (rule 10–11)."""
    try:
        value = PlanningRule.objects.value("term_defaults", on=term_start)
    except RuleMissing:
        return {}
    return {k: v for k, v in value.items() if k in TERM_DEFAULTS}


def gates(on: date) -> dict:
    """{"full_term": bool, "no_sanction": bool} — the gates that run at the proposal on `on`."""
    try:
        return PlanningRule.objects.value("proposal_gates", on=on)
    except RuleMissing:
        return {"full_term": False, "no_sanction": False}
