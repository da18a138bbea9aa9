"""The plan pages: list, plan page with its workflow buttons (each by the right and the wrong role), lines,
allocations, lines from units' needs, and the needs page."""

import datetime

import pytest
from django.urls import reverse

from canbo.reports.registry import get_report
from canbo.training import services
from canbo.training.choices import PlanStatus
from canbo.training.models import PlanAllocation, PlanLine, TrainingNeed, TrainingPlan

from .factories import EnrolmentFactory, TrainingClassFactory, programme

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()
YEAR = TODAY.year


@pytest.fixture
def plan(tree, alice):
    """This year's draft plan of Sở A (alice drafts it) with one line of 55."""
    plan = services.plan_create(actor=alice, year=YEAR, owner_unit=tree["dept_a"])
    services.plan_line_save(
        actor=alice,
        plan=plan,
        data={
            "programme": programme("LLCT_CAO_CAP"),
            "mode": "TAP_TRUNG",
            "responsible_unit": tree["dept_a"],
            "target_count": 55,
            "budget": 1_000_000_000,
        },
    )
    return plan


def _page(client, user, plan):
    client.force_login(user)
    return client.get(reverse("training:plan_detail", args=[plan.pk]))


def _press(client, user, plan, action, **data):
    client.force_login(user)
    plan.refresh_from_db()
    payload = {"action": action, "version": plan.version, **data}
    return client.post(reverse("training:plan_transition", args=[plan.pk]), payload)


def _buttons(response) -> list[str]:
    return [action.code for action, _form in response.context["action_forms"]]


def test_the_drafter_sees_submit_and_the_edit_links_the_leader_only_reads(client, plan, alice, bob):
    response = _page(client, alice, plan)
    assert response.status_code == 200
    assert _buttons(response) == ["submit"]
    html = response.content.decode()
    assert "Trình thẩm định" in html and "Thêm dòng kế hoạch" in html and "Sửa kế hoạch" in html
    assert "55" in html and "1.000.000.000" in html
    response = _page(client, bob, plan)
    assert response.status_code == 200
    assert _buttons(response) == []
    html = response.content.decode()
    assert "Thêm dòng kế hoạch" not in html and "Sửa kế hoạch" not in html


def test_each_step_by_the_right_role_through_the_page(client, plan, alice, board, board2, standing):
    assert _press(client, alice, plan, "submit").status_code == 302
    assert _buttons(_page(client, board, plan)) == ["appraise", "return_appraisal"]
    assert _press(client, board, plan, "appraise", comment="Đạt yêu cầu").status_code == 302
    assert _buttons(_page(client, standing, plan)) == ["approve", "return_approval"]
    assert _press(client, standing, plan, "approve").status_code == 302
    response = _press(
        client, alice, plan, "issue", decision_number="12/KH-UBND", decision_date=TODAY.strftime("%d/%m/%Y")
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.status, plan.decision_number, plan.decision_date) == (PlanStatus.ISSUED, "12/KH-UBND", TODAY)
    html = _page(client, board2, plan).content.decode()
    assert "Đạt yêu cầu" in html and "alice" in html and "standing" in html
    assert "Đã thẩm định → Đã phê duyệt" in html


@pytest.mark.parametrize("who", ["bob", "charlie", "board"])
def test_submit_by_a_wrong_role_is_refused(client, plan, request, who):
    """Leader (reads only), an officer of another unit, and... the board, which edits everywhere: it may."""
    user = request.getfixturevalue(who)
    response = _press(client, user, plan, "submit")
    plan.refresh_from_db()
    if who == "board":
        assert response.status_code == 302 and plan.status == PlanStatus.SUBMITTED
    else:
        assert response.status_code == 403 and plan.status == PlanStatus.DRAFT


@pytest.mark.parametrize(
    ("status", "action", "who"),
    [
        (PlanStatus.SUBMITTED, "appraise", "alice"),
        (PlanStatus.SUBMITTED, "appraise", "standing"),
        (PlanStatus.APPRAISED, "approve", "board"),
        (PlanStatus.APPRAISED, "approve", "alice"),
        (PlanStatus.SUBMITTED, "return_appraisal", "standing"),
        (PlanStatus.APPRAISED, "return_approval", "board"),
        (PlanStatus.APPROVED, "issue", "bob"),
        (PlanStatus.APPROVED, "issue", "standing"),
    ],
)
def test_wrong_roles_get_403_and_nothing_moves(client, plan, request, status, action, who):
    TrainingPlan.objects.filter(pk=plan.pk).update(status=status)
    data = (
        {"decision_number": "1/KH", "decision_date": TODAY.strftime("%d/%m/%Y")} if action == "issue" else {}
    )
    response = _press(client, request.getfixturevalue(who), plan, action, **data)
    assert response.status_code == 403
    plan.refresh_from_db()
    assert plan.status == status and not plan.transitions.exists()


