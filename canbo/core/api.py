"""API error handling: every error is JSON with a Vietnamese message."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from canbo.core.exceptions import ConflictError

_MESSAGES = {
    exceptions.NotAuthenticated: "Anh/chị chưa đăng nhập.",
    exceptions.AuthenticationFailed: "Thông tin đăng nhập không đúng.",
    exceptions.PermissionDenied: "Anh/chị không có quyền thực hiện thao tác này.",
    exceptions.NotFound: "Không tìm thấy bản ghi.",
    exceptions.MethodNotAllowed: "Phương thức không được hỗ trợ.",
    exceptions.ParseError: "Dữ liệu gửi lên không đúng định dạng JSON.",
    exceptions.UnsupportedMediaType: "Kiểu dữ liệu gửi lên không được hỗ trợ.",
    exceptions.Throttled: "Quá nhiều yêu cầu, vui lòng thử lại sau.",
}


def validation_error_detail(exc: ValidationError):
    if hasattr(exc, "error_dict"):
        return {field: [m for e in errors for m in e.messages] for field, errors in exc.error_dict.items()}
    return {"non_field_errors": exc.messages}


def exception_handler(exc, context):
    if isinstance(exc, ConflictError):
        return Response({"detail": exc.messages[0], "code": "conflict"}, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, ValidationError):
        return Response(validation_error_detail(exc), status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    for cls, message in _MESSAGES.items():
        if isinstance(exc, cls):
            response.data = {"detail": message, "code": exc.default_code}
            break
    return response
