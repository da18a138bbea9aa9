"""The decision drafts of a raise (the decisions app's registry; this app sits above it, so it registers its own
kinds here, from SalaryConfig.ready, and the decisions app never imports salary).

- `step_raise`: one person's regular raise, vượt khung or early raise (the row of the salary history);
- `step_raise_batch`: the raises recorded under one decision (number and date, as the batch raise writes them)
  drawn up as one decision with its annex; a decision that names people outside the user's units is drawn up by
  someone who sees them all (403).

Grounds (dated data, like the decisions app's): NĐ 204/2004/NĐ-CP, TT 08/2013/TT-BNV as amended by
TT 03/2021/TT-BNV.
"""

from datetime import date
from decimal import Decimal
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from canbo.accounts.scoping import can_edit_unit
from canbo.decisions import grounds
from canbo.decisions.facts import draft_name, person_facts
from canbo.decisions.heading import decision_heading, dmy
from canbo.decisions.registry import DecisionKind, register
from canbo.org.models import OrgUnit

from .models import ChangeKind, SalaryRecord
from .selectors import record_get_for_user, record_queryset_for

TEMPLATE_DIR = Path(__file__).resolve().parent / "docx"
NOT_A_RAISE = "Bản ghi lương này không phải là nâng bậc lương: không lập được dự thảo quyết định nâng lương."
PARTIAL_BATCH = (
    "Quyết định nâng lương này có cả người ngoài đơn vị anh/chị quản lý: dự thảo cả danh sách do Ban Tổ chức "
    "Tỉnh ủy / Sở Nội vụ lập."
)
D = date
SALARY_GROUNDS = (
    (
        D(2004, 12, 14),
        None,
        "Căn cứ Nghị định số 204/2004/NĐ-CP ngày 14 tháng 12 năm 2004 của Chính phủ về chế độ tiền lương đối với "
        "cán bộ, công chức, viên chức và lực lượng vũ trang;",
    ),
    (
        D(2013, 9, 15),
        D(2021, 8, 14),
        "Căn cứ Thông tư số 08/2013/TT-BNV ngày 31 tháng 7 năm 2013 của Bộ trưởng Bộ Nội vụ hướng dẫn thực hiện "
        "chế độ nâng bậc lương thường xuyên và nâng bậc lương trước thời hạn đối với cán bộ, công chức, viên "
        "chức và người lao động;",
    ),
    (
        D(2021, 8, 15),
        None,
        "Căn cứ Thông tư số 08/2013/TT-BNV ngày 31 tháng 7 năm 2013 của Bộ trưởng Bộ Nội vụ hướng dẫn thực hiện "
        "chế độ nâng bậc lương thường xuyên và nâng bậc lương trước thời hạn đối với cán bộ, công chức, viên "
        "chức và người lao động, được sửa đổi, bổ sung bởi Thông tư số 03/2021/TT-BNV ngày 29 tháng 6 năm 2021 "
        "của Bộ trưởng Bộ Nội vụ;",
    ),
)
# the kinds one decision may group: the batch raise writes regular raises and vượt khung under one number
FAMILIES = {
    ChangeKind.REGULAR: (ChangeKind.REGULAR, ChangeKind.SENIORITY),
    ChangeKind.SENIORITY: (ChangeKind.REGULAR, ChangeKind.SENIORITY),
    ChangeKind.EARLY: (ChangeKind.EARLY,),
}
SUBJECTS = {
    ChangeKind.REGULAR: "nâng bậc lương thường xuyên",
    ChangeKind.SENIORITY: "hưởng phụ cấp thâm niên vượt khung",
    ChangeKind.EARLY: "nâng bậc lương trước thời hạn",
}


def coefficient_text(value: Decimal | None) -> str:
    return f"{value:.2f}".replace(".", ",") if value is not None else ""


def _previous(record: SalaryRecord) -> SalaryRecord | None:
    return (
        SalaryRecord.objects.filter(person_id=record.person_id, effective_on__lt=record.effective_on)
        .order_by("-effective_on", "-pk")
        .first()
    )


def _step_text(step, coefficient, percent=0) -> str:
    text = f"bậc {step}, hệ số {coefficient_text(coefficient)}"
    return text + (f", phụ cấp thâm niên vượt khung {percent} %" if percent else "")


def raise_text(record: SalaryRecord, previous: SalaryRecord | None) -> str:
    """ "nâng bậc lương thường xuyên từ bậc 3, hệ số 3,00 lên bậc 4, hệ số 3,33" and the like."""
    before = (
        f"từ {_step_text(previous.step, previous.coefficient, previous.seniority_percent)} "
        if previous
        else ""
    )
    if record.kind == ChangeKind.SENIORITY:
        return (
            f"hưởng phụ cấp thâm niên vượt khung {record.seniority_percent} % "
            f"(bậc {record.step}, hệ số {coefficient_text(record.coefficient)})"
        )
    words = SUBJECTS[ChangeKind(record.kind)]
    if record.kind == ChangeKind.EARLY and record.early_months:
        words += f" {record.early_months} tháng"
        if record.early_reason_id:
            words += f" ({record.early_reason.name.lower()})"
    return f"{words} {before}lên {_step_text(record.step, record.coefficient, record.seniority_percent)}"


