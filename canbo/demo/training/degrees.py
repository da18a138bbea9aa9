"""People sent to degree courses (university, master's, doctorate): a StudyAssignment and its Enrolment.

Seed 001: 2015–2020, 3.368 people sent to study "từ đại học trở lên" (đại học 2.177, thạc sĩ 1.176, tiến sĩ
15), each person once. A course that ended by 31/12/2025 is completed and linked to the person's degree: one the
demo already planned (awarded a course length after the start), or else a new one awarded after 31/12/2019, so
the 2015 and 2019 qualification shares do not move. Postgraduate sends meet the sponsorship rule of their date
(≥ 3 years of service, at most 40 years old before 01/07/2025 and 45 after).
"""

from datetime import date, timedelta

from canbo.people.choices import PersonStatus
from canbo.training.choices import Funding, StudyStatus
from canbo.training.rules import months_between

from ..dates import CUTOFF, D2019, REFORM, add_months, add_years
from ..qualifications import FIELDS, ISSUERS, Award, end_of, family
from .specs import ABROAD, DOMESTIC, KTT, SPENT_FACTOR, TT, Ctx, StudySpec, complete, cost, pos_of, workday

PROF = "PROFESSIONAL"
LEVEL = {"DT_DAI_HOC": "DAI_HOC", "DT_THAC_SI": "THAC_SI", "DT_TIEN_SI": "TIEN_SI"}
RANK = {"DT_DAI_HOC": 6, "DT_THAC_SI": 7, "DT_TIEN_SI": 8}
QUOTA = {  # persons sent, by the year the course starts
    "DT_DAI_HOC": dict(
        zip(range(2015, 2026), [330, 360, 380, 390, 380, 337, 250, 220, 200, 180, 150], strict=True)
    ),
    "DT_THAC_SI": dict(
        zip(range(2015, 2026), [150, 170, 190, 210, 220, 236, 200, 190, 180, 170, 160], strict=True)
    ),
    "DT_TIEN_SI": dict(zip(range(2015, 2026), [2, 2, 3, 3, 2, 3, 3, 2, 2, 3, 2], strict=True)),
}
ABROAD_UNIVERSITIES = [
    "Đại học Quốc gia Lào",
    "Trường Đại học Khon Kaen, Thái Lan",
    "Trường Đại học Flinders, Úc",
    "Trường Đại học Quảng Tây, Trung Quốc",
]
ABROAD_SHARE = {"DT_DAI_HOC": 0.0, "DT_THAC_SI": 0.05, "DT_TIEN_SI": 0.25}
STAYED = (PersonStatus.WORKING, PersonStatus.RETIRED)  # no commitment breached by leaving early


def course_months(code: str, prior_rank: int) -> int:
    if code == "DT_DAI_HOC":  # liên thông from cao đẳng or trung cấp is shorter
        return 24 if prior_rank == 5 else 36 if prior_rank == 4 else 48
    return 24 if code == "DT_THAC_SI" else 48


def eligible(ctx: Ctx, pos: int, code: str, start: date) -> bool:
    career = ctx.careers[pos]
    if career.status not in STAYED:
        return False
    rank, age = ctx.awards.rank_on(pos, PROF, start), ctx.age(pos, start)
    if code == "DT_DAI_HOC":
        return rank < 6 and 19 <= age <= 45
    max_age = 40 if start < REFORM else 45  # RULES of canbo/training/migrations/0002_catalogue.py
    return rank == RANK[code] - 1 and age <= max_age and add_years(career.recruited, 3) <= start


def _existing(ctx: Ctx, code: str) -> dict[int, list]:
    """Planned degrees that can be the end of a course started 2015–2025: (award, pos, start) by start year."""
    by_year: dict[int, list] = {}
    for award in ctx.awards.between(PROF, LEVEL[code], date(2015, 6, 1), CUTOFF):
        pos = pos_of(award)
        prior = ctx.awards.rank_on(pos, PROF, award.awarded_on - timedelta(days=1))
        months = course_months(code, prior)
        start = workday(add_months(award.awarded_on, -months) - timedelta(days=ctx.rng.randrange(10, 60)))
        if start.year < 2015 or ctx.working(pos, start, award.awarded_on) is None:
            continue
        if eligible(ctx, pos, code, start):
            by_year.setdefault(start.year, []).append((award, pos, start, months))
    return by_year


def plan_degrees(ctx: Ctx) -> None:
    window = set()  # persons sent in 2015–2020: each once (3.368 persons = 3.368 lượt)
    busy: dict[int, date] = {}  # pos -> end of their last course
    for code in ("DT_TIEN_SI", "DT_THAC_SI", "DT_DAI_HOC"):  # the scarce ones first
        quota = ctx.split(QUOTA[code], range(2015, 2021)) | {
            y: ctx.n(QUOTA[code][y]) for y in range(2021, 2026)
        }
        candidates = _existing(ctx, code)
        below = RANK[code] - 1
        pool = [
            p
            for p in ctx.pools.get(("all",))
            if (ctx.awards.top(p, PROF) == below if below > 5 else ctx.awards.top(p, PROF) < 6)
        ]
        carry = 0
        for year in range(2015, 2026):
            want = quota[year] + carry
            got = 0
            items = candidates.get(year, [])
            for award, pos, start, months in ctx.rng.sample(items, len(items)):
                if got == want:
                    break
                if (year <= 2020 and pos in window) or busy.get(pos, date.min) >= start:
                    continue
                _send(ctx, code, pos, start, months, award, window, busy)
                got += 1
            got += _send_new(ctx, code, year, want - got, pool, window, busy)
            carry = want - got if year < 2020 else 0


