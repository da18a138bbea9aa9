"""Fostering (bồi dưỡng): short classes of about 30–80 people.

Seed 001: 2015–2020, 85.289 lượt of fostering ("bồi dưỡng nghiệp vụ, quản lý Nhà nước, quản lý kinh tế, quốc
phòng - an ninh"); 2020: professional skills (tổ chức, kiểm tra, tuyên giáo, dân vận, văn phòng) for 63 people,
district Party secretaries 4 and deputies 5. Programmes that grant a certificate of the register (state
management, English, IT, ethnic languages) are matched to the certificates the demo already planned; the other
classes take people working at the time until each year's count is reached.
"""

from collections import Counter
from datetime import date, timedelta

from canbo.org.models import AdminLevel

from ..careers import TIER, apportion
from ..dates import CUTOFF, REFORM, random_day
from .political import award_classes
from .specs import (
    DAYS,
    NOT_COMPLETED,
    TCT,
    TT,
    W_FROM,
    WITHDRAWN,
    Ctx,
    complete,
    place,
    region,
    workday,
)

TURNS = dict(
    zip(
        range(2015, 2026),
        [14000, 14500, 15000, 15500, 16000, 10289, 5000, 6000, 6500, 6500, 5000],
        strict=True,
    )
)  # 2015–2020: 85.289 (seed 001)
SKILLS_2020 = {"NV_TO_CHUC": 16, "NV_KIEM_TRA": 12, "NV_TUYEN_GIAO": 13, "NV_DAN_VAN": 10, "NV_VAN_PHONG": 12}
SKILL_UNITS = {
    "NV_TO_CHUC": ("BTCTU", "BTCHU"),
    "NV_KIEM_TRA": ("UBKTTU", "UBKTHU"),
    "NV_TUYEN_GIAO": ("BTGTU", "BTGHU"),
    "NV_DAN_VAN": ("BDVTU", "BDVHU"),
    "NV_VAN_PHONG": ("VPTU", "VPHU"),
}
SECRETARIES_2020 = {"BD_BI_THU_HUYEN": ("BI_THU_HU", 4), "BD_PHO_BI_THU_HUYEN": ("PHO_BI_THU_HU", 5)}
# programme, scale, level, field (None: any), months per class, organiser (province body), organiser name
AWARD_COURSES = [
    ("QLNN_CHUYEN_VIEN", "STATE_MGMT", "CHUYEN_VIEN", None, 3, "SNV", None),
    ("QLNN_CHUYEN_VIEN_CHINH", "STATE_MGMT", "CHUYEN_VIEN_CHINH", None, 6, "SNV", None),
    (
        "QLNN_CHUYEN_VIEN_CAO_CAP",
        "STATE_MGMT",
        "CHUYEN_VIEN_CAO_CAP",
        None,
        12,
        "SNV",
        "Học viện Hành chính Quốc gia",
    ),
    ("NN_TIENG_ANH_B1", "FOREIGN_LANGUAGE", "B1", "Tiếng Anh", 6, "SNV", None),
    ("NN_TIENG_ANH_B2", "FOREIGN_LANGUAGE", "B2", "Tiếng Anh", 12, "SNV", None),
    ("TH_CO_BAN", "IT", "CO_BAN", None, 3, "STTTT", None),
    ("TH_NANG_CAO", "IT", "NANG_CAO", None, 12, "STTTT", None),
    ("TDT_HMONG", "ETHNIC_LANGUAGE", "CHUNG_CHI", "Tiếng Mông", 12, "BDT", TCT),
    ("TDT_THAI", "ETHNIC_LANGUAGE", "CHUNG_CHI", "Tiếng Thái", 12, "BDT", TCT),
]
# programme, weights (2015–2019, 2020, 2021–2025), audience, class size
FILL = [
    ("NV_CHUYEN_NGANH", (40, 0, 30), "sector", (35, 80)),
    ("QPAN_DOI_TUONG_4", (20, 45, 18), "region", (40, 80)),
    ("QPAN_DOI_TUONG_3", (4, 7, 4), "leaders", (30, 50)),
    ("QLKT", (10, 15, 8), "civil", (30, 70)),
    ("BD_LANH_DAO_PHONG", (8, 12, 8), "heads", (30, 60)),
    ("BD_LANH_DAO_SO", (1, 2, 1), "top", (15, 35)),
    ("NV_TO_CHUC", (0.6, 0, 0.6), "skills", (25, 45)),
    ("NV_KIEM_TRA", (0.5, 0, 0.5), "skills", (25, 45)),
    ("NV_TUYEN_GIAO", (0.5, 0, 0.5), "skills", (25, 45)),
    ("NV_DAN_VAN", (0.4, 0, 0.4), "skills", (25, 45)),
    ("NV_VAN_PHONG", (0.5, 0, 0.5), "skills", (25, 45)),
    ("KY_NANG_SO", (0, 17, 22), "region", (40, 80)),
]
SECTORS = [  # label, unit suffixes, organiser, weight
    ("y tế", ("SYT", "TTYT", "PYT", "CDYT"), "SYT", 3),
    ("giáo dục và đào tạo", ("SGDDT", "PGDDT", "TTGDNN", "CDSP"), "SGDDT", 4),
    ("nông nghiệp và phát triển nông thôn", ("SNN", "PNN", "TTDVNN", "BQLR", "VPDP"), "SNN", 1.5),
    ("tài chính, kế toán", ("STC", "PTCKH", "XA"), "STC", 0.8),
    ("tư pháp, hộ tịch", ("STP", "PTP", "XA"), "STP", 0.8),
    ("văn hóa, thông tin", ("SVHTTDL", "PVHTT", "TTVHTT", "STTTT"), "SVHTTDL", 0.8),
    ("nội vụ, lao động – thương binh và xã hội", ("SNV", "PNV", "SLDTBXH", "PLDTBXH"), "SNV", 0.6),
    ("tài nguyên và môi trường", ("STNMT", "PTNMT"), "STNMT", 0.5),
]
TITLES = {
    "NV_CHUYEN_NGANH": "Lớp bồi dưỡng nghiệp vụ chuyên ngành",
    "QPAN_DOI_TUONG_4": "Lớp bồi dưỡng kiến thức quốc phòng và an ninh đối tượng 4",
    "QPAN_DOI_TUONG_3": "Lớp bồi dưỡng kiến thức quốc phòng và an ninh đối tượng 3",
    "QLKT": "Lớp bồi dưỡng kiến thức quản lý kinh tế",
    "BD_LANH_DAO_PHONG": "Lớp bồi dưỡng lãnh đạo, quản lý cấp phòng và tương đương",
    "BD_LANH_DAO_SO": "Lớp bồi dưỡng lãnh đạo, quản lý cấp sở và tương đương",
    "NV_TO_CHUC": "Lớp bồi dưỡng nghiệp vụ công tác tổ chức xây dựng Đảng",
    "NV_KIEM_TRA": "Lớp bồi dưỡng nghiệp vụ công tác kiểm tra, giám sát của Đảng",
    "NV_TUYEN_GIAO": "Lớp bồi dưỡng nghiệp vụ công tác tuyên giáo",
    "NV_DAN_VAN": "Lớp bồi dưỡng nghiệp vụ công tác dân vận",
    "NV_VAN_PHONG": "Lớp bồi dưỡng nghiệp vụ công tác văn phòng cấp ủy",
    "KY_NANG_SO": "Lớp bồi dưỡng kỹ năng số, chuyển đổi số",
    "BD_BI_THU_HUYEN": "Lớp bồi dưỡng, cập nhật kiến thức bí thư cấp ủy cấp huyện",
    "BD_PHO_BI_THU_HUYEN": "Lớp bồi dưỡng, cập nhật kiến thức phó bí thư cấp ủy cấp huyện",
    "QLNN_CHUYEN_VIEN": "Lớp bồi dưỡng kiến thức quản lý nhà nước ngạch chuyên viên",
    "QLNN_CHUYEN_VIEN_CHINH": "Lớp bồi dưỡng kiến thức quản lý nhà nước ngạch chuyên viên chính",
    "QLNN_CHUYEN_VIEN_CAO_CAP": "Lớp bồi dưỡng kiến thức quản lý nhà nước ngạch chuyên viên cao cấp",
    "NN_TIENG_ANH_B1": "Lớp tiếng Anh bậc 3 (B1)",
    "NN_TIENG_ANH_B2": "Lớp tiếng Anh bậc 4 (B2)",
    "TH_CO_BAN": "Lớp ứng dụng công nghệ thông tin cơ bản",
    "TH_NANG_CAO": "Lớp ứng dụng công nghệ thông tin nâng cao",
    "TDT_HMONG": "Lớp tiếng dân tộc Mông cho cán bộ, công chức",
    "TDT_THAI": "Lớp tiếng dân tộc Thái cho cán bộ, công chức",
}


