"""Checks on a streamlining case (domain.md rule 18, §3b), as Vietnamese field errors, by the rule of its date.

Which text governs which case (rows of `StaffingRule`, seeded by migration 0005):
- until 19/07/2023 NĐ 108/2014 (as amended); from 20/07/2023 NĐ 29/2023;
- from 01/01/2025 people made redundant by the restructuring of the apparatus or of administrative units
  (DOI_DU_BO_MAY, DOI_DU_DVHC) fall under NĐ 178/2024 as amended by NĐ 67/2025;
- from 15/06/2025 the other reasons fall under NĐ 154/2025 (which replaces NĐ 29/2023).
Candidates: redundancy, unqualified with no retraining, or HT plus KHT in two consecutive years. Not taken up
(every version): pregnancy, maternity or a child under 36 months unless the person applies voluntarily; people
under consideration for discipline (an open case), prosecution or inspection. A decided sanction is not the test.
"""

from datetime import date

from django.db.models import Q

from canbo.core.dates import add_months
from canbo.core.exceptions import add_error
from canbo.discipline.models import CaseStatus as DisciplineCaseStatus
from canbo.discipline.models import DisciplineCase
from canbo.evaluation.models import AnnualRating, RatingLevel
from canbo.people.choices import PersonStatus
from canbo.people.models import Person

from .choices import DownsizingPolicy, DownsizingReason
from .models import StaffingRule

LOW_PAIR = {RatingLevel.COMPLETED, RatingLevel.NOT_COMPLETED}


def reason_basis(reason: str, on: date) -> str | None:
    """The text that governs a case for `reason` on `on` (None: not a streamlining reason on that date)."""
    return StaffingRule.objects.value("reasons", on=on).get(reason)


def policy_basis(policy: str, on: date) -> str | None:
    return StaffingRule.objects.value("policies", on=on).get(policy)


def discipline_case_under_consideration(person: Person, on: date) -> DisciplineCase | None:
    """A discipline case opened on or before `on` and not decided by then (NĐ 154/2025: "đang trong thời gian
    xem xét kỷ luật"), or None."""
    return (
        DisciplineCase.objects.filter(person=person, opened_on__lte=on)
        .filter(~Q(status=DisciplineCaseStatus.DECIDED) | Q(record__decided_on__gt=on))
        .order_by("opened_on", "id")
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
    *,
    person: Person,
    on: date,
    is_pregnant: bool,
    youngest_child_birth: date | None,
    under_prosecution: bool,
    is_voluntary: bool = False,
    under_inspection: bool = False,
) -> dict:
    errors: dict[str, list[str]] = {}
    name = person.full_name
    rule = StaffingRule.objects.version("exemptions", on=on)
    basis, child_months = rule.legal_basis, rule.value["child_months"]
    family_waived = is_voluntary and rule.value["voluntary_waives_family"]
    if youngest_child_birth is not None and youngest_child_birth > on:
        add_error(errors, "youngest_child_birth", "Ngày sinh của con không được sau ngày xét.")
    elif not family_waived:
        if is_pregnant:
            add_error(
                errors,
                "is_pregnant",
                f"{name} đang mang thai, nghỉ thai sản: chưa thực hiện tinh giản biên chế, trừ khi cá nhân tự "
                f"nguyện ({basis}).",
            )
        if youngest_child_birth is not None and add_months(youngest_child_birth, child_months) > on:
            until = add_months(youngest_child_birth, child_months)
            add_error(
                errors,
                "youngest_child_birth",
                f"{name} đang nuôi con dưới {child_months} tháng tuổi (đến {until:%d/%m/%Y}): chưa thực hiện tinh "
                f"giản biên chế, trừ khi cá nhân tự nguyện ({basis}).",
            )
    if under_prosecution:
        add_error(
            errors,
            "under_prosecution",
            f"{name} đang bị xem xét truy cứu trách nhiệm hình sự: chưa thực hiện tinh giản biên chế ({basis}).",
        )
    if under_inspection:
        add_error(
            errors,
            "under_inspection",
            f"{name} đang bị thanh tra, kiểm tra do có dấu hiệu vi phạm: chưa thực hiện tinh giản biên chế "
            f"({basis}).",
        )
    case = discipline_case_under_consideration(person, on)
    if case is not None:
        add_error(
            errors,
            "__all__",
            f"{name} đang trong thời gian xem xét kỷ luật (vụ việc thụ lý ngày {case.opened_on:%d/%m/%Y}, chưa "
            f"có quyết định): chưa thực hiện tinh giản biên chế ({basis}).",
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
    is_voluntary: bool = False,
    under_inspection: bool = False,
    policy: str | None = None,
) -> dict:
    """Every reason the case cannot go ahead on `on` (empty: it can), by the rules in force on `on`."""
    if person.status != PersonStatus.WORKING:
        return {"person": [f"{person.full_name} không còn công tác: không thể đề nghị tinh giản biên chế."]}
    errors = exemption_errors(
        person=person,
        on=on,
        is_pregnant=is_pregnant,
        youngest_child_birth=youngest_child_birth,
        under_prosecution=under_prosecution,
        is_voluntary=is_voluntary,
        under_inspection=under_inspection,
    )
    if reason_basis(reason, on) is None:
        label = DownsizingReason(reason).label if reason in DownsizingReason.values else reason
        add_error(
            errors, "reason", f"Lý do “{label}” không thuộc các trường hợp tinh giản vào ngày {on:%d/%m/%Y}."
        )
    if policy is not None and policy_basis(policy, on) is None:
        label = DownsizingPolicy(policy).label if policy in DownsizingPolicy.values else policy
        add_error(errors, "policy", f"Chính sách “{label}” không áp dụng vào ngày {on:%d/%m/%Y}.")
    if reason == DownsizingReason.XEP_LOAI_THAP and low_rating_years(person, on) is None:
        add_error(
            errors,
            "reason",
            f"{person.full_name} không có hai năm liên tiếp liền kề (năm {on.year - 1} hoặc {on.year} là năm "
            "sau) xếp loại một năm “Hoàn thành nhiệm vụ” và một năm “Không hoàn thành nhiệm vụ”.",
        )
    return errors
