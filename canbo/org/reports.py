"""Org units as of a date by level × sector × kind, with a reconciliation line (seed 001: 45; 328 ≠ 125 + 151)."""

from urllib.parse import quote

from django import forms
from django.db.models import Count, Q

from canbo.org.models import AdminLevel, OrgSector, OrgUnit, UnitKind
from canbo.reports.base import Column, Report, ReportResult, Row, scope_q
from canbo.reports.formatting import fmt_date, fmt_int
from canbo.reports.registry import register

BODY_KINDS = [(k, label) for k, label in UnitKind.choices if k != UnitKind.AREA]
# The groups the seed's sentences use: "cơ quan đảng, đoàn thể", "khối chính quyền", and the rest.
SECTOR_GROUPS = [
    ("dang_doan_the", "Đảng, đoàn thể", {OrgSector.DANG, OrgSector.MTTQ_DOAN_THE}),
    ("chinh_quyen", "chính quyền", {OrgSector.CHINH_QUYEN}),
    ("su_nghiep", "sự nghiệp", {OrgSector.SU_NGHIEP}),
]


def kind_key(kind: str) -> str:
    return f"kind_{kind}"


@register
class OrgUnitsReport(Report):
    name = "org-units"
    title = "Cơ quan, đơn vị theo cấp và khối"
    description = (
        "Số cơ quan, đơn vị còn hoạt động vào ngày chốt số liệu (không tính địa bàn hành chính), theo cấp, "
        "khối và loại; có cộng theo cấp và dòng đối chiếu tổng các phần với tổng đếm riêng."
    )
    option_fields = {
        "kind": forms.ChoiceField(
            label="Loại đơn vị",
            required=False,
            choices=[("", "— Tất cả —"), *BODY_KINDS],
            help_text="Chỉ đếm một loại đơn vị, ví dụ AGENCY (cơ quan).",
            error_messages={"invalid_choice": "Loại đơn vị “%(value)s” không hợp lệ."},
        )
    }

    def run(self, *, user, params):
        on, kind = params.on, params.options.get("kind") or ""
        units = OrgUnit.objects.active_on(on).bodies().filter(scope_q(user=user, params=params, field="path"))
        if kind:
            units = units.filter(kind=kind)
        units = units.order_by()
        # Query 1: the cells. Query 2: the totals counted on their own, for the reconciliation line.
        cells = list(units.values("level", "sector", "kind").annotate(n=Count("id")))
        counted = units.aggregate(
            total=Count("id"), **{lv: Count("id", filter=Q(level=lv)) for lv in AdminLevel.values}
        )
        grid: dict[tuple[str, str], dict[str, int]] = {}
        for cell in cells:
            grid.setdefault((cell["level"], cell["sector"]), {})[cell["kind"]] = cell["n"]

        kinds = [(k, label) for k, label in BODY_KINDS if not kind or k == kind]
        columns = [Column("level", "Cấp"), Column("sector", "Khối")]
        columns += [Column(kind_key(k), str(label), "int") for k, label in kinds]
        columns.append(Column("total", "Cộng", "int"))

        tree_link = "/to-chuc/" + (f"{quote(params.org.code)}/" if params.org else "") + f"?on={fmt_date(on)}"
        rows, reconciliation, levels_present = [], [], []
        grand_by_kind = {k: 0 for k, _ in kinds}
        for level, level_label in AdminLevel.choices:
            level_cells = [(s, grid[(level, s)]) for s in OrgSector.values if (level, s) in grid]
            if not level_cells:
                continue
            levels_present.append((level, str(level_label)))
            by_kind = {k: 0 for k, _ in kinds}
            for sector, counts in level_cells:
                values = {"level": str(level_label), "sector": str(OrgSector(sector).label)}
                for k, _ in kinds:
                    values[kind_key(k)] = counts.get(k, 0)
                    by_kind[k] += counts.get(k, 0)
                values["total"] = sum(counts.values())
                rows.append(Row(values))
            subtotal = {"level": f"Cộng {str(level_label).lower()}", "sector": ""}
            subtotal.update({kind_key(k): n for k, n in by_kind.items()})
            subtotal["total"] = counted[level]
            rows.append(Row(subtotal, kind="subtotal", links={"total": tree_link}))
            for k, n in by_kind.items():
                grand_by_kind[k] += n
            parts = {
                key: sum(grid.get((level, s), {}).get(k, 0) for s in group for k, _ in kinds)
                for key, _, group in SECTOR_GROUPS
            }
            reconciliation.append(self._check(level, str(level_label), parts, counted[level]))

        grand = {"level": "Tổng cộng", "sector": ""}
        grand.update({kind_key(k): n for k, n in grand_by_kind.items()})
        grand["total"] = counted["total"]
        level_parts = {level: counted[level] for level, _ in levels_present}
        overall_sum = sum(level_parts.values())
        reconciliation.append(
            {
                "level": "",
                "label": "Tổng cộng",
                "parts": level_parts,
                "sum": overall_sum,
                "total": counted["total"],
                "ok": overall_sum == counted["total"],
            }
        )
        notes = [self._line(item, levels_present) for item in reconciliation]
        notes.append(
            f"Định nghĩa: đơn vị có hiệu lực vào ngày {fmt_date(on)} (hiệu lực từ ≤ ngày chốt, chưa hết hiệu "
            "lực hoặc hết hiệu lực từ ngày chốt trở đi), không tính địa bàn hành chính; “Đảng, đoàn thể” gồm "
            "khối Đảng và Mặt trận Tổ quốc, đoàn thể."
        )
        return ReportResult(
            columns=columns,
            rows=rows,
            totals=[Row(grand, kind="total", links={"total": tree_link})],
            notes=notes,
            chart=self._chart(grid, levels_present, kinds),
            meta={"total": counted["total"], "reconciliation": reconciliation},
        )

    @staticmethod
    def _check(level, label, parts, total) -> dict:
        subtotal = sum(parts.values())
        return {
            "level": level,
            "label": label,
            "parts": parts,
            "sum": subtotal,
            "total": total,
            "ok": subtotal == total,
        }

    @staticmethod
    def _line(item, levels_present) -> str:
        if item["level"]:
            names = {key: name for key, name, _ in SECTOR_GROUPS}
        else:
            names = {level: label.lower() for level, label in levels_present}
        parts = " + ".join(f"{fmt_int(n)} ({names[key]})" for key, n in item["parts"].items()) or "0"
        verdict = "khớp" if item["ok"] else "KHÔNG KHỚP"
        return (
            f"Đối chiếu {item['label'].lower()}: {parts} = {fmt_int(item['sum'])}; "
            f"tổng đếm riêng {fmt_int(item['total'])} — {verdict}."
        )

    @staticmethod
    def _chart(grid, levels_present, kinds) -> dict:
        datasets = []
        for _key, name, group in SECTOR_GROUPS:
            data = [
                sum(grid.get((lv, s), {}).get(k, 0) for s in group for k, _ in kinds)
                for lv, _ in levels_present
            ]
            datasets.append({"label": name[0].upper() + name[1:], "data": data})
        return {
            "type": "bar",
            "stacked": True,
            "labels": [label for _, label in levels_present],
            "datasets": datasets,
        }
