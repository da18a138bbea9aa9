"""Every cell of every form for the small province of conftest.py on 31/12/2019, and the reconciliation."""

import pytest

from canbo.people.models import Employment
from canbo.reports.registry import get_report
from canbo.statforms.definitions import FORMS_BY_SLUG

pytestmark = pytest.mark.django_db
ON = "31/12/2019"


def run(name, user=None, **data):
    return get_report(name).execute(user=user, data={"on": ON, **data})


def cells(**counts) -> dict:
    return counts


def table(result) -> dict[str, dict]:
    """unit name (or "Tổng cộng") -> the row's values without the STT and the name."""
    return {
        r.values["unit"]: {k: v for k, v in r.values.items() if k not in ("stt", "unit")}
        for r in [*result.rows, *result.totals]
    }


def full(slug, **nonzero) -> dict:
    """A row of the form with every count column 0 but those given (the quota column is None unless given)."""
    row = {c.key: (None if c.special == "quota" else 0) for c in FORMS_BY_SLUG[slug].columns}
    unknown = set(nonzero) - set(row)
    assert not unknown, unknown
    return {**row, **nonzero}


SO_A_0203 = cells(
    quota=10, total=3, women=1, party=2, minority=1, religious=1,
    rank_cvcc=1, rank_cv=1, rank_cs=1,
    prof_ts=1, prof_dh=1, prof_cd=1,
    pt_cn=1, pt_tc=1, sm_cvcc=1, sm_cv=1, it_cb=1, fl_b1=1, ethnic_language=1,
    age_30=1, age_31_40=1, age_over=1,
)  # fmt: skip
PHONG_0203 = cells(
    quota=5, total=2, women=1, party=1, rank_cvc=1, rank_nv=1, prof_dh=1, prof_tc=1, pt_cc=1, it_nc=1, fl_a=1,
    age_41_50=1, age_51_retirement=1,
)  # fmt: skip


def _sum(*rows):
    keys = set().union(*rows)
    return {k: sum(r.get(k) or 0 for r in rows) for k in keys}


def test_0203n_every_cell(people):
    result = run("bieu-0203n")
    assert table(result) == {
        "Sở A": full("bieu-0203n", **SO_A_0203),
        "Phòng Nội vụ": full("bieu-0203n", **PHONG_0203),
        "Tổng cộng": full("bieu-0203n", **_sum(SO_A_0203, PHONG_0203)),
    }
    assert [r.values["stt"] for r in result.rows] == [1, 2]
    assert result.meta["total"] == 5
    assert result.meta["reconciliation"]["ok"] is True
    assert result.notes[0].startswith("Đối chiếu:") and result.notes[0].endswith("— khớp.")


def test_the_rank_columns_count_the_rank_in_force_on_the_date(people):
    """p1 was a chuyên viên (A1) on 31/12/2019 and became chuyên viên chính (A2) in 2021: the form as of 2019
    counts her as a chuyên viên, from her salary history, although the register now says chuyên viên chính."""
    import datetime

    from canbo.people.models import Rank
    from canbo.salary.models import SalaryScale

    p1 = people["p1"]
    scale = SalaryScale.objects.get(code="A1")
    for day, code in ((datetime.date(2016, 1, 1), "01.003"), (datetime.date(2021, 1, 1), "01.002")):
        p1.salary_records.create(
            unit=p1.current_unit,
            kind="XEP_LUONG",
            effective_on=day,
            counted_from=day,
            rank=Rank.objects.get(code=code),
            scale=scale,
            step=2,
            coefficient="2.67",
        )
    p1.rank = Rank.objects.get(code="01.002")
    p1.save()

    row = table(run("bieu-0203n"))["Sở A"]
    assert (row["rank_cv"], row["rank_cvc"]) == (SO_A_0203.get("rank_cv", 0), SO_A_0203.get("rank_cvc", 0))
    assert not any("chưa lưu lịch sử ngạch" in note for note in run("bieu-0203n").notes)
    now = get_report("bieu-0203n").execute(user=None, data={"on": "07/12/2026"})
    assert table(now)["Sở A"]["rank_cvc"] >= 1


def test_bm01_counts_civil_servants_only(people):
    so_a = dict(
        SO_A_0203, total=2, party=1, religious=0, rank_cvcc=0, prof_ts=0, pt_cn=0, sm_cvcc=0, age_over=0
    )
    so_a = {k: v for k, v in so_a.items() if v}
    assert table(run("bieu-bm01-bnv")) == {
        "Sở A": full("bieu-bm01-bnv", **so_a),
        "Phòng Nội vụ": full("bieu-bm01-bnv", **PHONG_0203),
        "Tổng cộng": full("bieu-bm01-bnv", **_sum(so_a, PHONG_0203)),
    }


COMMUNE = cells(
    quota=4, total=2, women=1, party=1, minority=1, rank_cv=1, prof_dh=1, prof_tc=1, pt_tc=1, pt_sc=1,
    age_30=1, age_31_40=1,
)  # fmt: skip


