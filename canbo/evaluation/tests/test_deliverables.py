"""NĐ 335 deliverables (rule 16): the computed tasks score with exact numbers, who may change the items and
when, the sheet's steps with items, and the page and API doors."""

from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from canbo.core.exceptions import ConflictError
from canbo.evaluation import rules, services
from canbo.evaluation.deliverables import deliverable_add, deliverable_delete, deliverable_update
from canbo.evaluation.models import RatingDeliverable, RatingSheet, SheetStatus
from canbo.evaluation.selectors import deliverable_get_for_user, sheet_tasks_score

from .conftest import proposed
from .test_doors import api
from .test_forced_kht import decide


def item(title="Báo cáo tháng", period=1, kind="MONTH", **extra):
    return {"period_kind": kind, "period": period, "title": title, **extra}


def fresh(sheet):
    return RatingSheet.objects.select_related("person", "unit", "campaign", "campaign__unit").get(pk=sheet.pk)


def add_items(actor, sheet, specs):
    for n, (weight, quality, timely) in enumerate(specs, start=1):
        deliverable_add(
            actor=actor,
            sheet=fresh(sheet),
            data=item(f"Sản phẩm {n}", n, weight=weight, quality_misses=quality, timeliness_misses=timely),
        )
    return fresh(sheet)


# --- the computation -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "items,score",
    [  # (weight, quantity %, quality misses, progress misses); an item = mean of quantity, quality, progress
        ([(1, 100, 0, 0)] * 4, D("70.00")),
        # one quality miss costs 25 % of that item's quality points: 70 × (3 + (1 + 0,75 + 1)/3) / 4
        ([(1, 100, 1, 0), (1, 100, 0, 0), (1, 100, 0, 0), (1, 100, 0, 0)], D("68.54")),
        ([(1, 100, 0, 1), (1, 100, 0, 0), (1, 100, 0, 0), (1, 100, 0, 0)], D("68.54")),  # progress alike
        ([(1, 100, 2, 2)], D("46.67")),  # (1 + 0,5 + 0,5) / 3
        ([(1, 100, 4, 4), (1, 100, 0, 0)], D("46.67")),  # quality and progress at nothing, quantity kept
        ([(1, 100, 6, 0), (1, 100, 0, 0)], D("58.33")),  # never below nothing
        ([(1, 50, 0, 0)], D("58.33")),  # half the quantity: (0,5 + 1 + 1) / 3
        ([(2, 100, 1, 0), (1, 100, 0, 0), (1, 100, 0, 0)], D("67.08")),
    ],
)
def test_tasks_score_takes_25_percent_of_the_items_quality_or_progress_points_per_miss(db, items, score):
    assert rules.tasks_score(items) == score


def test_without_items_there_is_no_computed_score(db):
    assert rules.tasks_score([]) is None


# --- who and when ---------------------------------------------------------------------------------------------


def test_the_official_adds_items_while_self_assessing_and_the_score_follows(dana, dana_sheet):
    sheet = add_items(dana, dana_sheet, [(1, 1, 0), (1, 0, 0), (1, 0, 0), (1, 0, 0)])

    assert sheet_tasks_score(sheet=sheet) == D("68.54")
    assert sheet.version == dana_sheet.version + 4


def test_the_officer_corrects_items_and_a_proposal_is_withdrawn(alice, dana, dana_sheet):
    sheet = add_items(dana, dana_sheet, [(1, 0, 0), (1, 0, 0)])
    sheet = proposed(sheet, alice, "HTT", general=D(15))
    assert (sheet.proposed_tasks, sheet.status) == (D("70.00"), SheetStatus.PROPOSED)
    first = sheet.deliverables.first()

    deliverable_update(
        actor=alice, deliverable=first, data=item(first.title, first.period, timeliness_misses=2)
    )

    sheet = fresh(sheet)
    assert (sheet.status, sheet.proposed_level, sheet.proposed_tasks) == (SheetStatus.SELF_ASSESSED, "", None)
    assert sheet_tasks_score(sheet=sheet) == D("64.17")


