"""Shared pieces of the training API: the write gate, the documented answers, the base view."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import generics, permissions
from rest_framework.permissions import IsAuthenticated

from canbo.accounts.models import Role
from canbo.accounts.scoping import has_role, user_roles

PROGRAMMES = "Đào tạo, bồi dưỡng – chương trình"
PLANS = "Đào tạo, bồi dưỡng – kế hoạch"
CLASSES = "Đào tạo, bồi dưỡng – lớp và học viên"
STUDY = "Đào tạo, bồi dưỡng – cử đi đào tạo"

WRITERS = (Role.UNIT_OFFICER, Role.PROVINCE_BOARD)


class TrainingWritePermission(permissions.BasePermission):
    """Reads for every signed-in user (selectors scope them); writes only for the roles that write (a view
    may add one, e.g. the Standing Committee on the plan workflow). Whose unit it is, the service decides."""

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        if has_role(request.user, *getattr(view, "write_roles", WRITERS)):
            return True
        roles = user_roles(request.user)
        if Role.LEADER in roles or Role.STANDING_COMMITTEE in roles:
            self.message = "Anh/chị chỉ có quyền xem, không được cập nhật dữ liệu đào tạo, bồi dưỡng."
        else:
            self.message = "Anh/chị không có quyền cập nhật dữ liệu đào tạo, bồi dưỡng."
        return False


class TrainingApi(generics.GenericAPIView):
    permission_classes = [IsAuthenticated, TrainingWritePermission]
    filter_backends: list = []

    def valid(self, serializer_class, *, partial=False):
        serializer = serializer_class(
            data=self.request.data, partial=partial, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        return serializer

    def query(self, serializer_class) -> dict:
        """Query parameters checked by a serializer (bad values → 400 in Vietnamese); blanks dropped."""
        query = serializer_class(data=self.request.query_params, context=self.get_serializer_context())
        query.is_valid(raise_exception=True)
        return {k: v for k, v in query.validated_data.items() if v not in (None, "")}


def query_parameters(spec: list[tuple[str, str, list | None]]) -> list[OpenApiParameter]:
    """(name, description, [(value, label)] or None) → documented query parameters."""
    params = []
    for name, description, choices in spec:
        enum = None
        if choices:
            enum = [str(v) for v, _ in choices if v not in ("", None)]
            description += ": " + "; ".join(f"{v} = {label}" for v, label in choices if v not in ("", None))
        params.append(
            OpenApiParameter(
                name, OpenApiTypes.STR, OpenApiParameter.QUERY, description=description, enum=enum
            )
        )
    return params
