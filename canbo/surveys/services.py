"""Writes of the surveys app: the board builds and opens a survey, the board or a unit officer invites their
units' officials, and each official answers their own invitation, anonymously, once."""

from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from canbo.accounts.access import require_board
from canbo.accounts.models import Role
from canbo.accounts.scoping import can_edit_unit, has_role
from canbo.core.audit import audit_actor, audit_bulk
from canbo.people.choices import PersonStatus

from .choices import CHOICE_KINDS, SCALE_MAX, SCALE_MIN, QuestionKind, SurveyStatus
from .models import Answer, Choice, Invitation, Question, Response, Survey

BOARD_ONLY = "Chỉ Ban Tổ chức Tỉnh ủy / Sở Nội vụ được lập và mở, đóng phiếu khảo sát."
NOT_DRAFT = "Phiếu khảo sát đã mở: không được sửa câu hỏi nữa."
NOT_YOURS = "Anh/chị chỉ được trả lời phiếu khảo sát của chính mình; không ai được trả lời thay người khác."
CANNOT_INVITE = "Anh/chị không có quyền mời cán bộ của đơn vị này tham gia khảo sát."
TRANSITIONS = {
    "open": (SurveyStatus.DRAFT, SurveyStatus.OPEN),
    "close": (SurveyStatus.OPEN, SurveyStatus.CLOSED),
}


def _require_draft(survey: Survey) -> None:
    if survey.status != SurveyStatus.DRAFT:
        raise ValidationError(NOT_DRAFT)


def _survey_errors(data: dict) -> dict:
    errors = {}
    if not (data.get("title") or "").strip():
        errors["title"] = ["Cần tên phiếu khảo sát."]
    year = data.get("year")
    if not year or not 2000 <= int(year) <= 2100:
        errors["year"] = ["Năm từ 2000 đến 2100."]
    opens, closes = data.get("opens_on"), data.get("closes_on")
    if opens is None:
        errors["opens_on"] = ["Cần ngày mở phiếu."]
    if closes is None:
        errors["closes_on"] = ["Cần ngày đóng phiếu."]
    elif opens and closes < opens:
        errors["closes_on"] = ["Ngày đóng phiếu không được trước ngày mở."]
    return errors


SURVEY_FIELDS = ("title", "year", "purpose", "description", "opens_on", "closes_on")


@transaction.atomic
def survey_create(*, actor, data: dict) -> Survey:
    require_board(actor, BOARD_ONLY)
    if errors := _survey_errors(data):
        raise ValidationError(errors)
    with audit_actor(actor):
        return Survey.objects.create(created_by=actor, **{k: data.get(k, "") for k in SURVEY_FIELDS})


@transaction.atomic
def question_add(
    *, actor, survey: Survey, text: str, kind: str, required: bool = True, choices=()
) -> Question:
    require_board(actor, BOARD_ONLY)
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    _require_draft(survey)
    choices = [c.strip() for c in choices if c and c.strip()]
    errors = {}
    if not (text or "").strip():
        errors["text"] = ["Cần nội dung câu hỏi."]
    if kind not in QuestionKind.values:
        errors["kind"] = ["Loại câu hỏi không hợp lệ."]
    elif kind in CHOICE_KINDS and len(choices) < 2:
        errors["choices"] = ["Câu hỏi chọn phương án cần ít nhất 2 phương án (mỗi dòng một phương án)."]
    elif kind not in CHOICE_KINDS and choices:
        errors["choices"] = ["Chỉ câu hỏi chọn phương án mới có phương án trả lời."]
    if len(set(choices)) != len(choices):
        errors.setdefault("choices", []).append("Các phương án không được trùng nhau.")
    if errors:
        raise ValidationError(errors)
    last = survey.questions.order_by("-order").values_list("order", flat=True).first() or 0
    with audit_actor(actor):
        question = Question.objects.create(
            survey=survey, order=last + 1, text=text.strip(), kind=kind, required=required
        )
        Choice.objects.bulk_create(
            Choice(question=question, order=i, text=c) for i, c in enumerate(choices, start=1)
        )
    return question


@transaction.atomic
def question_delete(*, actor, question: Question) -> None:
    require_board(actor, BOARD_ONLY)
    _require_draft(Survey.objects.select_for_update().get(pk=question.survey_id))
    with audit_actor(actor):
        question.delete()


@transaction.atomic
def survey_transition(*, actor, survey: Survey, action: str) -> Survey:
    """open: draft → open (needs a question); close: open → closed (no more answers)."""
    require_board(actor, BOARD_ONLY)
    if action not in TRANSITIONS:
        raise ValidationError("Thao tác không hợp lệ.")
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    before, after = TRANSITIONS[action]
    if survey.status != before:
        raise ValidationError(
            f"Phiếu đang ở trạng thái “{survey.get_status_display()}”: không thể "
            + ("mở." if action == "open" else "đóng.")
        )
    if action == "open" and not survey.questions.exists():
        raise ValidationError("Phiếu khảo sát chưa có câu hỏi nào: chưa mở được.")
    survey.status = after
    with audit_actor(actor):
        survey.save(update_fields=["status", "updated_at"])
    return survey