def test_the_official_cannot_change_items_after_the_proposal(alice, dana, dana_sheet):
    sheet = proposed(add_items(dana, dana_sheet, [(1, 0, 0)]), alice, "HTT", general=D(0))

    with pytest.raises(PermissionDenied):
        deliverable_add(actor=dana, sheet=fresh(sheet), data=item("Thêm", 2))


@pytest.mark.parametrize("who", ["bob", "charlie", "standing"])
def test_leaders_and_other_units_cannot_change_items(request, who, anh_sheet):
    with pytest.raises(PermissionDenied):
        deliverable_add(actor=request.getfixturevalue(who), sheet=anh_sheet, data=item())
    assert not RatingDeliverable.objects.exists()


def test_a_decided_sheet_keeps_its_items(alice, anh_sheet):
    sheet = services.sheet_propose(
        actor=alice, sheet=add_items(alice, anh_sheet, [(1, 0, 0)]), level="HTT", general=D(10)
    )
    decide(sheet, alice, "HTT", general=D(10))

    with pytest.raises(ValidationError) as exc:
        deliverable_delete(actor=alice, deliverable=fresh(sheet).deliverables.get())
    assert exc.value.messages == ["Phiếu đã có kết quả xếp loại: không sửa được các sản phẩm."]


@pytest.mark.parametrize(
    "data,field",
    [
        (item(period=13), "period"),
        (item(kind="QUARTER", period=5), "period"),
        (item(kind="YEAR"), "period_kind"),
        (item(title="  "), "title"),
        (item(weight=0), "weight"),
        (item(quality_misses=5), "quality_misses"),
        (item(timeliness_misses=-1), "timeliness_misses"),
    ],
)
def test_bad_items_are_refused_in_vietnamese_and_nothing_is_written(alice, anh_sheet, data, field):
    with pytest.raises(ValidationError) as exc:
        deliverable_add(actor=alice, sheet=anh_sheet, data=data)
    assert field in exc.value.message_dict
    assert not RatingDeliverable.objects.exists()
    assert fresh(anh_sheet).version == anh_sheet.version


def test_the_same_item_twice_in_a_period_is_refused(alice, anh_sheet):
    deliverable_add(actor=alice, sheet=anh_sheet, data=item())
    with pytest.raises(ValidationError) as exc:
        deliverable_add(actor=alice, sheet=fresh(anh_sheet), data=item())
    assert exc.value.message_dict["title"] == ["Phiếu đã có sản phẩm này trong kỳ này."]


def test_a_stale_sheet_version_is_a_conflict(alice, anh_sheet):
    deliverable_add(actor=alice, sheet=anh_sheet, data=item())
    with pytest.raises(ConflictError):
        deliverable_add(actor=alice, sheet=anh_sheet, data=item("Khác"), expected_version=1)


# --- the sheet's steps with items -----------------------------------------------------------------------------


def test_with_items_the_tasks_score_is_computed_and_cannot_be_typed(alice, anh, anh_sheet, year):
    sheet = add_items(alice, anh_sheet, [(1, 1, 0), (1, 0, 0), (1, 0, 0), (1, 0, 0)])

    with pytest.raises(ValidationError) as exc:
        services.sheet_propose(actor=alice, sheet=sheet, level="HTT", general=D(20), tasks=D(70))
    assert exc.value.message_dict["tasks"] == [
        "Điểm kết quả nhiệm vụ được tính từ các sản phẩm của phiếu (68,54 điểm): không nhập tay; hãy sửa các "
        "sản phẩm."
    ]
    sheet = services.sheet_propose(actor=alice, sheet=fresh(sheet), level="HTT", general=D(20))
    assert sheet.proposed_tasks == D("68.54")
    with pytest.raises(ValidationError) as exc:  # 25 + 68,54 = 93,54: the HTXS band
        services.sheet_decide(
            actor=alice, sheet=fresh(sheet), level="HTT", general=D(25), decision_number="1", decided_on=None
        )
    assert "93,54" in " ".join(exc.value.message_dict["level"])
    decided_sheet = decide(fresh(sheet), alice, "HTT", general=D(20))
    assert (decided_sheet.score_tasks, decided_sheet.score) == (D("68.54"), D("88.54"))
    assert anh.ratings.get(year=year).score == D("88.54")


