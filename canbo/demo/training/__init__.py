"""Training and fostering of the demo province, 2015–2025, so that seed 001's figures come out exactly.

`build_training` runs after the persons, careers, qualifications and demo users are written: it plans degree
courses (degrees.py), political theory (political.py) and fostering (fostering.py) in memory, derives the annual
plans from what was done (plans.py), and writes it all with bulk inserts (writer.py). Completed lượt of
programmes that grant a qualification link to the person's qualification: one the demo had already planned, or
a new one awarded after 31/12/2019, so the 31/12/2015 and 31/12/2019 shares (seed 001) stay as they were.
`reset_training` deletes it again before the demo's units, persons and users go.
"""

import random
import time

from canbo.accounts.models import AssignmentStatus, Role, RoleAssignment, User
from canbo.evaluation.models import AnnualRating
from canbo.org.models import OrgUnit
from canbo.training.models import (
    Enrolment,
    EnrolmentBatch,
    PlanAllocation,
    PlanLine,
    PlanTransition,
    Programme,
    SponsorshipRule,
    StudyAssignment,
    TrainingClass,
    TrainingNeed,
    TrainingPlan,
)

from ..orgtree import ROOT_CODE
from ..users import DEMO_USERNAMES
from . import writer
from .degrees import plan_degrees
from .fostering import plan_fostering
from .plans import plan_plans
from .political import plan_political
from .specs import Ctx, in_window


def build_training(*, seed: int, scale: int, tree, careers, person_ids, awards) -> dict:
    """Plan and write the demo's training data; return counts for the load summary."""
    rng = random.Random(f"canbo-demo-training-{seed}")
    units = {slot.suffix: slot.unit for slot in tree.province} | {"ROOT": tree.root}
    ctx = Ctx(rng, tree, careers, person_ids, awards, scale, units)
    catalogue = list(Programme.objects.values_list("code", "pk", "name", "grants_scale", "grants_level"))
    ctx.programmes = {code: pk for code, pk, *_rest in catalogue}
    ctx.grant_names = {(scale, level): name for _c, _p, name, scale, level in reversed(catalogue) if scale}
    ctx.rules = list(
        SponsorshipRule.objects.order_by("valid_from").values_list(
            "pk", "valid_from", "valid_to", "commitment_multiplier"
        )
    )
    users = dict(User.objects.filter(username__in=DEMO_USERNAMES).values_list("username", "pk"))
    standing = RoleAssignment.objects.filter(
        role=Role.STANDING_COMMITTEE, status=AssignmentStatus.ACTIVE, user__username__in=users
    )
    ctx.standing = standing.values_list("user__username", flat=True).first() or "bantochuc"
    ctx.proposers = {units["SNV"].pk: "sonoivu"}
    for district in tree.districts:
        if district.area.code == "DB-H099":
            ctx.proposers.update({s.unit.pk: "huyentuangiao" for s in district.slots + district.communes})
    timings, started = {}, time.process_time()

    def lap(name):
        nonlocal started
        now = time.process_time()
        timings[name], started = round(now - started, 2), now

    lap("setup")
    plan_degrees(ctx)
    lap("degrees")
    plan_political(ctx)
    lap("political")
    plan_fostering(ctx)
    lap("fostering")
    plans = plan_plans(ctx)
    lap("plans")
    qualification_ids = writer.write_qualifications(ctx)
    lap("write qualifications")
    writer.write_plans(ctx, plans, users)
    lap("write plans")
    class_ids = writer.write_classes(ctx)
    lap("write classes")
    enrolments = writer.write_enrolments(ctx, class_ids, qualification_ids)
    lap("write enrolments")
    studies = writer.write_studies(ctx, users)
    lap("write studies")
    window = [s for s in ctx.enrolments if not s.removed and in_window(s.start)]
    return {
        "enrolments": enrolments,
        "classes": len(class_ids),
        "studies": studies,
        "plans": len(plans),
        "new_qualifications": len(ctx.awards.new),
        "window_enrolments": len(window),
        "good_years": ctx.good_years,
        "timings": timings,
    }


def reset_training() -> None:
    """Delete the demo's training rows and ratings (plain DELETEs: no per-row signals, audit is off)."""
    root = OrgUnit.objects.filter(code=ROOT_CODE).first()
    if root is None:
        return
    units = OrgUnit.objects.filter(path__startswith=root.path).values("pk")
    plans = TrainingPlan.objects.filter(owner_unit__in=units).values("pk")
    lines = PlanLine.objects.filter(plan__in=plans).values("pk")
    classes = TrainingClass.objects.filter(organiser_unit__in=units).values("pk")
    enrolments = Enrolment.objects.filter(unit__in=units).values("pk")
    for qs in (
        StudyAssignment.objects.filter(unit__in=units),
        StudyAssignment.objects.filter(enrolment__in=enrolments),
        EnrolmentBatch.objects.filter(training_class__in=classes),
        Enrolment.objects.filter(unit__in=units),
        Enrolment.objects.filter(training_class__in=classes),
        TrainingClass.objects.filter(organiser_unit__in=units),
        TrainingNeed.objects.filter(unit__in=units),
        PlanAllocation.objects.filter(line__in=lines),
        PlanTransition.objects.filter(plan__in=plans),
        TrainingNeed.objects.filter(plan_line__in=lines),
        PlanLine.objects.filter(plan__in=plans),
        TrainingPlan.objects.filter(owner_unit__in=units),
        AnnualRating.objects.filter(unit__in=units),
    ):
        qs._raw_delete(qs.db)
