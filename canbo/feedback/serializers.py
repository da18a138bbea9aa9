"""API shapes of citizens' feedback (shape only; the services check the rules and audit)."""

from rest_framework import serializers

from canbo.core.api import ModelSerializer, Serializer, VnDateField
from canbo.discipline.serializers import ActInputSerializer
from canbo.org.models import OrgUnit

from .models import Channel, Conclusion, Feedback, FeedbackStatus

VERSION_HELP = "Phiên bản khi đọc (trường version); đã bị người khác sửa thì trả về 409."


class FeedbackSerializer(ModelSerializer):
    unit = serializers.CharField(source="unit.code", read_only=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    subject_person = serializers.UUIDField(source="subject_person.uuid", read_only=True, default=None)
    subject_name = serializers.CharField(source="subject_person.full_name", read_only=True, default=None)
    handler = serializers.CharField(source="handler.username", read_only=True, default=None)
    handled_in_time = serializers.BooleanField(read_only=True, allow_null=True)

    class Meta:
        model = Feedback
        fields = [
            "id", "version", "channel", "received_on", "sender", "subject_person", "subject_name", "unit",
            "unit_name", "content", "deadline", "status", "handler", "verification_notes", "conclusion",
            "closed_on", "handled_in_time", "discipline_case",
        ]  # fmt: skip
        read_only_fields = fields


class FeedbackQuerySerializer(Serializer):
    status = serializers.ChoiceField(choices=FeedbackStatus.choices, required=False)
    channel = serializers.ChoiceField(choices=Channel.choices, required=False)
    overdue = serializers.BooleanField(required=False, help_text="Chỉ phản ánh chưa kết luận đã quá hạn")


class FeedbackReceiveSerializer(Serializer):
    channel = serializers.ChoiceField(choices=Channel.choices)
    received_on = VnDateField()
    content = serializers.CharField(max_length=5000)
    sender = serializers.CharField(required=False, allow_blank=True, max_length=200)
    subject_person = serializers.UUIDField(
        required=False, allow_null=True, help_text="uuid cán bộ bị phản ánh"
    )
    unit = serializers.SlugRelatedField(
        slug_field="code", queryset=OrgUnit.objects.all(), required=False, allow_null=True
    )
    deadline = VnDateField(required=False, allow_null=True, help_text="Mặc định 15 ngày làm việc")


class FeedbackVersionSerializer(Serializer):
    version = serializers.IntegerField(required=False, min_value=1, help_text=VERSION_HELP)


class FeedbackAssignSerializer(FeedbackVersionSerializer):
    handler = serializers.CharField(max_length=150, help_text="Tên đăng nhập của người xử lý")


class FeedbackVerifySerializer(FeedbackVersionSerializer):
    notes = serializers.CharField(max_length=5000)


class FeedbackCloseSerializer(FeedbackVersionSerializer):
    conclusion = serializers.ChoiceField(choices=Conclusion.choices)
    closed_on = VnDateField()


class FeedbackOpenCaseSerializer(FeedbackVersionSerializer):
    opened_on = VnDateField()
    acts = ActInputSerializer(many=True)
