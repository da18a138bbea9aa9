"""Filling a kind's template (the board's newest active version, else the default file) with a record."""

import io

import jinja2
from django.core.exceptions import ValidationError
from docxtpl import DocxTemplate
from jinja2.sandbox import SandboxedEnvironment

from .registry import DecisionKind
from .selectors import active_template

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
BROKEN_TEMPLATE = (
    "Mẫu quyết định “{label}” đang dùng có lỗi ({error}). Ban Tổ chức cần thay mẫu khác hoặc ngừng dùng phiên "
    "bản này ở trang Mẫu quyết định."
)


def _source(kind: DecisionKind) -> io.BytesIO:
    uploaded = active_template(kind=kind.template_code)
    if uploaded is not None:
        with uploaded.file.open("rb") as handle:
            return io.BytesIO(handle.read())
    return io.BytesIO(kind.default_template_path.read_bytes())


def render_docx(kind: DecisionKind, context: dict) -> bytes:
    """The filled document as bytes. A template that fails while filling → ValidationError in Vietnamese."""
    document = DocxTemplate(_source(kind))
    try:
        # a template uploaded by the board is code: it runs sandboxed (no attribute starting with "_", no
        # unsafe calls), and the record's text is escaped for Word's XML
        document.render(context, jinja_env=SandboxedEnvironment(autoescape=True), autoescape=True)
    except (jinja2.TemplateError, TypeError, ValueError, AttributeError) as exc:
        raise ValidationError(BROKEN_TEMPLATE.format(label=kind.label, error=exc)) from None
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def draft_for(kind: DecisionKind, record) -> tuple[bytes, str]:
    """(the document, its file name) for `record`, drawn up as `kind`."""
    return render_docx(kind, kind.context(record)), f"{kind.filename(record)}.docx"
