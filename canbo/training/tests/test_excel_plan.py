"""/dao-tao/ke-hoach/<id>/xlsx and /ket-qua.xlsx: the plan, its breakdown and its achievement in Excel."""

import datetime
import io

import pytest
from django.test import Client
from django.urls import resolve, reverse
from openpyxl import load_workbook

from canbo.training import services
from canbo.training.choices import EnrolmentResult
from tests.factories import PersonFactory

from .factories import EnrolmentFactory, TrainingClassFactory, programme

pytestmark = pytest.mark.django_db
D = datetime.date


def client_for(user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def exported(client, url: str):
    """Start the export (a job, run at once by the test queue), follow to the job and download the file."""
    start = client.post(url)
    assert start.status_code == 302, start
    job = resolve(start["Location"])
    assert job.view_name == "jobs:detail"
    return client.get(reverse("jobs:download", args=[job.kwargs["job_id"]]))


@pytest.fixture
def plan(tree, board, board2, standing):
    """The province's issued 2026 plan: 5 advanced political theory places (Sở A 3, Sở B 2); 4 done, 1 withdrew."""
    plan = services.plan_create(actor=board, year=2026, owner_unit=tree["province"])
    line = services.plan_line_save(
        actor=board,
        plan=plan,
        data={
            "programme": programme("LLCT_CAO_CAP"),
            "mode": "TAP_TRUNG",
            "responsible_unit": tree["province"],
            "target_count": 5,
            "budget": 1_250_000_000,
        },
    )
    services.plan_allocation_set(
        actor=board, line=line, unit=tree["dept_a"], target_count=3, budget=750_000_000
    )
    services.plan_allocation_set(
        actor=board, line=line, unit=tree["dept_b"], target_count=2, budget=500_000_000
    )
    for actor, action, extra in [
        (board, "submit", {}),
        (board2, "appraise", {"comment": "Đạt"}),
        (standing, "approve", {}),
        (board, "issue", {"decision_number": "125/KH-UBND", "decision_date": D(2026, 1, 20)}),
    ]:
        services.plan_transition(actor=actor, plan=plan, action=action, **extra)
    klass = TrainingClassFactory(
        programme=line.programme, plan_line=line, organiser_unit=tree["province"], cost_per_trainee=25_944_000
    )
    for unit in (tree["dept_a"], tree["dept_a_office"], tree["dept_a"], tree["dept_b"]):
        EnrolmentFactory(training_class=klass, person=PersonFactory(current_unit=unit))
    EnrolmentFactory(
        training_class=klass,
        person=PersonFactory(current_unit=tree["dept_b"]),
        result=EnrolmentResult.WITHDRAWN,
        result_date=D(2026, 3, 10),
    )
    return plan


def workbook_of(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return load_workbook(io.BytesIO(b"".join(response.streaming_content)))


def table(sheet, first_header: str = "STT"):
    """Header row and the rows under it, as lists of cells."""
    rows = list(sheet.iter_rows())
    start = next(i for i, row in enumerate(rows) if row[0].value == first_header)
    return [c.value for c in rows[start]], rows[start + 1 :]


def test_plan_workbook_has_lines_with_achievement_in_vietnamese(plan, board):
    response = exported(client_for(board), f"/dao-tao/ke-hoach/{plan.pk}/xlsx")
    book = workbook_of(response)

    assert 'filename="ke-hoach-dao-tao-' in response["Content-Disposition"]
    assert book.sheetnames == ["Kế hoạch", "Phân bổ theo đơn vị", "Các bước xử lý"]
    sheet = book["Kế hoạch"]
    assert sheet["A1"].value == "Kế hoạch đào tạo, bồi dưỡng năm 2026"
    facts = {sheet.cell(row=r, column=1).value: sheet.cell(row=r, column=2) for r in range(3, 12)}
    assert facts["Hạn ban hành"].value.date() == D(2026, 1, 31)
    assert facts["Hạn ban hành"].number_format == "DD/MM/YYYY"
    assert facts["Trạng thái"].value == "Đã ban hành" and facts["Số văn bản ban hành"].value == "125/KH-UBND"
    header, rows = table(sheet)
    assert header[:4] == ["STT", "Chương trình", "Mã chương trình", "Hệ"]
    line = dict(zip(header, rows[0], strict=True))
    assert line["Mã chương trình"].value == "LLCT_CAO_CAP" and line["Hệ"].value == "Tập trung"
    assert (line["Chỉ tiêu (người)"].value, line["Thực hiện (lượt)"].value, line["Đạt (%)"].value) == (
        5,
        4,
        80.0,
    )
    assert line["Đạt (%)"].number_format == "0.0"
    assert line["Kinh phí kế hoạch (đồng)"].value == 1_250_000_000
    assert line["Kinh phí kế hoạch (đồng)"].number_format == "#,##0"
    assert line["Đã chi (đồng)"].value == 4 * 25_944_000
    total = dict(zip(header, rows[1], strict=True))
    assert total["Chương trình"].value == "Tổng cộng" and total["Thực hiện (người)"].value == 4


def test_breakdown_and_steps_sheets(plan, board):
    book = workbook_of(exported(client_for(board), f"/dao-tao/ke-hoach/{plan.pk}/xlsx"))

    header, rows = table(book["Phân bổ theo đơn vị"])
    shares = [dict(zip(header, [c.value for c in row], strict=True)) for row in rows]
    assert [
        (s["Mã đơn vị"], s["Chỉ tiêu phân bổ (người)"], s["Thực hiện (lượt)"], s["Đạt (%)"]) for s in shares
    ] == [
        ("SO_A", 3, 3, 100.0),
        ("SO_B", 2, 1, 50.0),
    ]
    steps = book["Các bước xử lý"]
    assert [c.value for c in steps[1]] == ["Từ", "Sang", "Người thực hiện", "Lúc", "Ý kiến"]
    assert [steps.cell(row=r, column=2).value for r in range(2, 6)] == [
        "Đã trình",
        "Đã thẩm định",
        "Đã phê duyệt",
        "Đã ban hành",
    ]
    assert steps.cell(row=2, column=4).number_format == "DD/MM/YYYY HH:MM"


def test_achievement_workbook_for_an_officer_is_her_units_share(plan, charlie):
    book = workbook_of(exported(client_for(charlie), f"/dao-tao/ke-hoach/{plan.pk}/ket-qua.xlsx"))

    assert book.sheetnames == ["Kết quả thực hiện", "Theo đơn vị"]
    sheet = book["Kết quả thực hiện"]
    assert any("chỉ phần chỉ tiêu" in str(c.value) for c in sheet["A"])
    header, rows = table(sheet)
    line = dict(zip(header, [c.value for c in rows[0]], strict=True))
    assert (line["Chỉ tiêu (người)"], line["Thực hiện (lượt)"], line["Đạt (%)"]) == (2, 1, 50.0)
    header, rows = table(book["Theo đơn vị"])
    assert [row[4].value for row in rows] == ["SO_B"]


def test_exports_are_scoped(plan, dana):
    from canbo.jobs.models import Job

    for url in (f"/dao-tao/ke-hoach/{plan.pk}/xlsx", f"/dao-tao/ke-hoach/{plan.pk}/ket-qua.xlsx"):
        assert client_for(dana).get(url).status_code == 404
        assert client_for(dana).post(url).status_code == 404
    anonymous = client_for().post(f"/dao-tao/ke-hoach/{plan.pk}/xlsx")
    assert anonymous.status_code == 302 and "/tai-khoan/" in anonymous["Location"]
    assert not Job.objects.exists()


def test_the_plan_page_offers_the_exports_as_buttons_that_start_a_job(plan, board):
    html = client_for(board).get(f"/dao-tao/ke-hoach/{plan.pk}/").content.decode()
    assert f'<form class="inline" method="post" action="/dao-tao/ke-hoach/{plan.pk}/xlsx">' in html
    assert f'action="/dao-tao/ke-hoach/{plan.pk}/ket-qua.xlsx"' in html


def test_the_job_checks_the_plan_and_its_starter_again_when_it_runs(plan, board, dana):
    from canbo.jobs.exports import export_start
    from canbo.jobs.models import JobStatus

    gone = export_start(actor=board, key="training.plan", query="plan=999999")
    not_staff = export_start(actor=dana, key="training.plan_achievement", query=f"plan={plan.pk}")

    for job in (gone, not_staff):
        job.refresh_from_db()
        assert job.status == JobStatus.FAILED and not job.result_file
    assert "Không tìm thấy kế hoạch đào tạo, bồi dưỡng trong phạm vi được xem." in gone.message
    assert not_staff.message == "Anh/chị không có quyền xem trang đào tạo, bồi dưỡng."


def test_export_query_count_does_not_grow_with_lines(plan, board, tree, django_assert_max_num_queries):
    from canbo.training.models import PlanLine

    client = client_for(board)
    with django_assert_max_num_queries(30) as few:
        exported(client, f"/dao-tao/ke-hoach/{plan.pk}/ket-qua.xlsx")
    for code in ("LLCT_TRUNG_CAP", "NV_TO_CHUC", "DT_THAC_SI", "QLNN_CHUYEN_VIEN"):
        PlanLine.objects.create(
            plan=plan, programme=programme(code), responsible_unit=tree["province"], target_count=9
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        exported(client, f"/dao-tao/ke-hoach/{plan.pk}/ket-qua.xlsx")


def test_text_typed_as_a_formula_stays_text_in_the_plan_workbook(plan, board):
    """Issue 18.3 in an ordinary (not write-only) sheet: the line's note and the plan's title."""
    formula = '=HYPERLINK("//x","a") Văn B'
    plan.lines.update(note=formula, audience="=1+1")
    type(plan).objects.filter(pk=plan.pk).update(title=formula)

    sheet = workbook_of(exported(client_for(board), f"/dao-tao/ke-hoach/{plan.pk}/xlsx"))["Kế hoạch"]

    header, rows = table(sheet)
    line = dict(zip(header, rows[0], strict=True))
    title = next(
        sheet.cell(row=r, column=2) for r in range(3, 12) if sheet.cell(row=r, column=1).value == "Kế hoạch"
    )
    for cell, text in ((line["Ghi chú"], formula), (line["Đối tượng"], "=1+1"), (title, formula)):
        assert (cell.value, cell.data_type) == (text, "s")
