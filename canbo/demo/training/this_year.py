"""This year's classes and lượt under the issued training plan, up to today, through the training services.

The demo's history stops on 31/12/2025, so without this step the 2026 plan (issued in December 2025) shows 0 % all
year. Run at the end of the build with the build's `today`, as the Ban Tổ chức's officer (`bantochuc`, every unit)
would have worked through the year:

- each line of an issued plan of a year after the history and not after today gets its classes (a class of 30–60,
  as the history's), started on days spread over the year; a class is opened (`class_create`) and its people
  enrolled (`enrol_bulk`) only once its start day has come, so on 08/12 most lines are done and a few, whose last
  class starts later in December, are under way; earlier in the year the plan is as far as the calendar;
- the degree lines' people are proposed and sent by decision (`study_propose`, `study_send`; eligibility checked by
  the service, as on the study page), the courses starting on 15/09;
- the short courses that grant nothing and ended two weeks or more before today have their results
  (`record_results`); the ones that grant a certificate or diploma wait for it (pending), so the record holds no
  qualification dated after the history.

Deterministic for the same day (a `random.Random` seeded by the year). Persons linked to a login are left alone
(their own pages are tested as they were), and so is the history: the rows are all dated in the plan's year.
The build runs with the audit log switched off, so these rows write no audit entry.
"""

import random
from collections import defaultdict
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db.models import Max

from canbo.accounts.models import User
from canbo.core.dates import add_months
from canbo.people.choices import PersonStatus
from canbo.people.models import Person, Qualification
from canbo.training.choices import EnrolmentResult, Funding, PlanStatus, ProgrammeKind
from canbo.training.models import Enrolment, PlanLine, TrainingClass, TrainingPlan
from canbo.training.services.classes import class_create, enrol_bulk
from canbo.training.services.results import record_results
from canbo.training.services.study import study_propose, study_send

from ..dates import CUTOFF
from .degrees import ABROAD_UNIVERSITIES
from .specs import DAYS, HVCT, TCT

OFFICER = "bantochuc"
PLAN_OWNER = "DB"
SIZE = (30, 60)
LATE_SHARE = 0.2  # lines whose last class opens in December
DEGREE_START = (9, 15)
DEGREE_MONTHS = {"DT_CAO_DANG": 36, "DT_DAI_HOC": 48, "DT_THAC_SI": 24, "DT_TIEN_SI": 48}
HELD_BEFORE = {"DT_CAO_DANG": (1, 4), "DT_DAI_HOC": (1, 5), "DT_THAC_SI": (6, 6), "DT_TIEN_SI": (7, 7)}
INSTITUTIONS = {
    "DT_CAO_DANG": "Trường Cao đẳng Kinh tế - Kỹ thuật Điện Biên",
    "DT_DAI_HOC": "Trường Đại học Tây Bắc",
    "DT_THAC_SI": "Học viện Hành chính Quốc gia",
    "DT_TIEN_SI": "Học viện Chính trị quốc gia Hồ Chí Minh",
}
POLITICAL_DAYS = {"LLCT_TRUNG_CAP": 240, "LLCT_CAO_CAP": 240}
RESULTS_AFTER = timedelta(days=14)


def build_this_year(*, today: date) -> dict:
    officer = User.objects.filter(username=OFFICER).first()
    plans = TrainingPlan.objects.filter(
        owner_unit__code=PLAN_OWNER, status=PlanStatus.ISSUED, year__gt=CUTOFF.year, year__lte=today.year
    ).order_by("year")
    done = {"classes": 0, "enrolments": 0, "sent": 0, "results": 0}
    if officer is None:
        return done
    for plan in plans:
        _Year(plan, officer, today, done).run()
    return done


