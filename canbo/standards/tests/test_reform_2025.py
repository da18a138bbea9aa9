"""The 2025 reform in the catalogue: district posts and their standards end on 30/06/2025, the TT 13/2019 commune
standards end then too, the new communes' leaders have a version from 01/07/2025; the history stays readable."""

import datetime

from canbo.people.models import Position
from canbo.standards.engine import standard_for
from canbo.standards.gaps import standards_in_force

D = datetime.date


def test_district_posts_and_their_standards_end_with_the_district_level(db):
    for code in ("BI_THU_HU", "PHO_BI_THU_HU", "CT_UBND_HUYEN", "PCT_UBND_HUYEN"):
        post = Position.objects.get(code=code)
        assert post.valid_to == D(2025, 6, 30) and "NQ 202/2025/QH15" in post.legal_basis
        assert standard_for(post, D(2025, 6, 30)) is not None
        assert standard_for(post, D(2025, 7, 1)) is None
    active = set(Position.objects.active_on(D(2026, 1, 1)).values_list("code", flat=True))
    assert "CT_UBND_HUYEN" not in active and "CT_UBND_XA" in active
    assert "CT_UBND_HUYEN" in set(Position.objects.active_on(D(2025, 6, 30)).values_list("code", flat=True))


def test_the_tt_13_2019_commune_standards_are_superseded_and_kept(db):
    chair = Position.objects.get(code="CT_UBND_XA")
    before, after = standard_for(chair, D(2025, 6, 30)), standard_for(chair, D(2025, 7, 1))
    assert "TT 13/2019/TT-BNV" in before.legal_basis and before.valid_to == D(2025, 6, 30)
    assert "80/2025/QH15" in after.legal_basis and "chưa xác nhận" in after.legal_basis
    assert after.valid_from == D(2025, 7, 1) and after.valid_to is None
    old = sorted((c.kind, c.scale, c.min_level, c.years) for c in before.criteria.all())
    new = sorted((c.kind, c.scale, c.min_level, c.years) for c in after.criteria.all())
    assert old == new and new
    assert not any("đối chiếu TT 13/2019" in c.note for c in after.criteria.all())


def test_commune_civil_servants_are_judged_by_their_rank_from_july_2025(db):
    post = Position.objects.get(code="CONG_CHUC_XA")
    assert standard_for(post, D(2025, 6, 30)) is not None
    assert standard_for(post, D(2025, 7, 1)) is None
    in_force = standards_in_force(D(2026, 1, 1))
    assert post.pk not in in_force and Position.objects.get(code="BI_THU_XA").pk in in_force
