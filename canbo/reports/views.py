"""The report pages: /bao-cao/ (every report) and /bao-cao/<name>/ (parameters, table, chart, Excel); the Excel
file is written by a job on the queue (/bao-cao/<name>/xuat-excel/)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from canbo.jobs.views import export_view

from .base import can_view_reports
from .exports import REPORT_EXPORT
from .formatting import fmt_date
from .registry import all_reports, get_report
from .rendering import html_rows

PARAM_KEYS = ("org", "on", "from", "to")
# A report's table on the page shows this many rows at a time (its totals on every page); the Excel file has all.
ROWS_PER_PAGE = 60


def page_of_rows(rows: list[dict], request) -> tuple[list[dict], dict | None]:
    """The rows of the page asked for (?trang=N, the last page if past the end) followed by the totals, and the
    page's links (None when the table fits on one page)."""
    body = [row for row in rows if row["kind"] != "total"]
    totals = [row for row in rows if row["kind"] == "total"]
    if len(body) <= ROWS_PER_PAGE:
        return rows, None
    page = Paginator(body, ROWS_PER_PAGE).get_page(request.GET.get("trang"))
    query = request.GET.copy()

    def url(number: int) -> str:
        query["trang"] = number
        return f"?{query.urlencode()}"

    links = {
        "number": page.number,
        "pages": page.paginator.num_pages,
        "rows": len(body),
        "first": url(1) if page.has_previous() else "",
        "previous": url(page.previous_page_number()) if page.has_previous() else "",
        "next": url(page.next_page_number()) if page.has_next() else "",
        "last": url(page.paginator.num_pages) if page.has_next() else "",
    }
    return [*page.object_list, *totals], links


def _require_reports(user) -> None:
    if not can_view_reports(user):
        raise PermissionDenied("Anh/chị không có quyền xem báo cáo.")


@login_required
def report_index(request):
    _require_reports(request.user)
    return render(request, "reports/index.html", {"reports": [r.describe() for r in all_reports()]})


def _report_and_form(request, name):
    report = get_report(name)
    if report is None:
        raise Http404("Không có báo cáo này.")
    _require_reports(request.user)
    keys = (*PARAM_KEYS, *report.option_fields)
    data = request.GET if any(k in request.GET for k in keys) else {"on": fmt_date(timezone.localdate())}
    return report, report.form(data, user=request.user)


def _with_query(url: str, query: str) -> str:
    return url + (f"?{query}" if query else "")


@login_required
def report_detail(request, name):
    if request.GET.get("export") == "xlsx":  # the former download link: the export page
        query = request.GET.copy()
        query.pop("export")
        return redirect(_with_query(reverse("reports:export", args=[name]), query.urlencode()))
    report, form = _report_and_form(request, name)
    result = None
    export_url = ""
    if form.is_valid():
        params = form.params()
        result = report.run_with(user=request.user, params=params)
        export_url = _with_query(reverse("reports:export", args=[report.name]), params.query_string())
    elif form.org_not_found:
        raise Http404("Không tìm thấy đơn vị trong phạm vi được xem.")
    rows, paging = page_of_rows(html_rows(result), request) if result else ([], None)
    context = {
        "report": report,
        "form": form,
        "result": result,
        "rows": rows,
        "paging": paging,
        "export_url": export_url,
    }
    return render(request, "reports/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def report_export(request, name):
    """The report as .xlsx, written by a job with the page's parameters; bad parameters go back to the page,
    which shows the errors."""
    report, form = _report_and_form(request, name)
    if not form.is_valid():
        if form.org_not_found:
            raise Http404("Không tìm thấy đơn vị trong phạm vi được xem.")
        return redirect(_with_query(reverse("reports:detail", args=[name]), request.GET.urlencode()))
    params = form.params()
    stamp = (params.date_to or params.on).strftime("%Y%m%d")
    return export_view(
        request,
        REPORT_EXPORT,
        query=params.query_string(report=report.name),
        title=report.title,
        filename=f"bao-cao-{report.name}-{stamp}.xlsx",
    )
