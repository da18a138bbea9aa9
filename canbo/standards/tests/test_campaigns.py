"""Review campaigns (seed 003): findings on the review date, the re-check after the deadline, pages, scoping.

Commune civil servants and cadres are reviewed against the catalogue's standards of their posts (TT 13/2019:
công chức cấp xã needs intermediate professional training and basic IT; Chủ tịch UBND xã also intermediate
political theory and 3 years of service).
"""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import QueryDict
from django.urls import resolve, reverse
from openpyxl import load_workbook

from canbo.org.models import AdminLevel
from canbo.people.models import Employment, Position
from canbo.standards import services
from canbo.standards.models import ReviewCampaign, ReviewFinding
from tests.factories import OrgUnitFactory, PersonFactory

from .factories import qualify

D = datetime.date
REVIEW, DEADLINE, AFTER = D(2021, 8, 1), D(2021, 12, 31), D(2022, 1, 5)


@pytest.fixture
def communes(tree):
    return {
        "a": OrgUnitFactory(code="XA_A", name="Xã Mường Phăng", parent=tree["dept_a"], level=AdminLevel.XA),
        "b": OrgUnitFactory(code="XA_B", name="Xã Thanh Nưa", parent=tree["dept_b"], level=AdminLevel.XA),
    }


def commune_person(name, unit, code="CONG_CHUC_XA", category="CC_XA", **levels):
    person = PersonFactory(
        full_name=name,
        current_unit=unit,
        category=category,
        position=Position.objects.get(code=code),
        start_date=D(2012, 1, 1),
    )
    qualify(person, awarded_on=D(2015, 1, 1), **levels)
    return person


@pytest.fixture
def people(communes):
    a, b = communes["a"], communes["b"]
    return {
        "short": commune_person("Quàng Văn Chứ", a, IT="CO_BAN"),
        "fine": commune_person("Lường Thị Hoa", a, PROFESSIONAL="TRUNG_CAP", IT="CO_BAN"),
        "chair": commune_person(
            "Tòng Văn Sơn", a, "CT_UBND_XA", "CB_XA", PROFESSIONAL="DAI_HOC", IT="CO_BAN"
        ),  # no political theory
        "leaver": commune_person("Sùng A Pằng", a),
        "other": commune_person("Cà Thị Lan", b, IT="CO_BAN"),
    }


@pytest.fixture
def campaign(board, tree, people):
    return services.review_campaign_create(
        actor=board,
        name="Rà soát tiêu chuẩn cán bộ, công chức cấp xã năm 2021",
        unit=tree["province"],
        categories=["CB_XA", "CC_XA"],
        review_date=REVIEW,
        deadline=DEADLINE,
        legal_basis="Công văn 519-CV/TU",
    )


def findings(campaign):
    return {f.person.full_name: f for f in campaign.findings.select_related("person", "unit", "position")}


def test_the_campaign_finds_who_falls_short_of_the_standard_of_their_post(campaign, people, communes):
    found = findings(campaign)
    assert set(found) == {"Quàng Văn Chứ", "Tòng Văn Sơn", "Sùng A Pằng", "Cà Thị Lan"}
    chu = found["Quàng Văn Chứ"]
    assert chu.unit == communes["a"] and chu.position.code == "CONG_CHUC_XA"
    assert [g["message"] for g in chu.gaps] == ["Cần trình độ chuyên môn Trung cấp; hiện có: chưa có."]
    assert [g["kind"] for g in found["Tòng Văn Sơn"].gaps] == ["QUALIFICATION"]
    assert "lý luận chính trị" in found["Tòng Văn Sơn"].gaps[0]["message"]
    assert len(found["Sùng A Pằng"].gaps) == 2
    assert campaign.responsible_unit == campaign.unit


def test_a_campaign_by_positions_reviews_only_those_posts(board, tree, people):
    campaign = services.review_campaign_create(
        actor=board,
        name="Chủ tịch UBND xã",
        unit=tree["province"],
        positions=[Position.objects.get(code="CT_UBND_XA")],
        review_date=REVIEW,
        deadline=DEADLINE,
    )
    assert set(findings(campaign)) == {"Tòng Văn Sơn"}


