"""{% draft_button "study" assignment %}: the "Tải dự thảo quyết định (.docx)" button on a record's page, shown
only to the roles that may draft it (the same test as the download)."""

from django import template
from django.urls import reverse
from django.utils.html import format_html

from ..registry import kind_for

register = template.Library()
LABEL = "Tải dự thảo quyết định (.docx)"


@register.simple_tag(takes_context=True)
def draft_button(context, code, record, key=None, label=LABEL):
    kind = kind_for(code)
    request = context.get("request")
    if kind is None or request is None or record is None or not kind.may_draft(request.user, record):
        return ""
    url = reverse("decisions:draft", args=[code, key if key is not None else record.pk])
    return format_html('<a class="button" href="{}">{}</a>', url, label)
