"""The drafts keep NĐ 30/2020's page (A4, margins, Times New Roman 13–14) and stay valid Word files."""

import io
import re
import zipfile

import pytest
from docx import Document
from docx.shared import Pt

from canbo.decisions.docx.build import KINDS

from .conftest import download


@pytest.fixture
def drafts(client, alice, appointment, rotation, retiring, discipline_case, streamlining_case, study):
    keys = {
        "appointment": appointment.pk,
        "movement": rotation.pk,
        "retirement": retiring.uuid,
        "discipline": discipline_case.pk,
        "streamlining": streamlining_case.pk,
        "study": study.pk,
    }
    return {code: download(client, alice, code, key).content for code, key in keys.items()}


def test_every_draft_is_a4_with_the_nd30_margins_and_font(drafts):
    for code, content in drafts.items():
        document = Document(io.BytesIO(content))
        section = document.sections[0]
        mm = [round(v.mm) for v in (section.page_width, section.page_height)]
        margins = [round(v.mm) for v in (section.top_margin, section.bottom_margin, section.left_margin)]
        assert mm == [210, 297], code
        assert margins == [20, 20, 30] and round(section.right_margin.mm) == 15, code
        assert document.styles["Normal"].font.name == "Times New Roman"
        sizes = {run.font.size for p in document.paragraphs for run in p.runs if run.text.strip()}
        assert sizes <= {Pt(13), Pt(14)}, (code, sizes)
        title = next(p for p in document.paragraphs if p.text == "QUYẾT ĐỊNH")
        assert title.runs[0].bold


def test_every_table_cell_keeps_a_paragraph(drafts):
    """Word refuses a cell without a paragraph: the removed tags must not leave one empty."""
    for code, content in drafts.items():
        xml = zipfile.ZipFile(io.BytesIO(content)).read("word/document.xml").decode()
        cells = re.findall(r"<w:tc>(.*?)</w:tc>", xml, re.S)
        assert cells and all(re.search(r"<w:p[ >/]", cell) for cell in cells), code
        assert "{%" not in xml and "{{" not in xml, code


def test_the_shipped_templates_are_the_ones_the_script_builds(tmp_path):
    """The committed .docx files come from docx/build.py: rebuilding gives the same text."""
    from canbo.decisions.docx import build

    for code in KINDS:
        build.build(code, tmp_path / f"{code}.docx")
        rebuilt = [p.text for p in Document(tmp_path / f"{code}.docx").paragraphs]
        shipped = [p.text for p in Document(build.HERE / f"{code}.docx").paragraphs]
        assert rebuilt == shipped, code
