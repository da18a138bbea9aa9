"""Fields and helpers shared by the training API's shapes."""

from rest_framework import serializers

from canbo.org.models import OrgUnit
from canbo.people.serializers import VERSION_HELP

from ..choices import TrainingMode
from ..models import PlanLine, Programme
from ..selectors import plan_queryset_for

MODES = [("", "— Không phân biệt —"), *TrainingMode.choices]


def read_code(source: str):
    return serializers.CharField(source=source, read_only=True)


def read_label(source: str):
    return serializers.CharField(source=f"get_{source}_display", read_only=True)


def coded(choices, what: str):
    """A code answered as a plain string, its values listed in the description (no named enum: "status",
    "kind" and "scale" already name other choice sets in the schema)."""
    values = "; ".join(f"{value} = {label}" for value, label in choices)
    return serializers.CharField(read_only=True, help_text=f"{what}: {values}")


def version_field():
    return serializers.IntegerField(min_value=1, help_text=VERSION_HELP)


class ProgrammeCodeField(serializers.SlugRelatedField):
    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", "Mã chương trình, ví dụ LLCT_CAO_CAP")
        super().__init__(slug_field="code", queryset=Programme.objects.all(), **kwargs)


class AnyUnitCodeField(serializers.SlugRelatedField):
    """A unit of the province by code (units running a plan line or receiving its share need not be the
    drafter's own)."""

    def __init__(self, **kwargs):
        super().__init__(slug_field="code", queryset=OrgUnit.objects.all(), **kwargs)


class PlanLineField(serializers.IntegerField):
    """A plan line by id, among the plans the user may read."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", "Mã số (id) dòng kế hoạch")
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        pk = super().to_internal_value(data)
        plans = plan_queryset_for(user=self.context["request"].user)
        line = PlanLine.objects.filter(pk=pk, plan__in=plans.order_by().values("pk")).first()
        if line is None:
            raise serializers.ValidationError(f"Không tìm thấy dòng kế hoạch số {pk}.")
        return line

    def to_representation(self, value):
        return value.pk if isinstance(value, PlanLine) else value
