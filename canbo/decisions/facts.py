"""Facts about a person that every decision states: honorific, name, birth date, the post held (before the
decision took effect, read from the career rows), the category."""

from datetime import date

from django.utils.text import slugify

from canbo.core.text import unaccent
from canbo.people.choices import Gender, PersonnelCategory
from canbo.people.models import Employment, Person

from .heading import dmy

CATEGORY_WORDS = {
    PersonnelCategory.CB: "cán bộ",
    PersonnelCategory.CB_XA: "cán bộ",
    PersonnelCategory.CC: "công chức",
    PersonnelCategory.CC_XA: "công chức",
    PersonnelCategory.VC: "viên chức",
}


def post_row(person: Person, *, before: date | None = None) -> Employment | None:
    """The career row held the day before `before` (a decision's effect), else the open one (else the last)."""
    rows = person.employments.select_related("unit", "position")
    if before is not None:
        return rows.filter(start_date__lt=before).order_by("-start_date").first()
    return rows.filter(end_date__isnull=True).first() or rows.order_by("-start_date").first()


def post_text(person: Person, row: Employment | None) -> str:
    """ "Phó Trưởng phòng, Văn phòng Sở A" or "công chức Sở A"."""
    if row is None:
        unit = person.current_unit.name if person.current_unit_id else ""
        return f"{CATEGORY_WORDS.get(person.category, 'công chức')} {unit}".strip()
    if row.position_id and row.position.tier:
        return f"{row.position.name}, {row.unit.name}"
    return f"{CATEGORY_WORDS.get(row.category, 'công chức')} {row.unit.name}"


def person_facts(person: Person, *, before: date | None = None) -> dict:
    row = post_row(person, before=before)
    return {
        "honorific": "bà" if person.gender == Gender.NU else "ông",
        "name": person.full_name,
        "birth": dmy(person.date_of_birth),
        "post": post_text(person, row),
        "unit": row.unit.name if row else (person.current_unit.name if person.current_unit_id else ""),
        "category": CATEGORY_WORDS.get(person.category, "công chức"),
        "code": person.code,
    }


def draft_name(prefix: str, person_name: str) -> str:
    """du-thao-qd-bo-nhiem-nguyen-van-anh"""
    return slugify(unaccent(f"du thao qd {prefix} {person_name}"))[:120]
