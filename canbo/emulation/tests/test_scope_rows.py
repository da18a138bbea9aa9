"""The emulation lists' scope (decision 043: person ids and unit ids in subqueries) returns exactly the rows of
the rule written over the joins (managed_person_q | a collective's unit in force), for every kind of user,
with a person moved between units and a role on a unit that has ended."""

import datetime

import pytest
from django.db.models import Q
from django.utils import timezone

from canbo.accounts.models import Role
from canbo.accounts.scoping import in_force_unit_q, managed_person_q, personal_rows_q
from canbo.emulation import services
from canbo.emulation.models import Award, Registration
from canbo.emulation.selectors import award_queryset_for, registration_queryset_for
from tests.factories import OrgUnitFactory, PersonFactory, UserFactory, grant

pytestmark = pytest.mark.django_db


def joined_rule(user) -> Q | None:
    """The rule as it was written before: the person's current unit and the row's unit, across the joins."""
    condition = managed_person_q(user, "person")
    if condition is None:
        return None
    return condition | (Q(person__isnull=True) & in_force_unit_q(user, "unit__path"))


@pytest.fixture
def rows(alice, tree, hcm):
    """Individuals in dept_a, its office and dept_b, one of them moved from dept_a to dept_b after being
    registered; collectives of each unit and of a unit that has ended inside dept_a."""
    year = timezone.localdate().year - 1
    ended = OrgUnitFactory(code="SO_A_CU", name="Phòng cũ", parent=tree["dept_a"])
    people = [PersonFactory(current_unit=tree[u]) for u in ("dept_a", "dept_a_office", "dept_a", "dept_b")]
    for person in people[:3]:
        services.registration_record(actor=alice, movement=hcm, year=year, kind="CA_NHAN", person=person)
        services.award_record(
            actor=alice,
            form="LD_TIEN_TIEN",
            kind="CA_NHAN",
            person=person,
            year=year,
            decision_number="1/QĐ",
            decision_date=timezone.localdate(),
            issuing_body="Sở A",
        )
    for unit in (tree["dept_a"], tree["dept_a_office"], ended):
        services.registration_record(actor=alice, movement=hcm, year=year, kind="TAP_THE", unit=unit)
    people[2].current_unit = tree["dept_b"]  # moved: now dept_b's, registered while in dept_a
    people[2].save(update_fields=["current_unit"])
    ended.valid_to = datetime.date(2025, 6, 30)
    ended.save(update_fields=["valid_to"])
    Registration.objects.create(  # a collective of dept_b, recorded by its officer's hand
        movement=hcm,
        year=year,
        kind="TAP_THE",
        unit=tree["dept_b"],
        registered_on=timezone.localdate(),
        recorded_by=alice,
    )
    return people


def former_officer(tree):
    """An officer of a unit that has ended: manages nobody."""
    gone = OrgUnitFactory(
        code="SO_C", name="Sở C", parent=tree["province"], valid_to=datetime.date(2025, 6, 30)
    )
    return grant(UserFactory(username="former"), Role.UNIT_OFFICER, gone)


@pytest.mark.parametrize("who", ["alice", "bob", "charlie", "board", "standing", "former"])
def test_the_scope_returns_the_rows_of_the_joined_rule(request, rows, tree, who):
    user = former_officer(tree) if who == "former" else request.getfixturevalue(who)
    for model, queryset_for in ((Registration, registration_queryset_for), (Award, award_queryset_for)):
        rule = joined_rule(user)
        expected = set(model.objects.all() if rule is None else model.objects.filter(rule))
        assert set(queryset_for(user=user)) == expected


def test_the_officer_sees_the_persons_and_collectives_of_the_unit_today(rows, alice, charlie):
    mine = set(registration_queryset_for(user=alice))
    assert {r.person for r in mine if r.person_id} == set(rows[:2])  # the moved one left with the person
    # collectives by their unit under a role unit in force: an ended sub-unit's stay (the unit's history)
    assert {r.unit.code for r in mine if not r.person_id} == {"SO_A", "SO_A_VP", "SO_A_CU"}
    theirs = set(registration_queryset_for(user=charlie))
    assert {r.person for r in theirs if r.person_id} == {rows[2]}


def test_the_scope_is_a_condition_on_the_rows_own_columns(alice):
    condition = personal_rows_q(alice, unattached_unit="unit__path")
    sql = str(Registration.objects.filter(condition).order_by().query)
    assert "JOIN" not in sql.split("WHERE")[0]  # no join to the person nor to the unit in the outer query


def test_the_lists_take_the_same_queries_whatever_their_length(client, rows, alice, tree, hcm):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(alice)

    def queries(url):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    before = {url: queries(url) for url in ("/thi-dua/dang-ky/", "/thi-dua/khen-thuong/")}
    for year in range(2017, 2023):
        for person in rows[:2]:
            services.registration_record(actor=alice, movement=hcm, year=year, kind="CA_NHAN", person=person)
    assert {url: queries(url) for url in before} == before
