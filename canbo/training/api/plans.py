"""The programme catalogue, annual plans (workflow, lines, per-unit breakdown, achievement) and units' needs."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response

from canbo.accounts.api_views import Pagination
from canbo.accounts.models import Role
from canbo.accounts.scoping import unit_visibility_q
from canbo.core.api import BAD_INPUT, CONFLICT, DELETED, NOT_FOUND, REFUSED

from .. import services
from ..models import PlanAllocation, PlanLine, PlanTransition, Programme, TrainingNeed
from ..plan_figures import plan_achievements
from ..selectors import plan_queryset_for
from ..serializers import (
    AllocationSerializer,
    AllocationWriteSerializer,
    NeedSerializer,
    NeedWriteSerializer,
    PlanCreateSerializer,
    PlanDetailSerializer,
    PlanLineSerializer,
    PlanLineWriteSerializer,
    PlanListSerializer,
    PlanTransitionRequestSerializer,
    PlanUpdateSerializer,
    ProgrammeSerializer,
)
from .base import PLANS, PROGRAMMES, WRITERS, TrainingApi
from .queries import NeedQuerySerializer, PlanQuerySerializer, ProgrammeQuerySerializer
from .responses import AchievementSerializer, achievement_data

# --- catalogue ---------------------------------------------------------------------------------------------


@extend_schema(tags=[PROGRAMMES])
class ProgrammeListApi(TrainingApi):
    serializer_class = ProgrammeSerializer

    def get_queryset(self):
        return Programme.objects.order_by("sort_order", "code")

    @extend_schema(
        summary="Danh mục chương trình đào tạo, bồi dưỡng",
        parameters=[ProgrammeQuerySerializer],
        responses={200: ProgrammeSerializer(many=True), 400: BAD_INPUT, 403: REFUSED},
    )
    def get(self, request):
        query = self.query(ProgrammeQuerySerializer)
        programmes = self.get_queryset().filter(**query)
        return Response(ProgrammeSerializer(programmes, many=True).data)


@extend_schema(tags=[PROGRAMMES])
class ProgrammeDetailApi(TrainingApi):
    serializer_class = ProgrammeSerializer

    @extend_schema(
        summary="Một chương trình", responses={200: ProgrammeSerializer, 403: REFUSED, 404: NOT_FOUND}
    )
    def get(self, request, code):
        return Response(ProgrammeSerializer(get_object_or_404(Programme, code=code)).data)


# --- plans -------------------------------------------------------------------------------------------------


class PlanApi(TrainingApi):
    def get_queryset(self):
        return plan_queryset_for(user=self.request.user)

    def plan(self, *, detail=False):
        """The plan of the URL among those the user may read; 404 otherwise."""
        qs = self.get_queryset()
        if detail:
            lines = PlanLine.objects.select_related("programme", "responsible_unit").prefetch_related(
                Prefetch("allocations", PlanAllocation.objects.select_related("unit"))
            )
            qs = qs.prefetch_related(
                Prefetch("lines", lines),
                Prefetch("transitions", PlanTransition.objects.select_related("actor")),
            )
        return get_object_or_404(qs, pk=self.kwargs["pk"])

    def answer(self, code=status.HTTP_200_OK):
        """The plan as it now stands, read again with its lines, allocations and steps."""
        plan = self.plan(detail=True)
        return Response(PlanDetailSerializer(plan, context=self.get_serializer_context()).data, status=code)


@extend_schema(tags=[PLANS])
class PlanListApi(PlanApi):
    serializer_class = PlanListSerializer
    pagination_class = Pagination

    @extend_schema(
        summary="Danh sách kế hoạch đào tạo, bồi dưỡng",
        parameters=[PlanQuerySerializer],
        responses={200: PlanListSerializer(many=True), 400: BAD_INPUT, 403: REFUSED},
    )
    def get(self, request):
        query = self.query(PlanQuerySerializer)
        plans = self.get_queryset().filter(**query)
        page = self.paginate_queryset(plans)
        return self.get_paginated_response(PlanListSerializer(page, many=True).data)

    @extend_schema(
        summary="Lập kế hoạch (dự thảo)",
        request=PlanCreateSerializer,
        responses={201: PlanDetailSerializer, 400: BAD_INPUT, 403: REFUSED},
    )
    def post(self, request):
        plan = services.plan_create(actor=request.user, **self.valid(PlanCreateSerializer).validated_data)
        self.kwargs["pk"] = plan.pk
        return self.answer(status.HTTP_201_CREATED)


@extend_schema(tags=[PLANS])
class PlanDetailApi(PlanApi):
    serializer_class = PlanDetailSerializer

    @extend_schema(
        summary="Một kế hoạch: các dòng, phân bổ, các bước xử lý và thao tác được phép",
        responses={200: PlanDetailSerializer, 403: REFUSED, 404: NOT_FOUND},
    )
    def get(self, request, pk):
        return self.answer()

    @extend_schema(
        summary="Sửa tên, ghi chú của kế hoạch dự thảo (gửi kèm version)",
        request=PlanUpdateSerializer,
        responses={200: PlanDetailSerializer, 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND, 409: CONFLICT},
    )
    def patch(self, request, pk):
        plan = self.plan()
        arguments = self.valid(PlanUpdateSerializer, partial=True).service_arguments()
        services.plan_update(actor=request.user, plan=plan, **arguments)
        return self.answer()


@extend_schema(tags=[PLANS])
class PlanTransitionApi(PlanApi):
    serializer_class = PlanTransitionRequestSerializer
    write_roles = (*WRITERS, Role.STANDING_COMMITTEE)

    @extend_schema(
        summary="Chuyển bước: trình, thẩm định, phê duyệt, ban hành, trả lại (gửi kèm version)",
        request=PlanTransitionRequestSerializer,
        responses={200: PlanDetailSerializer, 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND, 409: CONFLICT},
    )
    def post(self, request, pk):
        plan = self.plan()
        data = dict(self.valid(PlanTransitionRequestSerializer).validated_data)
        services.plan_transition(actor=request.user, plan=plan, expected_version=data.pop("version"), **data)
        return self.answer()


@extend_schema(tags=[PLANS])
class PlanLineListApi(PlanApi):
    serializer_class = PlanLineSerializer

    @extend_schema(
        summary="Các dòng (chỉ tiêu) của kế hoạch",
        responses={200: PlanLineSerializer(many=True), 403: REFUSED, 404: NOT_FOUND},
    )
    def get(self, request, pk):
        return Response(PlanLineSerializer(self.plan(detail=True).lines.all(), many=True).data)

    @extend_schema(
        summary="Thêm một dòng vào kế hoạch dự thảo",
        request=PlanLineWriteSerializer,
        responses={201: PlanLineSerializer, 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND},
    )
    def post(self, request, pk):
        plan = self.plan()
        data = self.valid(PlanLineWriteSerializer).validated_data
        line = services.plan_line_save(actor=request.user, plan=plan, data=data)
        return Response(PlanLineSerializer(line).data, status=status.HTTP_201_CREATED)


class LineApi(PlanApi):
    def line(self):
        qs = PlanLine.objects.filter(plan=self.plan()).select_related("plan", "programme", "responsible_unit")
        return get_object_or_404(qs, pk=self.kwargs["line_id"])


@extend_schema(tags=[PLANS])
class PlanLineDetailApi(LineApi):
    serializer_class = PlanLineSerializer

    @extend_schema(
        summary="Một dòng kế hoạch", responses={200: PlanLineSerializer, 403: REFUSED, 404: NOT_FOUND}
    )
    def get(self, request, pk, line_id):
        return Response(PlanLineSerializer(self.line()).data)

    @extend_schema(
        summary="Sửa một dòng của kế hoạch dự thảo",
        request=PlanLineWriteSerializer,
        responses={200: PlanLineSerializer, 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND},
    )
    def patch(self, request, pk, line_id):
        line = self.line()
        data = self.valid(PlanLineWriteSerializer, partial=True).validated_data
        line = services.plan_line_save(actor=request.user, plan=line.plan, data=data, line=line)
        return Response(PlanLineSerializer(line).data)

    @extend_schema(
        summary="Xóa một dòng của kế hoạch dự thảo",
        responses={204: DELETED, 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND},
    )
    def delete(self, request, pk, line_id):
        services.plan_line_delete(actor=request.user, line=self.line())
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(tags=[PLANS])
class PlanAllocationApi(LineApi):
    serializer_class = AllocationSerializer

    @extend_schema(
        summary="Phân bổ chỉ tiêu của một dòng cho các đơn vị",
        responses={200: AllocationSerializer(many=True), 403: REFUSED, 404: NOT_FOUND},
    )
    def get(self, request, pk, line_id):
        allocations = self.line().allocations.select_related("unit").order_by("unit__path")
        return Response(AllocationSerializer(allocations, many=True).data)

    @extend_schema(
        summary="Đặt chỉ tiêu, kinh phí của một đơn vị (0 để bỏ); trả về toàn bộ phân bổ của dòng",
        request=AllocationWriteSerializer,
        responses={200: AllocationSerializer(many=True), 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND},
    )
    def post(self, request, pk, line_id):
        line = self.line()
        services.plan_allocation_set(
            actor=request.user, line=line, **self.valid(AllocationWriteSerializer).validated_data
        )
        allocations = line.allocations.select_related("unit").order_by("unit__path")
        return Response(AllocationSerializer(allocations, many=True).data)


@extend_schema(tags=[PLANS])
class PlanLinesFromNeedsApi(PlanApi):
    serializer_class = PlanDetailSerializer

    @extend_schema(
        summary="Tổng hợp nhu cầu của các đơn vị thành các dòng kế hoạch (kèm phân bổ)",
        request=None,
        responses={200: PlanDetailSerializer, 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND},
    )
    def post(self, request, pk):
        services.plan_lines_from_needs(actor=request.user, plan=self.plan())
        return self.answer()


@extend_schema(tags=[PLANS])
class PlanAchievementApi(PlanApi):
    serializer_class = AchievementSerializer

    @extend_schema(
        summary="Kết quả thực hiện: chỉ tiêu, thực hiện (lượt, người), tỷ lệ đạt theo dòng và theo đơn vị",
        responses={200: AchievementSerializer, 403: REFUSED, 404: NOT_FOUND},
    )
    def get(self, request, pk):
        figures = plan_achievements(user=request.user, plan=self.plan())
        return Response(AchievementSerializer(achievement_data(figures)).data)


# --- needs -------------------------------------------------------------------------------------------------


@extend_schema(tags=[PLANS])
class NeedListApi(TrainingApi):
    serializer_class = NeedSerializer
    pagination_class = Pagination

    def get_queryset(self):
        """Needs of the units the user may see."""
        needs = TrainingNeed.objects.select_related("unit", "programme").order_by("-year", "unit__path", "id")
        visible = unit_visibility_q(self.request.user, "unit__path")
        return needs if visible is None else needs.filter(visible)

    @extend_schema(
        summary="Nhu cầu đào tạo, bồi dưỡng các đơn vị đã đăng ký",
        parameters=[NeedQuerySerializer],
        responses={200: NeedSerializer(many=True), 400: BAD_INPUT, 403: REFUSED},
    )
    def get(self, request):
        query = self.query(NeedQuerySerializer)
        needs = self.get_queryset()
        if "year" in query:
            needs = needs.filter(year=query["year"])
        if "unit" in query:
            needs = needs.filter(unit__path__startswith=query["unit"].path)
        page = self.paginate_queryset(needs)
        return self.get_paginated_response(NeedSerializer(page, many=True).data)

    @extend_schema(
        summary="Đăng ký (hoặc sửa) nhu cầu của đơn vị cho một năm",
        request=NeedWriteSerializer,
        responses={201: NeedSerializer, 400: BAD_INPUT, 403: REFUSED},
    )
    def post(self, request):
        need = services.need_submit(actor=request.user, **self.valid(NeedWriteSerializer).validated_data)
        return Response(NeedSerializer(need).data, status=status.HTTP_201_CREATED)
