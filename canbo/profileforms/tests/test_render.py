import io

import pytest
from docx import Document
from pypdf import PdfReader

from canbo.profileforms.layouts import form_2c, form_syll
from canbo.profileforms.records import dossier_records
from canbo.profileforms.render_docx import render_docx
from canbo.profileforms.render_pdf import render_pdf

from .conftest import BEFORE

pytestmark = pytest.mark.django_db


def _docx_text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def _fonts(doc) -> set[str]:
    runs = [r for p in doc.paragraphs for r in p.runs]
    runs += [r for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs]
    return {r.font.name for r in runs if r.text.strip()}


@pytest.mark.parametrize("build", [form_syll, form_2c])
def test_the_word_file_is_a4_in_times_new_roman_with_the_records(full_dossier, build, tmp_path):
    form = build(dossier_records(person=full_dossier, on=BEFORE))

    doc = Document(io.BytesIO(render_docx(form)))
    (tmp_path / f"{form.key}.docx").write_bytes(render_docx(form))

    section = doc.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert round(section.left_margin.cm, 1) == 3.0
    assert _fonts(doc) == {"Times New Roman"}
    assert doc.styles["Normal"].font.name == "Times New Roman"
    text = _docx_text(doc)
    assert "NGUYỄN VĂN ÁNH" in text
    assert "Nguyễn Văn Bố" in text and "Lò Thị Mẹ" in text
    assert "Không bị bắt, bị tù." in text
    assert "15/QĐ-SNV" in text and "7/QĐ-KL" in text  # award and discipline before the date
    assert "88/QĐ-UBND" not in text and "9/QĐ-KL" not in text  # and none after it
    assert len(doc.inline_shapes) == 1  # the photo


def test_the_syll_word_file_opens_with_the_forms_head(full_dossier):
    doc = Document(io.BytesIO(render_docx(form_syll(dossier_records(person=full_dossier, on=BEFORE)))))
    text = _docx_text(doc)

    assert "Cơ quan quản lý cán bộ, công chức, viên chức:" in text
    assert f"Số hiệu: {full_dossier.code}" in text
    head, photo_and_title = doc.tables[0], doc.tables[1]  # the head first, then the photo box and the title
    assert "Mã số định danh:" in head.rows[0].cells[0].text
    assert "SƠ YẾU LÝ LỊCH" in photo_and_title.rows[0].cells[1].text
    beside = photo_and_title.rows[0].cells[1].text  # items 1) to 5) beside the photo, as on the form
    assert "1) Họ và tên khai sinh (viết chữ in hoa): NGUYỄN VĂN ÁNH" in beside and "5) Quê quán" in beside
    assert next(p.text for p in doc.paragraphs if p.text).startswith("6) Dân tộc")
    for part in (
        "30) Tiền lương",
        "32) QUÁ TRÌNH ĐÀO TẠO, BỒI DƯỠNG",
        "36) QUAN HỆ GIA ĐÌNH",
        "38) NHẬN XÉT",
    ):
        assert part in text


def test_the_2c_word_file_has_the_forms_head_and_items(full_dossier):
    text = _docx_text(
        Document(io.BytesIO(render_docx(form_2c(dossier_records(person=full_dossier, on=BEFORE)))))
    )

    assert "Mẫu 2C-BNV/2008" in text and "SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC" in text
    assert f"Số hiệu cán bộ, công chức: {full_dossier.code}" in text
    for item in (
        "27) Đào tạo, bồi dưỡng",
        "29) Đặc điểm lịch sử bản thân",
        "30) Quan hệ gia đình",
        "31) Diễn biến",
    ):
        assert item in text


@pytest.mark.parametrize("build", [form_syll, form_2c])
def test_the_pdf_is_printed_on_a4_pages(full_dossier, build, tmp_path):
    form = build(dossier_records(person=full_dossier, on=BEFORE))

    pdf = render_pdf(form)
    (tmp_path / f"{form.key}.pdf").write_bytes(pdf)

    assert pdf.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(pdf))
    assert 2 <= len(reader.pages) <= 6  # the SYLL's 38 items and empty tables take about five pages
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 2.54, 1), round(float(box.height) / 72 * 2.54, 1)) == (21.0, 29.7)
    text = "".join(page.extract_text() for page in reader.pages)
    assert "NGUYỄN VĂN ÁNH" in text and "Nguyễn Văn Bố" in text
    fonts = {
        str(f.get("/BaseFont", "")) for page in reader.pages for f in page["/Resources"]["/Font"].values()
    }
    assert all("Times" in f or "Liberation" in f for f in fonts), fonts
