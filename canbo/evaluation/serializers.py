"""API shapes of the annual rating: shape only; the services check the rules, the rights and audit.
Units are addressed by code; dates accept yyyy-mm-dd and dd/mm/yyyy; scores are the two NĐ 335 parts."""

from rest_framework import serializers

from canbo.core.api import ModelSerializer, Serializer, VnDateField
from canbo.org.models import OrgUnit

from .models import (
    DeliverablePeriod,
    PartyMemberRating,
    RatingCampaign,
    RatingDeliverable,
    RatingLevel,
    RatingSheet,
)

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
            "duty_group",
            "unit_corruption_note",
            "unit_results_percent",
            "organisation_percent",
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
            "degradation_finding",
            "degradation_note",
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
    degradation = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Có kết luận suy thoái về tư tưởng chính trị, đạo đức, lối sống: xếp loại KHT.",
    )
    degradation_note = serializers.CharField(
        max_length=500, required=False, allow_blank=True, default="", help_text="Căn cứ kết luận suy thoái."
    )
    version = _version()


class RatingFactsSerializer(Serializer):
    months_worked = serializers.IntegerField(min_value=0, max_value=12)
    leave_months = serializers.IntegerField(min_value=0, max_value=12)
    maternity = serializers.BooleanField()
    duty_group = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    unit_corruption_note = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")
    unit_results_percent = serializers.IntegerField(
        min_value=0, max_value=100, required=False, allow_null=True
    )
    organisation_percent = serializers.IntegerField(
        min_value=0, max_value=100, required=False, allow_null=True
    )
    version = _version()


class RatingDeliverableSerializer(ModelSerializer):
    period_kind_label = serializers.CharField(source="get_period_kind_display", read_only=True)

    class Meta:
        model = RatingDeliverable
        fields = [
            "id",
            "sheet",
            "period_kind",
            "period_kind_label",
            "period",
            "title",
            "weight",
            "quantity_percent",
            "quality_misses",
            "timeliness_misses",
            "note",
        ]
        read_only_fields = fields


class RatingDeliverableInputSerializer(Serializer):
    period_kind = serializers.ChoiceField(choices=DeliverablePeriod.choices)
    period = serializers.IntegerField(min_value=1, max_value=12, help_text="Tháng 1–12 hoặc quý 1–4.")
    title = serializers.CharField(max_length=300)
    weight = serializers.IntegerField(min_value=1, max_value=100, required=False, default=1)
    quantity_percent = serializers.IntegerField(min_value=0, max_value=100, required=False, default=100)
    quality_misses = serializers.IntegerField(min_value=0, max_value=4, required=False, default=0)
    timeliness_misses = serializers.IntegerField(min_value=0, max_value=4, required=False, default=0)
    note = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")
    version = serializers.IntegerField(
        required=False, min_value=1, help_text="Phiên bản của phiếu (trường version của phiếu); cũ thì 409."
    )


class RatingDeliverableListSerializer(Serializer):
    tasks_score = serializers.DecimalField(
        max_digits=4,
        decimal_places=2,
        allow_null=True,
        read_only=True,
        help_text="Điểm kết quả nhiệm vụ tính từ các sản phẩm (0–70); null khi chưa có sản phẩm.",
    )
    items = RatingDeliverableSerializer(many=True, read_only=True)


class PartyMemberRatingSerializer(ModelSerializer):
    person_uuid = serializers.UUIDField(source="person.uuid", read_only=True)
    person_code = serializers.CharField(source="person.code", read_only=True)
    person_name = serializers.CharField(source="person.full_name", read_only=True)
    party_org = serializers.CharField(source="party_org.code", read_only=True)
    party_org_name = serializers.CharField(source="party_org.name", read_only=True)
    level_label = serializers.CharField(source="get_level_display", read_only=True)

    class Meta:
        model = PartyMemberRating
        fields = [
            "id",
            "year",
            "person_uuid",
            "person_code",
            "person_name",
            "party_org",
            "party_org_name",
            "level",
            "level_label",
            "decided_on",
            "note",
            "version",
        ]
        read_only_fields = fields


class PartyRatingQuerySerializer(Serializer):
    party_org = serializers.CharField(required=False, max_length=30, help_text="Mã tổ chức đảng / đơn vị")
    year = serializers.IntegerField(required=False, min_value=2000, max_value=2100)
    level = serializers.ChoiceField(choices=RatingLevel.choices, required=False)


class PartyRatingInputSerializer(Serializer):
    person = serializers.UUIDField(help_text="uuid của đảng viên")
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    party_org = serializers.CharField(max_length=30, help_text="Mã tổ chức đảng (khối Đảng) hoặc đơn vị")
    level = serializers.ChoiceField(choices=RatingLevel.choices)
    decided_on = VnDateField()
    note = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")
    version = _version()


class PartyRatingEntrySerializer(Serializer):
    person = serializers.UUIDField(help_text="uuid của đảng viên")
    level = serializers.ChoiceField(choices=RatingLevel.choices)
    note = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class PartyRatingBulkSerializer(Serializer):
    party_org = serializers.CharField(max_length=30, help_text="Mã tổ chức đảng (khối Đảng) hoặc đơn vị")
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    decided_on = VnDateField()
    entries = PartyRatingEntrySerializer(many=True, help_text="Một dòng mỗi đảng viên; tất cả hoặc không")