def test_the_submitter_cannot_appraise_and_the_message_is_shown(client, plan, board, board2):
    _press(client, board, plan, "submit")
    response = _press(client, board, plan, "appraise")
    assert response.status_code == 200
    assert "Người trình kế hoạch không tự thẩm định kế hoạch đó." in response.content.decode()
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED
    assert _press(client, board2, plan, "appraise").status_code == 302


def test_return_needs_a_comment_and_issue_needs_the_decision(client, plan, alice, board, standing):
    _press(client, alice, plan, "submit")
    response = _press(client, board, plan, "return_appraisal")
    assert "Cần ghi ý kiến khi trả lại kế hoạch." in response.content.decode()
    assert (
        _press(client, board, plan, "return_appraisal", comment="Bổ sung chỉ tiêu cấp xã").status_code == 302
    )
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT
    TrainingPlan.objects.filter(pk=plan.pk).update(status=PlanStatus.APPROVED)
    assert (
        "Ngày không hợp lệ"
        in _press(client, alice, plan, "issue", decision_date="31/02/2026").content.decode()
    )
    response = _press(client, alice, plan, "issue", decision_date=TODAY.strftime("%d/%m/%Y"))
    assert "Cần số văn bản ban hành kế hoạch." in response.content.decode()
    plan.refresh_from_db()
    assert plan.status == PlanStatus.APPROVED


def test_the_standing_committee_returns_the_plan_with_a_comment(client, plan, standing, alice):
    TrainingPlan.objects.filter(pk=plan.pk).update(status=PlanStatus.APPRAISED)
    assert _press(client, standing, plan, "return_approval", comment="Giảm chỉ tiêu").status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT
    assert plan.transitions.get().comment == "Giảm chỉ tiêu"
    assert _buttons(_page(client, alice, plan)) == ["submit"]


def test_a_stale_version_is_a_conflict_not_a_step(client, plan, alice):
    client.force_login(alice)
    url = reverse("training:plan_transition", args=[plan.pk])
    response = client.post(url, {"action": "submit", "version": plan.version + 5})
    assert response.status_code == 409
    assert "người khác cập nhật" in response.content.decode()
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT


def test_achievement_counts_enrolments_of_the_line_without_withdrawals(client, plan, board, tree):
    line = plan.lines.get()
    TrainingPlan.objects.filter(pk=plan.pk).update(status=PlanStatus.APPROVED)
    klass = TrainingClassFactory(programme=line.programme, plan_line=line, organiser_unit=tree["dept_a"])
    for _ in range(44):
        EnrolmentFactory(training_class=klass, person__current_unit=tree["dept_a"])
    EnrolmentFactory(
        training_class=klass,
        person__current_unit=tree["dept_a"],
        result="WITHDRAWN",
        result_date=klass.end_date,
    )
    response = _page(client, board, plan)
    line_row = response.context["lines"][0]
    assert (line_row.actual, line_row.target_count) == (44, 55)
    html = response.content.decode()
    assert "80,0" in html
    assert response.context["chart"]["datasets"][1]["data"] == [44]


