import io
import time

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


def test_the_syll_word_file_opens_with_the_national_motto(full_dossier):
    doc = Document(io.BytesIO(render_docx(form_syll(dossier_records(person=full_dossier, on=BEFORE)))))
    text = _docx_text(doc)

    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert text.index("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") < text.index("SƠ YẾU LÝ LỊCH")
    for part in ("I. THÔNG TIN CHUNG", "V. QUAN HỆ GIA ĐÌNH", "VIII. KHEN THƯỞNG", "IX. KỶ LUẬT"):
        assert part in text


def test_the_2c_word_file_has_the_forms_head_and_items(full_dossier):
    text = _docx_text(
        Document(io.BytesIO(render_docx(form_2c(dossier_records(person=full_dossier, on=BEFORE)))))
    )

    assert "Mẫu 2C-BNV/2008" in text and "SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC" in text
    assert f"Số hiệu cán bộ, công chức: {full_dossier.code}" in text
    for item in ("27) ĐÀO TẠO", "29) ĐẶC ĐIỂM LỊCH SỬ BẢN THÂN", "30) QUAN HỆ GIA ĐÌNH", "31) DIỄN BIẾN"):
        assert item in text


@pytest.mark.parametrize("build", [form_syll, form_2c])
def test_the_pdf_is_printed_quickly_on_a4_pages(full_dossier, build, tmp_path):
    form = build(dossier_records(person=full_dossier, on=BEFORE))

    render_pdf(form)  # the first print of a process loads the fonts
    started = time.process_time()  # the CPU this print used: stable on a shared, loaded machine
    pdf = render_pdf(form)
    seconds = time.process_time() - started
    (tmp_path / f"{form.key}.pdf").write_bytes(pdf)

    assert pdf.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(pdf))
    assert 2 <= len(reader.pages) <= 4
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 2.54, 1), round(float(box.height) / 72 * 2.54, 1)) == (21.0, 29.7)
    text = "".join(page.extract_text() for page in reader.pages)
    assert "NGUYỄN VĂN ÁNH" in text and "Nguyễn Văn Bố" in text
    fonts = {
        str(f.get("/BaseFont", "")) for page in reader.pages for f in page["/Resources"]["/Font"].values()
    }
    assert all("Times" in f or "Liberation" in f for f in fonts), fonts
    assert seconds < 5, (
        f"{seconds:.2f} s"
    )  # ~0,4 s on an idle core; 2–4 s on the shared CI machine at load 10
