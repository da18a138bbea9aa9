"""REST API of appointments and movements: thin doors over the selectors (scoped; outside → 404) and the
services (rules, permission, audit). There is no door that decides a BLOCKED appointment: `decide` and
`approve` call the same services as the pages, which refuse it with the list of gaps."""

from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from canbo.accounts.access import access_permission
from canbo.accounts.api_views import Pagination
from canbo.core.api import BAD_INPUT, CONFLICT, NOT_FOUND, REFUSED
from canbo.people.retirement import retirement_date
from canbo.people.selectors import person_queryset_for

from . import services
from .selectors import (
    appointment_get_for_user,
    appointment_list,
    movement_get_for_user,
    movement_list,
    reappointments_due,
    retirements_within,
    rotations_ending,
)
from .serializers import (
    AppointmentCheckSerializer,
    AppointmentDecideSerializer,
    AppointmentDetailSerializer,
    AppointmentExtendSerializer,
    AppointmentProposeSerializer,
    AppointmentQuerySerializer,
    AppointmentSerializer,
    AppointmentVersionSerializer,
    AppointmentWithdrawSerializer,
    MovementBatchSerializer,
    MovementCreateSerializer,
    MovementQuerySerializer,
    MovementSerializer,
)

APPOINTMENTS = "Bổ nhiệm"
MOVEMENTS = "Điều động, luân chuyển, thôi giữ chức vụ"
ROTATION_NOTICE_DAYS = 90


MovementsPermission = access_permission(
    no_access="Anh/chị không có quyền xem bổ nhiệm, điều động.",
    read_only="Anh/chị chỉ có quyền xem, không được đề xuất, ghi nhận bổ nhiệm, điều động.",
    no_write="Anh/chị không có quyền đề xuất, ghi nhận bổ nhiệm, điều động.",
)


