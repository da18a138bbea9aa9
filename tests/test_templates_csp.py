"""Every template of the project keeps to the Content-Security-Policy (script-src and style-src 'self').

No inline script (a chart's data goes in a `json_script` block, its drawing in static/js), no `on…=` handler
or htmx `hx-on`, no `javascript:` address, no `style` attribute or `<style>` block: the browser would refuse
them all, so the page would break in production. This walk keeps them from coming back (decision 016).
"""

import re
from pathlib import Path

import pytest
from django.conf import settings

SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
FORBIDDEN = {
    "an on… event handler attribute": re.compile(r"<[a-zA-Z][^>]*?\son[a-z]+\s*=", re.IGNORECASE),
    "an hx-on attribute (htmx runs it with eval)": re.compile(r"\shx-on[:\-]", re.IGNORECASE),
    "a js: value (htmx runs it with eval)": re.compile(
        r"""\shx-(vals|headers)\s*=\s*['"]\s*(js|javascript):"""
    ),
    "a javascript: address": re.compile(r"""=\s*['"]?\s*javascript:""", re.IGNORECASE),
    "a style attribute": re.compile(r"<[a-zA-Z][^>]*?\sstyle\s*=", re.IGNORECASE),
    "a <style> block": re.compile(r"<style\b", re.IGNORECASE),
}


def _problems(text: str) -> list[tuple[int, str]]:
    found = []
    for match in SCRIPT_TAG.finditer(text):
        attributes = match.group(1)
        if not re.search(r"\ssrc\s*=", attributes) and not re.search(
            r"""\stype\s*=\s*['"]application/json['"]""", attributes
        ):
            found.append((match.start(), "an inline <script> (no src)"))
    for what, pattern in FORBIDDEN.items():
        found.extend((match.start(), what) for match in pattern.finditer(text))
    return [(text.count("\n", 0, start) + 1, what) for start, what in sorted(found)]


def _project_templates() -> list[Path]:
    base = Path(settings.BASE_DIR)
    folders = [Path(folder) for engine in settings.TEMPLATES for folder in engine["DIRS"]]
    folders += sorted((base / "canbo").glob("*/templates"))
    # `*.print.html` are rendered by WeasyPrint into a PDF (the printed profile), never served to a browser: CSP
    # does not apply to them, and their page styles must travel inside the document.
    return sorted(
        path for folder in folders for path in folder.rglob("*.html") if not path.name.endswith(".print.html")
    )


def test_the_walk_finds_the_project_templates():
    names = {path.name for path in _project_templates()}

    assert {"base.html", "_chart.html", "dashboard.html"} <= names


def test_no_template_holds_inline_script_handler_or_style():
    offenders = [
        f"{path.relative_to(settings.BASE_DIR)}:{line}: {what}"
        for path in _project_templates()
        for line, what in _problems(path.read_text(encoding="utf-8"))
    ]

    assert offenders == [], "\n".join(offenders)


@pytest.mark.parametrize(
    "snippet",
    [
        "<script>alert(1)</script>",
        '<script type="module">run()</script>',
        '<button type="button" onclick="go()">',
        "<select name=x\n  onchange='this.form.submit()'>",
        '<form hx-post="/x" hx-on:htmx:after-request="reset()">',
        "<div hx-vals='js:{a: 1}'>",
        '<a href="javascript:void(0)">',
        '<td style="white-space:nowrap">',
        "<style>.x { color: red }</style>",
    ],
)
def test_the_walk_catches_what_the_policy_refuses(snippet):
    assert _problems(snippet)


@pytest.mark.parametrize(
    "snippet",
    [
        "<script src=\"{% static 'js/charts.js' %}\" defer></script>",
        '<script id="d" type="application/json">{"a": 1}</script>',
        '<input name="online" data-one="1">',
        "<p>Tổng số: 25.944 (onboarding=done)</p>",
        '<body hx-headers=\'{"X-CSRFToken": "{{ csrf_token }}"}\'>',
    ],
)
def test_the_walk_lets_through_what_the_policy_allows(snippet):
    assert _problems(snippet) == []
