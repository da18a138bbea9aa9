"""API shapes of appointments and movements: shape only; the services check the rules and audit.

Persons are addressed by uuid, units and posts by code; dates accept yyyy-mm-dd and dd/mm/yyyy.
"""

from rest_framework import serializers

from canbo.core.api import ModelSerializer, Serializer, VnDateField
from canbo.org.models import OrgUnit
from canbo.people.models import Person, Position

from .choices import AppointmentKind, AppointmentStatus, Direction, MovementKind
from .models import Appointment, Movement
from .services.movements import BATCH_LIMIT

VERSION_HELP = "Phiên bản của bản ghi khi đọc (trường version); bản ghi đã bị người khác sửa thì trả về 409."


def _code(model, **kwargs):
    return serializers.SlugRelatedField(slug_field="code", queryset=model.objects.all(), **kwargs)


class MovementPersonRefSerializer(ModelSerializer):
    unit = serializers.CharField(source="current_unit.code", read_only=True)

    class Meta:
        model = Person
        fields = ["uuid", "code", "full_name", "date_of_birth", "unit"]
        read_only_fields = fields


class AppointmentSerializer(ModelSerializer):
    person = MovementPersonRefSerializer(read_only=True)
    position = serializers.CharField(source="position.code", read_only=True)
    position_name = serializers.CharField(source="position.name", read_only=True)
    unit = serializers.CharField(source="unit.code", read_only=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    check_gaps = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = Appointment
        fields = [
            "id",
            "person",
            "position",
            "position_name",
            "unit",
            "unit_name",
            "kind",
            "kind_label",
            "status",
            "status_label",
            "previous",
            "check_date",
            "check_gaps",
            "decision_number",
            "decision_date",
            "signer",
            "term_start",
            "term_end",
            "employment",
            "note",
            "version",
        ]
        read_only_fields = fields


class AppointmentDetailSerializer(AppointmentSerializer):
    actions = serializers.SerializerMethodField(help_text="Các bước người dùng được thực hiện lúc này.")

    class Meta(AppointmentSerializer.Meta):
        fields = [*AppointmentSerializer.Meta.fields, "actions"]
        read_only_fields = fields

    def get_actions(self, obj) -> list[str]:
        from .services import appointment_actions

        return appointment_actions(self.context["request"].user, obj)


class AppointmentQuerySerializer(Serializer):
    status = serializers.ChoiceField(choices=AppointmentStatus.choices, required=False, allow_blank=True)
    kind = serializers.ChoiceField(choices=AppointmentKind.choices, required=False, allow_blank=True)
    q = serializers.CharField(required=False, allow_blank=True, max_length=100)


class AppointmentProposeSerializer(Serializer):
    person = serializers.UUIDField(help_text="uuid của hồ sơ cán bộ")
    position = _code(Position, help_text="Mã chức vụ, ví dụ TRUONG_PHONG")
    unit = _code(OrgUnit, help_text="Mã đơn vị")
    kind = serializers.ChoiceField(choices=AppointmentKind.choices)
    note = serializers.CharField(required=False, allow_blank=True, max_length=300, default="")


class AppointmentVersionSerializer(Serializer):
    version = serializers.IntegerField(required=False, min_value=1, help_text=VERSION_HELP)


class AppointmentExtendSerializer(AppointmentVersionSerializer):
    votes_for = serializers.IntegerField(min_value=0, max_value=999, help_text="Số phiếu đồng ý kéo dài.")
    votes_total = serializers.IntegerField(
        min_value=1,
        max_value=999,
        help_text="Tổng số người biểu quyết (bỏ phiếu kín); đồng ý phải trên 50 %.",
    )


class AppointmentCheckSerializer(AppointmentVersionSerializer):
    on = VnDateField(required=False, allow_null=True, help_text="Ngày kiểm tra; mặc định hôm nay.")


class AppointmentDecideSerializer(AppointmentVersionSerializer):
    decision_number = serializers.CharField(max_length=60)
    decision_date = VnDateField()
    signer = serializers.CharField(max_length=200)
    effective_date = VnDateField(required=False, allow_null=True, help_text="Mặc định: ngày quyết định.")


class AppointmentWithdrawSerializer(AppointmentVersionSerializer):
    reason = serializers.CharField(required=False, allow_blank=True, max_length=200, default="")


class MovementSerializer(ModelSerializer):
    person = MovementPersonRefSerializer(read_only=True)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    from_unit = serializers.CharField(source="from_unit.code", read_only=True)
    to_unit = serializers.CharField(source="to_unit.code", read_only=True, allow_null=True, default=None)
    to_position = serializers.CharField(
        source="to_position.code", read_only=True, allow_null=True, default=None
    )
    direction_label = serializers.CharField(source="get_direction_display", read_only=True)

    class Meta:
        model = Movement
        fields = [
            "id",
            "person",
            "kind",
            "kind_label",
            "from_unit",
            "to_unit",
            "to_position",
            "direction",
            "direction_label",
            "start_date",
            "end_date",
            "decision_number",
            "decision_date",
            "reason",
            "employment",
        ]
        read_only_fields = fields


class MovementQuerySerializer(Serializer):
    kind = serializers.ChoiceField(choices=MovementKind.choices, required=False, allow_blank=True)
    direction = serializers.ChoiceField(choices=Direction.choices, required=False, allow_blank=True)
    date_from = VnDateField(required=False, allow_null=True)
    date_to = VnDateField(required=False, allow_null=True)
    q = serializers.CharField(required=False, allow_blank=True, max_length=100)


class _MovementFields(Serializer):
    kind = serializers.ChoiceField(choices=MovementKind.choices)
    to_unit = _code(OrgUnit, required=False, allow_null=True, help_text="Mã đơn vị đến")
    to_position = _code(Position, required=False, allow_null=True, help_text="Mã chức vụ mới")
    start_date = VnDateField(
        required=False, allow_null=True, help_text="Nghỉ hưu: để trống là ngày nghỉ hưu theo NĐ 135/2020."
    )
    end_date = VnDateField(required=False, allow_null=True, help_text="Luân chuyển, biệt phái: thời hạn.")
    decision_number = serializers.CharField(max_length=60)
    decision_date = VnDateField()
    reason = serializers.CharField(required=False, allow_blank=True, max_length=300, default="")

    def service_arguments(self) -> dict:
        data = dict(self.validated_data)
        data.pop("person", None)
        data.pop("persons", None)
        return data


class MovementCreateSerializer(_MovementFields):
    person = serializers.UUIDField(help_text="uuid của hồ sơ cán bộ")


class MovementBatchSerializer(_MovementFields):
    persons = serializers.ListField(
        child=serializers.UUIDField(),
        min_length=1,
        max_length=BATCH_LIMIT,
        help_text=f"uuid của những người cùng một quyết định (tối đa {BATCH_LIMIT}).",
    )
