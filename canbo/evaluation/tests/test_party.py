"""Party members' rating (rule 28, QĐ 366/2025): membership on 31/12, not above the CBCCVC rating, discipline
→ KHT, HTXS ≤ 20 % of HTT per organisation, bulk all or nothing; the page, the API, scoping and the report."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from canbo.discipline.models import DisciplineRecord
from canbo.evaluation import party
from canbo.evaluation.models import AnnualRating, PartyMemberRating
from canbo.org.models import OrgSector
from canbo.people.choices import PersonnelCategory
from canbo.reports.registry import get_report
from tests.factories import OrgUnitFactory, PersonFactory

from .test_doors import api

YEAR = 2025
DECIDED = datetime.date(2026, 1, 20)


def member(unit, annual="HTT", admitted=datetime.date(2015, 5, 19), **extra):
    person = PersonFactory(current_unit=unit, party_admission_date=admitted, **extra)
    if annual:
        AnnualRating.objects.create(person=person, year=YEAR, unit=unit, level=annual)
    return person


def record(actor, person, level, org, **extra):
    return party.party_rating_record(
        actor=actor, person=person, year=YEAR, party_org=org, level=level, decided_on=DECIDED, **extra
    )


def refusal(exc) -> str:
    return " ".join(exc.value.messages)


def test_a_member_is_rated_at_most_at_the_cbccvc_level(alice, tree):
    person = member(tree["dept_a_office"], annual="HTT")

    with pytest.raises(ValidationError) as exc:
        record(alice, person, "HTXS", tree["dept_a"])
    assert exc.value.message_dict["level"] == [
        f"{person.full_name} được xếp loại cán bộ, công chức, viên chức năm {YEAR} là “Hoàn thành tốt nhiệm "
        "vụ”: xếp loại đảng viên không cao hơn mức này."
    ]

    rating = record(alice, person, "HT", tree["dept_a"], note="Còn hạn chế trong sinh hoạt chi bộ")
    assert (rating.level, rating.party_org, rating.decided_by) == ("HT", tree["dept_a"], alice)
    again = record(alice, person, "HTT", tree["dept_a"])
    assert again.pk == rating.pk and PartyMemberRating.objects.get().level == "HTT"


def test_a_cadre_without_the_years_cbccvc_rating_waits_for_it(alice, tree):
    person = member(tree["dept_a"], annual=None)
    with pytest.raises(ValidationError) as exc:
        record(alice, person, "HT", tree["dept_a"])
    assert "chưa có kết quả xếp loại cán bộ, công chức, viên chức" in refusal(exc)
    contract = member(tree["dept_a"], annual=None, category=PersonnelCategory.LD_HD)
    assert record(alice, contract, "HTT", tree["dept_a"]).level == "HTT"


def test_only_a_member_on_31_december_is_rated(alice, tree):
    late = member(tree["dept_a"], admitted=datetime.date(YEAR + 1, 1, 3))
    with pytest.raises(ValidationError) as exc:
        record(alice, late, "HT", tree["dept_a"])
    assert (
        refusal(exc)
        == f"{late.full_name} chưa là đảng viên ngày 31/12/{YEAR}: không xếp loại đảng viên năm {YEAR}."
    )
    assert not PartyMemberRating.objects.exists()


@pytest.mark.parametrize("duty_related,allowed", [(True, False), (False, True)])
def test_a_duty_related_discipline_in_the_year_forces_kht(alice, tree, duty_related, allowed):
    person = member(tree["dept_a"], annual="HT")
    DisciplineRecord.objects.create(
        person=person, form="CANH_CAO", decision_number="9/QĐ", decided_on=datetime.date(YEAR, 4, 2),
        duty_related=duty_related,
    )  # fmt: skip
    if allowed:
        assert record(alice, person, "HT", tree["dept_a"]).level == "HT"
        return
    with pytest.raises(ValidationError) as exc:
        record(alice, person, "HT", tree["dept_a"])
    assert "bị kỷ luật cảnh cáo (quyết định số 9/QĐ ngày 02/04/2025)" in refusal(exc)
    assert record(alice, person, "KHT", tree["dept_a"]).level == "KHT"


def test_the_organisation_is_a_party_unit_or_the_persons_own(alice, board, tree):
    person = member(tree["dept_a_office"])
    with pytest.raises(ValidationError) as exc:
        record(board, person, "HT", tree["dept_b"])
    assert "không phải tổ chức đảng" in refusal(exc)
    party_committee = OrgUnitFactory(code="DU_KHOI", name="Đảng ủy Khối", parent=tree["province"],
                                     sector=OrgSector.DANG)  # fmt: skip
    assert record(board, person, "HT", party_committee).party_org == party_committee
    with pytest.raises(PermissionDenied):
        record(alice, person, "HT", party_committee)


def test_htxs_is_at_most_a_fifth_of_htt_per_organisation_and_bulk_is_all_or_nothing(alice, tree):
    people = [member(tree["dept_a"], annual="HTXS") for _ in range(6)]
    entries = [party.Entry(person=p, level="HTXS" if n < 2 else "HTT") for n, p in enumerate(people)]

    with pytest.raises(ValidationError) as exc:
        party.party_rating_record_bulk(actor=alice, party_org=tree["dept_a"], year=YEAR, decided_on=DECIDED,
                                       entries=entries)  # fmt: skip
    assert exc.value.message_dict["entries"] == [
        "Sở A: 2 người “Hoàn thành xuất sắc nhiệm vụ” vượt tỷ lệ tối đa 20 % của 4 người “Hoàn thành tốt nhiệm "
        f"vụ” (tối đa 0 người). (xếp loại đảng viên năm {YEAR})"
    ]
    assert not PartyMemberRating.objects.exists()

    late = member(tree["dept_a"], admitted=datetime.date(YEAR + 1, 2, 1))
    entries = [party.Entry(person=p, level="HTT") for p in people] + [party.Entry(person=late, level="HT")]
    with pytest.raises(ValidationError) as exc:
        party.party_rating_record_bulk(actor=alice, party_org=tree["dept_a"], year=YEAR, decided_on=DECIDED,
                                       entries=entries)  # fmt: skip
    assert list(exc.value.message_dict) == [late.code]
    assert not PartyMemberRating.objects.exists()

    entries[-1] = party.Entry(person=people[0], level="HTXS")
    entries = entries[1:]
    written = party.party_rating_record_bulk(actor=alice, party_org=tree["dept_a"], year=YEAR, decided_on=DECIDED,
                                             entries=entries)  # fmt: skip
    assert len(written) == 6
    assert PartyMemberRating.objects.filter(level="HTXS").count() == 1


@pytest.mark.parametrize("who", ["bob", "charlie", "standing"])
def test_leaders_other_units_and_the_standing_committee_do_not_record(request, who, tree):
    person = member(tree["dept_a"])
    with pytest.raises(PermissionDenied):
        record(request.getfixturevalue(who), person, "HT", tree["dept_a"])


def test_a_bad_decision_date_is_refused(alice, tree):
    person = member(tree["dept_a"])
    with pytest.raises(ValidationError) as exc:
        party.party_rating_record(actor=alice, person=person, year=YEAR, party_org=tree["dept_a"], level="HT",
                                  decided_on=datetime.date(YEAR - 1, 12, 1))  # fmt: skip
    assert exc.value.message_dict["decided_on"] == [f"Ngày quyết định phải từ năm {YEAR}."]


# --- doors ----------------------------------------------------------------------------------------------------


def page_url(org, year=YEAR):
    return f"/danh-gia/dang-vien/?party_org={org.code}&year={year}"


def test_the_page_lists_members_with_the_cbccvc_rating_and_records_chosen_levels(client, alice, tree):
    rated = member(tree["dept_a_office"], annual="HT", full_name="Lò Văn Đảng")
    member(tree["dept_a"], annual="HTT", full_name="Cà Thị Viên")
    PersonFactory(current_unit=tree["dept_a"], full_name="Quàng Văn Ngoài")  # not a member
    client.force_login(alice)

    page = client.get(page_url(tree["dept_a"])).content.decode()
    assert "Lò Văn Đảng" in page and "Cà Thị Viên" in page and "Quàng Văn Ngoài" not in page
    assert "Hoàn thành nhiệm vụ" in page

    too_high = client.post("/danh-gia/dang-vien/", {"party_org": "SO_A", "year": YEAR, "decided_on": "20/01/2026",
                                                     f"level_{rated.pk}": "HTT"})  # fmt: skip
    assert too_high.status_code == 400
    assert "không cao hơn mức này" in too_high.content.decode()
    done = client.post("/danh-gia/dang-vien/", {"party_org": "SO_A", "year": YEAR, "decided_on": "20/01/2026",
                                                f"level_{rated.pk}": "HT", f"note_{rated.pk}": "Đạt"})  # fmt: skip
    assert done.status_code == 302
    assert PartyMemberRating.objects.get().note == "Đạt"


def test_the_page_is_read_only_for_a_leader_and_hidden_from_another_unit(client, bob, charlie, dana, tree):
    person = member(tree["dept_a"])
    client.force_login(bob)
    assert client.get(page_url(tree["dept_a"])).status_code == 200
    post = {"party_org": "SO_A", "year": YEAR, "decided_on": "20/01/2026", f"level_{person.pk}": "HT"}
    assert client.post("/danh-gia/dang-vien/", post).status_code == 403
    client.force_login(charlie)
    assert client.get(page_url(tree["dept_a"])).status_code == 404
    client.force_login(dana)
    assert client.get(page_url(tree["dept_a"])).status_code == 403
    assert not PartyMemberRating.objects.exists()


def test_the_page_query_count_does_not_grow_with_members(client, alice, tree, django_assert_max_num_queries):
    for _ in range(15):
        member(tree["dept_a"])
    client.force_login(alice)
    with django_assert_max_num_queries(12):
        assert client.get(page_url(tree["dept_a"])).status_code == 200


def test_the_api_records_one_and_many_and_lists_in_scope(alice, charlie, tree):
    people = [member(tree["dept_a"], annual="HT") for _ in range(3)]
    client = api(alice)
    one = client.post("/api/v1/party-member-ratings/", {"person": str(people[0].uuid), "year": YEAR,
                      "party_org": "SO_A", "level": "HT", "decided_on": "20/01/2026"}, format="json")  # fmt: skip
    assert one.status_code == 201, one.json()
    bad = client.post("/api/v1/party-member-ratings/bulk/", {"party_org": "SO_A", "year": YEAR,
                      "decided_on": "20/01/2026", "entries": [{"person": str(p.uuid), "level": "HTT"}
                                                             for p in people[1:]]}, format="json")  # fmt: skip
    assert bad.status_code == 400
    assert set(bad.json()) == {people[1].code, people[2].code}
    many = client.post("/api/v1/party-member-ratings/bulk/", {"party_org": "SO_A", "year": YEAR,
                       "decided_on": "20/01/2026", "entries": [{"person": str(p.uuid), "level": "HT"}
                                                              for p in people[1:]]}, format="json")  # fmt: skip
    assert many.status_code == 201
    assert client.get(f"/api/v1/party-member-ratings/?party_org=SO_A&year={YEAR}").json()["count"] == 3
    assert api(charlie).get("/api/v1/party-member-ratings/").json()["count"] == 0
    assert api(charlie).get("/api/v1/party-member-ratings/?party_org=SO_A").status_code == 404


def test_the_report_counts_members_per_organisation(
    alice, board, charlie, tree, django_assert_max_num_queries
):
    for level in ["HTT", "HTT", "HT", "KHT"]:
        record(alice, member(tree["dept_a"], annual="HTT"), level, tree["dept_a"])
    record(charlie, member(tree["dept_b"], annual="HT"), "HT", tree["dept_b"])
    report = get_report("party-member-rating-distribution")

    with django_assert_max_num_queries(3):
        result = report.execute(user=board, data={"year": str(YEAR)})
    dept_a = next(r.values for r in result.rows if r.values["unit_code"] == "SO_A")
    assert (dept_a["htt"], dept_a["ht"], dept_a["kht"], dept_a["htt_pct"]) == (2, 1, 1, 50.0)
    assert result.totals[0].values["total"] == 5
    mine = report.execute(user=alice, data={"year": str(YEAR)})
    assert [r.values["unit_code"] for r in mine.rows] == ["SO_A"]