class MovementsApi(generics.GenericAPIView):
    permission_classes = [IsAuthenticated, MovementsPermission]
    filter_backends: list = []

    def valid(self, serializer_class):
        serializer = serializer_class(data=self.request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        return serializer

    def query(self, serializer_class) -> dict:
        query = serializer_class(data=self.request.query_params, context=self.get_serializer_context())
        query.is_valid(raise_exception=True)
        return {k: v for k, v in query.validated_data.items() if v not in (None, "")}

    def person(self, uuid):
        """A person the user may read (404 otherwise); whether they may act on them, the service decides."""
        return get_object_or_404(
            person_queryset_for(user=self.request.user).select_related("current_unit", "position"), uuid=uuid
        )


# --- appointments ------------------------------------------------------------------------------------------


@extend_schema(tags=[APPOINTMENTS])
class AppointmentListApi(MovementsApi):
    serializer_class = AppointmentSerializer
    pagination_class = Pagination

    @extend_schema(
        summary="Danh sách đề xuất, quyết định bổ nhiệm",
        parameters=[AppointmentQuerySerializer],
        responses={200: AppointmentSerializer(many=True), 400: BAD_INPUT, 403: REFUSED},
    )
    def get(self, request):
        qs = appointment_list(user=request.user, filters=self.query(AppointmentQuerySerializer))
        page = self.paginate_queryset(qs)
        return self.get_paginated_response(AppointmentSerializer(page, many=True).data)

    @extend_schema(
        summary="Đề xuất bổ nhiệm (bước tiếp theo: kiểm tra tiêu chuẩn)",
        request=AppointmentProposeSerializer,
        responses={201: AppointmentDetailSerializer, 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND},
    )
    def post(self, request):
        data = self.valid(AppointmentProposeSerializer).validated_data
        appointment = services.appointment_propose(
            actor=request.user,
            person=self.person(data["person"]),
            position=data["position"],
            unit=data["unit"],
            kind=data["kind"],
            note=data["note"],
        )
        body = AppointmentDetailSerializer(appointment, context=self.get_serializer_context()).data
        return Response(body, status=status.HTTP_201_CREATED)


@extend_schema(tags=[APPOINTMENTS])
class AppointmentDetailApi(MovementsApi):
    serializer_class = AppointmentDetailSerializer

    @extend_schema(
        summary="Một hồ sơ bổ nhiệm (kết quả kiểm tra tiêu chuẩn, nhiệm kỳ, các bước được làm)",
        responses={200: AppointmentDetailSerializer, 403: REFUSED, 404: NOT_FOUND},
    )
    def get(self, request, pk):
        appointment = appointment_get_for_user(user=request.user, pk=pk)
        return Response(AppointmentDetailSerializer(appointment, context=self.get_serializer_context()).data)


def _step(action: str, serializer_class, summary: str):
    """POST /appointments/<pk>/<action>/: one step of the workflow, one service call."""

    @extend_schema(
        tags=[APPOINTMENTS],
        summary=summary,
        request=serializer_class,
        responses={
            200: AppointmentDetailSerializer,
            400: BAD_INPUT,
            403: REFUSED,
            404: NOT_FOUND,
            409: CONFLICT,
        },
    )
    def post(self, request, pk):
        appointment = appointment_get_for_user(user=request.user, pk=pk)
        data = dict(self.valid(serializer_class).validated_data)
        version = data.pop("version", None)
        call = {
            "check": services.appointment_check,
            "approve": services.appointment_approve,
            "decide": services.appointment_decide,
            "withdraw": services.appointment_withdraw,
            "extend": services.appointment_extend_to_retirement,
        }[action]
        call(actor=request.user, appointment=appointment, expected_version=version, **data)
        appointment = appointment_get_for_user(user=request.user, pk=pk)
        return Response(AppointmentDetailSerializer(appointment, context=self.get_serializer_context()).data)

    return type(
        f"Appointment{action.title()}Api",
        (MovementsApi,),
        {"post": post, "serializer_class": serializer_class},
    )


AppointmentCheckApi = _step(
    "check",
    AppointmentCheckSerializer,
    "Kiểm tra tiêu chuẩn: đạt → CHECKED; chưa đạt → BLOCKED kèm danh sách",
)
AppointmentApproveApi = _step(
    "approve", AppointmentVersionSerializer, "Ghi nhận tập thể lãnh đạo thống nhất (Ban Tổ chức)"
)
AppointmentDecideApi = _step(
    "decide", AppointmentDecideSerializer, "Ghi quyết định bổ nhiệm: nhiệm kỳ 5 năm, quá trình công tác"
)
AppointmentWithdrawApi = _step("withdraw", AppointmentWithdrawSerializer, "Rút đề xuất bổ nhiệm")
AppointmentExtendApi = _step(
    "extend",
    AppointmentExtendSerializer,
    "Kéo dài thời hạn giữ chức vụ đến ngày nghỉ hưu (biểu quyết của tập thể trên 50 %)",
)


# --- movements ---------------------------------------------------------------------------------------------


@extend_schema(tags=[MOVEMENTS])
class MovementListApi(MovementsApi):
    serializer_class = MovementSerializer
    pagination_class = Pagination

    @extend_schema(
        summary="Danh sách điều động, luân chuyển, biệt phái, miễn nhiệm, nghỉ hưu…",
        parameters=[MovementQuerySerializer],
        responses={200: MovementSerializer(many=True), 400: BAD_INPUT, 403: REFUSED},
    )
    def get(self, request):
        qs = movement_list(user=request.user, filters=self.query(MovementQuerySerializer))
        page = self.paginate_queryset(qs)
        return self.get_paginated_response(MovementSerializer(page, many=True).data)

    @extend_schema(
        summary="Ghi nhận một quyết định cho một người (cập nhật quá trình công tác)",
        request=MovementCreateSerializer,
        responses={201: MovementSerializer, 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND},
    )
    def post(self, request):
        serializer = self.valid(MovementCreateSerializer)
        person = self.person(serializer.validated_data["person"])
        movement = services.movement_record(
            actor=request.user, person=person, **serializer.service_arguments()
        )
        return Response(MovementSerializer(movement).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=[MOVEMENTS])
class MovementBatchApi(MovementsApi):
    serializer_class = MovementBatchSerializer

    @extend_schema(
        summary="Một quyết định cho nhiều người: ghi nhận tất cả hoặc không ai",
        request=MovementBatchSerializer,
        responses={201: MovementSerializer(many=True), 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND},
    )
    def post(self, request):
        serializer = self.valid(MovementBatchSerializer)
        uuids = serializer.validated_data["persons"]
        found = {
            p.uuid: p
            for p in person_queryset_for(user=request.user)
            .filter(uuid__in=uuids)
            .select_related("current_unit", "position")
        }
        unknown = [str(u) for u in uuids if u not in found]
        if unknown:
            return Response(
                {"persons": [f"Không tìm thấy trong phạm vi được xem: {', '.join(unknown)}."]},
                status=status.HTTP_400_BAD_REQUEST,
            )
        movements = services.movement_record_batch(
            actor=request.user, persons=[found[u] for u in uuids], **serializer.service_arguments()
        )
        return Response(MovementSerializer(movements, many=True).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=[MOVEMENTS])
class MovementDetailApi(MovementsApi):
    serializer_class = MovementSerializer

    @extend_schema(
        summary="Một quyết định", responses={200: MovementSerializer, 403: REFUSED, 404: NOT_FOUND}
    )
    def get(self, request, pk):
        return Response(MovementSerializer(movement_get_for_user(user=request.user, pk=pk)).data)


@extend_schema(tags=[MOVEMENTS])
class DueListsApi(MovementsApi):
    serializer_class = MovementSerializer

    @extend_schema(
        summary="Đến hạn: nhiệm kỳ hết trong 90 ngày làm việc, luân chuyển hết hạn trong 90 ngày, nghỉ hưu trong 6 tháng",
        responses={200: OpenApiTypes.OBJECT, 403: REFUSED},
    )
    def get(self, request):
        user, today = request.user, timezone.localdate()
        retirements = [
            {
                "uuid": str(p.uuid),
                "code": p.code,
                "full_name": p.full_name,
                "unit": p.current_unit.code,
                "retirement_date": retirement_date(p.gender, p.date_of_birth).isoformat(),
            }
            for p in retirements_within(user=user, today=today)
        ]
        return Response(
            {
                "today": today.isoformat(),
                "reappointments": AppointmentSerializer(
                    reappointments_due(user=user, today=today), many=True
                ).data,
                "rotations": MovementSerializer(
                    rotations_ending(user=user, today=today, within_days=ROTATION_NOTICE_DAYS), many=True
                ).data,
                "retirements": sorted(retirements, key=lambda r: r["retirement_date"]),
            }
        )
