"""Discipline of the demo province: about 40 decisions 2016–2025 (scaled) and the cases still open at the end.

- A decision of 2022–2025 goes to someone rated "không hoàn thành nhiệm vụ" that year (rule 16: a discipline in
  the year forces KHT, and the ratings were written before), one of 2016–2021 to anyone working on its date.
  Nobody with a planning entry or an appointment is chosen (the plan's removal proposals and rule 26's waiting
  times stay as they were), nor the demo official; one decision per person.
- Forms: khiển trách, cảnh cáo, hạ bậc lương (civil servants not in a leading post, before 01/07/2025), as
  canbo.discipline.rules allows for the category and the date; never a form that ends the service or takes the
  post away (the careers go on). The sanction runs rules.effective_until from the decision.
- About half the decisions close a case (opened 3–8 weeks before, with its acts, rule 25's form and
  explanation); some of 2023–2025 come from citizens' feedback (feedback.py writes it). At the end of 2025 cases
  are open in every other status: opened, reviewed (form proposed), deferred (pregnancy).
"""

import random
from datetime import date, timedelta

from canbo.core.bulk import insert_rows
from canbo.discipline import rules
from canbo.discipline.models import (
    CaseStatus,
    DeferralReason,
    DisciplineAct,
    DisciplineCase,
    DisciplineForm,
    DisciplineRecord,
)
from canbo.evaluation.models import AnnualRating, RatingLevel
from canbo.people.choices import Gender

from ..careers import apportion
from ..dates import age_on, random_day
from ..planning.writer import stamp
from .awards import decider

F = DisciplineForm
USED = (F.REPRIMAND, F.WARNING, F.PAY_CUT)
FORM_WEIGHTS = {F.REPRIMAND: 5, F.WARNING: 3, F.PAY_CUT: 2}
YEARS = range(2016, 2026)
ACTS = [
    "Chậm giải quyết hồ sơ của công dân quá thời hạn quy định, không thông báo lý do",
    "Gây phiền hà, yêu cầu công dân nộp thêm giấy tờ không có trong quy định",
    "Vi phạm giờ giấc làm việc, nhiều lần tự ý bỏ vị trí công tác",
    "Thái độ thiếu chuẩn mực, gây bức xúc khi tiếp công dân",
    "Thiếu trách nhiệm trong quản lý, để xảy ra sai sót trong thu, chi ngân sách của đơn vị",
    "Sử dụng rượu, bia trong giờ làm việc",
    "Sử dụng xe công, tài sản công không đúng mục đích",
    "Tham mưu cấp giấy chứng nhận quyền sử dụng đất sai đối tượng",
]
FROM_FEEDBACK = ACTS[:4]  # what citizens complain about (seed 003: delays, harassment)
OPEN_CASES = [  # (status, from feedback)
    (CaseStatus.OPENED, True),
    (CaseStatus.OPENED, False),
    (CaseStatus.REVIEWED, False),
    (CaseStatus.REVIEWED, True),
    (CaseStatus.DEFERRED, False),
]
END = date(2025, 12, 31)


