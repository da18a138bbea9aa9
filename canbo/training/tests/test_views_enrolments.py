"""The enrolment list (lượt học): the people behind every training report figure, its scoping and its export."""

import datetime
import io
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from canbo.reports.registry import get_report
from canbo.training.choices import EnrolmentResult, TrainingMode, Venue
from canbo.training.models import Enrolment, Programme
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db
D = datetime.date
URL = "/dao-tao/luot-hoc/"


def enrol(person, code, start, *, result=EnrolmentResult.PENDING, on=None, unit=None, **extra):
    return Enrolment.objects.create(
        person=person,
        programme=Programme.objects.get(code=code),
        unit=unit or person.current_unit,
        mode=extra.pop("mode", TrainingMode.FULL_TIME),
        venue=extra.pop("venue", Venue.DOMESTIC),
        start_date=start,
        result=result,
        result_date=on,
        **extra,
    )


@pytest.fixture
def lượt(tree, anh, outsider_person):
    """anh (Sở A's office): 3 lượt; hoa (Sở A): 1; bích (Sở B): 2; one of anh's was sent from Sở B."""
    hoa = PersonFactory(full_name="Lò Thị Hoa", current_unit=tree["dept_a"])
    return [
        enrol(anh, "LLCT_CAO_CAP", D(2020, 3, 2), result="COMPLETED", on=D(2020, 11, 20)),
        enrol(anh, "NV_TO_CHUC", D(2020, 5, 4), result="COMPLETED", on=D(2020, 5, 15)),
        enrol(anh, "TH_CO_BAN", D(2019, 6, 1), unit=tree["dept_b"]),
        enrol(
            hoa,
            "LLCT_CAO_CAP",
            D(2020, 3, 2),
            mode=TrainingMode.PART_TIME,
            result="WITHDRAWN",
            on=D(2020, 4, 1),
        ),
        enrol(outsider_person, "NV_TO_CHUC", D(2020, 5, 4), result="COMPLETED", on=D(2020, 5, 15)),
        enrol(outsider_person, "DT_THAC_SI", D(2018, 9, 1), venue=Venue.ABROAD),
    ]


def _list(client, user, **params):
    client.force_login(user)
    return client.get(URL, params)


def test_counts_of_lượt_and_persons_at_the_top(client, board, lượt):
    response = _list(client, board, **{"from": "01/01/2020", "to": "31/12/2020"})
    assert response.context["counts"] == {"turns": 4, "persons": 3}
    html = response.content.decode()
    assert "<strong>4</strong> lượt, <strong>3</strong> người" in html
    assert "Nguyễn Văn Ánh" in html and "02/03/2020" in html and "Hoàn thành" in html


def test_filters_mean_what_the_reports_mean(client, board, lượt):
    def count(**params):
        return _list(client, board, **params).context["counts"]["turns"]

    period = {"from": "01/01/2020", "to": "31/12/2020"}
    assert count(**period, measure="completed") == 3
    assert count(**period, measure="completed", unit="SO_A") == 2
    assert count(**period, unit="SO_A", programme="LLCT_CAO_CAP") == 2
    assert count(**period, unit="SO_A", programme="LLCT_CAO_CAP", mode="KHONG_TAP_TRUNG") == 1
    assert count(kind="DEGREE", venue="NUOC_NGOAI") == 1
    assert count(form="BOI_DUONG") == 3
    assert count(unit="SO_B") == 3  # the unit at enrolment: anh was sent from Sở B once
    assert count(q="nguyen van anh") == 3


def test_the_list_matches_the_report_figure_and_every_link_of_the_report(client, board, alice, lượt):
    report = get_report("training-enrolments")
    followed = 0
    for user in (board, alice):
        for params in [
            {"from": "01/01/2018", "to": "31/12/2020"},
            {"from": "01/01/2020", "to": "31/12/2020", "measure": "completed", "org": "SO_A"},
            {"from": "01/01/2015", "to": "31/12/2020", "form": "DAO_TAO", "group": "mode"},
        ]:
            result = report.execute(user=user, data=params)
            rows = [*result.rows, *result.totals]
            assert rows
            for row in rows:
                link = row.links.get("turns")
                if not link:
                    continue
                client.force_login(user)
                response = client.get(link)
                assert response.status_code == 200, link
                counts = response.context["counts"]
                assert (counts["turns"], counts["persons"]) == (row.values["turns"], row.values["persons"]), (
                    link
                )
                followed += 1
    assert followed >= 10


