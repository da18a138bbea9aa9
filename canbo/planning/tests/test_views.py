"""The planning pages: who sees what (board, standing, alice, bob, charlie, dana, anonymous), the actions, the
Excel files and the query counts of the lists."""

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from canbo.planning.choices import EntryStatus
from canbo.planning.models import PlannedPost, PlanningEntry, PlanningTerm
from canbo.training.tests.factories import TrainingPlanFactory
from tests.factories import OrgUnitFactory, PersonFactory

from .factories import DecisionFactory, EntryFactory, PostFactory, TermFactory, approved, position

D = datetime.date
DECISION = {"number": "77-QĐ/TU", "date": "15/11/2025", "approving_body": "Ban Thường vụ Tỉnh ủy"}


@pytest.fixture
def world(tree, db):
    term = TermFactory()
    a = PostFactory(term=term, unit=tree["dept_a"])
    b = PostFactory(term=term, unit=tree["dept_b"])
    decision = DecisionFactory(term=term, number="1-QĐ/TU")
    deputy = position("PHO_GIAM_DOC_SO")
    people = {
        "in_a": PersonFactory(full_name="Lò Văn Một", current_unit=tree["dept_a"], position=deputy),
        "proposed_a": PersonFactory(full_name="Quàng Thị Hai", current_unit=tree["dept_a"], gender="NU"),
        "in_b": PersonFactory(full_name="Cà Văn Ba", current_unit=tree["dept_b"], position=deputy),
        "free_a": PersonFactory(full_name="Vì Văn Bốn", current_unit=tree["dept_a"], position=deputy),
    }
    entries = {
        "in_a": approved(a, people["in_a"], decision=decision),
        "proposed_a": EntryFactory(post=a, person=people["proposed_a"]),
        "in_b": approved(b, people["in_b"], decision=decision),
    }
    return {"term": term, "a": a, "b": b, "decision": decision, "people": people, "entries": entries}


def login(client, user):
    if user is not None:
        client.force_login(user)
    return client


PAGES = [
    ("planning:index", lambda w: []),
    ("planning:term_detail", lambda w: [w["term"].pk]),
    ("planning:pending", lambda w: [w["term"].pk]),
    ("planning:decision_list", lambda w: [w["term"].pk]),
    ("planning:removals", lambda w: [w["term"].pk]),
    ("planning:needs", lambda w: [w["term"].pk]),
    ("planning:plan_export", lambda w: [w["term"].pk]),
    ("planning:needs_export", lambda w: [w["term"].pk]),
    ("planning:post_detail", lambda w: [w["a"].pk]),
    ("planning:decision_detail", lambda w: [w["decision"].pk]),
    ("planning:gaps", lambda w: []),
]


@pytest.mark.parametrize("name,args", PAGES)
@pytest.mark.parametrize("who,status", [("board", 200), ("standing", 200), ("alice", 200), ("bob", 200),
                                        ("dana", 403), ("sysadmin", 403)])  # fmt: skip
def test_readers_see_every_page_and_others_are_refused(request, client, world, name, args, who, status):
    response = login(client, request.getfixturevalue(who)).get(reverse(name, args=args(world)))
    assert response.status_code == status


@pytest.mark.parametrize("name,args", PAGES)
def test_anonymous_is_sent_to_the_login_page(client, world, name, args):
    response = client.get(reverse(name, args=args(world)))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


def test_charlie_does_not_see_a_post_of_another_unit(client, charlie, world):
    assert (
        login(client, charlie).get(reverse("planning:post_detail", args=[world["a"].pk])).status_code == 404
    )
    assert client.get(reverse("planning:post_detail", args=[world["b"].pk])).status_code == 200
    response = client.post(
        reverse("planning:propose", args=[world["a"].pk]), {"person": world["people"]["free_a"].uuid}
    )
    assert response.status_code == 404
    response = client.post(reverse("planning:withdraw", args=[world["entries"]["proposed_a"].pk]))
    assert response.status_code == 404


def test_the_plan_page_shows_the_ratios_of_the_users_units_in_red_when_under_target(client, alice, world):
    response = login(client, alice).get(
        reverse("planning:term_detail", args=[world["term"].pk]), {"on": "01/06/2026"}
    )

    html = response.content.decode()
    assert "Sở A" in html and "Sở B" not in html
    assert 'class="num errors">1,0<' in html  # 1 person for 1 seat: under 2
    assert response.context["rows"][-1]["persons"] == 1


