"""/api/v1/programmes/, /api/v1/plans/... and /api/v1/needs/: scoped reads, the workflow by role, JSON errors."""

import datetime

import pytest
from rest_framework.test import APIClient

from canbo.training import services
from canbo.training.choices import EnrolmentResult, PlanStatus
from canbo.training.models import PlanLine, PlanTransition, TrainingNeed, TrainingPlan
from tests.factories import PersonFactory

from .factories import EnrolmentFactory, TrainingClassFactory, TrainingPlanFactory, programme

pytestmark = pytest.mark.django_db
D = datetime.date
PLANS = "/api/v1/plans/"


def client_for(user=None):
    client = APIClient()
    if user is not None:
        client.force_login(user)
    return client


def url(plan, rest=""):
    return f"{PLANS}{plan.pk}/{rest}"


@pytest.fixture
def plan(tree, board):
    """The province's draft plan for 2026 (drafted by the board) with one line of 5 people."""
    plan = services.plan_create(actor=board, year=2026, owner_unit=tree["province"])
    services.plan_line_save(
        actor=board,
        plan=plan,
        data={
            "programme": programme("LLCT_CAO_CAP"),
            "mode": "TAP_TRUNG",
            "responsible_unit": tree["province"],
            "target_count": 5,
            "budget": 100_000_000,
        },
    )
    return plan


def line_of(plan):
    return plan.lines.get()


# --- programmes --------------------------------------------------------------------------------------------


def test_catalogue_is_read_by_every_signed_in_user(dana):
    response = client_for(dana).get("/api/v1/programmes/", {"kind": "POLITICAL_THEORY"})

    assert response.status_code == 200
    codes = [p["code"] for p in response.json()]
    assert "LLCT_CAO_CAP" in codes and "DT_THAC_SI" not in codes
    detail = client_for(dana).get("/api/v1/programmes/LLCT_CAO_CAP/").json()
    assert detail["grants_qualification"] is True and detail["kind_label"] == "Lý luận chính trị"


def test_catalogue_refuses_a_bad_filter_and_an_unknown_code(dana):
    bad = client_for(dana).get("/api/v1/programmes/", {"kind": "XX"})
    missing = client_for(dana).get("/api/v1/programmes/KHONG_CO/")

    assert bad.status_code == 400 and "không phải là giá trị hợp lệ" in bad.json()["kind"][0]
    assert missing.status_code == 404 and missing.json()["detail"] == "Không tìm thấy bản ghi."


def test_anonymous_gets_a_vietnamese_refusal(plan):
    response = client_for().get(PLANS)

    assert response.status_code in (401, 403)
    assert response.json()["detail"] == "Anh/chị chưa đăng nhập."


# --- reading plans -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["board", "standing", "alice", "bob", "charlie"])
def test_every_staff_role_reads_the_plan(who, request, plan):
    user = request.getfixturevalue(who)

    listed = client_for(user).get(PLANS).json()["results"]
    detail = client_for(user).get(url(plan))

    assert [p["id"] for p in listed] == [plan.pk]
    assert detail.status_code == 200
    body = detail.json()
    assert body["status"] == "DRAFT" and body["status_label"] == "Dự thảo"
    assert body["lines"][0]["programme"] == "LLCT_CAO_CAP" and body["lines"][0]["target_count"] == 5


def test_official_sees_no_plan(dana, plan):
    assert client_for(dana).get(PLANS).json()["results"] == []
    assert client_for(dana).get(url(plan)).status_code == 404


def test_allowed_actions_follow_the_user(plan, board, alice):
    assert client_for(board).get(url(plan)).json()["allowed_actions"] == [
        {"action": "submit", "label": "Trình thẩm định"}
    ]
    assert client_for(alice).get(url(plan)).json()["allowed_actions"] == []


def test_list_filters_and_rejects_bad_values(plan, board, tree):
    TrainingPlanFactory(year=2025, owner_unit=tree["dept_a"])
    client = client_for(board)

    assert [p["year"] for p in client.get(PLANS, {"year": 2025}).json()["results"]] == [2025]
    assert client.get(PLANS, {"status": "ISSUED"}).json()["results"] == []
    bad = client.get(PLANS, {"year": "năm"})
    assert bad.status_code == 400 and bad.json()["year"] == ["Cần một số nguyên."]


