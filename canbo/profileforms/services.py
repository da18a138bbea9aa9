"""Producing a form for a person, and the log of who took a copy of someone else's dossier.

Every copy of another person's form (one download, or each person of a batch) writes an audit row on the person,
action "access" (shown as "Xem" in the profile's history tab, like every change): who, when, from which address,
which form and format, as of which date. An official printing their own form is not logged."""

import time
from dataclasses import dataclass
from datetime import date

from auditlog.models import LogEntry

from canbo.core.audit import audit_bulk
from canbo.people.models import Person

from .layouts import FORMS
from .records import dossier_records
from .render_docx import render_docx
from .render_pdf import render_pdf

FORMATS = {
    "pdf": ("PDF", "application/pdf", render_pdf),
    "docx": (
        "Word",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        render_docx,
    ),
}
LOG_FIELD = "Mẫu in"


@dataclass(frozen=True)
class RenderedForm:
    content: bytes
    content_type: str
    filename: str
    seconds: float


def form_label(form_key: str, fmt: str, on: date) -> str:
    return f"{FORMS[form_key][0]} ({FORMATS[fmt][0]}), tính đến {on:%d/%m/%Y}"


def profile_form_render(
    *, person: Person, form_key: str, fmt: str, on: date, sensitive: bool = True
) -> RenderedForm:
    """The form's file for a person already fetched within the acting user's scope; `sensitive` is whether the
    acting user may see family and health (canbo.dossier.selectors.may_see_sensitive)."""
    started = time.perf_counter()
    _title, build = FORMS[form_key]
    _label, content_type, render = FORMATS[fmt]
    content = render(build(dossier_records(person=person, on=on, sensitive=sensitive)))
    name = "so-yeu-ly-lich" if form_key == "syll" else "mau-2c"
    return RenderedForm(
        content=content,
        content_type=content_type,
        filename=f"{name}-{person.code}-{on:%Y%m%d}.{fmt}",
        seconds=time.perf_counter() - started,
    )


def form_copies_log(*, user, persons, form_key: str, fmt: str, on: date, remote_addr=None) -> int:
    """One "access" audit row per person whose form `user` took, their own excepted; returns the rows written."""
    label = form_label(form_key, fmt, on)
    entries = [
        (person, LogEntry.Action.ACCESS, {LOG_FIELD: (None, label)})
        for person in persons
        if person.user_id is None or person.user_id != user.pk
    ]
    audit_bulk(actor=user, entries=entries, remote_addr=remote_addr)
    return len(entries)
