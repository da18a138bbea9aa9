"""The RATING criterion through the doors: a new standard version in the admin, the catalogue page and API, the
check page and API, and the appointment that it blocks."""

import datetime

import pytest
from django.urls import reverse

from canbo.evaluation.models import AnnualRating
from canbo.standards.choices import CriterionKind
from canbo.standards.models import StandardCriterion, TitleStandard

from .factories import deputy_director, director_standard

D = datetime.date
ADD = reverse("admin:standards_titlestandard_add")
LABEL = (
    "Xếp loại Hoàn thành tốt nhiệm vụ trở lên trong 2 năm liên tục gần nhất (năm không xếp loại được bỏ qua)"
)
GAP = "Cần xếp loại Hoàn thành tốt nhiệm vụ trở lên trong 2 năm gần nhất; năm 2024: Hoàn thành nhiệm vụ."
MANAGEMENT = {"criteria-INITIAL_FORMS": "0", "criteria-MIN_NUM_FORMS": "0", "criteria-MAX_NUM_FORMS": "1000"}


@pytest.fixture
def current(db):
    return TitleStandard.objects.get(position__code="TRUONG_PHONG", valid_to__isnull=True)


def _version_data(current, extra_criteria) -> dict:
    """The admin's add form for a new version of `current`: its criteria plus `extra_criteria`."""
    data = {
        "position": current.position_id,
        "name": current.name,
        "legal_basis": "Quy định của Ban Thường vụ Tỉnh ủy",
        "valid_from": "2027-01-01",
        **MANAGEMENT,
    }
    rows = [
        {
            "kind": c.kind,
            "scale": c.scale,
            "min_level": c.min_level,
            "min_rating": c.min_rating,
            "years": c.years or "",
            "months": c.months or "",
            "lower_tier": c.lower_tier or "",
            "note": c.note,
        }
        for c in current.criteria.all()
    ] + extra_criteria
    data["criteria-TOTAL_FORMS"] = str(len(rows))
    for i, row in enumerate(rows):
        data.update({f"criteria-{i}-{k}": v for k, v in row.items()})
    return data


RATING_ROW = {"kind": "RATING", "years": "2", "min_rating": "HTT", "note": "QĐ 80-QĐ/TW"}


def test_the_sysadmin_adds_a_version_with_a_rating_criterion(client, sysadmin, current):
    client.force_login(sysadmin)
    form = client.get(ADD, {"tu": current.pk}).content.decode()
    assert 'name="criteria-0-min_rating"' in form and '<option value="HTT">Hoàn thành tốt nhiệm vụ' in form
    assert '<option value="RATING">Kết quả đánh giá, xếp loại</option>' in form
    count = current.criteria.count()
    response = client.post(ADD, _version_data(current, [RATING_ROW]))
    assert response.status_code == 302, response.content.decode()[:3000]
    new = TitleStandard.objects.get(position=current.position, valid_from=D(2027, 1, 1))
    assert new.criteria.count() == count + 1
    rating = new.criteria.get(kind=CriterionKind.RATING)
    assert (rating.years, rating.min_rating, rating.min_rank) == (2, "HTT", None)
    current.refresh_from_db()
    assert current.valid_to == D(2026, 12, 31)
    assert not current.criteria.filter(kind=CriterionKind.RATING).exists()  # history kept
    again = client.get(ADD, {"tu": new.pk}).content.decode()  # the next version starts from it
    assert '<option value="HTT" selected>' in again


@pytest.mark.parametrize(
    "row, message",
    [
        ({**RATING_ROW, "years": "7"}, "Số năm xét kết quả xếp loại từ 1 đến 5."),
        ({**RATING_ROW, "min_rating": ""}, "Cần mức xếp loại tối thiểu"),
        (
            {"kind": "SERVICE_YEARS", "years": "5", "min_rating": "HTT"},
            "Chỉ tiêu chí kết quả xếp loại mới có",
        ),
    ],
    ids=["too-many-years", "no-level", "level-on-another-kind"],
)
def test_a_bad_rating_criterion_is_refused_and_nothing_is_written(client, sysadmin, current, row, message):
    client.force_login(sysadmin)
    response = client.post(ADD, _version_data(current, [row]))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert TitleStandard.objects.filter(position=current.position).count() == 1
    current.refresh_from_db()
    assert current.valid_to is None


def test_the_board_cannot_add_a_version(client, board, current):
    board.is_staff = True
    board.save(update_fields=["is_staff"])
    client.force_login(board)
    assert client.post(ADD, _version_data(current, [RATING_ROW])).status_code == 403
    assert not StandardCriterion.objects.filter(kind=CriterionKind.RATING).exists()


# --- the catalogue, the check --------------------------------------------------------------------------------


