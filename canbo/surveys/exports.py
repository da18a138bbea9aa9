"""Excel exports of a survey, run as jobs on the queue: the aggregated results (response rates per group and
the distribution) and the free-text answers of a question per group of at least 5 responses, in the keyed
shuffle of canbo.surveys.texts. Never a respondent's row (the data model has none to give), no timestamp.

The job re-reads the survey, the question and the unit within the starter's scope, and computes the results and
the texts through the same functions as the pages (`survey_results`, `survey_texts`: the k-anonymity groups,
who may read texts, the order), so a file never holds more than the page would show at that moment. Every
text (a question, a unit's name, a respondent's words) is written as text, never as a formula."""

from django.core.exceptions import PermissionDenied, ValidationError
from openpyxl import Workbook
from openpyxl.styles import Font

from canbo.accounts.scoping import visible_units
from canbo.core.xlsx import safe_value
from canbo.jobs.exports import register_export
from canbo.jobs.registry import JobFailed

from .choices import QuestionKind
from .reports import group_label
from .results import survey_results
from .selectors import reads_cadre_work, survey_queryset_for
from .texts import survey_texts

RESULTS_EXPORT = "surveys.results"
TEXTS_EXPORT = "surveys.texts"
NO_ACCESS = "Anh/chị không có quyền xem trang quản lý khảo sát."
NO_SURVEY = "Không tìm thấy phiếu khảo sát này trong phạm vi được xem."


def _append(sheet, values: list) -> None:
    sheet.append([safe_value(sheet, v) for v in values])


def write_results(survey, data, fileobj) -> int:
    """The results workbook; returns the number of rows of figures (groups, total, distribution)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Tỷ lệ trả lời"
    bold = Font(bold=True)
    _append(sheet, [f"{survey.title} ({survey.year})"])
    _append(sheet, [f"Đơn vị dưới {data['min_group']} phiếu được gộp vào đơn vị cấp trên."])
    _append(sheet, ["Đơn vị", "Số người được mời", "Số phiếu trả lời", "Tỷ lệ trả lời (%)"])
    for cell in sheet[3]:
        cell.font = bold
    rows = 0
    for g in data["groups"]:
        _append(
            sheet, [group_label(g), g.invited, g.responses, float(g.rate) if g.rate is not None else None]
        )
        rows += 1
    _append(
        sheet,
        ["Tổng cộng", data["invited"], data["responses"], float(data["rate"]) if data["rate"] else None],
    )
    rows += 1
    sheet.column_dimensions["A"].width = 60
    answers = book.create_sheet("Phân bố câu trả lời")
    _append(answers, ["Câu hỏi", "Phương án / mức", "Số lượt chọn", "Tỷ lệ (%)"])
    for cell in answers[1]:
        cell.font = bold
    if data["distribution"] is None:
        _append(answers, [f"Chưa đủ {data['min_group']} phiếu trả lời: không hiển thị phân bố."])
    for item in data["distribution"] or []:
        q = item["question"]
        for o in item["options"]:
            share = float(o["share"]) if o["share"] is not None else None
            _append(answers, [f"Câu {q.order}. {q.text}", o["label"], o["count"], share])
            rows += 1
    answers.column_dimensions["A"].width = 60
    book.save(fileobj)
    return rows


def write_texts(survey, data, fileobj) -> int:
    """The same texts, groups and order as the page (canbo.surveys.texts.survey_texts); returns their count."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Trả lời tự do"
    question = data["question"]
    _append(sheet, [f"{survey.title} ({survey.year})"])
    _append(sheet, [f"Câu {question.order}. {question.text}"])
    _append(
        sheet,
        [
            f"Chỉ hiện câu trả lời của nhóm đơn vị có từ {data['min_group']} phiếu; thứ tự đã xáo trộn, "
            "không theo thứ tự trả lời."
        ],
    )
    _append(sheet, ["Đơn vị (nhóm)", "Số phiếu của nhóm", "Câu trả lời"])
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    rows = 0
    for item in data["groups"]:
        for text in item.texts:
            _append(sheet, [group_label(item.group), item.group.responses, text.text])
            rows += 1
    if data["hidden_groups"]:
        _append(
            sheet,
            [
                f"{data['hidden_groups']} nhóm đơn vị dưới {data['min_group']} phiếu "
                f"({data['hidden_responses']} phiếu): không hiển thị câu trả lời tự do."
            ],
        )
    sheet.column_dimensions["A"].width = 50
    sheet.column_dimensions["C"].width = 100
    book.save(fileobj)
    return rows


def _int(value) -> int | None:
    return int(value) if (value or "").isdigit() else None


def _survey_and_unit(user, query):
    """The survey (`survey`: its id) and the unit the results are narrowed to (`unit`: a code, optional)."""
    if not reads_cadre_work(user):
        raise JobFailed(NO_ACCESS)
    survey = survey_queryset_for(user=user).filter(pk=_int(query.get("survey"))).first()
    if survey is None:
        raise JobFailed(NO_SURVEY)
    code = query.get("unit")
    within = visible_units(user).filter(code=code).first() if code else None
    if code and within is None:
        raise ValidationError(f"Không tìm thấy đơn vị “{code}” trong phạm vi được xem.")
    return survey, within


def write_results_export(*, user, query, fileobj, progress) -> int:
    survey, within = _survey_and_unit(user, query)
    progress("Đang tổng hợp kết quả", 0, 0, unit="dòng")
    return write_results(survey, survey_results(user=user, survey=survey, within=within), fileobj)


def write_texts_export(*, user, query, fileobj, progress) -> int:
    survey, within = _survey_and_unit(user, query)
    question = survey.questions.filter(kind=QuestionKind.TEXT, pk=_int(query.get("question"))).first()
    if question is None:
        raise JobFailed("Không tìm thấy câu hỏi tự do này trong phiếu khảo sát.")
    progress("Đang đọc câu trả lời tự do", 0, 0, unit="dòng")
    try:
        data = survey_texts(user=user, survey=survey, question=question, within=within)
    except PermissionDenied as exc:  # not (or no longer) the survey's owner nor the board
        raise JobFailed(str(exc)) from None
    return write_texts(survey, data, fileobj)


register_export(
    RESULTS_EXPORT,
    title="Kết quả khảo sát (số liệu tổng hợp)",
    filename="khao-sat-ket-qua-{date}.xlsx",
    write=write_results_export,
)
register_export(
    TEXTS_EXPORT,
    title="Trả lời tự do của khảo sát",
    filename="khao-sat-tu-do-{date}.xlsx",
    write=write_texts_export,
)