def test_after_the_deadline_the_recheck_resolves_who_now_meets_it(board, campaign, people, communes):
    qualify(people["short"], awarded_on=D(2021, 11, 1), PROFESSIONAL="TRUNG_CAP")
    Employment.objects.filter(person=people["leaver"]).update(end_date=D(2021, 10, 1))  # replaced
    qualify(people["chair"], awarded_on=D(2022, 3, 1), POLITICAL_THEORY="TRUNG_CAP")  # too late
    result = services.review_campaign_recheck(actor=board, campaign=campaign, on=AFTER)
    assert result == {"resolved": 2, "still_short": 2}
    found = findings(campaign)
    assert found["Quàng Văn Chứ"].resolved_on == AFTER and found["Sùng A Pằng"].resolved_on == AFTER
    assert found["Tòng Văn Sơn"].resolved_on is None and found["Cà Thị Lan"].resolved_on is None
    campaign.refresh_from_db()
    assert campaign.rechecked_on == AFTER
    # a second re-check later keeps the first resolution dates
    services.review_campaign_recheck(actor=board, campaign=campaign, on=D(2022, 6, 1))
    assert findings(campaign)["Quàng Văn Chứ"].resolved_on == AFTER
    assert findings(campaign)["Tòng Văn Sơn"].resolved_on == D(2022, 6, 1)


def test_running_again_keeps_the_findings_and_their_resolution(board, campaign):
    services.review_campaign_recheck(actor=board, campaign=campaign, on=AFTER)
    before = {f.pk: f.resolved_on for f in campaign.findings.all()}
    assert services.review_campaign_run(actor=board, campaign=campaign) == 4
    assert {f.pk: f.resolved_on for f in campaign.findings.all()} == before