@pytest.fixture
def rated(tree, board):
    """Giám đốc sở's standard with a 2-year HTT rating criterion; a deputy director meeting all else."""
    standard = director_standard()
    StandardCriterion.objects.create(standard=standard, kind=CriterionKind.RATING, years=2, min_rating="HTT")
    person = deputy_director(tree["dept_a"], board)
    for year, level in ((2024, "HT"), (2025, "HTXS")):
        AnnualRating.objects.create(person=person, year=year, unit=tree["dept_a"], level=level)
    return standard, person


def test_the_catalogue_page_and_api_show_the_rating_criterion(client, dana, rated):
    standard, _person = rated
    client.force_login(dana)  # the catalogue is read by every signed-in user
    assert LABEL in client.get(reverse("standards:detail", args=[standard.pk])).content.decode()
    index = client.get(reverse("standards:index")).content.decode()  # the list counts the criteria
    row = index.split(reverse("standards:detail", args=[standard.pk]))[1].split("</tr>")[0]
    assert '<td class="num">8</td>' in row
    body = client.get(reverse("api-standard-detail", args=[standard.pk])).json()
    rating = next(c for c in body["criteria"] if c["kind"] == "RATING")
    assert (rating["years"], rating["min_rating"], rating["min_level"], rating["label"]) == (
        2,
        "HTT",
        "",
        LABEL,
    )


def test_the_check_page_and_api_show_the_rating_gap(client, alice, rated):
    _standard, person = rated
    client.force_login(alice)
    params = {"person": str(person.uuid), "position": "GIAM_DOC_SO", "on": "01/06/2026", "kind": "HIGHER"}
    text = client.get(reverse("standards:check"), params).content.decode()
    assert "Chưa đạt 1 tiêu chuẩn." in text and GAP in text
    body = client.get(reverse("api-standards-check"), params).json()
    assert body["met"] is False
    assert [(g["kind"], g["message"]) for g in body["gaps"]] == [("RATING", GAP)]
    AnnualRating.objects.filter(person=person, year=2024).update(level="KHONG_XEP_LOAI")
    assert client.get(reverse("api-standards-check"), params).json()["met"] is True


def test_the_check_of_a_person_outside_the_users_units_is_not_found(client, charlie, rated):
    _standard, person = rated
    client.force_login(charlie)
    params = {"person": str(person.uuid), "position": "GIAM_DOC_SO", "on": "01/06/2026"}
    assert client.get(reverse("standards:check"), params).status_code == 404
    assert client.get(reverse("api-standards-check"), params).status_code == 404


def test_the_candidates_gap_list_counts_the_rating_criterion(client, alice, tree, rated):
    _standard, person = rated
    client.force_login(alice)
    params = {"unit": tree["dept_a"].pk, "position": "GIAM_DOC_SO", "mode": "HIGHER", "on": "01/06/2026"}
    body = client.get(reverse("api-standards-gaps"), params).json()
    [group] = body["groups"]
    counts = {c["label"]: c["unmet"] for c in group["per_criterion"]}
    assert counts[LABEL] == 1
    entry = next(e for e in body["results"] if e["person"] == str(person.uuid))
    assert [g["message"] for g in entry["gaps"]] == [GAP]


# --- the appointment gate ------------------------------------------------------------------------------------


def test_a_low_rating_blocks_the_appointment(tree, alice, board):
    from canbo.movements.choices import AppointmentKind, AppointmentStatus
    from canbo.movements.services import appointment_check, appointment_propose
    from canbo.movements.tests.conftest import add_years, make_person, make_standard, plan, position, today

    office = tree["dept_a_office"]
    standard = make_standard()
    StandardCriterion.objects.create(standard=standard, kind=CriterionKind.RATING, years=2, min_rating="HTT")
    person = make_person(office, deputy_since=add_years(today(), -4))
    plan(person, office, board)
    year = today().year
    AnnualRating.objects.create(person=person, year=year - 2, unit=office, level="HTT")
    AnnualRating.objects.create(person=person, year=year - 1, unit=office, level="HT")
    appointment = appointment_propose(
        actor=alice,
        person=person,
        position=position("TRUONG_PHONG"),
        unit=office,
        kind=AppointmentKind.HIGHER,
    )
    appointment_check(actor=alice, appointment=appointment)
    assert appointment.status == AppointmentStatus.BLOCKED
    assert appointment.check_gaps == [
        "Cần xếp loại Hoàn thành tốt nhiệm vụ trở lên trong 2 năm gần nhất; "
        f"năm {year - 1}: Hoàn thành nhiệm vụ."
    ]
    AnnualRating.objects.filter(person=person, year=year - 1).update(level="HTT")
    appointment_check(actor=alice, appointment=appointment)
    assert (appointment.status, appointment.check_gaps) == (AppointmentStatus.CHECKED, [])
