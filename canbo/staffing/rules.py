"""NĐ 29/2023 checks on a streamlining case (domain.md rule 18), as Vietnamese field errors.

Candidates: redundancy, unqualified with no retraining, or HT plus KHT in two consecutive years; exempt:
pregnancy or a child under 36 months, and people under discipline or prosecution.
"""

from datetime import date

from django.db.models import Q

from canbo.core.dates import add_months
from canbo.core.exceptions import add_error
from canbo.discipline.models import DisciplineRecord
from canbo.evaluation.models import AnnualRating, RatingLevel
from canbo.people.choices import PersonStatus
from canbo.people.models import Person

from .choices import DownsizingReason

BASIS = "NĐ 29/2023/NĐ-CP"
CHILD_MONTHS = 36
LOW_PAIR = {RatingLevel.COMPLETED, RatingLevel.NOT_COMPLETED}


def discipline_in_effect(person: Person, on: date):
    """The latest discipline decision still in effect on `on` (no end date: in effect), or None."""
    return (
        DisciplineRecord.objects.filter(
            Q(effective_until__isnull=True) | Q(effective_until__gte=on), person=person, decided_on__lte=on
        )
        .order_by("-decided_on", "-id")
        .first()
    )


def low_rating_years(person: Person, on: date) -> tuple[int, int] | None:
    """The two consecutive years, the later one this year or last year, rated one HT and one KHT; or None."""
    levels = dict(
        AnnualRating.objects.filter(person=person, year__gte=on.year - 2, year__lte=on.year).values_list(
            "year", "level"
        )
    )
    for last in (on.year, on.year - 1):
        pair = {levels.get(last), levels.get(last - 1)}
        if pair == LOW_PAIR:
            return last - 1, last
        if last in levels:  # the latest rated year decides: the two years must be the latest two
            break
    return None


def exemption_errors(
    *, person: Person, on: date, is_pregnant: bool, youngest_child_birth: date | None, under_prosecution: bool
) -> dict:
    errors: dict[str, list[str]] = {}
    name = person.full_name
    if is_pregnant:
        add_error(
            errors, "is_pregnant", f"{name} đang mang thai: không thuộc diện tinh giản biên chế ({BASIS})."
        )
    if youngest_child_birth is not None:
        if youngest_child_birth > on:
            add_error(errors, "youngest_child_birth", "Ngày sinh của con không được sau ngày xét.")
        elif add_months(youngest_child_birth, CHILD_MONTHS) > on:
            until = add_months(youngest_child_birth, CHILD_MONTHS)
            add_error(
                errors,
                "youngest_child_birth",
                f"{name} đang nuôi con dưới 36 tháng tuổi (đến {until:%d/%m/%Y}): không thuộc diện tinh giản "
                f"biên chế ({BASIS}).",
            )
    if under_prosecution:
        add_error(
            errors,
            "under_prosecution",
            f"{name} đang bị điều tra, truy tố, xét xử: chưa xem xét tinh giản biên chế ({BASIS}).",
        )
    record = discipline_in_effect(person, on)
    if record is not None:
        until = (
            f"đến ngày {record.effective_until:%d/%m/%Y}" if record.effective_until else "chưa hết hiệu lực"
        )
        add_error(
            errors,
            "__all__",
            f"{name} đang trong thời gian thi hành kỷ luật ({record.get_form_display()}, quyết định số "
            f"{record.decision_number} ngày {record.decided_on:%d/%m/%Y}, {until}): chưa xem xét tinh giản "
            f"biên chế ({BASIS}).",
        )
    return errors


def case_rule_errors(
    *,
    person: Person,
    reason: str,
    on: date,
    is_pregnant: bool = False,
    youngest_child_birth: date | None = None,
    under_prosecution: bool = False,
) -> dict:
    """Every reason the case cannot go ahead on `on` (empty: it can)."""
    if person.status != PersonStatus.WORKING:
        return {"person": [f"{person.full_name} không còn công tác: không thể đề nghị tinh giản biên chế."]}
    errors = exemption_errors(
        person=person,
        on=on,
        is_pregnant=is_pregnant,
        youngest_child_birth=youngest_child_birth,
        under_prosecution=under_prosecution,
    )
    if reason == DownsizingReason.XEP_LOAI_THAP and low_rating_years(person, on) is None:
        add_error(
            errors,
            "reason",
            f"{person.full_name} không có hai năm liên tiếp liền kề (năm {on.year - 1} hoặc {on.year} là năm "
            "sau) xếp loại một năm “Hoàn thành nhiệm vụ” và một năm “Không hoàn thành nhiệm vụ”.",
        )
    return errors
