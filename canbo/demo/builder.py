"""Write the demo province in one transaction with bulk inserts, and report its 31/12/2019 figures."""

import contextlib
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from auditlog.context import disable_auditlog
from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, Q
from django.utils import timezone

from canbo.accounts.models import RoleAssignment, User
from canbo.core.bulk import insert_rows
from canbo.org.models import OrgEvent, OrgUnit
from canbo.people.choices import level_rank
from canbo.people.models import ChangeRequest, Employment, Person, Position, Qualification, Rank

from . import DEFAULT_SCALE, DEFAULT_SEED, names
from .cadre_work import (
    build_admissions,
    build_cadre_life,
    build_cases,
    build_quotas,
    plan_exits,
    reset_admissions,
    reset_cadre_life,
    reset_cases,
    reset_quotas,
    retire_early,
)
from .dates import D2015, D2019
from .finishing import build_campaigns, reset_campaigns, run_reminders
from .levels import SEED_CHANGES
from .movements import build_movements, reset_movements
from .orgtree import ROOT_CODE, build_tree, record_events
from .persons import make_person
from .planning import build_planning, reset_planning
from .qualifications import plan_awards
from .ratings import build_ratings
from .reform import plan_careers
from .salary import build_salary, reset_salary
from .training import build_training, reset_training
from .users import DEMO_USERNAMES, create_demo_users


class DemoExists(Exception):
    pass


@dataclass
class Summary:
    units: int = 0
    events: int = 0
    persons: int = 0
    employments: int = 0
    qualifications: int = 0
    seconds: float = 0.0
    headcount_2019: dict = field(default_factory=dict)
    changes: list = field(default_factory=list)
    timings: dict = field(default_factory=dict)
    training: dict = field(default_factory=dict)
    ratings: int = 0
    planning: dict = field(default_factory=dict)
    movements: dict = field(default_factory=dict)
    staffing_party: dict = field(default_factory=dict)
    cadre_life: dict = field(default_factory=dict)
    salary: dict = field(default_factory=dict)
    finishing: dict = field(default_factory=dict)
    progress: Callable[[str], None] | None = None  # told each step as it starts: "[3/16] 13 % hồ sơ cán bộ…"
    steps: int = 0

    @contextlib.contextmanager
    def timed(self, phase: str):
        if self.progress is not None and phase not in self.timings:
            step = len(self.timings) + 1
            steps = self.steps or len(PHASE_LABELS)
            percent = round(100 * len(self.timings) / steps)
            self.progress(f"[{step}/{steps}] {percent} % {PHASE_LABELS.get(phase, phase)}…")
        started = time.perf_counter()
        yield
        self.timings[phase] = self.timings.get(phase, 0.0) + time.perf_counter() - started


# The steps of build_demo in their order, as `load_demo` names them while it works.
PHASE_LABELS = {
    "reset": "xóa dữ liệu mẫu cũ",
    "units": "cây tổ chức",
    "plan": "quá trình công tác (lập kế hoạch)",
    "persons": "hồ sơ cán bộ",
    "streamlining+party": "tinh giản biên chế, đảng viên",
    "employments": "quá trình công tác",
    "qualifications": "văn bằng, chứng chỉ",
    "users": "tài khoản mẫu",
    "training": "đào tạo, bồi dưỡng",
    "ratings": "kết quả xếp loại",
    "planning": "quy hoạch",
    "movements": "bổ nhiệm, luân chuyển, điều động",
    "cadre_life": "thi đua, kỷ luật, phản ánh, khảo sát",
    "salary": "quá trình lương",
    "campaigns": "đợt đánh giá, xếp loại",
    "reminders": "thông báo nhắc việc",
    "summary": "số liệu tổng hợp",
}


@contextlib.contextmanager
def bulk_load_mode():
    """No per-query logging (DEBUG=True in local settings) and, on SQLite, a page cache big enough for the
    whole load, while hundreds of thousands of rows go in."""
    debug = settings.DEBUG
    settings.DEBUG = False
    sqlite = connection.vendor == "sqlite"
    if sqlite:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size")
            cache_size = cursor.fetchone()[0]
            cursor.execute("PRAGMA cache_size = -262144")  # 256 MB
    try:
        yield
    finally:
        settings.DEBUG = debug
        if sqlite:
            with connection.cursor() as cursor:
                cursor.execute(f"PRAGMA cache_size = {int(cache_size)}")


def demo_exists() -> bool:
    return OrgUnit.objects.filter(code=ROOT_CODE).exists()