def test_an_officer_sees_the_lượt_of_their_units_only(client, alice, charlie, lượt, outsider_person):
    response = _list(client, alice)
    names = {e.person.full_name for e in response.context["page"].object_list}
    assert names == {"Nguyễn Văn Ánh", "Lò Thị Hoa"}
    assert response.context["counts"]["turns"] == 3  # anh's lượt sent from Sở B is Sở B's
    response = _list(client, alice, unit="SO_B")
    assert response.context["page"] is None and "Không tìm thấy đơn vị" in response.content.decode()
    response = _list(client, charlie)
    # Sở B's report counts the lượt it sent anh to (3), but anh is Sở A's now: the names stay with Sở A (018)
    assert response.context["counts"]["turns"] == 2
    assert "Lò Thị Hoa" not in response.content.decode() and "Nguyễn Văn Ánh" not in response.content.decode()


def test_bad_parameters_are_vietnamese_errors(client, board, lượt):
    response = _list(client, board, **{"from": "31/12/2020", "to": "01/01/2020", "mode": "XX"})
    html = response.content.decode()
    assert response.context["page"] is None
    assert "“Đến ngày” phải từ “từ ngày” trở đi." in html and "Lựa chọn không hợp lệ." in html
    response = _list(client, board, **{"from": "2020-13-01"})
    assert "Ngày không hợp lệ" in response.content.decode()


def _sheet(response):
    assert response.status_code == 200
    return load_workbook(io.BytesIO(b"".join(response.streaming_content))).active


def test_excel_export_of_the_filtered_list(client, export_via_job, alice, lượt):
    client.force_login(alice)
    response = export_via_job(reverse("training:enrolment_export"), {"unit": "SO_A", "measure": "completed"})
    assert "luot-dao-tao-boi-duong-" in response["Content-Disposition"]
    rows = list(_sheet(response).iter_rows(values_only=True))
    assert rows[0][:3] == ("STT", "Mã hồ sơ", "Họ và tên")
    assert len(rows) == 3
    assert {r[2] for r in rows[1:]} == {"Nguyễn Văn Ánh"}
    assert "Hoàn thành" in rows[1]
    response = client.post(reverse("training:enrolment_export") + "?unit=SO_B")
    assert response.status_code == 302 and "unit=SO_B" in response["Location"]
    assert "/tac-vu/" not in response["Location"]


def test_the_export_page_starts_nothing_until_the_button_is_pressed(client, alice, lượt):
    from canbo.jobs.models import Job

    client.force_login(alice)
    response = client.get(reverse("training:enrolment_export"), {"unit": "SO_A"})
    assert response.status_code == 200 and "Bắt đầu xuất" in response.content.decode()
    assert not Job.objects.exists()
    html = client.get(URL, {"unit": "SO_A"}).content.decode()
    assert f'method="post" action="{reverse("training:enrolment_export")}?unit=SO_A"' in html


def test_a_programme_name_typed_as_a_formula_is_exported_as_text(client, export_via_job, board, anh):
    """Issue 18.3: text from the database is written as text, never as a formula."""
    name = '=HYPERLINK("//x","a") Văn B'
    programme = Programme.objects.get(code="NV_TO_CHUC")
    enrol(anh, "NV_TO_CHUC", D(2020, 5, 4), result="COMPLETED", on=D(2020, 5, 15), certificate_number="=1+1")
    Programme.objects.filter(pk=programme.pk).update(name=name)
    anh.full_name = name
    anh.save(update_fields=["full_name"])
    client.force_login(board)

    sheet = _sheet(export_via_job(reverse("training:enrolment_export")))

    header = [c.value for c in sheet[1]]
    row = dict(zip(header, sheet[2], strict=True))
    for column, text in (("Họ và tên", name), ("Chương trình", name), ("Số văn bằng, chứng chỉ", "=1+1")):
        assert (row[column].value, row[column].data_type) == (text, "s"), column


def test_the_list_is_for_staff_only(client, dana, bob, lượt):
    assert _list(client, dana).status_code == 403
    assert _list(client, bob).status_code == 200
    client.logout()
    response = client.get(URL)
    assert response.status_code == 302 and "/tai-khoan/" in response["Location"]


