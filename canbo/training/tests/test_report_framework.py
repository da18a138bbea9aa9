"""Interval reports in the framework: from/to with defaults, Vietnamese errors, every door, few queries."""

import datetime
import json
import re
from io import StringIO

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from canbo.reports.base import ReportParameterError
from canbo.reports.registry import get_report
from tests.factories import PersonFactory
from tests.report_province import run

from .test_report_enrolments import PERIOD, D, enrol, training_fixture  # noqa: F401

INTERVAL_REPORTS = ["training-enrolments", "training-degrees", "training-spending"]


def parse(name, **data):
    return get_report(name).parse(data, user=None)


@pytest.mark.parametrize("name", INTERVAL_REPORTS)
def test_without_dates_the_interval_is_this_year_to_today(db, name):
    today = timezone.localdate()
    params = parse(name)

    assert (params.date_from, params.date_to, params.on) == (datetime.date(today.year, 1, 1), today, None)
    assert params.interval and params.is_period


def test_one_end_given(db):
    assert parse("training-enrolments", to="31/12/2019").date_from == D(2019, 1, 1)
    assert parse("training-enrolments", **{"from": "2019-06-01"}).date_to == timezone.localdate()
    same_day = parse("training-enrolments", **{"from": "01/06/2019", "to": "01/06/2019"})
    assert same_day.date_from == same_day.date_to == D(2019, 6, 1)  # both ends included: one day is fine


def test_on_is_not_a_parameter_of_an_interval_report(db):
    form = get_report("training-enrolments").form(user=None)

    assert list(form.fields)[:3] == ["org", "from", "to"]
    assert "on" not in form.fields
    assert (form.fields["from"].label, form.fields["to"].label) == ("Từ ngày", "Đến ngày")
    # The page sends today's `on` by default: it is ignored, not an error.
    assert parse("training-enrolments", on="31/12/2019").date_to == timezone.localdate()


def errors_of(name, **data):
    with pytest.raises(ReportParameterError) as exc:
        run(name, **data)
    return exc.value.errors


@pytest.mark.parametrize(
    ("data", "errors"),
    [
        ({"from": "31/12/2020", "to": "01/01/2015"},
         {"to": ["Ngày cuối (đến ngày) không được trước ngày đầu (từ ngày)."]}),
        ({"from": "32/01/2020"}, {"from": ["Ngày không hợp lệ: hãy nhập theo dạng dd/mm/yyyy (ví dụ 31/12/2019)."]}),
        ({"to": "01/01/1900"}, {"to": ["Ngày nằm ngoài khoảng cho phép (02/09/1945 – 31/12/2100)."]}),
        ({"measure": "sent"}, {"measure": ["Cách đếm “sent” không hợp lệ."]}),
        ({"group": "gender"}, {"group": ["Cách chia “gender” không hợp lệ."]}),
        ({"mode": "ONLINE"}, {"mode": ["Hệ “ONLINE” không hợp lệ."]}),
        ({"programme": "KHONG_CO"}, {"programme": ["Không có chương trình mã “KHONG_CO”."]}),
    ],
)  # fmt: skip
def test_bad_parameters_get_vietnamese_errors(db, data, errors):
    assert errors_of("training-enrolments", **data) == errors


def test_the_description_names_the_interval_and_the_options(training):
    result = run("training-enrolments", org="SO_A", measure="completed", kind="DEGREE", **PERIOD)

    assert result.parameters_text == (
        "Từ ngày 01/01/2015 đến ngày 31/12/2020; phạm vi: đơn vị Sở A (SO_A) và các đơn vị trực thuộc; "
        "cách đếm: Hoàn thành (có kết quả hoàn thành trong khoảng); chia theo: Chương trình; "
        "nhóm chương trình: Đào tạo chuyên môn (cao đẳng, đại học, sau đại học)"
    )
    assert result.parameters["from"] == "2015-01-01" and result.parameters["on"] is None


def test_describe_lists_the_interval_parameters(db):
    described = get_report("training-enrolments").describe()["parameters"]

    assert [p["name"] for p in described][:5] == ["org", "from", "to", "measure", "group"]
    assert described[1]["type"] == "date"
    assert [p["name"] for p in get_report("training-plan").describe()["parameters"]] == ["org", "year"]


def report(*args) -> str:
    out = StringIO()
    call_command("report", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_command_table_json_and_xlsx(training, tmp_path):
    table = report("training-enrolments", "--from", "01/01/2015", "--to", "31/12/2020", "--group", "form")
    lines = table.splitlines()
    assert lines[:2] == [
        "Đào tạo, bồi dưỡng theo chương trình",
        "Từ ngày 01/01/2015 đến ngày 31/12/2020; phạm vi: toàn tỉnh; cách đếm: Cử đi học, tham gia (ngày bắt "
        "đầu học trong khoảng); chia theo: Hình thức (đào tạo / bồi dưỡng)",
    ]
    assert next(x for x in lines if x.startswith("Tổng cộng")).split()[-2:] == ["5", "10"]

    data = json.loads(
        report("training-degrees", "--from", "2015-01-01", "--to", "2020-12-31", "--format", "json")
    )
    assert data["parameters"] == {
        "org": None, "on": None, "from": "2015-01-01", "to": "2020-12-31", "measure": "started", "mode": "",
        "venue": "",
    }  # fmt: skip
    assert data["totals"][0]["values"] == {"level": "Tổng cộng", "persons": 3, "turns": 3}

    fostering = json.loads(
        report("training-enrolments", "--form", "BOI_DUONG", "--to", "31/12/2020", "--format", "json")
    )
    assert fostering["parameters"]["from"] == "2020-01-01" and fostering["parameters"]["form"] == "BOI_DUONG"
    assert fostering["meta"] == {"measure": "started", "persons": 3, "turns": 4}

    path = tmp_path / "plan.xlsx"
    report("training-plan", "--year", "2019", "--org", "SO_A", "--format", "xlsx", "--output", str(path))
    sheet = openpyxl.load_workbook(path).active
    assert sheet["A1"].value == "Kế hoạch đào tạo, bồi dưỡng: chỉ tiêu và kết quả"
    row = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "Cao cấp lý luận chính trị")
    assert row[2:7] == ("Trong nước", 10, 1, 1, 10.0)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("training-enrolments", "--from", "31/12/2020", "--to", "01/01/2020"), "--to: Ngày cuối (đến ngày)"),
        (("training-plan", "--year", "x"), "--year: Năm kế hoạch phải là một số"),
        (("training-enrolments", "--breakdown", "level"), "Tham số --breakdown không dùng cho báo cáo"),
        (("training-spending", "--user", "charlie", "--org", "SO_A"), "Không tìm thấy đơn vị “SO_A”"),
    ],
)
def test_command_errors(training, charlie, args, message):
    with pytest.raises(CommandError, match=re.escape(message)):
        report(*args)


