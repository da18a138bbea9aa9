"""The demo's awards, year by year (see emulation.py for the shares). One decision number per decider, form and
year; the titles of a unit's people are decided by its head (a district's and its communes' by the district's
chairman), the provincial forms by the Chairman of the provincial People's Committee."""

from datetime import date

from canbo.core.bulk import insert_rows
from canbo.emulation.choices import AwardForm, RecipientKind
from canbo.emulation.models import Award
from canbo.evaluation.models import RatingLevel
from canbo.org.models import AdminLevel

TC, CN = RecipientKind.TAP_THE, RecipientKind.CA_NHAN
GOOD = {RatingLevel.GOOD, RatingLevel.EXCELLENT}
PROVINCE = "Chủ tịch Ủy ban nhân dân tỉnh"
LDTT_SHARE, CSTD_SHARE, TTLDXS_SHARE, FLAG_SHARE, UNIT_MERIT_SHARE = 0.08, 0.15, 0.15, 0.02, 0.04
REVOKE_REASON = (
    "Khai man thành tích trong hồ sơ đề nghị khen thưởng (Luật Thi đua, khen thưởng số 06/2022/QH15): "
    "hủy quyết định, thu hồi hiện vật và tiền thưởng"
)


def decider(slot) -> tuple[str, str]:
    """(suffix of the decision number, who decides) for the people of a unit: a district's chairman for the
    district's bodies and communes, a commune's chairman for a commune of the reform, else the unit's head."""
    district = slot.district
    if district is not None:
        dv, _uy, _title = district.words
        return "UBND", f"Chủ tịch Ủy ban nhân dân {dv} {district.name}"
    if slot.level == AdminLevel.XA:
        return "UBND", f"Chủ tịch Ủy ban nhân dân {slot.unit.name}"
    return slot.unit.code.rsplit("-", 1)[-1], f"Thủ trưởng {slot.unit.name}"


