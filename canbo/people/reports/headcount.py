"""Headcount as of a date by level × category × sector (seed 001: 25.944 = 7.759 + 15.413 + 2.772)."""

from django.utils import timezone

from canbo.org.models import AdminLevel, OrgSector
from canbo.people.choices import PersonnelCategory, PersonStatus
from canbo.people.models import Employment
from canbo.reports.base import Column, Report, ReportResult, Row, people_link, scope_q
from canbo.reports.formatting import fmt_date, fmt_int
from canbo.reports.registry import register
from canbo.reports.sql import count_distinct_rollup


def sector_key(sector: str) -> str:
    return f"sector_{sector}"


@register
class HeadcountReport(Report):
    name = "headcount"
    title = "Số lượng CBCCVC theo cấp, phân loại, khối"
    description = (
        "Số người có quá trình công tác đang diễn ra vào ngày chốt số liệu, theo cấp và khối của đơn vị "
        "và phân loại (cán bộ, công chức, viên chức, hợp đồng); có cộng theo cấp và tổng cộng."
    )

    def run(self, *, user, params):
        on = params.on
        rows_on = Employment.objects.active_on(on).filter(scope_q(user=user, params=params))
        # One query: distinct persons per cell, per level and overall (GROUPING SETS on PostgreSQL).
        counts = count_distinct_rollup(rows_on, ["unit__level", "category", "unit__sector"], "person")
        exact = {"total": counts.total, **{lv: counts.by_first.get(lv, 0) for lv in AdminLevel.values}}
        grid: dict[tuple[str, str], dict[str, int]] = {}
        for (level, category, sector), n in counts.cells.items():
            grid.setdefault((level, category), {})[sector] = n

        columns = [Column("level", "Cấp"), Column("category", "Phân loại")]
        columns += [Column(sector_key(s), str(label), "int") for s, label in OrgSector.choices]
        columns.append(Column("total", "Cộng", "int"))

        today = timezone.localdate()
        status = {"status": PersonStatus.WORKING} if on >= today else {}
        rows: list[Row] = []
        grand_by_sector = dict.fromkeys(OrgSector.values, 0)
        levels_present = []
        for level, level_label in AdminLevel.choices:
            level_cells = [
                (cat, grid[(level, cat)]) for cat in PersonnelCategory.values if (level, cat) in grid
            ]
            if not level_cells:
                continue
            levels_present.append((level, str(level_label)))
            level_by_sector = dict.fromkeys(OrgSector.values, 0)
            for category, by_sector in level_cells:
                values = {"level": str(level_label), "category": str(PersonnelCategory(category).label)}
                for sector in OrgSector.values:
                    values[sector_key(sector)] = by_sector.get(sector, 0)
                    level_by_sector[sector] += by_sector.get(sector, 0)
                values["total"] = sum(by_sector.values())
                link = people_link(params, level=level, category=category, **status)
                rows.append(Row(values, links={"total": link}))
            subtotal = {"level": f"Cộng {str(level_label).lower()}", "category": ""}
            subtotal.update({sector_key(s): n for s, n in level_by_sector.items()})
            subtotal["total"] = exact[level]
            rows.append(
                Row(subtotal, kind="subtotal", links={"total": people_link(params, level=level, **status)})
            )
            for sector, n in level_by_sector.items():
                grand_by_sector[sector] += n

        grand = {"level": "Tổng cộng", "category": ""}
        grand.update({sector_key(s): n for s, n in grand_by_sector.items()})
        grand["total"] = exact["total"]
        totals = [Row(grand, kind="total", links={"total": people_link(params, **status)})]

        notes = [self._summary(exact, levels_present, on)]
        cell_sum = sum(counts.cells.values())
        if cell_sum != exact["total"]:
            notes.append(
                f"Có {fmt_int(cell_sum - exact['total'])} lượt trùng: một số người có hơn một quá trình công tác "
                "vào ngày này; các dòng cộng và tổng cộng đếm mỗi người một lần."
            )
        notes.append(
            "Định nghĩa: đếm số người (không trùng) có quá trình công tác với ngày bắt đầu ≤ ngày chốt và "
            "chưa kết thúc hoặc kết thúc từ ngày chốt trở đi; cấp và khối theo đơn vị, phân loại theo quá "
            "trình công tác."
        )
        return ReportResult(
            columns=columns,
            rows=rows,
            totals=totals,
            notes=notes,
            chart=self._chart(grid, levels_present),
            meta={"total": exact["total"], "by_level": {lv: exact[lv] for lv in AdminLevel.values}},
        )

    @staticmethod
    def _summary(exact, levels_present, on) -> str:
        parts = ", ".join(f"{label.lower()} {fmt_int(exact[level])}" for level, label in levels_present)
        text = f"Đến ngày {fmt_date(on)} có {fmt_int(exact['total'])} người"
        return text + (f" ({parts})." if parts else ".")

    @staticmethod
    def _chart(grid, levels_present) -> dict:
        datasets = []
        for category, label in PersonnelCategory.choices:
            data = [sum(grid.get((level, category), {}).values()) for level, _ in levels_present]
            if any(data):
                datasets.append({"label": str(label), "data": data})
        return {
            "type": "bar",
            "stacked": True,
            "labels": [label for _, label in levels_present],
            "datasets": datasets,
        }