def _send_new(ctx: Ctx, code: str, year: int, k: int, pool: list, window: set, busy: dict) -> int:
    """k more people starting in `year`: a new degree after 31/12/2019, or still studying at the cutoff."""
    if k <= 0:
        return 0
    rng, got, careers = ctx.rng, 0, ctx.careers
    oldest = year - (45 if code == "DT_DAI_HOC" else 40 if year < 2025 else 45) - 1
    for _ in range(60 * k + 500):
        if got == k or not pool:
            break
        pos = pool[int(rng.random() * len(pool))]
        career = careers[pos]
        if career.birth.year < oldest or (code != "DT_DAI_HOC" and career.recruited.year > year - 3):
            continue
        if (year <= 2020 and pos in window) or busy.get(pos, date.min) >= date(year, 12, 31):
            continue
        start = workday(date(year, rng.choice((3, 8, 9, 10)), rng.randint(1, 26)))
        months = course_months(code, ctx.awards.rank_on(pos, PROF, start))
        awarded = add_months(start, months) + timedelta(days=rng.randrange(15, 75))
        if awarded <= D2019 or not eligible(ctx, pos, code, start):
            continue
        if awarded > min(end_of(career), CUTOFF):
            if year <= 2020 or awarded <= CUTOFF or ctx.working(pos, start, CUTOFF) is None:
                continue
            _send(ctx, code, pos, start, months, None, window, busy)  # still studying
        elif ctx.working(pos, start, awarded) is None:
            continue
        else:
            _send(ctx, code, pos, start, months, _new_degree(ctx, code, pos, awarded), window, busy)
        got += 1
    return got


def _new_degree(ctx: Ctx, code: str, pos: int, awarded: date) -> Award:
    rng, career = ctx.rng, ctx.careers[pos]
    fam = family(career)
    subject = "Quản lý công" if code != "DT_DAI_HOC" and fam == "admin" else rng.choice(FIELDS[fam])
    abroad = rng.random() < ABROAD_SHARE[code]
    issuer = rng.choice(ABROAD_UNIVERSITIES) if abroad else rng.choice(ISSUERS[fam][1])
    number = f"{rng.choice('ABCDEGHKMN')}{rng.randrange(100000, 999999)}"
    return ctx.awards.add(Award(career, PROF, LEVEL[code], awarded, subject, issuer, number))


def _send(ctx: Ctx, code: str, pos: int, start: date, months: int, award, window: set, busy: dict) -> None:
    rng, career = ctx.rng, ctx.careers[pos]
    row = career.row_on(start)
    expected_end = add_months(start, months)
    abroad = award is not None and award.issuer in ABROAD_UNIVERSITIES
    if code == "DT_DAI_HOC":
        mode = TT if rng.random() < 0.15 else KTT
        commune = row.slot.level == "XA"
        funding = (
            (Funding.PROJECT if commune else Funding.STATE_BUDGET)
            if rng.random() < (0.6 if commune else 0.35)
            else Funding.SELF_FUNDED
        )
    else:
        mode = TT if abroad or rng.random() < 0.65 else KTT
        funding = (
            (Funding.SCHOLARSHIP if rng.random() < 0.7 else Funding.STATE_BUDGET)
            if abroad
            else (Funding.PROJECT if rng.random() < 0.12 else Funding.STATE_BUDGET)
        )
    spec = ctx.enrol(pos, row, code, mode, start, expected_end, venue=ABROAD if abroad else DOMESTIC)
    if funding in (Funding.STATE_BUDGET, Funding.PROJECT):
        spec.cost = cost(code, start.year, mode, SPENT_FACTOR[spec.level])
    fam = family(career)
    institution = award.issuer if award is not None else rng.choice(ISSUERS[fam][1])
    study = StudySpec(
        spec,
        institution=institution,
        field_of_study=award.field if award is not None else rng.choice(FIELDS[fam]),
        funding=funding,
        expected_end=expected_end,
        status=StudyStatus.STUDYING,
        decision_number=f"{rng.randint(120, 2980)}/QĐ-UBND",
        decision_date=start - timedelta(days=rng.randint(10, 45)),
        proposer=ctx.proposer(spec.unit),
    )
    rule = ctx.rule_on(start)
    if rule is not None and funding in (Funding.STATE_BUDGET, Funding.PROJECT):
        study.rule = rule[0]
        study.commitment_months = rule[1] * months_between(start, expected_end)
    elif rule is not None:
        study.rule = rule[0]
    if award is not None:
        ctx.awards.linked.add(id(award))
        finished = max(start + timedelta(days=1), award.awarded_on - timedelta(days=rng.randint(0, 20)))
        complete(spec, finished, award=award)
        study.status, study.end_date = StudyStatus.COMPLETED, finished
        if study.commitment_months:
            study.commitment_end = add_months(finished, study.commitment_months)
        busy[pos] = award.awarded_on
    else:
        busy[pos] = CUTOFF
    if start.year <= 2020:
        window.add(pos)
    if code != "DT_DAI_HOC" and start.year >= 2024:  # the rule reads the two previous years' ratings
        ctx.good_years[pos].update({start.year - 1, start.year - 2})
    ctx.studies.append(study)
