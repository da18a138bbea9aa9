"""Shapes of the catalogue, plans (lines, per-unit breakdown, workflow) and units' needs."""

from rest_framework import serializers

from canbo.core.api import ModelSerializer, Serializer, VnDateField
from canbo.people.choices import QualificationScale
from canbo.people.serializers import UnitCodeField, VersionedPatchMixin

from ..choices import PlanStatus, ProgrammeKind
from ..models import PlanAllocation, PlanLine, PlanTransition, Programme, TrainingNeed, TrainingPlan
from ..services import ACTIONS, allowed_actions, is_overdue
from .fields import MODES, AnyUnitCodeField, ProgrammeCodeField, coded, read_code, read_label, version_field


class ProgrammeSerializer(ModelSerializer):
    kind = coded(ProgrammeKind.choices, "Nhóm")
    grants_scale = coded(QualificationScale.choices, "Loại văn bằng được cấp (trống: không cấp)")
    grants_level = serializers.CharField(read_only=True, help_text="Trình độ được cấp (trống: không cấp)")
    kind_label = read_label("kind")
    form_label = read_label("form")
    grants_qualification = serializers.BooleanField(read_only=True)

    class Meta:
        model = Programme
        fields = [
            "code",
            "name",
            "kind",
            "kind_label",
            "form",
            "form_label",
            "grants_qualification",
            "grants_scale",
            "grants_level",
            "typical_months",
            "valid_from",
            "valid_to",
        ]
        read_only_fields = fields


class AllocationSerializer(ModelSerializer):
    unit = read_code("unit.code")
    unit_name = read_code("unit.name")

    class Meta:
        model = PlanAllocation
        fields = ["unit", "unit_name", "target_count", "budget"]
        read_only_fields = fields


class AllocationWriteSerializer(Serializer):
    unit = AnyUnitCodeField(help_text="Mã đơn vị được phân bổ")
    target_count = serializers.IntegerField(min_value=0, help_text="Chỉ tiêu (người); 0 để bỏ phân bổ")
    budget = serializers.IntegerField(min_value=0, required=False, default=0, help_text="Kinh phí (đồng)")


class PlanLineSerializer(ModelSerializer):
    programme = read_code("programme.code")
    programme_name = read_code("programme.name")
    mode_label = read_label("mode")
    venue_label = read_label("venue")
    responsible_unit = read_code("responsible_unit.code")
    responsible_unit_name = read_code("responsible_unit.name")
    allocations = AllocationSerializer(many=True, read_only=True)

    class Meta:
        model = PlanLine
        fields = [
            "id",
            "programme",
            "programme_name",
            "mode",
            "mode_label",
            "venue",
            "venue_label",
            "audience",
            "responsible_unit",
            "responsible_unit_name",
            "target_count",
            "budget",
            "note",
            "allocations",
        ]
        read_only_fields = fields


class PlanLineWriteSerializer(ModelSerializer):
    programme = ProgrammeCodeField()
    responsible_unit = AnyUnitCodeField(help_text="Mã đơn vị chủ trì")
    mode = serializers.ChoiceField(choices=MODES, required=False, allow_blank=True)

    class Meta:
        model = PlanLine
        fields = [
            "programme",
            "mode",
            "venue",
            "audience",
            "responsible_unit",
            "target_count",
            "budget",
            "note",
        ]
        extra_kwargs = {"target_count": {"min_value": 1}}


class TransitionSerializer(ModelSerializer):
    from_status = coded(PlanStatus.choices, "Từ trạng thái")
    to_status = coded(PlanStatus.choices, "Sang trạng thái")
    actor = read_code("actor.username")
    from_status_label = read_label("from_status")
    to_status_label = read_label("to_status")

    class Meta:
        model = PlanTransition
        fields = [
            "from_status",
            "from_status_label",
            "to_status",
            "to_status_label",
            "actor",
            "at",
            "comment",
        ]
        read_only_fields = fields


class ActionSerializer(Serializer):
    action = serializers.CharField(source="code")
    label = serializers.CharField()


class PlanListSerializer(ModelSerializer):
    owner_unit = read_code("owner_unit.code")
    owner_unit_name = read_code("owner_unit.name")
    status = coded(PlanStatus.choices, "Trạng thái")
    status_label = read_label("status")
    overdue = serializers.SerializerMethodField()

    class Meta:
        model = TrainingPlan
        fields = [
            "id",
            "year",
            "owner_unit",
            "owner_unit_name",
            "title",
            "status",
            "status_label",
            "due_date",
            "overdue",
            "decision_number",
            "decision_date",
            "issuing_body",
            "version",
        ]
        read_only_fields = fields

    def get_overdue(self, plan) -> bool:
        return is_overdue(plan)


class PlanDetailSerializer(PlanListSerializer):
    lines = PlanLineSerializer(many=True, read_only=True)
    transitions = TransitionSerializer(many=True, read_only=True)
    allowed_actions = serializers.SerializerMethodField()

    class Meta(PlanListSerializer.Meta):
        fields = [*PlanListSerializer.Meta.fields, "note", "lines", "transitions", "allowed_actions"]
        read_only_fields = fields

    def get_allowed_actions(self, plan) -> ActionSerializer(many=True):
        request = self.context.get("request")
        actions = allowed_actions(request.user, plan) if request else []
        return ActionSerializer(actions, many=True).data


class PlanCreateSerializer(Serializer):
    year = serializers.IntegerField(min_value=1990, max_value=2100, help_text="Năm kế hoạch")
    owner_unit = UnitCodeField(help_text="Mã đơn vị xây dựng kế hoạch")
    title = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    note = serializers.CharField(required=False, allow_blank=True, default="")


class PlanUpdateSerializer(VersionedPatchMixin, Serializer):
    title = serializers.CharField(max_length=300, required=False)
    note = serializers.CharField(required=False, allow_blank=True)
    version = version_field()


class PlanTransitionRequestSerializer(Serializer):
    action = serializers.ChoiceField(
        choices=[(code, a.label) for code, a in ACTIONS.items()], help_text="Bước xử lý"
    )
    comment = serializers.CharField(required=False, allow_blank=True, default="", help_text="Ý kiến")
    decision_number = serializers.CharField(
        max_length=60, required=False, allow_blank=True, default="", help_text="Số văn bản (khi ban hành)"
    )
    decision_date = VnDateField(required=False, allow_null=True, default=None, help_text="Ngày ban hành")
    issuing_body = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    version = version_field()


class NeedSerializer(ModelSerializer):
    unit = read_code("unit.code")
    unit_name = read_code("unit.name")
    programme = read_code("programme.code")
    programme_name = read_code("programme.name")
    mode_label = read_label("mode")

    class Meta:
        model = TrainingNeed
        fields = [
            "id",
            "year",
            "unit",
            "unit_name",
            "programme",
            "programme_name",
            "mode",
            "mode_label",
            "count",
            "note",
            "plan_line",
        ]
        read_only_fields = fields


class NeedWriteSerializer(Serializer):
    year = serializers.IntegerField(min_value=1990, max_value=2100)
    unit = UnitCodeField(help_text="Mã đơn vị đăng ký")
    programme = ProgrammeCodeField()
    mode = serializers.ChoiceField(choices=MODES, required=False, allow_blank=True, default="")
    count = serializers.IntegerField(min_value=1, help_text="Số người")
    note = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
