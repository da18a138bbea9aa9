"""The check page (each kind of criterion met and unmet), the bulk gap list and its export, and their scoping."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from canbo.people.models import Employment, Person, Position, Qualification
from tests.factories import PersonFactory

from .factories import deputy_director, director_standard, qualify

D = datetime.date
CHECK = reverse("standards:check")
GAPS = reverse("standards:gaps")


@pytest.fixture
def standard(db):
    return director_standard()


@pytest.fixture
def ready(tree, board, standard):
    return deputy_director(tree["dept_a_office"], board)


def check(client, user, person, on="01/06/2026", kind="HIGHER"):
    client.force_login(user)
    return client.get(CHECK, {"person": person.uuid, "position": "GIAM_DOC_SO", "on": on, "kind": kind})


def test_it_shows_a_person_who_meets_every_criterion(client, alice, ready):
    response = check(client, alice, ready)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Đạt tất cả tiêu chuẩn." in text
    assert "Chưa đạt:" not in text
    assert text.count("<td>Đạt</td>") == 7


def _break_qualification(person):
    Qualification.objects.filter(person=person, scale="POLITICAL_THEORY").update(level="TRUNG_CAP", rank=2)


def _break_service_years(person):
    Employment.objects.filter(person=person, end_date__isnull=False).update(start_date=D(2022, 1, 1))


def _break_post_months(person):
    Employment.objects.filter(person=person, end_date__isnull=True).update(start_date=D(2025, 6, 1))


def _break_service_left(person):
    type(person).objects.filter(pk=person.pk).update(date_of_birth=D(1966, 5, 1))


def _break_plan(person):
    from canbo.planning.models import PlanningEntry

    PlanningEntry.objects.filter(person=person).update(
        status="REMOVED", removed_on=D(2026, 1, 1), removal_reason="REVIEW"
    )


@pytest.mark.parametrize(
    "breaker, message",
    [
        (_break_qualification, "Cần lý luận chính trị Cao cấp; hiện có: trung cấp."),
        (_break_service_years, "Cần ít nhất 5 năm công tác; công tác từ 01/01/2022."),
        (_break_post_months, "Cần ít nhất 24 tháng giữ chức vụ thấp hơn liền kề; giữ chức vụ từ 01/06/2025."),
        (
            _break_service_left,
            "Cần còn ít nhất 5 năm công tác tính đến 01/06/2026; nghỉ hưu ngày 31/05/2028.",
        ),
        (_break_plan, "Chưa có trong quy hoạch chức danh này"),
    ],
    ids=["qualification", "service-years", "post-months", "service-left", "in-plan"],
)
def test_each_kind_unmet_is_shown_with_what_is_missing(client, alice, ready, breaker, message):
    breaker(ready)
    text = check(client, alice, ready).content.decode()
    assert "Chưa đạt 1 tiêu chuẩn." in text
    assert message in text


def test_the_kind_of_appointment_decides_which_criteria_apply(client, alice, ready):
    _break_post_months(ready)
    _break_plan(ready)
    first = check(client, alice, ready, kind="FIRST").content.decode()
    assert "Chưa đạt 1 tiêu chuẩn." in first and "quy hoạch" in first  # no lower-post time on a first one
    again = check(client, alice, ready, kind="REAPPOINT").content.decode()
    assert "Chưa đạt 1 tiêu chuẩn." in again and "24 tháng" in again  # no plan on a reappointment


def test_a_post_without_a_standard_in_force_says_so(client, alice, ready):
    client.force_login(alice)
    response = client.get(CHECK, {"person": ready.uuid, "position": "GIAM_DOC_SO", "on": "01/01/2015"})
    assert "chưa có tiêu chuẩn chức danh đang có hiệu lực" in response.content.decode()


def test_a_search_finds_the_person_or_offers_a_choice(client, alice, ready, tree):
    client.force_login(alice)
    one = client.get(CHECK, {"q": "Lò Văn Đạt", "position": "GIAM_DOC_SO", "on": "01/06/2026"})
    assert "Đạt tất cả tiêu chuẩn." in one.content.decode()
    PersonFactory(full_name="Lò Văn Đạt", current_unit=tree["dept_a"])
    two = client.get(CHECK, {"q": "Lò Văn Đạt", "position": "GIAM_DOC_SO"}).content.decode()
    assert "Chọn cán bộ" in two and two.count("&amp;person=") == 2


def test_bad_input_is_a_clear_error(client, alice, ready):
    client.force_login(alice)
    text = client.get(CHECK, {"position": "KHONG_CO", "on": "31/02/2026"}).content.decode()
    assert "Ngày không hợp lệ" in text
    assert "Lựa chọn không hợp lệ." in text
    assert "Nhập họ tên, số định danh hoặc mã hồ sơ" in text


def test_a_person_outside_the_users_units_is_not_found(client, charlie, ready):
    assert check(client, charlie, ready).status_code == 404


def test_the_search_does_not_find_people_outside_the_users_units(client, charlie, ready):
    client.force_login(charlie)
    text = client.get(CHECK, {"q": "Lò Văn Đạt", "position": "GIAM_DOC_SO"}).content.decode()
    assert "Không tìm thấy cán bộ nào trong phạm vi" in text


@pytest.mark.parametrize("who", ["dana", "sysadmin"])
def test_officials_and_the_sysadmin_get_no_checks(client, request, who, ready):
    assert check(client, request.getfixturevalue(who), ready).status_code == 403
    assert client.get(GAPS).status_code == 403


def test_anonymous_users_are_sent_to_login(client, ready):
    for url in (CHECK, GAPS, reverse("standards:gaps_export")):
        response = client.get(url)
        assert response.status_code == 302 and "/tai-khoan/" in response["Location"]


# --- the bulk gap list -------------------------------------------------------------------------------------


@pytest.fixture
def office(tree, board, standard):
    """In dept_a's office: a director short of state management, a director who meets it, a deputy."""
    director = Position.objects.get(code="GIAM_DOC_SO")
    short = PersonFactory(
        full_name="Giàng A Páo",
        current_unit=tree["dept_a_office"],
        position=director,
        start_date=D(2010, 1, 1),
    )
    qualify(short, PROFESSIONAL="DAI_HOC", POLITICAL_THEORY="CAO_CAP")
    full = PersonFactory(
        full_name="Vừ Thị Mỷ", current_unit=tree["dept_a_office"], position=director, start_date=D(2010, 1, 1)
    )
    qualify(full, PROFESSIONAL="DAI_HOC", POLITICAL_THEORY="CAO_CAP", STATE_MGMT="CHUYEN_VIEN_CHINH")
    outside = PersonFactory(
        full_name="Cà Văn Dế", current_unit=tree["dept_b"], position=director, start_date=D(2010, 1, 1)
    )
    return {
        "short": short,
        "full": full,
        "outside": outside,
        "deputy": deputy_director(tree["dept_a"], board),
    }


