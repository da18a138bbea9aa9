"""Who lacks a qualification among the people sitting in, or planned for, the posts of a planning tier
(seed 001: without advanced political theory, 31 provincial leaders, 20 district leaders, 842 planned
department heads and equivalent).

Definitions, as of a date D, for the terms T (the one chosen, else every term not ended on D):
- sitting in a post of tier X: the person's employment active on D has the position of a PlannedPost of T
  with tier X, in that post's unit (the plan's posts say which titles in which units belong to the tier);
- planned for a post of tier X: an entry for a PlannedPost of T with tier X, approved on or before D and not
  removed by D;
- lacking (scale S, level L): no Qualification of scale S with rank ≥ rank(L) awarded on or before D
  (CU_NHAN has the rank of CAO_CAP, so a bachelor of politics does not lack advanced political theory).
A person is counted once in a tier (sitting and planned count once) and once in the total, though one person
may count in two tiers. Scope: the post's unit (the user's units, narrowed to `org`).

Set-based: the (person, tier) pairs of the sitting and of the planned are two ORM querysets (scoping stays
in Q objects); the counts are one SQL statement over their UNION, and the list reads the pairs once (gap_flags).
"""

from datetime import date

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import BooleanField, Case, CharField, Exists, F, OuterRef, Q, Subquery, Value, When

from canbo.org.models import OrgUnit
from canbo.people.models import Employment, Person, Qualification

from .choices import EntryStatus, PlanningTier
from .models import PlannedPost, PlanningEntry, PlanningTerm
from .selectors import scope_condition

TIERS = [t.value for t in PlanningTier]


def gap_terms(on: date, term: PlanningTerm | None = None) -> list[PlanningTerm]:
    if term is not None:
        return [term]
    return list(PlanningTerm.objects.filter(end_date__gte=on))


def _lacking(scale: str, rank: int, on: date, person: str) -> Q:
    held = Qualification.objects.filter(
        person=OuterRef(person), scale=scale, rank__gte=rank, awarded_on__lte=on
    )
    return ~Exists(held)


def _posts(user, org, terms, tiers):
    return PlannedPost.objects.filter(
        scope_condition(user=user, org=org, field="unit__path"), term__in=terms, tier__in=tiers
    )


def _planned(user, org, terms, tiers, on):
    return PlanningEntry.objects.filter(
        scope_condition(user=user, org=org),
        post__term__in=terms,
        post__tier__in=tiers,
        status__in=[EntryStatus.APPROVED, EntryStatus.REMOVED],
        approved_on__lte=on,
    ).exclude(removed_on__lte=on)


def gap_pairs(*, user, on: date, terms, scale: str, rank: int, org=None, tiers=TIERS):
    """(sitting, planned): value querysets of (p = person, t = tier) for the people lacking (scale, rank)."""
    posts = _posts(user, org, terms, tiers)
    tier_of_post = (
        posts.filter(unit=OuterRef("unit"), position=OuterRef("position")).order_by().values("tier")[:1]
    )
    # EXISTS, not a filter on the tier's scalar subquery: PostgreSQL turns it into a semi-join from the few
    # planned posts to the employment rows of their units, and looks the tier up only for the rows kept (the
    # filter on the subquery's value cost one lookup per active employment row: seconds at 100.000 persons).
    in_a_post = Exists(posts.filter(unit=OuterRef("unit"), position=OuterRef("position")))
    sitting = (
        Employment.objects.active_on(on)
        .filter(in_a_post)
        .filter(_lacking(scale, rank, on, "person"))
        .annotate(t=Subquery(tier_of_post, output_field=CharField()))
        .values(p=F("person"), t=F("t"))
    )
    planned = (
        _planned(user, org, terms, tiers, on)
        .filter(_lacking(scale, rank, on, "person"))
        .values(p=F("person"), t=F("post__tier"))
    )
    return sitting, planned


def gap_counts(*, user, on: date, terms, scale: str, rank: int, org: OrgUnit | None = None) -> dict:
    """{tier: persons, ..., "total": distinct persons}: one query."""
    counts = {**dict.fromkeys(TIERS, 0), "total": 0}
    if not terms:
        return counts
    sitting, planned = gap_pairs(user=user, on=on, terms=terms, scale=scale, rank=rank, org=org)
    parts, params = [], []
    for qs in (sitting, planned):
        try:
            sql, part_params = qs.order_by().query.sql_with_params()
        except EmptyResultSet:  # a user who sees no unit
            continue
        parts.append(f"SELECT p, t FROM ({sql}) s")  # noqa: S608
        params.extend(part_params)
    if not parts:
        return counts
    sql = (
        f"WITH u AS ({' UNION '.join(parts)}) "  # noqa: S608
        "SELECT t, COUNT(DISTINCT p) FROM u GROUP BY t UNION ALL SELECT NULL, COUNT(DISTINCT p) FROM u"
    )
    with connections[Person.objects.db].cursor() as cursor:
        cursor.execute(sql, params)
        for tier, n in cursor.fetchall():
            counts["total" if tier is None else tier] = n
    return counts


def gap_flags(
    *, user, on: date, terms, scale: str, rank: int, org: OrgUnit | None = None, tiers=TIERS
) -> dict[int, set[str]]:
    """person id → the flags s_<tier> (sitting) and p_<tier> (planned) they have: one query, the union of the
    sitting and the planned pairs (a few thousand small rows at 100.000 persons)."""
    if not terms:
        return {}
    sitting, planned = gap_pairs(user=user, on=on, terms=terms, scale=scale, rank=rank, org=org, tiers=tiers)
    both = (
        sitting.order_by()
        .values("p", "t", k=Value("s"))
        .union(planned.order_by().values("p", "t", k=Value("p")), all=True)
    )
    flags: dict[int, set[str]] = {}
    try:
        pairs = list(both.values_list("p", "t", "k"))
    except EmptyResultSet:  # a user who sees no unit
        return flags
    for person, tier, kind in pairs:
        if tier in tiers:
            flags.setdefault(person, set()).add(f"{kind}_{tier}")
    return flags


def gap_persons(
    *,
    user,
    on: date,
    terms: list[PlanningTerm],
    scale: str,
    rank: int,
    org: OrgUnit | None = None,
    tier: str | None = None,
):
    """The persons behind the counts (of one tier, or of all), with flags s_<tier> (sitting) and p_<tier>
    (planned) and their highest level on the scale as of D (`held_level`) — for the list and its export.

    The pairs are read once (gap_flags); the persons are then a plain primary-key filter, so the page and its
    count cost an index lookup, not the pairs' subqueries again for the filter and for each flag."""
    tiers = [tier] if tier else TIERS
    found = gap_flags(user=user, on=on, terms=terms, scale=scale, rank=rank, org=org, tiers=tiers)
    persons = Person.objects.filter(pk__in=sorted(found))
    flags = {}
    for t in tiers:
        for kind in ("s", "p"):
            name = f"{kind}_{t}"
            ids = sorted(pk for pk, held in found.items() if name in held)
            flags[name] = (
                Case(When(pk__in=ids, then=Value(True)), default=Value(False), output_field=BooleanField())
                if ids
                else Value(False, output_field=BooleanField())
            )
    best = (
        Qualification.objects.filter(person=OuterRef("pk"), scale=scale, awarded_on__lte=on)
        .order_by("-rank", "-awarded_on")
        .values("level")[:1]
    )
    return persons.annotate(**flags, held_level=Subquery(best))
