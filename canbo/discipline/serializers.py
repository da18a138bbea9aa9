"""API shapes of discipline cases and decisions (shape only; the services check the rules and audit).
Persons by uuid, units by code; dates yyyy-mm-dd or dd/mm/yyyy."""

from rest_framework import serializers

from canbo.core.api import ModelSerializer, Serializer, VnDateField

from .models import (
    CaseStatus,
    DeferralReason,
    DisciplineAct,
    DisciplineCase,
    DisciplineForm,
    DisciplineRecord,
)

VERSION_HELP = "Phiên bản của vụ việc khi đọc (trường version); đã bị người khác sửa thì trả về 409."


class DisciplinePersonRefSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    code = serializers.CharField(read_only=True)
    full_name = serializers.CharField(read_only=True)


class DisciplineActSerializer(ModelSerializer):
    class Meta:
        model = DisciplineAct
        fields = ["description", "committed_on", "form"]


class DisciplineCaseSerializer(ModelSerializer):
    person = DisciplinePersonRefSerializer(read_only=True)
    unit = serializers.CharField(source="unit.code", read_only=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    acts = DisciplineActSerializer(many=True, read_only=True)

    class Meta:
        model = DisciplineCase
        fields = [
            "id", "version", "person", "unit", "unit_name", "category", "is_leader", "opened_on", "duty_related",
            "status",
            "status_label", "proposed_form", "required_form", "explanation", "deferral_reason", "deferred_until",
            "note", "acts",
        ]  # fmt: skip
        read_only_fields = fields


class DisciplineRecordSerializer(ModelSerializer):
    person = DisciplinePersonRefSerializer(read_only=True)
    unit = serializers.CharField(source="unit.code", read_only=True, default=None)
    form_label = serializers.CharField(source="get_form_display", read_only=True)

    class Meta:
        model = DisciplineRecord
        fields = [
            "id", "person", "unit", "form", "form_label", "decision_number", "decided_on", "effective_until",
            "authority", "reason", "duty_related", "case",
        ]  # fmt: skip
        read_only_fields = fields


class CaseQuerySerializer(Serializer):
    status = serializers.ChoiceField(choices=CaseStatus.choices, required=False)
    q = serializers.CharField(required=False, max_length=100, help_text="Tìm theo họ tên, mã hồ sơ")


class ActInputSerializer(Serializer):
    description = serializers.CharField(max_length=500)
    committed_on = VnDateField()
    form = serializers.ChoiceField(choices=DisciplineForm.choices)


class CaseOpenSerializer(Serializer):
    person = serializers.UUIDField(help_text="uuid của người bị xem xét kỷ luật")
    opened_on = VnDateField()
    acts = ActInputSerializer(many=True, help_text="Mỗi hành vi một hình thức đề nghị")
    duty_related = serializers.BooleanField(
        required=False,
        default=True,
        help_text="Vi phạm liên quan đến thực thi nhiệm vụ, công vụ (mặc định: có); kỷ luật vì vi phạm này thì "
        "năm đó xếp loại “Không hoàn thành nhiệm vụ”.",
    )
    note = serializers.CharField(required=False, allow_blank=True, max_length=300)


class VersionSerializer(Serializer):
    version = serializers.IntegerField(required=False, min_value=1, help_text=VERSION_HELP)


class CaseReviewSerializer(VersionSerializer):
    proposed_form = serializers.ChoiceField(choices=DisciplineForm.choices)


class CaseDeferSerializer(VersionSerializer):
    reason = serializers.ChoiceField(choices=DeferralReason.choices)
    until = VnDateField(required=False, allow_null=True)
    child_born_on = VnDateField(required=False, allow_null=True)


class CaseDecideSerializer(VersionSerializer):
    decision_number = serializers.CharField(max_length=60)
    decided_on = VnDateField()
    authority = serializers.CharField(required=False, allow_blank=True, max_length=200)
    effective_until = VnDateField(required=False, allow_null=True)


class PromotionBlockSerializer(Serializer):
    person = serializers.UUIDField()
    blocked_until = serializers.DateField(
        allow_null=True, help_text="Ngày sớm nhất được bổ nhiệm chức vụ cao hơn"
    )
