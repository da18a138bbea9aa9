"""REST API of staffing quotas and streamlining cases: thin doors over the selectors (scoped; outside → 404)
and the services (rules, permission, audit; refusals → 400/403 with the Vietnamese reason)."""

from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from canbo.accounts.access import access_permission
from canbo.accounts.api_views import Pagination
from canbo.accounts.scoping import visible_units
from canbo.core.api import BAD_INPUT, CONFLICT, NOT_FOUND, REFUSED
from canbo.people.selectors import person_queryset_for

from . import services
from .selectors import (
    case_get_for_user,
    case_list,
    quota_get_for_user,
    quota_progress,
    quota_queryset_for,
)
from .serializers import (
    CaseApproveSerializer,
    CaseExitSerializer,
    CaseProposeSerializer,
    CaseQuerySerializer,
    CaseRejectSerializer,
    CaseRepaySerializer,
    CaseSerializer,
    ProgressResponseSerializer,
    QuotaQuerySerializer,
    QuotaSerializer,
    QuotaWriteSerializer,
)

TAG = "Biên chế, tinh giản biên chế"


StaffingPermission = access_permission(
    no_access="Anh/chị không có quyền xem biên chế, tinh giản biên chế.",
    read_only="Anh/chị chỉ có quyền xem, không được cập nhật biên chế, tinh giản biên chế.",
    no_write="Anh/chị không có quyền cập nhật biên chế, tinh giản biên chế.",
)


class StaffingApi(generics.GenericAPIView):
    permission_classes = [IsAuthenticated, StaffingPermission]
    filter_backends: list = []

    def valid(self, serializer_class, data=None):
        serializer = serializer_class(data=self.request.data if data is None else data)
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)

    def unit(self, code):
        if not code:
            return None
        unit = visible_units(self.request.user).filter(code=code).first()
        if unit is None:
            raise ApiValidationError({"unit": [f"Không tìm thấy đơn vị “{code}” trong phạm vi được xem."]})
        return unit


def _quota_data(data: dict) -> dict:
    data["kind"] = data.pop("quota_kind")
    data.pop("version", None)
    return data


@extend_schema(tags=[TAG])
class QuotaListApi(StaffingApi):
    serializer_class = QuotaSerializer
    pagination_class = Pagination

    @extend_schema(
        summary="Biên chế được giao (theo năm, đơn vị)",
        parameters=[QuotaQuerySerializer],
        responses={200: QuotaSerializer(many=True), 400: BAD_INPUT, 403: REFUSED},
    )
    def get(self, request):
        query = self.valid(QuotaQuerySerializer, request.query_params)
        qs = quota_queryset_for(user=request.user).order_by("-year", "unit__path", "kind")
        if query.get("year"):
            qs = qs.filter(year=query["year"])
        if unit := self.unit(query.get("unit")):
            qs = qs.filter(unit__path__startswith=unit.path)
        page = self.paginate_queryset(qs)
        return self.get_paginated_response(QuotaSerializer(page, many=True).data)

    @extend_schema(
        summary="Ghi nhận biên chế được giao (Ban Tổ chức); mỗi đơn vị một số cho mỗi năm và loại",
        request=QuotaWriteSerializer,
        responses={201: QuotaSerializer, 400: BAD_INPUT, 403: REFUSED},
    )
    def post(self, request):
        quota = services.quota_save(actor=request.user, **_quota_data(self.valid(QuotaWriteSerializer)))
        return Response(QuotaSerializer(quota).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=[TAG])
class QuotaDetailApi(StaffingApi):
    serializer_class = QuotaSerializer

    @extend_schema(
        summary="Một biên chế được giao", responses={200: QuotaSerializer, 403: REFUSED, 404: NOT_FOUND}
    )
    def get(self, request, pk):
        return Response(QuotaSerializer(quota_get_for_user(user=request.user, pk=pk)).data)

    @extend_schema(
        summary="Sửa biên chế được giao (Ban Tổ chức), kèm version",
        request=QuotaWriteSerializer,
        responses={200: QuotaSerializer, 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND, 409: CONFLICT},
    )
    def put(self, request, pk):
        quota = quota_get_for_user(user=request.user, pk=pk)
        data = self.valid(QuotaWriteSerializer)
        version = data.get("version")
        quota = services.quota_save(
            actor=request.user, quota=quota, expected_version=version, **_quota_data(data)
        )
        return Response(QuotaSerializer(quota).data)


