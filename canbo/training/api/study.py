"""People sent to long courses: proposal (eligibility explained when refused), sending decision, graduation,
dropping out, commitment breached."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response

from canbo.accounts.api_views import Pagination
from canbo.core.api import BAD_INPUT, CONFLICT, NOT_FOUND, REFUSED
from canbo.people.selectors import person_queryset_for

from .. import services
from ..selectors import study_queryset_for
from ..serializers import (
    StudyBreachSerializer,
    StudyCompleteSerializer,
    StudyDropSerializer,
    StudyProposeSerializer,
    StudySendSerializer,
    StudySerializer,
)
from .base import STUDY, TrainingApi
from .classes import unknown_persons
from .queries import StudyQuerySerializer


class StudyApi(TrainingApi):
    serializer_class = StudySerializer

    def get_queryset(self):
        return study_queryset_for(user=self.request.user).select_related("rule")

    def assignment(self):
        """The record of the URL among those the user may see; 404 otherwise."""
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    def answer(self, pk, code=status.HTTP_200_OK):
        return Response(StudySerializer(self.get_queryset().get(pk=pk)).data, status=code)


@extend_schema(tags=[STUDY])
class StudyListApi(StudyApi):
    pagination_class = Pagination

    @extend_schema(
        summary="Danh sách cán bộ được đề nghị, cử đi đào tạo",
        parameters=[StudyQuerySerializer],
        responses={200: StudySerializer(many=True), 400: BAD_INPUT, 403: REFUSED},
    )
    def get(self, request):
        query = self.query(StudyQuerySerializer)
        records = self.get_queryset()
        if "status" in query:
            records = records.filter(status=query["status"])
        if "unit" in query:
            records = records.filter(unit__path__startswith=query["unit"].path)
        if "programme" in query:
            records = records.filter(programme=query["programme"])
        if "person" in query:
            records = records.filter(person__uuid=query["person"])
        page = self.paginate_queryset(records.order_by("-start_date", "id"))
        return self.get_paginated_response(StudySerializer(page, many=True).data)

    @extend_schema(
        summary="Đề nghị cử đi học (kiểm tra điều kiện; không đủ điều kiện thì nêu rõ lý do)",
        request=StudyProposeSerializer,
        responses={201: StudySerializer, 400: BAD_INPUT, 403: REFUSED},
    )
    def post(self, request):
        data = dict(self.valid(StudyProposeSerializer).validated_data)
        uuid = data.pop("person")
        person = (
            person_queryset_for(user=request.user).select_related("current_unit").filter(uuid=uuid).first()
        )
        if person is None:
            raise unknown_persons("person", [uuid])
        assignment = services.study_propose(actor=request.user, person=person, data=data)
        return self.answer(assignment.pk, status.HTTP_201_CREATED)


@extend_schema(tags=[STUDY])
class StudyDetailApi(StudyApi):
    @extend_schema(
        summary="Một hồ sơ cử đi học", responses={200: StudySerializer, 403: REFUSED, 404: NOT_FOUND}
    )
    def get(self, request, pk):
        return Response(StudySerializer(self.assignment()).data)


STEP_RESPONSES = {200: StudySerializer, 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND, 409: CONFLICT}


@extend_schema(tags=[STUDY])
class StudySendApi(StudyApi):
    @extend_schema(
        summary="Quyết định cử đi học: bắt đầu học, lượt học được tính (gửi kèm version)",
        request=StudySendSerializer,
        responses=STEP_RESPONSES,
    )
    def post(self, request, pk):
        assignment = self.assignment()
        data = dict(self.valid(StudySendSerializer).validated_data)
        services.study_send(
            actor=request.user, assignment=assignment, expected_version=data.pop("version"), **data
        )
        return self.answer(pk)


class _StepApi(StudyApi):
    """A step of the sending record; the service refuses a stale version (409)."""

    request_serializer: type
    service: staticmethod

    def post(self, request, pk):
        assignment = self.assignment()
        data = dict(self.valid(self.request_serializer).validated_data)
        self.service(actor=request.user, assignment=assignment, expected_version=data.pop("version"), **data)
        return self.answer(pk)


@extend_schema(tags=[STUDY])
class StudyCompleteApi(_StepApi):
    request_serializer = StudyCompleteSerializer
    service = staticmethod(services.study_complete)

    @extend_schema(
        summary="Tốt nghiệp: văn bằng được ghi vào hồ sơ, bắt đầu thời gian cam kết (gửi kèm version)",
        request=StudyCompleteSerializer,
        responses=STEP_RESPONSES,
    )
    def post(self, request, pk):
        return super().post(request, pk)


@extend_schema(tags=[STUDY])
class StudyDropApi(_StepApi):
    request_serializer = StudyDropSerializer
    service = staticmethod(services.study_drop)

    @extend_schema(
        summary="Bỏ học: kinh phí nhà nước phải bồi hoàn (gửi kèm version)",
        request=StudyDropSerializer,
        responses=STEP_RESPONSES,
    )
    def post(self, request, pk):
        return super().post(request, pk)


@extend_schema(tags=[STUDY])
class StudyBreachApi(_StepApi):
    request_serializer = StudyBreachSerializer
    service = staticmethod(services.study_breach)

    @extend_schema(
        summary="Vi phạm cam kết (thôi việc trước khi hết thời gian cam kết): số tiền bồi hoàn (gửi kèm version)",
        request=StudyBreachSerializer,
        responses=STEP_RESPONSES,
    )
    def post(self, request, pk):
        return super().post(request, pk)
