"""REST API of imports: POST a file (queued; 202 with the run's address), GET a run. Same service as the page."""

from django.core.exceptions import ValidationError
from django.urls import reverse
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from canbo.core.client_ip import client_ip

from .models import ImportJob
from .selectors import import_job_get_for_user
from .services import import_job_start, require_import


class ImportUploadSerializer(serializers.Serializer):
    file = serializers.FileField(
        help_text="Tệp .xlsx theo tệp mẫu",
        error_messages={
            "required": "Hãy gửi tệp .xlsx trong trường “file”.",
            "invalid": "Dữ liệu gửi lên không phải là tệp.",
            "empty": "Tệp rỗng.",
            "no_name": "Không xác định được tên tệp.",
        },
    )
    dry_run = serializers.BooleanField(
        required=False, default=False, help_text="Chỉ kiểm tra, không ghi dữ liệu"
    )


class ImportErrorSerializer(serializers.Serializer):
    sheet = serializers.CharField(help_text="Trang tính")
    row = serializers.IntegerField(help_text="Số dòng trong Excel")
    column = serializers.CharField(help_text="Cột")
    message = serializers.CharField(help_text="Lý do")


class ImportJobSerializer(serializers.ModelSerializer):
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    created_by = serializers.CharField(source="created_by.username", read_only=True)
    errors = ImportErrorSerializer(many=True, read_only=True)
    marked_file = serializers.SerializerMethodField(
        help_text="Địa chỉ tải tệp đã gửi, các ô lỗi được tô đỏ và ghi chú lý do (chỉ khi có lỗi)"
    )

    class Meta:
        model = ImportJob
        fields = [
            "id",
            "file_name",
            "file_size",
            "dry_run",
            "status",
            "status_label",
            "message",
            "counts",
            "error_count",
            "errors",
            "marked_file",
            "created_by",
            "created_at",
            "finished_at",
        ]
        read_only_fields = fields

    def get_marked_file(self, obj) -> str | None:
        run = obj.job
        return reverse("api-job-file", args=[run.pk]) if run is not None and run.has_file else None


@extend_schema(tags=["Nhập dữ liệu"])
class ImportCreateApi(APIView):
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        summary="Nhập tệp .xlsx (chạy nền; xem kết quả ở địa chỉ trong Location)",
        request={"multipart/form-data": ImportUploadSerializer},
        responses={
            202: OpenApiResponse(
                ImportJobSerializer, description="Đã nhận tệp; lượt nhập chạy nền, theo dõi bằng GET Location"
            ),
            400: OpenApiResponse(description="Tệp không nhận được (sai loại, rỗng, quá lớn)"),
            403: OpenApiResponse(description="Không có quyền nhập dữ liệu"),
        },
    )
    def post(self, request):
        require_import(request.user)
        upload = ImportUploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        try:
            job = import_job_start(
                actor=request.user,
                upload=upload.validated_data["file"],
                dry_run=upload.validated_data["dry_run"],
                remote_addr=client_ip(request),
            )
        except ValidationError as exc:
            return Response(exc.message_dict, status=status.HTTP_400_BAD_REQUEST)
        location = reverse("api-import-detail", args=[job.pk])
        return Response(
            ImportJobSerializer(job).data, status=status.HTTP_202_ACCEPTED, headers={"Location": location}
        )


@extend_schema(tags=["Nhập dữ liệu"])
class ImportDetailApi(APIView):
    @extend_schema(
        summary="Kết quả một lượt nhập",
        responses={
            200: ImportJobSerializer,
            404: OpenApiResponse(description="Không có hoặc không phải của anh/chị"),
        },
    )
    def get(self, request, job_id):
        job = import_job_get_for_user(user=request.user, job_id=job_id)
        return Response(ImportJobSerializer(job).data)
