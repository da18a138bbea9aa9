"""Build the default decision templates (docxtpl templates, one .docx per kind) with python-docx.

    python -m canbo.decisions.docx.build

The layout follows NĐ 30/2020 Phụ lục I: A4, margins 20/20/30/15 mm, Times New Roman; the national title in
capitals 13 bold, the motto 14 bold, the issuing body in capitals 13 bold under its governing body, the number
and symbol, place and date in italics, "QUYẾT ĐỊNH" 14 bold, the subject, the authority, the grounds in
italics, "QUYẾT ĐỊNH:", the articles, then the recipients (12/11) and the signer's title. The wording of the
articles is in these files (Jinja tags filled from the record by the `drafts` module of the kind's app); the board may
download one, edit it in Word and upload it as the kind's template.
"""

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

HERE = Path(__file__).resolve().parent
FONT = "Times New Roman"
CENTER, JUSTIFY, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT
EXECUTION = (
    "Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng, Trưởng phòng Tổ chức cán bộ {{ issuing_body_name }}, "
    "Thủ trưởng các cơ quan, đơn vị có liên quan và {{ person.honorific }} {{ person.name }} chịu trách nhiệm thi "
    "hành Quyết định này./."
)
EXECUTION_BATCH = (
    "Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng, Trưởng phòng Tổ chức cán bộ {{ issuing_body_name }}, "
    "Thủ trưởng các cơ quan, đơn vị có liên quan và các ông, bà có tên trong danh sách kèm theo chịu trách nhiệm "
    "thi hành Quyết định này./."
)
PROPOSAL = "Theo đề nghị của Trưởng phòng Tổ chức cán bộ."
PERSON = "{{ person.honorific }} {{ person.name }}, sinh ngày {{ person.birth }}, {{ person.post }}"
PERSON_FIRST = (
    "{{ person.honorific|capitalize }} {{ person.name }}, sinh ngày {{ person.birth }}, {{ person.post }}"
)
HE_OR_SHE = "{{ person.honorific|capitalize }} {{ person.name }}"

