"""API shapes of the personnel register. They check shape only; the services check the rules and audit.

Persons are addressed by uuid, units by code, posts and ranks by code; dates accept yyyy-mm-dd and dd/mm/yyyy.
"""

from collections.abc import Mapping

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from canbo.accounts.scoping import can_edit_unit, visible_units
from canbo.core.api import ModelSerializer, VnDateField
from canbo.org.models import OrgUnit

from .choices import (
    ALL_LEVEL_CHOICES,
    ETHNICITY_CHOICES,
    QUALIFICATION_LEVELS,
    Gender,
    PersonnelCategory,
    PersonnelMove,
    PersonStatus,
    QualificationScale,
    level_label,
)
from .models import Employment, Person, Position, Qualification, Rank
from .services import EMPLOYMENT_FIELDS, FAMILY_ECONOMY_FIELDS, PERSON_EDITABLE_FIELDS, QUALIFICATION_FIELDS

VERSION_HELP = "Phiên bản của bản ghi khi đọc (trường version); bản ghi đã bị người khác sửa thì trả về 409."
VERSION_REQUIRED = "Cần gửi phiên bản (version) của bản ghi đã đọc để tránh ghi đè thay đổi của người khác."


def _code_of(related) -> serializers.SlugRelatedField:
    return serializers.SlugRelatedField(
        slug_field="code", queryset=related.objects.all(), required=False, allow_null=True
    )


class UnitCodeField(serializers.SlugRelatedField):
    """A unit given by its code; units outside the user's scope are answered as unknown."""

    def __init__(self, **kwargs):
        super().__init__(slug_field="code", queryset=OrgUnit.objects.all(), **kwargs)

    def get_queryset(self):
        return visible_units(self.context["request"].user)


@extend_schema_field(str)
class ChoiceLabelField(serializers.Field):
    """The Vietnamese label of a coded value (`source` is the code's field), read from the choices once.

    Cheaper than `source="get_gender_display"`: DRF inspects the signature of a method source on every row
    (inspect.signature), which was most of the time of the REST list of 50 persons (issue 12)."""

    def __init__(self, choices, **kwargs):
        self.labels = dict(choices)
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return str(self.labels.get(value, value))


# --- persons -----------------------------------------------------------------------------------------------


class PersonListSerializer(ModelSerializer):
    unit = serializers.CharField(source="current_unit.code", read_only=True)
    unit_name = serializers.CharField(source="current_unit.name", read_only=True)
    position = serializers.CharField(source="position.code", read_only=True, allow_null=True, default=None)
    position_name = serializers.CharField(
        source="position.name", read_only=True, allow_null=True, default=None
    )
    gender_label = ChoiceLabelField(Gender.choices, source="gender")
    category_label = ChoiceLabelField(PersonnelCategory.choices, source="category")
    status_label = ChoiceLabelField(PersonStatus.choices, source="status")

    class Meta:
        model = Person
        fields = [
            "uuid",
            "code",
            "full_name",
            "gender",
            "gender_label",
            "date_of_birth",
            "national_id",
            "category",
            "category_label",
            "unit",
            "unit_name",
            "position",
            "position_name",
            "status",
            "status_label",
            "version",
        ]
        read_only_fields = fields


