"""The forms through every door of the report framework: the page (with its reconciliation line), the API, the
command line; scoping (an officer sees only their units, another unit is not found, an official is refused) and
a constant number of queries."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from canbo.reports.base import ReportParameterError
from canbo.reports.registry import get_report
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db
ON = "31/12/2019"


def units_of(result) -> dict[str, int]:
    return {r.values["unit"]: r.values["total"] for r in [*result.rows, *result.totals]}


def test_an_officer_sees_only_their_units(people, alice, charlie):
    as_alice = get_report("bieu-0203n").execute(user=alice, data={"on": ON})
    as_charlie = get_report("bieu-0203n").execute(user=charlie, data={"on": ON})

    assert units_of(as_alice) == {"Phòng Nội vụ": 2, "Tổng cộng": 2}
    assert units_of(as_charlie) == {"Sở A": 3, "Tổng cộng": 3}
    assert as_alice.meta["unit_name"] == "Huyện B" and as_charlie.meta["unit_name"] == "Sở A"
    assert units_of(get_report("bieu-0204an").execute(user=charlie, data={"on": ON})) == {"Tổng cộng": 0}


def test_another_units_org_is_not_found(people, alice):
    with pytest.raises(ReportParameterError) as exc:
        get_report("bieu-0203n").execute(user=alice, data={"on": ON, "org": "SO_A"})

    assert exc.value.not_found


def test_the_page_shows_the_form_and_says_it_reconciles(client, people, board):
    client.force_login(board)
    response = client.get("/bao-cao/bieu-0203n/", {"on": ON})
    html = response.content.decode()

    assert response.status_code == 200
    assert "Biểu 0203.N — Số lượng, chất lượng cán bộ, công chức từ cấp huyện trở lên" in html
    assert "Trình độ chuyên môn: Tiến sĩ" in html
    assert "— khớp." in html
    assert '<tr class="row-total">' in html


def test_the_page_answers_404_for_another_units_org_and_403_for_an_official(client, people, alice, dana):
    client.force_login(alice)
    assert client.get("/bao-cao/bieu-0203n/", {"on": ON, "org": "SO_A"}).status_code == 404
    assert client.get("/api/v1/reports/bieu-0203n/", {"on": ON, "org": "SO_A"}).status_code == 404
    client.force_login(dana)
    assert client.get("/bao-cao/bieu-0203n/", {"on": ON}).status_code == 403
    assert client.get("/api/v1/reports/bieu-0203n/", {"on": ON}).status_code == 403


def test_the_api_gives_the_same_figures_and_the_reconciliation(client, people, board):
    client.force_login(board)
    data = client.get("/api/v1/reports/bieu-0204an/", {"on": "2019-12-31"}).json()

    assert data["meta"]["form"] == "0204a.N"
    assert data["meta"]["reconciliation"]["ok"] is True
    assert data["totals"][0]["values"]["total"] == 2
    assert {"key": "age_over", "label": "Độ tuổi: Trên tuổi nghỉ hưu", "type": "int"} in data["columns"]


def test_bad_date_answers_400(client, people, board):
    client.force_login(board)
    response = client.get("/api/v1/reports/bieu-0203n/", {"on": "32/12/2019"})

    assert response.status_code == 400
    assert "on" in response.json()["errors"]


def test_the_command_prints_the_form_with_its_reconciliation(people):
    out = StringIO()
    call_command("report", "bieu-0206an", "--on", ON, stdout=out)
    text = out.getvalue()

    assert "Bệnh viện D" in text and "Tổng cộng" in text
    assert "Đối chiếu:" in text and "— khớp." in text


@pytest.mark.parametrize("name", ["bieu-0203n", "bieu-0207an", "bieu-0208an"])
def test_the_query_count_does_not_grow_with_the_data(people, units, board, name):
    def count():
        board.__dict__.pop("_canbo_roles", None)
        with CaptureQueriesContext(connection) as ctx:
            get_report(name).execute(user=board, data={"on": ON})
        return len(ctx.captured_queries)

    few = count()
    for _ in range(20):
        PersonFactory(current_unit=units["phong"], category="CC")
    # roles, the unit named on the form, one statement for the units and the total, the units' names, the quota
    assert count() == few <= 7
