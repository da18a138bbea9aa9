"""Excel exports of a survey: the aggregated results (response rates per group and the distribution) and the
free-text answers of a question per group of at least 5 responses. Never a respondent's row (the data model
has none to give), no timestamp."""

import io

from openpyxl import Workbook
from openpyxl.styles import Font

from .reports import group_label


def results_xlsx(survey, data) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Tỷ lệ trả lời"
    bold = Font(bold=True)
    sheet.append([f"{survey.title} ({survey.year})"])
    sheet.append([f"Đơn vị dưới {data['min_group']} phiếu được gộp vào đơn vị cấp trên."])
    sheet.append(["Đơn vị", "Số người được mời", "Số phiếu trả lời", "Tỷ lệ trả lời (%)"])
    for cell in sheet[3]:
        cell.font = bold
    for g in data["groups"]:
        sheet.append([group_label(g), g.invited, g.responses, float(g.rate) if g.rate is not None else None])
    sheet.append(
        ["Tổng cộng", data["invited"], data["responses"], float(data["rate"]) if data["rate"] else None]
    )
    sheet.column_dimensions["A"].width = 60
    answers = book.create_sheet("Phân bố câu trả lời")
    answers.append(["Câu hỏi", "Phương án / mức", "Số lượt chọn", "Tỷ lệ (%)"])
    for cell in answers[1]:
        cell.font = bold
    if data["distribution"] is None:
        answers.append([f"Chưa đủ {data['min_group']} phiếu trả lời: không hiển thị phân bố."])
    for item in data["distribution"] or []:
        q = item["question"]
        for o in item["options"]:
            share = float(o["share"]) if o["share"] is not None else None
            answers.append([f"Câu {q.order}. {q.text}", o["label"], o["count"], share])
    answers.column_dimensions["A"].width = 60
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def texts_xlsx(survey, data) -> bytes:
    """The same texts, groups and order as the page (canbo.surveys.texts.survey_texts)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Trả lời tự do"
    question = data["question"]
    sheet.append([f"{survey.title} ({survey.year})"])
    sheet.append([f"Câu {question.order}. {question.text}"])
    sheet.append(
        [
            f"Chỉ hiện câu trả lời của nhóm đơn vị có từ {data['min_group']} phiếu; thứ tự đã xáo trộn, "
            "không theo thứ tự trả lời."
        ]
    )
    sheet.append(["Đơn vị (nhóm)", "Số phiếu của nhóm", "Câu trả lời"])
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    for item in data["groups"]:
        for text in item.texts:
            sheet.append([group_label(item.group), item.group.responses, text.text])
            sheet.cell(row=sheet.max_row, column=3).data_type = "s"  # "=…" typed by a respondent stays text
    if data["hidden_groups"]:
        sheet.append(
            [
                f"{data['hidden_groups']} nhóm đơn vị dưới {data['min_group']} phiếu "
                f"({data['hidden_responses']} phiếu): không hiển thị câu trả lời tự do."
            ]
        )
    sheet.column_dimensions["A"].width = 50
    sheet.column_dimensions["C"].width = 100
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
