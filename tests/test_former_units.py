"""Former units see counts of their past, not the people who left (issue 18, point 7; decision 018).

The world: the province with a district `A` that ended on 30/06/2025, and two departments in force, `B` and `C`.
`chuyen` worked in A until it ended and has been in B since 01/07/2025; `vinh` worked in C and was transferred to
B. Each left behind, in the former unit, a row of every kind that names a person: employment, enrolment, study
assignment, emulation registration and award, movement, appointment, discipline case and decision, Party
admission, rating sheet, yearly rating, Party member rating, planning entry, survey invitation, feedback, change
request, streamlining case, review finding.

For the officer of A (a role on a unit that has ended) and of C (a unit in force the person left), no door shows
the person's name, code or birth date: the HTML pages and the REST API (found by walking the URL resolver, lists
and details), the Excel exports (every cell of each file), the admin. The aggregate reports still count the
rows, scoped by the unit's historical path. B's officer, who manages both people today, sees their whole history.
"""

import datetime
import io
import re

import openpyxl
import pytest
from django.core.management.color import no_style
from django.db import connection
from django.db.models import Q
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse

from canbo.accounts.models import Role
from canbo.discipline.models import DisciplineCase, DisciplineRecord
from canbo.emulation.models import Award, EmulationMovement, Registration
from canbo.evaluation.models import AnnualRating, PartyMemberRating, RatingCampaign, RatingSheet
from canbo.feedback.models import Feedback
from canbo.movements.models import Appointment, Movement
from canbo.movements.selectors import appointment_queryset_for, movement_queryset_for
from canbo.org.models import AdminLevel, OrgSector, UnitKind
from canbo.party.models import Admission, AdmissionTarget
from canbo.people.models import ChangeRequest, Employment, Position
from canbo.people.selectors import person_queryset_for
from canbo.planning.models import PlannedPost, PlanningEntry, PlanningTerm
from canbo.reports.registry import get_report
from canbo.staffing.models import StreamliningCase
from canbo.standards.models import ReviewCampaign, ReviewFinding
from canbo.surveys.models import Invitation, Survey
from canbo.training.models import Enrolment, Programme, StudyAssignment, TrainingClass
from canbo.training.selectors import enrolment_queryset_for, study_queryset_for
from tests.factories import OrgUnitFactory, PersonFactory, UserFactory, grant

D = datetime.date
ENDED = D(2025, 6, 30)
MOVED = D(2025, 7, 1)
SKIPPED_ROUTES = {"tai-khoan/dang-xuat/"}  # signing out ends the walk


# --- the world ------------------------------------------------------------------------------------------------


