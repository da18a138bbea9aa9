"""Anonymous aggregation of a survey's responses per unit, with k-anonymity.

Groups: every unit starts with its own responses and invitations (Response.unit: the respondent's unit when
answering; Invitation.unit: when invited). Deepest units first, a unit with fewer than MIN_GROUP (5) responses
is merged into its parent, until each group has at least 5 or is a root of the reader's scope (its parent is
outside what they read, or it is the top of the tree). Groups are disjoint and the same for every reader
except at the roots. Response rate = responses ÷ invitations of the group.

What is shown: response counts and rates for every group; the answers' distribution for the whole scope only
when it holds at least 5 responses; per group only when every group holds at least 5 (otherwise the whole
minus the shown groups would give away a small one). Free texts are not shown here (a text can name its
author): canbo.surveys.texts shows them to the survey's owner and the board, per group of at least 5 only.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q

from canbo.accounts.scoping import reads_all_units, unit_paths, unit_visibility_q
from canbo.core.numbers import fmt_decimal, round1, share
from canbo.org.models import OrgUnit

from .choices import CHOICE_KINDS, MIN_GROUP, SCALE_MAX, SCALE_MIN, QuestionKind
from .models import Answer, Invitation, Response, Survey


@dataclass
class Group:
    unit: OrgUnit
    invited: int = 0
    responses: int = 0
    members: list = field(default_factory=list)  # the units folded in (the unit itself first)
    root: bool = False

    @property
    def rate(self):
        return share(self.responses, self.invited)

    @property
    def rate_text(self) -> str:
        return fmt_decimal(self.rate)

    @property
    def merged(self) -> list:
        return self.members[1:]

    @property
    def shown(self) -> bool:
        return self.responses >= MIN_GROUP


def _scope(user, within):
    condition = Q()
    if user is not None:
        visible = unit_visibility_q(user, "unit__path")
        if visible is not None:
            condition &= visible
    if within is not None:
        condition &= Q(unit__path__startswith=within.path)
    return condition


def _in_scope(path: str, user, within) -> bool:
    if within is not None and not path.startswith(within.path):
        return False
    if user is None or reads_all_units(user):
        return True
    return any(path.startswith(p) for p in unit_paths(user))


def _groups(units: dict, invited: dict, responses: dict, user, within) -> tuple[list[Group], dict]:
    acc = {
        uid: Group(unit=u, invited=invited.get(uid, 0), responses=responses.get(uid, 0), members=[u])
        for uid, u in units.items()
    }
    owner = {uid: uid for uid in units}
    for uid in sorted(units, key=lambda i: -len(units[i].path)):
        unit, group = units[uid], acc[uid]
        parent = units.get(unit.parent_id)
        if parent is None or not _in_scope(parent.path, user, within):
            group.root = True
            continue
        if group.responses < MIN_GROUP:
            target = acc[parent.pk]
            target.invited += group.invited
            target.responses += group.responses
            target.members += group.members
            for member in group.members:
                owner[member.pk] = parent.pk
            group.members = []
    groups = [g for g in acc.values() if g.members and (g.invited or g.responses)]
    groups.sort(key=lambda g: g.unit.path)
    return groups, owner


def _option(label: str, count: int, respondents: int) -> dict:
    part = share(count, respondents)
    return {"label": label, "count": count, "share": part, "share_text": fmt_decimal(part)}


def _distribution(questions, counts: dict, respondents: dict) -> list[dict]:
    """counts[(question_id, choice_id or score)] = n; respondents[question_id] = responses answering it."""
    out = []
    for q in questions:
        n = respondents.get(q.pk, 0)
        if q.kind in CHOICE_KINDS:
            options = [(c.text, counts.get((q.pk, c.pk), 0)) for c in q.choices.all()]
        elif q.kind == QuestionKind.SCALE:
            options = [(str(s), counts.get((q.pk, s), 0)) for s in range(SCALE_MIN, SCALE_MAX + 1)]
        else:
            options = []
        item = {
            "question": q,
            "respondents": n,
            "options": [_option(t, c, n) for t, c in options],
            "mean": None,
        }
        if q.kind == QuestionKind.SCALE and n:
            item["mean"] = round1(sum(int(o[0]) * o[1] for o in options) / n)
        out.append(item)
    return out


@dataclass
class Grouping:
    """The display groups of a survey's responses for one reader, and what the counts came from."""

    groups: list[Group]
    owner: dict  # unit id → id of the group's unit it is counted in
    answered: object  # the scoped Response queryset
    invited: dict  # unit id → invitations
    responses: dict  # unit id → responses


