"""Answers that are figures rather than records: a plan's achievement."""

from rest_framework import serializers

from canbo.core.api import Serializer, percent_field

from ..plan_figures import PlanFigures


def _pct():
    return percent_field("Tỷ lệ đạt (%) = thực hiện ÷ chỉ tiêu × 100; null khi chưa có chỉ tiêu")


class ShareFiguresSerializer(Serializer):
    unit = serializers.CharField(help_text="Mã đơn vị")
    unit_name = serializers.CharField()
    target = serializers.IntegerField(help_text="Chỉ tiêu phân bổ (người)")
    turns = serializers.IntegerField(help_text="Thực hiện (lượt)")
    achieved = _pct()
    budget = serializers.IntegerField(help_text="Kinh phí phân bổ (đồng)")
    spent = serializers.IntegerField(help_text="Đã chi (đồng)")


class LineFiguresSerializer(Serializer):
    line = serializers.IntegerField(help_text="Mã số dòng kế hoạch")
    programme = serializers.CharField()
    programme_name = serializers.CharField()
    mode = serializers.CharField(allow_blank=True)
    mode_label = serializers.CharField(allow_blank=True)
    target = serializers.IntegerField(help_text="Chỉ tiêu (người)")
    turns = serializers.IntegerField(help_text="Thực hiện (lượt, trừ người thôi học)")
    persons = serializers.IntegerField(help_text="Thực hiện (người, không trùng)")
    achieved = _pct()
    budget = serializers.IntegerField()
    spent = serializers.IntegerField()
    units = ShareFiguresSerializer(many=True)


class TotalFiguresSerializer(Serializer):
    target = serializers.IntegerField()
    turns = serializers.IntegerField()
    persons = serializers.IntegerField(help_text="Số người không trùng trên toàn kế hoạch")
    achieved = _pct()
    budget = serializers.IntegerField()
    spent = serializers.IntegerField()


class AchievementSerializer(Serializer):
    plan = serializers.IntegerField()
    year = serializers.IntegerField()
    scoped = serializers.BooleanField(
        help_text="true: chỉ phần phân bổ cho các đơn vị trong phạm vi được xem (chỉ tiêu, thực hiện)"
    )
    lines = LineFiguresSerializer(many=True)
    total = TotalFiguresSerializer()


def achievement_data(figures: PlanFigures) -> dict:
    lines = []
    for f in figures.lines:
        lines.append(
            {
                "line": f.line.pk,
                "programme": f.line.programme.code,
                "programme_name": f.line.programme.name,
                "mode": f.line.mode,
                "mode_label": f.line.get_mode_display() if f.line.mode else "",
                "target": f.target,
                "turns": f.turns,
                "persons": f.persons,
                "achieved": f.achieved,
                "budget": f.budget,
                "spent": f.spent,
                "units": [
                    {
                        "unit": s.unit_code,
                        "unit_name": s.unit_name,
                        "target": s.target,
                        "turns": s.turns,
                        "achieved": s.achieved,
                        "budget": s.budget,
                        "spent": s.spent,
                    }
                    for s in f.shares
                ],
            }
        )
    total = {key: figures.total(key) for key in ("target", "turns", "budget", "spent")}
    total.update(persons=figures.persons, achieved=figures.achieved)
    return {
        "plan": figures.plan.pk,
        "year": figures.plan.year,
        "scoped": figures.scoped,
        "lines": lines,
        "total": total,
    }
