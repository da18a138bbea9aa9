"""Shapes of the people sent to study and the steps of their record."""

from rest_framework import serializers

from canbo.core.api import ModelSerializer, Serializer, VnDateField

from ..choices import StudyStatus
from ..models import StudyAssignment
from .fields import PlanLineField, ProgrammeCodeField, coded, read_code, read_label, version_field


class StudySerializer(ModelSerializer):
    person = read_code("person.uuid")
    person_name = read_code("person.full_name")
    unit = read_code("unit.code")
    unit_name = read_code("unit.name")
    programme = read_code("programme.code")
    programme_name = read_code("programme.name")
    mode_label = read_label("mode")
    venue_label = read_label("venue")
    funding_label = read_label("funding")
    status = coded(StudyStatus.choices, "Trạng thái")
    status_label = read_label("status")
    rule = serializers.CharField(source="rule.legal_basis", read_only=True, allow_null=True, default=None)

    class Meta:
        model = StudyAssignment
        fields = [
            "id",
            "person",
            "person_name",
            "unit",
            "unit_name",
            "programme",
            "programme_name",
            "plan_line",
            "institution",
            "field_of_study",
            "mode",
            "mode_label",
            "venue",
            "venue_label",
            "start_date",
            "expected_end",
            "funding",
            "funding_label",
            "cost",
            "status",
            "status_label",
            "rule",
            "commitment_months",
            "decision_number",
            "decision_date",
            "end_date",
            "commitment_end",
            "refund_amount",
            "note",
            "enrolment",
            "version",
        ]
        read_only_fields = fields


class StudyProposeSerializer(ModelSerializer):
    person = serializers.UUIDField(help_text="uuid của cán bộ được đề nghị cử đi học")
    programme = ProgrammeCodeField()
    plan_line = PlanLineField(required=False, allow_null=True)

    class Meta:
        model = StudyAssignment
        fields = [
            "person",
            "programme",
            "plan_line",
            "institution",
            "field_of_study",
            "mode",
            "venue",
            "start_date",
            "expected_end",
            "funding",
            "cost",
            "note",
        ]


class StudySendSerializer(Serializer):
    decision_number = serializers.CharField(max_length=60, help_text="Số quyết định cử đi học")
    decision_date = VnDateField(help_text="Ngày quyết định")
    version = version_field()


class StudyCompleteSerializer(Serializer):
    end_date = VnDateField(help_text="Ngày tốt nghiệp")
    certificate_number = serializers.CharField(max_length=60, required=False, allow_blank=True, default="")
    certificate_date = VnDateField(required=False, allow_null=True, default=None)
    version = version_field()


class StudyDropSerializer(Serializer):
    on = VnDateField(help_text="Ngày thôi học")
    reason = serializers.CharField(max_length=300, help_text="Lý do")
    version = version_field()


class StudyBreachSerializer(Serializer):
    left_on = VnDateField(help_text="Ngày thôi việc")
    reason = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    version = version_field()
