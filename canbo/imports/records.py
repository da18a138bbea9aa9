"""The person-linked historical records of an import (issue 14): training lượt, annual ratings, awards and
discipline. Checked in memory after the timelines are resolved, so that each record takes the person's unit at its
date from the history as the file leaves it; written after the persons, in the import's transaction, with their
audit rows. A record already stored (same natural key) is kept as it is: a file imports twice without doubling.
"""

import hashlib
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date

from django.apps import apps

from canbo.core.bulk import unsaved
from canbo.discipline.models import DisciplineRecord
from canbo.emulation.choices import AwardForm, RecipientKind
from canbo.emulation.models import Award
from canbo.emulation.services import _award_errors
from canbo.evaluation.models import AnnualRating
from canbo.org.models import OrgUnit
from canbo.training.choices import EnrolmentResult, Venue

from .loading import _chunks
from .rules import field_errors, value_errors

RECORD_KEYS = {
    "training": ("person_id", "programme_id", "start_date"),
    "ratings": ("person_id", "year"),
    "awards": ("person_id", "form", "year", "decision_number"),
    "discipline": ("person_id", "decided_on", "form"),
}
NEEDS_ACTOR = "Cần người ghi nhận: hãy nhập bằng tài khoản (lệnh: --user)."


@dataclass
class RecordPlan:
    classes: list = field(default_factory=list)  # new TrainingClass objects
    enrolments: list = field(default_factory=list)
    ratings: list = field(default_factory=list)
    awards: list = field(default_factory=list)
    discipline: list = field(default_factory=list)
    kept: int = 0  # rows already stored

    def counts(self) -> dict:
        return {
            "classes_created": len(self.classes),
            "enrolments_created": len(self.enrolments),
            "ratings_created": len(self.ratings),
            "awards_created": len(self.awards),
            "discipline_created": len(self.discipline),
            "records_kept": self.kept,
        }

    @property
    def size(self) -> int:
        return sum(
            len(x) for x in (self.classes, self.enrolments, self.ratings, self.awards, self.discipline)
        )


def career_rows(entry) -> tuple[list, list]:
    """The person's career rows as the file leaves them, by start date, and their start dates."""
    slots = entry.timeline.slots.values() if entry.timeline else ()
    rows = sorted((s.obj for s in slots), key=lambda r: r.start_date)
    return rows, [r.start_date for r in rows]


def unit_id_on(entry, on: date, career: tuple[list, list] | None = None) -> int | None:
    """The person's unit on `on`, from their timeline as the file leaves it (`career`: career_rows(entry), when
    the caller keeps it): the row in force, else the last row begun before it, else the first row; a person
    with no row: their current unit (None if none)."""
    rows, starts = career_rows(entry) if career is None else career
    begun = bisect_right(starts, on)  # the rows begun on or before `on`
    row = rows[begun - 1] if begun else (rows[0] if rows else None)
    return row.unit_id if row is not None else entry.person.current_unit_id


def _stored_keys(model, key: tuple, person_ids: list[int]) -> set[tuple]:
    found: set[tuple] = set()
    for chunk in _chunks(person_ids):
        found.update(model.objects.filter(person_id__in=chunk).values_list(*key))
    return found


