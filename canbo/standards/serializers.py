"""Shapes of the standards API (the rules are in the engine, the services and the selectors)."""

from rest_framework import serializers

from canbo.core.api import ModelSerializer, Serializer

from .models import ReviewCampaign, ReviewFinding, StandardCriterion, TitleStandard
from .selectors import criterion_label


class CriterionSerializer(ModelSerializer):
    kind = serializers.CharField(
        read_only=True,
        help_text="QUALIFICATION, SERVICE_YEARS, POST_MONTHS, SERVICE_LEFT, IN_PLAN hoặc RATING "
        "(RATING: years = số năm liền trước năm kiểm tra, min_rating = mức xếp loại tối thiểu)",
    )
    label = serializers.SerializerMethodField(help_text="Tiêu chí bằng lời")

    class Meta:
        model = StandardCriterion
        fields = [
            "id",
            "kind",
            "scale",
            "min_level",
            "min_rating",
            "years",
            "months",
            "lower_tier",
            "note",
            "label",
        ]

    def get_label(self, obj) -> str:
        return criterion_label(obj)


class StandardSerializer(ModelSerializer):
    position = serializers.SlugRelatedField(slug_field="code", read_only=True)
    position_name = serializers.CharField(source="position.name", read_only=True, default=None)
    rank = serializers.SlugRelatedField(slug_field="code", read_only=True)
    criteria = CriterionSerializer(many=True, read_only=True)

    class Meta:
        model = TitleStandard
        fields = [
            "id",
            "name",
            "position",
            "position_name",
            "rank",
            "legal_basis",
            "valid_from",
            "valid_to",
            "criteria",
        ]


class GapSerializer(Serializer):
    criterion = serializers.IntegerField(source="criterion_id")
    kind = serializers.CharField()
    scale = serializers.CharField()
    message = serializers.CharField()


class CheckSerializer(Serializer):
    person = serializers.UUIDField()
    position = serializers.CharField(help_text="Mã chức vụ")
    on = serializers.DateField()
    met = serializers.BooleanField()
    standard = StandardSerializer(allow_null=True)
    gaps = GapSerializer(many=True)
    messages = serializers.ListField(child=serializers.CharField())


class GapGroupSerializer(Serializer):
    position = serializers.CharField(source="position.code")
    position_name = serializers.CharField(source="position.name")
    standard = serializers.IntegerField(source="standard.pk")
    checked = serializers.IntegerField()
    unmet = serializers.IntegerField()
    per_criterion = serializers.SerializerMethodField()

    def get_per_criterion(self, obj) -> list[dict]:
        return [
            {"criterion": c.pk, "label": criterion_label(c), "unmet": n} for c, n in obj.criteria_counts()
        ]


class GapEntrySerializer(Serializer):
    person = serializers.UUIDField(source="person.uuid")
    full_name = serializers.CharField(source="person.full_name")
    date_of_birth = serializers.DateField(source="person.date_of_birth")
    unit = serializers.CharField(source="person.current_unit.name")
    position = serializers.CharField(source="group.position.code")
    gaps = GapSerializer(many=True)


class CampaignSerializer(ModelSerializer):
    unit = serializers.CharField(source="unit.code", read_only=True)
    responsible_unit = serializers.CharField(source="responsible_unit.code", read_only=True)
    positions = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = ReviewCampaign
        fields = [
            "id",
            "name",
            "unit",
            "positions",
            "categories",
            "review_date",
            "deadline",
            "responsible_unit",
            "legal_basis",
            "rechecked_on",
        ]


class CampaignDetailSerializer(CampaignSerializer):
    counts = serializers.SerializerMethodField()

    class Meta(CampaignSerializer.Meta):
        fields = [*CampaignSerializer.Meta.fields, "counts"]

    def get_counts(self, obj) -> dict:
        return self.context.get("counts", {})


class FindingSerializer(ModelSerializer):
    person = serializers.UUIDField(source="person.uuid", read_only=True)
    full_name = serializers.CharField(source="person.full_name", read_only=True)
    unit = serializers.CharField(source="unit.code", read_only=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    position = serializers.CharField(source="position.code", read_only=True, default=None)

    class Meta:
        model = ReviewFinding
        fields = ["id", "person", "full_name", "unit", "unit_name", "position", "gaps", "resolved_on"]


class RecheckResultSerializer(Serializer):
    resolved = serializers.IntegerField()
    still_short = serializers.IntegerField()
    rechecked_on = serializers.DateField()
