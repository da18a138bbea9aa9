"""Write the planned training data: new qualifications, plans, classes, lượt, study assignments.

Bulk inserts (canbo.core.bulk.insert_rows: COPY on PostgreSQL, executemany on SQLite); the ids that later rows
point at are read back with one query per table, never inside a row generator.
"""

import contextlib
from datetime import date

from django.db import connection

from canbo.core.bulk import insert_rows
from canbo.people.choices import level_rank
from canbo.people.models import Qualification
from canbo.training.models import (
    Enrolment,
    PlanAllocation,
    PlanLine,
    PlanTransition,
    StudyAssignment,
    TrainingClass,
    TrainingNeed,
    TrainingPlan,
)

from .plans import PlanSpec, audience, needs_of
from .specs import Ctx

TITLE = "Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức tỉnh Điện Biên năm {}"


@contextlib.contextmanager
def indexes_built_after(model):
    """On SQLite, drop the table's indexes for a bulk insert and build them again after it (inside the caller's
    transaction): building an index once is much cheaper than updating eleven B-trees row by row."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s AND sql IS NOT NULL",
            [model._meta.db_table],
        )
        indexes = cursor.fetchall()
        for name, _sql in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            for _name, sql in indexes:
                cursor.execute(sql)


def write_qualifications(ctx: Ctx) -> dict[int, int]:
    """Insert the new awards; return id(award) -> Qualification id for every award a lượt links to."""
    insert_rows(
        Qualification,
        (
            {
                "person_id": ctx.person_ids[a.career.idx - 1],
                "scale": a.scale,
                "level": a.level,
                "rank": level_rank(a.scale, a.level),
                "field": a.field,
                "awarded_on": a.awarded_on,
                "document_number": a.document_number,
                "issuer": a.issuer,
                "note": f"Hoàn thành: {ctx.grant_names[(a.scale, a.level)]}"[:255],  # as the service writes
            }
            for a in ctx.awards.new
        ),
    )
    linked = [s.award for s in ctx.enrolments if s.award is not None and not s.removed]
    scales = sorted({a.scale for a in linked})
    stored = {
        key[1:]: key[0]
        for key in Qualification.objects.filter(
            person__code__startswith="DB", scale__in=scales, awarded_on__gte=date(2015, 1, 1)
        ).values_list("pk", "person_id", "scale", "level", "field", "awarded_on")
    }
    return {
        id(a): stored[(ctx.person_ids[a.career.idx - 1], a.scale, a.level, a.field, a.awarded_on)]
        for a in linked
    }


def write_plans(ctx: Ctx, plans: list[PlanSpec], users: dict[str, int]) -> None:
    root = ctx.units["ROOT"].pk
    objects = [
        TrainingPlan(
            year=p.year,
            owner_unit_id=root,
            title=TITLE.format(p.year),
            status=p.status,
            due_date=date(p.year, 1, 31),
            decision_number=p.decision_number,
            decision_date=p.decision_date,
            issuing_body="Ủy ban nhân dân tỉnh Điện Biên" if p.decision_date else "",
        )
        for p in plans
    ]
    TrainingPlan.objects.bulk_create(objects)
    for plan, obj in zip(plans, objects, strict=True):
        plan.pk = obj.pk
    programmes = ctx.programmes
    lines = [(plan, line) for plan in plans for line in plan.lines]
    insert_rows(
        PlanLine,
        (
            {
                "plan_id": plan.pk,
                "programme_id": programmes[line.programme],
                "mode": line.mode,
                "venue": line.venue,
                "audience": audience(line.programme, line.venue),
                "responsible_unit_id": ctx.units[line.responsible].pk,
                "target_count": line.target,
                "budget": line.budget,
                "note": "",
            }
            for plan, line in lines
        ),
    )
    ids = {
        (plan_id, programme, mode, venue): pk
        for pk, plan_id, programme, mode, venue in PlanLine.objects.filter(
            plan_id__in=[p.pk for p in plans]
        ).values_list("pk", "plan_id", "programme_id", "mode", "venue")
    }
    for plan, line in lines:
        line.pk = ids[(plan.pk, programmes[line.programme], line.mode, line.venue)]
    insert_rows(
        PlanAllocation,
        (
            {"line_id": line.pk, "unit_id": unit, "target_count": target, "budget": budget}
            for _plan, line in lines
            for unit, _level, target, budget in line.allocations
        ),
    )
    insert_rows(
        PlanTransition,
        (
            {
                "plan_id": plan.pk,
                "from_status": a,
                "to_status": b,
                "actor_id": users[who],
                "at": at,
                "comment": c,
            }
            for plan in plans
            for a, b, who, at, c in plan.transitions
        ),
    )
    draft = plans[-1]
    officer = {ctx.units["SNV"].pk: users["sonoivu"]}
    insert_rows(
        TrainingNeed,
        (
            {
                "year": draft.year,
                "unit_id": unit,
                "programme_id": programmes[line.programme],
                "mode": line.mode,
                "count": count,
                "note": "",
                "created_by_id": officer.get(unit, users["bantochuc"]),
                "plan_line_id": line.pk,
            }
            for line, unit, count in needs_of(draft)
        ),
    )


def write_classes(ctx: Ctx) -> dict[int, int]:
    """Insert the classes that have someone; return id(class) -> TrainingClass id."""
    classes = [k for k in ctx.classes if any(not m.removed for m in k.members)]
    insert_rows(
        TrainingClass,
        (
            {
                "code": k.code,
                "name": k.name[:300],
                "programme_id": ctx.programmes[k.programme],
                "plan_line_id": k.line.pk if k.line is not None else None,
                "organiser_unit_id": k.organiser,
                "organiser_name": k.organiser_name[:200],
                "location": k.location[:200],
                "venue": k.venue,
                "mode": k.mode,
                "start_date": k.start,
                "end_date": k.end,
                "capacity": max(k.capacity, len(k.members)),
                "cost_per_trainee": k.cost_per_trainee,
            }
            for k in classes
        ),
    )
    ids = dict(TrainingClass.objects.filter(code__startswith="DB-").values_list("code", "pk"))
    return {id(k): ids[k.code] for k in classes}


def write_enrolments(ctx: Ctx, class_ids: dict, qualification_ids: dict) -> int:
    programmes, person_ids = ctx.programmes, ctx.person_ids
    rows = (
        {
            "person_id": person_ids[s.pos],
            "training_class_id": class_ids[id(s.klass)] if s.klass is not None else None,
            "programme_id": programmes[s.programme],
            "plan_line_id": s.line.pk if s.line is not None else None,
            "unit_id": s.unit,
            "mode": s.mode,
            "venue": s.venue,
            "start_date": s.start,
            "end_date": s.end,
            "result": s.result,
            "result_date": s.result_date,
            "attendance_pct": s.attendance,
            "certificate_number": s.certificate_number,
            "certificate_date": s.certificate_date,
            "cost": s.cost,
            "qualification_id": qualification_ids[id(s.award)] if s.award is not None else None,
        }
        for s in ctx.enrolments
        if not s.removed
    )
    with indexes_built_after(Enrolment):
        return insert_rows(Enrolment, rows)


def write_studies(ctx: Ctx, users: dict[str, int]) -> int:
    studies = [st for st in ctx.studies if not st.enrolment.removed]
    sent = {
        (person, programme, start): pk
        for pk, person, programme, start in Enrolment.objects.filter(
            training_class__isnull=True, unit__path__startswith=ctx.units["ROOT"].path
        ).values_list("pk", "person_id", "programme_id", "start_date")
    }
    programmes, person_ids = ctx.programmes, ctx.person_ids
    return insert_rows(
        StudyAssignment,
        (
            {
                "person_id": person_ids[e.pos],
                "unit_id": e.unit,
                "programme_id": programmes[e.programme],
                "plan_line_id": e.line.pk if e.line is not None else None,
                "institution": st.institution[:200],
                "field_of_study": st.field_of_study[:200],
                "mode": e.mode,
                "venue": e.venue,
                "start_date": e.start,
                "expected_end": st.expected_end,
                "funding": st.funding,
                "cost": e.cost,
                "status": st.status,
                "rule_id": st.rule,
                "commitment_months": st.commitment_months,
                "decision_number": st.decision_number,
                "decision_date": st.decision_date,
                "end_date": st.end_date,
                "commitment_end": st.commitment_end,
                "refund_amount": 0,
                "note": "",
                "enrolment_id": sent[(person_ids[e.pos], programmes[e.programme], e.start)],
                "proposed_by_id": users[st.proposer],
            }
            for st in studies
            for e in (st.enrolment,)
        ),
    )
