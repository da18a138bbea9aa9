"""REST API of the personnel register: persons, their employment history and qualifications.

Thin doors: serializers check the shape, selectors scope every read (outside the user's units → 404), and
every write is one call to canbo.people.services, which checks the rules, the unit and the version and audits.
"""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from canbo.accounts.api_views import KeysetPagination, RegisterWritePermission
from canbo.core.api import (
    BAD_INPUT,
    CONFLICT,
    DELETED,
    NOT_FOUND,
    REFUSED,
    form_errors,
    form_query_parameters,
)
from canbo.core.db_router import replica_reads

from . import services
from .filters import PersonFilterForm
from .selectors import (
    PERSON_DEFAULT_SORT,
    PERSON_SORT_COLUMNS,
    person_get_for_user,
    person_list,
    person_timeline,
)
from .serializers import (
    EmploymentCreateSerializer,
    EmploymentSerializer,
    EmploymentUpdateSerializer,
    PersonCreateSerializer,
    PersonDetailSerializer,
    PersonListSerializer,
    PersonUpdateSerializer,
    QualificationCreateSerializer,
    QualificationSerializer,
    QualificationUpdateSerializer,
)

PERSONS = "Cán bộ, công chức, viên chức"
EMPLOYMENTS = "Quá trình công tác"
QUALIFICATIONS = "Văn bằng, chứng chỉ"


