"""A decision's number and date (số, ngày quyết định): the one check every service runs, one set of messages.

Appointments, movements, streamlining, discipline, evaluation, awards, planning and study leave all record the
decision that made them. Each service adds its own rules on top (not before the case was opened, not before
the year rated, …) once these basic ones pass: `date_field not in errors`.
"""

from datetime import date

from django.utils import timezone

NUMBER_MAX_LENGTH = 60

NUMBER_MISSING = "Cần số quyết định."
NUMBER_TOO_LONG = f"Số quyết định tối đa {NUMBER_MAX_LENGTH} ký tự."
DATE_MISSING = "Cần ngày quyết định."
DATE_IN_FUTURE = "Ngày quyết định không được ở tương lai."


def decision_number_error(number: str | None) -> str | None:
    """Given, and at most NUMBER_MAX_LENGTH characters once trimmed."""
    text = (number or "").strip()
    if not text:
        return NUMBER_MISSING
    if len(text) > NUMBER_MAX_LENGTH:
        return NUMBER_TOO_LONG
    return None


def decision_date_error(day: date | None, today: date | None = None) -> str | None:
    """Given, and not after today."""
    if day is None:
        return DATE_MISSING
    if day > (today or timezone.localdate()):
        return DATE_IN_FUTURE
    return None


def decision_errors(
    number: str | None,
    day: date | None,
    *,
    today: date | None = None,
    number_field: str = "decision_number",
    date_field: str = "decision_date",
) -> dict[str, list[str]]:
    """The decision's number and date as a ValidationError dict ({} when both are right)."""
    errors: dict[str, list[str]] = {}
    if message := decision_number_error(number):
        errors[number_field] = [message]
    if message := decision_date_error(day, today):
        errors[date_field] = [message]
    return errors