def test_alice_proposes_from_the_post_page_and_sees_the_refusal_next_to_the_form(client, alice, world):
    url = reverse("planning:propose", args=[world["a"].pk])
    response = login(client, alice).post(url, {"person": world["people"]["free_a"].uuid, "note": "Tại chỗ"})
    assert response.status_code == 302
    assert PlanningEntry.objects.filter(
        post=world["a"], person=world["people"]["free_a"], status="PROPOSED"
    ).exists()

    response = client.post(url, {"person": world["people"]["in_b"].uuid})  # not in alice's units
    assert response.status_code == 400 and "Không tìm thấy người" in response.content.decode()
    response = client.post(url, {"person": world["people"]["in_a"].uuid})  # already there
    assert response.status_code == 400 and "đã có trong quy hoạch chức danh này" in response.content.decode()


def test_bob_reads_but_does_not_propose(client, bob, world):
    response = login(client, bob).post(
        reverse("planning:propose", args=[world["a"].pk]), {"person": world["people"]["free_a"].uuid}
    )
    assert response.status_code == 403
    assert (
        "Đề xuất người vào quy hoạch"
        not in client.get(reverse("planning:post_detail", args=[world["a"].pk])).content.decode()
    )


def test_the_board_approves_and_removes_from_the_post_page(client, board, world):
    login(client, board)
    proposed, in_a = world["entries"]["proposed_a"], world["entries"]["in_a"]
    response = client.post(reverse("planning:approve", args=[world["a"].pk]),
                           {"entries": [proposed.pk], "is_supplement": "on", **DECISION})  # fmt: skip
    assert response.status_code == 302
    proposed.refresh_from_db()
    assert proposed.status == EntryStatus.APPROVED and proposed.is_supplement

    response = client.post(
        reverse("planning:remove", args=[world["a"].pk]), {"entries": [in_a.pk], **DECISION}
    )
    assert response.status_code == 400 and "Lý do đưa ra" in response.content.decode()
    response = client.post(reverse("planning:remove", args=[world["a"].pk]),
                           {"entries": [in_a.pk], "reason": "MOVED", **DECISION})  # fmt: skip
    assert response.status_code == 302
    in_a.refresh_from_db()
    assert in_a.status == EntryStatus.REMOVED


def test_alice_cannot_approve_but_withdraws_her_proposal(client, alice, world):
    login(client, alice)
    proposed = world["entries"]["proposed_a"]
    assert (
        client.post(
            reverse("planning:approve", args=[world["a"].pk]), {"entries": [proposed.pk], **DECISION}
        ).status_code
        == 403
    )
    assert (
        client.post(
            reverse("planning:pending", args=[world["term"].pk]), {"entries": [proposed.pk]}
        ).status_code
        == 403
    )
    assert client.post(reverse("planning:withdraw", args=[proposed.pk])).status_code == 302
    proposed.refresh_from_db()
    assert proposed.status == EntryStatus.REMOVED