def test_query_count_does_not_grow_with_the_rows(client, board, tree, django_assert_max_num_queries):
    programme = Programme.objects.get(code="NV_TO_CHUC")
    people = [PersonFactory(current_unit=tree["dept_a"]) for _ in range(60)]
    Enrolment.objects.bulk_create(
        Enrolment(
            person=p,
            programme=programme,
            unit=tree["dept_a"],
            mode="TAP_TRUNG",
            venue="TRONG_NUOC",
            start_date=D(2020, 1, 1),
        )
        for p in people
    )
    client.force_login(board)
    with django_assert_max_num_queries(8):  # + the notification badge
        assert client.get(URL + "?" + urlencode({"unit": "SO_A", "from": "01/01/2020"})).status_code == 200


def test_columns_sort_and_the_sort_is_kept_in_paging_and_export(client, board, alice, lượt):
    rows = _list(client, board, sap_xep="bat_dau").context["page"].object_list
    assert [e.start_date for e in rows] == sorted(e.start_date for e in lượt)
    response = _list(client, board, sap_xep="ten")
    names = [e.person.full_name for e in response.context["page"].object_list]
    assert names.index("Trần Thị Bích") < names.index("Lò Thị Hoa")  # given names: Bích < Hoa
    html = response.content.decode()
    assert 'aria-sort="ascending"' in html and 'class="letters"' in html
    assert "/dao-tao/luot-hoc/xuat-excel/?sap_xep=ten" in html
    # the officer of Sở A, with the board's cursor, still sees only the lượt of Sở A's subtree
    board_page = _list(client, board, sap_xep="-ten").context["page"]
    page = _list(client, alice, sap_xep="-ten", truoc=board_page.next_cursor).context["page"]
    assert "Trần Thị Bích" not in {e.person.full_name for e in page.object_list}
    page = _list(client, alice, sap_xep="-ten", chu="T").context["page"]
    assert {e.person.full_name for e in page.object_list} <= {"Nguyễn Văn Ánh", "Lò Thị Hoa"}


def test_keyset_pages_of_the_enrolment_list(client, board, tree, monkeypatch):
    from canbo.training.views import enrolments

    monkeypatch.setattr(enrolments, "PAGE_SIZE", 2)
    programme = Programme.objects.get(code="NV_TO_CHUC")
    for day in range(1, 6):
        p = PersonFactory(current_unit=tree["dept_a"])
        Enrolment.objects.create(
            person=p,
            programme=programme,
            unit=p.current_unit,
            mode="TAP_TRUNG",
            venue="TRONG_NUOC",
            start_date=D(2020, 1, day),
        )
    seen, page = [], _list(client, board).context["page"]
    assert page.count == 5
    while True:
        seen += [e.start_date.day for e in page.object_list]
        if not page.has_next:
            break
        page = _list(client, board, sau=page.next_cursor).context["page"]
    assert seen == [5, 4, 3, 2, 1]
    response = _list(client, board, sau="garbage", sap_xep="nope", chu="1")
    assert response.status_code == 200
    assert [e.start_date.day for e in response.context["page"].object_list] == [5, 4]


def test_an_unfiltered_browse_counts_up_to_a_cap_and_says_so(client, board, lượt, monkeypatch):
    from canbo.training import selectors

    monkeypatch.setattr(selectors, "BROWSE_CAP", 2)
    browse = _list(client, board)
    assert browse.context["counts"] == {"turns": 2, "persons": 2, "capped": True, "persons_capped": True}
    assert "hơn 2</strong> lượt, <strong>hơn 2</strong> người" in browse.content.decode()

    asked = _list(client, board, **{"from": "01/01/2020", "to": "31/12/2020"})
    assert asked.context["counts"] == {"turns": 4, "persons": 3}  # the figures asked for: exact

    monkeypatch.setattr(selectors, "BROWSE_CAP", 100)
    assert "capped" not in _list(client, board).context["counts"]


def test_the_person_sees_the_enrolment_export_on_their_own_page(client, export_via_job, alice, anh, lượt):
    from tests.access_log import assert_the_person_sees_the_export

    client.force_login(alice)
    assert export_via_job(reverse("training:enrolment_export"), {"unit": "SO_A"}).status_code == 200
    assert_the_person_sees_the_export(client, anh, alice)