def reset_demo() -> None:
    """Delete the demo province: its units, everyone who worked there, its events and the demo users."""
    with transaction.atomic(), disable_auditlog():
        reset_campaigns()  # PROTECT: the campaign's officer and unit
        reset_training()  # training rows point at the demo's units, persons and users
        reset_movements()  # so do appointments, movements and the plan (PROTECT: before the users go)
        reset_planning()
        _reset_staffing_party()  # cases, quotas, admissions (PROTECT: users, persons, units)
        reset_cadre_life()  # emulation, discipline, feedback, surveys (PROTECT users, persons, units)
        demo_users = User.objects.filter(username__in=DEMO_USERNAMES)
        # assignments the demo logins requested, decided or revoked (PROTECT: the trail names its people)
        RoleAssignment.objects.filter(
            Q(requested_by__in=demo_users) | Q(decided_by__in=demo_users) | Q(revoked_by__in=demo_users)
        ).delete()
        demo_users.delete()
        root = OrgUnit.objects.filter(code=ROOT_CODE).first()
        if root is None:
            return
        units = OrgUnit.objects.filter(path__startswith=root.path)
        people = Person.objects.filter(
            Q(current_unit__path__startswith=root.path) | Q(employments__unit__path__startswith=root.path)
        )
        person_ids = list(people.values_list("pk", flat=True).distinct())
        bulky = (Qualification, Employment, ChangeRequest)
        others = [
            rel
            for rel in Person._meta.related_objects
            if rel.related_model not in bulky and not rel.many_to_many
        ]
        for start in range(0, len(person_ids), 5000):
            chunk = person_ids[start : start + 5000]
            reset_salary(chunk)  # plain DELETEs: the salary history is as big as the careers
            for rel in others:  # rows of other apps that point at a person: the ORM applies their on_delete
                rel.related_model._base_manager.filter(**{f"{rel.field.name}__in": chunk}).delete()
            # Plain DELETEs for the big tables: no per-row signals (audit is off anyway).
            for model in (*bulky, Person):
                qs = model._base_manager.filter(
                    **({"pk__in": chunk} if model is Person else {"person_id__in": chunk})
                )
                qs._raw_delete(qs.db)
        RoleAssignment.objects.filter(unit__in=units).delete()
        OrgEvent.objects.filter(Q(predecessors__in=units) | Q(successors__in=units)).distinct().delete()
        for depth in sorted(set(units.values_list("depth", flat=True)), reverse=True):
            units.filter(depth=depth).delete()


def build_demo(
    *,
    scale: int = DEFAULT_SCALE,
    seed: int = DEFAULT_SEED,
    reset: bool = False,
    progress: Callable[[str], None] | None = None,
) -> Summary:
    started = time.perf_counter()
    summary = Summary(progress=progress, steps=len(PHASE_LABELS) - (0 if reset else 1))
    with bulk_load_mode(), transaction.atomic(), disable_auditlog():
        if reset:
            with summary.timed("reset"):
                reset_demo()
        elif demo_exists():
            raise DemoExists("Dữ liệu tỉnh mẫu đã có; dùng --reset để tạo lại.")
        with summary.timed("units"):
            tree = build_tree()
            summary.units, summary.events = len(tree.units), record_events(tree)
        rng = random.Random(f"canbo-demo-{seed}")
        with summary.timed("plan"):
            careers = plan_careers(rng, tree, scale)
            ethnicity = {
                id(c): names.pick_ethnicity(rng, (c.row_on(D2019) or c.rows[0]).slot.level) for c in careers
            }
            awards = plan_awards(rng, careers, {k: names.ethnicity_code(v) for k, v in ethnicity.items()})
        with summary.timed("persons"):
            person_ids = _insert_persons(rng, tree, careers, ethnicity, awards)
        with summary.timed("streamlining+party"):  # ends some careers: after the main rng's last use
            exits = plan_exits(seed=seed, scale=scale, careers=careers)
        with summary.timed("employments"):
            summary.employments = _insert_employments(person_ids, careers)
        with summary.timed("qualifications"):
            summary.qualifications = _insert_qualifications(person_ids, careers, awards)
        with summary.timed("users"):
            create_demo_users()
        with summary.timed("training"):
            summary.training = build_training(
                seed=seed, scale=scale, tree=tree, careers=careers, person_ids=person_ids, awards=awards
            )
        with summary.timed("ratings"):
            summary.ratings = build_ratings(seed, careers, person_ids, summary.training.pop("good_years"))
        with summary.timed("planning"):
            summary.planning = build_planning(
                seed=seed, scale=scale, tree=tree, careers=careers, person_ids=person_ids, awards=awards
            )
        with summary.timed("movements"):
            summary.movements = build_movements(seed=seed, careers=careers, person_ids=person_ids)
        with summary.timed("streamlining+party"):  # early retirements: people the phases above did not use
            summary.staffing_party = _build_staffing_party(
                seed, scale, tree, careers, awards, person_ids, exits
            )
        with summary.timed("cadre_life"):
            summary.cadre_life = build_cadre_life(
                seed=seed, scale=scale, tree=tree, careers=careers, person_ids=person_ids
            )
        with summary.timed("salary"):  # after the discipline decisions, which push some raises back
            summary.salary = build_salary(seed=seed, person_ids=person_ids)
        today = timezone.localdate()
        with summary.timed("campaigns"):  # through the apps' services, as an officer would
            summary.finishing = build_campaigns(today=today)
        with summary.timed("reminders"):  # as the worker does each morning
            summary.finishing.update(run_reminders(today=today))
        summary.persons = len(person_ids)
        with summary.timed("summary"):
            summary.headcount_2019 = headcount_by_level(D2019)
            summary.changes = [(s, lv, share_change(s, lv, D2015, D2019)) for s, lv, _pp in SEED_CHANGES]
    summary.seconds = time.perf_counter() - started
    return summary