class AwardWriter:
    def __init__(self, ctx, rng, movements, recorder, ratings, disciplined):
        self.ctx, self.rng, self.movements, self.recorder = ctx, rng, movements, recorder
        self.ratings, self.disciplined = ratings, disciplined
        self.merit = [rng.random() for _ in ctx.careers]
        self.unit_merit: dict[int, float] = {}
        self.numbers: dict[tuple, tuple[str, date, str]] = {}
        self.rows: list[dict] = []
        self.base_years: dict[int, set[int]] = {}  # position -> years with Chiến sĩ thi đua cơ sở
        self.provincial: set[int] = set()  # positions with Chiến sĩ thi đua cấp tỉnh

    def _decision(self, key: tuple, year: int, suffix: str, body: str, first_day: int) -> tuple:
        if key not in self.numbers:
            number = f"{self.rng.randint(15, 980)}/QĐ-{suffix}"
            self.numbers[key] = (number, date(year, 12, self.rng.randint(first_day, first_day + 3)), body)
        return self.numbers[key]

    def _add(self, form, kind, year, unit, person, decision, movement=None) -> dict:
        number, decided, body = decision
        row = {
            "form": form,
            "kind": kind,
            "unit_id": unit,
            "person_id": person,
            "year": year,
            "movement_id": self.movements.get(movement),
            "decision_number": number,
            "decision_date": decided,
            "issuing_body": body,
            "revoked_on": None,
            "revocation_decision_number": "",
            "revocation_reason": "",
            "recorded_by_id": self.recorder,
            "version": 1,
        }
        self.rows.append(row)
        return row

    def _unit_title(self, form, year, pos, row, movement=None) -> dict:
        suffix, body = decider(row.slot)
        decision = self._decision((body, form, year), year, suffix, body, 10)
        return self._add(form, CN, year, row.slot.unit.pk, self.ctx.person_ids[pos], decision, movement)

    def _province(self, form, kind, year, unit, person, movement=None) -> dict:
        decision = self._decision((PROVINCE, form, year), year, "UBND", PROVINCE, 24)
        return self._add(form, kind, year, unit, person, decision, movement)

    def _eligible(self, year: int) -> list[tuple[float, int, object]]:
        """(score, position, row) of those working all year long to 31/12 and, from 2022, rated HTT or better
        (`ratings` holds the other levels only)."""
        half, rated, merit, draw = date(year, 6, 30), year >= 2022, self.merit, self.rng.random
        careers, ids, ratings, disciplined = (
            self.ctx.careers,
            self.ctx.person_ids,
            self.ratings,
            self.disciplined,
        )
        found = [
            (merit[pos] * 0.6 + draw() * 0.4, pos, row)
            for pos, row in self.ctx.working_on(date(year, 12, 31))
            if careers[pos].recruited <= half
            and (pos, year) not in disciplined
            and not (rated and ratings.get((ids[pos], year), RatingLevel.GOOD) not in GOOD)
        ]
        found.sort(key=lambda t: t[0], reverse=True)
        return found

    def year(self, year: int, models: list) -> None:
        eligible = self._eligible(year)
        advanced = eligible[: round(len(eligible) * LDTT_SHARE)]
        for _s, pos, row in advanced:
            self._unit_title(AwardForm.LD_TIEN_TIEN, year, pos, row, "TDNV")
        base = [
            t
            for t in advanced
            if year < 2022 or self.ratings.get((self.ctx.person_ids[t[1]], year)) == RatingLevel.EXCELLENT
        ][: round(len(advanced) * CSTD_SHARE)]
        for _s, pos, row in base:
            self._unit_title(AwardForm.CSTD_CO_SO, year, pos, row, "TDNV")
            self.base_years.setdefault(pos, set()).add(year)
        streak = [
            (pos, row)
            for _s, pos, row in base
            if {year - 1, year - 2} <= self.base_years[pos] and pos not in self.provincial
        ][: max(1, self.ctx.scaled(12))]
        for pos, row in streak:
            self._province(
                AwardForm.CSTD_CAP_TINH, CN, year, row.slot.unit.pk, self.ctx.person_ids[pos], "TDNV"
            )
            self.provincial.add(pos)
        good = {pos for _s, pos, _r in advanced}
        movement = "CT05" if year <= 2021 else "KL01"
        exemplary = [(pos, row) for pos, row in models if pos in good]
        for pos, row in exemplary[: max(1, len(exemplary) // 10)]:
            self._province(
                AwardForm.BANG_KHEN, CN, year, row.slot.unit.pk, self.ctx.person_ids[pos], movement
            )
        for _s, pos, row in advanced[len(base) : len(base) + self.ctx.scaled(250)]:
            self._unit_title(AwardForm.GIAY_KHEN, year, pos, row)
        self._collectives(year)

    def _collectives(self, year: int) -> None:
        units = sorted({row.slot.unit.pk for _pos, row in self.ctx.working_on(date(year, 12, 31))})
        for unit in units:
            self.unit_merit.setdefault(unit, self.rng.random())
        ranked = sorted(units, key=lambda u: self.unit_merit[u] * 0.5 + self.rng.random() * 0.5, reverse=True)
        excellent = ranked[: round(len(ranked) * TTLDXS_SHARE)]
        for unit in excellent:
            self._province(AwardForm.TT_LD_XUAT_SAC, TC, year, unit, None, "TDNV")
        for unit in excellent[: max(1, round(len(ranked) * FLAG_SHARE))]:
            self._province(AwardForm.CO_THI_DUA, TC, year, unit, None, "TDNV")
        for unit in ranked[len(excellent) : len(excellent) + round(len(ranked) * UNIT_MERIT_SHARE)]:
            self._province(AwardForm.BANG_KHEN, TC, year, unit, None, "CT05" if year <= 2021 else "KL01")

    def _revoke(self) -> int:
        """A Chiến sĩ thi đua cơ sở of 2023 (no provincial title on it) and a Bằng khen of 2022, revoked in 2024."""
        provincial_ids = {self.ctx.person_ids[p] for p in self.provincial}
        picks = [
            next(
                (
                    r
                    for r in self.rows
                    if r["form"] == AwardForm.CSTD_CO_SO
                    and r["year"] == 2023
                    and r["person_id"] not in provincial_ids
                ),
                None,
            ),
            next(
                (
                    r
                    for r in self.rows
                    if r["form"] == AwardForm.BANG_KHEN and r["year"] == 2022 and r["person_id"]
                ),
                None,
            ),
        ]
        done = 0
        for row, month in zip(picks, (4, 9), strict=True):
            if row is None:
                continue
            row["revoked_on"] = date(2024, month, self.rng.randint(3, 27))
            suffix = row["decision_number"].rsplit("QĐ-", 1)[-1]
            row["revocation_decision_number"] = f"{self.rng.randint(15, 980)}/QĐ-{suffix}"
            row["revocation_reason"] = REVOKE_REASON
            row["version"] = 2
            done += 1
        return done

    def write(self) -> tuple[int, int]:
        revoked = self._revoke()
        return insert_rows(Award, self.rows), revoked
