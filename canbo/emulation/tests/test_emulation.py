import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from rest_framework.test import APIClient

from canbo.emulation import services
from canbo.emulation.models import Award, Registration
from canbo.reports.registry import get_report
from tests.factories import PersonFactory


def today():
    return timezone.localdate()


def api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def award(actor, **extra):
    data = {
        "form": "LD_TIEN_TIEN",
        "kind": "CA_NHAN",
        "year": today().year - 1,
        "decision_number": "12/QĐ-UBND",
        "decision_date": today(),
        "issuing_body": "Giám đốc Sở A",
    }
    data.update(extra)
    return services.award_record(actor=actor, **data)


# --- registrations ---------------------------------------------------------------------------------------


def test_register_a_collective_and_an_individual_once(alice, anh, tree, hcm):
    year = today().year
    services.registration_record(
        actor=alice, movement=hcm, year=year, kind="TAP_THE", unit=tree["dept_a_office"]
    )
    reg = services.registration_record(actor=alice, movement=hcm, year=year, kind="CA_NHAN", person=anh)
    assert reg.unit == tree["dept_a_office"]  # the individual's unit
    with pytest.raises(ValidationError) as exc:
        services.registration_record(actor=alice, movement=hcm, year=year, kind="CA_NHAN", person=anh)
    assert "đã đăng ký" in exc.value.messages[0]
    assert Registration.objects.count() == 2


def test_a_year_before_the_movement_is_refused(alice, anh, hcm):
    with pytest.raises(ValidationError) as exc:
        services.registration_record(actor=alice, movement=hcm, year=2010, kind="CA_NHAN", person=anh)
    assert "ngoài thời gian" in exc.value.message_dict["year"][0]


@pytest.mark.parametrize("who", ["charlie", "bob", "standing"])
def test_others_cannot_register_for_dept_a(request, tree, hcm, who):
    with pytest.raises(PermissionDenied):
        services.registration_record(
            actor=request.getfixturevalue(who), movement=hcm, year=2024, kind="TAP_THE", unit=tree["dept_a"]
        )


# --- awards ----------------------------------------------------------------------------------------------


def test_titles_match_the_recipient(alice, anh, tree):
    with pytest.raises(ValidationError) as exc:
        award(alice, form="CO_THI_DUA", person=anh)
    assert "danh hiệu tập thể" in exc.value.message_dict["form"][0]
    with pytest.raises(ValidationError) as exc:
        award(alice, form="CSTD_CO_SO", kind="TAP_THE", unit=tree["dept_a"])
    assert "danh hiệu cá nhân" in exc.value.message_dict["form"][0]


def test_cstd_co_so_needs_ld_tien_tien_the_same_year(alice, anh):
    with pytest.raises(ValidationError) as exc:
        award(alice, form="CSTD_CO_SO", person=anh)
    assert "Lao động tiên tiến" in exc.value.message_dict["form"][0]
    award(alice, person=anh)
    assert award(alice, form="CSTD_CO_SO", person=anh).form == "CSTD_CO_SO"


def test_one_title_per_year_but_revoked_ones_free_the_slot(alice, anh):
    first = award(alice, person=anh)
    with pytest.raises(ValidationError):
        award(alice, person=anh)
    with pytest.raises(ValidationError) as exc:
        services.award_revoke(actor=alice, award=first, on=today(), decision_number="5", reason="")
    assert "reason" in exc.value.message_dict
    revoked = services.award_revoke(
        actor=alice, award=first, on=today(), decision_number="5", reason="Khai man thành tích"
    )
    assert revoked.revoked_on == today()
    assert award(alice, person=anh).pk != first.pk
    with pytest.raises(ValidationError):
        services.award_revoke(actor=alice, award=revoked, on=today(), decision_number="6", reason="x")


def test_a_future_decision_is_refused(alice, anh):
    with pytest.raises(ValidationError) as exc:
        award(alice, person=anh, decision_date=today() + datetime.timedelta(days=1))
    assert "tương lai" in exc.value.message_dict["decision_date"][0]


# --- doors -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "who, count, detail",
    [("alice", 1, 200), ("bob", 1, 200), ("board", 1, 200), ("standing", 1, 200), ("charlie", 0, 404)],
)
def test_api_reads_are_scoped(request, alice, anh, who, count, detail):
    item = award(alice, person=anh)
    client = api(request.getfixturevalue(who))
    assert client.get("/api/v1/emulation/awards/").json()["count"] == count
    assert client.get(f"/api/v1/emulation/awards/{item.pk}/").status_code == detail
    assert client.get(f"/api/v1/emulation/awards/{item.pk}/revoke/").status_code in (404, 405)


@pytest.mark.parametrize("who", ["bob", "standing", "dana", "sysadmin"])
def test_api_writes_need_an_officer(request, tree, hcm, who):
    data = {"movement": "HOC_TAP_BAC", "year": 2024, "recipient_kind": "TAP_THE", "unit": "SO_A"}
    assert api(request.getfixturevalue(who)).post("/api/v1/emulation/registrations/", data).status_code == 403