def _leave_traces(person, unit, actor, n):
    """One row of every kind naming `person`, recorded in `unit` before the person left it."""
    Employment.objects.filter(person=person).update(start_date=MOVED)
    Employment.objects.create(
        person=person, unit=unit, category=person.category, start_date=D(2015, 1, 1), end_date=ENDED
    )
    programme = Programme.objects.create(
        valid_from=D(2000, 1, 1), code=f"CT{n}", name=f"Bồi dưỡng {n}", kind="STATE_MGMT", form="BOI_DUONG"
    )
    klass = TrainingClass.objects.create(
        code=f"L{n}",
        name=f"Lớp {n}",
        programme=programme,
        organiser_unit=unit,
        start_date=D(2024, 3, 1),
        end_date=D(2024, 3, 20),
        capacity=40,
    )
    Enrolment.objects.create(
        person=person,
        programme=programme,
        unit=unit,
        training_class=klass,
        mode="TAP_TRUNG",
        venue="TRONG_NUOC",
        start_date=D(2024, 3, 1),
        result="COMPLETED",
        result_date=D(2024, 3, 20),
    )
    StudyAssignment.objects.create(
        person=person,
        unit=unit,
        programme=programme,
        institution="Học viện Hành chính",
        mode="TAP_TRUNG",
        start_date=D(2023, 9, 1),
        expected_end=D(2025, 9, 1),
        proposed_by=actor,
    )
    emulation = EmulationMovement.objects.create(code=f"PT{n}", name=f"Phong trào {n}", start_year=2024)
    Registration.objects.create(
        movement=emulation,
        year=2024,
        kind="CA_NHAN",
        unit=unit,
        person=person,
        registered_on=D(2024, 2, 1),
        recorded_by=actor,
    )
    Award.objects.create(
        form="LD_TIEN_TIEN",
        kind="CA_NHAN",
        unit=unit,
        person=person,
        year=2024,
        decision_number=f"{n}/QĐ-KT",
        decision_date=D(2025, 1, 15),
        issuing_body="UBND",
        recorded_by=actor,
    )
    Movement.objects.create(
        person=person,
        kind="DIEU_DONG",
        from_unit=unit,
        to_unit=person.current_unit,
        start_date=MOVED,
        decision_number=f"{n}/QĐ-ĐĐ",
        decision_date=D(2025, 6, 20),
        recorded_by=actor,
    )
    position = Position.objects.create(valid_from=D(2000, 1, 1), code=f"CV{n}", name=f"Trưởng phòng {n}")
    Appointment.objects.create(
        person=person, position=position, unit=unit, kind="FIRST", proposed_by=actor, status="WITHDRAWN"
    )
    DisciplineCase.objects.create(
        person=person, unit=unit, category="CC", opened_on=D(2024, 5, 1), opened_by=actor
    )
    DisciplineRecord.objects.create(
        person=person, unit=unit, form="KHIEN_TRACH", decision_number=f"{n}/QĐ-KL", decided_on=D(2024, 6, 1)
    )
    Admission.objects.create(
        person=person,
        birth_date=person.date_of_birth,
        education="THPT",
        party_org=unit,
        cell="Chi bộ 1",
        cell_vote_date=D(2024, 3, 1),
        decision_number=f"{n}-QĐ/HU",
        decision_date=D(2024, 4, 1),
        admitted_on=D(2024, 4, 1),
        recorded_by=actor,
    )
    AdmissionTarget.objects.create(
        party_org=unit,
        start_year=2020,
        end_year=2025,
        target=10,
        resolution_number=f"{n}-NQ/ĐH",
        recorded_by=actor,
    )
    campaign = RatingCampaign.objects.create(year=2024, unit=unit, deadline=D(2024, 12, 31), opened_by=actor)
    RatingSheet.objects.create(
        campaign=campaign,
        person=person,
        year=2024,
        unit=unit,
        status="DECIDED",
        level="HTT",
        decision_number=f"{n}/QĐ-ĐG",
        decided_on=D(2024, 12, 20),
    )
    AnnualRating.objects.create(person=person, year=2024, unit=unit, level="HTT")
    PartyMemberRating.objects.create(
        person=person, year=2024, party_org=unit, level="HTT", decided_on=D(2024, 12, 25), decided_by=actor
    )
    term = PlanningTerm.objects.create(
        code=f"NK{n}", kind="STATE", start_date=D(2021, 1, 1), end_date=D(2026, 12, 31)
    )
    post = PlannedPost.objects.create(term=term, unit=unit, position=position, tier="TINH")
    PlanningEntry.objects.create(
        post=post,
        person=person,
        proposed_by=actor,
        status="REMOVED",
        removed_on=D(2025, 7, 1),
        removal_reason="POLITICAL_STANDARD",
    )
    survey = Survey.objects.create(
        title=f"Khảo sát {n}",
        year=2024,
        purpose="KHAC",
        opens_on=D(2024, 5, 1),
        closes_on=D(2024, 5, 31),
        created_by=actor,
    )
    Invitation.objects.create(survey=survey, person=person, unit=unit, invited_by=actor)
    Feedback.objects.create(
        channel="CONG_DAN",
        received_on=D(2024, 8, 1),
        unit=unit,
        content="Phản ánh thái độ",
        deadline=D(2024, 8, 22),
        received_by=actor,
        subject_person=person,
    )
    ChangeRequest.objects.create(person=person, requested_by=actor, changes={"ethnicity": "Thái"})
    StreamliningCase.objects.create(
        person=person,
        unit=unit,
        category="CC",
        reason="XEP_LOAI_THAP",
        reason_detail="Hai năm",
        policy="THOI_VIEC_NGAY",
        proposed_on=D(2024, 10, 1),
    )
    review = ReviewCampaign.objects.create(
        name=f"Rà soát {n}",
        unit=unit,
        review_date=D(2024, 9, 1),
        deadline=D(2024, 12, 1),
        responsible_unit=unit,
    )
    ReviewFinding.objects.create(campaign=review, person=person, unit=unit)


