"""Party members' quality rating of a year (QĐ 366/2025, rule 28): one PartyMemberRating per person and year,
recorded for a Party organisation (a unit of the Party sector, or the person's unit or a unit above it).

Rules, each refused with a Vietnamese reason:
- only a Party member on 31/12 of the year (Person.party_admission_date ≤ 31/12) is rated;
- the same four levels (or “không xếp loại”), never higher than the person's CBCCVC rating of the same year
  (“không cao hơn mức xếp loại CBCCVC”): a cadre, civil servant or public employee needs that rating first;
- a discipline decided in the year for a duty-related act → “Không hoàn thành nhiệm vụ” (Party discipline is
  not kept in Canbo: the rating body applies it);
- HTXS at most 20 % of HTT per Party organisation and year (HTXS × 5 ≤ HTT).
Writes: `party_rating_record` (one person) and `party_rating_record_bulk` (an organisation's list, all or
nothing); both need the right to change the organisation's unit (can_edit_unit) and are audited.
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from canbo.accounts.scoping import can_edit_unit
from canbo.core.audit import audit_actor
from canbo.core.decisions import decision_date_error
from canbo.core.versioning import bump_version
from canbo.org.models import OrgSector, OrgUnit
from canbo.people.choices import PersonnelCategory
from canbo.people.models import Person

from . import rules
from .models import RATING_RANK, AnnualRating, PartyMemberRating, RatingLevel

NOT_YOUR_ORG = "Anh/chị không có quyền ghi xếp loại đảng viên của tổ chức đảng này."
CBCCVC = {
    PersonnelCategory.CB,
    PersonnelCategory.CC,
    PersonnelCategory.VC,
    PersonnelCategory.CB_XA,
    PersonnelCategory.CC_XA,
}
MAX_ENTRIES = 2000


@dataclass(frozen=True)
class Entry:
    person: Person
    level: str
    note: str = ""


def member_on(person: Person, year: int) -> bool:
    return person.party_admission_date is not None and person.party_admission_date <= date(year, 12, 31)


def org_fits(party_org: OrgUnit, person: Person) -> bool:
    """A Party-sector unit, or the person's unit or one above it."""
    if party_org.sector == OrgSector.DANG:
        return True
    return person.current_unit.path.startswith(party_org.path)


def entry_errors(entry: Entry, year: int, annual: AnnualRating | None, disciplines: list) -> list[str]:
    """Why this person cannot get this level in this year (empty: allowed)."""
    person, level = entry.person, entry.level
    if level not in RatingLevel.values:
        return ["Mức xếp loại không hợp lệ."]
    if not member_on(person, year):
        return [
            f"{person.full_name} chưa là đảng viên ngày 31/12/{year}: không xếp loại đảng viên năm {year}."
        ]
    if level == RatingLevel.NOT_RATED:
        return []
    if disciplines and level != RatingLevel.NOT_COMPLETED:
        record = disciplines[0]
        return [
            f"{person.full_name} bị kỷ luật {record.get_form_display().lower()} (quyết định số "
            f"{record.decision_number} ngày {record.decided_on:%d/%m/%Y}) trong năm {year}: xếp loại đảng viên "
            "“Không hoàn thành nhiệm vụ”."
        ]
    if person.category in CBCCVC:
        if annual is None:
            return [
                f"{person.full_name} chưa có kết quả xếp loại cán bộ, công chức, viên chức năm {year}: xếp loại "
                "đảng viên sau khi có kết quả này."
            ]
        if annual.level in RATING_RANK and RATING_RANK[RatingLevel(level)] < RATING_RANK[annual.level]:
            return [
                f"{person.full_name} được xếp loại cán bộ, công chức, viên chức năm {year} là "
                f"“{annual.get_level_display()}”: xếp loại đảng viên không cao hơn mức này."
            ]
    return []


def _check_common(actor, party_org: OrgUnit, year: int, decided_on) -> dict[str, list[str]]:
    if not can_edit_unit(actor, party_org):
        raise PermissionDenied(NOT_YOUR_ORG)
    today = timezone.localdate()
    errors: dict[str, list[str]] = {}
    if not 2000 <= year <= today.year:
        errors["year"] = [f"Năm xếp loại từ 2000 đến {today.year}."]
    if message := decision_date_error(decided_on, today):
        errors["decided_on"] = [message]
    elif decided_on.year < year:
        errors["decided_on"] = [f"Ngày quyết định phải từ năm {year}."]
    return errors


