"""Shared pieces of API views: the write gate and Vietnamese paging."""

from rest_framework import permissions
from rest_framework.pagination import PageNumberPagination

from canbo.accounts.models import Role
from canbo.accounts.scoping import has_role, user_roles
from canbo.core.paging import keyset_page, user_filtered


class RegisterWritePermission(permissions.BasePermission):
    """Reads for every signed-in user (selectors scope them); writes only for roles that may write.

    This is a coarse role gate that answers leaders and officials before their input is even read; whether
    the record's unit is the officer's own is decided by the service, which raises PermissionDenied.
    """

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        if has_role(request.user, Role.UNIT_OFFICER, Role.PROVINCE_BOARD):
            return True
        roles = user_roles(request.user)
        if Role.LEADER in roles:
            self.message = "Lãnh đạo chỉ được xem hồ sơ, không được cập nhật."
        elif Role.OFFICIAL in roles:
            self.message = (
                "Anh/chị chỉ được xem hồ sơ của mình; đề nghị sửa hồ sơ sẽ do cán bộ tổ chức duyệt."
            )
        else:
            self.message = "Anh/chị không có quyền cập nhật hồ sơ cán bộ."
        return False


class Pagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 500
    invalid_page_message = "Trang không hợp lệ."
    page_query_description = "Số trang (bắt đầu từ 1)."
    page_size_query_description = "Số bản ghi mỗi trang (mặc định 50, tối đa 500)."


class KeysetPagination(Pagination):
    """Cursor paging for long API lists (canbo.core.paging): `sau`/`truoc` cursors in the `next`/`previous`
    links, `sap_xep` to sort by the view's `sort_columns`; no OFFSET, so any page costs what the first costs.

    `count` is exact when the request filters the list and capped at 10.000 (`count_capped`) for an
    unfiltered one. A request with `page=` is still answered page by page as before (existing clients)."""

    page_query_description = "Số trang (cách cũ; nên dùng liên kết next/previous)."

    def paginate_queryset(self, queryset, request, view=None):
        if request.query_params.get(self.page_query_param):
            self.keyset = None
            return super().paginate_queryset(queryset, request, view)
        self.request = request
        self.keyset = keyset_page(
            request,
            queryset,
            view.sort_columns,
            default=view.default_sort,
            size=self.get_page_size(request),
            count="exact" if self._filtered(request) else "capped",
        )
        return self.keyset.object_list

    def _filtered(self, request) -> bool:
        return user_filtered(request.query_params, ignore=(self.page_size_query_param,))

    def get_paginated_response(self, data):
        if self.keyset is None:
            return super().get_paginated_response(data)
        from rest_framework.response import Response

        page, build = self.keyset, self.request.build_absolute_uri
        return Response(
            {
                "count": page.count,
                "count_capped": page.count_capped,
                "next": build(page.next_url) if page.has_next else None,
                "previous": build(page.previous_url) if page.has_previous else None,
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        result = super().get_paginated_response_schema(schema)
        result["properties"]["count_capped"] = {"type": "boolean", "example": False}
        return result
