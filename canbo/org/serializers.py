"""API shapes of the organisation tree: public fields only (no internal ids or tree paths)."""

from rest_framework import serializers

from canbo.core.api import ModelSerializer, Serializer, VnDateField

from .models import AdminLevel, OrgSector, OrgUnit, UnitKind


class UnitSerializer(ModelSerializer):
    parent = serializers.CharField(source="parent.code", read_only=True, allow_null=True, default=None)
    level_label = serializers.CharField(source="get_level_display", read_only=True)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    sector_label = serializers.CharField(source="get_sector_display", read_only=True)

    class Meta:
        model = OrgUnit
        fields = [
            "code",
            "name",
            "short_name",
            "level",
            "level_label",
            "kind",
            "kind_label",
            "sector",
            "sector_label",
            "parent",
            "depth",
            "valid_from",
            "valid_to",
            "legal_basis",
        ]
        read_only_fields = fields


class UnitDetailSerializer(UnitSerializer):
    predecessors = serializers.SerializerMethodField(help_text="Mã các đơn vị trước (sáp nhập, chia tách)")
    successors = serializers.SerializerMethodField(help_text="Mã các đơn vị kế thừa")

    class Meta(UnitSerializer.Meta):
        fields = [*UnitSerializer.Meta.fields, "predecessors", "successors"]
        read_only_fields = fields

    def get_predecessors(self, unit) -> list[str]:
        return self.context["predecessors"]

    def get_successors(self, unit) -> list[str]:
        return self.context["successors"]


class UnitQuerySerializer(Serializer):
    on = VnDateField(
        required=False,
        help_text="Chỉ các đơn vị hoạt động vào ngày này (yyyy-mm-dd hoặc dd/mm/yyyy). "
        "Bỏ trống: mọi đơn vị, kể cả đơn vị đã kết thúc.",
    )
    level = serializers.ChoiceField(choices=AdminLevel.choices, required=False, help_text="Cấp")
    sector = serializers.ChoiceField(choices=OrgSector.choices, required=False, help_text="Khối")
    kind = serializers.ChoiceField(choices=UnitKind.choices, required=False, help_text="Loại")