@transaction.atomic
def invitations_create(*, actor, survey: Survey, persons) -> dict:
    """Invite every person of a filtered list. All or nothing when someone is outside the actor's units;
    people without a login, no longer working or already invited are skipped and counted."""
    if not has_role(actor, Role.PROVINCE_BOARD, Role.UNIT_OFFICER):
        raise PermissionDenied(CANNOT_INVITE)
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if survey.status == SurveyStatus.CLOSED:
        raise ValidationError("Phiếu khảo sát đã đóng: không mời thêm được.")
    people = list(persons.select_related("current_unit").order_by())
    outside = [p for p in people if p.current_unit is None or not can_edit_unit(actor, p.current_unit)]
    if outside:
        raise PermissionDenied(f"{CANNOT_INVITE} ({outside[0].full_name} và {len(outside) - 1} người khác).")
    invited = set(Invitation.objects.filter(survey=survey).values_list("person_id", flat=True))
    counts = {"created": 0, "already": 0, "no_login": 0, "not_working": 0}
    new = []
    for person in people:
        if person.pk in invited:
            counts["already"] += 1
        elif person.status != PersonStatus.WORKING:
            counts["not_working"] += 1
        elif person.user_id is None:
            counts["no_login"] += 1
        else:
            new.append(Invitation(survey=survey, person=person, unit=person.current_unit, invited_by=actor))
    created = Invitation.objects.bulk_create(new)
    audit_bulk(
        actor=actor,
        entries=[
            (i, LogEntry.Action.CREATE, {"survey": (None, survey.pk), "person": (None, i.person_id)})
            for i in created
        ],
    )
    counts["created"] = len(created)
    return counts


def accepting(survey: Survey, today=None) -> bool:
    today = today or timezone.localdate()
    return survey.status == SurveyStatus.OPEN and survey.opens_on <= today <= survey.closes_on


def _answer_rows(question: Question, value) -> list[Answer]:
    """The Answer rows of one question (without response), or ValidationError with a Vietnamese reason."""
    label = f"Câu {question.order}"
    empty = value in (None, "", [], ())
    if empty:
        if question.required:
            raise ValidationError({f"q{question.pk}": [f"{label}: cần trả lời câu hỏi này."]})
        return []
    if question.kind in CHOICE_KINDS:
        values = value if isinstance(value, (list, tuple)) else [value]
        if question.kind == QuestionKind.SINGLE and len(values) != 1:
            raise ValidationError({f"q{question.pk}": [f"{label}: chỉ chọn một phương án."]})
        by_id = {str(c.pk): c for c in question.choices.all()}
        picked = [by_id.get(str(v)) for v in values]
        if None in picked or len(set(values)) != len(values):
            raise ValidationError({f"q{question.pk}": [f"{label}: phương án không hợp lệ."]})
        return [Answer(question=question, choice=c) for c in picked]
    if question.kind == QuestionKind.SCALE:
        try:
            score = int(value)
        except (TypeError, ValueError):
            score = None
        if score is None or not SCALE_MIN <= score <= SCALE_MAX:
            raise ValidationError(
                {f"q{question.pk}": [f"{label}: chọn một mức từ {SCALE_MIN} đến {SCALE_MAX}."]}
            )
        return [Answer(question=question, scale=score)]
    text = str(value).strip()
    if len(text) > 2000:
        raise ValidationError({f"q{question.pk}": [f"{label}: tối đa 2.000 ký tự."]})
    return [Answer(question=question, text=text)] if text else []


def response_submit(*, actor, invitation: Invitation, answers: dict) -> None:
    """Record the actor's own answers: `answers` maps question id → choice id(s), a score or a text.

    The invitation is marked answered by a conditional UPDATE (… WHERE answered_at IS NULL) in the same
    transaction as the response: of two concurrent submissions one updates the row and the other finds it
    answered and is refused. The response keeps the unit, not the person (anonymity)."""
    if invitation.person.user_id is None or invitation.person.user_id != actor.pk:
        raise PermissionDenied(NOT_YOURS)
    survey = invitation.survey
    if not accepting(survey):
        raise ValidationError("Phiếu khảo sát không còn nhận trả lời (chưa mở, đã đóng hoặc đã hết hạn).")
    questions = list(survey.questions.prefetch_related("choices").order_by("order"))
    rows, errors = [], {}
    for question in questions:
        try:
            rows += _answer_rows(question, answers.get(str(question.pk), answers.get(question.pk)))
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        marked = Invitation.objects.filter(pk=invitation.pk, answered_at__isnull=True).update(
            answered_at=timezone.now()
        )
        if not marked:
            raise ValidationError("Anh/chị đã trả lời phiếu khảo sát này; mỗi người chỉ trả lời một lần.")
        unit = invitation.person.current_unit or invitation.unit
        response = Response.objects.create(survey=survey, unit=unit)
        for row in rows:
            row.response = response
        Answer.objects.bulk_create(rows)
