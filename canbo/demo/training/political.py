"""Political theory: sơ cấp and trung cấp classes, cao cấp part-time classes opened in the province, and people
sent to the Academy for full-time cao cấp or the completion course (StudyAssignment).

Seed 001: 2015–2020, 5.764 persons trained in political theory (distinct; lượt more); 2019: 44 sent to
full-time cao cấp (80 % of the target 55, see plans.py) and 6 to the completion course; 2020: 47 full-time,
143 part-time, 7 completion. A completed lượt links to the person's planned qualification (the class ends a
little before it is awarded); the 2019 and 2020 cao cấp counts add new awards after 31/12/2019 where the plan
has too few.
"""

from collections import Counter
from datetime import date, timedelta

from canbo.training.choices import Funding, StudyStatus
from canbo.training.rules import months_between

from ..careers import apportion
from ..dates import CUTOFF, D2019, add_months, random_day
from ..qualifications import Award
from .specs import (
    HCKT,
    HVCT,
    KTT,
    NOT_COMPLETED,
    SPENT_FACTOR,
    TCT,
    TT,
    W_FROM,
    Ctx,
    StudySpec,
    complete,
    cost,
    in_window,
    place,
    pos_of,
    region,
    workday,
)

PT = "POLITICAL_THEORY"
PT_CODES = ("LLCT_SO_CAP", "LLCT_TRUNG_CAP", "LLCT_CAO_CAP")
FIXED = {(2019, TT): 44, (2019, HCKT): 6, (2020, TT): 47, (2020, HCKT): 7}  # seed 001
KTT_2020 = [72, 71]  # two part-time cao cấp classes opened in the province in 2020: 143
PERSONS = 5764  # seed 001: "Đào tạo về lý luận chính trị 5.764 đồng chí" (2015–2020)
CC_DAYS = {TT: 240, KTT: 600, HCKT: 150}
TC_DAYS = {TT: 240, KTT: 420}


