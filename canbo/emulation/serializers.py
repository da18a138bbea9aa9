"""API shapes of emulation and commendation (enum field names distinct from other apps')."""

from rest_framework import serializers

from canbo.org.models import OrgUnit

from .choices import AwardForm, RecipientKind
from .models import Award, EmulationMovement, Registration

DATE = {"input_formats": ["%d/%m/%Y", "iso-8601"]}


class EmulationUnitField(serializers.SlugRelatedField):
    def __init__(self, **kwargs):
        super().__init__(slug_field="code", queryset=OrgUnit.objects.all(), **kwargs)
        self.error_messages["does_not_exist"] = "Không có đơn vị mã “{value}”."


class MovementCodeField(serializers.SlugRelatedField):
    def __init__(self, **kwargs):
        super().__init__(slug_field="code", queryset=EmulationMovement.objects.all(), **kwargs)
        self.error_messages["does_not_exist"] = "Không có phong trào mã “{value}”."


class EmulationMovementSerializer(serializers.ModelSerializer):
    class Meta:
        model = EmulationMovement
        fields = ["code", "name", "start_year", "end_year", "launched_by"]


class RegistrationSerializer(serializers.ModelSerializer):
    movement = serializers.CharField(source="movement.code", read_only=True)
    recipient_kind = serializers.ChoiceField(source="kind", choices=RecipientKind.choices, read_only=True)
    unit = serializers.CharField(source="unit.code", read_only=True)
    person = serializers.UUIDField(source="person.uuid", read_only=True, allow_null=True)
    recipient = serializers.CharField(read_only=True)

    class Meta:
        model = Registration
        fields = [
            "id",
            "movement",
            "year",
            "recipient_kind",
            "unit",
            "person",
            "recipient",
            "registered_on",
            "note",
        ]
        read_only_fields = fields


class RegistrationCreateSerializer(serializers.Serializer):
    movement = MovementCodeField()
    year = serializers.IntegerField()
    recipient_kind = serializers.ChoiceField(choices=RecipientKind.choices)
    unit = EmulationUnitField(required=False, allow_null=True)
    person = serializers.UUIDField(required=False, allow_null=True)
    registered_on = serializers.DateField(required=False, allow_null=True, **DATE)
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=300)


class AwardSerializer(serializers.ModelSerializer):
    award_form = serializers.ChoiceField(source="form", choices=AwardForm.choices, read_only=True)
    recipient_kind = serializers.ChoiceField(source="kind", choices=RecipientKind.choices, read_only=True)
    unit = serializers.CharField(source="unit.code", read_only=True)
    person = serializers.UUIDField(source="person.uuid", read_only=True, allow_null=True)
    recipient = serializers.CharField(read_only=True)
    movement = serializers.CharField(source="movement.code", read_only=True, allow_null=True)

    class Meta:
        model = Award
        fields = [
            "id",
            "version",
            "award_form",
            "recipient_kind",
            "unit",
            "person",
            "recipient",
            "year",
            "movement",
            "decision_number",
            "decision_date",
            "issuing_body",
            "revoked_on",
            "revocation_decision_number",
            "revocation_reason",
        ]
        read_only_fields = fields


class AwardCreateSerializer(serializers.Serializer):
    award_form = serializers.ChoiceField(choices=AwardForm.choices)
    recipient_kind = serializers.ChoiceField(choices=RecipientKind.choices)
    unit = EmulationUnitField(required=False, allow_null=True)
    person = serializers.UUIDField(required=False, allow_null=True)
    year = serializers.IntegerField()
    movement = MovementCodeField(required=False, allow_null=True)
    decision_number = serializers.CharField(max_length=60)
    decision_date = serializers.DateField(**DATE)
    issuing_body = serializers.CharField(max_length=200)


class AwardRevokeSerializer(serializers.Serializer):
    version = serializers.IntegerField(required=False)
    on = serializers.DateField(**DATE)
    decision_number = serializers.CharField(max_length=60)
    reason = serializers.CharField(max_length=300)
