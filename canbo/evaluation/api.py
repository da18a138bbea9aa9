"""REST API of the annual rating: thin doors over the selectors (scoped; outside → 404) and the services
(rules, rights, audit). An official reaches only their own sheets; self-assessing another's sheet is refused."""

from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from canbo.accounts.access import WritesCadreWork
from canbo.accounts.api_views import Pagination
from canbo.core.api import BAD_INPUT, CONFLICT, NOT_FOUND, REFUSED

from . import deliverables, services
from .selectors import (
    campaign_get_for_user,
    campaign_queryset_for,
    deliverable_get_for_user,
    my_sheets,
    sheet_get_for_user,
    sheet_list,
    sheet_tasks_score,
)
from .serializers import (
    RatingCampaignCreateSerializer,
    RatingCampaignSerializer,
    RatingDecideSerializer,
    RatingDeliverableInputSerializer,
    RatingDeliverableListSerializer,
    RatingFactsSerializer,
    RatingProposeSerializer,
    RatingSelfAssessSerializer,
    RatingSheetSerializer,
    RatingVersionSerializer,
)

TAG = "Đánh giá, xếp loại"


class RatingApi(generics.GenericAPIView):
    permission_classes = [IsAuthenticated]
    filter_backends: list = []

    def valid(self, serializer_class) -> dict:
        serializer = serializer_class(data=self.request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)


@extend_schema(tags=[TAG])
class CampaignListApi(RatingApi):
    permission_classes = [*RatingApi.permission_classes, WritesCadreWork]
    serializer_class = RatingCampaignSerializer
    pagination_class = Pagination

    @extend_schema(
        summary="Các đợt đánh giá, xếp loại anh/chị được xem",
        responses={200: RatingCampaignSerializer(many=True)},
    )
    def get(self, request):
        page = self.paginate_queryset(
            campaign_queryset_for(user=request.user).order_by("-year", "unit__path")
        )
        return self.get_paginated_response(RatingCampaignSerializer(page, many=True).data)

    @extend_schema(
        summary="Mở đợt đánh giá (tạo phiếu cho mọi người đang công tác của đơn vị và đơn vị trực thuộc)",
        request=RatingCampaignCreateSerializer,
        responses={201: RatingCampaignSerializer, 400: BAD_INPUT, 403: REFUSED},
    )
    def post(self, request):
        data = self.valid(RatingCampaignCreateSerializer)
        campaign = services.campaign_open(actor=request.user, **data)
        return Response(RatingCampaignSerializer(campaign).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=[TAG])
class CampaignDetailApi(RatingApi):
    serializer_class = RatingCampaignSerializer

    @extend_schema(summary="Một đợt đánh giá", responses={200: RatingCampaignSerializer, 404: NOT_FOUND})
    def get(self, request, pk):
        return Response(RatingCampaignSerializer(campaign_get_for_user(user=request.user, pk=pk)).data)


@extend_schema(tags=[TAG])
class CampaignCloseApi(RatingApi):
    serializer_class = RatingVersionSerializer

    @extend_schema(
        summary="Kết thúc đợt đánh giá (mọi phiếu đã có kết quả; HTXS ≤ 20 % HTT mỗi đơn vị)",
        request=RatingVersionSerializer,
        responses={
            200: RatingCampaignSerializer,
            400: BAD_INPUT,
            403: REFUSED,
            404: NOT_FOUND,
            409: CONFLICT,
        },
    )
    def post(self, request, pk):
        campaign = campaign_get_for_user(user=request.user, pk=pk)
        version = self.valid(RatingVersionSerializer).get("version")
        services.campaign_close(actor=request.user, campaign=campaign, expected_version=version)
        return Response(RatingCampaignSerializer(campaign).data)


@extend_schema(tags=[TAG])
class CampaignSheetsApi(RatingApi):
    serializer_class = RatingSheetSerializer
    pagination_class = Pagination

    @extend_schema(
        summary="Phiếu đánh giá của một đợt (trong phạm vi được xem)",
        responses={200: RatingSheetSerializer(many=True), 404: NOT_FOUND},
    )
    def get(self, request, pk):
        campaign = campaign_get_for_user(user=request.user, pk=pk)
        page = self.paginate_queryset(sheet_list(user=request.user, campaign=campaign))
        return self.get_paginated_response(
            RatingSheetSerializer(page, many=True, context=self.get_serializer_context()).data
        )


@extend_schema(tags=[TAG])
class MySheetsApi(RatingApi):
    serializer_class = RatingSheetSerializer

    @extend_schema(
        summary="Phiếu đánh giá của chính anh/chị", responses={200: RatingSheetSerializer(many=True)}
    )
    def get(self, request):
        sheets = my_sheets(user=request.user)
        return Response(RatingSheetSerializer(sheets, many=True, context=self.get_serializer_context()).data)


@extend_schema(tags=[TAG])
class SheetDetailApi(RatingApi):
    serializer_class = RatingSheetSerializer

    @extend_schema(
        summary="Một phiếu đánh giá, với các bước anh/chị được làm",
        responses={200: RatingSheetSerializer, 404: NOT_FOUND},
    )
    def get(self, request, pk):
        sheet = sheet_get_for_user(user=request.user, pk=pk)
        return Response(RatingSheetSerializer(sheet, context=self.get_serializer_context()).data)


