"""API shapes of staffing quotas and streamlining cases: shape only; the services check the rules and audit.

Units are addressed by code, persons by uuid; dates accept yyyy-mm-dd and dd/mm/yyyy.
"""

from rest_framework import serializers

from canbo.core.api import ModelSerializer, Serializer, VnDateField
from canbo.org.models import OrgUnit

from .choices import CaseStatus, DownsizingPolicy, DownsizingReason, QuotaKind
from .models import StaffingQuota, StreamliningCase

VERSION_HELP = "Phiên bản của bản ghi khi đọc (trường version); bản ghi đã bị người khác sửa thì trả về 409."


class QuotaSerializer(ModelSerializer):
    unit = serializers.CharField(source="unit.code", read_only=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    quota_kind = serializers.ChoiceField(source="kind", choices=QuotaKind.choices, read_only=True)
    quota_kind_label = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = StaffingQuota
        fields = [
            "id",
            "unit",
            "unit_name",
            "year",
            "quota_kind",
            "quota_kind_label",
            "approved_count",
            "decision_number",
            "decision_date",
            "note",
            "version",
        ]
        read_only_fields = fields


class QuotaWriteSerializer(Serializer):
    unit = serializers.SlugRelatedField(slug_field="code", queryset=OrgUnit.objects.all(), label="Mã đơn vị")
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    quota_kind = serializers.ChoiceField(choices=QuotaKind.choices)
    approved_count = serializers.IntegerField(min_value=0)
    decision_number = serializers.CharField(max_length=60)
    decision_date = VnDateField()
    note = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")
    version = serializers.IntegerField(min_value=1, required=False, help_text=VERSION_HELP)


class QuotaQuerySerializer(Serializer):
    year = serializers.IntegerField(
        min_value=2000, max_value=2100, required=False, help_text="Mặc định năm nay."
    )
    unit = serializers.CharField(
        max_length=40, required=False, help_text="Mã đơn vị (cả các đơn vị trực thuộc)."
    )


class ProgressSerializer(Serializer):
    unit = serializers.CharField()
    unit_name = serializers.CharField()
    quota_kind = serializers.ChoiceField(choices=QuotaKind.choices)
    base = serializers.IntegerField(allow_null=True, help_text="Số giao năm gốc (2021).")
    approved = serializers.IntegerField(help_text="Số được giao năm này.")
    actual = serializers.IntegerField(
        help_text="Thực có ngày 31/12 (năm nay: hôm nay), cả đơn vị trực thuộc."
    )
    difference = serializers.IntegerField()
    required = serializers.IntegerField(allow_null=True, help_text="Số phải giảm theo lộ trình.")
    achieved = serializers.IntegerField(allow_null=True, help_text="Số đã giảm so với năm gốc.")
    progress = serializers.DecimalField(max_digits=7, decimal_places=1, allow_null=True)


class ProgressResponseSerializer(Serializer):
    year = serializers.IntegerField()
    rows = ProgressSerializer(many=True)
    totals = ProgressSerializer(many=True)


class CaseSerializer(ModelSerializer):
    person = serializers.UUIDField(source="person.uuid", read_only=True)
    person_name = serializers.CharField(source="person.full_name", read_only=True)
    unit = serializers.CharField(source="unit.code", read_only=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    downsizing_reason = serializers.ChoiceField(
        source="reason", choices=DownsizingReason.choices, read_only=True
    )
    downsizing_reason_label = serializers.CharField(source="get_reason_display", read_only=True)
    downsizing_policy = serializers.ChoiceField(
        source="policy", choices=DownsizingPolicy.choices, read_only=True
    )
    case_status = serializers.ChoiceField(source="status", choices=CaseStatus.choices, read_only=True)
    case_status_label = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = StreamliningCase
        fields = [
            "id",
            "person",
            "person_name",
            "unit",
            "unit_name",
            "category",
            "downsizing_reason",
            "downsizing_reason_label",
            "reason_detail",
            "downsizing_policy",
            "case_status",
            "case_status_label",
            "proposed_on",
            "is_pregnant",
            "youngest_child_birth",
            "is_voluntary",
            "under_prosecution",
            "under_inspection",
            "legal_basis",
            "decision_number",
            "decision_date",
            "planned_exit_date",
            "exit_date",
            "rejection_reason",
            "allowance_amount",
            "repaid_on",
            "repaid_amount",
            "version",
        ]
        read_only_fields = fields


class CaseQuerySerializer(Serializer):
    case_status = serializers.ChoiceField(choices=CaseStatus.choices, required=False)
    downsizing_reason = serializers.ChoiceField(choices=DownsizingReason.choices, required=False)
    unit = serializers.CharField(max_length=40, required=False)
    year = serializers.IntegerField(min_value=2000, max_value=2100, required=False, help_text="Năm đề nghị.")
    q = serializers.CharField(max_length=100, required=False, help_text="Tìm theo tên (không dấu cũng được).")


class CaseProposeSerializer(Serializer):
    person = serializers.UUIDField()
    downsizing_reason = serializers.ChoiceField(choices=DownsizingReason.choices)
    reason_detail = serializers.CharField(max_length=500)
    downsizing_policy = serializers.ChoiceField(choices=DownsizingPolicy.choices)
    proposed_on = VnDateField(required=False)
    is_pregnant = serializers.BooleanField(default=False)
    youngest_child_birth = VnDateField(required=False, allow_null=True)
    is_voluntary = serializers.BooleanField(default=False)
    under_prosecution = serializers.BooleanField(default=False)
    under_inspection = serializers.BooleanField(default=False)


def ALLOWANCE():  # noqa: N802 - a field factory read like a field
    return serializers.DecimalField(
        max_digits=14,
        decimal_places=0,
        min_value=0,
        required=False,
        allow_null=True,
        help_text="Số tiền trợ cấp đã nhận (đồng): phải hoàn trả nếu được tuyển dụng lại trong 60 tháng.",
    )


class CaseApproveSerializer(Serializer):
    decision_number = serializers.CharField(max_length=60)
    decision_date = VnDateField()
    planned_exit_date = VnDateField(required=False, allow_null=True)
    exit_date = VnDateField(required=False, allow_null=True, help_text="Đã nghỉ: ghi nhận nghỉ việc luôn.")
    allowance_amount = ALLOWANCE()
    version = serializers.IntegerField(min_value=1, required=False, help_text=VERSION_HELP)


class CaseRejectSerializer(Serializer):
    reason = serializers.CharField(max_length=500)
    version = serializers.IntegerField(min_value=1, required=False, help_text=VERSION_HELP)


class CaseRepaySerializer(Serializer):
    repaid_on = VnDateField()
    repaid_amount = serializers.DecimalField(max_digits=14, decimal_places=0, min_value=1)
    note = serializers.CharField(max_length=300, required=False, allow_blank=True)
    version = serializers.IntegerField(min_value=1, required=False, help_text=VERSION_HELP)


class CaseExitSerializer(Serializer):
    exit_date = VnDateField()
    allowance_amount = ALLOWANCE()
    version = serializers.IntegerField(min_value=1, required=False, help_text=VERSION_HELP)
