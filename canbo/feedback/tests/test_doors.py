"""Pages, API and report of feedback: who sees it (wrong user → 404, leaders → counts only), bad input,
query counts."""

import datetime

import pytest
from django.urls import reverse

from canbo.accounts.models import Role
from canbo.feedback.models import Channel, Feedback
from canbo.feedback.services import feedback_assign, feedback_receive
from canbo.reports.registry import get_report
from tests.factories import PersonFactory, grant

D = datetime.date


def test_the_unit_officer_lists_and_opens_the_feedback(client, alice, about_anh):
    client.force_login(alice)
    assert "Nguyễn Văn Ánh" in client.get(reverse("feedback:index")).content.decode()
    assert client.get(reverse("feedback:detail", args=[about_anh.pk])).status_code == 200
    assert client.get(f"/api/v1/feedback/{about_anh.pk}/").json()["subject_name"] == "Nguyễn Văn Ánh"


def test_an_officer_of_another_unit_gets_404(client, charlie, about_anh):
    client.force_login(charlie)
    assert client.get(reverse("feedback:detail", args=[about_anh.pk])).status_code == 404
    assert client.get(f"/api/v1/feedback/{about_anh.pk}/").status_code == 404
    assert client.get("/api/v1/feedback/").json()["count"] == 0


@pytest.mark.parametrize("who", ["bob", "standing", "dana", "sysadmin"])
def test_leaders_and_officials_see_no_feedback(client, request, who, about_anh):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("feedback:index")).status_code == 403
    assert client.get(reverse("feedback:detail", args=[about_anh.pk])).status_code == 403
    assert client.get("/api/v1/feedback/").status_code == 403


def test_the_assigned_handler_sees_only_what_is_assigned_to_them(client, alice, bob, about_anh, anh):
    other = feedback_receive(actor=alice, channel=Channel.HOTLINE, received_on=D(2026, 3, 3), subject_person=anh,
                             content="Khác")  # fmt: skip
    feedback_assign(actor=alice, feedback=about_anh, handler=bob)
    client.force_login(bob)
    assert [f["id"] for f in client.get("/api/v1/feedback/").json()["results"]] == [about_anh.pk]
    assert client.get(reverse("feedback:detail", args=[other.pk])).status_code == 404


def test_nobody_sees_feedback_about_themselves(client, dana, tree, about_dana, board):
    grant(dana, Role.UNIT_OFFICER, tree["dept_a"])
    client.force_login(dana)
    assert client.get("/api/v1/feedback/").json()["count"] == 0
    assert client.get(reverse("feedback:detail", args=[about_dana.pk])).status_code == 404
    client.force_login(board)
    assert client.get("/api/v1/feedback/").json()["count"] == 1


def test_intake_through_the_page_and_bad_input(client, alice, anh):
    client.force_login(alice)
    bad = client.post(reverse("feedback:receive"), {"channel": "CONG_DAN", "received_on": "01/01/2099",
                                                    "content": "x", "subject_person": anh.code})  # fmt: skip
    assert bad.status_code == 200 and "không được ở tương lai" in bad.content.decode()
    assert not Feedback.objects.exists()
    ok = client.post(reverse("feedback:receive"), {"channel": "CONG_DAN", "received_on": "02/03/2026",
                                                   "content": "Gây phiền hà", "subject_person": anh.code})  # fmt: skip
    assert ok.status_code == 302 and Feedback.objects.get().deadline == D(2026, 3, 23)


def test_the_workflow_through_the_api(client, alice, bob, about_anh):
    client.force_login(alice)
    url = f"/api/v1/feedback/{about_anh.pk}/"
    assert (
        client.post(url + "assign/", {"handler": "nobody"}, content_type="application/json").status_code
        == 400
    )
    assert (
        client.post(url + "assign/", {"handler": "bob"}, content_type="application/json").status_code == 200
    )
    client.force_login(bob)
    assert (
        client.post(url + "verify/", {"notes": "Đã xác minh"}, content_type="application/json").status_code
        == 200
    )
    closed = client.post(url + "close/", {"conclusion": "DUNG", "closed_on": "20/03/2026"},
                         content_type="application/json")  # fmt: skip
    assert closed.status_code == 200 and closed.json()["handled_in_time"] is True
    client.force_login(alice)
    case = client.post(url + "open-case/", {"opened_on": "25/03/2026", "acts": [
        {"description": "Gây phiền hà", "committed_on": "20/02/2026", "form": "KHIEN_TRACH"}]},
        content_type="application/json")  # fmt: skip
    assert case.status_code == 201 and case.json()["status"] == "OPENED"
    page = client.get(reverse("feedback:detail", args=[about_anh.pk])).content.decode()
    assert "đúng hạn" in page and reverse("discipline:case_detail", args=[case.json()["id"]]) in page


def test_the_list_page_api_and_export_take_a_fixed_number_of_queries(
    client, alice, anh, tree, django_assert_max_num_queries, export_via_job
):
    for i in range(15):
        p = PersonFactory(full_name=f"Người {i}", gender="NAM", current_unit=tree["dept_a"])
        feedback_receive(actor=alice, channel=Channel.PRESS, received_on=D(2026, 3, 2), subject_person=p,
                         content="x")  # fmt: skip
    client.force_login(alice)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("feedback:index")).status_code == 200
    with django_assert_max_num_queries(6):
        assert client.get("/api/v1/feedback/").json()["count"] == 15
    # start (session, user, roles, job row), the job (claim, job, roles, count, rows, save) and the download
    with django_assert_max_num_queries(
        19
    ):  # +3: the persons in the file, their units and accounts, one access-log insert
        assert export_via_job(reverse("feedback:export")).status_code == 200