# --- doors ----------------------------------------------------------------------------------------------------


def test_the_sheet_page_lists_items_and_adds_one(client, alice, anh_sheet):
    client.force_login(alice)
    url = f"/danh-gia/phieu/{anh_sheet.pk}/san-pham/"
    data = {"version": anh_sheet.version, "period_kind": "QUARTER", "period": 1, "title": "Đề án quý I",
            "weight": 1, "quality_misses": 1, "timeliness_misses": 0}  # fmt: skip

    bad = client.post(url, {**data, "period": 5})
    assert bad.status_code == 400
    assert "Quý từ 1 đến 4." in bad.content.decode()
    assert client.post(url, data).status_code == 302

    page = client.get(f"/danh-gia/phieu/{anh_sheet.pk}/").content.decode()
    assert "Đề án quý I" in page
    assert "64,17 / 70" in page
    assert 'name="tasks"' not in page  # the proposal form no longer offers the typed score


def test_the_edit_page_is_refused_to_a_leader_and_hidden_from_another_unit(
    client, alice, bob, charlie, anh_sheet
):
    deliverable_add(actor=alice, sheet=anh_sheet, data=item())
    pk = RatingDeliverable.objects.get().pk
    client.force_login(bob)
    assert client.get(f"/danh-gia/san-pham/{pk}/").status_code == 403
    client.force_login(charlie)
    assert client.get(f"/danh-gia/san-pham/{pk}/").status_code == 404
    with pytest.raises(Http404):
        deliverable_get_for_user(user=charlie, pk=pk)
    client.force_login(alice)
    assert client.post(f"/danh-gia/san-pham/{pk}/", {**item(weight=2, quality_misses=0, timeliness_misses=0),
                                                       "version": fresh(anh_sheet).version}).status_code == 302  # fmt: skip
    assert RatingDeliverable.objects.get().weight == 2
    assert (
        client.post(f"/danh-gia/san-pham/{pk}/xoa/", {"version": fresh(anh_sheet).version}).status_code == 302
    )
    assert not RatingDeliverable.objects.exists()


def test_the_api_adds_lists_changes_and_removes_items(alice, charlie, anh_sheet):
    client = api(alice)
    url = f"/api/v1/rating-sheets/{anh_sheet.pk}/deliverables/"

    created = client.post(url, item(quality_misses=1), format="json")
    assert created.status_code == 201, created.json()
    assert created.json()["tasks_score"] == "64.17"
    pk = created.json()["items"][0]["id"]
    assert client.post(url, item(period=0), format="json").status_code == 400
    changed = client.put(f"/api/v1/rating-deliverables/{pk}/", item(), format="json")
    assert changed.json()["tasks_score"] == "70.00"
    assert api(charlie).get(url).status_code == 404
    assert api(charlie).delete(f"/api/v1/rating-deliverables/{pk}/").status_code == 404
    removed = client.delete(f"/api/v1/rating-deliverables/{pk}/", format="json")
    assert removed.json() == {"tasks_score": None, "items": []}


def test_the_sheet_page_query_count_does_not_grow_with_items(
    client, alice, anh_sheet, django_assert_max_num_queries
):
    add_items(alice, anh_sheet, [(1, 0, 0)] * 12)
    client.force_login(alice)
    with django_assert_max_num_queries(25):
        assert client.get(f"/danh-gia/phieu/{anh_sheet.pk}/").status_code == 200
