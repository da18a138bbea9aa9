"""The lived-in side of the demo province's cadre work: emulation (seed 000: 1.908 collectives and 2.086
individuals registered as exemplary models under Chỉ thị 05-CT/TW by 23/06/2021), awards, discipline, citizens'
feedback and the 2025 PAR Index survey. Bulk inserts, no audit rows, a random generator per module seeded from the
demo's seed; counts scale with the demo (N × scale / 25.944).

Who is picked is read from the careers (who worked where on a date) and from the rows written before this phase
(ratings: a discipline decided in 2022–2025 goes to someone rated "không hoàn thành" that year; planning and
appointments: disciplined people are chosen outside them, so the plan's removal proposals and rule 26 do not move).
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q

from canbo.accounts.models import User
from canbo.discipline.models import DisciplineAct, DisciplineCase, DisciplineRecord
from canbo.emulation.models import Award, EmulationMovement, Registration
from canbo.feedback.models import Feedback
from canbo.movements.models import Appointment
from canbo.org.models import OrgUnit
from canbo.people.models import Person, Position
from canbo.planning.models import PlanningEntry
from canbo.surveys.models import Answer, Invitation, Response, Survey

from .. import DEFAULT_SCALE
from ..careers import Career, Row
from ..orgtree import ROOT_CODE
from ..users import DEMO_USERNAMES
from .discipline import build_discipline
from .emulation import MOVEMENT_CODES, build_emulation
from .feedback import build_feedback
from .surveys import build_surveys


@dataclass
class Context:
    seed: int
    scale: int
    tree: object
    careers: list[Career]
    person_ids: list[int]
    users: dict[str, int]
    leaders: set[str]  # position codes of leadership posts
    busy: set[int]  # positions (in careers) in the plan, appointed or streamlined: not disciplined
    official: int | None  # position of the demo official login's person
    _working: dict = field(default_factory=dict)
    _spans: list = field(default_factory=list)

    def scaled(self, n: int) -> int:
        return round(n * self.scale / DEFAULT_SCALE)

    def spans(self) -> list[tuple[int, Row, date, date]]:
        """(position in careers, row, start, end or date.max) of every career row, built once."""
        if not self._spans:
            self._spans = [
                (pos, row, row.start, row.end or date.max)
                for pos, career in enumerate(self.careers)
                for row in career.rows
            ]
        return self._spans

    def working_on(self, day: date) -> list[tuple[int, Row]]:
        """(position in careers, career row) of everyone working on `day`, in career order (cached)."""
        if day not in self._working:
            self._working[day] = [(pos, row) for pos, row, start, end in self.spans() if start <= day <= end]
        return self._working[day]

    def working_throughout(self, lo: date, hi: date) -> list[tuple[int, Row]]:
        """Those working in the same row from `lo` to `hi`."""
        return [(pos, row) for pos, row, start, end in self.spans() if start <= lo and end >= hi]

    def is_leader(self, row: Row) -> bool:
        return (row.position or "") in self.leaders


def _context(*, seed, scale, tree, careers, person_ids) -> Context:
    users = dict(User.objects.filter(username__in=DEMO_USERNAMES).values_list("username", "pk"))
    pos_of = {pid: pos for pos, pid in enumerate(person_ids)}
    busy_ids = set(PlanningEntry.objects.values_list("person_id", flat=True)) | set(
        Appointment.objects.values_list("person_id", flat=True)
    )
    streamlined = {
        pos for pos, c in enumerate(careers) if "Tinh giản" in c.last.note
    }  # streamlining.py's exits
    official = Person.objects.filter(user__username="congchuc").values_list("pk", flat=True).first()
    return Context(
        seed=seed,
        scale=scale,
        tree=tree,
        careers=careers,
        person_ids=person_ids,
        users=users,
        leaders=set(Position.objects.filter(is_leadership=True).values_list("code", flat=True)),
        busy={pos_of[pid] for pid in busy_ids if pid in pos_of} | streamlined,
        official=pos_of.get(official),
    )


def build_cadre_life(*, seed, scale, tree, careers, person_ids) -> dict:
    ctx = _context(seed=seed, scale=scale, tree=tree, careers=careers, person_ids=person_ids)
    discipline = build_discipline(ctx)
    summary = {"discipline_records": discipline["records"], "discipline_cases": discipline["cases"]}
    summary.update(build_emulation(ctx, disciplined=discipline["disciplined"]))
    summary.update(build_feedback(ctx, cases=discipline["from_feedback"]))
    summary.update(build_surveys(ctx))
    return summary


def _raw_delete(qs) -> None:
    qs._raw_delete(qs.db)


def reset_cadre_life() -> None:
    """Delete this phase's rows (they PROTECT the demo's users, persons and units): plain DELETEs, audit off."""
    root = OrgUnit.objects.filter(code=ROOT_CODE).first()
    demo_users = User.objects.filter(username__in=DEMO_USERNAMES)
    surveys = Survey.objects.filter(created_by__in=demo_users)
    _raw_delete(Answer.objects.filter(response__survey__in=surveys))
    _raw_delete(Response.objects.filter(survey__in=surveys))
    _raw_delete(Invitation.objects.filter(survey__in=surveys))
    surveys.delete()  # questions and choices cascade
    # the accounts made for the invited officials (not the demo logins)
    User.objects.filter(person__code__startswith="DB").exclude(username__in=DEMO_USERNAMES).delete()
    if root is None:
        return
    units = OrgUnit.objects.filter(path__startswith=root.path).values("pk")
    _raw_delete(Feedback.objects.filter(Q(unit__in=units) | Q(received_by__in=demo_users)))
    _raw_delete(DisciplineRecord.objects.filter(Q(unit__in=units) | Q(person__code__startswith="DB")))
    cases = DisciplineCase.objects.filter(Q(unit__in=units) | Q(person__code__startswith="DB"))
    _raw_delete(DisciplineAct.objects.filter(case__in=cases))
    _raw_delete(cases)
    _raw_delete(Award.objects.filter(unit__in=units))
    _raw_delete(Registration.objects.filter(unit__in=units))
    movements = EmulationMovement.objects.filter(code__in=MOVEMENT_CODES)
    movements.exclude(Q(registrations__isnull=False) | Q(awards__isnull=False)).delete()
