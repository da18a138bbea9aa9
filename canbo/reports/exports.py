"""A report's "Tải Excel", run as a job on the queue: one registered export for every report. The job takes
the report's name and its parameters from the page's query and runs it through the same framework as the page
(`Report.execute`: validation, the starter's scope now, the aggregates), then writes the workbook the command
line writes (`rendering.write_report_xlsx`)."""

import re

from django.core.exceptions import ValidationError

from canbo.jobs.exports import log_personal_export, register_export
from canbo.jobs.registry import JobFailed

from .base import ReportParameterError, can_view_reports
from .registry import get_report
from .rendering import write_report_xlsx

REPORT_EXPORT = "reports.report"
PERSON_LINK = re.compile(r"^/can-bo/([0-9a-f-]{36})/")
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
    count = write_report_xlsx(result, fileobj, progress)
    # a report that lists persons links each row to the person's page: each of them is logged as exported
    uuids = [
        m.group(1) for row in result.rows for link in row.links.values() if (m := PERSON_LINK.match(link))
    ]
    log_personal_export(key=REPORT_EXPORT, user=user, person_uuids=uuids)
    return count


register_export(REPORT_EXPORT, title="Báo cáo", filename="bao-cao-{date}.xlsx", write=write_report_export)
