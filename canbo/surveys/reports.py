"""Report `survey-responses`: a survey's response rate per unit group, or the distribution of its answers.

Counted rows: `Invitation` (by the unit at invitation) and `Response` (by the respondent's unit when answering)
of the survey, in the reader's scope and --org; groups and suppression follow canbo.surveys.results (units
with fewer than 5 responses merged into their parent; distributions only from 5 responses).
"""

from django import forms

from canbo.reports.base import UNDATED, Column, Report, ReportResult, Row
from canbo.reports.registry import register

from .choices import MIN_GROUP
from .models import Survey
from .results import survey_results
from .selectors import survey_queryset_for

VIEWS = [("rate", "Tỷ lệ trả lời theo đơn vị"), ("questions", "Phân bố câu trả lời theo câu hỏi")]


def group_label(group) -> str:
    label = f"{group.unit.name} ({group.unit.code})"
    if group.merged:
        label += f" — gộp {len(group.merged)} đơn vị trực thuộc có dưới {MIN_GROUP} phiếu"
    return label


@register
class SurveyResponsesReport(Report):
    name = "survey-responses"
    title = "Khảo sát: tỷ lệ trả lời và phân bố câu trả lời"
    description = (
        "Tỷ lệ trả lời theo đơn vị (đơn vị dưới 5 phiếu được gộp vào đơn vị cấp trên) hoặc phân bố câu trả lời "
        "từng câu hỏi của một phiếu khảo sát; không bao giờ có phiếu của từng người."
    )
    period_kind = UNDATED
    option_fields = {
        "survey": forms.IntegerField(
            label="Phiếu khảo sát (mã số)",
            required=True,
            min_value=1,
            error_messages={
                "required": "Cần chọn phiếu khảo sát.",
                "invalid": "Mã số phiếu khảo sát phải là một số.",
                "min_value": "Mã số phiếu khảo sát không hợp lệ.",
            },
        ),
        "view": forms.ChoiceField(
            label="Nội dung",
            required=False,
            initial="rate",
            choices=VIEWS,
            error_messages={"invalid_choice": "Nội dung “%(value)s” không hợp lệ."},
        ),
    }

    def default_options(self, *, user):
        """The newest survey the user may read."""
        latest = (
            survey_queryset_for(user=user).order_by("-opens_on", "-pk").values_list("pk", flat=True).first()
        )
        return {"survey": latest} if latest else {}

    def run(self, *, user, params):
        surveys = Survey.objects.all() if user is None else survey_queryset_for(user=user)
        survey = surveys.filter(pk=int(params.options["survey"])).first()
        if survey is None:
            return ReportResult(
                columns=[Column("unit", "Đơn vị")], rows=[], notes=["Không có phiếu khảo sát này."]
            )
        data = survey_results(user=user, survey=survey, within=params.org)
        notes = [
            f"{survey.title} ({survey.year}). Đơn vị có dưới {MIN_GROUP} phiếu trả lời được gộp vào đơn vị cấp "
            "trên để không ai bị nhận ra; phân bố chỉ hiện khi có từ 5 phiếu trở lên."
        ]
        if params.options.get("view") == "questions":
            return self._questions(data, notes)
        columns = [
            Column("unit", "Đơn vị"),
            Column("invited", "Số người được mời", "int"),
            Column("responses", "Số phiếu trả lời", "int"),
            Column("rate", "Tỷ lệ trả lời (%)", "pct"),
        ]
        rows = [
            Row({"unit": group_label(g), "invited": g.invited, "responses": g.responses, "rate": g.rate})
            for g in data["groups"]
        ]
        totals = [
            Row(
                {
                    "unit": "Tổng cộng",
                    "invited": data["invited"],
                    "responses": data["responses"],
                    "rate": data["rate"],
                },
                kind="total",
            )
        ]
        chart = {
            "type": "bar",
            "labels": [g.unit.name for g in data["groups"]],
            "datasets": [{"label": "Tỷ lệ trả lời", "data": [float(g.rate or 0) for g in data["groups"]]}],
            "unit": "%",
        }
        return ReportResult(
            columns=columns,
            rows=rows,
            totals=totals,
            notes=notes,
            chart=chart,
            meta={"invited": data["invited"], "responses": data["responses"]},
        )

    @staticmethod
    def _questions(data, notes):
        columns = [
            Column("question", "Câu hỏi"),
            Column("option", "Phương án / mức"),
            Column("count", "Số lượt chọn", "int"),
            Column("share", "Tỷ lệ (%)", "pct"),
        ]
        rows = []
        if data["distribution"] is None:
            notes.append(f"Chưa đủ {MIN_GROUP} phiếu trả lời trong phạm vi: không hiển thị phân bố.")
        for item in data["distribution"] or []:
            q = item["question"]
            for option in item["options"]:
                rows.append(
                    Row(
                        {
                            "question": f"Câu {q.order}. {q.text}",
                            "option": option["label"],
                            "count": option["count"],
                            "share": option["share"],
                        }
                    )
                )
        return ReportResult(
            columns=columns,
            rows=rows,
            notes=notes,
            meta={"invited": data["invited"], "responses": data["responses"]},
        )
