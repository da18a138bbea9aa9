"""REST API of the salary history: thin doors over the selectors (scoped; outside → 404) and the services.
Permission first: a write by someone who writes nowhere is refused (403) before its body is read."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from canbo.accounts.access import WritesCadreWork, reads_cadre_work
from canbo.accounts.api_views import Pagination
from canbo.accounts.scoping import visible_units
from canbo.core.api import BAD_INPUT, NOT_FOUND, REFUSED
from canbo.people.selectors import person_queryset_for

from . import rules, selectors, services
from .serializers import (
    BatchRaiseSerializer,
    DueQuerySerializer,
    EarlyRaiseSerializer,
    RaiseDueSerializer,
    RecordCreateSerializer,
    RecordQuerySerializer,
    SalaryRecordSerializer,
)

TAG = "Lương"


class ReadsCadreWork(permissions.BasePermission):
    message = "Anh/chị không có quyền xem danh sách nâng lương."

    def has_permission(self, request, view):
        return reads_cadre_work(request.user)


class SalaryApi(generics.GenericAPIView):
    permission_classes = [IsAuthenticated, WritesCadreWork]
    filter_backends: list = []

    def valid(self, serializer_class, data=None) -> dict:
        serializer = serializer_class(data=self.request.data if data is None else data)
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)

    def person(self, uuid):
        qs = person_queryset_for(user=self.request.user).select_related("current_unit", "position")
        return get_object_or_404(qs, uuid=uuid)


@extend_schema(tags=[TAG])
class RecordListApi(SalaryApi):
    serializer_class = SalaryRecordSerializer
    pagination_class = Pagination

    @extend_schema(
        summary="Quá trình lương (các bản ghi trong phạm vi; cán bộ xem của chính mình)",
        parameters=[RecordQuerySerializer],
        responses={200: SalaryRecordSerializer(many=True), 400: BAD_INPUT, 403: REFUSED},
    )
    def get(self, request):
        filters = self.valid(RecordQuerySerializer, request.query_params)
        if filters.get("person"):
            filters["person"] = self.person(filters["person"])
        page = self.paginate_queryset(selectors.record_list(user=request.user, filters=filters))
        return self.get_paginated_response(SalaryRecordSerializer(page, many=True).data)

    @extend_schema(
        summary="Thêm một bản ghi quá trình lương (không ghi đè bản ghi cũ)",
        request=RecordCreateSerializer,
        responses={201: SalaryRecordSerializer, 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND},
    )
    def post(self, request):
        data = self.valid(RecordCreateSerializer)
        person = self.person(data.pop("person"))
        scale = rules.scale_on(data.pop("scale"), data["effective_on"])
        if scale is None:
            raise ValidationError({"scale": ["Không có nhóm, loại lương này vào ngày hưởng."]})
        record = services.salary_record_create(actor=request.user, person=person, scale=scale, **data)
        return Response(SalaryRecordSerializer(record).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=[TAG])
class RecordDetailApi(SalaryApi):
    serializer_class = SalaryRecordSerializer

    @extend_schema(
        summary="Một bản ghi quá trình lương", responses={200: SalaryRecordSerializer, 404: NOT_FOUND}
    )
    def get(self, request, pk):
        return Response(SalaryRecordSerializer(selectors.record_get_for_user(user=request.user, pk=pk)).data)


@extend_schema(tags=[TAG])
class DueListApi(SalaryApi):
    permission_classes = [IsAuthenticated, ReadsCadreWork]
    serializer_class = RaiseDueSerializer

    @extend_schema(
        summary="Danh sách đến hạn nâng lương trong một tháng (đã tính kéo dài do kỷ luật, nghỉ không lương)",
        parameters=[DueQuerySerializer],
        responses={200: RaiseDueSerializer(many=True), 400: BAD_INPUT, 403: REFUSED},
    )
    def get(self, request):
        query = self.valid(DueQuerySerializer, request.query_params)
        unit = None
        if query.get("unit"):
            unit = visible_units(request.user).filter(code=query["unit"]).first()
            if unit is None:
                raise ValidationError({"unit": ["Đơn vị không có hoặc ngoài phạm vi của anh/chị."]})
        rows = selectors.raises_due(
            user=request.user, month=query["month"], unit=unit, include_overdue=query["overdue"]
        )
        return Response(RaiseDueSerializer(rows, many=True).data)


@extend_schema(tags=[TAG])
class BatchRaiseApi(SalaryApi):
    serializer_class = SalaryRecordSerializer

    @extend_schema(
        summary="Quyết định nâng lương (thường xuyên hoặc vượt khung) cho một hoặc nhiều người: tất cả hoặc không",
        request=BatchRaiseSerializer,
        responses={201: SalaryRecordSerializer(many=True), 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND},
    )
    def post(self, request):
        data = self.valid(BatchRaiseSerializer)
        persons = [self.person(uuid) for uuid in dict.fromkeys(data.pop("persons"))]
        records = services.salary_raise_batch(actor=request.user, persons=persons, **data)
        return Response(SalaryRecordSerializer(records, many=True).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=[TAG])
class EarlyRaiseApi(SalaryApi):
    serializer_class = SalaryRecordSerializer

    @extend_schema(
        summary="Nâng bậc lương trước thời hạn (trong tỷ lệ hằng năm của đơn vị)",
        request=EarlyRaiseSerializer,
        responses={201: SalaryRecordSerializer, 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND},
    )
    def post(self, request):
        data = self.valid(EarlyRaiseSerializer)
        person = self.person(data.pop("person"))
        code = data.pop("reason")
        reason = (
            rules.early_reasons_on(data["effective_on"] or timezone.localdate()).filter(code=code).first()
        )
        record = services.salary_raise_early(actor=request.user, person=person, reason=reason, **data)
        return Response(SalaryRecordSerializer(record).data, status=status.HTTP_201_CREATED)