def test_api_registration_and_bad_input(alice, charlie, anh, hcm):
    data = {"movement": "HOC_TAP_BAC", "year": 2024, "recipient_kind": "CA_NHAN", "person": str(anh.uuid)}
    assert api(charlie).post("/api/v1/emulation/registrations/", data).status_code == 404
    response = api(alice).post("/api/v1/emulation/registrations/", data)
    assert response.status_code == 201, response.json()
    bad = api(alice).post("/api/v1/emulation/registrations/", {**data, "movement": "KHONG_CO"})
    assert bad.status_code == 400 and "Không có phong trào" in str(bad.json())


def test_api_award_and_revoke(alice, charlie, anh):
    data = {
        "award_form": "LD_TIEN_TIEN",
        "recipient_kind": "CA_NHAN",
        "person": str(anh.uuid),
        "year": today().year - 1,
        "decision_number": "1",
        "decision_date": today().strftime("%d/%m/%Y"),
        "issuing_body": "Sở A",
    }
    created = api(alice).post("/api/v1/emulation/awards/", data)
    assert created.status_code == 201, created.json()
    url = f"/api/v1/emulation/awards/{created.json()['id']}/revoke/"
    revoke = {"on": today().strftime("%d/%m/%Y"), "decision_number": "2", "reason": "Khai man"}
    assert api(charlie).post(url, revoke).status_code == 404
    assert api(alice).post(url, revoke).json()["revoked_on"] == today().isoformat()


def test_pages_and_export(client, alice, bob, charlie, anh, hcm, export_via_job):
    item = award(alice, person=anh)
    client.force_login(bob)
    assert "Nguyễn Văn Ánh" in client.get("/thi-dua/khen-thuong/").content.decode()
    assert client.post("/thi-dua/khen-thuong/", {}).status_code == 403
    assert export_via_job("/thi-dua/dang-ky/xuat-excel/")["Content-Type"].startswith(
        "application/vnd.openxml"
    )
    client.force_login(charlie)
    assert "Nguyễn Văn Ánh" not in client.get("/thi-dua/khen-thuong/").content.decode()
    assert client.get(f"/thi-dua/khen-thuong/{item.pk}/").status_code == 404
    client.force_login(alice)
    response = client.post(
        "/thi-dua/dang-ky/", {"kind": "CA_NHAN", "person": str(anh.uuid), "year": 2010, "movement": hcm.pk}
    )
    assert "ngoài thời gian" in response.content.decode()
    response = client.post(
        "/thi-dua/dang-ky/", {"kind": "CA_NHAN", "person": str(anh.uuid), "year": 2024, "movement": hcm.pk}
    )
    assert response.status_code == 302 and Registration.objects.count() == 1


def test_the_registration_report_counts_by_kind_and_unit(
    board, bob, tree, hcm, django_assert_max_num_queries
):
    people = PersonFactory.create_batch(3, current_unit=tree["dept_b"])
    rows = [
        Registration(
            movement=hcm,
            year=2020 + i % 4,
            kind="TAP_THE",
            unit=tree["dept_a_office"],
            registered_on=datetime.date(2020, 1, 1),
            recorded_by=board,
        )
        for i in range(4)
    ]
    rows += [
        Registration(
            movement=hcm,
            year=2020,
            kind="CA_NHAN",
            unit=tree["dept_b"],
            person=p,
            registered_on=datetime.date(2020, 1, 1),
            recorded_by=board,
        )
        for p in people
    ]
    Registration.objects.bulk_create(rows)
    report = get_report("emulation-registrations")
    with django_assert_max_num_queries(3):
        result = report.execute(user=board, data={})
    assert result.meta == {"collectives": 4, "individuals": 3, "total": 7}
    assert "4 tập thể và 3 cá nhân" in result.notes[0]
    assert report.execute(user=bob, data={}).meta == {"collectives": 4, "individuals": 0, "total": 4}
    assert report.execute(user=board, data={"year": "2020"}).meta["total"] == 4


def test_the_awards_report_by_form_and_year(alice, board, anh, tree):
    first = award(alice, person=anh)
    award(alice, person=anh, form="GIAY_KHEN")
    award(alice, kind="TAP_THE", unit=tree["dept_a"], form="GIAY_KHEN")
    services.award_revoke(actor=alice, award=first, on=today(), decision_number="5", reason="Khai man")
    result = get_report("awards").execute(user=board, data={})
    assert result.meta == {"collectives": 1, "individuals": 1, "total": 2, "revoked": 1}
    giay = next(r for r in result.rows if r.values["form_code"] == "GIAY_KHEN")
    assert (giay.values["collectives"], giay.values["individuals"]) == (1, 1)
    assert Award.objects.count() == 3
