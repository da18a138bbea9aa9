"""REST API of Party admissions: thin doors over the selectors (scoped; outside → 404) and the services."""

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
from .selectors import admission_get_for_user, admission_list, target_list
from .serializers import (
    AdmissionCreateSerializer,
    AdmissionSerializer,
    PartyConfirmSerializer,
    PartyRemoveSerializer,
    TargetSerializer,
)

TAG = "Kết nạp đảng viên"


PartyPermission = access_permission(
    no_access="Anh/chị không có quyền xem công tác kết nạp đảng viên.",
    read_only="Anh/chị chỉ có quyền xem, không được ghi nhận kết nạp đảng viên.",
)


class PartyApi(generics.GenericAPIView):
    permission_classes = [IsAuthenticated, PartyPermission]
    filter_backends: list = []

    def valid(self, serializer_class):
        serializer = serializer_class(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data


@extend_schema(tags=[TAG])
class TargetListApi(PartyApi):
    serializer_class = TargetSerializer
    pagination_class = Pagination

    @extend_schema(
        summary="Chỉ tiêu kết nạp đảng viên theo nhiệm kỳ", responses={200: TargetSerializer(many=True)}
    )
    def get(self, request):
        page = self.paginate_queryset(target_list(user=request.user))
        return self.get_paginated_response(TargetSerializer(page, many=True).data)

    @extend_schema(
        summary="Ghi nhận chỉ tiêu của nghị quyết đại hội",
        responses={201: TargetSerializer, 400: BAD_INPUT, 403: REFUSED},
    )
    def post(self, request):
        data = self.valid(TargetSerializer)
        target = services.target_create(actor=request.user, **data)
        return Response(TargetSerializer(target).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=[TAG])
class AdmissionListApi(PartyApi):
    serializer_class = AdmissionSerializer
    pagination_class = Pagination

    @extend_schema(summary="Danh sách kết nạp đảng viên", responses={200: AdmissionSerializer(many=True)})
    def get(self, request):
        filters = {"status": request.query_params.get("party_status"), "q": request.query_params.get("q")}
        page = self.paginate_queryset(admission_list(user=request.user, filters=filters))
        return self.get_paginated_response(AdmissionSerializer(page, many=True).data)

    @extend_schema(
        summary="Ghi nhận kết nạp (quy định có hiệu lực ngày chi bộ biểu quyết: tuổi, học vấn và ngoại lệ; QĐ 232-QĐ/TW)",
        request=AdmissionCreateSerializer,
        responses={201: AdmissionSerializer, 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND},
    )
    def post(self, request):
        data = dict(self.valid(AdmissionCreateSerializer))
        uuid = data.pop("person", None)
        person = get_object_or_404(person_queryset_for(user=request.user), uuid=uuid) if uuid else None
        data["education"] = data.pop("general_education")
        admission = services.admission_record(actor=request.user, person=person, **data)
        return Response(AdmissionSerializer(admission).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=[TAG])
class AdmissionDetailApi(PartyApi):
    serializer_class = AdmissionSerializer

    @extend_schema(summary="Một hồ sơ kết nạp", responses={200: AdmissionSerializer, 404: NOT_FOUND})
    def get(self, request, pk):
        return Response(AdmissionSerializer(admission_get_for_user(user=request.user, pk=pk)).data)


@extend_schema(tags=[TAG])
class AdmissionConfirmApi(PartyApi):
    serializer_class = PartyConfirmSerializer

    @extend_schema(
        summary="Công nhận đảng viên chính thức (sau 12 tháng dự bị)",
        responses={200: AdmissionSerializer, 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND},
    )
    def post(self, request, pk):
        admission = admission_get_for_user(user=request.user, pk=pk)
        data = self.valid(PartyConfirmSerializer)
        admission = services.admission_confirm(
            actor=request.user,
            admission=admission,
            vote_date=data["vote_date"],
            decision_number=data["decision_number"],
            expected_version=data.get("version"),
        )
        return Response(AdmissionSerializer(admission).data)


@extend_schema(tags=[TAG])
class AdmissionRemoveApi(PartyApi):
    serializer_class = PartyRemoveSerializer

    @extend_schema(
        summary="Xóa tên hoặc khai trừ (có lý do)",
        responses={200: AdmissionSerializer, 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND},
    )
    def post(self, request, pk):
        admission = admission_get_for_user(user=request.user, pk=pk)
        data = self.valid(PartyRemoveSerializer)
        admission = services.admission_remove(
            actor=request.user,
            admission=admission,
            kind=data["removal"],
            on=data["on"],
            decision_number=data["decision_number"],
            reason=data["reason"],
            expected_version=data.get("version"),
        )
        return Response(AdmissionSerializer(admission).data)
