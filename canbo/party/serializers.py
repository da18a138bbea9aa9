"""API shapes of Party admissions (field names chosen so the OpenAPI enums don't collide with other apps')."""

from rest_framework import serializers

from canbo.org.models import OrgUnit

from .choices import REMOVALS, EducationException, GeneralEducation, PartyStatus
from .models import Admission, AdmissionTarget

DATE = {"input_formats": ["%d/%m/%Y", "iso-8601"]}


class PartyOrgField(serializers.SlugRelatedField):
    def __init__(self, **kwargs):
        super().__init__(slug_field="code", queryset=OrgUnit.objects.all(), **kwargs)
        self.error_messages["does_not_exist"] = "Không có đơn vị mã “{value}”."


class TargetSerializer(serializers.ModelSerializer):
    party_org = PartyOrgField()
    party_org_name = serializers.CharField(source="party_org.name", read_only=True)

    class Meta:
        model = AdmissionTarget
        fields = [
            "id",
            "party_org",
            "party_org_name",
            "start_year",
            "end_year",
            "target",
            "resolution_number",
            "resolution_date",
        ]
        validators: list = []  # the service checks uniqueness, in Vietnamese


class AdmissionSerializer(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True)
    person = serializers.UUIDField(source="person.uuid", read_only=True, allow_null=True)
    party_org = serializers.CharField(source="party_org.code", read_only=True)
    party_status = serializers.ChoiceField(source="status", choices=PartyStatus.choices, read_only=True)
    general_education = serializers.ChoiceField(source="education", choices=GeneralEducation.choices)

    class Meta:
        model = Admission
        fields = [
            "id",
            "version",
            "name",
            "person",
            "candidate_national_id",
            "birth_date",
            "general_education",
            "education_exception",
            "over_age_approval",
            "party_org",
            "cell",
            "cell_vote_date",
            "decision_number",
            "decision_date",
            "admitted_on",
            "party_status",
            "full_vote_date",
            "full_decision_number",
            "full_member_on",
            "removed_on",
            "removal_decision_number",
            "removal_reason",
        ]
        read_only_fields = fields


class AdmissionCreateSerializer(serializers.Serializer):
    person = serializers.UUIDField(required=False, allow_null=True, help_text="Người trong danh sách cán bộ")
    candidate_name = serializers.CharField(required=False, allow_blank=True, default="")
    candidate_national_id = serializers.CharField(required=False, allow_blank=True, default="")
    birth_date = serializers.DateField(required=False, allow_null=True, **DATE)
    general_education = serializers.ChoiceField(choices=GeneralEducation.choices)
    education_exception = serializers.ChoiceField(
        choices=EducationException.choices, required=False, allow_blank=True, default=""
    )
    over_age_approval = serializers.CharField(required=False, allow_blank=True, default="", max_length=120)
    party_org = PartyOrgField()
    cell = serializers.CharField(max_length=200)
    cell_vote_date = serializers.DateField(**DATE)
    decision_number = serializers.CharField(max_length=60)
    decision_date = serializers.DateField(**DATE)
    admitted_on = serializers.DateField(**DATE)


class PartyConfirmSerializer(serializers.Serializer):
    version = serializers.IntegerField(required=False)
    vote_date = serializers.DateField(**DATE)
    decision_number = serializers.CharField(max_length=60)


class PartyRemoveSerializer(serializers.Serializer):
    version = serializers.IntegerField(required=False)
    removal = serializers.ChoiceField(choices=[(c.value, c.label) for c in REMOVALS])
    on = serializers.DateField(**DATE)
    decision_number = serializers.CharField(max_length=60)
    reason = serializers.CharField(max_length=300)