def survey_grouping(*, user, survey: Survey, within: OrgUnit | None = None) -> Grouping:
    """Units of the reader's scope (and `within`) merged upwards until each group has MIN_GROUP responses."""
    scope = _scope(user, within)
    invited = dict(
        Invitation.objects.filter(scope, survey=survey)
        .values("unit_id")
        .annotate(n=Count("id"))
        .values_list("unit_id", "n")
    )
    answered = Response.objects.filter(scope, survey=survey)
    responses = dict(answered.values("unit_id").annotate(n=Count("id")).values_list("unit_id", "n"))
    ids = set()
    for uid_path in OrgUnit.objects.filter(pk__in=set(invited) | set(responses)).values_list(
        "path", flat=True
    ):
        ids.update(int(part) for part in uid_path.split(".") if part)
    units = {
        u.pk: u for u in OrgUnit.objects.filter(pk__in=ids).only("id", "name", "code", "path", "parent_id")
    }
    units = {uid: u for uid, u in units.items() if _in_scope(u.path, user, within)}
    groups, owner = _groups(units, invited, responses, user, within)
    return Grouping(groups=groups, owner=owner, answered=answered, invited=invited, responses=responses)


def survey_results(*, user, survey: Survey, within: OrgUnit | None = None) -> dict:
    """Response rates per display group and the answers' distribution (see the module's rules)."""
    grouping = survey_grouping(user=user, survey=survey, within=within)
    groups, owner, answered = grouping.groups, grouping.owner, grouping.answered
    invited, responses = grouping.invited, grouping.responses
    total_invited, total_responses = sum(invited.values()), sum(responses.values())

    questions = list(survey.questions.prefetch_related("choices").order_by("order"))
    rows = (
        Answer.objects.filter(response__in=answered.values("pk"))
        .values("response__unit_id", "question_id", "choice_id", "scale")
        .annotate(n=Count("id"))
        .order_by()
    )
    overall_counts, overall_resp, per_group = {}, {}, {}
    for row in rows:
        g = owner.get(row["response__unit_id"])
        key = (row["question_id"], row["choice_id"] or row["scale"])
        counts, resp = per_group.setdefault(g, ({}, {}))
        for target in (overall_counts, counts):
            target[key] = target.get(key, 0) + row["n"]
        if row["choice_id"] is None:  # one row per response for a score or a text
            for target in (overall_resp, resp):
                target[row["question_id"]] = target.get(row["question_id"], 0) + row["n"]
    # Choice questions: responses answering = distinct responses (a multiple choice may tick several).
    ticked = (
        Answer.objects.filter(response__in=answered.values("pk"), choice__isnull=False)
        .values("response__unit_id", "question_id")
        .annotate(r=Count("response", distinct=True))
        .order_by()
    )
    for row in ticked:
        g = owner.get(row["response__unit_id"])
        resp = per_group.setdefault(g, ({}, {}))[1]
        for target in (overall_resp, resp):
            target[row["question_id"]] = target.get(row["question_id"], 0) + row["r"]

    suppressed = [g for g in groups if not g.shown]
    per_group_allowed = not suppressed and len(groups) > 1
    return {
        "min_group": MIN_GROUP,
        "invited": total_invited,
        "responses": total_responses,
        "rate": share(total_responses, total_invited),
        "rate_text": fmt_decimal(share(total_responses, total_invited)),
        "groups": groups,
        "distribution": (
            _distribution(questions, overall_counts, overall_resp) if total_responses >= MIN_GROUP else None
        ),
        "per_group_allowed": per_group_allowed,
        "group_distributions": (
            {g.unit.pk: _distribution(questions, *per_group.get(g.unit.pk, ({}, {}))) for g in groups}
            if per_group_allowed
            else {}
        ),
    }