class _Year:
    def __init__(self, plan, officer, today: date, done: dict):
        self.plan, self.officer, self.today, self.done = plan, officer, today, done
        self.year = plan.year
        self.rng = random.Random(f"demo-training-{self.year}")
        self.pool = _Pool(date(self.year, 1, 1), self.rng)

    def run(self) -> None:
        lines = PlanLine.objects.filter(plan=self.plan).select_related("programme", "responsible_unit")
        for line in lines.order_by("programme__sort_order", "mode", "venue", "pk"):
            units = list(line.allocations.order_by("unit__path").values_list("unit__path", "target_count"))
            if line.programme.kind == ProgrammeKind.DEGREE:
                self._degrees(line, units)
            else:
                self._classes(line, units)

    # --- short courses and political theory: classes under the line ---------------------------------------------
    def _classes(self, line: PlanLine, units: list) -> None:
        rng = self.rng
        wanted = max(1, round(line.target_count * rng.uniform(0.93, 1.05)))
        sizes = _sizes(wanted, rng)
        late = rng.random() < LATE_SHARE
        starts = sorted(self._start(rng, late and i == len(sizes) - 1) for i in range(len(sizes)))
        days = POLITICAL_DAYS.get(line.programme.code) or DAYS.get(line.programme.code, 5)
        shares = _spread(units, wanted) or [("", wanted)]
        quota = iter(_cut(shares, sizes))
        for number, (start, members) in enumerate(zip(starts, quota, strict=True), start=1):
            if start > self.today:
                continue
            end = start + timedelta(days=days - 1)
            klass = self._open(line, number, start, end, sum(n for _path, n in members))
            people = [p for path, n in members for p in self.pool.take(path, n, line.programme_id, start)]
            if people:
                enrol_bulk(actor=self.officer, training_class=klass, persons=[p.pk for p in people])
            self.done["classes"] += 1
            self.done["enrolments"] += len(people)
            if end + RESULTS_AFTER <= self.today and not line.programme.grants_qualification:
                self._results(klass, end)

    def _start(self, rng, late: bool) -> date:
        if late:
            return date(self.year, 12, rng.randint(10, 22))
        return date(self.year, 2, 15) + timedelta(days=rng.randint(0, 270))

    def _open(self, line: PlanLine, number: int, start: date, end: date, size: int) -> TrainingClass:
        code = line.programme.code
        organiser = TCT if code.startswith("LLCT_") and code != "LLCT_CAO_CAP" else HVCT
        if not code.startswith("LLCT_"):
            organiser = line.responsible_unit.name
        name = f"{line.programme.name} năm {self.year} (lớp {number}"
        name += f", {line.get_mode_display().lower()})" if line.mode else ")"
        per_person = line.budget // max(line.target_count, 1)
        return class_create(
            actor=self.officer,
            data={
                "code": f"DB-KH{self.year}-{line.pk}-{number}",
                "name": name,
                "programme": line.programme,
                "plan_line": line,
                "organiser_unit": line.responsible_unit,
                "organiser_name": organiser[:200],
                "location": "Thành phố Điện Biên Phủ",
                "venue": line.venue,
                "mode": line.mode or "TAP_TRUNG",
                "start_date": start,
                "end_date": end,
                "capacity": size + 5,
                "cost_per_trainee": per_person,
            },
        )

    def _results(self, klass: TrainingClass, end: date) -> None:
        rows = []
        for enrolment in Enrolment.objects.filter(training_class=klass).select_related("programme", "person"):
            failed = self.rng.random() < 0.02
            result = EnrolmentResult.NOT_COMPLETED if failed else EnrolmentResult.COMPLETED
            on = min(end + timedelta(days=self.rng.randint(1, 10)), self.today)
            rows.append(
                (enrolment, {"result": result, "result_date": on, "attendance_pct": 100 - 10 * failed})
            )
        self.done["results"] += record_results(actor=self.officer, rows=rows)

    # --- degree courses: proposed and sent by decision ----------------------------------------------------------
    def _degrees(self, line: PlanLine, units: list) -> None:
        start = date(self.year, *DEGREE_START)
        if start > self.today:
            return
        code = line.programme.code
        wanted = max(1, round(line.target_count * self.rng.uniform(0.9, 1.0)))
        months = DEGREE_MONTHS.get(code, line.programme.typical_months)
        abroad = line.venue != "TRONG_NUOC"
        shares = _spread(units, wanted) or [("", wanted)]
        for path, count in shares:
            sent = 0
            for person in self.pool.candidates(path, line.programme_id, start, HELD_BEFORE.get(code)):
                if sent == count:
                    break
                try:
                    study = study_propose(
                        actor=self.officer,
                        person=person,
                        data={
                            "programme": line.programme,
                            "plan_line": line,
                            "institution": self.rng.choice(ABROAD_UNIVERSITIES)
                            if abroad
                            else INSTITUTIONS[code],
                            "field_of_study": "Quản lý công",
                            "mode": line.mode or "TAP_TRUNG",
                            "venue": line.venue,
                            "start_date": start,
                            "expected_end": add_months(start, months) - timedelta(days=1),
                            "funding": Funding.STATE_BUDGET,
                            "cost": line.budget // max(line.target_count, 1),
                        },
                    )
                except ValidationError:
                    continue  # not eligible (service, ratings, age): the next one
                study_send(
                    actor=self.officer,
                    assignment=study,
                    decision_number=f"{self.rng.randint(1200, 2980)}/QĐ-UBND",
                    decision_date=start - timedelta(days=self.rng.randint(10, 30)),
                )
                self.pool.used(person)
                sent += 1
            self.done["sent"] += sent