def is_fostering(code: str) -> bool:
    return not code.startswith(("DT_", "LLCT_"))


def plan_fostering(ctx: Ctx) -> None:
    seq = Counter()
    _award_courses(ctx, seq)
    _fixed_2020(ctx, seq)
    quota = ctx.split(TURNS, range(2015, 2021)) | {y: ctx.n(TURNS[y]) for y in range(2021, 2026)}
    done = Counter(s.start.year for s in ctx.enrolments if is_fostering(s.programme) and not s.removed)
    for year in range(2015, 2026):
        _fill(ctx, year, quota[year] - done[year], seq)


def _name(seq: Counter, code: str, year: int, where: str = "") -> str:
    seq[(code, year, where)] += 1
    at = (" " if code == "NV_CHUYEN_NGANH" else " – ") + where if where else ""
    return f"{TITLES[code]}{at} năm {year} (lớp {seq[(code, year, where)]})"


def _award_courses(ctx: Ctx, seq: Counter) -> None:
    for code, scale, level, subject, months, organiser, organiser_name in AWARD_COURSES:
        awards = [
            a
            for a in ctx.awards.between(scale, level, W_FROM, CUTOFF)
            if subject is None or a.field == subject
        ]

        def describe(group, start, _end, code=code, organiser=organiser, organiser_name=organiser_name):
            by = organiser_name or group[2] or TCT
            return ctx.units[organiser].pk, by, by, _name(seq, code, start.year)

        award_classes(
            ctx,
            code,
            TT,
            awards,
            DAYS[code],
            lambda a, _row, m=months: (a.awarded_on.year, (a.awarded_on.month - 1) // m, a.issuer),
            describe,
        )


def _fixed_2020(ctx: Ctx, seq: Counter) -> None:
    rng, used = ctx.rng, set()
    sizes = apportion(ctx.n(sum(SKILLS_2020.values())), list(SKILLS_2020.values()))
    for (code, suffixes), size in zip(SKILL_UNITS.items(), sizes, strict=True):
        start = workday(date(2020, rng.randint(7, 10), rng.randint(1, 25)))
        end = start + timedelta(days=DAYS[code] - 1)
        picked = ctx.draw(
            ctx.pools.get(*[("s", s) for s in suffixes]),
            size,
            start,
            end,
            lambda _p, row, s=suffixes: row.slot.suffix in s,
            taken=used,
        )
        _class(
            ctx,
            code,
            start,
            end,
            picked,
            ctx.units[suffixes[0]].pk,
            TCT,
            _name(seq, code, 2020),
            used,
            results=False,
        )
    for code, (post, count) in SECRETARIES_2020.items():
        start = workday(date(2020, 8, rng.randint(3, 20)))
        end = start + timedelta(days=DAYS[code] - 1)
        office = ctx.pools.get(("s", "VPHU"))  # a district Party committee's leaders sit in its office
        picked = ctx.draw(
            office, ctx.n(count), start, end, lambda _p, row, p=post: row.position == p, taken=used
        )
        if len(picked) < ctx.n(count):  # a smaller demo: other district leaders
            picked += ctx.draw(
                ctx.pools.get(("lead",)),
                ctx.n(count) - len(picked),
                start,
                end,
                lambda _p, row: row.slot.level == AdminLevel.HUYEN and TIER.get(row.position, 0) >= 5,
                taken=used | {p for p, _r in picked},
            )
        _class(
            ctx,
            code,
            start,
            end,
            picked,
            ctx.units["BTCTU"].pk,
            "Học viện Chính trị quốc gia Hồ Chí Minh",
            _name(seq, code, 2020),
            used,
            location="Hà Nội",
            results=False,
        )


def _class(
    ctx, code, start, end, picked, organiser, organiser_name, name, used=None, *, location=None, results=True
) -> int:
    if not picked:
        return 0
    rng = ctx.rng
    klass = ctx.new_class(
        code,
        TT,
        start,
        end,
        organiser,
        organiser_name,
        location or organiser_name,
        name,
        capacity=len(picked) + rng.randint(0, 10),
    )
    draw = rng.random
    for k, (pos, row) in enumerate(picked, start=1):
        spec = ctx.enrol(pos, row, code, TT, start, end, klass=klass)
        if used is not None:
            used.add(pos)
        r = draw() if results else 1.0
        if r < 0.012:
            spec.result, spec.attendance = WITHDRAWN, 5 + int(draw() * 36)
            spec.result_date = start + timedelta(days=int(draw() * ((end - start).days // 2 + 1)))
        elif r < 0.03:
            spec.result, spec.result_date, spec.attendance = NOT_COMPLETED, end, 40 + int(draw() * 40)
        else:
            issued = min(end + timedelta(days=int(draw() * 11)), CUTOFF)
            complete(
                spec,
                end,
                number=f"{klass.code}/{k:03d}",
                certificate_date=issued,
                attendance=85 + int(draw() * 16),
            )
    return len(picked)


def _fill(ctx: Ctx, year: int, remaining: int, seq: Counter) -> None:
    rng = ctx.rng
    period = 0 if year < 2020 else 1 if year == 2020 else 2
    options = [(code, audience, sizes) for code, w, audience, sizes in FILL if w[period]]
    weights = [w[period] for _c, w, _a, _s in FILL if w[period]]
    made_classes, failures = [], 0
    while remaining > 0 and failures < 8:
        if remaining < 30 and made_classes and _top_up(ctx, made_classes, remaining) == remaining:
            return
        code, audience, (lo, hi) = rng.choices(options, weights)[0]
        size = rng.randint(lo, hi)
        if remaining <= 80 or failures:  # the last class: a broad audience that can always be filled
            code, audience, size = "QPAN_DOI_TUONG_4", "province", remaining
        elif remaining - size < 40:  # leave enough for a last class of a decent size
            size = min(hi, remaining - 40)
        start = workday(random_day(rng, date(year, 3, 1), date(year, 11, 28)))
        end = start + timedelta(days=DAYS[code] - 1)
        pool, accept, organiser, organiser_name, location, where = _audience(ctx, code, audience, start)
        picked = ctx.draw(pool, min(size, remaining), start, end, accept)
        made = _class(
            ctx,
            code,
            start,
            end,
            picked,
            organiser,
            organiser_name,
            _name(seq, code, year, where) if picked else "",
            location=location,
        )
        if made:
            made_classes.append((ctx.classes[-1], pool, accept))
        remaining -= made
        failures = 0 if made else failures + 1


def _top_up(ctx: Ctx, made_classes: list, wanted: int) -> int:
    """A few more learners in this year's classes that still have room, rather than a tiny class."""
    added = 0
    for klass, pool, accept in ctx.rng.sample(made_classes, len(made_classes)):
        if added == wanted:
            break
        if len(klass.members) >= 80:
            continue
        taken = {m.pos for m in klass.members}
        for pos, row in ctx.draw(pool, 1, klass.start, klass.end, accept, taken=taken):
            spec = ctx.enrol(pos, row, klass.programme, klass.mode, klass.start, klass.end, klass=klass)
            complete(
                spec,
                klass.end,
                number=f"{klass.code}/{len(klass.members):03d}",
                certificate_date=min(klass.end + timedelta(days=3), CUTOFF),
                attendance=90,
            )
            klass.capacity = max(klass.capacity, len(klass.members))
            added += 1
    return added


def _audience(ctx: Ctx, code: str, audience: str, start: date):
    """(pool, accept(pos, row), organiser pk, organiser name, location, place in the class name)."""
    rng, units, pools = ctx.rng, ctx.units, ctx.pools
    if audience == "sector":
        label, suffixes, organiser, _w = rng.choices(SECTORS, [s[3] for s in SECTORS])[0]
        pool = pools.get(*[("s", s) for s in suffixes])
        return (
            pool,
            lambda _p, row: row.slot.suffix in suffixes,
            units[organiser].pk,
            units[organiser].name,
            TCT,
            label,
        )
    if audience in ("region", "province"):
        if audience == "province":
            key = ("p",)
        elif start >= REFORM:
            key = ("x",) if rng.random() < 0.6 else ("p",)
        else:
            districts = list(ctx.districts)
            key = ("p",) if rng.random() < 0.35 else ("d", rng.choice(districts))
        organiser, organiser_name, where = place(ctx, key)
        return (
            pools.get(key),
            lambda _p, row: region(row) == key,
            organiser,
            organiser_name,
            organiser_name,
            where[0].lower() + where[1:] if key[0] == "d" else "",
        )
    if audience == "skills":
        suffixes = SKILL_UNITS[code]
        pool = pools.get(*[("s", s) for s in suffixes])
        return pool, lambda _p, row: row.slot.suffix in suffixes, units[suffixes[0]].pk, TCT, TCT, ""
    lead = pools.get(("lead",))
    if audience == "leaders":
        return (
            lead,
            lambda _p, row: TIER.get(row.position or "", 0) >= 3 and row.slot.level != AdminLevel.XA,
            units["BTCTU"].pk,
            "Trường Quân sự Quân khu 2",
            "Trường Quân sự Quân khu 2",
            "",
        )
    if audience == "heads":
        return (
            lead,
            lambda _p, row: TIER.get(row.position or "", 0) in (3, 4),
            units["SNV"].pk,
            TCT,
            TCT,
            "",
        )
    if audience == "top":
        return (
            lead,
            lambda _p, row: TIER.get(row.position or "", 0) >= 6,
            units["SNV"].pk,
            "Học viện Hành chính Quốc gia",
            "Hà Nội",
            "",
        )
    # civil: civil servants of province and district bodies
    return (
        pools.get(("all",)),
        lambda _p, row: row.category == "CC" and row.slot.level != AdminLevel.XA,
        units["SKHDT"].pk,
        TCT,
        TCT,
        "",
    )
