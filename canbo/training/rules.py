"""Rules of sending people to study (domain.md §3 rule 22), read from the effective-dated SponsorshipRule."""

from datetime import date

from django.db.models import Min

from canbo.core.dates import add_months, add_years
from canbo.evaluation.models import GOOD_OR_BETTER, AnnualRating, RatingLevel
from canbo.people.choices import PersonStatus, QualificationScale
from canbo.people.models import Person

from .choices import STATE_FUNDED
from .models import Programme, SponsorshipRule, StudyAssignment


def sponsorship_rule_on(day: date) -> SponsorshipRule | None:
    return SponsorshipRule.objects.active_on(day).order_by("-valid_from").first()


def months_between(start: date, end: date) -> int:
    """Whole months from start to end, a started month counting as one (a 2-year course = 24)."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if add_months(start, months) < end:
        months += 1
    return max(months, 1)


def commitment_months(rule: SponsorshipRule | None, start: date, expected_end: date, funding: str) -> int:
    """Service owed after a state-funded course: the rule's multiple of the course's length (0 if self-funded)."""
    if rule is None or funding not in STATE_FUNDED:
        return 0
    return rule.commitment_multiplier * months_between(start, expected_end)


def service_start(person: Person) -> date | None:
    first_row = person.employments.aggregate(first=Min("start_date"))["first"]
    candidates = [d for d in (person.recruited_on, first_row) if d]
    return min(candidates) if candidates else None


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def sending_errors(*, person: Person, programme: Programme, start_date: date, funding: str) -> list[str]:
    """Why this person may not be sent to this course on this date (empty list: eligible).

    Every person: still working. Postgraduate study paid by the state (NĐ 101/2017 Art 37, NĐ 171/2025): years of
    service, the ratings of the last years (HTT or better), and the age limit at the start.
    """
    errors = []
    if person.status != PersonStatus.WORKING:
        errors.append(f"{person.full_name} không còn công tác ({person.get_status_display().lower()}).")
        return errors
    if not (programme.is_postgraduate and funding in STATE_FUNDED):
        return errors
    rule = sponsorship_rule_on(start_date)
    if rule is None:
        return errors
    basis = f"theo {rule.legal_basis}" if rule.legal_basis else ""
    began = service_start(person)
    if began is None or add_years(began, rule.min_service_years) > start_date:
        have = "chưa có thông tin" if began is None else f"bắt đầu công tác ngày {began:%d/%m/%Y}"
        errors.append(
            f"Cần ít nhất {rule.min_service_years} năm công tác {basis}; {have}.".replace("  ", " ")
        )
    years = [start_date.year - i for i in range(1, rule.rated_years + 1)]
    ratings = dict(AnnualRating.objects.filter(person=person, year__in=years).values_list("year", "level"))
    for year in sorted(years):
        level = ratings.get(year)
        if level is None:
            errors.append(f"Chưa có kết quả xếp loại năm {year} (cần từ hoàn thành tốt nhiệm vụ trở lên).")
        elif level not in GOOD_OR_BETTER:
            errors.append(
                f"Năm {year} xếp loại “{RatingLevel(level).label}”; cần từ hoàn thành tốt nhiệm vụ trở lên."
            )
    # NĐ 171/2025 (as NĐ 101/2017 before it): the age limit is for the *first* postgraduate course a person is
    # sent on; a person already sent to one (a master's before a doctorate) is not held to it again.
    first_course = not StudyAssignment.objects.filter(
        person=person,
        programme__grants_scale=QualificationScale.PROFESSIONAL,
        programme__grants_level__in=["THAC_SI", "TIEN_SI"],
        start_date__lt=start_date,
    ).exists()
    if first_course and person.date_of_birth and age_on(person.date_of_birth, start_date) > rule.max_age:
        errors.append(
            f"Quá tuổi cử đi đào tạo sau đại học lần đầu: {age_on(person.date_of_birth, start_date)} tuổi khi "
            "nhập học, "
            f"tối đa {rule.max_age} tuổi {basis}.".replace("  ", " ")
        )
    return errors