class RecordChecker:
    """Checks the record sheets for an Importer (its entries, error reporting and actor)."""

    def __init__(self, importer, entries: dict):
        self.imp = importer
        self.entries = entries
        self.plan = RecordPlan()
        self.careers: dict[int, tuple] = {}  # id(entry) -> career_rows(entry): the timelines are resolved

    def entry(self, row):
        entry = self.imp.entry_for(row, self.entries)
        if entry is None or (entry.row is not None and entry.row.bad):
            return None
        return entry

    def unit(self, row, entry, on: date, column: str):
        career = self.careers.get(id(entry))
        if career is None:
            career = self.careers[id(entry)] = career_rows(entry)
        unit_id = unit_id_on(entry, on, career)
        units = self.imp.ref.unit_by_pk
        if (
            unit_id is not None and unit_id not in units
        ):  # a stored person's current unit the file does not name
            units[unit_id] = OrgUnit.objects.get(pk=unit_id)
        unit = units.get(unit_id)
        if unit is None:
            self.imp.error(
                row, column, "Không xác định được đơn vị của người này vào ngày đó: cần quá trình công tác."
            )
        return unit

    def stored(self, model, sheet: str) -> set[tuple]:
        ids = [e.person.pk for e in self.entries.values() if e.person.pk is not None]
        return _stored_keys(model, RECORD_KEYS[sheet], ids)

    def check(self, rows: dict) -> RecordPlan:
        self.training(rows.get("training", []))
        self.ratings(rows.get("ratings", []))
        self.awards(rows.get("awards", []))
        self.discipline(rows.get("discipline", []))
        return self.plan

    def _new(self, row, entry, key, seen: dict, stored: set, column: str, what: str) -> bool:
        """False when the row repeats another of the file (an error) or a stored record (kept)."""
        full = (id(entry), *key)
        if full in seen:
            self.imp.error(row, column, f"Trùng {what} với dòng {seen[full]}.")
            return False
        seen[full] = row.number
        if entry.person.pk is not None and (entry.person.pk, *key) in stored:
            self.plan.kept += 1
            return False
        return True

    # -- training lượt ---------------------------------------------------------------------------------
    def training(self, rows: list) -> None:
        if not rows:
            return
        Enrolment = apps.get_model("training", "Enrolment")
        Programme = apps.get_model("training", "Programme")
        programmes = {p.code: p for p in Programme.objects.all()}
        stored = self.stored(Enrolment, "training")
        classes = self._stored_classes(rows)
        seen: dict = {}
        in_class: dict = {}
        for row in rows:
            self.imp.tick()
            v = row.values
            entry = self.entry(row)
            programme = programmes.get(v["programme"])
            result = v["training_result"] or EnrolmentResult.PENDING
            start, end = v["start_date"], v["end_date"]
            result_date = v["result_date"] or (end if result != EnrolmentResult.PENDING else None)
            # plain values are checked; the model instance is made only for a lượt that is written
            errors = value_errors(Enrolment, {"certificate_number": v["certificate_number"]})
            self.imp.errors_from(row, errors)
            if start and end and end < start:
                self.imp.error(row, "end_date", "Ngày kết thúc phải sau ngày bắt đầu.")
            if start and start > self.imp.today:
                self.imp.error(row, "start_date", "Ngày bắt đầu không được ở tương lai.")
            if result != EnrolmentResult.PENDING and result_date is None and "result_date" not in row.bad:
                self.imp.error(row, "result_date", "Cần ngày có kết quả (hoặc ngày kết thúc).")
            if result_date and start and result_date < start:
                self.imp.error(row, "result_date", "Ngày có kết quả phải từ ngày bắt đầu học trở đi.")
            if result == EnrolmentResult.PENDING and v["result_date"]:
                self.imp.error(row, "result_date", "Lượt đang học chưa có ngày có kết quả.")
            if v["certificate_number"] and result != EnrolmentResult.COMPLETED:
                self.imp.error(row, "certificate_number", "Chỉ người hoàn thành mới có văn bằng, chứng chỉ.")
            if entry is None or row.bad or errors or programme is None or not start:
                continue
            if (end and end < start) or start > self.imp.today or (result_date and result_date < start):
                continue
            unit = self.unit(row, entry, start, "start_date")
            if unit is None:
                continue
            if not self._new(
                row,
                entry,
                (programme.pk, start),
                seen,
                stored,
                "start_date",
                "lượt (chương trình, ngày bắt đầu)",
            ):
                continue
            values = {
                "mode": v["training_mode"],
                "venue": v["venue"] or Venue.DOMESTIC,
                "start_date": start,
                "end_date": end,
                "result": result,
                "result_date": result_date,
                "certificate_number": v["certificate_number"],
                "certificate_date": v["certificate_date"],
            }
            related = {"programme": programme, "unit": unit, "person": entry.person}
            if v["course_name"]:
                course = self._course(v, programme, values, unit, classes)
                members = in_class.setdefault(id(course), {})
                if id(entry) in members:
                    self.imp.error(
                        row, "course_name", f"Người này đã có trong lớp này ở dòng {members[id(entry)]}."
                    )
                    continue
                members[id(entry)] = row.number
                related["training_class"] = course
                # A lượt of a class opened under a plan line counts against that line, as an enrolment made on
                # the class page does (training.services.classes._new_enrolment).
                values["plan_line_id"] = course.plan_line_id
            enrolment = unsaved(Enrolment, values, related)
            self.plan.enrolments.append(enrolment)

    def _stored_classes(self, rows: list) -> dict:
        TrainingClass = apps.get_model("training", "TrainingClass")
        names = {r.values["course_name"] for r in rows} - {""}
        found: dict = {}
        for chunk in _chunks(names):
            for course in TrainingClass.objects.filter(name__in=chunk):
                found[(course.programme_id, course.name, course.start_date)] = course
        return found

    def _course(self, v, programme, enrolment: dict, unit, classes: dict):
        """The class of a lượt (its values): matched by programme, name and start date, or created (unit: the first
        member's)."""
        key = (programme.pk, v["course_name"], enrolment["start_date"])
        course = classes.get(key)
        if course is None:
            TrainingClass = apps.get_model("training", "TrainingClass")
            digest = hashlib.sha256(f"{programme.code}|{key[1]}|{key[2]}".encode()).hexdigest()[:12]
            course = TrainingClass(
                code=f"NK{key[2]:%Y%m%d}-{digest}".upper(),
                name=v["course_name"][:300],
                programme=programme,
                organiser_unit=unit,
                mode=enrolment["mode"],
                venue=enrolment["venue"],
                start_date=enrolment["start_date"],
                end_date=enrolment["end_date"] or enrolment["start_date"],
                capacity=0,
            )
            classes[key] = course
            self.plan.classes.append(course)
        if course.pk is None:
            course.capacity += 1
            if enrolment["end_date"] and enrolment["end_date"] > course.end_date:
                course.end_date = enrolment["end_date"]
        return course

    # -- annual ratings --------------------------------------------------------------------------------
    def ratings(self, rows: list) -> None:
        if not rows:
            return
        stored = self.stored(AnnualRating, "ratings")
        seen: dict = {}
        for row in rows:
            self.imp.tick()
            v = row.values
            entry = self.entry(row)
            year = v["year"]
            rating = AnnualRating(
                year=year, level=v["rating_level"], score=v["score"], decided_on=v["rating_decided_on"],
                decision_number=v["rating_decision"],
            )  # fmt: skip
            errors = field_errors(rating, fields=["decision_number", "score"])
            self.imp.errors_from(
                row, {("rating_decision" if k == "decision_number" else k): m for k, m in errors.items()}
            )
            if year is not None and not 1990 <= year <= self.imp.today.year:
                self.imp.error(row, "year", f"Năm từ 1990 đến {self.imp.today.year}.")
                continue
            if v["score"] is not None and not 0 <= v["score"] <= 100:
                self.imp.error(row, "score", "Điểm đánh giá từ 0 đến 100.")
                continue
            if entry is None or row.bad or errors:
                continue
            rating.unit = self.unit(row, entry, date(year, 12, 31), "year")
            if rating.unit is None or not self._new(
                row, entry, (year,), seen, stored, "year", "năm xếp loại"
            ):
                continue
            rating.person = entry.person
            self.plan.ratings.append(rating)

    # -- awards ----------------------------------------------------------------------------------------
    def awards(self, rows: list) -> None:
        if not rows:
            return
        stored = self.stored(Award, "awards")
        base_titles = {(pid, year) for pid, form, year, _number in stored if form == AwardForm.LD_TIEN_TIEN}
        file_base = {
            (r.values["national_id"], r.values["year"])
            for r in rows
            if r.values["award_form"] == AwardForm.LD_TIEN_TIEN
        }
        seen: dict = {}
        for row in rows:
            self.imp.tick()
            v = row.values
            entry = self.entry(row)
            found = _award_errors(
                form=v["award_form"], kind=RecipientKind.CA_NHAN, person=None, year=v["year"],
                decision_number=v["award_decision"], decision_date=v["award_date"], issuing_body=v["issuing_body"],
                today=self.imp.today,
            )  # fmt: skip
            names = {"form": "award_form", "decision_number": "award_decision", "decision_date": "award_date"}
            self.imp.errors_from(row, {names.get(k, k): m for k, m in found.items()})
            # the same rule as emulation's award_record (a base title that year), on the file and the stored rows
            if (
                v["award_form"] == AwardForm.CSTD_CO_SO
                and entry is not None
                and v["year"]
                and (v["national_id"], v["year"]) not in file_base
                and (entry.person.pk, v["year"]) not in base_titles
            ):
                self.imp.error(
                    row,
                    "award_form",
                    f"Chiến sĩ thi đua cơ sở năm {v['year']} cần đạt danh hiệu Lao động tiên tiến năm đó.",
                )
                continue
            if self.imp.actor is None:
                self.imp.error(row, "award_form", NEEDS_ACTOR)
                continue
            if entry is None or row.bad or found:
                continue
            award = Award(
                form=v["award_form"], kind=RecipientKind.CA_NHAN, year=v["year"], decision_number=v["award_decision"],
                decision_date=v["award_date"], issuing_body=v["issuing_body"], recorded_by=self.imp.actor,
            )  # fmt: skip
            errors = field_errors(award, fields=["decision_number", "issuing_body"])
            self.imp.errors_from(row, {names.get(k, k): m for k, m in errors.items()})
            if errors:
                continue
            award.unit = self.unit(row, entry, v["award_date"], "award_date")
            key = (award.form, award.year, award.decision_number)
            if award.unit is None or not self._new(
                row, entry, key, seen, stored, "award_form", "khen thưởng"
            ):
                continue
            award.person = entry.person
            self.plan.awards.append(award)

    # -- discipline ------------------------------------------------------------------------------------
    def discipline(self, rows: list) -> None:
        if not rows:
            return
        stored = self.stored(DisciplineRecord, "discipline")
        seen: dict = {}
        names = {"decision_number": "discipline_decision", "form": "discipline_form"}
        for row in rows:
            self.imp.tick()
            v = row.values
            entry = self.entry(row)
            record = DisciplineRecord(
                form=v["discipline_form"], decision_number=v["discipline_decision"], decided_on=v["decided_on"],
                effective_until=v["effective_until"], authority=v["authority"], reason=v["reason"],
            )  # fmt: skip
            errors = field_errors(record, fields=["decision_number", "authority", "reason"])
            self.imp.errors_from(row, {names.get(k, k): m for k, m in errors.items()})
            decided = v["decided_on"]
            if decided and decided > self.imp.today:
                self.imp.error(row, "decided_on", "Ngày quyết định không được ở tương lai.")
                continue
            if decided and v["effective_until"] and v["effective_until"] < decided:
                self.imp.error(row, "effective_until", "Ngày hết hiệu lực phải sau ngày quyết định.")
                continue
            if entry is None or row.bad or errors:
                continue
            record.unit = self.unit(row, entry, decided, "decided_on")
            key = (decided, record.form)
            if record.unit is None or not self._new(
                row, entry, key, seen, stored, "decided_on", "quyết định kỷ luật"
            ):
                continue
            record.person = entry.person
            self.plan.discipline.append(record)
