"""The admission rules as dated data (rows of `PartyRule`, migration 0002), read by the date of the chi bộ's
vote (ages, education) or of the admission (probation).

Điều lệ Đảng 2011 Điều 1 khoản 2 and Điều 5 khoản 1, as implemented by QĐ 29-QĐ/TW (25/07/2016), QĐ 24-QĐ/TW
(30/07/2021), QĐ 232-QĐ/TW (20/01/2025) and QĐ 294-QĐ/TW (26/05/2025, in force 01/07/2025; guided by the
Secretariat's Hướng dẫn 06-HD/TW of 09/06/2025), mục 1:
- at the chi bộ's vote the person is from full 18 to full 60 years old, counted in months; admitting someone over
  60 is decided by a committee directly under the Central Committee (Hướng dẫn 01-HD/TW 28/09/2021: with the
  written consent of its standing committee before the admission decision);
- a lower-secondary diploma at least (QĐ 29 also accepted "tương đương"); in mountain, border and island areas,
  areas of ethnic minorities and areas of special hardship the Secretariat's guidance applies (primary school at
  least under Hướng dẫn 01-HD/TW);
- twelve months of probation from the admission ceremony, then the chi bộ's vote on full membership.
"""

from dataclasses import dataclass
from datetime import date

from .models import PartyRule


@dataclass(frozen=True)
class AgeRule:
    min_months: int
    max_months: int
    over_max_by: str  # who may admit someone above the maximum
    legal_basis: str


@dataclass(frozen=True)
class EducationRule:
    minimum: str
    exception_minimum: str
    exception_areas: tuple[str, ...]
    legal_basis: str


def age_rule(on: date) -> AgeRule:
    row = PartyRule.objects.version("admission_age", on=on)
    v = row.value
    return AgeRule(v["min_months"], v["max_months"], v["over_max_by"], row.legal_basis)


def education_rule(on: date) -> EducationRule:
    row = PartyRule.objects.version("admission_education", on=on)
    v = row.value
    return EducationRule(v["minimum"], v["exception_minimum"], tuple(v["exception_areas"]), row.legal_basis)


def probation_months(admitted_on: date) -> int:
    """Months of probation for someone admitted on `admitted_on` (Điều lệ Đảng Điều 5 khoản 1)."""
    return PartyRule.objects.value("probation_months", on=admitted_on)
