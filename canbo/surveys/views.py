"""Survey pages: the official's own questionnaires (/khao-sat/), and for staff the builder, invitations and
anonymous results. Thin: parse, call one service or selector, render."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from canbo.accounts.access import access_decorators, require_board
from canbo.accounts.models import Role
from canbo.accounts.scoping import has_role, visible_units
from canbo.jobs.views import export_view
from canbo.people.filters import PersonFilterForm
from canbo.people.selectors import person_list
from canbo.reports.formatting import fmt_decimal

from . import services
from .exports import RESULTS_EXPORT, TEXTS_EXPORT
from .forms import AnswerForm, QuestionForm, SurveyForm
from .results import survey_results
from .selectors import (
    invitation_counts,
    invitation_list,
    my_invitation_get,
    my_invitations,
    reads_cadre_work,
    survey_get_for_user,
    survey_list,
)
from .texts import TEXTS_REFUSED, may_read_texts, survey_texts, text_question_get

NO_ACCESS = "Anh/chị không có quyền xem trang quản lý khảo sát."
READ_ONLY = "Anh/chị chỉ được xem khảo sát, không được lập phiếu hoặc mời cán bộ."

staff_required, _writer_required = access_decorators(no_access=NO_ACCESS, read_only=READ_ONLY)


def _errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


@login_required
def mine(request):
    """The official's questionnaires: open ones to answer, answered ones marked."""
    invitations = list(my_invitations(user=request.user))
    for invitation in invitations:
        invitation.accepting = services.accepting(invitation.survey)
    return render(
        request, "surveys/mine.html", {"invitations": invitations, "staff": reads_cadre_work(request.user)}
    )


@login_required
def answer(request, pk):
    invitation = my_invitation_get(user=request.user, pk=pk)  # 404 another's; 403 if staff may read it
    survey = invitation.survey
    questions = list(survey.questions.prefetch_related("choices").order_by("order"))
    form = AnswerForm(request.POST or None, questions=questions)
    refused = None
    if invitation.answered_at:
        refused = "Anh/chị đã trả lời phiếu khảo sát này; mỗi người chỉ trả lời một lần."
    elif not services.accepting(survey):
        refused = "Phiếu khảo sát không còn nhận trả lời (chưa mở, đã đóng hoặc đã hết hạn)."
    if request.method == "POST" and refused is None and form.is_valid():
        try:
            services.response_submit(actor=request.user, invitation=invitation, answers=form.answers())
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(request, "Cảm ơn anh/chị đã trả lời phiếu khảo sát.")
            return redirect("surveys:mine")
    status = 200
    if request.method == "POST":
        status = 409 if refused else 400
    context = {"invitation": invitation, "survey": survey, "form": form, "refused": refused}
    return render(request, "surveys/answer.html", context, status=status)


@staff_required
def survey_index(request):
    return render(
        request,
        "surveys/list.html",
        {
            "surveys": survey_list(user=request.user),
            "is_board": has_role(request.user, Role.PROVINCE_BOARD),
        },
    )


@staff_required
def survey_create(request):
    require_board(request.user, services.BOARD_ONLY)
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            survey = services.survey_create(actor=request.user, data=form.cleaned_data)
        except ValidationError as exc:
            _errors(form, exc)
        else:
            return redirect("surveys:detail", survey.pk)
    return render(request, "surveys/form.html", {"form": form})


@staff_required
def survey_detail(request, pk):
    """The builder: questions (board, while a draft), status, links to invitations and results."""
    survey = survey_get_for_user(user=request.user, pk=pk)
    is_board = has_role(request.user, Role.PROVINCE_BOARD)
    form = QuestionForm(request.POST or None)
    if request.method == "POST":
        require_board(request.user, services.BOARD_ONLY)
        if form.is_valid():
            try:
                services.question_add(
                    actor=request.user,
                    survey=survey,
                    text=form.cleaned_data["text"],
                    kind=form.cleaned_data["kind"],
                    required=form.cleaned_data["required"],
                    choices=form.choice_list(),
                )
            except ValidationError as exc:
                _errors(form, exc)
            else:
                return redirect("surveys:detail", survey.pk)
    questions = survey.questions.prefetch_related("choices").order_by("order")
    context = {
        "survey": survey,
        "questions": questions,
        "form": form,
        "is_board": is_board,
        "counts": invitation_counts(user=request.user, survey=survey),
    }
    return render(request, "surveys/detail.html", context, status=400 if form.errors else 200)


@staff_required
@require_POST
def question_delete(request, pk, question_pk):
    survey = survey_get_for_user(user=request.user, pk=pk)
    question = survey.questions.filter(pk=question_pk).first()
    if question is None:
        return redirect("surveys:detail", survey.pk)
    try:
        services.question_delete(actor=request.user, question=question)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("surveys:detail", survey.pk)


@staff_required
@require_POST
def survey_transition(request, pk, action):
    survey = survey_get_for_user(user=request.user, pk=pk)
    try:
        services.survey_transition(actor=request.user, survey=survey, action=action)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "Đã mở phiếu khảo sát." if action == "open" else "Đã đóng phiếu khảo sát.")
    return redirect("surveys:detail", survey.pk)


