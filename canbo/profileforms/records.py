"""A person's records as of a date, read from every app that holds part of the dossier (selectors only).

Both forms are built from this one bundle: a row dated after `on` is left out (a career row, a diploma, a class,
a rating, an award, a discipline decision, a salary row, a membership, a military service, a health record), a row
still running on `on` is shown as running ("nay"). The rank, step, coefficient and allowances printed as the person's
own are those of the salary row in force on `on` (salary.in_force), so a form as of a past date shows that date's rank.
The register's identity fields (name, birth, origin) are the current values: the register keeps no history of them.

Family and health are sensitive personal data (canbo.dossier.selectors.may_see_sensitive): for a reader not entitled
to them (a leader, the Standing Committee) the bundle holds none, and the forms print those parts blank with a note.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q

from canbo.discipline.models import DisciplineRecord
from canbo.discipline.ranking import heaviest_record
from canbo.dossier.models import (
    FamilyMember,
    HealthRecord,
    MilitaryService,
    OrganisationMembership,
    PersonalHistory,
    PersonPhoto,
)
from canbo.dossier.selectors import (
    family_of,
    health_records_of,
    memberships_of,
    military_services_of,
    personal_history_of,
    photo_of,
)
from canbo.emulation.models import Award
from canbo.emulation.ranking import highest_award
from canbo.evaluation.models import AnnualRating
from canbo.people.choices import QualificationScale, level_label
from canbo.people.models import Employment, Person, Qualification
from canbo.people.selectors import highest_qualifications
from canbo.training.models import Enrolment, StudyAssignment

from .salary import SalaryRow, salary_history
from .salary import in_force as salary_in_force


@dataclass
class TrainingRow:
    """One line of the training table: a diploma, a class attended or a long course."""

    school: str
    field: str
    start: date | None
    end: date | None
    mode: str
    result: str
    group: str = "PROFESSIONAL"  # the SYLL's sub-table (32.1 to 32.6): a key of TRAINING_GROUPS


# The SYLL's six training tables, keyed by what a diploma's scale or a programme's kind belongs to.
TRAINING_GROUPS = ("PROFESSIONAL", "POLITICAL_THEORY", "FOSTERING", "DEFENCE", "IT", "LANGUAGE")
_GROUP_OF = {
    "PROFESSIONAL": "PROFESSIONAL",
    "ACADEMIC_TITLE": "PROFESSIONAL",
    "DEGREE": "PROFESSIONAL",
    "POLITICAL_THEORY": "POLITICAL_THEORY",
    "STATE_MGMT": "FOSTERING",
    "LEADERSHIP": "FOSTERING",
    "PROFESSIONAL_SKILLS": "FOSTERING",
    "ECONOMIC_MGMT": "FOSTERING",
    "DEFENCE_SECURITY": "DEFENCE",
    "IT": "IT",
    "IT_DIGITAL": "IT",
    "FOREIGN_LANGUAGE": "LANGUAGE",
    "ETHNIC_LANGUAGE": "LANGUAGE",
}


@dataclass
class DossierRecords:
    person: Person
    on: date
    employment: Employment | None  # the career row in force on `on`
    career: list[Employment] = field(default_factory=list)  # oldest first
    highest: dict[str, str] = field(default_factory=dict)  # scale -> "Thạc sĩ (Luật)"
    training: list[TrainingRow] = field(default_factory=list)
    salary: list[SalaryRow] = field(default_factory=list)
    ratings: list[AnnualRating] = field(default_factory=list)
    awards: list[Award] = field(default_factory=list)
    discipline: list[DisciplineRecord] = field(default_factory=list)
    family_own: list[FamilyMember] = field(default_factory=list)
    family_spouse: list[FamilyMember] = field(default_factory=list)
    history: PersonalHistory | None = None
    photo: PersonPhoto | None = None
    salary_now: SalaryRow | None = None  # the rank and salary in force on `on`
    memberships: list[OrganisationMembership] = field(default_factory=list)  # joined by `on`, oldest first
    military: list[MilitaryService] = field(default_factory=list)  # enlisted by `on`
    health: HealthRecord | None = None  # the latest record by `on` (entitled readers only)
    sensitive_shown: bool = True  # False: family and health withheld from this reader

    @property
    def highest_award(self) -> Award | None:
        """Mẫu 2C item 21: the award of the highest form (emulation.AwardFormRank) among those held on `on`."""
        return highest_award(self.awards)

    @property
    def heaviest_discipline(self) -> DisciplineRecord | None:
        """Mẫu 2C item 22: the sanction of the heaviest form (discipline.DisciplineFormRank) decided by `on`."""
        return heaviest_record(self.discipline)

    @property
    def recruiting_unit(self) -> str:
        """The unit of the first career row: "vào cơ quan nào" / "cơ quan, tổ chức, đơn vị tuyển dụng"."""
        return self.career[0].unit.name if self.career else ""

    @property
    def in_current_agency_since(self) -> date | None:
        """The first day of the unbroken run of career rows in the unit of the row in force."""
        if self.employment is None:
            return None
        since = self.employment.start_date
        for row in reversed(self.career):
            if row.unit_id != self.employment.unit_id:
                break
            since = min(since, row.start_date)
        return since


def _highest(person: Person, on: date) -> dict[str, str]:
    labels = {}
    for scale, qual in highest_qualifications(person=person, on=on).items():
        text = level_label(scale, qual.level)
        labels[scale] = f"{text} ({qual.field})" if qual.field else text
    return labels


def _training(person: Person, on: date) -> list[TrainingRow]:
    enrolments = list(
        Enrolment.objects.filter(person=person, start_date__lte=on).select_related(
            "programme", "training_class"
        )
    )
    from_classes = {e.qualification_id for e in enrolments if e.qualification_id}  # printed as the class
    rows = [
        TrainingRow(
            school=q.issuer,
            field=q.field,
            start=None,
            end=q.awarded_on,
            mode="",
            result=f"{QualificationScale(q.scale).label}: {level_label(q.scale, q.level)}",
            group=_GROUP_OF.get(q.scale, "PROFESSIONAL"),
        )
        for q in Qualification.objects.filter(person=person, awarded_on__lte=on).exclude(pk__in=from_classes)
    ]
    for e in enrolments:
        finished = e.result_date is not None and e.result_date <= on
        rows.append(
            TrainingRow(
                school=(e.training_class.organiser_name if e.training_class_id else "") or "",
                field=e.programme.name,
                start=e.start_date,
                end=e.end_date if e.end_date and e.end_date <= on else None,
                mode=e.get_mode_display(),
                result=e.get_result_display() if finished else "Đang học",
                group=_GROUP_OF.get(e.programme.kind, "FOSTERING"),
            )
        )
    for s in StudyAssignment.objects.filter(person=person, start_date__lte=on).select_related("programme"):
        ended = s.end_date is not None and s.end_date <= on
        rows.append(
            TrainingRow(
                school=s.institution,
                field=s.field_of_study or s.programme.name,
                start=s.start_date,
                end=s.end_date if ended else None,
                mode=s.get_mode_display(),
                result=s.programme.name if ended else "Đang học",
                group=_GROUP_OF.get(s.programme.kind, "PROFESSIONAL"),
            )
        )
    rows.sort(key=lambda r: (r.start or r.end or on, r.end or on))
    return rows


def awards_on(*, person: Person, on: date) -> list[Award]:
    """Awards decided by `on` and not revoked by then."""
    return list(
        Award.objects.filter(person=person, decision_date__lte=on)
        .filter(Q(revoked_on__isnull=True) | Q(revoked_on__gt=on))
        .order_by("decision_date", "id")
    )


def discipline_on(*, person: Person, on: date) -> list[DisciplineRecord]:
    return list(
        DisciplineRecord.objects.filter(person=person, decided_on__lte=on).order_by("decided_on", "id")
    )


def dossier_records(*, person: Person, on: date, sensitive: bool = True) -> DossierRecords:
    """Everything the forms print about `person` as it stood on `on` (the caller has already scoped `person`, and
    passes `sensitive=False` for a reader not entitled to family and health)."""
    career = list(
        Employment.objects.filter(person=person, start_date__lte=on)
        .select_related("unit", "position")
        .order_by("start_date", "id")
    )
    in_force = [e for e in career if e.end_date is None or e.end_date >= on]
    family = [m for m in family_of(person=person) if m.birth_year is None or m.birth_year <= on.year]
    if not sensitive:
        family = []
    health = [h for h in health_records_of(person=person) if h.as_of <= on] if sensitive else []
    salary = salary_history(person=person, on=on)
    return DossierRecords(
        person=person,
        on=on,
        employment=in_force[-1] if in_force else None,
        career=career,
        highest=_highest(person, on),
        training=_training(person, on),
        salary=salary,
        salary_now=salary_in_force(salary),
        memberships=sorted(
            (m for m in memberships_of(person=person) if m.joined_on <= on), key=lambda m: m.joined_on
        ),
        military=sorted(
            (m for m in military_services_of(person=person) if m.enlisted_on <= on),
            key=lambda m: m.enlisted_on,
        ),
        health=max(health, key=lambda h: h.as_of) if health else None,
        sensitive_shown=sensitive,
        ratings=list(
            AnnualRating.objects.filter(person=person)
            .filter(Q(decided_on__lte=on) | Q(decided_on__isnull=True, year__lt=on.year))
            .order_by("year")
        ),
        awards=awards_on(person=person, on=on),
        discipline=discipline_on(person=person, on=on),
        family_own=[m for m in family if m.side == "OWN"],
        family_spouse=[m for m in family if m.side == "SPOUSE"],
        history=personal_history_of(person=person),
        photo=photo_of(person=person),
    )
