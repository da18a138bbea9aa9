"""The standards engine: for persons, a post and a date, which criteria are unmet and what is missing.

One computation serves one person and a hundred thousand: `evaluate` annotates a Person queryset with the
values each criterion needs (highest level per scale as of the date, start of service, start of holding a
post of the lower tier, the approved plan, the rating of each year looked back on) and an unmet flag per
criterion, all in one SQL query; the messages are then written from those values. `check_person` is
`evaluate` on a one-person queryset, so the dossier and the bulk lists cannot disagree.
"""

import operator
from dataclasses import dataclass, field
from datetime import date
from functools import reduce

from django.core.exceptions import ImproperlyConfigured
from django.db.models import BooleanField, Case, Exists, Max, Min, OuterRef, Q, Subquery, Value, When

from canbo.core.dates import add_months, add_years
from canbo.evaluation.models import RATING_RANK, AnnualRating, RatingLevel
from canbo.people.choices import QUALIFICATION_LEVELS, Gender, QualificationScale
from canbo.people.models import Person, Position
from canbo.people.retirement import latest_birth_retiring_before, retirement_date

from .choices import CriterionKind
from .models import StandardCriterion, TitleStandard

# The IN_PLAN criterion reads the approved planning, an app above this one: planning hands the engine its reader
# of the entries in force on a date (PlanningConfig.ready), so standards never imports planning.
_planned_entries = None


def read_planned_entries_with(reader) -> None:
    """`reader(on)` → the planning entries in force on `on` (a queryset with `person` and `post__position`)."""
    global _planned_entries
    _planned_entries = reader


def _planned_entries_on(on: date):
    if _planned_entries is None:
        raise ImproperlyConfigured(
            "The IN_PLAN criterion needs canbo.planning installed (it gives the reader)."
        )
    return _planned_entries(on)


FIRST, HIGHER, REAPPOINT = "FIRST", "HIGHER", "REAPPOINT"  # movements.choices.AppointmentKind values


@dataclass(frozen=True)
class Gap:
    criterion_id: int
    kind: str
    scale: str
    message: str


@dataclass
class StandardsCheck:
    person_id: int
    standard: TitleStandard | None
    on: date
    gaps: list[Gap] = field(default_factory=list)

    @property
    def met(self) -> bool:
        return self.standard is not None and not self.gaps

    @property
    def messages(self) -> list[str]:
        if self.standard is None:
            return ["Chức vụ này chưa có tiêu chuẩn chức danh đang có hiệu lực."]
        return [g.message for g in self.gaps]


def standard_for(position: Position, on: date) -> TitleStandard | None:
    return (
        TitleStandard.objects.active_on(on)
        .filter(position=position)
        .order_by("-valid_from")
        .prefetch_related("criteria")
        .first()
    )


def applies(criterion: StandardCriterion, appointment_kind: str | None) -> bool:
    """Rule 7: no lower-post time for a first appointment; rule 6: service left for first/higher only;
    a reappointment does not need the plan."""
    if criterion.kind == CriterionKind.POST_MONTHS:
        return appointment_kind != FIRST
    if criterion.kind == CriterionKind.SERVICE_LEFT:
        return appointment_kind in (FIRST, HIGHER, None)
    if criterion.kind == CriterionKind.IN_PLAN:
        return appointment_kind != REAPPOINT
    return True


def _level_label(scale: str, rank: int | None) -> str:
    if rank is None:
        return "chưa có"
    labels = [label for _code, label, r in QUALIFICATION_LEVELS.get(scale, []) if r == rank]
    return labels[0] if labels else f"bậc {rank}"


def rating_years(c: StandardCriterion, on: date) -> list[int]:
    """The whole years a RATING criterion looks at: the `years` years before the year of `on`, oldest first
    (a check in 2026 of "2 years" reads 2024 and 2025; the current year is not rated before December)."""
    return list(range(on.year - c.years, on.year))


