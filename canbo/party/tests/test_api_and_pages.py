import datetime

import pytest
from rest_framework.test import APIClient

from canbo.core.dates import add_months
from canbo.party import services
from canbo.party.models import Admission, AdmissionTarget
from canbo.reports.registry import get_report

from .conftest import admit_data, today


def api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def body(party_org, person=None, **extra):
    data = admit_data(party_org)
    data = {k: (v.strftime("%d/%m/%Y") if isinstance(v, datetime.date) else v) for k, v in data.items()}
    data["party_org"] = party_org.code
    data["general_education"] = data.pop("education")
    if person is not None:
        data["person"] = str(person.uuid)
    data.update(extra)
    return data


@pytest.fixture
def admitted(alice, anh, party_a):
    return services.admission_record(actor=alice, person=anh, **admit_data(party_a))


def test_alice_admits_through_the_api(alice, anh, party_a):
    response = api(alice).post("/api/v1/party/admissions/", body(party_a, anh), format="json")

    assert response.status_code == 201, response.json()
    assert response.json()["party_status"] == "DU_BI"


def test_bad_input_is_answered_in_vietnamese(alice, anh, party_a):
    response = api(alice).post(
        "/api/v1/party/admissions/", body(party_a, anh, general_education="TIEU_HOC"), format="json"
    )
    assert response.status_code == 400
    assert "trung học cơ sở" in str(response.json())
    assert not Admission.objects.exists()


@pytest.mark.parametrize("who, code", [("bob", 403), ("standing", 403), ("dana", 403), ("sysadmin", 403)])
def test_readers_and_outsiders_cannot_write(request, anh, party_a, who, code):
    response = api(request.getfixturevalue(who)).post(
        "/api/v1/party/admissions/", body(party_a), format="json"
    )
    assert response.status_code == code


def test_charlie_cannot_admit_someone_of_dept_a(charlie, anh, party_b):
    response = api(charlie).post("/api/v1/party/admissions/", body(party_b, anh), format="json")
    assert response.status_code == 404  # anh is not visible to charlie


@pytest.mark.parametrize(
    "who, count, detail",
    [("alice", 1, 200), ("bob", 1, 200), ("board", 1, 200), ("standing", 1, 200), ("charlie", 0, 404)],
)
def test_reads_are_scoped(request, admitted, who, count, detail):
    client = api(request.getfixturevalue(who))
    assert client.get("/api/v1/party/admissions/").json()["count"] == count
    assert client.get(f"/api/v1/party/admissions/{admitted.pk}/").status_code == detail


def test_confirm_and_remove_through_the_api(alice, charlie, admitted):
    ok_day = add_months(admitted.admitted_on, 12)
    data = {"vote_date": ok_day.strftime("%d/%m/%Y"), "decision_number": "7", "version": admitted.version}
    assert api(charlie).post(f"/api/v1/party/admissions/{admitted.pk}/confirm/", data).status_code == 404
    response = api(alice).post(f"/api/v1/party/admissions/{admitted.pk}/confirm/", data)
    assert response.status_code == 200, response.json()
    assert response.json()["party_status"] == "CHINH_THUC"
    stale = {
        "removal": "XOA_TEN",
        "on": today().strftime("%d/%m/%Y"),
        "decision_number": "8",
        "reason": "Bỏ sinh hoạt",
        "version": admitted.version,
    }
    assert api(alice).post(f"/api/v1/party/admissions/{admitted.pk}/remove/", stale).status_code == 409


def test_pages(client, alice, bob, charlie, admitted, export_via_job):
    client.force_login(bob)
    page = client.get("/dang-vien/")
    assert page.status_code == 200 and "Nguyễn Văn Ánh" in page.content.decode()
    assert client.get("/dang-vien/ket-nap/").status_code == 403
    assert export_via_job("/dang-vien/xuat-excel/")["Content-Type"].startswith("application/vnd.openxml")
    client.force_login(charlie)
    assert "Nguyễn Văn Ánh" not in client.get("/dang-vien/").content.decode()
    assert client.get(f"/dang-vien/{admitted.pk}/").status_code == 404


def test_the_entry_page_shows_the_refusal(client, alice, anh, party_a):
    client.force_login(alice)
    data = body(party_a, person=None, person_key="")
    data.update(person=str(anh.uuid), education="TIEU_HOC")
    response = client.post("/dang-vien/ket-nap/", data)
    assert response.status_code == 200
    assert "phải có trình độ tối thiểu trung học cơ sở (hoặc tương đương)" in response.content.decode()
    assert not Admission.objects.exists()


