"""Rules 25 and 26 as dated data: which forms apply to whom on a date, the form an act calls for, how long a
sanction runs, and how long it blocks a higher post. Pure functions (no queries) over the rows passed in.

[S] CC from 01/07/2025 (Law 80/2025, NĐ 172/2025): khiển trách, cảnh cáo, cách chức (leaders), buộc thôi việc;
CB: khiển trách, cảnh cáo, cách chức, bãi nhiệm. Before it (NĐ 112/2020) civil servants and public employees
also had hạ bậc lương (non-leaders) and giáng chức (leaders). [U] public employees after 2025, sanction periods
(6 months reprimand, 12 months otherwise) and waiting months for the legacy forms: kept here, change as data.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from canbo.core.dates import add_months
from canbo.people.choices import PersonnelCategory as Cat

from .models import SEVERITY
from .models import DisciplineForm as F

REFORM = date(2025, 7, 1)


@dataclass(frozen=True)
class FormSet:
    categories: frozenset
    valid_from: date | None
    valid_to: date | None
    forms: tuple  # lightest → heaviest
    leaders_only: frozenset
    non_leaders_only: frozenset
    legal_basis: str


FORM_SETS = (
    FormSet(
        frozenset({Cat.CC, Cat.CC_XA}),
        None,
        REFORM - timedelta(days=1),
        (F.REPRIMAND, F.WARNING, F.PAY_CUT, F.DEMOTION, F.REMOVAL, F.FORCED_RESIGNATION),
        frozenset({F.DEMOTION, F.REMOVAL}),
        frozenset({F.PAY_CUT}),
        "Luật CBCC 2008 (sửa đổi 2019), NĐ 112/2020",
    ),
    FormSet(
        frozenset({Cat.CC}),
        REFORM,
        None,
        (F.REPRIMAND, F.WARNING, F.REMOVAL, F.FORCED_RESIGNATION),
        frozenset({F.REMOVAL}),
        frozenset(),
        "Luật CBCC 80/2025/QH15, NĐ 172/2025",
    ),
    FormSet(
        frozenset({Cat.CB, Cat.CB_XA}),
        None,
        REFORM - timedelta(days=1),
        (F.REPRIMAND, F.WARNING, F.REMOVAL, F.DISMISSAL_FROM_OFFICE),
        frozenset(),
        frozenset(),
        "Luật CBCC 2008 (sửa đổi 2019), NĐ 112/2020",
    ),
    FormSet(
        frozenset({Cat.CB}),
        REFORM,
        None,
        (F.REPRIMAND, F.WARNING, F.REMOVAL, F.DISMISSAL_FROM_OFFICE),
        frozenset(),
        frozenset(),
        "Luật CBCC 80/2025/QH15, NĐ 172/2025",
    ),
    FormSet(
        frozenset({Cat.VC}),
        None,
        None,
        (F.REPRIMAND, F.WARNING, F.REMOVAL, F.FORCED_RESIGNATION),
        frozenset({F.REMOVAL}),
        frozenset(),
        "Luật Viên chức 2010 (sửa đổi 2019), NĐ 112/2020",
    ),
)
# Months a sanction runs from its decision [U] (buộc thôi việc, bãi nhiệm end the service: no period).
EFFECT_MONTHS = {F.REPRIMAND: 6, F.WARNING: 12, F.PAY_CUT: 12, F.DEMOTION: 12, F.REMOVAL: 12}
# Rule 26 (QĐ 377 [S] for the first three; the legacy forms [U]).
PROMOTION_WAIT_MONTHS = {
    F.REPRIMAND: 24,
    F.WARNING: 36,
    F.PAY_CUT: 36,
    F.DEMOTION: 60,
    F.REMOVAL: 60,
    F.DISMISSAL_FROM_OFFICE: 60,
}


def form_set(category: str, on: date) -> FormSet | None:
    for fs in FORM_SETS:
        started = fs.valid_from is None or fs.valid_from <= on
        if category in fs.categories and started and (fs.valid_to is None or on <= fs.valid_to):
            return fs
    return None


def forms_for(category: str, is_leader: bool, on: date) -> list[str]:
    """The forms that may be applied to this person on this date, lightest first ([] : not applicable)."""
    fs = form_set(category, on)
    if fs is None:
        return []
    excluded = fs.non_leaders_only if is_leader else fs.leaders_only
    return [f for f in fs.forms if f not in excluded]


def form_refusal(form: str, category: str, is_leader: bool, on: date) -> str | None:
    """Why `form` cannot be applied (Vietnamese), or None."""
    allowed = forms_for(category, is_leader, on)
    if not allowed:
        return (
            f"Không áp dụng kỷ luật theo Luật Cán bộ, công chức, viên chức cho đối tượng "
            f"“{Cat(category).label}” (xử lý theo pháp luật lao động)."
        )
    if form in allowed:
        return None
    fs = form_set(category, on)
    if form in fs.leaders_only and not is_leader:
        return f"Hình thức “{F(form).label}” chỉ áp dụng với người giữ chức vụ lãnh đạo, quản lý."
    names = ", ".join(str(F(f).label).lower() for f in allowed)
    return (
        f"Hình thức “{F(form).label}” không áp dụng với {Cat(category).label.lower()} vào ngày "
        f"{on:%d/%m/%Y} ({fs.legal_basis}); các hình thức áp dụng: {names}."
    )


def one_level_higher(running: str, allowed: list[str]) -> str | None:
    """The next form on the person's ladder above the running one (None: none is heavier)."""
    for f in allowed:
        if SEVERITY[F(f)] > SEVERITY[F(running)]:
            return f
    return None


