"""The feedback list's Excel export, run as a job: the list's filters, the handler's scope, and a citizen's
text written as text (never a formula)."""

import datetime
import io

from django.urls import reverse
from openpyxl import load_workbook

from canbo.feedback.models import Channel
from canbo.feedback.services import feedback_receive
from canbo.jobs.models import Job

D = datetime.date


def _sheet(response):
    return load_workbook(io.BytesIO(b"".join(response.streaming_content))).active


def _export(client, user, export_via_job, **params):
    client.force_login(user)
    return export_via_job(reverse("feedback:export"), params)


def test_a_citizens_formula_is_written_as_text(client, alice, anh, export_via_job):
    formula = '=HYPERLINK("//x","a")'
    feedback_receive(actor=alice, channel=Channel.CITIZEN, received_on=D(2026, 3, 2), subject_person=anh,
                     content="+cmd|' /C calc'!A0", sender=formula)  # fmt: skip

    sheet = _sheet(_export(client, alice, export_via_job))

    header = [c.value for c in sheet[1]]
    sender = sheet.cell(row=2, column=header.index("Người phản ánh") + 1)
    content = sheet.cell(row=2, column=header.index("Nội dung") + 1)
    assert sender.data_type == "s" and sender.value == formula
    assert content.data_type == "s" and content.value == "+cmd|' /C calc'!A0"


def test_the_export_has_the_list_filters_and_the_handlers_scope(
    client, alice, charlie, anh, about_anh, export_via_job
):
    feedback_receive(actor=alice, channel=Channel.PRESS, received_on=D(2026, 3, 3), subject_person=anh,
                     content="Báo chí")  # fmt: skip

    rows = list(_sheet(_export(client, alice, export_via_job, channel="BAO_CHI")).iter_rows(values_only=True))
    everything = list(_sheet(_export(client, alice, export_via_job)).iter_rows(values_only=True))
    outside = list(_sheet(_export(client, charlie, export_via_job)).iter_rows(values_only=True))

    assert rows[0][:4] == ("STT", "Ngày tiếp nhận", "Nguồn", "Người phản ánh")
    assert len(rows) == 2 and rows[1][2] == "Báo chí"
    assert len(everything) == 3 and "Ông Lò Văn Pọm" in [r[3] for r in everything]
    assert len(outside) == 1  # the header only: charlie's unit has no feedback


def test_invalid_filters_go_back_to_the_list_and_start_nothing(client, alice, about_anh):
    client.force_login(alice)

    response = client.post(reverse("feedback:export") + "?status=NOPE")

    assert response.status_code == 302 and response.url == reverse("feedback:index") + "?status=NOPE"
    assert not Job.objects.exists()


def test_the_list_offers_the_export_as_a_post_button_with_its_filters(client, alice, about_anh):
    client.force_login(alice)
    body = client.get(reverse("feedback:index"), {"overdue": "on"}).content.decode()
    assert f'method="post" action="{reverse("feedback:export")}?overdue=on"' in body


def test_leaders_cannot_export(client, bob, about_anh):
    client.force_login(bob)
    assert client.post(reverse("feedback:export")).status_code == 403
    assert not Job.objects.exists()


def test_the_person_a_feedback_is_about_sees_the_export_on_their_own_page(client, alice, anh, about_anh,
                                                                            export_via_job):  # fmt: skip
    from tests.access_log import assert_the_person_sees_the_export

    assert _export(client, alice, export_via_job).status_code == 200
    assert_the_person_sees_the_export(client, anh, alice)