def test_the_report_counts_in_time_late_and_overdue_and_leaders_read_it(alice, bob, charlie, about_anh, anh):
    late = feedback_receive(actor=alice, channel=Channel.CITIZEN, received_on=D(2026, 1, 5), subject_person=anh,
                            content="y")  # fmt: skip
    late = feedback_assign(actor=alice, feedback=late, handler=bob)
    Feedback.objects.filter(pk=late.pk).update(status="CLOSED", conclusion="SAI", closed_on=D(2026, 3, 1),
                                               verification_notes="z")  # fmt: skip
    report = get_report("feedback-handling")
    result = report.execute(user=bob, data={"from": "01/01/2026", "to": "30/06/2026"})
    totals = result.meta["totals"]
    assert totals == {"received": 2, "in_time": 0, "late": 1, "overdue": 1, "pending": 0}
    assert result.totals[0].values["in_time_pct"] == 0
    assert (
        report.execute(user=charlie, data={"from": "01/01/2026", "to": "30/06/2026"}).meta["totals"][
            "received"
        ]
        == 0
    )


def test_the_overdue_tile_counts_for_leaders_but_not_for_officials(alice, bob, charlie, dana, about_anh):
    from canbo.feedback.selectors import dashboard_tiles

    after = D(2026, 3, 24)  # the deadline was 23/03/2026
    assert dashboard_tiles(user=bob, today=after) == {"feedback_overdue": 1}
    assert dashboard_tiles(user=bob, today=D(2026, 3, 23)) == {"feedback_overdue": 0}
    assert dashboard_tiles(user=charlie, today=after) == {"feedback_overdue": 0}
    assert dashboard_tiles(user=dana, today=after) == {"feedback_overdue": 0}


@pytest.mark.parametrize("sort", ["can_bo", "-can_bo", "han", "-tiep_nhan", "?", ""])
def test_the_list_sorts_by_column_and_bad_parameters_give_the_first_page(
    client, alice, charlie, about_anh, sort
):
    client.force_login(alice)
    response = client.get(reverse("feedback:index"), {"sap_xep": sort, "sau": "bad" if sort == "?" else ""})
    assert response.status_code == 200 and "Nguyễn Văn Ánh" in response.content.decode()
    client.force_login(charlie)  # another unit: sorting or paging does not reach Sở A's feedback
    assert "Nguyễn Văn Ánh" not in client.get(reverse("feedback:index"), {"sap_xep": sort}).content.decode()


def test_the_report_puts_each_item_in_one_state_per_unit_as_of_the_last_day(board, alice, anh, tree):
    """In time: concluded by its deadline; late: concluded after it; overdue: not concluded by the last day of the
    interval (a conclusion after it does not count) and past the deadline; pending: the deadline is not past."""
    other = PersonFactory(full_name="Cà Văn Bình", gender="NAM", current_unit=tree["dept_b"])
    end = D(2026, 6, 30)

    def item(person, received, deadline, closed=None):
        fb = feedback_receive(actor=board, channel=Channel.CITIZEN, received_on=received, subject_person=person,
                              content="x")  # fmt: skip
        fields = {"deadline": deadline}
        if closed:
            fields.update(status="CLOSED", conclusion="SAI", closed_on=closed, verification_notes="z")
        Feedback.objects.filter(pk=fb.pk).update(**fields)
        return fb

    ours = item(anh, D(2026, 2, 2), D(2026, 2, 20), closed=D(2026, 2, 20))  # in time, on the deadline day
    item(anh, D(2026, 2, 2), D(2026, 2, 20), closed=D(2026, 2, 21))  # late
    item(anh, D(2026, 5, 4), D(2026, 5, 25), closed=D(2026, 7, 1))  # concluded after the interval: overdue
    item(anh, D(2026, 6, 9), end)  # due on the last day: pending
    theirs = item(other, D(2026, 3, 2), D(2026, 3, 20))  # overdue, another unit
    item(anh, D(2025, 12, 1), D(2025, 12, 19))  # received before the interval: not counted

    result = get_report("feedback-handling").execute(
        user=board, data={"from": "01/01/2026", "to": "30/06/2026"}
    )

    by_unit = {row.values["unit_code"]: row.values for row in result.rows}
    figures = ("received", "in_time", "late", "overdue", "pending")
    assert {k: by_unit[ours.unit.code][k] for k in figures} == dict(
        zip(figures, (4, 1, 1, 1, 1), strict=True)
    )
    assert by_unit[ours.unit.code]["in_time_pct"] == 25
    assert {k: by_unit[theirs.unit.code][k] for k in figures} == dict(
        zip(figures, (1, 0, 0, 1, 0), strict=True)
    )
    assert result.meta["totals"] == dict(zip(figures, (5, 1, 1, 2, 1), strict=True))
    assert [row.values["unit_code"] for row in result.rows] == sorted(
        by_unit, key=lambda code: (ours.unit if code == ours.unit.code else theirs.unit).path
    )
