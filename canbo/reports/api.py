"""GET /api/v1/reports/ (the reports and their parameters) and GET /api/v1/reports/<name>/ (one result)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import APIView

from .base import ReportParameterError, can_view_reports
from .registry import all_reports, get_report
from .rendering import to_json


def _require_reports(user) -> None:
    if not can_view_reports(user):
        raise exceptions.PermissionDenied()


class ReportListAPI(APIView):
    @extend_schema(
        operation_id="reports_list", summary="Danh sách báo cáo và tham số", responses=OpenApiTypes.OBJECT
    )
    def get(self, request):
        _require_reports(request.user)
        return Response({"results": [r.describe() for r in all_reports()]})


class ReportDetailAPI(APIView):
    @extend_schema(
        operation_id="reports_run",
        summary="Chạy một báo cáo",
        description="Các tham số riêng khác của từng báo cáo (measure, group, form, programme, mode, venue, "
        "term …) có trong danh sách báo cáo GET /api/v1/reports/ (trường parameters).",
        parameters=[
            OpenApiParameter("org", str, description="Mã đơn vị (tính cả đơn vị trực thuộc)"),
            OpenApiParameter("on", str, description="Ngày chốt số liệu, dd/mm/yyyy hoặc yyyy-mm-dd"),
            OpenApiParameter(
                "from",
                str,
                description="Từ ngày (báo cáo theo khoảng thời gian) hoặc ngày thứ nhất khi so sánh",
            ),
            OpenApiParameter(
                "to",
                str,
                description="Đến ngày (báo cáo theo khoảng thời gian) hoặc ngày thứ hai khi so sánh",
            ),
            OpenApiParameter(
                "kind", str, description="org-units: loại đơn vị; training-*: nhóm chương trình"
            ),
            OpenApiParameter("breakdown", str, description="qualification-share: category hoặc level"),
            OpenApiParameter("year", int, description="training-plan: năm kế hoạch"),
        ],
        responses=OpenApiTypes.OBJECT,
    )
    def get(self, request, name):
        report = get_report(name)
        if report is None:
            raise exceptions.NotFound()
        _require_reports(request.user)
        try:
            result = report.execute(user=request.user, data=request.query_params)
        except ReportParameterError as exc:
            if exc.not_found:
                raise exceptions.NotFound() from None
            return Response(
                {"detail": "Tham số báo cáo không hợp lệ.", "code": "invalid", "errors": exc.errors},
                status=status.HTTP_400_BAD_REQUEST,
            )
        return Response(to_json(result))