@pytest.mark.parametrize("slug", ["bieu-0204an", "bieu-bm02-bnv"])
def test_commune_forms_every_cell(people, slug):
    assert table(run(slug)) == {"Xã C": full(slug, **COMMUNE), "Tổng cộng": full(slug, **COMMUNE)}


def test_0206a_health_public_employees_every_cell(people):
    hospital = cells(quota=30, total=1, women=1, grade_3=1, prof_dh=1, age_31_40=1)
    assert table(run("bieu-0206an")) == {
        "Bệnh viện D": full("bieu-0206an", **hospital),
        "Tổng cộng": full("bieu-0206an", **hospital),
    }


def test_0206b_other_public_employees_every_cell(people):
    hospital = cells(quota=30, total=1, minority=1, grade_2=1, prof_ths=1, age_41_50=1)
    assert table(run("bieu-0206bn")) == {
        "Bệnh viện D": full("bieu-0206bn", **hospital),
        "Tổng cộng": full("bieu-0206bn", **hospital),
    }


def test_0207_ratings_of_the_year_every_cell(people):
    so_a, phong = cells(total=3, htxs=1, htt=1, no_result=1), cells(total=2, ht=1, kht=1)
    assert table(run("bieu-0207an")) == {
        "Sở A": full("bieu-0207an", **so_a),
        "Phòng Nội vụ": full("bieu-0207an", **phong),
        "Tổng cộng": full("bieu-0207an", **_sum(so_a, phong)),
    }
    commune = cells(total=2, htt=1, not_rated=1)
    assert table(run("bieu-0207bn")) == {
        "Xã C": full("bieu-0207bn", **commune),
        "Tổng cộng": full("bieu-0207bn", **commune),
    }
    hospital = cells(total=2, no_result=2)  # P10's rating is of 2018
    assert table(run("bieu-0207cn")) == {
        "Bệnh viện D": full("bieu-0207cn", **hospital),
        "Tổng cộng": full("bieu-0207cn", **hospital),
    }


def test_0208_discipline_decisions_of_the_year_every_cell(people):
    phong = cells(persons=2, total=2, form_khien_trach=1, form_canh_cao=1)
    assert table(run("bieu-0208an")) == {
        "Phòng Nội vụ": full("bieu-0208an", **phong),
        "Tổng cộng": full("bieu-0208an", **phong),
    }
    commune = cells(persons=1, total=1, form_khien_trach=1)
    assert table(run("bieu-0208bn")) == {
        "Xã C": full("bieu-0208bn", **commune),
        "Tổng cộng": full("bieu-0208bn", **commune),
    }
    hospital = cells(persons=1, total=1, form_canh_cao=1)
    assert table(run("bieu-0208cn")) == {
        "Bệnh viện D": full("bieu-0208cn", **hospital),
        "Tổng cộng": full("bieu-0208cn", **hospital),
    }


def test_the_age_bands_follow_the_retirement_roadmap_of_the_date(people):
    # P2 (man, 15/01/1959) reached 60 in January 2019: over the age on 31/12/2019, not yet on 31/12/2018.
    before = table(get_report("bieu-0203n").execute(user=None, data={"on": "31/12/2018"}))["Sở A"]
    assert before["age_over"] == 0 and before["age_51_retirement"] == 1


def test_the_partition_forms_add_up_to_the_headcount_with_contract_staff(people):
    headcount = get_report("headcount").execute(user=None, data={"on": ON}).meta["total"]
    forms = sum(
        run(slug).meta["total"] for slug in ("bieu-0203n", "bieu-0204an", "bieu-0206an", "bieu-0206bn")
    )
    assert headcount == 12 - 2  # P6 left, P7 not yet recruited
    assert forms + 1 == headcount  # P12 is a contract worker, on no form


def test_a_row_that_does_not_add_up_is_shown_as_not_reconciled(people, units):
    # a bulk load gave P1 a second row on the date in another unit: the units add up to more than the total
    Employment.objects.create(
        person=people["p1"],
        unit=units["phong"],
        category="CC",
        start_date=people["p1"].employments.get().start_date,
        end_date="2019-12-31",
    )
    result = run("bieu-0203n")
    assert result.meta["reconciliation"]["ok"] is False
    assert "KHÔNG KHỚP" in result.notes[0]
    assert table(result)["Tổng cộng"]["total"] == 5


def test_a_date_before_the_form_was_in_force_is_noted(people):
    notes = run("bieu-0203n").notes
    assert any("chưa có hoặc đã hết hiệu lực" in n for n in notes)  # TT 02/2023 applies from 10/05/2023
    assert not any("hiệu lực" in n and "Lưu ý" in n for n in run("bieu-bm01-bnv").notes)
    later = get_report("bieu-0203n").execute(user=None, data={"on": "31/12/2025"}).notes
    assert any("18/2025/TT-BNV" in n for n in later)
