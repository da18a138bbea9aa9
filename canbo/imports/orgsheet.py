"""The org tree of an import (issue 14): the "Đơn vị" and "Sự kiện tổ chức" sheets.

Units come first because every other sheet names them. They are checked and their sound rows written at the start
of the import's transaction, so that the person sheets are checked against the tree as the file leaves it (a
career row in a district unit that ended in 2025 finds it); when any error remains anywhere, the whole
transaction is rolled back (decision 023-history). Only the province board and the system administrator change
the tree, as at canbo.org.services. Stored units are never overwritten: a file may only end one (give the
"Hiệu lực đến" it lacks), as an event does. People are not moved by an event: the history sheet says where each
person went.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from auditlog.models import LogEntry
from django.utils import timezone

from canbo.accounts.models import Role
from canbo.accounts.scoping import has_role
from canbo.core.audit import created_changes
from canbo.core.bulk import insert_objects
from canbo.org.models import AdminLevel, OrgEvent, OrgEventKind, OrgUnit
from canbo.people.rules import REFORM_DATE

from .loading import _chunks
from .rules import field_errors

BOARD_ONLY = "Chỉ Ban Tổ chức Tỉnh ủy / Sở Nội vụ hoặc quản trị hệ thống được nhập cây tổ chức."
DISTRICTS_END = REFORM_DATE - timedelta(days=1)


def _codes(text: str) -> list[str]:
    return [c.strip() for c in (text or "").replace(";", ",").split(",") if c.strip()]


@dataclass
class OrgOutcome:
    units: list = field(default_factory=list)  # new units, parents first
    ended: list = field(default_factory=list)  # (stored unit, old valid_to)
    events: list = field(default_factory=list)

    def counts(self) -> dict:
        return {
            "units_created": len(self.units),
            "units_ended": len(self.ended),
            "org_events_created": len(self.events),
        }


class OrgSheets:
    def __init__(self, importer):
        self.imp = importer
        self.out = OrgOutcome()
        self.units: dict[str, OrgUnit] = {}  # code -> stored or new unit

    def load(self, rows: dict) -> None:
        codes = {r.values["org_code"] for r in rows["org_units"]} | {
            r.values["parent_code"] for r in rows["org_units"]
        }
        for r in rows["org_events"]:
            codes |= set(_codes(r.values["predecessors"])) | set(_codes(r.values["successors"]))
        codes -= {"", None}
        for chunk in _chunks(codes):
            self.units.update({u.code: u for u in OrgUnit.objects.filter(code__in=chunk)})

    def run(self, rows: dict) -> OrgOutcome:
        """Check both sheets and write their sound rows (inside the caller's transaction)."""
        unit_rows, event_rows = rows.get("org_units", []), rows.get("org_events", [])
        if not unit_rows and not event_rows:
            return self.out
        actor = self.imp.actor
        if actor is not None and not has_role(actor, Role.PROVINCE_BOARD, Role.SYSADMIN):
            for row in [*unit_rows, *event_rows]:
                self.imp.error(row, "org_code" if row.sheet.key == "org_units" else "event_kind", BOARD_ONLY)
            return self.out
        self.load(rows)
        for row in unit_rows:
            self.imp.tick()
            self.unit_row(row)
        self.place_parents(unit_rows)
        for row in event_rows:
            self.imp.tick()
            self.event_row(row)
        self.write()
        return self.out

    # -- units -----------------------------------------------------------------------------------------
    def unit_row(self, row) -> None:
        v = row.values
        code, start, end = v["org_code"], v["valid_from"], v["valid_to"]
        stored = self.units.get(code)
        if stored is not None and stored.pk is not None:
            if end and stored.valid_to is None and end >= stored.valid_from:
                self.out.ended.append((stored, stored.valid_to))
                stored.valid_to = end
            elif end and stored.valid_to != end:
                self.imp.error(
                    row, "valid_to", f"Đơn vị “{code}” đã có với hiệu lực khác; không sửa bằng tệp."
                )
            return
        if stored is not None:
            self.imp.error(row, "org_code", f"Mã đơn vị trùng với một dòng khác ({code}).")
            return
        unit = OrgUnit(
            code=code, name=v["org_name"], level=v["org_level"], sector=v["org_sector"], kind=v["org_kind"],
            valid_from=start, valid_to=end, legal_basis=v["legal_basis"],
        )  # fmt: skip
        found = field_errors(unit, fields=["code", "name", "legal_basis"])
        names = {"code": "org_code", "name": "org_name"}
        self.imp.errors_from(row, {names.get(k, k): m for k, m in found.items()})
        sound = not row.bad and not found
        if start and end and end < start:
            self.imp.error(row, "valid_to", "Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.")
            sound = False
        if start and v["org_level"] == AdminLevel.HUYEN and start > DISTRICTS_END:
            self.imp.error(row, "org_level", "Không được lập đơn vị cấp huyện sau ngày 30/06/2025.")
            sound = False
        if sound:
            unit._row = row
            self.units[code] = unit

    def place_parents(self, rows: list) -> None:
        """Each new unit under its parent (stored or on this sheet), parents first; a loop or a missing parent is an
        error on the row."""
        new = {u.code: u for u in self.units.values() if u.pk is None}
        placed: set[str] = set()
        ordered: list[OrgUnit] = []
        pending = list(new.values())
        while pending:
            waiting = []
            for unit in pending:
                parent_code = unit._row.values["parent_code"]
                parent = self.units.get(parent_code) if parent_code else None
                if parent_code and parent is None:
                    self.imp.error(unit._row, "parent_code", f"Không có đơn vị mã “{parent_code}”.")
                    continue
                if parent is not None and parent.pk is None and parent.code not in placed:
                    waiting.append(unit)
                    continue
                if (
                    parent is not None
                    and parent.valid_to
                    and unit.valid_from
                    and parent.valid_to < unit.valid_from
                ):
                    self.imp.error(
                        unit._row, "parent_code", "Đơn vị cấp trên đã hết hiệu lực trước ngày thành lập."
                    )
                unit.parent = parent
                placed.add(unit.code)
                ordered.append(unit)
            if len(waiting) == len(pending):
                for unit in waiting:
                    self.imp.error(
                        unit._row, "parent_code", "Đơn vị cấp trên không xác định được (vòng lặp hoặc lỗi)."
                    )
                break
            pending = waiting
        self.out.units = ordered

    # -- events ----------------------------------------------------------------------------------------
    def event_row(self, row) -> None:
        v = row.values
        kind, on = v["event_kind"], v["effective_on"]
        befores, afters = _codes(v["predecessors"]), _codes(v["successors"])
        wanted = {
            OrgEventKind.MERGE: (
                len(befores) >= 1 and len(afters) == 1,
                "một hoặc nhiều đơn vị trước, một đơn vị kế thừa",
            ),
            OrgEventKind.SPLIT: (
                len(befores) == 1 and len(afters) >= 2,
                "một đơn vị trước, hai đơn vị kế thừa trở lên",
            ),
            OrgEventKind.RENAME: (
                len(befores) == 1 and len(afters) == 1,
                "một đơn vị trước, một đơn vị kế thừa",
            ),
            OrgEventKind.DISSOLVE: (
                len(befores) >= 1 and not afters,
                "đơn vị giải thể, không có đơn vị kế thừa",
            ),
            OrgEventKind.ESTABLISH: (
                not befores and len(afters) >= 1,
                "đơn vị thành lập ở cột đơn vị kế thừa",
            ),
        }
        if kind and not wanted[kind][0]:
            self.imp.error(row, "predecessors", f"“{OrgEventKind(kind).label}” cần {wanted[kind][1]}.")
            return
        missing = [c for c in befores + afters if c not in self.units]
        if missing:
            self.imp.error(
                row, "predecessors", "Không có đơn vị mã " + ", ".join(f"“{c}”" for c in missing) + "."
            )
            return
        if row.bad or not on:
            return
        last_day = on - timedelta(days=1)
        ok = True
        for code in befores:
            unit = self.units[code]
            if unit.valid_from > last_day:
                self.imp.error(
                    row, "predecessors", f"Đơn vị “{code}” chưa hoạt động trước ngày {on:%d/%m/%Y}."
                )
                ok = False
            elif unit.valid_to is not None and unit.valid_to != last_day:
                self.imp.error(
                    row, "predecessors",
                    f"Đơn vị “{code}” có hiệu lực đến {unit.valid_to:%d/%m/%Y}, không phải ngày trước ngày có hiệu lực.",
                )  # fmt: skip
                ok = False
        for code in afters:
            unit = self.units[code]
            if not (unit.valid_from <= on and (unit.valid_to is None or unit.valid_to >= on)):
                self.imp.error(row, "successors", f"Đơn vị “{code}” không hoạt động vào ngày {on:%d/%m/%Y}.")
                ok = False
        if not ok:
            return
        for code in befores:
            unit = self.units[code]
            if unit.valid_to is None:
                if unit.pk is not None and all(u is not unit for u, _ in self.out.ended):
                    self.out.ended.append((unit, None))
                unit.valid_to = last_day
        event = OrgEvent(
            kind=kind, effective_on=on, decision_number=v["event_decision"], legal_basis=v["event_basis"]
        )
        found = field_errors(event, fields=["decision_number", "legal_basis"])
        names = {"decision_number": "event_decision", "legal_basis": "event_basis"}
        self.imp.errors_from(row, {names.get(k, k): m for k, m in found.items()})
        event._links = ([self.units[c] for c in befores], [self.units[c] for c in afters])
        self.out.events.append(event)

    # -- writing ---------------------------------------------------------------------------------------
    def write(self) -> None:
        """The sound rows, parents first (the persons are checked against them next); rolled back by the caller
        with everything else when an error remains."""
        entries = []
        now = timezone.now()
        by_depth: dict[int, list[OrgUnit]] = {}
        depth = {}
        for unit in self.out.units:
            parent = unit.parent
            depth[unit.code] = (
                0 if parent is None else (depth[parent.code] + 1 if parent.pk is None else parent.depth + 1)
            )
            by_depth.setdefault(depth[unit.code], []).append(unit)
        for level in sorted(by_depth):
            batch = by_depth[level]
            insert_objects(OrgUnit, batch, key=("code",), now=now)
            for unit in batch:
                parent = unit.parent
                unit.path = (parent.path if parent else "") + OrgUnit.path_segment(unit.pk)
                unit.depth = (parent.depth + 1) if parent else 0
            OrgUnit.objects.bulk_update(batch, ["path", "depth"])
        entries += [(u, LogEntry.Action.CREATE, created_changes(u)) for u in self.out.units]
        ended = [unit for unit, _old in self.out.ended]
        if ended:
            OrgUnit.objects.bulk_update(ended, ["valid_to"])
            entries += [
                (u, LogEntry.Action.UPDATE, {"valid_to": (old, u.valid_to)}) for u, old in self.out.ended
            ]
        # an event naming a unit whose own row failed is left out (that row's error is listed)
        self.out.events = [e for e in self.out.events if all(u.pk for units in e._links for u in units)]
        if self.out.events:  # events are not audited (canbo.org registers units only); their units are
            events = OrgEvent.objects.bulk_create(self.out.events)
            Before, After = OrgEvent.predecessors.through, OrgEvent.successors.through
            Before.objects.bulk_create(
                [Before(orgevent_id=e.pk, orgunit_id=u.pk) for e in events for u in e._links[0]]
            )
            After.objects.bulk_create(
                [After(orgevent_id=e.pk, orgunit_id=u.pk) for e in events for u in e._links[1]]
            )
        self.entries = entries
