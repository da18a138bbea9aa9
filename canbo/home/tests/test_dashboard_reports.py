"""The dashboard keeps its figures and adds report tiles and the headcount chart."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.report_province import make_people, province_fixture, staff_fixture  # noqa: F401 (the fixtures)


def test_the_dashboard_shows_report_tiles_and_the_chart(client, staff, board):
    client.force_login(board)
    response = client.get("/")
    html = response.content.decode()

    assert response.status_code == 200
    assert response.context["total"] == 12  # current working staff, as before (the late hire included)
    assert "Chuyên môn từ đại học trở lên" in html
    assert 'id="dashboard-chart-data"' in html
    assert "vendor/chartjs/chart.umd.min.js" in html
    assert 'href="/bao-cao/headcount/"' in html


def test_an_officer_sees_their_units_figures(client, staff, alice):
    client.force_login(alice)
    response = client.get("/")

    assert response.context["headcount_total"] == 4  # a1, a2, mover and the late hire, as of today


def test_an_official_sees_no_report_panels(client, staff, dana):
    client.force_login(dana)
    response = client.get("/")

    assert response.status_code == 200
    assert "reports" not in response.context
    assert "dashboard-chart" not in response.content.decode()


def test_the_dashboard_query_count_does_not_grow_with_the_data(client, tree, alice):
    client.force_login(alice)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/").status_code == 200
        return len(ctx.captured_queries)

    make_people(tree["dept_a"], 5)
    count()  # the retirement rules are cached per process: whether an earlier test loaded them is chance
    few = count()
    make_people(tree["dept_a"], 45)
    assert count() == few
