"""The onboarding checklist (issue 14.6): what a province has brought in so far, record kind by record kind, with
the warnings left to clear. A few aggregate queries, whatever the size of the province; the board's page.

Models of the apps above the register are reached through the app registry: those apps read files with this
app's reader, so this module does not import them."""

from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import F, Q

from canbo.org.models import OrgUnit
from canbo.people.choices import PersonStatus
from canbo.people.models import Employment, Person, Qualification, QualificationSource

from .selectors import incomplete_persons
from .services import format_count as _n


@dataclass
class ChecklistItem:
    label: str
    count: int
    detail: str = ""
    warnings: list[tuple[str, int, str]] = field(default_factory=list)  # (message, count, link name or "")

    @property
    def done(self) -> bool:
        return self.count > 0


def _count(app_label: str, model: str) -> int:
    return apps.get_model(app_label, model).objects.count()


def employments_outside_unit_life():
    """Career rows that start while their unit did not exist (before it began or after it ended)."""
    return Employment.objects.filter(
        Q(start_date__lt=F("unit__valid_from")) | Q(unit__valid_to__lt=F("start_date"))
    )


def onboarding_checklist(*, user) -> list[ChecklistItem]:
    """The board's view of the whole province (the caller checked the role)."""
    units = OrgUnit.objects.bodies()
    persons = Person.objects.all()
    working = persons.filter(status=PersonStatus.WORKING).count()
    qualifications = Qualification.objects.all()
    granted = qualifications.filter(source=QualificationSource.COURSE).count()
    ended_units = units.exclude(valid_to=None).count()
    return [
        ChecklistItem(
            "Đơn vị tổ chức",
            units.count(),
            f"{_n(ended_units)} đơn vị đã kết thúc; {_n(_count('org', 'OrgEvent'))} sự kiện sáp nhập, chia tách",
        ),
        ChecklistItem(
            "Hồ sơ cán bộ, công chức, viên chức",
            persons.count(),
            f"{_n(working)} đang công tác, {_n(persons.count() - working)} đã nghỉ, chuyển đi hoặc từ trần",
            [
                (
                    "Hồ sơ chưa đủ (chưa có quá trình công tác)",
                    incomplete_persons(user=user).count(),
                    "imports:incomplete",
                )
            ],
        ),
        ChecklistItem(
            "Quá trình công tác",
            Employment.objects.count(),
            f"{_n(_count('movements', 'Movement'))} điều động, luân chuyển, biệt phái và thôi việc",
            [
                (
                    "Quá trình công tác ở đơn vị chưa thành lập hoặc đã kết thúc vào thời điểm đó",
                    employments_outside_unit_life().count(),
                    "",
                )
            ],
        ),  # fmt: skip
        ChecklistItem(
            "Văn bằng, chứng chỉ",
            qualifications.count(),
            f"{_n(granted)} do hoàn thành khóa học, {_n(qualifications.count() - granted)} nhập vào hồ sơ",
        ),
        ChecklistItem("Lượt đào tạo, bồi dưỡng", _count("training", "Enrolment")),
        ChecklistItem("Kết quả đánh giá, xếp loại hằng năm", _count("evaluation", "AnnualRating")),
        ChecklistItem("Khen thưởng", _count("emulation", "Award")),
        ChecklistItem("Kỷ luật", _count("discipline", "DisciplineRecord")),
        ChecklistItem(
            "Đảng viên (ngày vào Đảng)",
            persons.exclude(party_admission_date=None).count(),
            f"{_n(persons.exclude(party_full_member_date=None).count())} có ngày chính thức",
        ),
    ]