@pytest.mark.parametrize("plans", [2, 12])
def test_list_query_count_does_not_grow(plans, board, django_assert_max_num_queries):
    for year in range(2000, 2000 + plans):
        TrainingPlanFactory(year=year)
    client = client_for(board)
    with django_assert_max_num_queries(5):
        response = client.get(PLANS)
    assert response.json()["count"] == plans


def test_detail_query_count_does_not_grow_with_lines(plan, board, tree, django_assert_max_num_queries):
    for code in ("LLCT_TRUNG_CAP", "NV_TO_CHUC", "DT_THAC_SI"):
        line = PlanLine.objects.create(
            plan=plan, programme=programme(code), responsible_unit=tree["province"], target_count=9
        )
        services.plan_allocation_set(actor=board, line=line, unit=tree["dept_a"], target_count=3)
        services.plan_allocation_set(actor=board, line=line, unit=tree["dept_b"], target_count=3)
    client = client_for(board)
    with django_assert_max_num_queries(9):
        response = client.get(url(plan))
    assert len(response.json()["lines"]) == 4


# --- writing plans -----------------------------------------------------------------------------------------


def test_officer_creates_a_plan_for_her_unit(alice):
    response = client_for(alice).post(PLANS, {"year": 2027, "owner_unit": "SO_A"}, format="json")

    assert response.status_code == 201
    body = response.json()
    assert body["due_date"] == "2027-01-31" and body["status"] == "DRAFT" and body["version"] == 1
    assert TrainingPlan.objects.get(pk=body["id"]).owner_unit.code == "SO_A"


def test_create_refusals(alice, bob, charlie, board, plan):
    assert client_for(bob).post(PLANS, {"year": 2027, "owner_unit": "SO_A"}, format="json").status_code == 403
    above = client_for(alice).post(PLANS, {"year": 2027, "owner_unit": "T11"}, format="json")
    assert above.status_code == 400 and above.json()["owner_unit"] == ["Không tìm thấy mã “T11”."]
    twice = client_for(board).post(PLANS, {"year": 2026, "owner_unit": "T11"}, format="json")
    assert twice.status_code == 400
    assert "Năm kế hoạch đã tồn tại" in twice.json()["non_field_errors"][0]
    outside = client_for(charlie).post(PLANS, {"year": 2027, "owner_unit": "SO_A"}, format="json")
    assert outside.status_code == 400 and outside.json()["owner_unit"] == ["Không tìm thấy mã “SO_A”."]
    bad = client_for(alice).post(PLANS, {"year": 1500}, format="json")
    assert bad.status_code == 400
    assert bad.json() == {
        "year": ["Giá trị không được nhỏ hơn 1990."],
        "owner_unit": ["Trường này là bắt buộc."],
    }
    assert TrainingPlan.objects.count() == 1


def test_update_checks_the_version(plan, board, bob, charlie):
    client = client_for(board)
    ok = client.patch(url(plan), {"title": "Kế hoạch mới", "version": 1}, format="json")
    stale = client.patch(url(plan), {"title": "Cũ", "version": 1}, format="json")
    missing = client.patch(url(plan), {"title": "Cũ"}, format="json")

    assert ok.status_code == 200 and ok.json()["version"] == 2
    assert stale.status_code == 409 and stale.json()["code"] == "conflict"
    assert missing.status_code == 400 and "version" in missing.json()
    assert client_for(bob).patch(url(plan), {"title": "x", "version": 2}, format="json").status_code == 403
    refused = client_for(charlie).patch(url(plan), {"title": "x", "version": 2}, format="json")
    assert refused.status_code == 403 and "Chỉ đơn vị xây dựng kế hoạch" in refused.json()["detail"]
    plan.refresh_from_db()
    assert plan.title == "Kế hoạch mới"


def step(user, plan, action, **extra):
    plan.refresh_from_db()
    body = {"action": action, "version": plan.version, **extra}
    return client_for(user).post(url(plan, "transition/"), body, format="json")