def test_the_board_approves_a_batch_on_the_pending_page(client, board, world):
    response = login(client, board).post(
        reverse("planning:pending", args=[world["term"].pk]),
        {"entries": [world["entries"]["proposed_a"].pk], **DECISION},
    )
    assert response.status_code == 302
    decision = world["term"].decisions.get(number="77-QĐ/TU")
    assert response["Location"] == reverse("planning:decision_detail", args=[decision.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Quàng Thị Hai" in page


def test_the_board_confirms_removal_proposals(client, board, world):
    person = world["people"]["in_b"]
    person.status, person.status_date = "MOVED_OUT", D(2026, 1, 1)
    person.save()
    url = reverse("planning:removals", args=[world["term"].pk])
    login(client, board)
    assert "Cà Văn Ba" in client.get(url).content.decode()

    response = client.post(url, {"entries": [world["entries"]["in_b"].pk], **DECISION})

    assert response.status_code == 302
    assert PlanningEntry.objects.get(pk=world["entries"]["in_b"].pk).removal_reason == "MOVED"


def test_terms_and_posts_are_created_by_those_entitled(client, board, alice, bob, world, tree):
    data = {"code": "2026-2031", "kind": "STATE", "start_date": "01/07/2026", "end_date": "30/06/2031",
            "max_per_post": 3, "max_posts_per_person": 3, "min_women_pct": 25, "min_young_pct": 15, "young_age": 40}  # fmt: skip
    assert login(client, board).post(reverse("planning:term_create"), data).status_code == 302
    assert PlanningTerm.objects.filter(code="2026-2031").exists()
    assert login(client, alice).get(reverse("planning:term_create")).status_code == 403

    url = reverse("planning:post_create", args=[world["term"].pk])
    post = {"unit": tree["dept_a"].pk, "position": position("PHO_GIAM_DOC_SO").pk, "tier": "TINH", "seats": 2}
    assert client.post(url, post).status_code == 302
    assert client.post(url, {**post, "unit": tree["dept_b"].pk}).status_code == 200  # not a choice for alice
    assert PlannedPost.objects.filter(term=world["term"]).count() == 3
    assert login(client, bob).get(url).status_code == 403


def test_the_needs_page_puts_the_needs_into_next_years_plan(client, board, bob, world, tree):
    plan = TrainingPlanFactory(year=datetime.date.today().year + 1, owner_unit=tree["province"])
    url = reverse("planning:needs", args=[world["term"].pk])
    page = login(client, board).get(url)
    assert page.status_code == 200 and "thiếu cao cấp LLCT" in page.content.decode()

    response = client.post(url, {"plan": plan.pk})

    assert response.status_code == 302 and plan.lines.filter(programme__code="LLCT_CAO_CAP").exists()
    assert login(client, bob).post(url, {"plan": plan.pk}).status_code == 403


def _book(response):
    assert response.status_code == 200
    return load_workbook(io.BytesIO(b"".join(response.streaming_content)))


def test_the_plan_export_holds_the_users_people_with_dates(client, export_via_job, charlie, world):
    login(client, charlie)
    response = export_via_job(reverse("planning:plan_export", args=[world["term"].pk]))

    book = _book(response)
    sheet = book["Danh sách quy hoạch"]
    rows = list(sheet.iter_rows(min_row=5, values_only=True))
    assert [r[4] for r in rows] == ["Cà Văn Ba"]
    assert sheet.cell(row=5, column=6).number_format == "DD/MM/YYYY"
    composition = book["Cơ cấu, tỷ lệ"]
    assert composition["A1"].font.b and composition["A4"].value == "Đơn vị"
    total = list(composition.iter_rows(min_row=5))[-1]
    assert total[0].value == "Tổng cộng" and total[0].font.b and total[4].number_format == "0.0"


def test_the_gap_list_and_its_export(client, export_via_job, board, world):
    login(client, board)
    response = client.get(reverse("planning:gaps"), {"tier": "TINH"})
    assert (
        response.status_code == 200 and response.context["page"].paginator.count == 2
    )  # in_a, in_b lack CCLL
    export = export_via_job(reverse("planning:gaps_export"), {"tier": "TINH"})
    rows = list(_book(export).active.iter_rows(min_row=5, values_only=True))
    assert sorted(r[1] for r in rows) == ["Cà Văn Ba", "Lò Văn Một"]
    bad = client.get(reverse("planning:gaps"), {"scale": "STATE_MGMT", "level": "CAO_CAP"})
    assert bad.status_code == 400 and "Chọn một trình độ" in bad.content.decode()


def test_the_exports_are_buttons_that_start_a_job_and_bad_parameters_go_back(client, board, world):
    from canbo.jobs.models import Job

    term = world["term"]
    login(client, board)
    pages = [
        (reverse("planning:term_detail", args=[term.pk]), reverse("planning:plan_export", args=[term.pk])),
        (reverse("planning:needs", args=[term.pk]), reverse("planning:needs_export", args=[term.pk])),
        (reverse("planning:gaps") + "?tier=TINH", reverse("planning:gaps_export")),
    ]
    for page, export in pages:
        assert f'method="post" action="{export}?' in client.get(page).content.decode(), page
        assert "Bắt đầu xuất" in client.get(export).content.decode()
    old = client.get(reverse("planning:gaps"), {"tier": "TINH", "export": "xlsx"})  # the old address
    assert old.status_code == 302 and old["Location"] == reverse("planning:gaps_export") + "?tier=TINH"
    bad = client.post(reverse("planning:plan_export", args=[term.pk]) + "?on=31/02/2026")
    assert bad.status_code == 302 and bad["Location"].startswith(
        reverse("planning:term_detail", args=[term.pk])
    )
    bad = client.post(reverse("planning:gaps_export") + "?org=KHONG_CO")
    assert bad.status_code == 302 and bad["Location"] == reverse("planning:gaps") + "?org=KHONG_CO"
    assert not Job.objects.exists()


def test_the_needs_export_writes_names_as_text(client, export_via_job, board, world):
    name = '=HYPERLINK("//x","a") Văn B'
    type(world["people"]["in_a"]).objects.filter(pk=world["people"]["in_a"].pk).update(full_name=name)
    login(client, board)

    book = _book(export_via_job(reverse("planning:needs_export", args=[world["term"].pk])))

    cells = [row[1] for row in book["Danh sách"].iter_rows(min_row=5) if row[1].value == name]
    assert len(cells) == 1 and cells[0].data_type == "s"


def test_the_person_search_stays_in_the_users_units(client, alice, world):
    response = login(client, alice).get(reverse("people:person_picker"), {"person_q": "van", "scope": "read"})
    html = response.content.decode()
    assert "Vì Văn Bốn" in html and "Cà Văn Ba" not in html


@pytest.mark.parametrize("name,args", [PAGES[1], PAGES[2], PAGES[3], PAGES[4], PAGES[5], PAGES[8], PAGES[10]])
def test_lists_take_the_same_queries_whatever_their_length(client, board, world, tree, name, args):
    url = reverse(name, args=args(world))
    login(client, board).get(url)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    before = count()
    decision = DecisionFactory(term=world["term"])
    for _ in range(5):
        unit = OrgUnitFactory(parent=tree["dept_b"])
        post = PostFactory(term=world["term"], unit=unit)  # the same position: needs evaluate per position
        approved(post, PersonFactory(current_unit=tree["dept_b"], status="RETIRED", status_date=D(2026, 1, 1)),
                 decision=decision)  # fmt: skip
        EntryFactory(post=world["a"], person=PersonFactory(current_unit=tree["dept_a"]))
    assert count() == before <= 16


def test_term_page_sorts_and_pages_its_posts_and_folds_the_units(client, board, alice, world):
    url = reverse("planning:term_detail", args=[world["term"].pk])
    response = login(client, board).get(url, {"sap_xep": "-don_vi"})
    posts = response.context["page"].object_list
    assert [p.unit.path for p in posts] == sorted((p.unit.path for p in posts), reverse=True)
    html = response.content.decode()
    assert 'aria-sort="descending"' in html and "Theo đơn vị (" in html
    assert response.context["unit_rows"] and all(r["unit"] for r in response.context["unit_rows"])
    for params in ({"sap_xep": "?"}, {"sau": "abc"}, {"truoc": "W1sidiIsMV1d"}, {"page": "x"}):
        assert login(client, board).get(url, params).status_code == 200
    # the officer of Sở A sees Sở A's post only, whatever the cursor
    first = response.context["page"]
    page = login(client, alice).get(url, {"sap_xep": "-don_vi", "truoc": first.next_cursor}).context["page"]
    assert world["b"].pk not in {p.pk for p in page.object_list}
    every = login(client, alice).get(url).context["page"].object_list
    assert world["a"].pk in {p.pk for p in every} and world["b"].pk not in {p.pk for p in every}


def test_the_persons_in_each_planning_file_see_the_export_on_their_own_page(
    client, export_via_job, board, world
):
    from canbo.nationaldb.models import AccessLogEntry
    from tests.access_log import assert_the_person_sees_the_export

    people = world["people"]
    for url, params in (
        (reverse("planning:plan_export", args=[world["term"].pk]), None),
        (reverse("planning:needs_export", args=[world["term"].pk]), None),
        (reverse("planning:gaps_export"), {"tier": "TINH"}),
    ):
        AccessLogEntry.objects.all().delete()
        login(client, board)
        assert export_via_job(url, params).status_code == 200
        assert AccessLogEntry.objects.filter(person=people["in_a"], viewer=board).exists(), url
    assert_the_person_sees_the_export(client, people["in_a"], board)
