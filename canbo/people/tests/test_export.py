import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from canbo.core.factories import PersonFactory
from canbo.people.exports import HEADERS

pytestmark = pytest.mark.django_db


def _export(client, user, **params):
    client.force_login(user)
    return client.get(reverse("people:export"), params)


def _sheet(response):
    content = b"".join(response.streaming_content)
    return load_workbook(io.BytesIO(content)).active


def test_export_is_an_xlsx_of_the_whole_filtered_list_with_vietnamese_headers(
    client, alice, tree, anh, outsider_person
):
    for _ in range(60):  # more than one page of the list
        PersonFactory(current_unit=tree["dept_a"])
    response = _export(client, alice)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"] and ".xlsx" in response["Content-Disposition"]
    sheet = _sheet(response)
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == ["STT", *HEADERS]
    assert len(rows) == 1 + 61
    names = [r[2] for r in rows[1:]]
    assert "Trần Thị Bích" not in names  # outside alice's units


def test_export_values_are_labels_and_dates_are_dd_mm_yyyy(client, alice, anh):
    sheet = _sheet(_export(client, alice, q="nguyen van anh"))
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


def test_export_keeps_the_filters_and_the_vietnamese_order(client, board, tree, anh, outsider_person):
    PersonFactory(full_name="Lò Thị Ánh", gender="NU", current_unit=tree["dept_b"])
    sheet = _sheet(_export(client, board, unit="SO_B"))
    names = [r[2] for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == ["Lò Thị Ánh", "Trần Thị Bích"]


def test_export_query_count_is_constant(client, board, tree, django_assert_max_num_queries):
    for _ in range(80):
        PersonFactory(current_unit=tree["dept_a_office"])
    client.force_login(board)
    with django_assert_max_num_queries(5):  # session, user, roles, unit filter, the rows
        response = client.get(reverse("people:export"), {"unit": "SO_A"})
        content = b"".join(response.streaming_content)
    assert load_workbook(io.BytesIO(content)).active.max_row == 81


def test_export_with_invalid_filters_goes_back_to_the_list_with_the_errors(client, alice, outsider_person):
    response = _export(client, alice, unit="SO_B")
    assert response.status_code == 302
    assert response.url == reverse("people:list") + "?unit=SO_B"


def test_export_of_another_unit_exports_nothing_outside_scope(client, charlie, anh):
    sheet = _sheet(_export(client, charlie))
    assert sheet.max_row == 1


def test_sysadmin_exports_no_personal_data(client, sysadmin, anh):
    sheet = _sheet(_export(client, sysadmin))
    assert sheet.max_row == 1


def test_export_requires_login(client, anh):
    assert client.get(reverse("people:export")).status_code == 302
