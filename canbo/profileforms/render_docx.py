"""Draw a FormDocument to Word with python-docx: A4, Times New Roman 13 pt (tables 11 pt), margins of
administrative documents (top and bottom 2 cm, left 3 cm, right 1.5 cm), the photo box 4 × 6 cm."""

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from .document import DOTS, MOTTO, FormDocument, Heading, Line, Note, Table

FONT = "Times New Roman"
BODY_PT = 13
TABLE_PT = 11
CONTENT_WIDTH_CM = 16.5  # 21 − 3 − 1.5


def _font(run, size=BODY_PT, bold=False, italic=False):
    run.font.name = FONT
    run.font.size = Pt(size)
    run.bold, run.italic = bold, italic
    # East Asian and complex-script slots too, so Word never substitutes another font for Vietnamese text.
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)
    return run


def _paragraph(cell_or_doc, text="", *, size=BODY_PT, bold=False, italic=False, align=None, after=2):
    par = cell_or_doc.add_paragraph()
    par.paragraph_format.space_after = Pt(after)
    par.paragraph_format.space_before = Pt(0)
    if align is not None:
        par.alignment = align
    if text:
        _font(par.add_run(text), size, bold, italic)
    return par


def _set_defaults(doc):
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(BODY_PT)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)


def _borders(table):
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "single")
        element.set(qn("w:sz"), "4")
        element.set(qn("w:color"), "000000")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _fill_cell(cell, text, *, size=BODY_PT, bold=False, italic=False, align=None):
    lines = (text or "").split("\n")
    first = cell.paragraphs[0]
    first.paragraph_format.space_after = Pt(0)
    if align is not None:
        first.alignment = align
    _font(first.add_run(lines[0]), size, bold, italic)
    for line in lines[1:]:
        _paragraph(cell, line, size=size, bold=bold, italic=italic, align=align, after=0)


def _header(doc, form: FormDocument):
    h = form.header
    table = doc.add_table(rows=1, cols=2)
    table.autofit = False
    left, right = table.rows[0].cells
    left.width, right.width = Cm(7.5), Cm(9.0)
    table.columns[0].width, table.columns[1].width = Cm(7.5), Cm(9.0)
    centre = WD_ALIGN_PARAGRAPH.CENTER
    if h.motto:
        _fill_cell(left, "\n".join(h.left), size=BODY_PT, bold=True, align=centre)
        _fill_cell(right, MOTTO[0], size=12, bold=True, align=centre)
        _paragraph(right, MOTTO[1], size=BODY_PT, bold=True, align=centre, after=0)
    else:
        _fill_cell(left, "\n".join(h.left), size=TABLE_PT)
        _fill_cell(right, h.right[0], size=TABLE_PT, italic=True, align=centre)
        for line in h.right[1:]:
            _paragraph(right, line, size=TABLE_PT, align=centre, after=0)
    _paragraph(doc, "")
    # The photo box (4 × 6 cm) on the left, the title beside it.
    box = doc.add_table(rows=1, cols=2)
    box.autofit = False
    photo_cell, title_cell = box.rows[0].cells
    photo_cell.width, title_cell.width = Cm(4.2), Cm(12.3)
    box.columns[0].width, box.columns[1].width = Cm(4.2), Cm(12.3)
    if h.photo:
        run = photo_cell.paragraphs[0].add_run()
        run.add_picture(io.BytesIO(h.photo), width=Cm(4), height=Cm(6))
    else:
        _fill_cell(photo_cell, "\n\n\nẢnh màu\n(4 × 6 cm)", size=TABLE_PT, align=centre)
        _borders(box)  # only the empty box is framed; a photo fills it
        for cell in (title_cell,):
            tc_pr = cell._tc.get_or_add_tcPr()
            no_border = OxmlElement("w:tcBorders")
            for edge in ("top", "right", "bottom"):
                element = OxmlElement(f"w:{edge}")
                element.set(qn("w:val"), "nil")
                no_border.append(element)
            tc_pr.append(no_border)
    beside = form.blocks[: form.beside_photo]
    title_cell.paragraphs[0].paragraph_format.space_before = Pt(6 if beside else 48)
    _fill_cell(title_cell, h.title, size=16, bold=True, align=centre)
    if h.subtitle:
        _paragraph(title_cell, h.subtitle, size=BODY_PT, italic=True, align=centre)
    if beside:
        _paragraph(title_cell, "", after=2)
    for block in beside:  # the form's first items sit beside the photo
        _line(title_cell, block, align=WD_ALIGN_PARAGRAPH.LEFT)
    _paragraph(doc, "")


def _line(doc, block: Line, align=WD_ALIGN_PARAGRAPH.JUSTIFY):
    par = _paragraph(doc, align=align)
    for n, (label, value) in enumerate(block.parts):
        _font(par.add_run(("; " if n else "") + label + ": "))
        _font(par.add_run(value or DOTS), bold=bool(value))


def _table(doc, block: Table):
    table = doc.add_table(rows=1, cols=len(block.columns))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _borders(table)
    centre = WD_ALIGN_PARAGRAPH.CENTER
    for column, (_title, width) in zip(table.columns, block.columns, strict=True):
        column.width = Cm(width)  # the grid, read by LibreOffice; each cell's own width, read by Word
    for cell, (title, width) in zip(table.rows[0].cells, block.columns, strict=True):
        cell.width = Cm(width)
        _fill_cell(cell, title, size=TABLE_PT, bold=True, align=centre)
    rows = block.rows or []
    blanks = max(block.min_rows - len(rows), 0)
    for values in [*rows, *([[""] * len(block.columns)] * blanks)]:
        cells = table.add_row().cells
        for cell, value, (_title, width) in zip(cells, values, block.columns, strict=True):
            cell.width = Cm(width)
            _fill_cell(cell, value, size=TABLE_PT)
    _paragraph(doc, "", after=0)


def render_docx(form: FormDocument) -> bytes:
    doc = Document()
    _set_defaults(doc)
    doc.core_properties.title = form.header.title
    _header(doc, form)
    for block in form.blocks[form.beside_photo :]:
        if isinstance(block, Heading):
            _paragraph(doc, block.text, bold=True, after=4).paragraph_format.space_before = Pt(6)
        elif isinstance(block, Line):
            _line(doc, block)
        elif isinstance(block, Note):
            if block.text:
                _paragraph(doc, block.text, italic=True, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
            for answer in block.answer.split("\n") if block.answer else []:
                _paragraph(doc, answer, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
        elif isinstance(block, Table):
            _table(doc, block)
    if form.signatures:
        _paragraph(doc, "")
        table = doc.add_table(rows=1, cols=2)
        for cell, lines in zip(
            table.rows[0].cells, (form.signatures.left, form.signatures.right), strict=True
        ):
            for n, (text, style) in enumerate(lines):
                par = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
                par.alignment = WD_ALIGN_PARAGRAPH.CENTER
                par.paragraph_format.space_after = Pt(0)
                _font(par.add_run(text), bold=style == "b", italic=style == "i")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
