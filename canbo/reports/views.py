"""The report pages: /bao-cao/ (every report) and /bao-cao/<name>/ (parameters, table, chart, Excel)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from canbo.org.selectors import unit_list

from .base import can_view_reports
from .formatting import fmt_date
from .registry import all_reports, get_report
from .rendering import XLSX_CONTENT_TYPE, html_rows, to_xlsx

PARAM_KEYS = ("org", "on", "from", "to")


def _require_reports(user) -> None:
    if not can_view_reports(user):
        raise PermissionDenied("Anh/chị không có quyền xem báo cáo.")


@login_required
def report_index(request):
    _require_reports(request.user)
    return render(request, "reports/index.html", {"reports": [r.describe() for r in all_reports()]})


@login_required
def report_detail(request, name):
    report = get_report(name)
    if report is None:
        raise Http404("Không có báo cáo này.")
    _require_reports(request.user)
    keys = (*PARAM_KEYS, *report.option_fields)
    data = request.GET if any(k in request.GET for k in keys) else {"on": fmt_date(timezone.localdate())}
    form = report.form(data, user=request.user)
    result = None
    if form.is_valid():
        params = form.params()
        result = report.run_with(user=request.user, params=params)
        if request.GET.get("export") == "xlsx":
            response = HttpResponse(to_xlsx(result), content_type=XLSX_CONTENT_TYPE)
            stamp = (params.date_to or params.on).strftime("%Y%m%d")
            response["Content-Disposition"] = f'attachment; filename="bao-cao-{report.name}-{stamp}.xlsx"'
            return response
    elif form.org_not_found:
        raise Http404("Không tìm thấy đơn vị trong phạm vi được xem.")
    context = {
        "report": report,
        "form": form,
        "result": result,
        "rows": html_rows(result) if result else [],
        "xlsx_query": params.query_string(export="xlsx") if result else "",
        "units": unit_list(fetched_by=request.user).only("code", "name"),
    }
    return render(request, "reports/detail.html", context)
