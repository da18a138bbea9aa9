"""Shapes of classes, enrolment requests, enrolments (lượt) and their results."""

from rest_framework import serializers

from canbo.core.api import ModelSerializer, Serializer
from canbo.people.serializers import UnitCodeField, VersionedPatchMixin

from ..choices import EnrolmentResult
from ..models import Enrolment, TrainingClass
from ..services.classes import CLASS_FIELDS
from ..services.results import RESULT_FIELDS
from .fields import PlanLineField, ProgrammeCodeField, read_code, read_label, version_field


class ClassSerializer(ModelSerializer):
    programme = read_code("programme.code")
    programme_name = read_code("programme.name")
    organiser_unit = read_code("organiser_unit.code")
    organiser_unit_name = read_code("organiser_unit.name")
    mode_label = read_label("mode")
    venue_label = read_label("venue")
    enrolled = serializers.IntegerField(read_only=True, help_text="Số học viên (trừ người thôi học)")

    class Meta:
        model = TrainingClass
        fields = [
            "id",
            "code",
            "name",
            "programme",
            "programme_name",
            "plan_line",
            "organiser_unit",
            "organiser_unit_name",
            "organiser_name",
            "location",
            "venue",
            "venue_label",
            "mode",
            "mode_label",
            "start_date",
            "end_date",
            "capacity",
            "enrolled",
            "cost_per_trainee",
            "version",
        ]
        read_only_fields = fields


class ClassWriteSerializer(ModelSerializer):
    programme = ProgrammeCodeField()
    plan_line = PlanLineField(required=False, allow_null=True)
    organiser_unit = UnitCodeField(help_text="Mã đơn vị quản lý lớp")

    class Meta:
        model = TrainingClass
        fields = CLASS_FIELDS
        extra_kwargs = {"code": {"validators": []}, "capacity": {"min_value": 1}}


class ClassUpdateSerializer(VersionedPatchMixin, ClassWriteSerializer):
    version = version_field()

    class Meta(ClassWriteSerializer.Meta):
        fields = [*CLASS_FIELDS, "version"]


class EnrolRequestSerializer(Serializer):
    person = serializers.UUIDField(help_text="uuid của cán bộ (xem /api/v1/persons/)")


MAX_BULK = 20000


class BulkEnrolRequestSerializer(Serializer):
    persons = serializers.ListField(
        child=serializers.UUIDField(),
        help_text=f"Danh sách uuid cán bộ (tối đa {MAX_BULK:,} người)".replace(",", "."),
    )
    skip_existing = serializers.BooleanField(
        required=False, default=False, help_text="Bỏ qua người đã có trong lớp thay vì từ chối cả danh sách"
    )

    def validate_persons(self, value):
        if not value:
            raise serializers.ValidationError("Chưa chọn người nào để ghi danh.")
        if len(value) > MAX_BULK:
            raise serializers.ValidationError(
                f"Mỗi lần ghi danh tối đa {MAX_BULK:,} người.".replace(",", ".")
            )
        return value


class BatchSerializer(Serializer):
    id = serializers.IntegerField()
    training_class = serializers.CharField(source="training_class.code")
    enrolled = serializers.IntegerField(help_text="Số người được ghi danh")
    skipped = serializers.SerializerMethodField(help_text="Số người đã có trong lớp, được bỏ qua")
    created_at = serializers.DateTimeField()

    def get_skipped(self, batch) -> int:
        return int(batch.criteria.get("skipped", 0))


class EnrolmentSerializer(ModelSerializer):
    person = read_code("person.uuid")
    person_name = read_code("person.full_name")
    training_class = serializers.IntegerField(source="training_class_id", read_only=True, allow_null=True)
    class_code = serializers.CharField(
        source="training_class.code", read_only=True, allow_null=True, default=None
    )
    programme = read_code("programme.code")
    programme_name = read_code("programme.name")
    unit = read_code("unit.code")
    unit_name = read_code("unit.name")
    mode_label = read_label("mode")
    venue_label = read_label("venue")
    result_label = read_label("result")

    class Meta:
        model = Enrolment
        fields = [
            "id",
            "person",
            "person_name",
            "training_class",
            "class_code",
            "programme",
            "programme_name",
            "plan_line",
            "unit",
            "unit_name",
            "mode",
            "mode_label",
            "venue",
            "venue_label",
            "start_date",
            "end_date",
            "result",
            "result_label",
            "result_date",
            "attendance_pct",
            "certificate_number",
            "certificate_date",
            "cost",
            "qualification",
            "version",
        ]
        read_only_fields = fields


class EnrolmentResultSerializer(VersionedPatchMixin, ModelSerializer):
    result = serializers.ChoiceField(choices=EnrolmentResult.choices, required=False)
    attendance_pct = serializers.IntegerField(min_value=0, max_value=100, required=False, allow_null=True)
    version = version_field()

    class Meta:
        model = Enrolment
        fields = [*RESULT_FIELDS, "version"]