STEPS = {
    "self-assess": (
        RatingSelfAssessSerializer,
        services.sheet_self_assess,
        "Tự đánh giá (chỉ người được đánh giá)",
    ),
    "propose": (RatingProposeSerializer, services.sheet_propose, "Ghi đề xuất xếp loại của người quản lý"),
    "decide": (RatingDecideSerializer, services.sheet_decide, "Ghi kết quả xếp loại của cấp có thẩm quyền"),
    "facts": (
        RatingFactsSerializer,
        services.sheet_set_facts,
        "Sửa số tháng công tác, số tháng nghỉ, nghỉ thai sản",
    ),
}


def _step(action: str):
    serializer_class, call, summary = STEPS[action]

    @extend_schema(
        tags=[TAG],
        summary=summary,
        request=serializer_class,
        responses={200: RatingSheetSerializer, 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND, 409: CONFLICT},
    )
    def post(self, request, pk):
        sheet = sheet_get_for_user(user=request.user, pk=pk)
        data = self.valid(serializer_class)
        version = data.pop("version", None)
        call(actor=request.user, sheet=sheet, expected_version=version, **data)
        sheet = sheet_get_for_user(user=request.user, pk=pk)
        return Response(RatingSheetSerializer(sheet, context=self.get_serializer_context()).data)

    name = "".join(part.title() for part in action.split("-"))
    return type(f"Sheet{name}Api", (RatingApi,), {"post": post, "serializer_class": serializer_class})


SheetSelfAssessApi = _step("self-assess")
SheetProposeApi = _step("propose")
SheetDecideApi = _step("decide")
SheetFactsApi = _step("facts")


def _deliverables_body(sheet):
    return {"tasks_score": sheet_tasks_score(sheet=sheet), "items": list(sheet.deliverables.all())}


@extend_schema(tags=[TAG])
class SheetDeliverablesApi(RatingApi):
    serializer_class = RatingDeliverableListSerializer

    @extend_schema(
        summary="Sản phẩm, nhiệm vụ theo tháng / quý của phiếu và điểm kết quả nhiệm vụ tính được (NĐ 335)",
        responses={200: RatingDeliverableListSerializer, 404: NOT_FOUND},
    )
    def get(self, request, pk):
        sheet = sheet_get_for_user(user=request.user, pk=pk)
        return Response(RatingDeliverableListSerializer(_deliverables_body(sheet)).data)

    @extend_schema(
        summary="Thêm sản phẩm (người được đánh giá khi tự đánh giá; cán bộ tổ chức trước khi có kết quả)",
        request=RatingDeliverableInputSerializer,
        responses={
            201: RatingDeliverableListSerializer,
            400: BAD_INPUT,
            403: REFUSED,
            404: NOT_FOUND,
            409: CONFLICT,
        },
    )
    def post(self, request, pk):
        sheet = sheet_get_for_user(user=request.user, pk=pk)
        data = self.valid(RatingDeliverableInputSerializer)
        version = data.pop("version", None)
        deliverables.deliverable_add(actor=request.user, sheet=sheet, data=data, expected_version=version)
        sheet = sheet_get_for_user(user=request.user, pk=pk)
        body = RatingDeliverableListSerializer(_deliverables_body(sheet)).data
        return Response(body, status=status.HTTP_201_CREATED)


@extend_schema(tags=[TAG])
class DeliverableDetailApi(RatingApi):
    serializer_class = RatingDeliverableListSerializer

    @extend_schema(
        summary="Sửa một sản phẩm của phiếu",
        request=RatingDeliverableInputSerializer,
        responses={
            200: RatingDeliverableListSerializer,
            400: BAD_INPUT,
            403: REFUSED,
            404: NOT_FOUND,
            409: CONFLICT,
        },
    )
    def put(self, request, pk):
        item = deliverable_get_for_user(user=request.user, pk=pk)
        data = self.valid(RatingDeliverableInputSerializer)
        version = data.pop("version", None)
        deliverables.deliverable_update(
            actor=request.user, deliverable=item, data=data, expected_version=version
        )
        sheet = sheet_get_for_user(user=request.user, pk=item.sheet_id)
        return Response(RatingDeliverableListSerializer(_deliverables_body(sheet)).data)

    @extend_schema(
        summary="Xóa một sản phẩm của phiếu",
        request=RatingVersionSerializer,
        responses={
            200: RatingDeliverableListSerializer,
            400: BAD_INPUT,
            403: REFUSED,
            404: NOT_FOUND,
            409: CONFLICT,
        },
    )
    def delete(self, request, pk):
        item = deliverable_get_for_user(user=request.user, pk=pk)
        version = self.valid(RatingVersionSerializer).get("version")
        deliverables.deliverable_delete(actor=request.user, deliverable=item, expected_version=version)
        sheet = sheet_get_for_user(user=request.user, pk=item.sheet_id)
        return Response(RatingDeliverableListSerializer(_deliverables_body(sheet)).data)
