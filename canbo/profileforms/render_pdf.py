"""Draw a FormDocument to PDF: the same blocks as the Word file, laid out by an HTML template with the same page,
fonts and widths (templates/profileforms/form.print.html), printed by WeasyPrint (Debian's pango; Times New Roman, or
its metric twin Liberation Serif where Microsoft's fonts are not installed)."""

import base64

from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from .document import DOTS, MOTTO, FormDocument, Heading, Line, Note, Table


def _blocks(form: FormDocument) -> list[dict]:
    drawn = []
    for block in form.blocks:
        if isinstance(block, Table):
            blanks = max(block.min_rows - len(block.rows), 0)
            rows = [*block.rows, *([[""] * len(block.columns)] * blanks)]
            drawn.append({"kind": "table", "columns": block.columns, "rows": rows})
        elif isinstance(block, Line):
            drawn.append({"kind": "line", "parts": block.parts})
        elif isinstance(block, Heading):
            drawn.append({"kind": "heading", "text": block.text})
        elif isinstance(block, Note):
            drawn.append(
                {
                    "kind": "note",
                    "text": block.text,
                    "answers": block.answer.split("\n") if block.answer else [],
                }
            )
    return drawn


def form_html(form: FormDocument) -> str:
    photo = ""
    if form.header.photo:
        photo = f"data:{form.header.photo_type};base64,{base64.b64encode(form.header.photo).decode()}"
    return render_to_string(
        "profileforms/form.print.html",
        {
            "form": form,
            "header": form.header,
            "motto": MOTTO,
            "dots": DOTS,
            "photo": photo,
            "beside": _blocks(form)[: form.beside_photo],
            "blocks": _blocks(form)[form.beside_photo :],
            "signature_columns": [form.signatures.left, form.signatures.right] if form.signatures else [],
        },
    )


def render_pdf(form: FormDocument) -> bytes:
    """The HTML holds everything it shows (the photo as a data: address): nothing is fetched from elsewhere."""
    return HTML(string=form_html(form), url_fetcher=URLFetcher(allowed_protocols={"data"})).write_pdf()