def test_workflow_through_the_api_by_the_right_roles(plan, board, board2, standing, alice, bob, dana):
    assert step(board, plan, "submit").status_code == 200
    own = step(board, plan, "appraise")
    assert own.status_code == 400 and "không tự thẩm định" in own.json()["non_field_errors"][0]
    assert step(board2, plan, "appraise", comment="Đạt yêu cầu").status_code == 200
    wrong = step(alice, plan, "approve")
    assert (
        wrong.status_code == 403
        and wrong.json()["detail"] == "Chỉ Ban Thường vụ Tỉnh ủy được “phê duyệt” kế hoạch."
    )
    assert step(bob, plan, "approve").status_code == 403
    assert step(dana, plan, "approve").status_code == 403
    assert step(standing, plan, "approve").status_code == 200
    missing = step(board, plan, "issue")
    assert missing.status_code == 400 and set(missing.json()) == {"decision_number", "decision_date"}
    issued = step(board, plan, "issue", decision_number="125/KH-UBND", decision_date="20/01/2026")

    assert issued.status_code == 200
    body = issued.json()
    assert body["status"] == "ISSUED" and body["decision_date"] == "2026-01-20" and body["overdue"] is False
    assert [(t["to_status"], t["actor"]) for t in body["transitions"]] == [
        ("SUBMITTED", "board"),
        ("APPRAISED", "board2"),
        ("APPROVED", "standing"),
        ("ISSUED", "board"),
    ]


def test_standing_committee_may_only_transition(plan, standing):
    response = client_for(standing).patch(url(plan), {"title": "x", "version": 1}, format="json")

    assert response.status_code == 403
    assert "chỉ có quyền xem" in response.json()["detail"]


def test_transition_refusals(plan, board):
    bad = step(board, plan, "publish")
    stale = client_for(board).post(
        url(plan, "transition/"), {"action": "submit", "version": 9}, format="json"
    )

    assert bad.status_code == 400 and bad.json()["action"] == ["“publish” không phải là giá trị hợp lệ."]
    assert stale.status_code == 409
    assert not PlanTransition.objects.exists()


# --- lines and allocations ---------------------------------------------------------------------------------


def test_lines_added_changed_and_removed_while_draft(plan, board):
    client = client_for(board)
    body = {"programme": "NV_TO_CHUC", "responsible_unit": "SO_A", "target_count": 30, "budget": 90_000_000}

    created = client.post(url(plan, "lines/"), body, format="json")
    assert created.status_code == 201 and created.json()["mode"] == ""
    line_url = url(plan, f"lines/{created.json()['id']}/")
    changed = client.patch(line_url, {"target_count": 40}, format="json")
    assert changed.status_code == 200 and changed.json()["target_count"] == 40
    assert [row["programme"] for row in client.get(url(plan, "lines/")).json()] == [
        "LLCT_CAO_CAP",
        "NV_TO_CHUC",
    ]
    assert client.delete(line_url).status_code == 204
    assert plan.lines.count() == 1


def test_line_refusals(plan, board, alice, charlie):
    client = client_for(board)
    unknown = client.post(
        url(plan, "lines/"), {"programme": "XX", "responsible_unit": "SO_A", "target_count": 0}, format="json"
    )
    assert unknown.status_code == 400
    assert unknown.json()["programme"] == ["Không tìm thấy mã “XX”."]
    assert "target_count" in unknown.json()
    body = {"programme": "NV_TO_CHUC", "responsible_unit": "SO_A", "target_count": 3}
    assert client_for(alice).post(url(plan, "lines/"), body, format="json").status_code == 403
    assert client_for(charlie).delete(url(plan, f"lines/{line_of(plan).pk}/")).status_code == 403
    assert client.get(url(plan, "lines/999999/")).status_code == 404
    assert plan.lines.count() == 1


def test_allocations_never_exceed_the_line(plan, board):
    client = client_for(board)
    alloc_url = url(plan, f"lines/{line_of(plan).pk}/allocations/")

    ok = client.post(alloc_url, {"unit": "SO_A", "target_count": 3, "budget": 60_000_000}, format="json")
    too_many = client.post(alloc_url, {"unit": "SO_B", "target_count": 3}, format="json")

    assert ok.status_code == 200 and ok.json() == [
        {"unit": "SO_A", "unit_name": "Sở A", "target_count": 3, "budget": 60_000_000}
    ]
    assert too_many.status_code == 400
    assert too_many.json()["target_count"] == [
        "Tổng chỉ tiêu phân bổ (6) vượt chỉ tiêu của dòng kế hoạch (5)."
    ]
    assert len(client.get(alloc_url).json()) == 1