def gaps(client, user, **params):
    client.force_login(user)
    return client.get(GAPS, {"on": "01/06/2026", **params})


def test_the_review_lists_holders_short_of_their_posts_standard(client, alice, tree, office):
    response = gaps(client, alice, unit=tree["dept_a"].pk, position="GIAM_DOC_SO")
    text = response.content.decode()
    assert "đã kiểm tra 2 người, 1 người chưa đạt" in text
    assert "Giàng A Páo" in text and "Cần quản lý nhà nước Chuyên viên chính; hiện có: chưa có." in text
    assert "Vừ Thị Mỷ" not in text and "Cà Văn Dế" not in text
    assert "quy hoạch" not in text.split("<h2>Danh sách</h2>")[1]  # holders are not asked for the plan


def test_candidates_are_checked_against_the_post_as_for_a_higher_appointment(client, alice, tree, office):
    text = gaps(client, alice, unit=tree["dept_a"].pk, position="GIAM_DOC_SO", mode="HIGHER").content.decode()
    assert (
        "đã kiểm tra 3 người, 2 người chưa đạt" in text
    )  # the deputy meets it; both directors lack the plan
    assert "Lò Văn Đạt" not in text.split("<h2>Danh sách</h2>")[1]


def test_without_a_post_every_post_held_is_reviewed(client, board, tree, office):
    text = gaps(client, board, unit=tree["province"].pk).content.decode()
    assert "Giàng A Páo" in text and "Cà Văn Dế" in text
    assert "Phó Giám đốc sở và tương đương" in text  # the catalogue's standard of the deputy's post


