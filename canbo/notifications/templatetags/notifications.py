"""{% load notifications %}{% unread_notification_count as unread %}: the header badge's figure."""

from django import template

from ..selectors import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notification_count(context) -> int:
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    return unread_count(user=user) if user is not None else 0