# kind → (subject, [articles], annex)
KINDS = {
    "appointment": (
        "Về việc bổ nhiệm {{ person.category }}",
        [
            "Bổ nhiệm " + PERSON + ", giữ chức vụ {{ position }}, {{ unit }}.",
            "Thời hạn giữ chức vụ là 05 năm, kể từ ngày {{ term_start }}{% if term_end %} đến ngày "
            "{{ term_end }}{% endif %}. " + HE_OR_SHE + " được hưởng phụ cấp chức vụ "
            "theo quy định hiện hành.",
            EXECUTION,
        ],
        False,
    ),
    "reappointment": (
        "Về việc bổ nhiệm lại {{ person.category }} lãnh đạo, quản lý",
        [
            "Bổ nhiệm lại " + PERSON + ", giữ chức vụ {{ position }}, {{ unit }}.",
            "Thời hạn giữ chức vụ là 05 năm, kể từ ngày {{ term_start }}{% if term_end %} đến ngày "
            "{{ term_end }}{% endif %}{% if previous %} (nhiệm kỳ trước: {{ previous }}){% endif %}.",
            EXECUTION,
        ],
        False,
    ),
    "movement": (
        "Về việc {{ verb_lower }} {{ person.category }}",
        [
            "{{ verb }} " + PERSON + ", {{ from_unit }} đến công tác tại {{ to_unit }}{% if to_position %}, "
            "giữ chức vụ {{ to_position }}{% endif %}, kể từ ngày {{ start }}{% if end %} đến ngày "
            "{{ end }}{% endif %}.{% if reason %} Lý do: {{ reason }}.{% endif %}",
            HE_OR_SHE + " được hưởng các chế độ, chính sách theo quy định hiện hành.",
            EXECUTION,
        ],
        False,
    ),
    "movement_batch": (
        "Về việc {{ verb_lower }} cán bộ, công chức",
        [
            "{{ verb }} {{ count }} cán bộ, công chức có tên trong danh sách kèm theo Quyết định này đến công tác "
            "tại các cơ quan, đơn vị, kể từ ngày {{ start }}{% if end %} đến ngày {{ end }}{% endif %}.",
            "Các ông, bà có tên trong danh sách được hưởng các chế độ, chính sách theo quy định hiện hành.",
            EXECUTION_BATCH,
        ],
        True,
    ),
    "retirement": (
        "Về việc nghỉ hưu để hưởng chế độ bảo hiểm xã hội",
        [
            PERSON_FIRST + " được nghỉ hưu để hưởng chế độ bảo hiểm xã hội kể từ ngày {{ retire_from }} "
            "(đủ tuổi nghỉ hưu ngày {{ reaches_age }}).",
            HE_OR_SHE + " được hưởng chế độ bảo hiểm xã hội theo quy định. Bảo hiểm "
            "xã hội tỉnh có trách nhiệm giải quyết chế độ theo quy định.",
            EXECUTION,
        ],
        False,
    ),
    "discipline": (
        "Về việc thi hành kỷ luật đối với {{ person.honorific }} {{ person.name }}",
        [
            "Thi hành kỷ luật " + PERSON + " bằng hình thức {{ form }}.",
            "Lý do: {{ reason }}.{% if effective_until %} Quyết định kỷ luật có hiệu lực đến ngày "
            "{{ effective_until }}.{% endif %}",
            EXECUTION,
        ],
        False,
    ),
    "streamlining": (
        "Về việc giải quyết chính sách tinh giản biên chế",
        [
            "Giải quyết chính sách tinh giản biên chế đối với " + PERSON + " theo hình thức: "
            "{{ policy }}, kể từ ngày {{ exit_date }}.",
            "Lý do tinh giản biên chế: {{ reason }} ({{ reason_detail }}).{% if allowance %} Số tiền trợ cấp "
            "được hưởng: {{ allowance }} đồng.{% endif %}",
            EXECUTION,
        ],
        False,
    ),
    "study": (
        "Về việc cử {{ person.category }} đi đào tạo",
        [
            "Cử " + PERSON + " đi học {{ programme }}{% if field %}, chuyên ngành {{ field }}"
            "{% endif %}, hệ {{ mode }}, tại {{ institution }} ({{ venue }}), thời gian từ ngày {{ start }} "
            "đến ngày {{ end }}.",
            "Kinh phí: {{ funding }}{% if cost %}, dự kiến {{ cost }} đồng{% endif %}.{% if commitment %} "
            + HE_OR_SHE
            + " có trách nhiệm phục vụ tại cơ quan, đơn vị ít nhất "
            "{{ commitment }} tháng sau khi hoàn thành khóa học; nếu vi phạm phải bồi hoàn kinh phí theo quy "
            "định.{% endif %}",
            EXECUTION,
        ],
        False,
    ),
}
ANNEX_COLUMNS = [
    ("STT", "n", 10),
    ("Họ và tên", "name", 38),
    ("Ngày sinh", "birth", 22),
    ("Chức vụ, đơn vị công tác hiện nay", "now", 50),
    ("Đơn vị đến", "to_unit", 45),
    ("Chức vụ mới", "to_position", 30),
    ("Thời gian", "period", 40),
]


def _font(run, size, bold=False, italic=False):
    run.font.name = FONT
    run.font.size = Pt(size)
    run.bold, run.italic = bold, italic
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    return run


def para(container, text="", *, size=14, bold=False, italic=False, align=JUSTIFY, after=6, indent=True):
    p = container.add_paragraph()
    p.alignment = align
    p.paragraph_format.space_after = Pt(after)
    p.paragraph_format.space_before = Pt(0)
    if indent and align == JUSTIFY:
        p.paragraph_format.first_line_indent = Mm(10)
    if text:
        _font(p.add_run(text), size, bold, italic)
    return p


def _cell(table, row, col, width_mm):
    cell = table.cell(row, col)
    cell.width = Mm(width_mm)
    cell.paragraphs[0]._element.getparent().remove(cell.paragraphs[0]._element)
    return cell


def _page(document):
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(14)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)


def _heading(document):
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    left, right = _cell(table, 0, 0, 65), _cell(table, 0, 1, 100)
    para(left, "{{ governing_body }}", size=13, align=CENTER, after=0)
    para(left, "{{ issuing_body }}", size=13, bold=True, align=CENTER, after=0)
    para(left, "_______", size=13, align=CENTER, after=6)
    para(left, "{{ number_line }}", size=13, align=CENTER, after=0)
    para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=13, bold=True, align=CENTER, after=0)
    para(right, "Độc lập - Tự do - Hạnh phúc", size=14, bold=True, align=CENTER, after=0)
    para(right, "________________________", size=13, align=CENTER, after=6)
    para(right, "{{ date_line }}", size=14, italic=True, align=CENTER, after=0)


