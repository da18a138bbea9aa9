"""Classes, enrolment (one person or a list, all or nothing), the class list, enrolments and their results."""

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, status
from rest_framework.response import Response

from canbo.accounts.api_views import Pagination
from canbo.core.api import BAD_INPUT, CONFLICT, DELETED, NOT_FOUND, REFUSED, form_errors
from canbo.jobs.api import JobSerializer, accepted
from canbo.people.selectors import person_queryset_for

from .. import services
from ..bulk import enrol_persons_start
from ..choices import EnrolmentResult
from ..forms import EnrolmentFilterForm
from ..selectors import class_queryset_for, class_roster, enrolment_filter_q, enrolment_queryset_for
from ..serializers import (
    BatchSerializer,
    BulkEnrolRequestSerializer,
    ClassSerializer,
    ClassUpdateSerializer,
    ClassWriteSerializer,
    EnrolmentResultSerializer,
    EnrolmentSerializer,
    EnrolRequestSerializer,
)
from .base import CLASSES, TrainingApi
from .filters import ENROLMENT_PARAMETERS
from .queries import ClassQuerySerializer

CHUNK = 5000  # uuids per IN (...)


def persons_by_uuid(user, uuids) -> dict:
    """{uuid: person id} for the persons among `uuids` whom the user may see."""
    found = {}
    visible = person_queryset_for(user=user).order_by()
    for i in range(0, len(uuids), CHUNK):
        found.update(visible.filter(uuid__in=uuids[i : i + CHUNK]).values_list("uuid", "pk"))
    return found


def unknown_persons(field: str, missing: list) -> exceptions.ValidationError:
    shown = ", ".join(str(u) for u in missing[:10]) + (
        f" và {len(missing) - 10} mã khác" if len(missing) > 10 else ""
    )
    return exceptions.ValidationError(
        {field: [f"Không tìm thấy {len(missing)} cán bộ trong phạm vi anh/chị được xem: {shown}."]}
    )


def with_fill(classes):
    return classes.annotate(
        enrolled=Count("enrolments", filter=~Q(enrolments__result=EnrolmentResult.WITHDRAWN))
    )


class ClassApi(TrainingApi):
    def get_queryset(self):
        return class_queryset_for(user=self.request.user)

    def klass(self, *, fill=False):
        """The class of the URL among those the user may see; 404 otherwise."""
        qs = class_queryset_for(user=self.request.user)
        return get_object_or_404(with_fill(qs) if fill else qs, pk=self.kwargs["pk"])

    def answer(self, code=status.HTTP_200_OK):
        return Response(ClassSerializer(self.klass(fill=True)).data, status=code)


@extend_schema(tags=[CLASSES])
class ClassListApi(ClassApi):
    serializer_class = ClassSerializer
    pagination_class = Pagination

    @extend_schema(
        summary="Danh sách lớp đào tạo, bồi dưỡng",
        parameters=[ClassQuerySerializer],
        responses={200: ClassSerializer(many=True), 400: BAD_INPUT, 403: REFUSED},
    )
    def get(self, request):
        query = self.query(ClassQuerySerializer)
        classes = self.get_queryset()
        if "year" in query:
            classes = classes.filter(start_date__year=query["year"])
        if "programme" in query:
            classes = classes.filter(programme=query["programme"])
        if "unit" in query:
            classes = classes.filter(organiser_unit__path__startswith=query["unit"].path)
        if "plan_line" in query:
            classes = classes.filter(plan_line_id=query["plan_line"])
        if "q" in query:
            classes = classes.filter(Q(code__icontains=query["q"]) | Q(name__icontains=query["q"]))
        page = self.paginate_queryset(with_fill(classes).order_by("-start_date", "code"))
        return self.get_paginated_response(ClassSerializer(page, many=True).data)

    @extend_schema(
        summary="Mở lớp",
        request=ClassWriteSerializer,
        responses={201: ClassSerializer, 400: BAD_INPUT, 403: REFUSED},
    )
    def post(self, request):
        data = self.valid(ClassWriteSerializer).validated_data
        klass = services.class_create(actor=request.user, data=data)
        self.kwargs["pk"] = klass.pk
        return self.answer(status.HTTP_201_CREATED)


@extend_schema(tags=[CLASSES])
class ClassDetailApi(ClassApi):
    serializer_class = ClassSerializer

    @extend_schema(summary="Một lớp", responses={200: ClassSerializer, 403: REFUSED, 404: NOT_FOUND})
    def get(self, request, pk):
        return self.answer()

    @extend_schema(
        summary="Sửa thông tin lớp (gửi kèm version); các lượt học của lớp được cập nhật theo",
        request=ClassUpdateSerializer,
        responses={200: ClassSerializer, 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND, 409: CONFLICT},
    )
    def patch(self, request, pk):
        klass = self.klass()
        arguments = self.valid(ClassUpdateSerializer, partial=True).service_arguments()
        services.class_update(actor=request.user, klass=klass, **arguments)
        return self.answer()


