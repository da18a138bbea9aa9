"""API shapes of the salary history and raises (shape only; the services check the rules and audit).
Persons by uuid, units by code, scales by code; dates yyyy-mm-dd or dd/mm/yyyy; months mm/yyyy."""

from rest_framework import serializers

from canbo.core.api import ModelSerializer, Serializer, VnDateField

from .models import Allowance, AllowanceKind, ChangeKind, SalaryRecord


class PersonRefSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    code = serializers.CharField(read_only=True)
    full_name = serializers.CharField(read_only=True)


class AllowanceSerializer(ModelSerializer):
    class Meta:
        model = Allowance
        fields = ["kind", "coefficient", "percent"]


class SalaryRecordSerializer(ModelSerializer):
    person = PersonRefSerializer(read_only=True)
    unit = serializers.CharField(source="unit.code", read_only=True)
    scale = serializers.CharField(source="scale.code", read_only=True)
    rank = serializers.CharField(source="rank.code", read_only=True, default=None)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    early_reason = serializers.CharField(source="early_reason.code", read_only=True, default=None)
    allowances = AllowanceSerializer(many=True, read_only=True)

    class Meta:
        model = SalaryRecord
        fields = [
            "id", "person", "unit", "kind", "kind_label", "effective_on", "counted_from", "rank", "scale", "step",
            "coefficient", "seniority_percent", "decision_number", "decision_date", "early_reason", "early_months",
            "note", "allowances",
        ]  # fmt: skip
        read_only_fields = fields


class RecordQuerySerializer(Serializer):
    person = serializers.UUIDField(required=False, help_text="uuid của người")
    kind = serializers.ChoiceField(choices=ChangeKind.choices, required=False)
    date_from = VnDateField(required=False)
    date_to = VnDateField(required=False)


class AllowanceInputSerializer(Serializer):
    kind = serializers.ChoiceField(choices=AllowanceKind.choices)
    coefficient = serializers.CharField(required=False, allow_blank=True, max_length=10)
    percent = serializers.CharField(required=False, allow_blank=True, max_length=10)


class RecordCreateSerializer(Serializer):
    person = serializers.UUIDField(help_text="uuid của người")
    kind = serializers.ChoiceField(choices=ChangeKind.choices)
    effective_on = VnDateField()
    counted_from = VnDateField(required=False, allow_null=True)
    scale = serializers.CharField(max_length=10, help_text="Mã nhóm, loại lương: A1, A2.1, B, …")
    step = serializers.IntegerField(min_value=1, max_value=16)
    coefficient = serializers.DecimalField(max_digits=4, decimal_places=2, required=False, allow_null=True)
    seniority_percent = serializers.IntegerField(min_value=0, max_value=100, required=False, default=0)
    decision_number = serializers.CharField(max_length=60, required=False, allow_blank=True)
    decision_date = VnDateField(required=False, allow_null=True)
    note = serializers.CharField(max_length=300, required=False, allow_blank=True)
    allowances = AllowanceInputSerializer(many=True, required=False)


class DueQuerySerializer(Serializer):
    month = serializers.DateField(input_formats=["%m/%Y", "%Y-%m", "iso-8601"], help_text="Tháng: mm/yyyy")
    unit = serializers.CharField(required=False, max_length=30, help_text="Mã đơn vị")
    overdue = serializers.BooleanField(required=False, default=False)


class RaiseDueSerializer(serializers.Serializer):
    person = PersonRefSerializer(read_only=True)
    unit = serializers.CharField(source="person.current_unit.code", read_only=True)
    scale = serializers.CharField(source="scale_code", read_only=True)
    step = serializers.IntegerField(read_only=True)
    coefficient = serializers.DecimalField(max_digits=4, decimal_places=2, read_only=True)
    seniority_percent = serializers.IntegerField(read_only=True)
    next_kind = serializers.CharField(source="next.kind", read_only=True)
    next_step = serializers.IntegerField(source="next.step", read_only=True)
    next_coefficient = serializers.DecimalField(
        source="next.coefficient", max_digits=4, decimal_places=2, read_only=True
    )
    next_seniority_percent = serializers.IntegerField(source="next.seniority_percent", read_only=True)
    counted_from = serializers.DateField(read_only=True)
    discipline_months = serializers.IntegerField(read_only=True)
    leave_months = serializers.DecimalField(max_digits=4, decimal_places=1, read_only=True)
    due_on = serializers.DateField(read_only=True)


class BatchRaiseSerializer(Serializer):
    persons = serializers.ListField(child=serializers.UUIDField(), min_length=1, max_length=1000)
    decision_number = serializers.CharField(max_length=60)
    decision_date = VnDateField(required=False, allow_null=True)


class EarlyRaiseSerializer(Serializer):
    person = serializers.UUIDField()
    reason = serializers.CharField(max_length=30, help_text="Mã lý do: THANH_TICH_12, THANH_TICH_9, …")
    months = serializers.IntegerField(min_value=1, max_value=12)
    effective_on = VnDateField()
    decision_number = serializers.CharField(max_length=60)
    decision_date = VnDateField(required=False, allow_null=True)
    note = serializers.CharField(max_length=300, required=False, allow_blank=True)