def test_the_page_shows_an_interval_report_and_its_excel(client, training, alice, export_via_job):
    client.force_login(alice)

    first = client.get("/bao-cao/training-enrolments/")  # no parameters: this year to today
    assert first.status_code == 200
    assert "Từ ngày" in first.content.decode() and 'name="on"' not in first.content.decode()
    page = client.get("/bao-cao/training-enrolments/", PERIOD)
    html = page.content.decode()
    assert "Từ ngày 01/01/2015 đến ngày 31/12/2020" in html
    assert "/dao-tao/luot-hoc/?from=01%2F01%2F2015" in html
    xlsx = export_via_job("/bao-cao/training-enrolments/xuat-excel/", PERIOD)
    assert xlsx.status_code == 200
    assert "training-enrolments-20201231.xlsx" in xlsx["Content-Disposition"]
    assert export_via_job("/bao-cao/training-plan/xuat-excel/", {"year": "2019"}).status_code == 200
    no_year = client.get("/bao-cao/training-plan/")  # no year: this year's plan, never a red error first
    assert no_year.status_code == 200 and no_year.context["result"] is not None
    assert 'class="errorlist' not in no_year.content.decode()
    assert client.get("/bao-cao/training-spending/", {**PERIOD, "org": "SO_B"}).status_code == 404


def test_the_api_runs_them_scoped(client, training, bob, charlie):
    client.force_login(bob)
    data = client.get("/api/v1/reports/training-enrolments/", {**PERIOD, "group": "level"}).json()
    assert data["totals"][0]["values"] == {"level": "Tổng cộng", "persons": 2, "turns": 4}

    bad = client.get("/api/v1/reports/training-plan/", {"year": "x"})
    assert bad.status_code == 400
    assert bad.json()["errors"] == {"year": ["Năm kế hoạch phải là một số, ví dụ 2019."]}
    client.force_login(charlie)
    assert client.get("/api/v1/reports/training-degrees/", {"org": "SO_A"}).status_code == 404


CASES = [
    ("training-enrolments", {**PERIOD}),
    ("training-enrolments", {**PERIOD, "group": "programme_mode", "measure": "completed", "org": "SO_A"}),
    ("training-enrolments", {**PERIOD, "group": "level", "programme": "NV_TO_CHUC"}),
    ("training-degrees", {**PERIOD}),
    ("training-plan", {"year": "2019"}),
    ("training-plan", {"year": "2019", "org": "SO_A"}),
    ("training-spending", {**PERIOD}),
]


@pytest.mark.parametrize(("name", "data"), CASES)
def test_a_training_report_runs_in_at_most_three_queries(
    training, alice, django_assert_max_num_queries, name, data
):
    report_ = get_report(name)
    params = report_.parse(data, user=alice)  # the roles and the --org unit: looked up once when parsing

    with django_assert_max_num_queries(3):
        report_.run_with(user=alice, params=params)


@pytest.mark.parametrize(("name", "data"), CASES)
def test_the_query_count_does_not_grow_with_the_data(training, board, name, data):
    def count():
        board.__dict__.pop("_canbo_roles", None)
        with CaptureQueriesContext(connection) as ctx:
            run(name, user=board, **data)
        return len(ctx.captured_queries)

    few = count()
    line = training["lines"]["L1"]
    for i in range(20):
        person = PersonFactory(current_unit=training["units"]["dept_a" if i % 2 else "commune"])
        enrol(person, "LLCT_CAO_CAP", D(2019, 3, 4), line=line)
        enrol(person, "NV_TO_CHUC", D(2020, 5, 4))
    assert count() == few <= 5


def test_the_unit_is_chosen_by_name_and_the_page_shows_no_technical_names(client, training, alice):
    client.force_login(alice)
    index = client.get("/bao-cao/").content.decode()
    assert "manage.py" not in index and "/api/v1/" not in index and "<code>" not in index
    page = client.get("/bao-cao/training-enrolments/")
    html = page.content.decode()
    assert "<code>" not in html and 'hx-get="/bao-cao/chon-don-vi/"' in html  # searched as one types
    assert "— SO_A" in client.get("/bao-cao/chon-don-vi/", {"q": "so a"}).content.decode()
    chosen = client.get("/bao-cao/training-enrolments/", {**PERIOD, "org": "Sở A — SO_A"})
    assert chosen.status_code == 200 and chosen.context["form"].cleaned_data["org"].code == "SO_A"