def test_a_candidates_mode_needs_a_post(client, alice, tree, office):
    text = gaps(client, alice, unit=tree["dept_a"].pk, mode="HIGHER").content.decode()
    assert "Chọn chức vụ để đối chiếu" in text


def test_a_unit_outside_the_users_units_is_refused(client, charlie, tree, office):
    text = gaps(client, charlie, unit=tree["dept_a"].pk, position="GIAM_DOC_SO").content.decode()
    assert "Lựa chọn không hợp lệ." in text and "Giàng A Páo" not in text


def test_a_leader_reads_the_list_of_his_units(client, bob, tree, office):
    assert "Giàng A Páo" in gaps(client, bob, unit=tree["dept_a"].pk).content.decode()


def test_the_list_pages_in_a_fixed_number_of_queries(
    client, board, tree, office, django_assert_max_num_queries
):
    director = Position.objects.get(code="GIAM_DOC_SO")
    for i in range(60):
        PersonFactory(full_name=f"Người {i}", current_unit=tree["dept_a"], position=director)
    client.force_login(board)
    with django_assert_max_num_queries(16):
        response = client.get(GAPS, {"unit": tree["province"].pk, "on": "01/06/2026", "page": 2})
    assert "Trang 2 / 2" in response.content.decode()


def test_the_export_has_every_row_and_dd_mm_yyyy_dates(client, export_via_job, board, tree, office):
    client.force_login(board)
    response = export_via_job(
        reverse("standards:gaps_export"),
        {"unit": tree["province"].pk, "position": "GIAM_DOC_SO", "on": "01/06/2026"},
    )
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(min_row=5, values_only=True))
    assert [r[1] for r in rows] == ["Cà Văn Dế", "Giàng A Páo"]
    assert sheet.cell(row=5, column=3).number_format == "DD/MM/YYYY"
    assert "Chuyên viên chính" in rows[1][8]


def test_an_invalid_export_goes_back_to_the_list(client, alice, tree):
    client.force_login(alice)
    response = client.post(reverse("standards:gaps_export") + f"?unit={tree['dept_b'].pk}")
    assert response.status_code == 302 and response["Location"].startswith(GAPS)


def test_the_list_offers_the_export_as_a_button_that_starts_a_job(client, board, tree, office):
    from canbo.jobs.models import Job

    client.force_login(board)
    params = {"unit": tree["province"].pk, "position": "GIAM_DOC_SO", "on": "01/06/2026"}
    html = client.get(GAPS, params).content.decode()
    assert f'method="post" action="{reverse("standards:gaps_export")}?' in html
    assert "Bắt đầu xuất" in client.get(reverse("standards:gaps_export"), params).content.decode()
    assert not Job.objects.exists()


def test_a_name_typed_as_a_formula_is_exported_as_text(client, export_via_job, board, tree, office):
    name = '=HYPERLINK("//x","a") Văn B'
    Person.objects.filter(full_name="Giàng A Páo").update(full_name=name)
    client.force_login(board)

    response = export_via_job(
        reverse("standards:gaps_export"),
        {"unit": tree["province"].pk, "position": "GIAM_DOC_SO", "on": "01/06/2026"},
    )

    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = [row[1] for row in sheet.iter_rows(min_row=5) if row[1].value == name]
    assert len(cells) == 1 and cells[0].data_type == "s"


def test_the_persons_in_the_gap_file_see_the_export_on_their_own_page(
    client, export_via_job, board, tree, office
):
    from canbo.nationaldb.models import AccessLogEntry
    from tests.access_log import assert_the_person_sees_the_export

    client.force_login(board)
    export_via_job(
        reverse("standards:gaps_export"),
        {"unit": tree["province"].pk, "position": "GIAM_DOC_SO", "on": "01/06/2026"},
    )
    assert AccessLogEntry.objects.filter(viewer=board, part="EXPORT").count() == 2
    assert_the_person_sees_the_export(client, Person.objects.get(full_name="Giàng A Páo"), board)