def test_lines_allocations_and_lines_from_needs(client, plan, alice, tree):
    client.force_login(alice)
    add = reverse("training:plan_line_add", args=[plan.pk])
    data = {
        "programme": programme("NV_TO_CHUC").pk,
        "mode": "TAP_TRUNG",
        "venue": "TRONG_NUOC",
        "responsible_unit": tree["dept_a"].pk,
        "target_count": 30,
        "budget": 90_000_000,
    }
    assert client.post(add, data).status_code == 302
    line = plan.lines.get(programme__code="NV_TO_CHUC")
    response = client.post(add, data)  # the same line twice: a field error, not a crash
    assert response.status_code == 200 and plan.lines.count() == 2
    alloc = reverse("training:plan_allocation", args=[plan.pk])
    response = client.post(alloc, {"line": line.pk, "unit": tree["dept_a_office"].pk, "target_count": 31})
    assert "vượt chỉ tiêu" in response.content.decode()
    assert not PlanAllocation.objects.exists()
    assert (
        client.post(
            alloc, {"line": line.pk, "unit": tree["dept_a_office"].pk, "target_count": 10}
        ).status_code
        == 302
    )
    assert PlanAllocation.objects.get().target_count == 10
    services.need_submit(
        actor=alice, unit=tree["dept_a_office"], year=YEAR, programme=programme("TH_CO_BAN"), count=7
    )
    assert client.post(reverse("training:plan_from_needs", args=[plan.pk])).status_code == 302
    assert plan.lines.get(programme__code="TH_CO_BAN").target_count == 7
    delete = reverse("training:plan_line_delete", args=[plan.pk, line.pk])
    assert client.post(delete).status_code == 302
    assert not PlanLine.objects.filter(pk=line.pk).exists()


def test_a_leader_cannot_change_the_plan(client, plan, bob, tree):
    client.force_login(bob)
    line = plan.lines.get()
    for url in [
        reverse("training:plan_edit", args=[plan.pk]),
        reverse("training:plan_line_add", args=[plan.pk]),
        reverse("training:plan_line_edit", args=[plan.pk, line.pk]),
    ]:
        assert client.get(url).status_code == 403
        assert client.post(url, {"title": "x", "target_count": 1}).status_code == 403
    assert client.post(reverse("training:plan_line_delete", args=[plan.pk, line.pk])).status_code == 403
    assert client.post(reverse("training:plan_from_needs", args=[plan.pk])).status_code == 403
    assert PlanLine.objects.filter(pk=line.pk).exists()


def test_an_officer_of_another_unit_reads_the_plan_but_does_not_draft_it(client, plan, charlie):
    assert _page(client, charlie, plan).status_code == 200
    assert client.get(reverse("training:plan_edit", args=[plan.pk])).status_code == 403


def test_plan_create_and_edit_with_a_conflict(client, alice, tree):
    client.force_login(alice)
    response = client.post(
        reverse("training:plan_create"), {"year": YEAR + 1, "owner_unit": tree["dept_a"].pk}
    )
    plan = TrainingPlan.objects.get()
    assert response.status_code == 302 and plan.title.endswith(str(YEAR + 1))
    response = client.post(
        reverse("training:plan_create"), {"year": YEAR + 1, "owner_unit": tree["dept_a"].pk}
    )
    assert response.status_code == 200 and TrainingPlan.objects.count() == 1
    assert (
        client.post(
            reverse("training:plan_create"), {"year": YEAR, "owner_unit": tree["dept_b"].pk}
        ).status_code
        == 200
    )
    edit = reverse("training:plan_edit", args=[plan.pk])
    assert client.post(edit, {"title": "Kế hoạch mới", "version": plan.version}).status_code == 302
    response = client.post(edit, {"title": "Kế hoạch cũ", "version": plan.version})
    assert response.status_code == 409
    plan.refresh_from_db()
    assert plan.title == "Kế hoạch mới"


def test_the_list_flags_overdue_plans_and_filters_them(client, board, tree):
    late = TrainingPlan.objects.create(
        year=2020, owner_unit=tree["dept_a"], title="Kế hoạch 2020", due_date=datetime.date(2020, 1, 31)
    )
    TrainingPlan.objects.create(
        year=2020,
        owner_unit=tree["dept_b"],
        title="Kế hoạch 2020 B",
        due_date=datetime.date(2020, 1, 31),
        status=PlanStatus.ISSUED,
        decision_number="1/KH",
        decision_date=datetime.date(2020, 1, 20),
    )
    client.force_login(board)
    response = client.get(reverse("training:plan_list"))
    assert "(quá hạn)" in response.content.decode()
    response = client.get(reverse("training:plan_list"), {"overdue": "on"})
    assert [p.pk for p in response.context["page"].object_list] == [late.pk]


def test_list_and_plan_page_query_counts_do_not_grow_with_rows(
    client, board, tree, django_assert_max_num_queries
):
    for year in range(2000, 2030):
        plan = TrainingPlan.objects.create(
            year=year, owner_unit=tree["dept_a"], title=f"KH {year}", due_date=datetime.date(year, 1, 31)
        )
    for code in ["LLCT_CAO_CAP", "NV_TO_CHUC", "TH_CO_BAN", "QLKT"]:
        line = PlanLine.objects.create(
            plan=plan, programme=programme(code), responsible_unit=tree["dept_a"], target_count=9
        )
        PlanAllocation.objects.create(line=line, unit=tree["dept_a"], target_count=3)
    client.force_login(board)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("training:plan_list")).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(reverse("training:plan_detail", args=[plan.pk])).status_code == 200


