"""REST API of citizens' feedback: only those entitled to handle it see it (selectors; otherwise 404)."""

from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from canbo.accounts.api_views import Pagination
from canbo.core.api import BAD_INPUT, NOT_FOUND, REFUSED
from canbo.discipline.serializers import DisciplineCaseSerializer
from canbo.people.selectors import person_queryset_for

from . import services
from .selectors import can_list_feedback, feedback_get_for_user, feedback_list
from .serializers import (
    FeedbackAssignSerializer,
    FeedbackCloseSerializer,
    FeedbackOpenCaseSerializer,
    FeedbackQuerySerializer,
    FeedbackReceiveSerializer,
    FeedbackSerializer,
    FeedbackVerifySerializer,
)

TAG = "Phản ánh, kiến nghị"


class FeedbackPermission(permissions.BasePermission):
    message = "Anh/chị không có quyền xem, xử lý phản ánh, kiến nghị."

    def has_permission(self, request, view):
        return can_list_feedback(request.user)


class FeedbackApi(generics.GenericAPIView):
    permission_classes = [IsAuthenticated, FeedbackPermission]
    filter_backends: list = []

    def valid(self, serializer_class) -> dict:
        serializer = serializer_class(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)

    def feedback(self, pk):
        return feedback_get_for_user(user=self.request.user, pk=pk)


@extend_schema(tags=[TAG])
class FeedbackListApi(FeedbackApi):
    serializer_class = FeedbackSerializer
    pagination_class = Pagination

    @extend_schema(
        summary="Phản ánh, kiến nghị anh/chị được xử lý",
        parameters=[FeedbackQuerySerializer],
        responses={200: FeedbackSerializer(many=True), 400: BAD_INPUT, 403: REFUSED},
    )
    def get(self, request):
        query = FeedbackQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        page = self.paginate_queryset(feedback_list(user=request.user, filters=query.validated_data))
        return self.get_paginated_response(FeedbackSerializer(page, many=True).data)

    @extend_schema(
        summary="Tiếp nhận phản ánh, kiến nghị",
        request=FeedbackReceiveSerializer,
        responses={201: FeedbackSerializer, 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND},
    )
    def post(self, request):
        data = self.valid(FeedbackReceiveSerializer)
        if data.get("subject_person"):
            qs = person_queryset_for(user=request.user).select_related("current_unit")
            data["subject_person"] = get_object_or_404(qs, uuid=data["subject_person"])
        feedback = services.feedback_receive(actor=request.user, **data)
        return Response(FeedbackSerializer(feedback).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=[TAG])
class FeedbackDetailApi(FeedbackApi):
    serializer_class = FeedbackSerializer

    @extend_schema(summary="Một phản ánh, kiến nghị", responses={200: FeedbackSerializer, 404: NOT_FOUND})
    def get(self, request, pk):
        return Response(FeedbackSerializer(self.feedback(pk)).data)


def _action(serializer_class, summary, call):
    @extend_schema(tags=[TAG])
    class ActionApi(FeedbackApi):
        serializer_class = FeedbackSerializer

        @extend_schema(
            summary=summary,
            request=serializer_class,
            responses={200: FeedbackSerializer, 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND},
        )
        def post(self, request, pk):
            feedback = self.feedback(pk)
            data = self.valid(serializer_class)
            version = data.pop("version", None)
            feedback = call(request, feedback, version, data)
            return Response(FeedbackSerializer(feedback).data)

    return ActionApi


def _assign(request, feedback, version, data):
    handler = get_user_model().objects.filter(username=data["handler"]).first()
    return services.feedback_assign(
        actor=request.user, feedback=feedback, handler=handler, expected_version=version
    )


FeedbackAssignApi = _action(FeedbackAssignSerializer, "Giao người xử lý", _assign)
FeedbackVerifyApi = _action(
    FeedbackVerifySerializer,
    "Ghi kết quả xác minh",
    lambda r, f, v, d: services.feedback_verify(actor=r.user, feedback=f, expected_version=v, **d),
)
FeedbackCloseApi = _action(
    FeedbackCloseSerializer,
    "Kết luận (đúng, sai, đúng một phần)",
    lambda r, f, v, d: services.feedback_close(actor=r.user, feedback=f, expected_version=v, **d),
)
FeedbackAssignApi.__name__ = "FeedbackAssignApi"
FeedbackVerifyApi.__name__ = "FeedbackVerifyApi"
FeedbackCloseApi.__name__ = "FeedbackCloseApi"


@extend_schema(tags=[TAG])
class FeedbackOpenCaseApi(FeedbackApi):
    serializer_class = DisciplineCaseSerializer

    @extend_schema(
        summary="Mở vụ việc kỷ luật từ phản ánh đúng (hoặc đúng một phần)",
        request=FeedbackOpenCaseSerializer,
        responses={201: DisciplineCaseSerializer, 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND},
    )
    def post(self, request, pk):
        feedback = self.feedback(pk)
        data = self.valid(FeedbackOpenCaseSerializer)
        case = services.feedback_open_case(
            actor=request.user, feedback=feedback, expected_version=data.pop("version", None), **data
        )
        return Response(DisciplineCaseSerializer(case).data, status=status.HTTP_201_CREATED)