def award_classes(
    ctx: Ctx,
    programme: str,
    mode: str,
    awards,
    days: int,
    key,
    describe,
    *,
    max_size=70,
    coarse=None,
    min_size=20,
):
    """Classes ending shortly before the awards they lead to: awards grouped by key(award, row) (groups smaller
    than `min_size` regrouped by each function of `coarse` in turn), each group split into classes of at most
    `max_size` that end a few days before the group's first award."""
    groups: dict[tuple, list] = {}
    for award in awards:
        if id(award) in ctx.awards.linked:
            continue
        row = ctx.careers[pos_of(award)].row_on(award.awarded_on - timedelta(days=days + 25))
        if row is not None:
            groups.setdefault(key(award, row), []).append(award)
    for step in coarse or ():
        merged: dict[tuple, list] = {}
        for group, items in groups.items():
            merged.setdefault(group if len(items) >= min_size else step(group), []).extend(items)
        groups = {g: sorted(items, key=lambda a: (a.awarded_on, a.career.idx)) for g, items in merged.items()}
    rng = ctx.rng
    for group, items in groups.items():
        parts = -(-len(items) // max_size)
        size = -(-len(items) // parts)
        for i in range(parts):
            chunk = items[i * size : (i + 1) * size]
            end = chunk[0].awarded_on - timedelta(days=rng.randint(3, 20))
            start = workday(end - timedelta(days=days))
            if start < W_FROM:
                continue
            organiser, organiser_name, location, name = describe(group, start, end)
            klass = ctx.new_class(programme, mode, start, end, organiser, organiser_name, location, name)
            for award in chunk:
                pos = pos_of(award)
                row = ctx.working(pos, start, end)
                if row is None:
                    continue
                ctx.awards.linked.add(id(award))
                spec = ctx.enrol(pos, row, programme, mode, start, end, klass=klass)
                complete(spec, end, award=award, attendance=rng.randint(85, 100))


def plan_political(ctx: Ctx) -> None:
    fixed: list = []  # the lượt of the seed's 2019 and 2020 cao cấp figures (never trimmed)
    cc_pool = [p for p in ctx.pools.get(("all",)) if ctx.awards.top(p, PT) == 2]  # trung cấp, never cao cấp
    taken: set[int] = set()  # persons with a cao cấp lượt
    _part_time_cao_cap(ctx, cc_pool, taken, fixed)
    _sent_cao_cap(ctx, cc_pool, taken, fixed)
    _lower_classes(ctx)
    _pending_2025(ctx, cc_pool, taken)
    _exact_persons(ctx, fixed)


def _cc_ready(ctx: Ctx, pos: int, start: date) -> bool:
    return ctx.awards.rank_on(pos, PT, start) == 2 and ctx.age(pos, start) >= 30


def _new_cao_cap(ctx: Ctx, pos: int, awarded: date) -> Award:
    number = f"{ctx.rng.choice('ABCDEGHKMN')}{ctx.rng.randrange(100000, 999999)}"
    return ctx.awards.add(Award(ctx.careers[pos], PT, "CAO_CAP", awarded, "", HVCT, number))


def _part_time_cao_cap(ctx: Ctx, cc_pool, taken, fixed) -> None:
    rng = ctx.rng
    for year in range(2015, 2026):
        sizes = apportion(ctx.n(sum(KTT_2020)), KTT_2020) if year == 2020 else [ctx.n(rng.randint(45, 65))]
        for k, want in enumerate(sizes):
            start = workday(date(year, 3 if k == 0 else 9, rng.randint(5, 20)))
            end = start + timedelta(days=CC_DAYS[KTT])
            suffix = f" (lớp {k + 1})" if len(sizes) > 1 else ""
            klass = ctx.new_class(
                "LLCT_CAO_CAP",
                KTT,
                start,
                end,
                ctx.units["TCT"].pk,
                HVCT,
                f"{TCT}, thành phố Điện Biên Phủ",
                f"Lớp cao cấp lý luận chính trị hệ không tập trung tại tỉnh Điện Biên, "
                f"khóa {year}–{end.year}{suffix}",
                capacity=max(want, 1),
            )
            for award in ctx.awards.between(PT, "CAO_CAP", end, end + timedelta(days=120)):
                if len(klass.members) >= want:
                    break
                pos = pos_of(award)
                if id(award) in ctx.awards.linked or pos in taken or not _cc_ready(ctx, pos, start):
                    continue
                row = ctx.working(pos, start, award.awarded_on)
                if row is not None:
                    _member(ctx, klass, pos, row, award, taken)
            short = want - len(klass.members)
            lo, hi = max(end + timedelta(days=5), D2019 + timedelta(days=1)), end + timedelta(days=60)
            if short > 0 and (end > CUTOFF or lo <= min(hi, CUTOFF)):
                last = CUTOFF if end > CUTOFF else min(hi, CUTOFF)
                for pos, row in ctx.draw(
                    cc_pool, short, start, last, lambda p, _r, day=start: _cc_ready(ctx, p, day), taken=taken
                ):
                    award = (
                        None if end > CUTOFF else _new_cao_cap(ctx, pos, random_day(rng, lo, min(hi, CUTOFF)))
                    )
                    _member(ctx, klass, pos, row, award, taken)
            if year == 2020:
                fixed += klass.members


def _member(ctx: Ctx, klass, pos, row, award, taken) -> None:
    spec = ctx.enrol(pos, row, klass.programme, klass.mode, klass.start, klass.end, klass=klass)
    taken.add(pos)
    if award is not None:
        ctx.awards.linked.add(id(award))
        complete(spec, klass.end, award=award, attendance=ctx.rng.randint(85, 100))


def _sent_cao_cap(ctx: Ctx, cc_pool, taken, fixed) -> None:
    """Full-time and completion courses at the Academy: the seed's exact counts in 2019 and 2020, 60 % of the
    planned awards in the other years."""
    rng, buckets = ctx.rng, {}
    for award in ctx.awards.between(PT, "CAO_CAP", W_FROM, CUTOFF):
        if id(award) in ctx.awards.linked:
            continue
        mode = HCKT if rng.random() < 0.15 else TT
        start = workday(award.awarded_on - timedelta(days=CC_DAYS[mode] + rng.randint(10, 40)))
        pos = pos_of(award)
        if start >= W_FROM and _cc_ready(ctx, pos, start) and ctx.working(pos, start, award.awarded_on):
            buckets.setdefault((start.year, mode), []).append((award, pos, start))
    for year in range(2015, 2026):
        for mode in (TT, HCKT):
            items = buckets.get((year, mode), [])
            exact = (year, mode) in FIXED
            want = ctx.n(FIXED[(year, mode)]) if exact else round(len(items) * 0.6)
            got = 0
            for award, pos, start in rng.sample(items, len(items)):
                if got == want:
                    break
                if pos not in taken:
                    spec = _send(ctx, pos, start, mode, award, taken)
                    fixed += [spec] if exact else []
                    got += 1
            for _ in range(200 * (want - got) if exact else 0):
                if got == want:
                    break
                pos = cc_pool[rng.randrange(len(cc_pool))]
                start = workday(random_day(rng, date(year, 3, 1), date(year, 11, 20)))
                awarded = start + timedelta(days=CC_DAYS[mode] + rng.randint(15, 60))
                if pos in taken or not D2019 < awarded <= CUTOFF or not _cc_ready(ctx, pos, start):
                    continue
                if ctx.working(pos, start, awarded) is not None:
                    fixed.append(_send(ctx, pos, start, mode, _new_cao_cap(ctx, pos, awarded), taken))
                    got += 1


def _send(ctx: Ctx, pos: int, start: date, mode: str, award, taken) -> object:
    rng = ctx.rng
    row = ctx.careers[pos].row_on(start)
    end = start + timedelta(days=CC_DAYS[mode])
    spec = ctx.enrol(pos, row, "LLCT_CAO_CAP", mode, start, end)
    spec.cost = cost("LLCT_CAO_CAP", start.year, mode, SPENT_FACTOR[spec.level])
    study = StudySpec(
        spec,
        institution=HVCT if rng.random() < 0.8 else "Học viện Chính trị quốc gia Hồ Chí Minh",
        field_of_study="",
        funding=Funding.STATE_BUDGET,
        expected_end=end,
        status=StudyStatus.STUDYING,
        decision_number=f"{rng.randint(150, 3900)}-QĐ/TU",
        decision_date=start - timedelta(days=rng.randint(10, 30)),
        proposer="bantochuc",
    )
    rule = ctx.rule_on(start)
    if rule is not None:
        study.rule, study.commitment_months = rule[0], rule[1] * months_between(start, end)
    if award is not None:
        ctx.awards.linked.add(id(award))
        finished = max(
            start + timedelta(days=1), min(end, award.awarded_on - timedelta(days=rng.randint(0, 10)))
        )
        complete(spec, finished, award=award)
        study.status, study.end_date = StudyStatus.COMPLETED, finished
        study.commitment_end = (
            add_months(finished, study.commitment_months) if study.commitment_months else None
        )
    taken.add(pos)
    ctx.studies.append(study)
    return spec


def _lower_classes(ctx: Ctx) -> None:
    rng, seq = ctx.rng, Counter()

    def describe(title: str, suffix: str):
        def name(group, start, end):
            organiser, organiser_name, where = place(ctx, group[0])
            seq[(title, group[0], start.year)] += 1
            label = f"{title} {where[0].lower()}{where[1:]}" if group[0][0] == "d" else title
            n = seq[(title, group[0], start.year)]
            return organiser, organiser_name, organiser_name, f"{label}{suffix}, khóa {start.year}–{n:02d}"

        return name

    def quarter(award):
        return award.awarded_on.year, (award.awarded_on.month - 1) // 3

    def half(award):
        return award.awarded_on.year, (award.awarded_on.month - 1) // 6

    def province(group):
        return (("p",), *group[1:])

    def year(group):
        return (("p",), group[1])

    so_cap = ctx.awards.between(PT, "SO_CAP", W_FROM, CUTOFF)
    award_classes(
        ctx,
        "LLCT_SO_CAP",
        KTT,
        so_cap,
        75,
        lambda a, row: (region(row), *half(a)),
        describe("Lớp sơ cấp lý luận chính trị", ""),
        coarse=(province, year),
    )
    full, part = [], []
    for award in ctx.awards.between(PT, "TRUNG_CAP", W_FROM, CUTOFF):
        (full if rng.random() < 0.4 else part).append(award)
    award_classes(
        ctx,
        "LLCT_TRUNG_CAP",
        TT,
        full,
        TC_DAYS[TT],
        lambda a, row: (("p",), *quarter(a)),
        describe("Lớp trung cấp lý luận chính trị – hành chính", " hệ tập trung"),
        coarse=(lambda g: (("p",), g[1], g[2] // 2 + 10), year),
    )
    award_classes(
        ctx,
        "LLCT_TRUNG_CAP",
        KTT,
        part,
        TC_DAYS[KTT],
        lambda a, row: (region(row), *half(a)),
        describe("Lớp trung cấp lý luận chính trị – hành chính", " hệ không tập trung"),
        coarse=(province, year),
    )


def _pending_2025(ctx: Ctx, cc_pool, taken) -> None:
    """Still studying at the end of the demo's history: a trung cấp class and a few sent to cao cấp."""
    rng = ctx.rng
    start = workday(date(2025, 9, rng.randint(8, 20)))
    end = start + timedelta(days=TC_DAYS[TT])
    klass = ctx.new_class(
        "LLCT_TRUNG_CAP",
        TT,
        start,
        end,
        ctx.units["TCT"].pk,
        TCT,
        f"{TCT}, phường Điện Biên Phủ",
        "Lớp trung cấp lý luận chính trị hệ tập trung, khóa 2025–2026",
    )

    def fits(pos, _row):
        return ctx.awards.top(pos, PT) < 2 and ctx.age(pos, start) >= 25

    for pos, row in ctx.draw(ctx.pools.get(("all",)), ctx.n(55), start, CUTOFF, fits):
        ctx.enrol(pos, row, klass.programme, TT, start, end, klass=klass)
    day = workday(date(2025, 8, rng.randint(4, 15)))
    for pos, _row in ctx.draw(
        cc_pool, ctx.n(20), day, CUTOFF, lambda p, _r: _cc_ready(ctx, p, day), taken=taken
    ):
        _send(ctx, pos, day, TT, None, taken)


def _drop(ctx: Ctx, spec) -> None:
    spec.removed = True
    if spec.award is not None:
        ctx.awards.unlink(spec.award)


def _exact_persons(ctx: Ctx, fixed: list) -> None:
    """Trim (or top up) the 2015–2020 lượt so that exactly PERSONS distinct people are counted."""
    target, rng = ctx.n(PERSONS), ctx.rng
    persons: dict[int, list] = {}
    for spec in ctx.enrolments:
        if spec.programme in PT_CODES and in_window(spec.start) and not spec.removed:
            persons.setdefault(spec.pos, []).append(spec)
    locked = {spec.pos for spec in fixed}
    extra = len(persons) - target
    if extra > 0:
        lots = Counter({pos: len(specs) for pos, specs in persons.items()})
        small = [
            k for k in ctx.classes if k.programme in PT_CODES and in_window(k.start) and len(k.members) < 30
        ]
        for klass in sorted(small, key=lambda k: len(k.members)):  # drop the smallest classes first
            members = [m for m in klass.members if not m.removed]
            if any(m.pos in locked for m in members):
                continue
            loss = sum(1 for m in members if lots[m.pos] == 1)
            if loss > extra:
                continue
            for spec in members:
                _drop(ctx, spec)
                lots[spec.pos] -= 1
            extra -= loss
        removable = [pos for pos in persons if pos not in locked and lots[pos] > 0]
        for pos in rng.sample(removable, min(extra, len(removable))):
            for spec in persons[pos]:
                _drop(ctx, spec)
        return
    classes = [k for k in ctx.classes if k.programme in PT_CODES[:2] and in_window(k.start)]
    for _ in range(50 * -extra if classes else 0):
        if len(persons) >= target:
            break
        klass = classes[rng.randrange(len(classes))]
        rank = 1 if klass.programme == "LLCT_SO_CAP" else 2
        inside = {m.pos for m in klass.members}
        for pos, row in ctx.draw(
            ctx.pools.get(("all",)),
            1,
            klass.start,
            klass.end,
            lambda p, _r, k=klass, r=rank: ctx.awards.rank_on(p, PT, k.start) < r,
            taken=persons.keys() | inside,
        ):
            spec = ctx.enrol(pos, row, klass.programme, klass.mode, klass.start, klass.end, klass=klass)
            spec.result, spec.result_date, spec.attendance = NOT_COMPLETED, klass.end, rng.randint(40, 75)
            persons[pos] = [spec]