class Writer:
    def __init__(self, ctx, rng):
        self.ctx, self.rng = ctx, rng
        self.used: set[int] = set()
        self.cases: list[dict] = []
        self.acts: dict[tuple, list[dict]] = {}  # (person id, opened_on) -> acts
        self.records: list[dict] = []
        self.from_feedback: list[dict] = []
        self.officer = ctx.users["bantochuc"]

    def free(self, pos: int) -> bool:
        return pos not in self.used and pos not in self.ctx.busy and pos != self.ctx.official

    def _form(self, row, on: date) -> tuple[str | None, list[str]]:
        allowed = rules.forms_for(row.category, self.ctx.is_leader(row), on)
        usable = [f for f in USED if f in allowed]
        if not usable:
            return None, allowed
        return self.rng.choices(usable, weights=[FORM_WEIGHTS[f] for f in usable])[0], allowed

    def _acts(self, form: str, opened: date, feedback: bool) -> list[dict]:
        texts = FROM_FEEDBACK if feedback else ACTS
        first = {"description": self.rng.choice(texts), "form": form}
        acts = [first]
        if form != F.REPRIMAND and self.rng.random() < 0.5:
            other = self.rng.choice([t for t in ACTS if t != first["description"]])
            acts.append({"description": other, "form": F.REPRIMAND})
        for act in acts:
            act["committed_on"] = opened - timedelta(days=self.rng.randint(10, 120))
        return acts

    def _case(self, pos, row, opened, status, acts, allowed, feedback) -> dict:
        person = self.ctx.person_ids[pos]
        required = rules.required_form(act_forms=[a["form"] for a in acts], running=None, allowed=allowed)
        reviewed = status in (CaseStatus.REVIEWED, CaseStatus.DECIDED)
        case = {
            "person_id": person,
            "unit_id": row.slot.unit.pk,
            "category": row.category,
            "is_leader": self.ctx.is_leader(row),
            "opened_on": opened,
            "status": status,
            "proposed_form": required.form if reviewed else "",
            "required_form": required.form if reviewed else "",
            "explanation": " ".join(required.explanation) if reviewed else "",
            "deferral_reason": "",
            "deferred_until": None,
            "note": "Phát hiện qua phản ánh của công dân" if feedback else "",
            "opened_by_id": self.officer,
            "version": {CaseStatus.OPENED: 1, CaseStatus.REVIEWED: 2}.get(status, 3),
            "created_at": stamp(opened),
            "updated_at": stamp(opened),
        }
        self.cases.append(case)
        self.acts[(person, opened)] = acts
        if feedback:
            self.from_feedback.append({"pos": pos, "row": row, "case": case})
        return case

    def decision(self, pos: int, day: date, year: int) -> bool:
        row = self.ctx.careers[pos].row_on(day)
        if row is None:
            return False
        form, allowed = self._form(row, day)
        if form is None:
            return False
        self.used.add(pos)
        suffix, body = decider(row.slot)
        opened = day - timedelta(days=self.rng.randint(21, 56))
        acts = None
        if self.rng.random() < 0.5 and self.ctx.careers[pos].row_on(opened - timedelta(days=45)) is row:
            feedback = year >= 2023 and self.rng.random() < 0.4
            acts = self._acts(form, opened, feedback)
            opened_allowed = rules.forms_for(row.category, self.ctx.is_leader(row), opened)
            if all(a["form"] in opened_allowed for a in acts):
                case = self._case(pos, row, opened, CaseStatus.DECIDED, acts, allowed, feedback)
                case["updated_at"] = stamp(day)
                form = case["proposed_form"]
            else:
                acts = None
        self.records.append(
            {
                "person_id": self.ctx.person_ids[pos],
                "form": form,
                "decision_number": f"{self.rng.randint(12, 960)}/QĐ-{suffix}",
                "decided_on": day,
                "effective_until": rules.effective_until(form, day),
                "authority": body,
                "reason": "; ".join(a["description"] for a in acts) if acts else self.rng.choice(ACTS),
                "unit_id": row.slot.unit.pk,
                "case_id": (self.ctx.person_ids[pos], opened) if acts else None,
                "version": 1,
                "created_at": stamp(day),
                "updated_at": stamp(day),
            }
        )
        return True

    def open_case(self, status: str, feedback: bool) -> None:
        candidates = [
            (pos, row)
            for pos, row in self.ctx.working_on(END)
            if self.free(pos)
            and row.start <= date(2025, 9, 1)
            and (
                status != CaseStatus.DEFERRED
                or (
                    self.ctx.careers[pos].gender == Gender.NU
                    and age_on(self.ctx.careers[pos].birth, END) < 40
                )
            )
        ]
        if not candidates:  # a tiny demo
            return
        pos, row = self.rng.choice(candidates)
        opened = (
            date(2026, 2, self.rng.randint(2, 20))
            if feedback
            else random_day(self.rng, date(2025, 11, 3), date(2025, 12, 19))
        )
        form, allowed = self._form(row, opened)
        form = form if form in (F.REPRIMAND, F.WARNING) else F.REPRIMAND
        self.used.add(pos)
        case = self._case(pos, row, opened, status, self._acts(form, opened, feedback), allowed, feedback)
        if status == CaseStatus.DEFERRED:
            case["deferral_reason"] = DeferralReason.PREGNANCY
            case["deferred_until"] = date(2026, 9, 30)
            case["note"] = "Đang mang thai: chưa xem xét xử lý kỷ luật đến khi hết thời gian nghỉ thai sản"


def _kht() -> dict[int, list[int]]:
    found: dict[int, list[int]] = {}
    rows = AnnualRating.objects.filter(level=RatingLevel.NOT_COMPLETED, person__code__startswith="DB")
    for person, year in rows.order_by("year", "person_id").values_list("person_id", "year"):
        found.setdefault(year, []).append(person)
    return found


def build_discipline(ctx) -> dict:
    rng = random.Random(f"canbo-demo-discipline-{ctx.seed}")
    writer = Writer(ctx, rng)
    pos_of = {pid: pos for pos, pid in enumerate(ctx.person_ids)}
    kht = _kht()
    disciplined = set()
    for year, wanted in zip(
        YEARS, apportion(max(len(YEARS), ctx.scaled(40)), [1.0] * len(YEARS)), strict=True
    ):
        if year >= 2022:
            pool = [pos_of[p] for p in kht.get(year, []) if p in pos_of]
        else:
            pool = [pos for pos, _row in ctx.working_on(date(year, 6, 1))]
        rng.shuffle(pool)
        done = 0
        for pos in pool:
            if done == wanted:
                break
            if writer.free(pos) and writer.decision(
                pos, random_day(rng, date(year, 3, 1), date(year, 11, 30)), year
            ):
                disciplined.add((pos, year))
                done += 1
    for status, feedback in OPEN_CASES:
        writer.open_case(status, feedback)
    insert_rows(DisciplineCase, writer.cases)
    ids = {
        (person, opened): pk
        for pk, person, opened in DisciplineCase.objects.filter(person__code__startswith="DB").values_list(
            "pk", "person_id", "opened_on"
        )
    }
    insert_rows(
        DisciplineAct,
        ({"case_id": ids[key], **act} for key, acts in writer.acts.items() for act in acts),
    )
    for record in writer.records:
        record["case_id"] = ids.get(record["case_id"]) if record["case_id"] else None
    insert_rows(DisciplineRecord, writer.records)
    for item in writer.from_feedback:
        item["case_id"] = ids[(item["case"]["person_id"], item["case"]["opened_on"])]
    return {
        "records": len(writer.records),
        "cases": len(writer.cases),
        "disciplined": disciplined,
        "from_feedback": writer.from_feedback,
    }