def _validate(actor, party_org, year, decided_on, entries: list[Entry]) -> tuple[dict, dict]:
    """(errors by key, existing ratings by person id); the key of a person's error is their code."""
    errors = _check_common(actor, party_org, year, decided_on)
    if errors:
        raise ValidationError(errors)
    ids = [e.person.pk for e in entries]
    annual = {r.person_id: r for r in AnnualRating.objects.filter(person_id__in=ids, year=year)}
    existing = {
        r.person_id: r
        for r in PartyMemberRating.objects.select_for_update(of=("self",))
        .select_related("party_org")
        .filter(person_id__in=ids, year=year)
    }
    disciplines = rules.disciplines_in(ids, year)
    for entry in entries:
        messages = entry_errors(
            entry, year, annual.get(entry.person.pk), disciplines.get(entry.person.pk, [])
        )
        if not org_fits(party_org, entry.person):
            messages.append(
                f"{party_org.name} không phải tổ chức đảng (khối Đảng) hay đơn vị của {entry.person.full_name}."
            )
        before = existing.get(entry.person.pk)
        if (
            before is not None
            and before.party_org_id != party_org.pk
            and not can_edit_unit(actor, before.party_org)
        ):
            messages.append(f"{entry.person.full_name} đã được {before.party_org.name} xếp loại năm {year}.")
        if len((entry.note or "").strip()) > 500:
            messages.append("Ghi chú tối đa 500 ký tự.")
        if messages:
            errors[entry.person.code] = messages
    return errors, existing


def _cap_error(party_org, year, entries: list[Entry]) -> str | None:
    ids = [e.person.pk for e in entries]
    levels = list(
        PartyMemberRating.objects.filter(party_org=party_org, year=year)
        .exclude(person_id__in=ids)
        .values_list("level", flat=True)
    ) + [e.level for e in entries]
    excellent, good = levels.count(RatingLevel.EXCELLENT), levels.count(RatingLevel.GOOD)
    if rules.cap_allows(excellent, good):
        return None
    return rules.cap_message(party_org.name, excellent, good) + f" (xếp loại đảng viên năm {year})"


def _write(actor, party_org, year, decided_on, entry: Entry, before, expected_version=None):
    note = (entry.note or "").strip()
    if before is None:
        rating = PartyMemberRating(
            person=entry.person,
            year=year,
            party_org=party_org,
            level=entry.level,
            decided_on=decided_on,
            decided_by=actor,
            note=note,
        )
        rating.full_clean()
        with audit_actor(actor):
            rating.save()
        return rating
    bump_version(PartyMemberRating, before, expected_version)
    before.party_org, before.level, before.decided_on = party_org, entry.level, decided_on
    before.decided_by, before.note = actor, note
    with audit_actor(actor):
        fields = ["party_org", "level", "decided_on", "decided_by", "note", "version", "updated_at"]
        before.save(update_fields=fields)
    return before


@transaction.atomic
def party_rating_record(
    *,
    actor,
    person: Person,
    year: int,
    party_org: OrgUnit,
    level: str,
    decided_on,
    note: str = "",
    expected_version=None,
) -> PartyMemberRating:
    """One Party member's rating of the year (created, or the year's rating replaced)."""
    entry = Entry(person=person, level=level, note=note)
    errors, existing = _validate(actor, party_org, year, decided_on, [entry])
    if errors:
        raise ValidationError({"level": errors[person.code]})
    cap = _cap_error(party_org, year, [entry])
    if cap:
        raise ValidationError({"level": [cap]})
    return _write(actor, party_org, year, decided_on, entry, existing.get(person.pk), expected_version)


@transaction.atomic
def party_rating_record_bulk(
    *, actor, party_org: OrgUnit, year: int, decided_on, entries: list[Entry]
) -> list[PartyMemberRating]:
    """An organisation's ratings at once, all or nothing: any refusal (by person code) writes none."""
    if not entries:
        raise ValidationError({"entries": ["Chưa chọn mức xếp loại cho đảng viên nào."]})
    if len(entries) > MAX_ENTRIES:
        raise ValidationError({"entries": [f"Tối đa {MAX_ENTRIES} đảng viên một lần."]})
    if len({e.person.pk for e in entries}) != len(entries):
        raise ValidationError({"entries": ["Mỗi đảng viên chỉ có một dòng."]})
    errors, existing = _validate(actor, party_org, year, decided_on, entries)
    if errors:
        raise ValidationError(errors)
    cap = _cap_error(party_org, year, entries)
    if cap:
        raise ValidationError({"entries": [cap]})
    return [_write(actor, party_org, year, decided_on, e, existing.get(e.person.pk)) for e in entries]
