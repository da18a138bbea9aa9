"""API plumbing shared by every app: Vietnamese JSON errors, Vietnamese field messages, dual-format dates.

Errors are JSON: `{"detail": "...", "code": "..."}` for refusals, `{field: [messages]}` for bad input.
Services raise Django's ValidationError / PermissionDenied / ConflictError; they map to 400 / 403 / 409.
"""

import copy

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import (
    EmailValidator,
    MaxLengthValidator,
    MaxValueValidator,
    MinLengthValidator,
    MinValueValidator,
)
from django.db import models
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.utils.formatting import lazy_format
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
        return {
            ("non_field_errors" if field == "__all__" else field): [m for e in errors for m in e.messages]
            for field, errors in exc.error_dict.items()
        }
    return {"non_field_errors": exc.messages}


def _permission_message(exc: PermissionDenied) -> str | None:
    """The Vietnamese reason a service gave, if any."""
    if exc.args and isinstance(exc.args[0], str) and exc.args[0]:
        return exc.args[0]
    return None


def exception_handler(exc, context):
    if isinstance(exc, ConflictError):
        return Response({"detail": exc.messages[0], "code": "conflict"}, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, ValidationError):
        return Response(validation_error_detail(exc), status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(detail=_permission_message(exc))
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    for cls, message in _MESSAGES.items():
        if isinstance(exc, cls):
            if cls is exceptions.PermissionDenied and str(exc.detail) != str(cls.default_detail):
                message = str(exc.detail)  # a specific Vietnamese reason (service or permission class)
            if (
                cls is exceptions.AuthenticationFailed
                and getattr(exc.detail, "code", None) != exc.default_code
            ):
                message = str(exc.detail)  # raised with a code of its own: a Vietnamese reason (an API key's)
            response.data = {"detail": message, "code": exc.default_code}
            break
    return response


# --- Vietnamese messages for DRF fields (DRF's own Vietnamese catalogue covers only a few) ---------------

DATE_INPUT_FORMATS = ["iso-8601", "%d/%m/%Y"]
DATE_HELP = "Ngày theo dạng yyyy-mm-dd hoặc dd/mm/yyyy."

_FIELD_MESSAGES = {
    "required": "Trường này là bắt buộc.",
    "null": "Trường này không được để trống.",
    "blank": "Trường này không được để trống.",
    "max_length": "Tối đa {max_length} ký tự.",
    "min_length": "Tối thiểu {min_length} ký tự.",
    "max_value": "Giá trị không được lớn hơn {max_value}.",
    "min_value": "Giá trị không được nhỏ hơn {min_value}.",
    "max_string_length": "Giá trị quá dài.",
    "max_digits": "Tối đa {max_digits} chữ số.",
    "max_decimal_places": "Tối đa {max_decimal_places} chữ số sau dấu thập phân.",
    "max_whole_digits": "Tối đa {max_whole_digits} chữ số trước dấu thập phân.",
    "invalid_choice": "“{input}” không phải là giá trị hợp lệ.",
    "does_not_exist": "Không tìm thấy mã “{value}”.",
    "incorrect_type": "Kiểu dữ liệu không hợp lệ.",
    "not_a_list": "Cần một danh sách.",
    "empty": "Danh sách không được để trống.",
    "datetime": "Cần một ngày, không phải ngày giờ.",
    "date": "Cần ngày giờ, không phải chỉ ngày.",
    "overflow": "Giá trị vượt quá giới hạn.",
}
_INVALID_MESSAGES = [
    (serializers.BooleanField, "Cần giá trị đúng/sai (true/false)."),
    (serializers.IntegerField, "Cần một số nguyên."),
    (serializers.DecimalField, "Cần một số (dùng dấu chấm thập phân, ví dụ 2.34)."),
    (serializers.FloatField, "Cần một số."),
    (serializers.DateTimeField, "Ngày giờ không hợp lệ."),
    (serializers.DateField, "Ngày không hợp lệ. " + DATE_HELP),
    (serializers.EmailField, "Địa chỉ thư điện tử không hợp lệ."),
    (serializers.UUIDField, "Mã UUID không hợp lệ."),
    (serializers.CharField, "Cần một chuỗi ký tự."),
    (serializers.Field, "Giá trị không hợp lệ."),
]
_LIMIT_VALIDATORS = {
    MaxLengthValidator: "max_length",
    MinLengthValidator: "min_length",
    MaxValueValidator: "max_value",
    MinValueValidator: "min_value",
}


def localize_field(field: serializers.Field) -> serializers.Field:
    """Give a bound DRF field Vietnamese error messages, including those its validators carry."""
    for key in list(field.error_messages):
        if key == "invalid":
            field.error_messages[key] = next(m for cls, m in _INVALID_MESSAGES if isinstance(field, cls))
        elif key in _FIELD_MESSAGES:
            field.error_messages[key] = _FIELD_MESSAGES[key]
    validators = []
    for validator in field.validators:
        key = _LIMIT_VALIDATORS.get(type(validator))
        if key:
            validator = copy.copy(validator)
            validator.message = lazy_format(_FIELD_MESSAGES[key], **{key: validator.limit_value})
        elif type(validator) is EmailValidator:
            validator = copy.copy(validator)
            validator.message = field.error_messages["invalid"]
        validators.append(validator)
    field.validators = validators
    return field


def percent_field(help_text: str | None = None) -> serializers.DecimalField:
    """A share in %, one decimal (canbo.core.numbers.share), a JSON number; null when there is nothing to
    divide by."""
    return serializers.DecimalField(
        max_digits=7, decimal_places=1, coerce_to_string=False, allow_null=True, help_text=help_text
    )


class VnDateField(serializers.DateField):
    """A date given as ISO 8601 (2019-12-31) or the Vietnamese way (31/12/2019); answered in ISO 8601."""

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", DATE_INPUT_FORMATS)
        super().__init__(**kwargs)


class VietnameseMessagesMixin:
    """Every field of the serializer reports errors in Vietnamese."""

    default_error_messages = {"invalid": "Dữ liệu không hợp lệ: cần một đối tượng JSON."}

    def get_fields(self):
        fields = super().get_fields()
        for field in fields.values():
            localize_field(field)
        return fields


class Serializer(VietnameseMessagesMixin, serializers.Serializer):
    pass


class ModelSerializer(VietnameseMessagesMixin, serializers.ModelSerializer):
    """Model serializers whose dates accept dd/mm/yyyy. Shape only: rules and uniqueness are the services'."""

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.DateField: VnDateField,
    }

    def get_validators(self):
        return []  # unique (together) checks belong to the services' full_clean


