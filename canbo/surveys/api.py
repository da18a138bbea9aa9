"""REST API of surveys: thin doors over the selectors and services. An official answers only their own
invitation (another's: 404, or 403 for staff who may read it); only aggregates of the answers leave, and the
free texts per group of at least 5 responses for the survey's owner and the board."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, permissions, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from canbo.accounts.access import BoardWrites
from canbo.accounts.scoping import visible_units
from canbo.core.api import BAD_INPUT, NOT_FOUND, REFUSED, ErrorSerializer
from canbo.people.filters import PersonFilterForm
from canbo.people.selectors import person_list

from . import services
from .models import Invitation, Survey
from .results import survey_results
from .selectors import (
    invitation_list,
    my_invitation_get,
    my_invitations,
    reads_cadre_work,
    survey_get_for_user,
    survey_list,
)
from .serializers import (
    AnswerSubmitSerializer,
    InvitationSerializer,
    InviteResultSerializer,
    MyInvitationSerializer,
    MyQuestionnaireSerializer,
    QuestionSerializer,
    QuestionWriteSerializer,
    ResultsSerializer,
    SurveyDetailSerializer,
    SurveySerializer,
    SurveyWriteSerializer,
    TextsSerializer,
)
from .texts import survey_texts, text_question_get

TAG = "Khảo sát"


class StaffPermission(permissions.BasePermission):
    message = "Anh/chị không có quyền xem trang quản lý khảo sát."

    def has_permission(self, request, view):
        return reads_cadre_work(request.user)


class SurveysApi(generics.GenericAPIView):
    permission_classes = [IsAuthenticated, StaffPermission]
    filter_backends: list = []
    pagination_class = None
    queryset = Survey.objects.none()  # for the schema only; reads go through the selectors

    def valid(self, serializer_class):
        serializer = serializer_class(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    def survey(self, pk):
        return survey_get_for_user(user=self.request.user, pk=pk)

    def within(self):
        if code := self.request.query_params.get("unit"):
            return generics.get_object_or_404(visible_units(self.request.user), code=code)
        return None


def _survey_data(data: dict) -> dict:
    data = dict(data)
    data["purpose"] = data.pop("survey_purpose")
    return data


@extend_schema(tags=[TAG])
class SurveyListApi(SurveysApi):
    permission_classes = [*SurveysApi.permission_classes, BoardWrites]
    serializer_class = SurveySerializer

    @extend_schema(
        summary="Danh sách phiếu khảo sát", responses={200: SurveySerializer(many=True), 403: REFUSED}
    )
    def get(self, request):
        return Response(SurveySerializer(survey_list(user=request.user), many=True).data)

    @extend_schema(
        summary="Lập phiếu khảo sát (Ban Tổ chức)",
        request=SurveyWriteSerializer,
        responses={201: SurveySerializer, 400: BAD_INPUT, 403: REFUSED},
    )
    def post(self, request):
        data = _survey_data(self.valid(SurveyWriteSerializer))
        survey = services.survey_create(actor=request.user, data=data)
        return Response(SurveySerializer(survey).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=[TAG])
class SurveyDetailApi(SurveysApi):
    serializer_class = SurveyDetailSerializer

    @extend_schema(
        summary="Phiếu khảo sát và câu hỏi", responses={200: SurveyDetailSerializer, 404: NOT_FOUND}
    )
    def get(self, request, pk):
        return Response(SurveyDetailSerializer(self.survey(pk)).data)


@extend_schema(tags=[TAG])
class QuestionAddApi(SurveysApi):
    permission_classes = [*SurveysApi.permission_classes, BoardWrites]
    serializer_class = QuestionSerializer

    @extend_schema(
        summary="Thêm câu hỏi (phiếu còn dự thảo)",
        request=QuestionWriteSerializer,
        responses={201: QuestionSerializer, 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND},
    )
    def post(self, request, pk):
        survey = self.survey(pk)  # the survey first: one outside the user's reach is 404 whatever the body
        data = self.valid(QuestionWriteSerializer)
        question = services.question_add(
            actor=request.user,
            survey=survey,
            text=data["text"],
            kind=data["question_kind"],
            required=data["required"],
            choices=data["choices"],
        )
        return Response(QuestionSerializer(question).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=[TAG])
class SurveyTransitionApi(SurveysApi):
    serializer_class = SurveySerializer
    action = ""

    @extend_schema(
        summary="Mở / đóng phiếu khảo sát",
        request=None,
        responses={200: SurveySerializer, 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND},
    )
    def post(self, request, pk):
        survey = services.survey_transition(actor=request.user, survey=self.survey(pk), action=self.action)
        return Response(SurveySerializer(survey).data)


@extend_schema(tags=[TAG])
class InvitationListApi(SurveysApi):
    serializer_class = InvitationSerializer

    @extend_schema(
        summary="Người được mời trong phạm vi và đã trả lời hay chưa",
        responses={200: InvitationSerializer(many=True), 403: REFUSED, 404: NOT_FOUND},
    )
    def get(self, request, pk):
        rows = invitation_list(user=request.user, survey=self.survey(pk))
        return Response(InvitationSerializer(rows, many=True).data)

    @extend_schema(
        summary="Mời theo danh sách lọc (bộ lọc như danh sách cán bộ; chỉ người đang công tác)",
        request=OpenApiTypes.OBJECT,
        responses={201: InviteResultSerializer, 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND},
    )
    def post(self, request, pk):
        survey = self.survey(pk)
        form = PersonFilterForm(request.data, user=request.user)
        if not form.is_valid():
            errors = {k: [str(m) for m in v] for k, v in form.errors.items()}
            return Response(errors, status=status.HTTP_400_BAD_REQUEST)
        persons = person_list(user=request.user, filters={**form.filters(), "status": "WORKING"})
        counts = services.invitations_create(actor=request.user, survey=survey, persons=persons)
        return Response(counts, status=status.HTTP_201_CREATED)


@extend_schema(tags=[TAG])
class ResultsApi(SurveysApi):
    serializer_class = ResultsSerializer

    @extend_schema(
        summary="Kết quả tổng hợp ẩn danh (đơn vị dưới 5 phiếu gộp vào cấp trên)",
        parameters=[OpenApiParameter("unit", str, description="Mã đơn vị: chỉ đơn vị này và trực thuộc")],
        responses={200: ResultsSerializer, 403: REFUSED, 404: NOT_FOUND},
    )
    def get(self, request, pk):
        survey = self.survey(pk)
        return Response(
            ResultsSerializer(survey_results(user=request.user, survey=survey, within=self.within())).data
        )


@extend_schema(tags=[TAG])
class TextsApi(SurveysApi):
    serializer_class = TextsSerializer

    @extend_schema(
        summary="Câu trả lời tự do của một câu hỏi (người lập phiếu, Ban Tổ chức; nhóm từ 5 phiếu)",
        parameters=[OpenApiParameter("unit", str, description="Mã đơn vị: chỉ đơn vị này và trực thuộc")],
        responses={200: TextsSerializer, 403: REFUSED, 404: NOT_FOUND},
    )
    def get(self, request, pk, question_pk):
        survey = self.survey(pk)
        question = text_question_get(survey=survey, pk=question_pk)
        data = survey_texts(user=request.user, survey=survey, question=question, within=self.within())
        return Response(TextsSerializer(data).data)


# --- the official's own questionnaires ---------------------------------------------------------------------


@extend_schema(tags=[TAG])
class MyInvitationsApi(generics.GenericAPIView):
    permission_classes = [IsAuthenticated]
    serializer_class = MyInvitationSerializer
    pagination_class = None
    queryset = Invitation.objects.none()  # for the schema only; reads go through the selectors

    @extend_schema(summary="Phiếu khảo sát của tôi", responses={200: MyInvitationSerializer(many=True)})
    def get(self, request):
        return Response(MyInvitationSerializer(my_invitations(user=request.user), many=True).data)


@extend_schema(tags=[TAG])
class MyQuestionnaireApi(generics.GenericAPIView):
    permission_classes = [IsAuthenticated]
    serializer_class = MyQuestionnaireSerializer
    queryset = Invitation.objects.none()

    @extend_schema(
        summary="Phiếu khảo sát của tôi và câu hỏi",
        responses={200: MyQuestionnaireSerializer, 403: REFUSED, 404: NOT_FOUND},
    )
    def get(self, request, pk):
        return Response(MyQuestionnaireSerializer(my_invitation_get(user=request.user, pk=pk)).data)


@extend_schema(tags=[TAG])
class AnswerApi(generics.GenericAPIView):
    permission_classes = [IsAuthenticated]
    serializer_class = AnswerSubmitSerializer
    queryset = Invitation.objects.none()

    @extend_schema(
        summary="Gửi phiếu trả lời của chính mình (một lần; ẩn danh)",
        request=AnswerSubmitSerializer,
        responses={
            201: OpenApiResponse(ErrorSerializer, description="Đã ghi nhận"),
            400: BAD_INPUT,
            403: REFUSED,
            404: NOT_FOUND,
        },
    )
    def post(self, request, pk):
        invitation = my_invitation_get(user=request.user, pk=pk)
        serializer = AnswerSubmitSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.response_submit(
            actor=request.user, invitation=invitation, answers=serializer.validated_data["answers"]
        )
        return Response(
            {"detail": "Đã ghi nhận phiếu trả lời.", "code": "created"}, status=status.HTTP_201_CREATED
        )
