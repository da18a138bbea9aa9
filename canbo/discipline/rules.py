"""Rules 25 and 26 as dated data: which forms apply to whom on a date, the form an act calls for, how long a
sanction runs, how long it blocks a higher post, and the time limit for handling a case. The values are rows of
`DisciplineRule` (seeded by migration 0006 with their legal basis), read by the date of the act judged.

[S] CC from 01/07/2025 (Law 80/2025, NĐ 172/2025): khiển trách, cảnh cáo, cách chức (leaders), buộc thôi việc;
CB: khiển trách, cảnh cáo, cách chức, bãi nhiệm. Before it (NĐ 112/2020) civil servants and public employees
also had hạ bậc lương (non-leaders) and giáng chức (leaders). A new act while a sanction runs: one level above
the running form, or one level above the new act's form when that is heavier (NĐ 172/2025 Art 2(3)). A case is
decided within 90 days, 150 for a complex one. [U] public employees after 2025, sanction periods (6 months
reprimand, 12 months otherwise) and waiting months for the legacy forms: kept as data, corrected as data.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from canbo.core.dates import add_months
from canbo.core.rulebook import RuleMissing
from canbo.people.choices import PersonnelCategory as Cat

from .models import SEVERITY, DisciplineRule
from .models import DisciplineForm as F

REFORM = date(2025, 7, 1)


@dataclass(frozen=True)
class FormSet:
    forms: tuple  # lightest → heaviest
    leaders_only: frozenset
    non_leaders_only: frozenset
    legal_basis: str


def form_set(category: str, on: date) -> FormSet | None:
    try:
        row = DisciplineRule.objects.version(f"forms.{category}", on=on)
    except RuleMissing:
        return None
    return FormSet(
        tuple(row.value["forms"]),
        frozenset(row.value.get("leaders_only", ())),
        frozenset(row.value.get("non_leaders_only", ())),
        row.legal_basis,
    )


def forms_for(category: str, is_leader: bool, on: date) -> list[str]:
    """The forms that may be applied to this person on this date, lightest first ([] : not applicable)."""
    fs = form_set(category, on)
    if fs is None:
        return []
    excluded = fs.non_leaders_only if is_leader else fs.leaders_only
    return [f for f in fs.forms if f not in excluded]


def form_refusal(form: str, category: str, is_leader: bool, on: date) -> str | None:
    """Why `form` cannot be applied (Vietnamese), or None."""
    fs = form_set(category, on)
    allowed = forms_for(category, is_leader, on)
    if not allowed:
        return (
            f"Không áp dụng kỷ luật theo Luật Cán bộ, công chức, viên chức cho đối tượng "
            f"“{Cat(category).label}” (xử lý theo pháp luật lao động)."
        )
    if form in allowed:
        return None
    if form in fs.leaders_only and not is_leader:
        return f"Hình thức “{F(form).label}” chỉ áp dụng với người giữ chức vụ lãnh đạo, quản lý."
    names = ", ".join(str(F(f).label).lower() for f in allowed)
    return (
        f"Hình thức “{F(form).label}” không áp dụng với {Cat(category).label.lower()} vào ngày "
        f"{on:%d/%m/%Y} ({fs.legal_basis}); các hình thức áp dụng: {names}."
    )


def one_level_higher(base: str, allowed: list[str]) -> str | None:
    """The next form on the person's ladder above `base` (None: none is heavier)."""
    for f in allowed:
        if SEVERITY[F(f)] > SEVERITY[F(base)]:
            return f
    return None


@dataclass(frozen=True)
class RequiredForm:
    form: str | None
    explanation: list[str]
    error: str | None = None


def required_form(*, act_forms: list[str], running: str | None, allowed: list[str]) -> RequiredForm:
    """Rule 25: one act, one form; several acts → the heaviest; a new act while a sanction runs → one level
    above the running form, or one level above the act's own form when that is heavier (NĐ 172/2025 Art 2(3))."""
    if not act_forms:
        return RequiredForm(None, [], "Cần ít nhất một hành vi vi phạm với hình thức đề nghị cho hành vi đó.")
    heaviest = max(act_forms, key=lambda f: SEVERITY[F(f)])
    if len(act_forms) == 1:
        lines = [f"Một hành vi vi phạm: hình thức “{F(heaviest).label}”."]
    else:
        lines = [f"{len(act_forms)} hành vi vi phạm: áp dụng hình thức nặng nhất “{F(heaviest).label}”."]
    if running is None:
        return RequiredForm(heaviest, lines)
    lines.append(f"Đang trong thời hạn thi hành kỷ luật “{F(running).label}”.")
    new_is_heavier = SEVERITY[F(heaviest)] > SEVERITY[F(running)]
    base = heaviest if new_is_heavier else running
    higher = one_level_higher(base, allowed)
    if higher is None:
        if new_is_heavier:  # the act's own form is already the heaviest on the ladder
            lines.append(f"Không có hình thức nặng hơn “{F(heaviest).label}”: áp dụng hình thức này.")
            return RequiredForm(heaviest, lines)
        return RequiredForm(None, lines, f"Không có hình thức nào nặng hơn “{F(running).label}”.")
    if new_is_heavier:
        lines.append(
            f"Hình thức của hành vi mới (“{F(heaviest).label}”) nặng hơn hình thức đang thi hành: áp dụng "
            f"nặng hơn một mức so với hình thức của hành vi mới, “{F(higher).label}”."
        )
    else:
        lines.append(f"Vi phạm mới trong thời hạn thi hành kỷ luật: nặng hơn một mức, “{F(higher).label}”.")
    return RequiredForm(higher, lines)


def _months(code: str, form: str, on: date) -> int | None:
    try:
        return DisciplineRule.objects.value(code, on=on).get(str(form))
    except RuleMissing:
        return None


def effective_until(form: str, decided_on: date) -> date | None:
    months = _months("effect_months", form, decided_on)
    return None if months is None else add_months(decided_on, months) - timedelta(days=1)


def promotion_wait_end(form: str, decided_on: date, *, history=None) -> date | None:
    """Rule 26: the first day a higher post is possible again (None: the form does not delay it).
    `history`: `DisciplineRule.objects.history("promotion_wait_months")`, to judge many decisions in one query."""
    if history is not None:
        try:
            months = history.on(decided_on).get(str(form))
        except RuleMissing:
            months = None
    else:
        months = _months("promotion_wait_months", form, decided_on)
    return None if months is None else add_months(decided_on, months)


def handling_deadline(opened_on: date, *, is_complex: bool) -> date | None:
    """The last day to decide a case opened on `opened_on` (90 days, 150 when extended as complex)."""
    try:
        days = DisciplineRule.objects.value("handling_days", on=opened_on)
    except RuleMissing:
        return None
    return opened_on + timedelta(days=days["complex" if is_complex else "normal"])