def rating_accepted(c: StandardCriterion) -> list[str]:
    """The levels meeting the criterion: `min_rating` and better."""
    floor = RATING_RANK[RatingLevel(c.min_rating)]
    return [level.value for level, rank in RATING_RANK.items() if rank <= floor]


def _rating_annotations(c: StandardCriterion, key: str, on: date) -> dict:
    """One correlated subquery per year (the unique (person, year) index answers it; no join that would
    multiply the other criteria's rows). Met: every year rated at the minimum or "không xếp loại" (skipped),
    and at least one year actually rated at the minimum."""
    accepted = rating_accepted(c)
    names = {year: f"{key}_y{year}" for year in rating_years(c, on)}
    annotations = {
        name: Subquery(AnnualRating.objects.filter(person=OuterRef("pk"), year=year).values("level")[:1])
        for year, name in names.items()
    }
    every_year = reduce(
        operator.and_,
        (Q(**{f"{name}__in": [*accepted, RatingLevel.NOT_RATED.value]}) for name in names.values()),
    )
    some_year = reduce(operator.or_, (Q(**{f"{name}__in": accepted}) for name in names.values()))
    annotations[f"{key}_unmet"] = _unmet(every_year & some_year)
    return annotations


def _unmet(met_condition: Q) -> Case:
    return Case(When(met_condition, then=Value(False)), default=Value(True), output_field=BooleanField())


def _criterion_annotations(c: StandardCriterion, standard: TitleStandard, on: date) -> dict:
    key = f"c{c.pk}"
    if c.kind == CriterionKind.QUALIFICATION:
        held = Max(
            "qualifications__rank",
            filter=Q(qualifications__scale=c.scale, qualifications__awarded_on__lte=on),
        )
        return {f"{key}_value": held, f"{key}_unmet": _unmet(Q(**{f"{key}_value__gte": c.min_rank}))}
    if c.kind == CriterionKind.SERVICE_YEARS:
        cut = add_years(on, -c.years)
        first = Min("employments__start_date", filter=Q(employments__start_date__lte=on))
        return {
            f"{key}_value": first,
            f"{key}_unmet": _unmet(Q(recruited_on__lte=cut) | Q(**{f"{key}_value__lte": cut})),
        }
    if c.kind == CriterionKind.POST_MONTHS:
        cut = add_months(on, -c.months)
        since = Min(
            "employments__start_date",
            filter=Q(employments__position__tier__gte=c.lower_tier, employments__start_date__lte=on),
        )
        return {f"{key}_value": since, f"{key}_unmet": _unmet(Q(**{f"{key}_value__lte": cut}))}
    if c.kind == CriterionKind.SERVICE_LEFT:
        until = add_years(on, c.years)
        met = Q(gender=Gender.NAM, date_of_birth__gt=latest_birth_retiring_before(Gender.NAM, until)) | Q(
            gender=Gender.NU, date_of_birth__gt=latest_birth_retiring_before(Gender.NU, until)
        )
        return {f"{key}_unmet": _unmet(met)}
    if c.kind == CriterionKind.IN_PLAN:
        planned = (
            _planned_entries_on(on)
            .filter(person=OuterRef("pk"))
            .filter(Q(post__position=standard.position) | Q(post__position__tier=standard.position.tier))
        )
        return {f"{key}_unmet": _unmet(Exists(planned))}
    if c.kind == CriterionKind.RATING:
        return _rating_annotations(c, key, on)
    raise ValueError(f"Unknown criterion kind {c.kind}")


def evaluate(persons, standard: TitleStandard, on: date, appointment_kind: str | None = None):
    """`persons` (a Person queryset) as value rows: pk, and per applicable criterion c<id>_unmet (+ _value)."""
    criteria = [c for c in standard.criteria.all() if applies(c, appointment_kind)]
    annotations = {}
    for c in criteria:
        annotations.update(_criterion_annotations(c, standard, on))
    values = (
        persons.order_by().values("pk", "gender", "date_of_birth", "recruited_on").annotate(**annotations)
    )
    return values, criteria


