"""Query parameters of the list endpoints, checked like bodies (bad values → 400 in Vietnamese)."""

from rest_framework import serializers

from canbo.core.api import Serializer
from canbo.people.serializers import UnitCodeField

from ..choices import PlanStatus, ProgrammeKind, StudyStatus, TrainingForm
from ..models import Programme


def _optional_year(help_text: str):
    return serializers.IntegerField(min_value=1990, max_value=2100, required=False, help_text=help_text)


class ProgrammeQuerySerializer(Serializer):
    kind = serializers.ChoiceField(
        choices=ProgrammeKind.choices, required=False, help_text="Nhóm chương trình"
    )
    form = serializers.ChoiceField(choices=TrainingForm.choices, required=False, help_text="Hình thức")


class PlanQuerySerializer(Serializer):
    year = _optional_year("Năm kế hoạch")
    status = serializers.ChoiceField(choices=PlanStatus.choices, required=False, help_text="Trạng thái")


class NeedQuerySerializer(Serializer):
    year = _optional_year("Năm")
    unit = UnitCodeField(required=False, help_text="Mã đơn vị (cả các đơn vị trực thuộc)")


class ClassQuerySerializer(Serializer):
    year = _optional_year("Năm khai giảng")
    programme = serializers.SlugRelatedField(
        slug_field="code", queryset=Programme.objects.all(), required=False, help_text="Mã chương trình"
    )
    unit = UnitCodeField(required=False, help_text="Mã đơn vị quản lý lớp (cả các đơn vị trực thuộc)")
    plan_line = serializers.IntegerField(required=False, min_value=1, help_text="Mã số dòng kế hoạch")
    q = serializers.CharField(required=False, max_length=100, help_text="Tìm theo mã hoặc tên lớp")


class StudyQuerySerializer(Serializer):
    status = serializers.ChoiceField(choices=StudyStatus.choices, required=False, help_text="Trạng thái")
    unit = UnitCodeField(required=False, help_text="Mã đơn vị cử đi học (cả các đơn vị trực thuộc)")
    programme = serializers.SlugRelatedField(
        slug_field="code", queryset=Programme.objects.all(), required=False, help_text="Mã chương trình"
    )
    person = serializers.UUIDField(required=False, help_text="uuid của cán bộ")
