"""Seed 003: "rà soát tiêu chuẩn về trình độ đối với cán bộ, công chức cấp xã … hoàn thành trước 31.12.2021".

The demo's campaign reviews the commune cadres and civil servants of the whole province on 16/08/2021 against
the standards of the posts they hold (canbo.standards, one set-based query per post), with the deadline
31/12/2021 and the Ban Tổ chức Tỉnh ủy responsible; it is checked again on 04/01/2022, which marks as resolved
those who reached the standard (or left the post) and leaves the others "still short after the deadline".
The standards services do the work (audit is off while the demo loads).
"""

from datetime import date

from canbo.accounts.models import User
from canbo.people.choices import PersonnelCategory
from canbo.standards.services import review_campaign_create, review_campaign_recheck

REVIEW_DATE, DEADLINE, RECHECK = date(2021, 8, 16), date(2021, 12, 31), date(2022, 1, 4)
NAME = "Rà soát tiêu chuẩn trình độ cán bộ, công chức cấp xã năm 2021"
BASIS = (
    "Công văn của Ban Thường vụ Tỉnh ủy về rà soát, khắc phục tiêu chuẩn cán bộ, công chức cấp xã, hoàn thành "
    "trước 31/12/2021 (bài 003); Thông tư số 13/2019/TT-BNV"
)


def build_review(tree, users: dict[str, int]) -> dict:
    actor = User.objects.get(pk=users["bantochuc"])
    board = next(s.unit for s in tree.province if s.suffix == "BTCTU")
    campaign = review_campaign_create(
        actor=actor,
        name=NAME,
        unit=tree.root,
        review_date=REVIEW_DATE,
        deadline=DEADLINE,
        responsible_unit=board,
        categories=[PersonnelCategory.CB_XA, PersonnelCategory.CC_XA],
        legal_basis=BASIS,
    )
    recheck = review_campaign_recheck(actor=actor, campaign=campaign, on=RECHECK)
    return {"findings": campaign.findings.count(), **recheck}
