"""REST API of discipline: thin doors over the selectors (scoped; outside → 404) and the services."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from canbo.accounts.access import access_permission
from canbo.accounts.api_views import Pagination
from canbo.core.api import BAD_INPUT, NOT_FOUND, REFUSED
from canbo.people.selectors import person_queryset_for

from . import services
from .selectors import case_get_for_user, case_list, promotion_blocked_until, record_list
from .serializers import (
    CaseDecideSerializer,
    CaseDeferSerializer,
    CaseOpenSerializer,
    CaseQuerySerializer,
    CaseReviewSerializer,
    DisciplineCaseSerializer,
    DisciplineRecordSerializer,
    PromotionBlockSerializer,
    VersionSerializer,
)

TAG = "Kỷ luật"


DisciplinePermission = access_permission(
    no_access="Anh/chị không có quyền xem, xử lý kỷ luật.",
    read_only="Anh/chị không có quyền xem, xử lý kỷ luật.",
)


class DisciplineApi(generics.GenericAPIView):
    permission_classes = [IsAuthenticated, DisciplinePermission]
    filter_backends: list = []

    def valid(self, serializer_class) -> dict:
        serializer = serializer_class(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)

    def person(self, uuid):
        qs = person_queryset_for(user=self.request.user).select_related("current_unit", "position")
        return get_object_or_404(qs, uuid=uuid)


@extend_schema(tags=[TAG])
class CaseListApi(DisciplineApi):
    serializer_class = DisciplineCaseSerializer
    pagination_class = Pagination

    @extend_schema(
        summary="Danh sách vụ việc kỷ luật",
        parameters=[CaseQuerySerializer],
        responses={200: DisciplineCaseSerializer(many=True), 400: BAD_INPUT, 403: REFUSED},
    )
    def get(self, request):
        query = CaseQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        qs = case_list(user=request.user, filters=query.validated_data).prefetch_related("acts")
        page = self.paginate_queryset(qs)
        return self.get_paginated_response(DisciplineCaseSerializer(page, many=True).data)

    @extend_schema(
        summary="Thụ lý vụ việc kỷ luật (các hành vi, mỗi hành vi một hình thức)",
        request=CaseOpenSerializer,
        responses={201: DisciplineCaseSerializer, 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND},
    )
    def post(self, request):
        data = self.valid(CaseOpenSerializer)
        person = self.person(data.pop("person"))
        case = services.case_open(actor=request.user, person=person, **data)
        return Response(DisciplineCaseSerializer(case).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=[TAG])
class CaseDetailApi(DisciplineApi):
    serializer_class = DisciplineCaseSerializer

    @extend_schema(summary="Một vụ việc kỷ luật", responses={200: DisciplineCaseSerializer, 404: NOT_FOUND})
    def get(self, request, pk):
        return Response(DisciplineCaseSerializer(case_get_for_user(user=request.user, pk=pk)).data)


ACTIONS = {
    "review": (CaseReviewSerializer, services.case_review, "Đề nghị hình thức (kiểm tra quy tắc 25)"),
    "defer": (CaseDeferSerializer, services.case_defer, "Tạm hoãn xem xét kỷ luật"),
    "resume": (VersionSerializer, services.case_resume, "Tiếp tục xem xét sau tạm hoãn"),
}


def _action_view(action: str):
    serializer_class, service, summary = ACTIONS[action]

    @extend_schema(tags=[TAG])
    class ActionApi(DisciplineApi):
        serializer_class = DisciplineCaseSerializer

        @extend_schema(
            summary=summary,
            request=serializer_class,
            responses={200: DisciplineCaseSerializer, 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND},
        )
        def post(self, request, pk):
            case = case_get_for_user(user=request.user, pk=pk)
            data = self.valid(serializer_class)
            case = service(actor=request.user, case=case, expected_version=data.pop("version", None), **data)
            return Response(DisciplineCaseSerializer(case).data)

    ActionApi.__name__ = ActionApi.__qualname__ = f"Case{action.title()}Api"
    return ActionApi


CaseReviewApi, CaseDeferApi, CaseResumeApi = (_action_view(a) for a in ("review", "defer", "resume"))


@extend_schema(tags=[TAG])
class CaseDecideApi(DisciplineApi):
    serializer_class = DisciplineRecordSerializer

    @extend_schema(
        summary="Quyết định kỷ luật (tạo bản ghi kỷ luật)",
        request=CaseDecideSerializer,
        responses={201: DisciplineRecordSerializer, 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND},
    )
    def post(self, request, pk):
        case = case_get_for_user(user=request.user, pk=pk)
        data = self.valid(CaseDecideSerializer)
        record = services.case_decide(
            actor=request.user, case=case, expected_version=data.pop("version", None), **data
        )
        return Response(DisciplineRecordSerializer(record).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=[TAG])
class RecordListApi(DisciplineApi):
    serializer_class = DisciplineRecordSerializer
    pagination_class = Pagination

    @extend_schema(
        summary="Quyết định kỷ luật", responses={200: DisciplineRecordSerializer(many=True), 403: REFUSED}
    )
    def get(self, request):
        page = self.paginate_queryset(record_list(user=request.user))
        return self.get_paginated_response(DisciplineRecordSerializer(page, many=True).data)


@extend_schema(tags=[TAG])
class PromotionBlockApi(DisciplineApi):
    serializer_class = PromotionBlockSerializer

    @extend_schema(
        summary="Thời hạn chưa được bổ nhiệm chức vụ cao hơn sau kỷ luật (24 / 36 / 60 tháng)",
        responses={200: PromotionBlockSerializer, 404: NOT_FOUND},
    )
    def get(self, request, uuid):
        person = self.person(uuid)
        return Response({"person": person.uuid, "blocked_until": promotion_blocked_until(person)})