class RegisterApi(generics.GenericAPIView):
    permission_classes = [IsAuthenticated, RegisterWritePermission]
    filter_backends: list = []

    def person(self):
        """The person of the URL, scoped to the user; 404 outside their units."""
        if not hasattr(self, "_person"):
            self._person = person_get_for_user(user=self.request.user, uuid=self.kwargs["uuid"])
        return self._person

    def valid(self, serializer_class, *, partial=False):
        serializer = serializer_class(
            data=self.request.data, partial=partial, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        return serializer


# --- persons -----------------------------------------------------------------------------------------------


@extend_schema(tags=[PERSONS])
class PersonListApi(RegisterApi, generics.ListAPIView):
    serializer_class = PersonListSerializer
    pagination_class = KeysetPagination
    sort_columns, default_sort = PERSON_SORT_COLUMNS, PERSON_DEFAULT_SORT

    def get_queryset(self):
        form = PersonFilterForm(self.request.query_params, user=self.request.user)
        if not form.is_valid():
            raise form_errors(form)
        return person_list(user=self.request.user, filters=form.filters())

    @extend_schema(
        summary="Danh sách cán bộ (lọc, tìm kiếm, phân trang)",
        parameters=form_query_parameters(PersonFilterForm),
        responses={200: PersonListSerializer(many=True), 400: BAD_INPUT, 403: REFUSED},
    )
    @replica_reads()
    def get(self, request, *args, **kwargs):
        return self.list(request, *args, **kwargs)

    @extend_schema(
        summary="Thêm hồ sơ cán bộ cùng quá trình công tác đầu tiên",
        request=PersonCreateSerializer,
        responses={201: PersonDetailSerializer, 400: BAD_INPUT, 403: REFUSED},
    )
    def post(self, request):
        serializer = self.valid(PersonCreateSerializer)
        person = services.person_create(actor=request.user, **serializer.service_arguments())
        return Response(PersonDetailSerializer(person).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=[PERSONS])
class PersonDetailApi(RegisterApi):
    serializer_class = PersonDetailSerializer

    @extend_schema(
        summary="Hồ sơ một cán bộ", responses={200: PersonDetailSerializer, 403: REFUSED, 404: NOT_FOUND}
    )
    def get(self, request, uuid):
        return Response(PersonDetailSerializer(self.person(), context={"request": request}).data)

    @extend_schema(
        summary="Sửa hồ sơ (gửi kèm version đã đọc)",
        request=PersonUpdateSerializer,
        responses={
            200: PersonDetailSerializer,
            400: BAD_INPUT,
            403: REFUSED,
            404: NOT_FOUND,
            409: CONFLICT,
        },
    )
    def patch(self, request, uuid):
        person = self.person()
        serializer = self.valid(PersonUpdateSerializer, partial=True)
        person = services.person_update(actor=request.user, person=person, **serializer.service_arguments())
        return Response(PersonDetailSerializer(person).data)

    @extend_schema(
        summary="Xóa hồ sơ nhập nhầm (chỉ Ban Tổ chức)",
        responses={204: DELETED, 403: REFUSED, 404: NOT_FOUND},
    )
    def delete(self, request, uuid):
        services.person_delete(actor=request.user, person=self.person())
        return Response(status=status.HTTP_204_NO_CONTENT)


# --- employment history ------------------------------------------------------------------------------------


@extend_schema(tags=[EMPLOYMENTS])
class EmploymentListApi(RegisterApi):
    serializer_class = EmploymentSerializer

    def get_queryset(self):
        return person_timeline(person=self.person())

    @extend_schema(
        summary="Quá trình công tác của một cán bộ",
        responses={200: EmploymentSerializer(many=True), 403: REFUSED, 404: NOT_FOUND},
    )
    def get(self, request, uuid):
        return Response(EmploymentSerializer(self.get_queryset(), many=True).data)

    @extend_schema(
        summary="Thêm một quá trình công tác (điều động, bổ nhiệm...)",
        request=EmploymentCreateSerializer,
        responses={201: EmploymentSerializer, 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND},
    )
    def post(self, request, uuid):
        person = self.person()
        serializer = self.valid(EmploymentCreateSerializer)
        employment = services.employment_add(actor=request.user, person=person, **serializer.validated_data)
        return Response(EmploymentSerializer(employment).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=[EMPLOYMENTS])
class EmploymentDetailApi(RegisterApi):
    serializer_class = EmploymentSerializer

    def get_queryset(self):
        return person_timeline(person=self.person())

    def employment(self):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    @extend_schema(
        summary="Một quá trình công tác",
        responses={200: EmploymentSerializer, 403: REFUSED, 404: NOT_FOUND},
    )
    def get(self, request, uuid, pk):
        return Response(EmploymentSerializer(self.employment()).data)

    @extend_schema(
        summary="Sửa một quá trình công tác (gửi kèm version đã đọc)",
        request=EmploymentUpdateSerializer,
        responses={
            200: EmploymentSerializer,
            400: BAD_INPUT,
            403: REFUSED,
            404: NOT_FOUND,
            409: CONFLICT,
        },
    )
    def patch(self, request, uuid, pk):
        employment = self.employment()
        serializer = self.valid(EmploymentUpdateSerializer, partial=True)
        employment = services.employment_update(
            actor=request.user, employment=employment, **serializer.service_arguments()
        )
        return Response(EmploymentSerializer(employment).data)

    @extend_schema(
        summary="Xóa một quá trình công tác nhập nhầm",
        responses={204: DELETED, 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND},
    )
    def delete(self, request, uuid, pk):
        services.employment_delete(actor=request.user, employment=self.employment())
        return Response(status=status.HTTP_204_NO_CONTENT)


# --- qualifications ----------------------------------------------------------------------------------------


@extend_schema(tags=[QUALIFICATIONS])
class QualificationListApi(RegisterApi):
    serializer_class = QualificationSerializer

    def get_queryset(self):
        return self.person().qualifications.all()

    @extend_schema(
        summary="Văn bằng, chứng chỉ của một cán bộ",
        responses={200: QualificationSerializer(many=True), 403: REFUSED, 404: NOT_FOUND},
    )
    def get(self, request, uuid):
        return Response(QualificationSerializer(self.get_queryset(), many=True).data)

    @extend_schema(
        summary="Thêm văn bằng, chứng chỉ",
        request=QualificationCreateSerializer,
        responses={201: QualificationSerializer, 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND},
    )
    def post(self, request, uuid):
        person = self.person()
        serializer = self.valid(QualificationCreateSerializer)
        qualification = services.qualification_add(
            actor=request.user, person=person, **serializer.validated_data
        )
        return Response(QualificationSerializer(qualification).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=[QUALIFICATIONS])
class QualificationDetailApi(RegisterApi):
    serializer_class = QualificationSerializer

    def get_queryset(self):
        return self.person().qualifications.all()

    def qualification(self):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    @extend_schema(
        summary="Một văn bằng, chứng chỉ",
        responses={200: QualificationSerializer, 403: REFUSED, 404: NOT_FOUND},
    )
    def get(self, request, uuid, pk):
        return Response(QualificationSerializer(self.qualification()).data)

    @extend_schema(
        summary="Sửa văn bằng, chứng chỉ (gửi kèm version đã đọc)",
        request=QualificationUpdateSerializer,
        responses={
            200: QualificationSerializer,
            400: BAD_INPUT,
            403: REFUSED,
            404: NOT_FOUND,
            409: CONFLICT,
        },
    )
    def patch(self, request, uuid, pk):
        qualification = self.qualification()
        serializer = self.valid(QualificationUpdateSerializer, partial=True)
        qualification = services.qualification_update(
            actor=request.user, qualification=qualification, **serializer.service_arguments()
        )
        return Response(QualificationSerializer(qualification).data)

    @extend_schema(
        summary="Xóa văn bằng, chứng chỉ nhập nhầm", responses={204: DELETED, 403: REFUSED, 404: NOT_FOUND}
    )
    def delete(self, request, uuid, pk):
        services.qualification_delete(actor=request.user, qualification=self.qualification())
        return Response(status=status.HTTP_204_NO_CONTENT)