@dataclass(frozen=True)
class RequiredForm:
    form: str | None
    explanation: list[str]
    error: str | None = None


def required_form(*, act_forms: list[str], running: str | None, allowed: list[str]) -> RequiredForm:
    """Rule 25: one act, one form; several acts → the heaviest; a new act while a sanction runs → one level
    above the running one (or the act's own form when that is heavier)."""
    if not act_forms:
        return RequiredForm(None, [], "Cần ít nhất một hành vi vi phạm với hình thức đề nghị cho hành vi đó.")
    heaviest = max(act_forms, key=lambda f: SEVERITY[F(f)])
    if len(act_forms) == 1:
        lines = [f"Một hành vi vi phạm: hình thức “{F(heaviest).label}”."]
    else:
        lines = [f"{len(act_forms)} hành vi vi phạm: áp dụng hình thức nặng nhất “{F(heaviest).label}”."]
    if running is None:
        return RequiredForm(heaviest, lines)
    higher = one_level_higher(running, allowed)
    lines.append(f"Đang trong thời hạn thi hành kỷ luật “{F(running).label}”.")
    if SEVERITY[F(heaviest)] > SEVERITY[F(running)]:
        lines.append(f"Hình thức của hành vi mới nặng hơn: áp dụng “{F(heaviest).label}”.")
        return RequiredForm(heaviest, lines)
    if higher is None:
        return RequiredForm(None, lines, f"Không có hình thức nào nặng hơn “{F(running).label}”.")
    lines.append(f"Vi phạm mới trong thời hạn thi hành kỷ luật: nặng hơn một mức, “{F(higher).label}”.")
    return RequiredForm(higher, lines)


def effective_until(form: str, decided_on: date) -> date | None:
    months = EFFECT_MONTHS.get(F(form))
    return None if months is None else add_months(decided_on, months) - timedelta(days=1)


def promotion_wait_end(form: str, decided_on: date) -> date | None:
    """Rule 26: the first day a higher post is possible again (None: the form does not delay it)."""
    months = PROMOTION_WAIT_MONTHS.get(F(form))
    return None if months is None else add_months(decided_on, months)
