"""A report's "Tải Excel", run as a job on the queue: one registered export for every report. The job takes
the report's name and its parameters from the page's query and runs it through the same framework as the page
(`Report.execute`: validation, the starter's scope now, the aggregates), then writes the workbook the command
line writes (`rendering.write_report_xlsx`)."""

from django.core.exceptions import ValidationError

from canbo.jobs.exports import register_export
from canbo.jobs.registry import JobFailed

from .base import ReportParameterError, can_view_reports
from .registry import get_report
from .rendering import write_report_xlsx

REPORT_EXPORT = "reports.report"
NO_ACCESS = "Anh/chị không có quyền xem báo cáo."


def write_report_export(*, user, query, fileobj, progress) -> int:
    """`query`: `report` (the report's name) and the report's own parameters (org, on, from, to, options)."""
    report = get_report(query.get("report", ""))
    if report is None:
        raise ValidationError("Không có báo cáo này.")
    if user is None or not can_view_reports(user):  # None would be a system report of the whole province
        raise JobFailed(NO_ACCESS)
    progress("Đang tính số liệu báo cáo", 0, 0, unit="dòng")
    try:
        result = report.execute(user=user, data=query)
    except ReportParameterError as exc:
        raise ValidationError(exc.message) from None
    return write_report_xlsx(result, fileobj, progress)


register_export(REPORT_EXPORT, title="Báo cáo", filename="bao-cao-{date}.xlsx", write=write_report_export)
