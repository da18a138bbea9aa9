"""API shapes of the annual rating: shape only; the services check the rules, the rights and audit.
Units are addressed by code; dates accept yyyy-mm-dd and dd/mm/yyyy; scores are the two NĐ 335 parts."""

from rest_framework import serializers

from canbo.core.api import ModelSerializer, Serializer, VnDateField
from canbo.org.models import OrgUnit

from .models import RatingCampaign, RatingLevel, RatingSheet

VERSION_HELP = "Phiên bản của bản ghi khi đọc (trường version); bản ghi đã bị người khác sửa thì trả về 409."


def _version():
    return serializers.IntegerField(required=False, min_value=1, help_text=VERSION_HELP)


def _score(maximum: int, label: str):
    return serializers.DecimalField(
        max_digits=4,
        decimal_places=2,
        required=False,
        allow_null=True,
        min_value=0,
        max_value=maximum,
        help_text=f"{label} (0–{maximum}); bỏ trống nếu không chấm điểm.",
    )


class RatingCampaignSerializer(ModelSerializer):
    unit = serializers.CharField(source="unit.code", read_only=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = RatingCampaign
        fields = [
            "id",
            "year",
            "unit",
            "unit_name",
            "deadline",
            "status",
            "status_label",
            "closed_on",
            "version",
        ]
        read_only_fields = fields


class RatingCampaignCreateSerializer(Serializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    unit = serializers.SlugRelatedField(slug_field="code", queryset=OrgUnit.objects.all())
    deadline = VnDateField(help_text="Chậm nhất ngày 15/12 của năm đánh giá.")


class RatingVersionSerializer(Serializer):
    version = _version()


class RatingSheetSerializer(ModelSerializer):
    person_uuid = serializers.UUIDField(source="person.uuid", read_only=True)
    person_name = serializers.CharField(source="person.full_name", read_only=True)
    unit = serializers.CharField(source="unit.code", read_only=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    score = serializers.DecimalField(max_digits=5, decimal_places=2, read_only=True, allow_null=True)
    actions = serializers.SerializerMethodField(
        help_text="Các bước người đang đăng nhập được làm trên phiếu."
    )

    class Meta:
        model = RatingSheet
        fields = [
            "id",
            "campaign",
            "year",
            "person_uuid",
            "person_name",
            "unit",
            "unit_name",
            "status",
            "status_label",
            "months_worked",
            "leave_months",
            "maternity",
            "self_level",
            "self_text",
            "proposed_level",
            "proposed_general",
            "proposed_tasks",
            "proposal_note",
            "level",
            "score_general",
            "score_tasks",
            "score",
            "decision_number",
            "decided_on",
            "version",
            "actions",
        ]
        read_only_fields = fields

    def get_actions(self, sheet) -> list[str]:
        from .services import sheet_actions

        return sheet_actions(self.context["request"].user, sheet)


class RatingSelfAssessSerializer(Serializer):
    level = serializers.ChoiceField(choices=RatingLevel.choices)
    text = serializers.CharField(
        max_length=5000, help_text="Tự nhận xét: ưu điểm, hạn chế, kết quả nhiệm vụ."
    )
    version = _version()


class RatingProposeSerializer(Serializer):
    level = serializers.ChoiceField(choices=RatingLevel.choices)
    general = _score(30, "Điểm tiêu chí chung")
    tasks = _score(70, "Điểm kết quả thực hiện nhiệm vụ")
    note = serializers.CharField(max_length=1000, required=False, allow_blank=True, default="")
    version = _version()


class RatingDecideSerializer(Serializer):
    level = serializers.ChoiceField(choices=RatingLevel.choices)
    general = _score(30, "Điểm tiêu chí chung")
    tasks = _score(70, "Điểm kết quả thực hiện nhiệm vụ")
    decision_number = serializers.CharField(max_length=60)
    decided_on = VnDateField()
    version = _version()


class RatingFactsSerializer(Serializer):
    months_worked = serializers.IntegerField(min_value=0, max_value=12)
    leave_months = serializers.IntegerField(min_value=0, max_value=12)
    maternity = serializers.BooleanField()
    version = _version()
