"""Template helpers for events: structured data for search engines."""

import json
from typing import Any

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# As Django's json_script: these characters could end the script element or start a comment.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def ld_json(data: Any) -> SafeString:
    """`data` as a JSON-LD script element. It is data, not code (the browser never runs it), so the
    portal's CSP allows it without 'unsafe-inline'; the escaping keeps any text inside it."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308
