"""API shapes of the surveys app. Responses have no serializer of their own: only aggregates leave."""

from rest_framework import serializers

from canbo.core.api import VnDateField

from .choices import QuestionKind, SurveyPurpose, SurveyStatus
from .models import Choice, Invitation, Question, Survey


class ChoiceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Choice
        fields = ["id", "order", "text"]


class QuestionSerializer(serializers.ModelSerializer):
    question_kind = serializers.ChoiceField(source="kind", choices=QuestionKind.choices)
    choices = ChoiceSerializer(many=True, read_only=True)

    class Meta:
        model = Question
        fields = ["id", "order", "text", "question_kind", "required", "choices"]


class SurveySerializer(serializers.ModelSerializer):
    survey_purpose = serializers.ChoiceField(source="purpose", choices=SurveyPurpose.choices)
    survey_status = serializers.ChoiceField(source="status", choices=SurveyStatus.choices, read_only=True)

    class Meta:
        model = Survey
        fields = [
            "id",
            "title",
            "year",
            "survey_purpose",
            "description",
            "opens_on",
            "closes_on",
            "survey_status",
        ]


class SurveyDetailSerializer(SurveySerializer):
    questions = QuestionSerializer(many=True, read_only=True)

    class Meta(SurveySerializer.Meta):
        fields = [*SurveySerializer.Meta.fields, "questions"]


class SurveyWriteSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    survey_purpose = serializers.ChoiceField(choices=SurveyPurpose.choices)
    description = serializers.CharField(required=False, allow_blank=True, default="")
    opens_on = VnDateField()
    closes_on = VnDateField()


class QuestionWriteSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=500)
    question_kind = serializers.ChoiceField(choices=QuestionKind.choices)
    required = serializers.BooleanField(default=True)
    choices = serializers.ListField(child=serializers.CharField(max_length=300), required=False, default=list)


class InvitationSerializer(serializers.ModelSerializer):
    person = serializers.UUIDField(source="person.uuid", read_only=True)
    full_name = serializers.CharField(source="person.full_name", read_only=True)
    unit = serializers.CharField(source="unit.code", read_only=True)
    answered = serializers.SerializerMethodField()

    class Meta:
        model = Invitation
        fields = ["id", "person", "full_name", "unit", "created_at", "answered"]

    def get_answered(self, obj) -> bool:
        return obj.answered_at is not None


class MyInvitationSerializer(serializers.ModelSerializer):
    survey = SurveySerializer(read_only=True)
    answered_at = serializers.DateTimeField(read_only=True)
    accepting = serializers.SerializerMethodField()

    class Meta:
        model = Invitation
        fields = ["id", "survey", "answered_at", "accepting"]

    def get_accepting(self, obj) -> bool:
        from .services import accepting

        return obj.answered_at is None and accepting(obj.survey)


class MyQuestionnaireSerializer(MyInvitationSerializer):
    questions = QuestionSerializer(source="survey.questions", many=True, read_only=True)

    class Meta(MyInvitationSerializer.Meta):
        fields = [*MyInvitationSerializer.Meta.fields, "questions"]


class AnswerSubmitSerializer(serializers.Serializer):
    answers = serializers.DictField(
        child=serializers.JSONField(),
        help_text="Mã câu hỏi → mã phương án (chọn một), danh sách mã phương án (chọn nhiều), điểm 1–5 hoặc "
        "câu trả lời tự do.",
    )


class InviteResultSerializer(serializers.Serializer):
    created = serializers.IntegerField()
    already = serializers.IntegerField()
    no_login = serializers.IntegerField()
    not_working = serializers.IntegerField()


class GroupSerializer(serializers.Serializer):
    unit = serializers.CharField(source="unit.code")
    unit_name = serializers.CharField(source="unit.name")
    merged_units = serializers.SerializerMethodField()
    invited = serializers.IntegerField()
    responses = serializers.IntegerField()
    rate = serializers.DecimalField(max_digits=5, decimal_places=1, allow_null=True, coerce_to_string=False)

    def get_merged_units(self, obj) -> list[str]:
        return [u.code for u in obj.merged]


class OptionSerializer(serializers.Serializer):
    label = serializers.CharField()
    count = serializers.IntegerField()
    share = serializers.DecimalField(max_digits=5, decimal_places=1, allow_null=True, coerce_to_string=False)


class DistributionSerializer(serializers.Serializer):
    question = serializers.IntegerField(source="question.pk")
    text = serializers.CharField(source="question.text")
    respondents = serializers.IntegerField()
    options = OptionSerializer(many=True)
    mean = serializers.DecimalField(max_digits=3, decimal_places=1, allow_null=True, coerce_to_string=False)


class ResultsSerializer(serializers.Serializer):
    min_group = serializers.IntegerField()
    invited = serializers.IntegerField()
    responses = serializers.IntegerField()
    rate = serializers.DecimalField(max_digits=5, decimal_places=1, allow_null=True, coerce_to_string=False)
    groups = GroupSerializer(many=True)
    distribution = DistributionSerializer(many=True, allow_null=True)


class TextGroupSerializer(serializers.Serializer):
    group = GroupSerializer()
    texts = serializers.SerializerMethodField()

    def get_texts(self, obj) -> list[str]:
        return [t.text for t in obj.texts]


class TextsSerializer(serializers.Serializer):
    """Free-text answers of one question per group of at least `min_group` responses, in a shuffled order."""

    min_group = serializers.IntegerField()
    question = serializers.IntegerField(source="question.pk")
    question_text = serializers.CharField(source="question.text")
    groups = TextGroupSerializer(many=True)
    hidden_groups = serializers.IntegerField(help_text="Nhóm dưới min_group phiếu: không hiện câu trả lời")
    hidden_responses = serializers.IntegerField()
    text_count = serializers.IntegerField()