def unmet_q(criteria) -> Q:
    """Rows that miss at least one criterion (filter the `evaluate` rows in SQL, e.g. to count them)."""
    condition = Q(pk__in=[])
    for c in criteria:
        condition |= Q(**{f"c{c.pk}_unmet": True})
    return condition


def gaps_of(row: dict, criteria, on: date) -> list[Gap]:
    gaps = []
    for c in criteria:
        if not row[f"c{c.pk}_unmet"]:
            continue
        gaps.append(Gap(c.pk, c.kind, c.scale, _message(c, row.get(f"c{c.pk}_value"), row, on)))
    return gaps


def _message(c: StandardCriterion, value, row: dict, on: date) -> str:
    if c.kind == CriterionKind.QUALIFICATION:
        scale = QualificationScale(c.scale).label.lower()
        return f"Cần {scale} {_level_label(c.scale, c.min_rank)}; hiện có: {_level_label(c.scale, value).lower()}."
    if c.kind == CriterionKind.SERVICE_YEARS:
        began = (
            min(d for d in (row.get("recruited_on"), value) if d)
            if (row.get("recruited_on") or value)
            else None
        )
        have = f"công tác từ {began:%d/%m/%Y}" if began else "chưa có quá trình công tác"
        return f"Cần ít nhất {c.years} năm công tác; {have}."
    if c.kind == CriterionKind.POST_MONTHS:
        have = f"giữ chức vụ từ {value:%d/%m/%Y}" if value else "chưa giữ chức vụ tương đương"
        return f"Cần ít nhất {c.months} tháng giữ chức vụ thấp hơn liền kề; {have}."
    if c.kind == CriterionKind.SERVICE_LEFT:
        retire = retirement_date(row["gender"], row["date_of_birth"]) if row.get("date_of_birth") else None
        have = f"nghỉ hưu ngày {retire:%d/%m/%Y}" if retire else "chưa có ngày sinh"
        return f"Cần còn ít nhất {c.years} năm công tác tính đến {on:%d/%m/%Y}; {have}."
    if c.kind == CriterionKind.RATING:
        return _rating_message(c, row, on)
    return "Chưa có trong quy hoạch chức danh này (hoặc chức danh tương đương) được phê duyệt."


def _rating_message(c: StandardCriterion, row: dict, on: date) -> str:
    """What is missing, e.g. "Cần xếp loại Hoàn thành tốt nhiệm vụ trở lên trong 2 năm gần nhất; năm 2024:
    Hoàn thành nhiệm vụ." (or "chưa có kết quả xếp loại năm 2024")."""
    years = rating_years(c, on)
    accepted = rating_accepted(c)
    found = []
    for year in years:
        level = row.get(f"c{c.pk}_y{year}")
        if level is None:
            found.append(f"chưa có kết quả xếp loại năm {year}")
        elif level not in accepted and level != RatingLevel.NOT_RATED:
            found.append(f"năm {year}: {RatingLevel(level).label}")
    if not found:  # every year "không xếp loại"
        found.append(f"không năm nào được xếp loại ({', '.join(str(y) for y in years)}: không xếp loại)")
    need = RatingLevel(c.min_rating).label
    return f"Cần xếp loại {need} trở lên trong {c.years} năm gần nhất; {'; '.join(found)}."


def check_person(
    person: Person, position: Position, on: date, appointment_kind: str | None = None
) -> StandardsCheck:
    """Met, or the list of unmet criteria with what is missing, for one person, post and date."""
    standard = standard_for(position, on)
    result = StandardsCheck(person_id=person.pk, standard=standard, on=on)
    if standard is None:
        return result
    rows, criteria = evaluate(Person.objects.filter(pk=person.pk), standard, on, appointment_kind)
    row = rows.first()
    result.gaps = gaps_of(row, criteria, on) if row else []
    return result