def test_lines_cannot_change_once_submitted(plan, board):
    step(board, plan, "submit")
    response = client_for(board).patch(
        url(plan, f"lines/{line_of(plan).pk}/"), {"target_count": 9}, format="json"
    )

    assert (
        response.status_code == 400
        and "chỉ sửa được khi là dự thảo" in response.json()["non_field_errors"][0]
    )


# --- needs -------------------------------------------------------------------------------------------------


def test_units_register_needs_and_the_drafter_turns_them_into_lines(plan, board, alice, charlie):
    body = {"year": 2026, "unit": "SO_A", "programme": "NV_TO_CHUC", "count": 12}
    created = client_for(alice).post("/api/v1/needs/", body, format="json")
    outside = client_for(charlie).post("/api/v1/needs/", body, format="json")
    client_for(charlie).post("/api/v1/needs/", {**body, "unit": "SO_B", "count": 4}, format="json")

    assert created.status_code == 201 and created.json()["programme"] == "NV_TO_CHUC"
    assert outside.status_code == 400 and outside.json()["unit"] == ["Không tìm thấy mã “SO_A”."]
    assert [n["unit"] for n in client_for(charlie).get("/api/v1/needs/").json()["results"]] == ["SO_B"]
    assert client_for(board).get("/api/v1/needs/", {"unit": "SO_A"}).json()["count"] == 1

    merged = client_for(board).post(url(plan, "lines-from-needs/"))
    assert merged.status_code == 200
    line = next(row for row in merged.json()["lines"] if row["programme"] == "NV_TO_CHUC")
    assert line["target_count"] == 16
    assert {a["unit"]: a["target_count"] for a in line["allocations"]} == {"SO_A": 12, "SO_B": 4}
    assert TrainingNeed.objects.filter(plan_line__isnull=True).count() == 0


# --- achievement -------------------------------------------------------------------------------------------


@pytest.fixture
def achieved_plan(plan, board, board2, standing, tree):
    """Issued; 4 of 5 done (3 from Sở A, 1 from Sở B) plus one who withdrew; Sở A allocated 3, Sở B 2."""
    line = line_of(plan)
    services.plan_allocation_set(actor=board, line=line, unit=tree["dept_a"], target_count=3, budget=60)
    services.plan_allocation_set(actor=board, line=line, unit=tree["dept_b"], target_count=2, budget=40)
    step(board, plan, "submit")
    step(board2, plan, "appraise")
    step(standing, plan, "approve")
    step(board, plan, "issue", decision_number="1/KH", decision_date="20/01/2026")
    klass = TrainingClassFactory(
        programme=line.programme, plan_line=line, organiser_unit=tree["province"], cost_per_trainee=10
    )
    for unit in (tree["dept_a"], tree["dept_a_office"], tree["dept_a"], tree["dept_b"]):
        EnrolmentFactory(training_class=klass, person=PersonFactory(current_unit=unit))
    EnrolmentFactory(
        training_class=klass,
        person=PersonFactory(current_unit=tree["dept_a"]),
        result=EnrolmentResult.WITHDRAWN,
        result_date=D(2026, 3, 5),
    )
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ISSUED
    return plan


def test_achievement_for_the_province(achieved_plan, board):
    body = client_for(board).get(url(achieved_plan, "achievement/")).json()

    line = body["lines"][0]
    assert (line["target"], line["turns"], line["persons"], line["achieved"], line["spent"]) == (
        5,
        4,
        4,
        80.0,
        40,
    )
    assert [(u["unit"], u["target"], u["turns"], u["achieved"]) for u in line["units"]] == [
        ("SO_A", 3, 3, 100.0),
        ("SO_B", 2, 1, 50.0),
    ]
    assert body["scoped"] is False and body["total"]["achieved"] == 80.0


def test_achievement_for_an_officer_is_her_units_share(achieved_plan, alice, dana):
    body = client_for(alice).get(url(achieved_plan, "achievement/")).json()

    line = body["lines"][0]
    assert body["scoped"] is True
    assert (line["target"], line["turns"], line["achieved"]) == (3, 3, 100.0)
    assert [u["unit"] for u in line["units"]] == ["SO_A"]
    assert client_for(dana).get(url(achieved_plan, "achievement/")).status_code == 404