def raise_decision(user, key) -> list[SalaryRecord]:
    """The raises the user may see under this row's decision (number and date), the row first fetched from the
    user's scope (outside → 404); a row without a decision number is a decision of its own."""
    if not str(key).isdigit():
        raise Http404(NOT_A_RAISE)
    record = record_get_for_user(user=user, pk=int(key))
    if record.kind not in FAMILIES:
        raise Http404(NOT_A_RAISE)
    if not record.decision_number.strip():
        return [record]
    decision = {
        "kind__in": FAMILIES[ChangeKind(record.kind)],
        "decision_number": record.decision_number,
        "decision_date": record.decision_date,
    }
    rows = list(
        record_queryset_for(user=user)
        .filter(**decision)
        .select_related("person", "person__current_unit", "unit", "rank", "scale", "early_reason")
    )
    if SalaryRecord.objects.filter(**decision).count() != len(rows):
        raise PermissionDenied(PARTIAL_BATCH)
    return sorted(rows, key=lambda r: (r.person.sort_key, r.pk))


def may_draft(user, records) -> bool:
    records = records if isinstance(records, list) else [records]
    return all(can_edit_unit(user, r.person.current_unit) for r in records)


def _grounds(decided_on: date | None) -> list[str]:
    return grounds.in_force(decided_on or timezone.localdate(), grounds.LAW_CBCC, SALARY_GROUNDS)


def _common_unit(units: list[OrgUnit]) -> OrgUnit:
    """The nearest unit above all of `units` (the body that issues one decision for people of several units)."""
    prefix = units[0].path
    for unit in units[1:]:
        while not unit.path.startswith(prefix):
            prefix = prefix[: prefix.rstrip(".").rfind(".") + 1]
    ids = [int(part) for part in prefix.split(".") if part]
    return OrgUnit.objects.get(pk=ids[-1]) if ids else units[0]


def _rank_text(record: SalaryRecord) -> str:
    if record.rank_id is None:
        return ""
    return f"{record.rank.name} (mã số {record.rank.code})"


def step_raise_context(records) -> dict:
    record = records[0] if isinstance(records, list) else records
    previous = _previous(record)
    context = decision_heading(
        unit=record.unit, number=record.decision_number, decided_on=record.decision_date
    )
    context.update(
        grounds=_grounds(record.decision_date),
        person=person_facts(record.person, before=record.effective_on),
        subject=SUBJECTS[ChangeKind(record.kind)],
        rank=_rank_text(record),
        scale=record.scale.code,
        raise_text=raise_text(record, previous),
        old_step=previous.step if previous else "",
        old_coefficient=coefficient_text(previous.coefficient) if previous else "",
        step=record.step,
        coefficient=coefficient_text(record.coefficient),
        seniority_percent=record.seniority_percent,
        from_date=dmy(record.effective_on),
        next_counted=dmy(record.counted_from),
    )
    return context


def annex_row(n: int, record: SalaryRecord) -> dict:
    previous = _previous(record)
    facts = person_facts(record.person, before=record.effective_on)
    return {
        "n": n,
        "name": facts["name"],
        "birth": facts["birth"],
        "now": facts["post"],
        "rank": _rank_text(record),
        "old": _step_text(previous.step, previous.coefficient, previous.seniority_percent)
        if previous
        else "",
        "new": _step_text(record.step, record.coefficient, record.seniority_percent),
        "from_date": dmy(record.effective_on),
        "next_counted": dmy(record.counted_from),
    }


def step_raise_batch_context(records) -> dict:
    first = records[0]
    unit = _common_unit([r.unit for r in records])
    context = decision_heading(unit=unit, number=first.decision_number, decided_on=first.decision_date)
    subjects = list(dict.fromkeys(SUBJECTS[ChangeKind(r.kind)] for r in records))
    subject = ", ".join(subjects)
    context.update(
        grounds=_grounds(first.decision_date),
        subject=subject,
        subject_first=subject[:1].upper() + subject[1:],
        count=f"{len(records):02d}",
        rows=[annex_row(n, r) for n, r in enumerate(records, start=1)],
        annex_title=f"CÁN BỘ, CÔNG CHỨC ĐƯỢC {subject.upper()}",
        annex_date=f"ngày {dmy(first.decision_date)}" if first.decision_date else "",
    )
    return context


STEP_RAISE_BATCH = register(
    DecisionKind(
        code="step_raise_batch",
        label="Nâng bậc lương nhiều người (kèm danh sách)",
        fetch=raise_decision,
        may_draft=may_draft,
        context=step_raise_batch_context,
        filename=lambda rs: draft_name(f"nang luong {len(rs)} nguoi", "").rstrip("-"),
        size=len,
        template_dir=TEMPLATE_DIR,
    )
)
STEP_RAISE = register(
    DecisionKind(
        code="step_raise",
        label="Nâng bậc lương (thường xuyên, trước thời hạn, vượt khung)",
        fetch=raise_decision,
        may_draft=may_draft,
        context=step_raise_context,
        filename=lambda rs: draft_name("nang-luong", rs[0].person.full_name),
        variant=lambda rs: "step_raise_batch" if len(rs) > 1 else None,
        template_dir=TEMPLATE_DIR,
    )
)