class PersonDetailSerializer(PersonListSerializer):
    rank = serializers.CharField(source="rank.code", read_only=True, allow_null=True, default=None)
    rank_name = serializers.CharField(source="rank.name", read_only=True, allow_null=True, default=None)
    ethnicity_label = ChoiceLabelField(ETHNICITY_CHOICES, source="ethnicity")

    class Meta(PersonListSerializer.Meta):
        fields = [
            *PersonListSerializer.Meta.fields,
            *[f for f in PERSON_EDITABLE_FIELDS if f not in PersonListSerializer.Meta.fields],
            "rank_name",
            "ethnicity_label",
            "status_date",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def to_representation(self, instance):
        """The family's economic situation only for the person and those who may edit the record (as the
        profile page and the printed forms): a leader reading the unit does not get it."""
        data = super().to_representation(instance)
        request = self.context.get("request")
        user = getattr(request, "user", None)
        if (
            user is not None
            and instance.user_id != user.pk
            and not can_edit_unit(user, instance.current_unit)
        ):
            for name in FAMILY_ECONOMY_FIELDS:
                data.pop(name, None)
        return data


class PersonWriteSerializer(ModelSerializer):
    """The profile fields an officer edits (services.PERSON_EDITABLE_FIELDS)."""

    rank = _code_of(Rank)

    class Meta:
        model = Person
        fields = PERSON_EDITABLE_FIELDS
        extra_kwargs = {"national_id": {"validators": []}}


class PersonCreateSerializer(PersonWriteSerializer):
    """A new record and its first employment row."""

    code = serializers.CharField(max_length=20, help_text="Mã hồ sơ")
    unit = UnitCodeField(help_text="Mã đơn vị công tác")
    category = serializers.ChoiceField(choices=PersonnelCategory.choices, help_text="Phân loại")
    start_date = VnDateField(help_text="Ngày bắt đầu công tác tại đơn vị")
    position = _code_of(Position)
    move = serializers.ChoiceField(
        choices=PersonnelMove.choices, required=False, default=PersonnelMove.TUYEN_DUNG
    )
    decision_number = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")

    EMPLOYMENT_FIELDS = ("unit", "category", "start_date", "position", "move", "decision_number")

    class Meta(PersonWriteSerializer.Meta):
        fields = [
            "code",
            *PERSON_EDITABLE_FIELDS,
            "unit",
            "category",
            "start_date",
            "position",
            "move",
            "decision_number",
        ]

    def service_arguments(self) -> dict:
        data = dict(self.validated_data)
        employment = {k: data.pop(k) for k in self.EMPLOYMENT_FIELDS if k in data}
        return {"data": data, **employment}


class VersionedPatchMixin:
    """PATCH bodies carry the version that was read; services compare it (stale → 409)."""

    refused_fields: dict[str, str] = {}

    def to_internal_value(self, data):
        errors = {}
        if isinstance(data, Mapping):
            errors = {f: [message] for f, message in self.refused_fields.items() if f in data}
            if data.get("version") in (None, ""):
                errors["version"] = [VERSION_REQUIRED]
        try:
            value = super().to_internal_value(data)
        except serializers.ValidationError as exc:
            raise serializers.ValidationError({**exc.detail, **errors}) from exc
        if errors:
            raise serializers.ValidationError(errors)
        return value

    def service_arguments(self) -> dict:
        data = dict(self.validated_data)
        return {"expected_version": data.pop("version"), "data": data}


class PersonUpdateSerializer(VersionedPatchMixin, PersonWriteSerializer):
    version = serializers.IntegerField(min_value=1, help_text=VERSION_HELP)

    _VIA_HISTORY = "Đơn vị, chức vụ và phân loại thay đổi qua quá trình công tác (employments)."
    refused_fields = {
        "unit": _VIA_HISTORY,
        "position": _VIA_HISTORY,
        "category": _VIA_HISTORY,
        "status": "Tình trạng (nghỉ hưu, chuyển đi, từ trần) không sửa trực tiếp.",
        "code": "Mã hồ sơ không sửa được.",
    }

    class Meta(PersonWriteSerializer.Meta):
        fields = [*PERSON_EDITABLE_FIELDS, "version"]


# --- employment history ------------------------------------------------------------------------------------


class EmploymentSerializer(ModelSerializer):
    unit = serializers.CharField(source="unit.code", read_only=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    position = serializers.CharField(source="position.code", read_only=True, allow_null=True, default=None)
    position_name = serializers.CharField(
        source="position.name", read_only=True, allow_null=True, default=None
    )
    category_label = ChoiceLabelField(PersonnelCategory.choices, source="category")
    move_label = ChoiceLabelField(PersonnelMove.choices, source="move")

    class Meta:
        model = Employment
        fields = [
            "id",
            "unit",
            "unit_name",
            "position",
            "position_name",
            "category",
            "category_label",
            "start_date",
            "end_date",
            "move",
            "move_label",
            "decision_number",
            "note",
            "version",
        ]
        read_only_fields = fields


class EmploymentCreateSerializer(ModelSerializer):
    unit = UnitCodeField(help_text="Mã đơn vị")
    position = _code_of(Position)

    class Meta:
        model = Employment
        fields = EMPLOYMENT_FIELDS


class EmploymentUpdateSerializer(VersionedPatchMixin, EmploymentCreateSerializer):
    version = serializers.IntegerField(min_value=1, help_text=VERSION_HELP)

    class Meta(EmploymentCreateSerializer.Meta):
        fields = [*EMPLOYMENT_FIELDS, "version"]


# --- qualifications ----------------------------------------------------------------------------------------

_LEVELS_BY_SCALE = "; ".join(
    f"{scale}: {', '.join(code for code, _label, _rank in levels)}"
    for scale, levels in QUALIFICATION_LEVELS.items()
)


# No enum in the schema: the valid codes depend on the scale (listed in the description), and an enum named
# "level" would collide with the units' AdminLevel enum.
@extend_schema_field(
    {
        "type": "string",
        "description": f"Mã trình độ, thuộc loại trình độ (scale) đã chọn — {_LEVELS_BY_SCALE}",
    }
)
class QualificationLevelField(serializers.ChoiceField):
    """A level code; which levels belong to which scale is the service's rule."""

    def __init__(self, **kwargs):
        super().__init__(choices=ALL_LEVEL_CHOICES, **kwargs)


class QualificationSerializer(ModelSerializer):
    level = QualificationLevelField(read_only=True)
    scale_label = ChoiceLabelField(QualificationScale.choices, source="scale")
    level_label = serializers.SerializerMethodField()

    class Meta:
        model = Qualification
        fields = [
            "id",
            "scale",
            "scale_label",
            "level",
            "level_label",
            "rank",
            "field",
            "awarded_on",
            "document_number",
            "issuer",
            "note",
            "version",
        ]
        read_only_fields = fields

    def get_level_label(self, qualification) -> str:
        return level_label(qualification.scale, qualification.level)


class QualificationCreateSerializer(ModelSerializer):
    level = QualificationLevelField()

    class Meta:
        model = Qualification
        fields = QUALIFICATION_FIELDS


class QualificationUpdateSerializer(VersionedPatchMixin, QualificationCreateSerializer):
    version = serializers.IntegerField(min_value=1, help_text=VERSION_HELP)

    class Meta(QualificationCreateSerializer.Meta):
        fields = [*QUALIFICATION_FIELDS, "version"]
