"""Shapes of the planning API (input and output). Rules are the services'; scoping is the selectors'."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from canbo.core.api import ModelSerializer, Serializer, VnDateField, percent_field

from .choices import EntryStatus, PlanningTier, RemovalReason, TermKind
from .models import PlannedPost, PlanningDecision, PlanningEntry, PlanningTerm


def choice(enum, **kwargs) -> serializers.ChoiceField:
    """A choice field documented by its description ("TINH = …; HUYEN = …") rather than a schema enum:
    drf-spectacular names enums by field name across the whole API, and "status", "kind" or "tier" of other
    apps would collide (an ENUM_NAME_OVERRIDES entry per choice set in the settings would allow real enums)."""
    described = "Một trong: " + "; ".join(f"{value} = {label}" for value, label in enum.choices)

    @extend_schema_field({"type": "string", "description": described})
    class DescribedChoiceField(serializers.ChoiceField):
        pass

    return DescribedChoiceField(choices=enum.choices, **kwargs)


# --- output ------------------------------------------------------------------------------------------------


class TermSerializer(ModelSerializer):
    kind = choice(TermKind, read_only=True)

    class Meta:
        model = PlanningTerm
        fields = [
            "id",
            "code",
            "kind",
            "start_date",
            "end_date",
            "max_per_post",
            "max_posts_per_person",
            "min_women_pct",
            "min_young_pct",
            "young_age",
            "legal_basis",
        ]


class PostSerializer(ModelSerializer):
    term = serializers.CharField(source="term.code")
    unit = serializers.CharField(source="unit.code", help_text="Mã đơn vị")
    unit_name = serializers.CharField(source="unit.name")
    position = serializers.CharField(source="position.code", help_text="Mã chức vụ")
    position_name = serializers.CharField(source="position.name")
    tier = choice(PlanningTier, read_only=True)

    class Meta:
        model = PlannedPost
        fields = ["id", "term", "unit", "unit_name", "position", "position_name", "tier", "seats"]


class DecisionRefSerializer(ModelSerializer):
    class Meta:
        model = PlanningDecision
        fields = ["id", "number", "date", "approving_body"]


class EntrySerializer(ModelSerializer):
    term = serializers.CharField(source="post.term.code")
    unit = serializers.CharField(source="post.unit.code")
    position = serializers.CharField(source="post.position.code")
    tier = choice(PlanningTier, source="post.tier", read_only=True)
    person = serializers.UUIDField(source="person.uuid")
    full_name = serializers.CharField(source="person.full_name")
    date_of_birth = serializers.DateField(source="person.date_of_birth")
    gender = serializers.CharField(source="person.gender")
    current_unit = serializers.CharField(source="person.current_unit.code")
    approved_by = DecisionRefSerializer(allow_null=True)
    removed_by = DecisionRefSerializer(allow_null=True)
    status = choice(EntryStatus, read_only=True)
    removal_reason = choice(RemovalReason, read_only=True, allow_blank=True)

    class Meta:
        model = PlanningEntry
        fields = [
            "id",
            "post",
            "term",
            "unit",
            "position",
            "tier",
            "person",
            "full_name",
            "date_of_birth",
            "gender",
            "current_unit",
            "status",
            "is_supplement",
            "approved_by",
            "approved_on",
            "removed_by",
            "removed_on",
            "removal_reason",
            "note",
            "version",
        ]


class DecisionSerializer(ModelSerializer):
    term = serializers.CharField(source="term.code")

    class Meta:
        model = PlanningDecision
        fields = ["id", "term", "number", "date", "approving_body", "note"]


class DecisionDetailSerializer(DecisionSerializer):
    additions = EntrySerializer(
        many=True,
        source="scoped_additions",
        help_text="Người được phê duyệt (bổ sung), trong phạm vi được xem",
    )
    removals = EntrySerializer(
        many=True, source="scoped_removals", help_text="Người được đưa ra, trong phạm vi được xem"
    )

    class Meta(DecisionSerializer.Meta):
        fields = [*DecisionSerializer.Meta.fields, "additions", "removals"]


class CompositionRowSerializer(Serializer):
    unit = serializers.CharField(allow_null=True, help_text="Mã đơn vị; null ở dòng tổng")
    unit_name = serializers.CharField()
    posts = serializers.IntegerField()
    seats = serializers.IntegerField()
    entries = serializers.IntegerField(help_text="Lượt quy hoạch (người × chức danh)")
    persons = serializers.IntegerField()
    ratio = percent_field()
    ratio_ok = serializers.BooleanField(allow_null=True)
    women_pct = percent_field()
    women_ok = serializers.BooleanField(allow_null=True)
    young_pct = percent_field()
    young_ok = serializers.BooleanField(allow_null=True)
    full_term_pct = percent_field()
    full_term_ok = serializers.BooleanField(allow_null=True)


class CompositionSerializer(Serializer):
    term = serializers.CharField()
    on = serializers.DateField()
    rows = CompositionRowSerializer(many=True)
    total = CompositionRowSerializer()


class RemovalProposalSerializer(Serializer):
    entry = EntrySerializer()
    reason = choice(RemovalReason)
    reason_label = serializers.CharField()
    detail = serializers.CharField()


class NeedGapSerializer(Serializer):
    scale = serializers.CharField()
    level = serializers.CharField()
    label = serializers.CharField()
    message = serializers.CharField()


class NeedItemSerializer(Serializer):
    person = serializers.UUIDField(source="person.uuid")
    full_name = serializers.CharField(source="person.full_name")
    position = serializers.CharField(source="position.code")
    tier = serializers.CharField()
    posts = serializers.SerializerMethodField()
    gaps = NeedGapSerializer(many=True)

    def get_posts(self, item) -> list[int]:
        return [p.pk for p in item.posts]


class NeedCountSerializer(Serializer):
    tier = serializers.CharField(allow_null=True)
    scale = serializers.CharField()
    level = serializers.CharField()
    label = serializers.CharField()
    persons = serializers.IntegerField()


class NeedLineSerializer(Serializer):
    scale = serializers.CharField()
    level = serializers.CharField()
    label = serializers.CharField()
    programme = serializers.CharField(allow_null=True, help_text="Mã chương trình đào tạo")
    count = serializers.IntegerField(help_text="Chỉ tiêu đề xuất (người)")


class NeedsSerializer(Serializer):
    term = serializers.CharField()
    on = serializers.DateField()
    planned = serializers.IntegerField(help_text="Số người trong quy hoạch")
    persons = serializers.IntegerField(help_text="Số người chưa đạt ít nhất một tiêu chuẩn trình độ")
    by_tier = NeedCountSerializer(many=True)
    by_criterion = NeedCountSerializer(many=True)
    lines = NeedLineSerializer(many=True)
    items = NeedItemSerializer(many=True)


# --- figures as data for the serializers above ---


def composition_row_data(row) -> dict:
    return {
        "unit": row.unit["code"] if row.unit else None,
        "unit_name": row.unit["name"] if row.unit else "Tổng cộng",
        **{k: getattr(row, k) for k in ("posts", "seats", "entries", "persons", "ratio", "ratio_ok")},
        **{k: getattr(row, k) for k in ("women_pct", "women_ok", "young_pct", "young_ok")},
        **{k: getattr(row, k) for k in ("full_term_pct", "full_term_ok")},
    }


def needs_data(needs) -> dict:
    from .needs import criterion_label

    def count(tier, key, n):
        return {"tier": tier, "scale": key[0], "level": key[1], "label": criterion_label(*key), "persons": n}

    return {
        "term": needs.term.code,
        "on": needs.on,
        "planned": needs.planned,
        "persons": needs.persons,
        "by_tier": [count(t, k, n) for t, c in needs.by_tier.items() for k, n in c.items()],
        "by_criterion": [count(None, k, n) for k, n in needs.by_criterion.items()],
        "lines": [
            {
                "scale": li.scale,
                "level": li.level,
                "label": li.label,
                "count": li.count,
                "programme": li.programme.code if li.programme else None,
            }  # fmt: skip
            for li in needs.lines
        ],
        "items": needs.items,
    }


# --- input -------------------------------------------------------------------------------------------------


class TermCreateSerializer(Serializer):
    code = serializers.CharField(max_length=20)
    kind = choice(TermKind)
    start_date = VnDateField()
    end_date = VnDateField()
    max_per_post = serializers.IntegerField(min_value=1, default=3)
    max_posts_per_person = serializers.IntegerField(min_value=1, default=3)
    min_women_pct = serializers.IntegerField(min_value=0, max_value=100, default=25)
    min_young_pct = serializers.IntegerField(min_value=0, max_value=100, default=15)
    young_age = serializers.IntegerField(min_value=18, max_value=70, default=40)
    legal_basis = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class PostCreateSerializer(Serializer):
    term = serializers.IntegerField(help_text="Mã số nhiệm kỳ")
    unit = serializers.CharField(max_length=40, help_text="Mã đơn vị")
    position = serializers.CharField(max_length=30, help_text="Mã chức vụ, ví dụ GIAM_DOC_SO")
    tier = choice(PlanningTier)
    seats = serializers.IntegerField(min_value=1, max_value=50, default=1)


class ProposeSerializer(Serializer):
    post = serializers.IntegerField(help_text="Mã số chức danh quy hoạch")
    person = serializers.UUIDField(help_text="UUID hồ sơ người được đề xuất")
    note = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class DecisionInputSerializer(Serializer):
    entries = serializers.ListField(child=serializers.IntegerField(), allow_empty=False)
    number = serializers.CharField(max_length=60)
    date = VnDateField()
    approving_body = serializers.CharField(max_length=200)
    note = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class ApproveSerializer(DecisionInputSerializer):
    is_supplement = serializers.BooleanField(default=False)


class RemoveSerializer(DecisionInputSerializer):
    reason = choice(RemovalReason)


class ConfirmSerializer(DecisionInputSerializer):
    on = VnDateField(required=False, help_text="Ngày tính đề nghị; mặc định hôm nay")


class NeedsProposeSerializer(Serializer):
    plan = serializers.IntegerField(help_text="Mã số kế hoạch đào tạo, bồi dưỡng năm sau (dự thảo)")
    on = VnDateField(required=False)


class AsOfQuerySerializer(Serializer):
    on = VnDateField(required=False, help_text="Ngày tính; mặc định hôm nay (dd/mm/yyyy hoặc yyyy-mm-dd)")
    org = serializers.CharField(required=False, max_length=40, help_text="Mã đơn vị (tính cả trực thuộc)")


class PostQuerySerializer(Serializer):
    term = serializers.IntegerField(required=False)
    unit = serializers.CharField(required=False, max_length=40, help_text="Mã đơn vị (tính cả trực thuộc)")
    tier = choice(PlanningTier, required=False)


class EntryQuerySerializer(Serializer):
    term = serializers.IntegerField(required=False)
    post = serializers.IntegerField(required=False)
    status = choice(EntryStatus, required=False)


class DecisionQuerySerializer(Serializer):
    term = serializers.IntegerField(required=False)