def test_the_report_counts_admissions_against_the_target(
    board, bob, party_a, party_b, django_assert_max_num_queries
):
    AdmissionTarget.objects.create(
        party_org=party_a,
        start_year=2020,
        end_year=2025,
        target=5000,
        resolution_number="NQ 01",
        recorded_by=board,
    )
    AdmissionTarget.objects.create(
        party_org=party_b,
        start_year=2020,
        end_year=2025,
        target=100,
        resolution_number="NQ 02",
        recorded_by=board,
    )
    rows = [
        Admission(
            candidate_name=f"Người {i}",
            birth_date=datetime.date(1995, 1, 1),
            education="THPT",
            party_org=party_a,
            cell="Chi bộ 1",
            cell_vote_date=datetime.date(2021, 3, 1),
            decision_number=str(i),
            decision_date=datetime.date(2021, 3, 5),
            admitted_on=datetime.date(2021 + i % 5, 3, 10),
            recorded_by=board,
        )
        for i in range(2715)
    ]
    rows.append(
        Admission(
            candidate_name="Ngoài kỳ",
            birth_date=datetime.date(1995, 1, 1),
            education="THPT",
            party_org=party_a,
            cell="x",
            cell_vote_date=datetime.date(2026, 1, 1),
            decision_number="x",
            decision_date=datetime.date(2026, 1, 2),
            admitted_on=datetime.date(2026, 1, 3),
            recorded_by=board,
        )
    )
    Admission.objects.bulk_create(rows)
    report = get_report("party-admissions")
    with django_assert_max_num_queries(4):
        result = report.execute(user=board, data={"term": "2020-2025"})
    assert result.meta["2020-2025"] == {"target": 5100, "admitted": 2715, "pct": "53.2"}
    row = next(r for r in result.rows if r.values["party_org"] == "Đảng bộ Sở A")
    assert (row.values["admitted"], str(row.values["pct"])) == (2715, "54.3")
    assert "54,3" in report.execute(user=bob, data={}).notes[0]
    assert len(report.execute(user=bob, data={}).rows) == 1  # bob sees dept_a's organisation only


def test_dashboard_tile(board, charlie, dana, admitted, party_a, django_assert_max_num_queries):
    from canbo.party.selectors import dashboard_tiles

    year = today().year
    AdmissionTarget.objects.create(
        party_org=party_a,
        start_year=year - 1,
        end_year=year + 4,
        target=4,
        resolution_number="NQ",
        recorded_by=board,
    )
    admitted_year = admitted.admitted_on.year
    expected = 1 if year - 1 <= admitted_year <= year + 4 else 0
    with django_assert_max_num_queries(4):
        tiles = dashboard_tiles(user=board, today=today())["party_tiles"]
    assert tiles == [(f"{year - 1}-{year + 4}", expected, 4, str(services_share(expected, 4)))]
    assert dashboard_tiles(user=charlie, today=today()) == {"party_tiles": []}
    assert dashboard_tiles(user=dana, today=today()) == {}


def services_share(done, target):
    from canbo.party.reports import share

    return share(done, target)


def _admission(party_org, board, admitted_on, name="Người"):
    return Admission(
        candidate_name=name,
        birth_date=datetime.date(1995, 1, 1),
        education="THPT",
        party_org=party_org,
        cell="Chi bộ 1",
        cell_vote_date=admitted_on - datetime.timedelta(days=30),
        decision_number="1",
        decision_date=admitted_on - datetime.timedelta(days=5),
        admitted_on=admitted_on,
        recorded_by=board,
    )


def test_the_report_counts_up_to_the_date_from_the_congress(board, party_a, django_assert_max_num_queries):
    AdmissionTarget.objects.create(
        party_org=party_a,
        start_year=2020,
        end_year=2025,
        target=10,
        resolution_number="NQ Đại hội",
        resolution_date=datetime.date(2020, 10, 16),
        recorded_by=board,
    )
    days = [
        (2020, 5, 1),
        (2020, 10, 16),
        (2021, 3, 1),
        (2023, 6, 30),
        (2023, 7, 1),
        (2025, 12, 31),
        (2026, 1, 2),
    ]
    Admission.objects.bulk_create([_admission(party_a, board, datetime.date(*d)) for d in days])
    report = get_report("party-admissions")
    with django_assert_max_num_queries(4):
        result = report.execute(user=board, data={"term": "2020-2025", "on": "30/06/2023"})
    # before the congress (05/2020) and after the date do not count; the congress day and 30/06/2023 do
    assert result.meta["2020-2025"] == {"target": 10, "admitted": 3, "pct": "30.0"}
    assert "đến ngày 30/06/2023" in result.notes[0]
    assert report.execute(user=board, data={"term": "2020-2025"}).meta["2020-2025"]["admitted"] == 5


def test_a_bad_date_is_refused_in_vietnamese(board):
    from canbo.reports.base import ReportParameterError

    with pytest.raises(ReportParameterError) as caught:
        get_report("party-admissions").execute(user=board, data={"on": "31/02/2023"})
    assert "on" in caught.value.errors
