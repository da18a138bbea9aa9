import re

from django.core.exceptions import ValidationError

from .choices import ID_PROVINCE_CODES, Gender

_ID_RE = re.compile(r"^\d{12}$")
# C0 and C1 control characters, DEL, and the bidirectional embeddings, overrides and isolates that make text
# display in another order than it is stored.
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def has_control_characters(value: str) -> bool:
    return bool(_CONTROL_RE.search(value or ""))


# Mã số bảo hiểm xã hội: 10 digits (the code Vietnam Social Security prints on the book and the card; see
# docs/decisions/048). The health-insurance card shows either that code (cards issued since 2021) or the older
# 15 characters: 2 letters of the beneficiary group, the benefit level, the province and the 10 digits.
SOCIAL_INSURANCE_RE = r"^[0-9]{10}$"
HEALTH_INSURANCE_RE = r"^([0-9]{10}|[A-Z]{2}[0-9]{13})$"
# General education "grade/system": 1..12 over a 10- or 12-year system (12/12, 10/10, 9/12).
GENERAL_EDUCATION_RE = r"^([1-9]|1[0-2])/(10|12)$"


def validate_social_insurance_number(value: str) -> None:
    if value and not re.match(SOCIAL_INSURANCE_RE, value):
        raise ValidationError("Số sổ bảo hiểm xã hội phải gồm đúng 10 chữ số.", code="bhxh_format")


def validate_health_insurance_number(value: str) -> None:
    if value and not re.match(HEALTH_INSURANCE_RE, value):
        raise ValidationError(
            "Số thẻ bảo hiểm y tế gồm 10 chữ số (mã số bảo hiểm xã hội) hoặc 15 ký tự: 2 chữ cái in hoa rồi "
            "13 chữ số.",
            code="bhyt_format",
        )


def validate_general_education(value: str) -> None:
    if not value:
        return
    match = re.match(GENERAL_EDUCATION_RE, value)
    if not match or int(match.group(1)) > int(match.group(2)):
        raise ValidationError(
            "Trình độ giáo dục phổ thông ghi dạng lớp/hệ, ví dụ 12/12 hoặc 9/10 (lớp không quá số năm của hệ).",
            code="general_education_format",
        )


def validate_national_id(value: str) -> None:
    """A 12-digit personal ID: 3 digits of the registering province, then a gender/century digit."""
    if not _ID_RE.match(value or ""):
        raise ValidationError("Số định danh cá nhân phải gồm đúng 12 chữ số.", code="id_format")
    if value[:3] not in ID_PROVINCE_CODES:
        raise ValidationError(
            "Ba chữ số đầu của số định danh (%(code)s) không phải mã tỉnh, thành phố hợp lệ.",
            code="id_province",
            params={"code": value[:3]},
        )


def national_id_gender_century(value: str) -> tuple[str, int]:
    """The 4th digit encodes gender and century: 0/1 = male/female born 1900s, 2/3 = 2000s, ..."""
    digit = int(value[3])
    gender = Gender.NAM if digit % 2 == 0 else Gender.NU
    century = 1900 + (digit // 2) * 100
    return gender, century


def check_national_id_matches(value: str, gender: str | None, birth_year: int | None) -> list[str]:
    """Messages for a personal ID that contradicts the person's gender or year of birth."""
    if not _ID_RE.match(value or ""):
        return []
    id_gender, century = national_id_gender_century(value)
    problems = []
    if gender and gender != id_gender:
        problems.append("Chữ số thứ 4 của số định danh không khớp với giới tính.")
    if birth_year and century + int(value[4:6]) != birth_year:
        problems.append("Chữ số thứ 4 đến 6 của số định danh không khớp với năm sinh.")
    return problems


def compose_national_id(province_code: str, gender: str, birth_year: int, serial: int) -> str:
    """Build a 12-digit personal ID: province, gender/century digit, two digits of the year, 6-digit serial."""
    century_digit = (birth_year // 100 - 19) * 2 + (1 if gender == Gender.NU else 0)
    return f"{province_code}{century_digit}{birth_year % 100:02d}{serial % 1_000_000:06d}"