def _restart_primary_keys():
    """PostgreSQL keeps its sequences when a test's transaction is rolled back, and SQLite its AUTOINCREMENT
    counters after a committed demo is deleted again, so the rows of the world would get large keys, different
    from one table to the next (and the walk would try every key on every detail route). Restarted, the world's
    rows get 1 and 2 in every table. Safe: PostgreSQL's sequences restart at the table's highest key, SQLite's
    counter never goes below the table's highest rowid."""
    if connection.vendor == "sqlite":  # inside the test's transaction: rolled back with it
        tables = [{"table": model._meta.db_table, "column": model._meta.pk.column} for model in _WORLD_MODELS]
        sql = connection.ops.sequence_reset_by_name_sql(no_style(), tables)
    else:
        sql = connection.ops.sequence_reset_sql(no_style(), _WORLD_MODELS)
    if sql:
        with connection.cursor() as cursor:
            for statement in sql:
                cursor.execute(statement)


@pytest.fixture
def world(db):
    _restart_primary_keys()
    province = OrgUnitFactory(code="T11", name="Tỉnh", kind=UnitKind.AREA)
    a = OrgUnitFactory(
        code="H_A",
        name="Huyện A (đã kết thúc)",
        parent=province,
        level=AdminLevel.HUYEN,
        valid_from=D(2000, 1, 1),
        valid_to=ENDED,
        sector=OrgSector.CHINH_QUYEN,
    )
    b = OrgUnitFactory(code="SO_B", name="Sở B", parent=province)
    c = OrgUnitFactory(code="SO_C", name="Sở C", parent=province)
    board = grant(UserFactory(username="board"), Role.PROVINCE_BOARD)
    chuyen = PersonFactory(
        full_name="Quàng Văn Chuyển",
        code="HSCHUYEN01",
        gender="NAM",
        date_of_birth=D(1979, 3, 12),
        current_unit=b,
    )
    vinh = PersonFactory(
        full_name="Cà Thị Vĩnh", code="HSVINH0002", gender="NU", date_of_birth=D(1981, 11, 23), current_unit=b
    )
    _leave_traces(chuyen, a, board, 1)
    _leave_traces(vinh, c, board, 2)
    return {
        "units": {"a": a, "b": b, "c": c},
        "board": board,
        "officer_a": grant(UserFactory(username="officer_a"), Role.UNIT_OFFICER, a),
        "officer_b": grant(UserFactory(username="officer_b"), Role.UNIT_OFFICER, b),
        "officer_c": grant(UserFactory(username="officer_c"), Role.UNIT_OFFICER, c),
        "chuyen": chuyen,
        "vinh": vinh,
    }


def _marks(person) -> list[str]:
    """What identifies the person on a page or in a file: name, code, birth date (dd/mm/yyyy and ISO)."""
    return [
        person.full_name,
        person.code,
        f"{person.date_of_birth:%d/%m/%Y}",
        person.date_of_birth.isoformat(),
    ]


def _leaks(text: str, person) -> list[str]:
    return [mark for mark in _marks(person) if mark in text]


# --- the URL walk ---------------------------------------------------------------------------------------------


