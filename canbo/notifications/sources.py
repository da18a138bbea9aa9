"""What is due on a day, for the whole province: each reminder with its stable key and the units it concerns.

One query per kind whatever the number of people (the appointment, rotation and retirement lists are
canbo.movements.selectors'; training plans and review campaigns are read here). `recipients.py` then gives
each user the reminders of their own units.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Q
from django.urls import reverse

from canbo.feedback.models import Feedback
from canbo.feedback.selectors import overdue_feedback_recipients
from canbo.movements.selectors import reappointments_due, retirements_within, rotations_ending
from canbo.people.choices import PersonStatus
from canbo.people.models import Person
from canbo.people.retirement import retirement_date
from canbo.salary.selectors import raises_due_for
from canbo.standards.models import ReviewCampaign, ReviewFinding
from canbo.training.choices import PlanStatus
from canbo.training.models import TrainingPlan

from .models import NotificationKind

ROTATION_NOTICE_DAYS = 90
PLAN_NOTICE_DAYS = 30
REVIEW_NOTICE_DAYS = 30


@dataclass(frozen=True)
class Reminder:
    kind: str
    key: str  # unique per event: the same event on the next run is the same reminder
    title: str
    body: str
    link: str
    due_date: date | None
    paths: tuple[str, ...]  # the units concerned (OrgUnit.path); a user sees it if one lies in their subtree
    # When set, exactly these users are told (a rule of its own, e.g. feedback), whatever their units.
    users: frozenset[int] | None = None


def _person_link(person) -> str:
    return reverse("people:detail", args=[person.uuid])


def reappointment_reminders(today: date) -> list[Reminder]:
    return [
        Reminder(
            NotificationKind.REAPPOINTMENT_DUE,
            f"reappoint:{a.pk}:{a.term_end:%Y%m%d}",
            f"Đến hạn bổ nhiệm lại: {a.person.full_name} ({a.position.name})",
            f"Thời hạn giữ chức vụ {a.position.name} tại {a.unit.name} kết thúc ngày {a.term_end:%d/%m/%Y}; "
            "cần thực hiện quy trình bổ nhiệm lại trước 90 ngày làm việc (QĐ 377).",
            _person_link(a.person),
            a.term_end,
            (a.unit.path,),
        )
        for a in reappointments_due(today=today)
    ]


def retirement_reminders(today: date) -> list[Reminder]:
    reminders = []
    for p in retirements_within(today=today):
        retires = retirement_date(p.gender, p.date_of_birth)
        reminders.append(
            Reminder(
                NotificationKind.RETIREMENT_SOON,
                f"retire:{p.pk}:{retires:%Y%m%d}",
                f"Sắp nghỉ hưu: {p.full_name} ({p.current_unit.name})",
                f"Đến tuổi nghỉ hưu ngày {retires:%d/%m/%Y} (NĐ 135/2020): chuẩn bị thông báo và quyết định "
                "nghỉ hưu.",
                _person_link(p),
                retires,
                (p.current_unit.path,),
            )
        )
    return reminders


def rotation_reminders(today: date) -> list[Reminder]:
    return [
        Reminder(
            NotificationKind.ROTATION_ENDING,
            f"rotation:{m.pk}:{m.end_date:%Y%m%d}",
            f"Sắp hết thời hạn {m.get_kind_display().lower()}: {m.person.full_name}",
            f"{m.get_kind_display()} từ {m.from_unit.name} đến {m.to_unit.name if m.to_unit else '—'}, "
            f"kết thúc ngày {m.end_date:%d/%m/%Y}: cần bố trí công tác sau thời hạn.",
            _person_link(m.person),
            m.end_date,
            tuple(u.path for u in (m.from_unit, m.to_unit) if u is not None),
        )
        for m in rotations_ending(today=today, within_days=ROTATION_NOTICE_DAYS)
    ]


def training_plan_reminders(today: date) -> list[Reminder]:
    """Plans not issued, due within 30 days (rule 23: by 31/01) or already overdue."""
    plans = (
        TrainingPlan.objects.exclude(status=PlanStatus.ISSUED)
        .filter(due_date__lte=today + timedelta(days=PLAN_NOTICE_DAYS))
        .select_related("owner_unit")
    )
    reminders = []
    for plan in plans:
        overdue = plan.due_date < today
        reminders.append(
            Reminder(
                NotificationKind.TRAINING_PLAN_DUE,
                f"plan-{'overdue' if overdue else 'due'}:{plan.pk}:{plan.due_date:%Y%m%d}",
                ("Quá hạn ban hành: " if overdue else "Sắp đến hạn ban hành: ") + plan.title,
                f"Kế hoạch đào tạo, bồi dưỡng năm {plan.year} của {plan.owner_unit.name} phải ban hành trước "
                f"ngày {plan.due_date:%d/%m/%Y}; trạng thái hiện nay: {plan.get_status_display().lower()}.",
                reverse("training:plan_detail", args=[plan.pk]),
                plan.due_date,
                (plan.owner_unit.path,),
            )
        )
    return reminders


def review_reminders(today: date) -> list[Reminder]:
    """Campaigns with people still short: the deadline within 30 days, or passed (each once per deadline)."""
    campaigns = {
        c.pk: c
        for c in ReviewCampaign.objects.filter(deadline__lte=today + timedelta(days=REVIEW_NOTICE_DAYS))
        .annotate(open=Count("findings", filter=Q(findings__resolved_on__isnull=True)))
        .filter(open__gt=0)
        .select_related("responsible_unit")
    }
    paths: dict[int, set[str]] = {pk: {c.responsible_unit.path} for pk, c in campaigns.items()}
    rows = (
        ReviewFinding.objects.filter(campaign__in=campaigns, resolved_on__isnull=True)
        .values_list("campaign", "unit__path")
        .distinct()
    )
    for campaign_id, path in rows:
        paths[campaign_id].add(path)
    reminders = []
    for pk, c in campaigns.items():
        overdue = c.deadline < today
        reminders.append(
            Reminder(
                NotificationKind.REVIEW_DEADLINE,
                f"review-{'overdue' if overdue else 'due'}:{pk}:{c.deadline:%Y%m%d}",
                ("Đã quá hạn khắc phục: " if overdue else "Sắp đến hạn khắc phục: ") + c.name,
                f"Hạn khắc phục ngày {c.deadline:%d/%m/%Y}; còn {c.open} người chưa đạt tiêu chuẩn"
                + (": cần kiểm tra lại và xử lý (thay thế) theo quy định." if overdue else "."),
                reverse("standards:campaign_detail", args=[pk]),
                c.deadline,
                tuple(sorted(paths[pk])),
            )
        )
    return reminders


def salary_raise_reminders(today: date) -> list[Reminder]:
    """Raises (next step or vượt khung) falling due next month, one reminder per unit and month."""
    month = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
    by_unit: dict[int, list] = {}
    for due in raises_due_for(Person.objects.filter(status=PersonStatus.WORKING), month=month):
        by_unit.setdefault(due.person.current_unit_id, []).append(due)
    reminders = []
    for dues in by_unit.values():
        unit = dues[0].person.current_unit
        names = ", ".join(d.person.full_name for d in dues[:5]) + (", …" if len(dues) > 5 else "")
        reminders.append(
            Reminder(
                NotificationKind.SALARY_RAISE_DUE,
                f"salary-due:{unit.pk}:{month:%Y%m}",
                f"Nâng lương đến hạn tháng {month:%m/%Y}: {len(dues)} người tại {unit.name}",
                f"Đến hạn nâng bậc lương thường xuyên hoặc phụ cấp thâm niên vượt khung trong tháng "
                f"{month:%m/%Y} (TT 08/2013/TT-BNV): {names}. Cần lập danh sách và ra quyết định nâng lương.",
                reverse("salary:due") + f"?month={month:%m/%Y}&unit={unit.code}",
                month,
                (unit.path,),
            )
        )
    return reminders


def feedback_overdue_reminders(today: date) -> list[Reminder]:
    """Feedback past its handling deadline, told only to those who handle it (canbo.feedback.selectors:
    the board, the unit's officers, the assigned handler; never leaders, never the official concerned). The
    notice names the unit and the dates, not the official: it is also e-mailed."""
    told = overdue_feedback_recipients(today=today)
    items = Feedback.objects.filter(pk__in=told).select_related("unit").order_by("deadline", "pk")
    return [
        Reminder(
            NotificationKind.FEEDBACK_OVERDUE,
            f"feedback-overdue:{f.pk}:{f.deadline:%Y%m%d}",
            f"Phản ánh quá hạn xử lý: {f.unit.name} (tiếp nhận ngày {f.received_on:%d/%m/%Y})",
            f"Phản ánh, kiến nghị tiếp nhận ngày {f.received_on:%d/%m/%Y} có hạn xử lý ngày "
            f"{f.deadline:%d/%m/%Y}, trạng thái hiện nay: {f.get_status_display().lower()}. Cần xác minh, "
            "kết luận và trả lời người phản ánh.",
            reverse("feedback:detail", args=[f.pk]),
            f.deadline,
            (f.unit.path,),
            users=frozenset(told[f.pk]),
        )
        for f in items
    ]


SOURCES = [
    reappointment_reminders,
    retirement_reminders,
    rotation_reminders,
    training_plan_reminders,
    review_reminders,
    salary_raise_reminders,
    feedback_overdue_reminders,
]


def reminders_on(today: date) -> list[Reminder]:
    return [r for source in SOURCES for r in source(today)]
