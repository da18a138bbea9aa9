import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from canbo.people.exports import HEADERS
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def _export(client, export_via_job):
    def run(user, **params):
        client.force_login(user)
        return export_via_job(reverse("people:export"), params)

    return run


def _sheet(response):
    content = b"".join(response.streaming_content)
    return load_workbook(io.BytesIO(content)).active


def test_export_is_an_xlsx_of_the_whole_filtered_list_with_vietnamese_headers(
    client, _export, alice, tree, anh, outsider_person
):
    for _ in range(60):  # more than one page of the list
        PersonFactory(current_unit=tree["dept_a"])
    response = _export(alice)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"] and ".xlsx" in response["Content-Disposition"]
    sheet = _sheet(response)
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == ["STT", *HEADERS]
    assert len(rows) == 1 + 61
    names = [r[2] for r in rows[1:]]
    assert "Trần Thị Bích" not in names  # outside alice's units


def test_export_values_are_labels_and_dates_are_dd_mm_yyyy(client, _export, alice, anh):
    sheet = _sheet(_export(alice, q="nguyen van anh"))
    header = [c.value for c in sheet[1]]
    row = sheet[2]
    values = dict(zip(header, [c.value for c in row], strict=True))
    assert values["Họ và tên"] == "Nguyễn Văn Ánh"
    assert values["Giới tính"] == "Nam" and values["Dân tộc"] == "Kinh" and values["Phân loại"] == "Công chức"
    assert values["Đơn vị công tác"] == "Văn phòng Sở A"
    assert values["Tình trạng"] == "Đang công tác"
    assert values["Số định danh cá nhân"] == anh.national_id
    birth = row[header.index("Ngày sinh")]
    assert birth.value.date() == datetime.date(1985, 5, 17)
    assert birth.number_format == "DD/MM/YYYY"


def test_export_keeps_the_filters_and_the_vietnamese_order(
    client, _export, board, tree, anh, outsider_person
):
    PersonFactory(full_name="Lò Thị Ánh", gender="NU", current_unit=tree["dept_b"])
    sheet = _sheet(_export(board, unit="SO_B"))
    names = [r[2] for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == ["Lò Thị Ánh", "Trần Thị Bích"]


def test_export_query_count_is_constant(client, export_via_job, board, tree, django_assert_max_num_queries):
    for _ in range(80):
        PersonFactory(current_unit=tree["dept_a_office"])
    client.force_login(board)
    # start (session, user, roles, unit filter, job row), the job (claim, job, roles, unit filter, count,
    # rows, save), the access log of the exported persons (their ids, one insert) and the download (session, user,
    # roles, job): the same for 80 rows as for 3
    with django_assert_max_num_queries(18):
        response = export_via_job(reverse("people:export"), {"unit": "SO_A"})
    assert _sheet(response).max_row == 81


def test_export_with_invalid_filters_goes_back_to_the_list_with_the_errors(client, alice, outsider_person):
    client.force_login(alice)
    response = client.post(reverse("people:export") + "?unit=SO_B")
    assert response.status_code == 302
    assert response.url == reverse("people:list") + "?unit=SO_B"


def test_export_of_another_unit_exports_nothing_outside_scope(client, _export, charlie, anh):
    sheet = _sheet(_export(charlie))
    assert sheet.max_row == 1


def test_sysadmin_exports_no_personal_data(client, _export, sysadmin, anh):
    sheet = _sheet(_export(sysadmin))
    assert sheet.max_row == 1


def test_export_requires_login(client, anh):
    assert client.get(reverse("people:export")).status_code == 302


def test_the_export_runs_as_a_job_of_its_starter_and_nobody_else_can_download_it(client, alice, charlie, anh):
    client.force_login(alice)
    response = client.post(reverse("people:export"))
    job_url = response["Location"]
    download = job_url + "tai-ve/"

    assert client.get(job_url).status_code == 200 and client.get(download).status_code == 200
    assert client.get(download)["Cache-Control"] == "no-store"
    client.force_login(charlie)
    assert client.get(job_url).status_code == 404 and client.get(download).status_code == 404


def test_get_shows_what_will_be_exported_and_starts_nothing(client, alice, anh):
    from canbo.jobs.models import Job

    client.force_login(alice)
    response = client.get(reverse("people:export"), {"q": "anh"})

    assert response.status_code == 200 and "Bắt đầu xuất" in response.content.decode()
    assert not Job.objects.exists()


def test_a_name_typed_as_a_formula_is_exported_as_text(client, _export, alice, tree):
    """Issue 18.3: a value such as =HYPERLINK(…) entered by anyone is never a formula in the file."""
    name = '=HYPERLINK("//x","a") Văn B'
    PersonFactory(full_name=name, current_unit=tree["dept_a"])  # the factory bypasses the forms

    sheet = _sheet(_export(alice))

    cells = [row[2] for row in sheet.iter_rows(min_row=2) if row[2].value == name]
    assert len(cells) == 1 and cells[0].data_type == "s"
