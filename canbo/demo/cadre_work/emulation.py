"""Emulation movements, registrations of exemplary models and awards 2016–2025 of the demo province.

- CT05 "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh" (Chỉ thị 05-CT/TW, Tỉnh ủy, 2016–2021):
  exactly 1.908 collectives (a unit, once a year) and 2.086 individuals (working in their unit on the day)
  registered 2016–2021, each in January–March of the year, so all by 23/06/2021 (seed 000), scaled with the demo.
  Its continuation under Kết luận 01-KL/TW is a movement of its own (KL01, from 2022) with fewer registrations.
- TDNV, the yearly "thi đua thực hiện thắng lợi nhiệm vụ" of the provincial People's Committee, carries the
  yearly titles: Lao động tiên tiến for about 8 % of those working all year (from 2022 only people rated "hoàn
  thành tốt" or better), Chiến sĩ thi đua cơ sở for about 15 % of them (from 2022 only "xuất sắc"), Chiến sĩ thi
  đua cấp tỉnh after three years running of the base title, Tập thể lao động xuất sắc, Cờ thi đua, Bằng khen of
  the Chairman of the provincial People's Committee (some for the CT05 / KL01 exemplary models) and Giấy khen.
  Nobody disciplined in a year gets that year's titles. Two awards are revoked in 2024 for a false claim.
"""

import random
from datetime import date

from canbo.core.bulk import insert_rows
from canbo.emulation.choices import RecipientKind
from canbo.emulation.models import EmulationMovement, Registration
from canbo.evaluation.models import AnnualRating, RatingLevel

from ..careers import apportion
from ..dates import random_day
from .awards import AwardWriter

TC, CN = RecipientKind.TAP_THE, RecipientKind.CA_NHAN
SEED_COLLECTIVES, SEED_INDIVIDUALS = 1908, 2086
CT05_YEARS = range(2016, 2022)
CT05_WEIGHTS = [0.13, 0.15, 0.16, 0.17, 0.19, 0.20]
KL01_YEARS = range(2022, 2026)
MOVEMENTS = [
    (
        "CT05",
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh (Chỉ thị 05-CT/TW, giai đoạn 2016–2021)",
        2016,
        2021,
        "Ban Thường vụ Tỉnh ủy",
    ),
    (
        "KL01",
        "Tiếp tục học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh (Kết luận 01-KL/TW)",
        2022,
        None,
        "Ban Thường vụ Tỉnh ủy",
    ),
    (
        "TDNV",
        "Thi đua thực hiện thắng lợi nhiệm vụ chính trị, phát triển kinh tế - xã hội hằng năm",
        2016,
        None,
        "Ủy ban nhân dân tỉnh",
    ),
]
MOVEMENT_CODES = [m[0] for m in MOVEMENTS]
COLLECTIVE_MODELS = [
    "Cơ quan, đơn vị văn hóa công sở, “nói đi đôi với làm”",
    "Cải cách thủ tục hành chính, giải quyết hồ sơ đúng hẹn",
    "Dân vận khéo, gần dân, sát dân",
    "Tiết kiệm, chống lãng phí trong chi thường xuyên",
    "Đơn vị nêu gương, kỷ cương, trách nhiệm",
]
INDIVIDUAL_MODELS = [
    "Tận tụy phục vụ nhân dân, không gây phiền hà, sách nhiễu",
    "Nêu gương, giữ gìn đạo đức công vụ, lối sống giản dị",
    "Đổi mới lề lối làm việc, chuyên cần, đúng giờ",
    "Giúp đỡ hộ nghèo, đồng bào dân tộc thiểu số ở thôn, bản",
    "Học tập nâng cao trình độ, sáng kiến trong công việc",
]


def _window(year: int) -> tuple[date, date]:
    return date(year, 1, 5), date(year, 3, 31)


def _movements() -> dict[str, int]:
    existing = set(EmulationMovement.objects.filter(code__in=MOVEMENT_CODES).values_list("code", flat=True))
    for code, name, start, end, by in MOVEMENTS:
        if code not in existing:
            EmulationMovement.objects.create(
                code=code, name=name, start_year=start, end_year=end, launched_by=by
            )
    return dict(EmulationMovement.objects.filter(code__in=MOVEMENT_CODES).values_list("code", "pk"))


def _year_candidates(ctx, year: int):
    """Units with someone working throughout the registration window, and those people with their row."""
    people = ctx.working_throughout(*_window(year))
    units = sorted({row.slot.unit.pk for _pos, row in people})
    return units, people


def _registrations(ctx, rng, movement: int, years, collectives: int, individuals: int, recorder: int):
    weights = CT05_WEIGHTS if len(years) == len(CT05_WEIGHTS) else [1.0] * len(years)
    rows, registered = [], {}
    for year, n_units, n_people in zip(
        years, apportion(collectives, weights), apportion(individuals, weights), strict=True
    ):
        units, people = _year_candidates(ctx, year)
        lo, hi = _window(year)
        for unit in rng.sample(units, min(n_units, len(units))):
            rows.append(_registration(movement, year, TC, unit, None, random_day(rng, lo, hi), recorder, rng))
        for pos, row in rng.sample(people, min(n_people, len(people))):
            pid = ctx.person_ids[pos]
            registered.setdefault(year, []).append((pos, row))
            rows.append(
                _registration(
                    movement, year, CN, row.slot.unit.pk, pid, random_day(rng, lo, hi), recorder, rng
                )
            )
    return rows, registered


def _registration(movement, year, kind, unit, person, day, recorder, rng) -> dict:
    models = COLLECTIVE_MODELS if kind == TC else INDIVIDUAL_MODELS
    return {
        "movement_id": movement,
        "year": year,
        "kind": kind,
        "unit_id": unit,
        "person_id": person,
        "registered_on": day,
        "note": f"Mô hình “{rng.choice(models)}”",
        "recorded_by_id": recorder,
    }


def _ratings() -> dict[tuple[int, int], str]:
    """(person, year) -> level for the levels other than "hoàn thành tốt" (everyone working on 31/12 is rated)."""
    rows = AnnualRating.objects.filter(person__code__startswith="DB").exclude(level=RatingLevel.GOOD)
    return {(person, year): level for person, year, level in rows.values_list("person_id", "year", "level")}


def build_emulation(ctx, *, disciplined: set[tuple[int, int]]) -> dict:
    """`disciplined`: (position in careers, year) of the discipline decisions, kept out of that year's titles."""
    rng = random.Random(f"canbo-demo-emulation-{ctx.seed}")
    movements = _movements()
    recorder = ctx.users["bantochuc"]
    ct05, ct05_people = _registrations(
        ctx,
        rng,
        movements["CT05"],
        CT05_YEARS,
        ctx.scaled(SEED_COLLECTIVES),
        ctx.scaled(SEED_INDIVIDUALS),
        recorder,
    )
    kl01, kl01_people = _registrations(
        ctx, rng, movements["KL01"], KL01_YEARS, ctx.scaled(600), ctx.scaled(700), recorder
    )
    insert_rows(Registration, ct05 + kl01)
    writer = AwardWriter(ctx, rng, movements, recorder, _ratings(), disciplined)
    models = {**ct05_people, **kl01_people}
    for year in range(2016, 2026):
        writer.year(year, models.get(year, []))
    awards, revoked = writer.write()
    return {
        "registrations": len(ct05) + len(kl01),
        "ct05_collectives": sum(1 for r in ct05 if r["kind"] == TC),
        "ct05_individuals": sum(1 for r in ct05 if r["kind"] == CN),
        "awards": awards,
        "awards_revoked": revoked,
    }
