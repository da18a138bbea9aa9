"""REST API of emulation and commendation: thin doors over the selectors (scoped; outside → 404) and services."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from canbo.accounts.access import access_permission
from canbo.accounts.api_views import Pagination
from canbo.core.api import BAD_INPUT, NOT_FOUND, REFUSED
from canbo.people.selectors import person_queryset_for

from . import selectors, services
from .serializers import (
    AwardCreateSerializer,
    AwardRevokeSerializer,
    AwardSerializer,
    EmulationMovementSerializer,
    RegistrationCreateSerializer,
    RegistrationSerializer,
)

TAG = "Thi đua, khen thưởng"


EmulationPermission = access_permission(
    no_access="Anh/chị không có quyền xem thi đua, khen thưởng.",
    read_only="Anh/chị chỉ có quyền xem, không được ghi nhận thi đua, khen thưởng.",
)


class EmulationApi(generics.GenericAPIView):
    permission_classes = [IsAuthenticated, EmulationPermission]
    filter_backends: list = []

    def valid(self, serializer_class) -> dict:
        serializer = serializer_class(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        uuid = data.pop("person", None)
        data["person"] = (
            get_object_or_404(person_queryset_for(user=self.request.user), uuid=uuid) if uuid else None
        )
        if "recipient_kind" in data:
            data["kind"] = data.pop("recipient_kind")
        return data

    def filters(self) -> dict:
        q = self.request.query_params
        out = {"year": q.get("year") if (q.get("year") or "").isdigit() else None}
        out["kind"] = q.get("recipient_kind")
        return out


@extend_schema(tags=[TAG])
class MovementListApi(EmulationApi):
    serializer_class = EmulationMovementSerializer

    @extend_schema(summary="Các phong trào thi đua", responses={200: EmulationMovementSerializer(many=True)})
    def get(self, request):
        return Response(EmulationMovementSerializer(selectors.movement_list(), many=True).data)


@extend_schema(tags=[TAG])
class RegistrationListApi(EmulationApi):
    serializer_class = RegistrationSerializer
    pagination_class = Pagination

    @extend_schema(summary="Đăng ký điển hình tiên tiến", responses={200: RegistrationSerializer(many=True)})
    def get(self, request):
        qs = selectors.registration_list(user=request.user, filters=self.filters())
        return self.get_paginated_response(RegistrationSerializer(self.paginate_queryset(qs), many=True).data)

    @extend_schema(
        summary="Ghi nhận đăng ký của một tập thể hoặc cá nhân",
        request=RegistrationCreateSerializer,
        responses={201: RegistrationSerializer, 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND},
    )
    def post(self, request):
        item = services.registration_record(actor=request.user, **self.valid(RegistrationCreateSerializer))
        return Response(RegistrationSerializer(item).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=[TAG])
class AwardListApi(EmulationApi):
    serializer_class = AwardSerializer
    pagination_class = Pagination

    @extend_schema(summary="Danh hiệu thi đua, khen thưởng", responses={200: AwardSerializer(many=True)})
    def get(self, request):
        filters = {**self.filters(), "form": request.query_params.get("award_form")}
        qs = selectors.award_list(user=request.user, filters=filters)
        return self.get_paginated_response(AwardSerializer(self.paginate_queryset(qs), many=True).data)

    @extend_schema(
        summary="Ghi nhận quyết định khen thưởng",
        request=AwardCreateSerializer,
        responses={201: AwardSerializer, 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND},
    )
    def post(self, request):
        data = self.valid(AwardCreateSerializer)
        data["form"] = data.pop("award_form")
        item = services.award_record(actor=request.user, **data)
        return Response(AwardSerializer(item).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=[TAG])
class AwardDetailApi(EmulationApi):
    serializer_class = AwardSerializer

    @extend_schema(summary="Một quyết định khen thưởng", responses={200: AwardSerializer, 404: NOT_FOUND})
    def get(self, request, pk):
        return Response(AwardSerializer(selectors.award_get_for_user(user=request.user, pk=pk)).data)


@extend_schema(tags=[TAG])
class AwardRevokeApi(EmulationApi):
    serializer_class = AwardRevokeSerializer

    @extend_schema(
        summary="Hủy khen thưởng (ví dụ khai man hồ sơ), có lý do",
        responses={200: AwardSerializer, 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND},
    )
    def post(self, request, pk):
        award = selectors.award_get_for_user(user=request.user, pk=pk)
        serializer = AwardRevokeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        award = services.award_revoke(
            actor=request.user,
            award=award,
            on=data["on"],
            decision_number=data["decision_number"],
            reason=data["reason"],
            expected_version=data.get("version"),
        )
        return Response(AwardSerializer(award).data)