class _Pool:
    """The working people of each unit (by path), not linked to a login and of working age all year, each taken
    at most once a year per programme; those who hold what a programme grants are not sent to it again."""

    def __init__(self, first_day: date, rng):
        self.rng = rng
        logins = User.objects.filter(person__isnull=False).values("person")
        people = (
            Person.objects.filter(
                status=PersonStatus.WORKING, date_of_birth__gt=first_day.replace(year=first_day.year - 58)
            )
            .exclude(pk__in=logins)
            .select_related("current_unit")
            .order_by("code")
        )
        self.by_path: dict[str, list[Person]] = defaultdict(list)
        for person in people:
            self.by_path[person.current_unit.path].append(person)
        self.paths = sorted(self.by_path)
        self.taken: set[tuple[int, int]] = set()
        self.busy: set[int] = set()  # sent to a degree course this year
        self.done = set(  # a course that grants a certificate or diploma is not taken twice; the others are
            Enrolment.objects.filter(result=EnrolmentResult.COMPLETED)
            .exclude(programme__grants_scale="")
            .values_list("person_id", "programme_id")
        )

    def _under(self, path: str) -> list[Person]:
        """The unit's people in a random order: not always the same ones to every course."""
        people = [
            p for unit_path in self.paths if unit_path.startswith(path) for p in self.by_path[unit_path]
        ]
        self.rng.shuffle(people)
        return people

    def take(self, path: str, count: int, programme_id: int, start: date) -> list[Person]:
        chosen = []
        for person in self.candidates(path, programme_id, start):
            if len(chosen) == count:
                break
            self.taken.add((person.pk, programme_id))
            chosen.append(person)
        return chosen

    def candidates(self, path: str, programme_id: int, start: date, held: tuple | None = None):
        people = self._under(path)
        if held is not None:
            rank = dict(
                Qualification.objects.filter(
                    person__current_unit__path__startswith=path, scale="PROFESSIONAL"
                )
                .values("person")
                .annotate(top=Max("rank"))
                .values_list("person", "top")
            )
            people = [p for p in people if held[0] <= rank.get(p.pk, 0) <= held[1] and p.pk not in self.busy]
            people = [p for p in people if p.recruited_on and p.recruited_on.year <= start.year - 4]
            people = [p for p in people if (start - p.date_of_birth).days < 40 * 365]
        for person in people:
            if (person.pk, programme_id) not in self.taken and (person.pk, programme_id) not in self.done:
                yield person

    def used(self, person: Person) -> None:
        self.busy.add(person.pk)


def _sizes(total: int, rng) -> list[int]:
    count = max(1, round(total / rng.randint(*SIZE)))
    base, extra = divmod(total, count)
    return [base + (i < extra) for i in range(count)]


def _spread(units: list, total: int) -> list[tuple[str, int]]:
    """`total` over the allocated units in proportion to their targets (largest remainders)."""
    whole = sum(n for _p, n in units)
    if not whole:
        return []
    exact = [(path, total * n / whole) for path, n in units]
    parts = {path: int(x) for path, x in exact}
    for path, _x in sorted(exact, key=lambda e: e[1] - int(e[1]), reverse=True)[
        : total - sum(parts.values())
    ]:
        parts[path] += 1
    return [(path, n) for path, n in parts.items() if n]


def _cut(shares: list[tuple[str, int]], sizes: list[int]):
    """The units' shares cut into classes of `sizes` in order: each class a list of (unit path, count)."""
    queue = [list(s) for s in shares]
    for size in sizes:
        members = []
        while size and queue:
            take = min(size, queue[0][1])
            members.append((queue[0][0], take))
            queue[0][1] -= take
            size -= take
            if not queue[0][1]:
                queue.pop(0)
        yield members