def test_an_officer_creates_a_campaign_for_their_units_only(alice, charlie, bob, tree, people, communes):
    own = services.review_campaign_create(
        actor=alice,
        name="Xã A",
        unit=communes["a"],
        categories=["CC_XA"],
        review_date=REVIEW,
        deadline=DEADLINE,
    )
    assert set(findings(own)) == {"Quàng Văn Chứ", "Sùng A Pằng"}
    for user, unit in ((charlie, communes["a"]), (bob, communes["a"]), (alice, tree["province"])):
        with pytest.raises(PermissionDenied):
            services.review_campaign_create(
                actor=user, name="x", unit=unit, categories=["CC_XA"], review_date=REVIEW, deadline=DEADLINE
            )
    with pytest.raises(PermissionDenied):
        services.review_campaign_recheck(actor=charlie, campaign=own, on=AFTER)


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"deadline": D(2021, 7, 1)}, "deadline"),
        ({"categories": []}, "positions"),
        ({"categories": ["XX"]}, "categories"),
        ({"name": ""}, "name"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(board, tree, people, changes, field):
    arguments = {
        "name": "Rà soát",
        "unit": tree["province"],
        "categories": ["CC_XA"],
        "review_date": REVIEW,
        "deadline": DEADLINE,
        **changes,
    }
    with pytest.raises(ValidationError) as error:
        services.review_campaign_create(actor=board, **arguments)
    assert field in error.value.message_dict
    assert not ReviewCampaign.objects.exists() and not ReviewFinding.objects.exists()


def test_a_recheck_before_the_review_date_is_refused(board, campaign):
    with pytest.raises(ValidationError):
        services.review_campaign_recheck(actor=board, campaign=campaign, on=D(2021, 7, 1))


# --- pages --------------------------------------------------------------------------------------------------


def detail(client, user, campaign, **params):
    client.force_login(user)
    return client.get(reverse("standards:campaign_detail", args=[campaign.pk]), params)


def test_the_page_shows_counts_and_after_the_deadline_who_is_still_short(client, board, campaign, people):
    qualify(people["short"], awarded_on=D(2021, 11, 1), PROFESSIONAL="TRUNG_CAP")
    services.review_campaign_recheck(actor=board, campaign=campaign, on=AFTER)
    text = detail(client, board, campaign).content.decode()
    assert "(đã quá hạn)" in text and "Còn chưa đạt sau hạn khắc phục" in text
    assert (
        "Tòng Văn Sơn" in text and "Quàng Văn Chứ" not in text
    )  # resolved, hidden by default after the deadline
    everyone = detail(client, board, campaign, all="1").content.decode()
    assert "Quàng Văn Chứ" in everyone and "05/01/2022" in everyone


def test_each_officer_sees_the_findings_of_their_own_units(client, alice, charlie, campaign):
    text = detail(client, alice, campaign, all="1").content.decode()
    assert "Quàng Văn Chứ" in text and "Cà Thị Lan" not in text
    assert "Kiểm tra lại</button>" not in text  # a provincial campaign is the board's to run
    other = detail(client, charlie, campaign, all="1").content.decode()
    assert "Cà Thị Lan" in other and "Quàng Văn Chứ" not in other


def test_a_campaign_of_another_unit_is_not_found(client, alice, charlie, communes, people):
    own = services.review_campaign_create(
        actor=alice,
        name="Xã A",
        unit=communes["a"],
        categories=["CC_XA"],
        review_date=REVIEW,
        deadline=DEADLINE,
    )
    assert detail(client, charlie, own).status_code == 404
    client.force_login(charlie)
    assert "Xã A" not in client.get(reverse("standards:campaigns")).content.decode()


@pytest.mark.parametrize("who", ["dana", "sysadmin"])
def test_officials_and_the_sysadmin_see_no_campaigns(client, request, who, campaign):
    assert detail(client, request.getfixturevalue(who), campaign).status_code == 403


def test_anonymous_users_are_sent_to_login(client, campaign):
    response = client.get(reverse("standards:campaign_detail", args=[campaign.pk]))
    assert response.status_code == 302 and "/tai-khoan/" in response["Location"]


def test_creating_through_the_page_runs_the_review(client, alice, communes, people):
    client.force_login(alice)
    response = client.post(
        reverse("standards:campaign_create"),
        {
            "name": "Rà soát công chức xã A",
            "unit": communes["a"].pk,
            "categories": ["CC_XA"],
            "review_date": "01/08/2021",
            "deadline": "31/12/2021",
        },
    )
    campaign = ReviewCampaign.objects.get()
    assert response.status_code == 302 and resolve(response["Location"]).view_name == "jobs:detail"
    assert campaign.findings.count() == 2
    page = client.get(response["Location"]).content.decode()
    assert "Đã tạo đợt rà soát “Rà soát công chức xã A”: 2 người chưa đạt tiêu chuẩn." in page
    assert f'href="{reverse("standards:campaign_detail", args=[campaign.pk])}"' in page


def test_a_repeated_creation_job_does_not_create_the_campaign_twice(alice, communes, people):
    from canbo.jobs.models import Job, JobStatus
    from canbo.standards.jobs import run_campaign_create

    job = Job.objects.create(
        kind="standards.campaign_create",
        title="x",
        created_by=alice,
        params={"data": f"name=X%C3%A3+A&unit={communes['a'].pk}&categories=CC_XA&review_date=01/08/2021"
                "&deadline=31/12/2021"},
    )  # fmt: skip
    run_campaign_create(job, lambda *args, **kwargs: None)
    campaign = ReviewCampaign.objects.get()
    assert (
        job.result["campaign"] == campaign.pk and Job.objects.get(pk=job.pk).result["campaign"] == campaign.pk
    )

    run_campaign_create(job, lambda *args, **kwargs: None)  # its worker died after committing: run again

    assert ReviewCampaign.objects.count() == 1 and job.message.endswith("2 người chưa đạt tiêu chuẩn.")
    assert job.status == JobStatus.QUEUED  # the runner only reports; the executor records the end


def test_the_creation_job_checks_the_form_again_as_its_starter(alice, charlie, communes, people):
    from canbo.jobs.models import JobStatus
    from canbo.standards.jobs import campaign_create_start

    post = QueryDict(mutable=True)
    post.update(
        {"name": "Xã A", "unit": communes["a"].pk, "review_date": "01/08/2021", "deadline": "31/12/2021"}
    )
    post.setlist("categories", ["CC_XA"])
    job = campaign_create_start(actor=charlie, post=post)  # not one of charlie's units
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and "Lựa chọn không hợp lệ" in job.message
    assert not ReviewCampaign.objects.exists()


def test_running_again_through_the_page_is_a_job(client, board, campaign):
    client.force_login(board)
    response = client.post(reverse("standards:campaign_run", args=[campaign.pk]), follow=True)
    assert "Đã rà soát lại tại ngày 01/08/2021: 4 người chưa đạt." in response.content.decode()
    assert response.resolver_match.view_name == "jobs:detail"


def test_a_recheck_date_before_the_review_is_refused_on_the_page(client, board, campaign):
    from canbo.jobs.models import Job

    client.force_login(board)
    response = client.post(
        reverse("standards:campaign_recheck", args=[campaign.pk]), {"on": "01/07/2021"}, follow=True
    )
    assert "Ngày kiểm tra lại phải từ ngày rà soát (01/08/2021)." in response.content.decode()
    assert response.resolver_match.view_name == "standards:campaign_detail" and not Job.objects.exists()


def test_the_form_shows_a_clear_error(client, alice, communes, people):
    client.force_login(alice)
    response = client.post(
        reverse("standards:campaign_create"),
        {"name": "x", "unit": communes["a"].pk, "review_date": "01/08/2021", "deadline": "01/07/2021"},
    )
    text = response.content.decode()
    assert response.status_code == 200 and "Hạn khắc phục phải sau ngày rà soát." in text
    assert "Chọn ít nhất một chức vụ hoặc một phân loại" in text
    assert not ReviewCampaign.objects.exists()


def test_readers_cannot_create_or_recheck(client, bob, campaign):
    client.force_login(bob)
    assert client.get(reverse("standards:campaign_create")).status_code == 403
    url = reverse("standards:campaign_recheck", args=[campaign.pk])
    assert client.post(url, {"on": "05/01/2022"}).status_code == 403


def test_rechecking_through_the_page(client, board, campaign, people):
    qualify(people["short"], awarded_on=D(2021, 11, 1), PROFESSIONAL="TRUNG_CAP")
    client.force_login(board)
    response = client.post(
        reverse("standards:campaign_recheck", args=[campaign.pk]), {"on": "05/01/2022"}, follow=True
    )
    assert "1 người đã khắc phục, 3 người còn chưa đạt" in response.content.decode()


def test_the_export_lists_the_still_short(client, export_via_job, board, campaign, people):
    qualify(people["short"], awarded_on=D(2021, 11, 1), PROFESSIONAL="TRUNG_CAP")
    services.review_campaign_recheck(actor=board, campaign=campaign, on=AFTER)
    client.force_login(board)
    response = export_via_job(reverse("standards:campaign_export", args=[campaign.pk]), {"open": "1"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    names = {r[1] for r in sheet.iter_rows(min_row=5, values_only=True)}
    assert names == {"Cà Thị Lan", "Tòng Văn Sơn", "Sùng A Pằng"}
    assert sheet.cell(row=5, column=3).number_format == "DD/MM/YYYY"


def test_the_page_runs_in_a_fixed_number_of_queries(client, board, campaign, django_assert_max_num_queries):
    client.force_login(board)
    url = reverse("standards:campaign_detail", args=[campaign.pk])
    with django_assert_max_num_queries(10):
        assert client.get(url, {"all": "1"}).status_code == 200


def test_overdue_campaigns_count_the_users_own_still_short(board, alice, charlie, bob, campaign, people):
    from canbo.standards.selectors import overdue_campaigns

    assert not overdue_campaigns(user=board, today=DEADLINE).exists()
    assert [c.open for c in overdue_campaigns(user=board, today=AFTER)] == [4]
    assert [c.open for c in overdue_campaigns(user=alice, today=AFTER)] == [3]
    assert [c.open for c in overdue_campaigns(user=charlie, today=AFTER)] == [1]
    services.review_campaign_recheck(actor=board, campaign=campaign, on=AFTER)
    Employment.objects.filter(person=people["other"]).update(end_date=D(2021, 10, 1))
    services.review_campaign_recheck(actor=board, campaign=campaign, on=AFTER)
    assert not overdue_campaigns(user=charlie, today=AFTER).exists()


def test_the_campaign_page_offers_the_export_as_a_button_that_starts_a_job(client, board, campaign):
    url = reverse("standards:campaign_export", args=[campaign.pk])
    overdue = detail(client, board, campaign).content.decode()  # after the deadline: those still short
    everyone = detail(client, board, campaign, all="1").content.decode()
    assert f'<form class="inline" method="post" action="{url}?open=1">' in overdue
    assert f'<form class="inline" method="post" action="{url}">' in everyone


def test_the_persons_in_the_findings_file_see_the_export_on_their_own_page(
    client, export_via_job, board, campaign, people
):
    from tests.access_log import assert_the_person_sees_the_export

    client.force_login(board)
    export_via_job(reverse("standards:campaign_export", args=[campaign.pk]))
    assert_the_person_sees_the_export(client, people["short"], board)