def _walk(patterns, prefix=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from _walk(p.url_patterns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern)


def _get_routes(person, pks):
    """Every route with no argument, or only an int `pk` (filled with each of `pks`), or only a `uuid` (the
    person's): the lists, details, API and admin changelists reachable by GET."""
    for route in _walk(get_resolver().url_patterns):
        if route in SKIPPED_ROUTES or route.startswith(("static", "media")):
            continue
        kwargs = re.findall(r"<(\w+):(\w+)>", route)
        if not kwargs:
            yield "/" + route, True
        elif kwargs == [("int", "pk")]:
            for pk in pks:
                yield "/" + re.sub(r"<int:pk>", str(pk), route), False
        elif kwargs == [("uuid", "uuid")]:
            yield "/" + re.sub(r"<uuid:uuid>", str(person.uuid), route), False


WIDE = {"from": "01/01/2000", "to": "31/12/2030", "year": "2024", "on": "01/01/2025", "status": ""}


def _pages_showing(user, person, pks) -> dict[str, list[str]]:
    client = Client(raise_request_exception=False)
    client.force_login(user)
    shown = {}
    for url, is_list in _get_routes(person, pks):
        for query in ({}, WIDE) if is_list else ({},):  # lists: also with wide filters
            response = client.get(url, query)
            if response.status_code != 200 or response.streaming:
                continue
            leaks = _leaks(response.content.decode("utf-8", "replace"), person)
            if leaks:
                shown[url + ("?…" if query else "")] = leaks
    return shown


def _pks():
    """The primary keys of the rows the people left behind (small integers, shared by every table)."""
    return sorted({pk for model in _WORLD_MODELS for pk in model.objects.values_list("pk", flat=True)})


_WORLD_MODELS = [
    Enrolment,
    StudyAssignment,
    Registration,
    Award,
    Movement,
    Appointment,
    DisciplineCase,
    DisciplineRecord,
    Admission,
    RatingSheet,
    AnnualRating,
    PartyMemberRating,
    PlanningEntry,
    Invitation,
    Feedback,
    ChangeRequest,
    StreamliningCase,
    ReviewFinding,
    RatingCampaign,
    ReviewCampaign,
    TrainingClass,
    PlanningTerm,
    Survey,
]


@pytest.mark.parametrize("who,person", [("officer_a", "chuyen"), ("officer_c", "vinh")])
def test_no_page_or_api_door_shows_a_person_who_left_the_unit(world, who, person):
    shown = _pages_showing(world[who], world[person], _pks())

    assert shown == {}


def test_the_unit_managing_the_person_today_sees_their_whole_history(world):
    officer_b, chuyen, vinh = world["officer_b"], world["chuyen"], world["vinh"]
    a, c = world["units"]["a"], world["units"]["c"]

    for person, old in ((chuyen, a), (vinh, c)):
        assert person in person_queryset_for(user=officer_b)
        assert enrolment_queryset_for(user=officer_b).filter(person=person, unit=old).exists()
        assert study_queryset_for(user=officer_b).filter(person=person, unit=old).exists()
        assert movement_queryset_for(user=officer_b).filter(person=person, from_unit=old).exists()
        assert appointment_queryset_for(user=officer_b).filter(person=person, unit=old).exists()
    client = Client()
    client.force_login(officer_b)
    profile = client.get(f"/can-bo/{chuyen.uuid}/")
    assert profile.status_code == 200 and chuyen.full_name in profile.content.decode()


def person_field(model):
    return {Feedback: Q(subject_person__code="HSCHUYEN01")}.get(model, Q(person__code="HSCHUYEN01"))


def test_the_former_units_api_details_answer_404(world):
    client = Client()
    client.force_login(world["officer_a"])
    chuyen = world["chuyen"]
    details = {
        f"/api/v1/persons/{chuyen.uuid}/": None,
        f"/api/v1/persons/{chuyen.uuid}/employments/": None,
        "/api/v1/enrolments/{}/": Enrolment,
        "/api/v1/study-assignments/{}/": StudyAssignment,
        "/api/v1/planning/entries/{}/": PlanningEntry,
        "/api/v1/appointments/{}/": Appointment,
        "/api/v1/movements/{}/": Movement,
        "/api/v1/rating-sheets/{}/": RatingSheet,
        "/api/v1/staffing/cases/{}/": StreamliningCase,
        "/api/v1/emulation/awards/{}/": Award,
        "/api/v1/discipline/cases/{}/": DisciplineCase,
        "/api/v1/feedback/{}/": Feedback,
        "/api/v1/party/admissions/{}/": Admission,
        "/api/v1/survey-invitations/{}/": Invitation,
    }
    for template, model in details.items():
        url = template if model is None else template.format(model.objects.get(person_field(model)).pk)
        assert client.get(url).status_code == 404, url


# --- the exports ----------------------------------------------------------------------------------------------


def _export_routes():
    for route in _walk(get_resolver().url_patterns):
        if route.endswith("xuat-excel/") and not re.search(r"<", route):
            yield "/" + route


def _cells(content: bytes) -> str:
    book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
    return "\n".join(
        str(value)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    )


def _exported_files(user, query):
    client = Client(raise_request_exception=False)
    client.force_login(user)
    for url in _export_routes():
        response = client.post(url + "?" + query)
        if response.status_code != 302:
            continue
        match = resolve(response["Location"].split("?")[0])
        if match.view_name != "jobs:detail":
            continue
        download = client.get(reverse("jobs:download", args=[match.kwargs["job_id"]]))
        if download.status_code == 200:
            content = b"".join(download.streaming_content) if download.streaming else download.content
            yield url, _cells(content)


@pytest.mark.parametrize("who,person", [("officer_a", "chuyen"), ("officer_c", "vinh")])
def test_no_excel_export_has_a_row_about_a_person_who_left(world, who, person):
    query = "from=01/01/2000&to=31/12/2030&year=2024&on=01/01/2025"

    files = dict(_exported_files(world[who], query))
    leaks = {url: _leaks(text, world[person]) for url, text in files.items() if _leaks(text, world[person])}

    assert leaks == {}
    assert "/dao-tao/luot-hoc/xuat-excel/" in files  # the enrolment export ran (and is empty of the person)


def test_the_board_exports_still_list_the_person(world):
    files = dict(_exported_files(world["board"], "from=01/01/2000&to=31/12/2030&year=2024&on=01/01/2025"))

    assert _leaks(files["/dao-tao/luot-hoc/xuat-excel/"], world["chuyen"])


# --- the aggregates keep the historical unit --------------------------------------------------------------------


@pytest.mark.parametrize(
    "name,data",
    [
        ("training-enrolments", {"from": "01/01/2024", "to": "31/12/2024"}),
        ("awards", {"year": "2024"}),
        ("discipline-by-form", {"from": "01/01/2024", "to": "31/12/2024"}),
        ("party-admissions", {"on": "31/12/2024"}),
    ],
)
def test_the_former_units_reports_still_count_its_past(world, name, data):
    report = get_report(name)
    a = world["units"]["a"]

    def totals(user, **extra):
        params = report.parse({**data, **extra}, user=user)
        result = report.run_with(user=user, params=params)
        return [row.values for row in result.totals], result

    former, result = totals(world["officer_a"])
    by_board, _ = totals(world["board"], org=a.code)

    assert former == by_board
    assert any(str(v) not in ("", "0", "Tổng cộng") for row in former for v in row.values())
    assert not _leaks(repr([r.values for r in result.rows]), world["chuyen"])


def test_an_open_appointment_into_a_unit_in_force_is_seen_before_the_person_arrives(world):
    officer_c, chuyen = world["officer_c"], world["chuyen"]
    position = Position.objects.create(valid_from=D(2000, 1, 1), code="PGD", name="Phó Giám đốc")
    pending = Appointment.objects.create(
        person=chuyen, position=position, unit=world["units"]["c"], kind="HIGHER", proposed_by=world["board"]
    )
    into_a = Appointment.objects.create(
        person=chuyen, position=position, unit=world["units"]["a"], kind="HIGHER", proposed_by=world["board"]
    )

    assert list(appointment_queryset_for(user=officer_c).filter(person=chuyen)) == [pending]
    assert not appointment_queryset_for(user=world["officer_a"]).filter(pk=into_a.pk).exists()
    assert chuyen not in person_queryset_for(user=officer_c)
