"""REST API of jobs: an API client that started long work (an import, a bulk enrolment, a review campaign)
follows it at the address it was given (202 + Location) and downloads its file. Only the starter sees a job."""

from django.http import FileResponse, Http404
from django.urls import reverse
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from .models import Job
from .selectors import job_get


class JobSerializer(serializers.ModelSerializer):
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    file_url = serializers.SerializerMethodField(help_text="Địa chỉ tải tệp kết quả, khi có")

    class Meta:
        model = Job
        fields = [
            "id", "kind", "title", "status", "status_label", "stage", "done", "total", "percent", "message",
            "errors", "result", "created_at", "started_at", "finished_at", "file_url",
        ]  # fmt: skip
        read_only_fields = fields

    def get_file_url(self, job) -> str | None:
        return reverse("api-job-file", args=[job.pk]) if job.has_file else None


def accepted(job: Job) -> Response:
    """The answer of an API door that queued work: 202, the job, and where to follow it."""
    location = reverse("api-job-detail", args=[job.pk])
    return Response(JobSerializer(job).data, status=202, headers={"Location": location})


@extend_schema(tags=["Tác vụ nền"])
class JobDetailApi(APIView):
    @extend_schema(
        summary="Trạng thái, tiến độ và kết quả một tác vụ nền",
        responses={
            200: JobSerializer,
            404: OpenApiResponse(description="Không có hoặc không phải của anh/chị"),
        },
    )
    def get(self, request, job_id):
        return Response(JobSerializer(job_get(user=request.user, job_id=job_id)).data)


@extend_schema(tags=["Tác vụ nền"])
class JobFileApi(APIView):
    @extend_schema(
        summary="Tải tệp kết quả của tác vụ",
        responses={(200, "application/octet-stream"): bytes, 404: OpenApiResponse(description="Chưa có tệp")},
    )
    def get(self, request, job_id):
        job = job_get(user=request.user, job_id=job_id)
        if not job.has_file:
            raise Http404("Tệp chưa sẵn sàng hoặc đã bị xoá theo thời hạn lưu.")
        response = FileResponse(job.result_file.open("rb"), as_attachment=True, filename=job.result_name)
        response["Cache-Control"] = "no-store"
        return response