def test_needs_page_registers_a_need_for_the_officers_unit_only(client, alice, bob, charlie, tree):
    client.force_login(alice)
    data = {
        "unit": tree["dept_a_office"].pk,
        "year": YEAR + 1,
        "programme": programme("TH_CO_BAN").pk,
        "count": 12,
    }
    assert client.post(reverse("training:need_list"), data).status_code == 302
    assert TrainingNeed.objects.get().count == 12
    response = client.post(reverse("training:need_list"), {**data, "unit": tree["dept_b"].pk})
    assert response.status_code == 200 and "Lựa chọn không hợp lệ" in response.content.decode()
    client.force_login(charlie)
    assert "Văn phòng Sở A" not in client.get(reverse("training:need_list")).content.decode()
    client.force_login(bob)
    assert "Văn phòng Sở A" in client.get(reverse("training:need_list")).content.decode()
    assert client.post(reverse("training:need_list"), data).status_code == 403


def test_the_plan_page_shows_the_figures_of_the_training_plan_report(client, plan, board, tree):
    """For a reader of the whole province, each line's target and lượt are the report's (same definition)."""
    TrainingPlan.objects.filter(pk=plan.pk).update(status=PlanStatus.APPROVED)
    line = plan.lines.get()
    second = PlanLine.objects.create(
        plan=plan, programme=programme("NV_TO_CHUC"), responsible_unit=tree["dept_a"], target_count=20
    )
    for target_line, done in ((line, 3), (second, 5)):
        klass = TrainingClassFactory(
            programme=target_line.programme, plan_line=target_line, organiser_unit=tree["dept_a"]
        )
        for _ in range(done):
            EnrolmentFactory(training_class=klass, person__current_unit=tree["dept_b"])
    EnrolmentFactory(training_class=klass, result="WITHDRAWN", result_date=klass.end_date)
    report = get_report("training-plan").execute(user=board, data={"year": str(YEAR)})
    expected = [(r.values["programme"], r.values["target"], r.values["turns"]) for r in report.rows]
    lines = _page(client, board, plan).context["lines"]
    assert sorted((x.programme.name, x.target_count, x.actual) for x in lines) == sorted(expected)
    assert {(target, turns) for _name, target, turns in expected} == {(55, 3), (20, 5)}


def test_a_submitted_plan_is_no_longer_edited_from_its_page(client, plan, alice, tree):
    _press(client, alice, plan, "submit")
    line = plan.lines.get()
    response = _page(client, alice, plan)
    assert "Thêm dòng kế hoạch" not in response.content.decode()
    alloc = reverse("training:plan_allocation", args=[plan.pk])
    response = client.post(
        alloc, {"line": line.pk, "unit": tree["dept_a"].pk, "target_count": 5}, follow=True
    )
    assert "chỉ sửa khi là dự thảo" in response.content.decode()
    response = client.post(
        reverse("training:plan_line_edit", args=[plan.pk, line.pk]),
        {
            "programme": line.programme_id,
            "venue": "TRONG_NUOC",
            "responsible_unit": tree["dept_a"].pk,
            "target_count": 60,
            "budget": 0,
        },
    )
    assert "chỉ sửa được khi là dự thảo" in response.content.decode()
    line.refresh_from_db()
    assert line.target_count == 55 and not PlanAllocation.objects.exists()


def test_allocations_are_collapsed_per_line_and_the_chart_runs_across(client, plan, alice, tree):
    client.force_login(alice)
    line = PlanLine.objects.create(
        plan=plan,
        programme=programme("NV_TO_CHUC"),
        mode="TAP_TRUNG",
        venue="TRONG_NUOC",
        responsible_unit=tree["dept_a"],
        target_count=30,
        budget=0,
    )
    PlanAllocation.objects.create(line=line, unit=tree["dept_a_office"], target_count=10, budget=0)
    response = client.get(reverse("training:plan_detail", args=[plan.pk]))
    html = response.content.decode()
    assert '<details class="allocation">' in html and "cho 1 đơn vị" in html
    assert response.context["chart"]["horizontal"] is True
