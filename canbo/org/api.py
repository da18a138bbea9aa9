"""REST API of the organisation tree (read only; the tree changes through canbo.org.services)."""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework.response import Response

from canbo.accounts.api_views import Pagination
from canbo.core.api import ErrorSerializer, parse_query

from .selectors import unit_get_for_user, unit_list, unit_predecessors, unit_successors
from .serializers import UnitDetailSerializer, UnitQuerySerializer, UnitSerializer

_NOT_FOUND = OpenApiResponse(ErrorSerializer, description="Đơn vị không có hoặc ngoài phạm vi được xem")
_REFUSED = OpenApiResponse(ErrorSerializer, description="Chưa đăng nhập")


@extend_schema(tags=["Đơn vị"])
class UnitListApi(generics.ListAPIView):
    """Units the user may see, in tree order, optionally as of a date."""

    serializer_class = UnitSerializer
    pagination_class = Pagination
    filter_backends: list = []

    def get_queryset(self):
        query = parse_query(UnitQuerySerializer, self.request)
        units = unit_list(user=self.request.user, on=query.get("on"))
        for field in ("level", "sector", "kind"):
            if field in query:
                units = units.filter(**{field: query[field]})
        return units.select_related("parent")

    @extend_schema(
        summary="Danh sách đơn vị",
        parameters=[UnitQuerySerializer],
        responses={
            200: UnitSerializer(many=True),
            400: OpenApiResponse(description="Tham số không hợp lệ"),
            403: _REFUSED,
        },
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


@extend_schema(tags=["Đơn vị"])
class UnitDetailApi(generics.GenericAPIView):
    serializer_class = UnitDetailSerializer
    filter_backends: list = []

    @extend_schema(
        summary="Thông tin một đơn vị",
        responses={200: UnitDetailSerializer, 403: _REFUSED, 404: _NOT_FOUND},
    )
    def get(self, request, code: str):
        unit = unit_get_for_user(user=request.user, code=code)
        context = {
            **self.get_serializer_context(),
            "predecessors": list(unit_predecessors(unit=unit).values_list("code", flat=True)),
            "successors": list(unit_successors(unit=unit).values_list("code", flat=True)),
        }
        return Response(UnitDetailSerializer(unit, context=context).data)