def _reset_staffing_party() -> None:
    root = OrgUnit.objects.filter(code=ROOT_CODE).first()
    if root is not None:
        units = OrgUnit.objects.filter(path__startswith=root.path).values("pk")
        reset_cases(units), reset_quotas(units), reset_admissions(units)


def _build_staffing_party(seed, scale, tree, careers, awards, person_ids, exits) -> dict:
    exits = retire_early(
        seed=seed, scale=scale, careers=careers, awards=awards, person_ids=person_ids, exits=exits
    )
    users = dict(User.objects.filter(username__in=DEMO_USERNAMES).values_list("username", "pk"))
    cases = build_cases(seed=seed, careers=careers, person_ids=person_ids, exits=exits, users=users)
    quotas = build_quotas(seed=seed, tree=tree, careers=careers)
    party = build_admissions(
        seed=seed, scale=scale, tree=tree, careers=careers, person_ids=person_ids, users=users
    )
    return {**cases, "quotas": quotas, **party}


def _insert_persons(rng, tree, careers, ethnicity, awards) -> list[int]:
    """Insert the Person rows; return their ids in the order of `careers`."""
    awards_of = {}
    for award in awards:
        awards_of.setdefault(id(award.career), []).append(award)
    ranks = dict(Rank.objects.values_list("code", "pk"))
    positions = dict(Position.objects.values_list("code", "pk"))
    used_ids = set(Person.objects.values_list("national_id", flat=True))
    codes = []

    def rows():
        for c in careers:
            row = make_person(
                rng, tree, c, ethnicity[id(c)], awards_of.get(id(c), []), used_ids, ranks, positions
            )
            codes.append(row["code"])
            yield row

    insert_rows(Person, rows())
    ids = dict(Person.objects.filter(code__startswith="DB").values_list("code", "pk"))
    return [ids[code] for code in codes]


def _insert_employments(person_ids, careers) -> int:
    positions = dict(Position.objects.values_list("code", "pk"))
    return insert_rows(
        Employment,
        (
            {
                "person_id": pid,
                "unit_id": row.slot.unit.pk,
                "position_id": positions.get(row.position),
                "category": row.category,
                "start_date": row.start,
                "end_date": row.end,
                "move": row.move,
                "decision_number": "",
                "note": row.note[:255],
            }
            for pid, c in zip(person_ids, careers, strict=True)
            for row in c.rows
        ),
    )


def _insert_qualifications(person_ids, careers, awards) -> int:
    person_of = {id(c): pid for pid, c in zip(person_ids, careers, strict=True)}
    return insert_rows(
        Qualification,
        (
            {
                "person_id": person_of[id(a.career)],
                "scale": a.scale,
                "level": a.level,
                "rank": a.rank,
                "field": a.field,
                "awarded_on": a.awarded_on,
                "document_number": a.document_number,
                "issuer": a.issuer,
                "note": "",
            }
            for a in awards
        ),
    )


def headcount_by_level(on) -> dict[str, int]:
    """Distinct persons with an employment row active on `on`, by the row's unit level (the report's rule)."""
    rows = (
        Employment.objects.active_on(on)
        .values("unit__level")
        .annotate(n=Count("person", distinct=True))
        .order_by("unit__level")
    )
    return {r["unit__level"]: r["n"] for r in rows}


def share(scale: str, level: str, on) -> float:
    employed = Employment.objects.active_on(on).values("person")
    total = Person.objects.filter(pk__in=employed).count()
    holders = Person.objects.filter(
        pk__in=employed,
        qualifications__scale=scale,
        qualifications__rank__gte=level_rank(scale, level),
        qualifications__awarded_on__lte=on,
    ).distinct()
    return 100 * holders.count() / total if total else 0.0


def share_change(scale: str, level: str, start, end) -> float:
    return share(scale, level, end) - share(scale, level, start)


__all__ = ["build_demo", "reset_demo", "demo_exists", "DemoExists", "Summary"]
