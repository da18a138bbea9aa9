"""Surveys (PAR Index, SIPAS): a questionnaire sent to named officials, answered anonymously.

Anonymity: `Invitation` says who was asked and whether they answered (`answered_at`, for the response rate);
`Response` and `Answer` hold the answers with the respondent's unit at the time and NO link to the person or the
user, no timestamp and a random (UUID) key, so neither a column nor the insertion order ties a response back
to an invitation. Responses are never audited (an audit row would name the actor).
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from canbo.core.models import Timestamped
from canbo.org.models import OrgUnit
from canbo.people.models import Person

from .choices import SCALE_MAX, SCALE_MIN, QuestionKind, SurveyPurpose, SurveyStatus


class Survey(Timestamped):
    title = models.CharField(_("tên phiếu khảo sát"), max_length=200)
    year = models.PositiveSmallIntegerField(_("năm"))
    purpose = models.CharField(_("mục đích"), max_length=12, choices=SurveyPurpose.choices)
    description = models.TextField(_("lời giới thiệu"), blank=True)
    opens_on = models.DateField(_("mở từ ngày"))
    closes_on = models.DateField(_("đóng ngày"))
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=SurveyStatus.choices, default=SurveyStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người tạo")
    )

    class Meta:
        verbose_name = _("phiếu khảo sát")
        verbose_name_plural = _("phiếu khảo sát")
        ordering = ["-year", "-opens_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")), name="survey_dates_order"
            ),
            models.CheckConstraint(condition=Q(year__gte=2000, year__lte=2100), name="survey_year_range"),
        ]

    def __str__(self):
        return f"{self.title} ({self.year})"


class Question(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(_("thứ tự"))
    text = models.CharField(_("câu hỏi"), max_length=500)
    kind = models.CharField(_("loại câu hỏi"), max_length=16, choices=QuestionKind.choices)
    required = models.BooleanField(_("bắt buộc trả lời"), default=True)

    class Meta:
        verbose_name = _("câu hỏi")
        verbose_name_plural = _("câu hỏi")
        ordering = ["survey", "order"]
        constraints = [models.UniqueConstraint(fields=["survey", "order"], name="question_order_unique")]

    def __str__(self):
        return f"Câu {self.order}. {self.text}"


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    order = models.PositiveSmallIntegerField(_("thứ tự"))
    text = models.CharField(_("phương án"), max_length=300)

    class Meta:
        verbose_name = _("phương án trả lời")
        verbose_name_plural = _("phương án trả lời")
        ordering = ["question", "order"]
        constraints = [models.UniqueConstraint(fields=["question", "order"], name="choice_order_unique")]

    def __str__(self):
        return self.text


class Invitation(models.Model):
    """One named official asked to answer; `unit` is their unit when invited (response rate per unit)."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="invitations")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="survey_invitations")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị"))
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("mời lúc"), auto_now_add=True)
    answered_at = models.DateTimeField(_("đã trả lời lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("lời mời khảo sát")
        verbose_name_plural = _("lời mời khảo sát")
        ordering = ["survey", "unit__path", "person__sort_key", "id"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "person"], name="invitation_once_per_person")
        ]

    def __str__(self):
        return f"Lời mời khảo sát {self.survey_id} – {self.person_id}"


class Response(models.Model):
    """One filled-in questionnaire, anonymous: the survey and the respondent's unit at the time, nothing else."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.PROTECT, related_name="responses")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị"))

    class Meta:
        verbose_name = _("phiếu trả lời")
        verbose_name_plural = _("phiếu trả lời")

    def __str__(self):
        return "Phiếu trả lời (ẩn danh)"


class Answer(models.Model):
    """One answer: a chosen option (one row per option ticked), a score 1–5 or a free text."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    choice = models.ForeignKey(Choice, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    scale = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        verbose_name = _("câu trả lời")
        verbose_name_plural = _("câu trả lời")
        constraints = [
            models.CheckConstraint(
                condition=Q(scale__isnull=True) | Q(scale__gte=SCALE_MIN, scale__lte=SCALE_MAX),
                name="answer_scale_range",
            ),
            models.UniqueConstraint(
                fields=["response", "question", "choice"],
                condition=Q(choice__isnull=False),
                name="answer_choice_once",
            ),
            models.UniqueConstraint(
                fields=["response", "question"], condition=Q(choice__isnull=True), name="answer_value_once"
            ),
        ]

    def __str__(self):
        return "Câu trả lời (ẩn danh)"