@extend_schema(tags=[CLASSES])
class EnrolApi(ClassApi):
    serializer_class = EnrolmentSerializer

    @extend_schema(
        summary="Ghi danh một người vào lớp",
        request=EnrolRequestSerializer,
        responses={201: EnrolmentSerializer, 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND},
    )
    def post(self, request, pk):
        klass = self.klass()
        uuid = self.valid(EnrolRequestSerializer).validated_data["person"]
        person = (
            person_queryset_for(user=request.user).select_related("current_unit").filter(uuid=uuid).first()
        )
        if person is None:
            raise unknown_persons("person", [uuid])
        enrolment = services.enrol(actor=request.user, training_class=klass, person=person)
        enrolment = enrolment_queryset_for(user=request.user).get(pk=enrolment.pk)
        return Response(EnrolmentSerializer(enrolment).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=[CLASSES])
class BulkEnrolApi(ClassApi):
    serializer_class = BatchSerializer

    @extend_schema(
        summary="Ghi danh nhiều người (tất cả hoặc không ai), chạy nền: theo dõi ở địa chỉ Location",
        request=BulkEnrolRequestSerializer,
        responses={202: JobSerializer, 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND},
    )
    def post(self, request, pk):
        klass = self.klass()
        data = self.valid(BulkEnrolRequestSerializer).validated_data
        uuids = list(dict.fromkeys(data["persons"]))
        found = persons_by_uuid(request.user, uuids)
        missing = [u for u in uuids if u not in found]
        if missing:
            raise unknown_persons("persons", missing)
        job = enrol_persons_start(
            actor=request.user,
            klass=klass,
            person_ids=[found[u] for u in uuids],
            skip_existing=data["skip_existing"],
        )
        return accepted(job)


@extend_schema(tags=[CLASSES])
class RosterApi(ClassApi):
    serializer_class = EnrolmentSerializer
    pagination_class = Pagination

    def get_queryset(self):
        return class_roster(user=self.request.user, klass=self.klass())

    @extend_schema(
        summary="Danh sách học viên của lớp (người ngoài đơn vị quản lý lớp chỉ thấy người của đơn vị mình)",
        responses={200: EnrolmentSerializer(many=True), 403: REFUSED, 404: NOT_FOUND},
    )
    def get(self, request, pk):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(EnrolmentSerializer(page, many=True).data)


# --- enrolments (lượt) -------------------------------------------------------------------------------------


@extend_schema(tags=[CLASSES])
class EnrolmentListApi(TrainingApi):
    serializer_class = EnrolmentSerializer
    pagination_class = Pagination

    def get_queryset(self):
        return enrolment_queryset_for(user=self.request.user)

    @extend_schema(
        summary="Danh sách lượt học (cùng bộ lọc với trang danh sách lượt học và các số liệu báo cáo)",
        parameters=ENROLMENT_PARAMETERS,
        responses={200: EnrolmentSerializer(many=True), 400: BAD_INPUT, 403: REFUSED},
    )
    def get(self, request):
        form = EnrolmentFilterForm(request.query_params, user=request.user)
        if not form.is_valid():
            raise form_errors(form)
        enrolments = self.get_queryset().filter(enrolment_filter_q(form.filters(), user=request.user))
        page = self.paginate_queryset(enrolments.order_by("-start_date", "id"))
        return self.get_paginated_response(EnrolmentSerializer(page, many=True).data)


@extend_schema(tags=[CLASSES])
class EnrolmentDetailApi(TrainingApi):
    serializer_class = EnrolmentSerializer

    def get_queryset(self):
        return enrolment_queryset_for(user=self.request.user).select_related(
            "training_class__organiser_unit", "person__current_unit"
        )

    def enrolment(self):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    @extend_schema(summary="Một lượt học", responses={200: EnrolmentSerializer, 403: REFUSED, 404: NOT_FOUND})
    def get(self, request, pk):
        return Response(EnrolmentSerializer(self.enrolment()).data)

    @extend_schema(
        summary="Ghi kết quả học tập (gửi kèm version); hoàn thành chương trình có cấp văn bằng thì văn bằng "
        "được ghi vào hồ sơ",
        request=EnrolmentResultSerializer,
        responses={200: EnrolmentSerializer, 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND, 409: CONFLICT},
    )
    def patch(self, request, pk):
        enrolment = self.enrolment()
        arguments = self.valid(EnrolmentResultSerializer, partial=True).service_arguments()
        services.record_result(actor=request.user, enrolment=enrolment, **arguments)
        return Response(EnrolmentSerializer(self.enrolment()).data)

    @extend_schema(
        summary="Bỏ một người khỏi danh sách lớp (ghi danh nhầm; chưa có kết quả)",
        responses={204: DELETED, 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND},
    )
    def delete(self, request, pk):
        services.enrolment_remove(actor=request.user, enrolment=self.enrolment())
        return Response(status=status.HTTP_204_NO_CONTENT)