def _progress_row(item, label=None) -> dict:
    return {
        "unit": item.quota.unit.code if item.quota else "",
        "unit_name": label or item.unit_name,
        "quota_kind": item.kind,
        "base": item.base,
        "approved": item.approved,
        "actual": item.actual,
        "difference": item.difference,
        "required": item.required,
        "achieved": item.achieved,
        "progress": None if item.progress_pct is None else round(item.progress_pct, 1),
    }


@extend_schema(tags=[TAG])
class ProgressApi(StaffingApi):
    serializer_class = ProgressResponseSerializer

    @extend_schema(
        summary="Biên chế được giao, thực có ngày 31/12 và tiến độ lộ trình giảm biên chế 2022–2026",
        parameters=[QuotaQuerySerializer],
        responses={200: ProgressResponseSerializer, 400: BAD_INPUT, 403: REFUSED},
    )
    def get(self, request):
        query = self.valid(QuotaQuerySerializer, request.query_params)
        year = query.get("year") or timezone.localdate().year
        rows, totals = quota_progress(user=request.user, year=year, org=self.unit(query.get("unit")))
        body = {
            "year": year,
            "rows": [_progress_row(r) for r in rows],
            "totals": [_progress_row(t, "Tổng cộng") for t in totals.values()],
        }
        return Response(ProgressResponseSerializer(body).data)


@extend_schema(tags=[TAG])
class CaseListApi(StaffingApi):
    serializer_class = CaseSerializer
    pagination_class = Pagination

    @extend_schema(
        summary="Các trường hợp tinh giản biên chế",
        parameters=[CaseQuerySerializer],
        responses={200: CaseSerializer(many=True), 400: BAD_INPUT, 403: REFUSED},
    )
    def get(self, request):
        query = self.valid(CaseQuerySerializer, request.query_params)
        filters = {
            "status": query.get("case_status"),
            "reason": query.get("downsizing_reason"),
            "unit": self.unit(query.get("unit")),
            "year": query.get("year"),
            "q": query.get("q"),
        }
        page = self.paginate_queryset(case_list(user=request.user, filters=filters))
        return self.get_paginated_response(CaseSerializer(page, many=True).data)

    @extend_schema(
        summary="Đề nghị tinh giản biên chế (cán bộ tổ chức của đơn vị; kiểm tra các trường hợp chưa xem xét)",
        request=CaseProposeSerializer,
        responses={201: CaseSerializer, 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND},
    )
    def post(self, request):
        data = self.valid(CaseProposeSerializer)
        person = get_object_or_404(person_queryset_for(user=request.user), uuid=data.pop("person"))
        data["reason"], data["policy"] = data.pop("downsizing_reason"), data.pop("downsizing_policy")
        case = services.case_propose(actor=request.user, person=person, **data)
        return Response(CaseSerializer(case).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=[TAG])
class CaseDetailApi(StaffingApi):
    serializer_class = CaseSerializer

    @extend_schema(
        summary="Một trường hợp tinh giản biên chế",
        responses={200: CaseSerializer, 403: REFUSED, 404: NOT_FOUND},
    )
    def get(self, request, pk):
        return Response(CaseSerializer(case_get_for_user(user=request.user, pk=pk)).data)


def _step(action: str, serializer_class, summary: str):
    @extend_schema(
        tags=[TAG],
        summary=summary,
        request=serializer_class,
        responses={200: CaseSerializer, 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND, 409: CONFLICT},
    )
    def post(self, request, pk):
        case = case_get_for_user(user=request.user, pk=pk)
        data = self.valid(serializer_class)
        version = data.pop("version", None)
        call = {
            "approve": services.case_approve,
            "reject": services.case_reject,
            "exit": services.case_exit,
            "repay": services.case_repayment_record,
        }[action]
        case = call(actor=request.user, case=case, expected_version=version, **data)
        return Response(CaseSerializer(case_get_for_user(user=request.user, pk=case.pk)).data)

    return type(
        f"Case{action.title()}Api", (StaffingApi,), {"post": post, "serializer_class": serializer_class}
    )


CaseApproveApi = _step(
    "approve", CaseApproveSerializer, "Phê duyệt (Ban Tổ chức); có ngày nghỉ thì kết thúc công tác luôn"
)
CaseRejectApi = _step("reject", CaseRejectSerializer, "Không phê duyệt (Ban Tổ chức)")
CaseExitApi = _step(
    "exit", CaseExitSerializer, "Ghi nhận nghỉ việc: kết thúc quá trình công tác (tinh giản biên chế)"
)
CaseRepayApi = _step(
    "repay", CaseRepaySerializer, "Ghi nhận hoàn trả trợ cấp (tuyển dụng lại trong 60 tháng sau tinh giản)"
)