class ErrorSerializer(serializers.Serializer):
    """Shape of a refusal (401/403/404/409) in the schema."""

    detail = serializers.CharField(help_text="Thông báo bằng tiếng Việt")
    code = serializers.CharField(help_text="Mã lỗi")


# Schema answers shared by every endpoint (the bodies come from the exception handler above).
BAD_INPUT = OpenApiResponse(
    OpenApiTypes.OBJECT, description="Dữ liệu không hợp lệ hoặc bị từ chối: {trường: [thông báo]}"
)
REFUSED = OpenApiResponse(ErrorSerializer, description="Chưa đăng nhập hoặc không có quyền")
NOT_FOUND = OpenApiResponse(ErrorSerializer, description="Không có hoặc ngoài phạm vi được xem")
CONFLICT = OpenApiResponse(ErrorSerializer, description="Bản ghi đã được người khác cập nhật (version cũ)")
DELETED = OpenApiResponse(description="Đã xóa")


def parse_query(serializer_class, request) -> dict:
    """Validate query parameters with a serializer; bad values answer 400 with Vietnamese messages."""
    query = serializer_class(data=request.query_params)
    query.is_valid(raise_exception=True)
    return {k: v for k, v in query.validated_data.items() if v not in (None, "")}


def form_errors(form: forms.Form) -> exceptions.ValidationError:
    """A Django form's (already Vietnamese) errors as a 400 answer."""
    return exceptions.ValidationError(
        {("non_field_errors" if k == "__all__" else k): list(v) for k, v in form.errors.items()}
    )


def form_query_parameters(form_class: type[forms.Form]) -> list[OpenApiParameter]:
    """OpenAPI query parameters described from a filter form, so the schema follows the form."""
    params = []
    for name, field in form_class.base_fields.items():
        enum, description = None, str(field.label)
        if isinstance(field, forms.ChoiceField):
            choices = [(str(value), label) for value, label in field.choices if value not in ("", None)]
            enum = [value for value, _label in choices]
            description += ": " + "; ".join(f"{value} = {label}" for value, label in choices)
        params.append(
            OpenApiParameter(
                name, OpenApiTypes.STR, OpenApiParameter.QUERY, description=description, enum=enum
            )
        )
    return params