@staff_required
def invitations(request, pk):
    """Who was invited in the user's units and whether they answered; invite from a filtered person list."""
    survey = survey_get_for_user(user=request.user, pk=pk)
    can_invite = has_role(request.user, Role.PROVINCE_BOARD, Role.UNIT_OFFICER)
    filter_form = PersonFilterForm(request.GET or None, user=request.user)
    matched = None
    if can_invite and request.GET and filter_form.is_valid():
        matched = person_list(user=request.user, filters={**filter_form.filters(), "status": "WORKING"})
    if request.method == "POST":
        if matched is None:
            raise PermissionDenied(services.CANNOT_INVITE)
        try:
            counts = services.invitations_create(actor=request.user, survey=survey, persons=matched)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                f"Đã mời {counts['created']} người; {counts['already']} người đã được mời trước đó; "
                f"{counts['no_login']} người chưa có tài khoản đăng nhập nên chưa mời được.",
            )
        return redirect(request.get_full_path())
    rows = list(invitation_list(user=request.user, survey=survey)[:500])
    context = {
        "survey": survey,
        "filter_form": filter_form,
        "matched_count": matched.count() if matched is not None else None,
        "can_invite": can_invite and survey.status != "DA_DONG",
        "rows": rows,
        "counts": invitation_counts(user=request.user, survey=survey),
        "query": request.GET.urlencode(),
    }
    return render(request, "surveys/invitations.html", context)


def _within(request):
    code = request.GET.get("unit")
    return visible_units(request.user).filter(code=code).first() if code else None


def _unit_query(url: str, within) -> str:
    return url + (f"?{urlencode({'unit': within.code})}" if within is not None else "")


def _results(request, pk):
    survey = survey_get_for_user(user=request.user, pk=pk)
    within = _within(request)
    return survey, within, survey_results(user=request.user, survey=survey, within=within)


@staff_required
def results(request, pk):
    survey, within, data = _results(request, pk)
    charts = [
        {
            "item": item,
            "chart_id": f"survey-chart-{item['question'].pk}",
            "data_id": f"survey-chart-data-{item['question'].pk}",
            "mean_text": fmt_decimal(item["mean"]),
            "chart": {
                "type": "bar",
                "labels": [o["label"] for o in item["options"]],
                "datasets": [
                    {"label": "Tỷ lệ (%)", "data": [float(o["share"] or 0) for o in item["options"]]}
                ],
                "unit": "%",
            },
        }
        for item in data["distribution"] or []
    ]
    context = {
        "survey": survey,
        "within": within,
        "data": data,
        "charts": charts,
        "may_read_texts": may_read_texts(request.user, survey),
        "export_url": _unit_query(reverse("surveys:results_xlsx", args=[survey.pk]), within),
    }
    return render(request, "surveys/results.html", context)


def _export_query(survey, within, **extra) -> str:
    """The job's query: the survey, the unit the page resolved (an unknown code is left out, as on the page)."""
    data = {"survey": survey.pk, **extra}
    if within is not None:
        data["unit"] = within.code
    return urlencode(data)


@staff_required
@require_http_methods(["GET", "POST"])
def results_export(request, pk):
    """The aggregated results as .xlsx, written by a job."""
    survey = survey_get_for_user(user=request.user, pk=pk)
    return export_view(
        request,
        RESULTS_EXPORT,
        query=_export_query(survey, _within(request)),
        title=f"Kết quả khảo sát {survey.title} ({survey.year})",
        filename=f"khao-sat-{survey.pk}-ket-qua.xlsx",
    )


def _texts(request, pk, question_pk):
    survey = survey_get_for_user(user=request.user, pk=pk)  # 404 outside the surveys the user reads
    question = text_question_get(survey=survey, pk=question_pk)
    within = _within(request)
    return survey, within, survey_texts(user=request.user, survey=survey, question=question, within=within)


@staff_required
def texts(request, pk, question_pk):
    """The free-text answers of one question, per group of at least 5 responses (owner and board only)."""
    survey, within, data = _texts(request, pk, question_pk)
    export_url = _unit_query(reverse("surveys:texts_xlsx", args=[survey.pk, data["question"].pk]), within)
    context = {"survey": survey, "within": within, "data": data, "export_url": export_url}
    return render(request, "surveys/texts.html", context)


@staff_required
@require_http_methods(["GET", "POST"])
def texts_export(request, pk, question_pk):
    """The free-text answers of one question as .xlsx, written by a job that applies the page's rules (owner
    and board only, groups of at least 5, the keyed shuffle) when it runs."""
    survey = survey_get_for_user(user=request.user, pk=pk)  # 404 outside the surveys the user reads
    question = text_question_get(survey=survey, pk=question_pk)
    if not may_read_texts(request.user, survey):
        raise PermissionDenied(TEXTS_REFUSED)
    return export_view(
        request,
        TEXTS_EXPORT,
        query=_export_query(survey, _within(request), question=question.pk),
        title=f"Trả lời tự do câu {question.order}, khảo sát {survey.title} ({survey.year})",
        filename=f"khao-sat-{survey.pk}-cau-{question.order}-tu-do.xlsx",
    )