def _body(document, subject, articles):
    para(document, "", after=6)
    para(document, "QUYẾT ĐỊNH", size=14, bold=True, align=CENTER, after=0)
    para(document, subject, size=14, bold=True, align=CENTER, after=0)
    para(document, "__________", size=14, align=CENTER, after=12)
    para(document, "{{ authority }}", size=14, bold=True, align=CENTER, after=12)
    para(document, "{%p for ground in grounds %}", after=0)
    para(document, "{{ ground }}", italic=True)
    para(document, "{%p endfor %}", after=0)
    para(document, PROPOSAL, italic=True)
    para(document, "QUYẾT ĐỊNH:", size=14, bold=True, align=CENTER, after=12)
    for number, text in enumerate(articles, start=1):
        p = para(document, "")
        _font(p.add_run(f"Điều {number}. "), 14, bold=True)
        _font(p.add_run(text), 14)


def _signature(document):
    table = document.add_table(rows=1, cols=2)
    table.autofit = False
    left, right = _cell(table, 0, 0, 80), _cell(table, 0, 1, 85)
    p = para(left, "Nơi nhận:", size=12, bold=True, italic=True, align=LEFT, after=0)
    for line in (
        "- Như Điều 3;",
        "{%p if governing_body %}",
        "- {{ governing_body_name }} (để báo cáo);",
        "{%p endif %}",
        "- Lưu: VT, TCCB.",
    ):
        para(left, line, size=11, align=LEFT, after=0)
    del p
    para(right, "{{ signer_title }}", size=14, bold=True, align=CENTER, after=60)
    para(right, "{{ signer_name }}", size=14, bold=True, align=CENTER, after=0)


def _annex(document, columns=ANNEX_COLUMNS):
    p = para(document, "", after=0)
    p.add_run().add_break(WD_BREAK.PAGE)
    para(document, "DANH SÁCH", size=14, bold=True, align=CENTER, after=0)
    para(document, "{{ annex_title }}", size=14, bold=True, align=CENTER, after=0)
    para(
        document,
        "(Kèm theo Quyết định {{ number_line|replace('Số: ', 'số ') }} {{ annex_date }} của {{ issuing_body_name }})",
        size=13,
        italic=True,
        align=CENTER,
        after=12,
    )
    table = document.add_table(rows=4, cols=len(columns))
    table.style = "Table Grid"
    table.autofit = False
    for col, (title, key, width) in enumerate(columns):
        header = _cell(table, 0, col, width * 0.6)
        para(header, title, size=11, bold=True, align=CENTER, after=0)
        for row in (1, 3):  # the loop's rows (removed when filled) keep their empty paragraph: Word needs one
            table.cell(row, col).width = Mm(width * 0.6)
        body = _cell(table, 2, col, width * 0.6)
        para(body, f"{{{{ row.{key} }}}}", size=11, align=CENTER if key in ("n", "birth") else LEFT, after=0)
    _font(table.cell(1, 0).paragraphs[0].add_run("{%tr for row in rows %}"), 11)
    _font(table.cell(3, 0).paragraphs[0].add_run("{%tr endfor %}"), 11)


def build(code: str, target: Path) -> None:
    subject, articles, annex = KINDS[code]
    build_document(target, subject=subject, articles=articles, annex_columns=ANNEX_COLUMNS if annex else None)


def build_document(target: Path, *, subject: str, articles: list[str], annex_columns=None) -> None:
    """One template in the NĐ 30/2020 layout (an app above this one builds its kinds' templates with it);
    `annex_columns`: [(title, row key, width)] of the annex's table, or None for no annex."""
    document = Document()
    _page(document)
    _heading(document)
    _body(document, subject, articles)
    _signature(document)
    if annex_columns:
        _annex(document, annex_columns)
    document.core_properties.title = "Dự thảo quyết định"
    document.core_properties.author = "Canbo"
    document.save(target)


def main() -> None:
    for code in KINDS:
        build(code, HERE / f"{code}.docx")
        print(f"{code}.docx")  # noqa: T201


if __name__ == "__main__":
    main()
