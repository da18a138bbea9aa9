"""Shared pieces of API views: the write gate and Vietnamese paging."""

from rest_framework import permissions
from rest_framework.pagination import PageNumberPagination

from canbo.accounts.models import Role
from canbo.accounts.scoping import has_role, user_roles


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
