"""Staffing quotas 2021–2026 of the demo province (StaffingQuota), following the KL 40 roadmap.

The province (the root unit) gets its total each year from the Ban Thường vụ Tỉnh ủy: the 2021 total is the
headcount of 31/12/2020 plus 4 %, and each later year goes down along the roadmap (ReductionTarget rows of the
data migration: −5 % civil servants, −10 % public employees by 2026 against 2021). The provincial bodies and the
districts (to 2025; the 45 merged communes from 2026) get the headcount of 31/12 of the year before plus 3 %,
scaled down so that they never add up to more than the province's total (Party and mass bodies by the Standing
Committee, the others by the Provincial People's Committee).
"""

import math
import random
from collections import Counter
from datetime import date

from canbo.core.bulk import insert_rows
from canbo.org.models import OrgSector
from canbo.staffing.choices import QuotaKind, quota_kind_of
from canbo.staffing.models import ReductionTarget, StaffingQuota

from ..careers import Career
from ..planning.writer import stamp

YEARS = range(2021, 2027)
ROOT_MARGIN, UNIT_MARGIN = 1.04, 1.03
DEFAULT_CUT = {QuotaKind.CIVIL_SERVANTS: 5, QuotaKind.PUBLIC_EMPLOYEES: 10}


def _headcounts(careers: list[Career], day: date, owner) -> Counter:
    """(owner unit pk, kind) -> persons working on `day` (owner: slot -> the quota unit, or None)."""
    counts = Counter()
    for career in careers:
        row = career.row_on(day)
        if row is None:
            continue
        kind = quota_kind_of(row.category)
        unit = owner(row.slot)
        if kind and unit is not None:
            counts[(unit.pk, kind)] += 1
            counts[("root", kind)] += 1
    return counts


def _cuts() -> dict:
    cuts = dict(DEFAULT_CUT)
    for t in ReductionTarget.objects.filter(unit=None, base_year=2021):
        cuts[t.kind] = float(t.percent)
    return cuts


def build_quotas(*, seed: int, tree, careers: list[Career]) -> int:
    rng = random.Random(f"canbo-demo-{seed}-quotas")
    district_of = {id(s): d.area for d in tree.districts for s in d.slots + d.communes}

    def owner(slot):
        if slot.district is not None:
            return district_of[id(slot)]
        return slot.unit

    units = {u.pk: u for u in tree.units}
    cuts = _cuts()
    rows, root_2021 = [], {}
    for year in YEARS:
        counts = _headcounts(careers, date(year - 1, 12, 31), owner)
        decided = date(year - 1, 12, rng.randint(10, 28))
        totals = {}
        for kind in QuotaKind.values:
            if year == 2021:
                root_2021[kind] = math.ceil(counts[("root", kind)] * ROOT_MARGIN)
            totals[kind] = root_2021[kind] - math.ceil(root_2021[kind] * cuts[kind] / 100 * (year - 2021) / 5)
            rows.append(_row(tree.root, year, kind, totals[kind], decided, rng, province=True))
        for kind in QuotaKind.values:
            wanted = {
                pk: math.ceil(n * UNIT_MARGIN) for (pk, k), n in counts.items() if k == kind and pk != "root"
            }
            factor = min(1.0, totals[kind] / max(sum(wanted.values()), 1))
            for pk in sorted(wanted, key=lambda p: units[p].path):
                rows.append(_row(units[pk], year, kind, max(1, int(wanted[pk] * factor)), decided, rng))
    return insert_rows(StaffingQuota, rows)


def _row(unit, year: int, kind: str, count: int, decided: date, rng, province: bool = False) -> dict:
    party = unit.sector in (OrgSector.DANG, OrgSector.MTTQ_DOAN_THE)
    if province or party:
        number, by = f"{rng.randint(300, 990)}-QĐ/TU", "Ban Thường vụ Tỉnh ủy"
    else:
        number, by = f"{rng.randint(1500, 2900)}/QĐ-UBND", "Ủy ban nhân dân tỉnh"
    what = "giao biên chế toàn tỉnh" if province else "giao biên chế"
    return {
        "unit_id": unit.pk, "year": year, "kind": kind, "approved_count": count, "decision_number": number,
        "decision_date": decided, "note": f"{by} {what} năm {year}", "version": 1,
        "created_at": stamp(decided), "updated_at": stamp(decided),
    }  # fmt: skip


def reset_quotas(units) -> None:
    qs = StaffingQuota.objects.filter(unit__in=units)
    qs._raw_delete(qs.db)
