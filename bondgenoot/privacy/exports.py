"""Turn the data of ``selectors.my_data`` into a file: JSON for computers, HTML and PDF to read.

JSON: UTF-8, stable English keys, ISO 8601 dates and times (with the offset), amounts as text
("12.50") so no rounding creeps in. HTML and PDF use the same print template; the HTML file
carries its stylesheet inside, so it reads well when opened from the download folder.
"""

import json
from typing import Any

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string

from bondgenoot.core.pdf import render_pdf

from .models import ExportFormat

PRINT_TEMPLATE = "privacy/print/my_data.html"


def render_json(data: dict[str, Any]) -> bytes:
    """The other apps' sections go under their own keys, with their items as they are."""
    plain = {key: value for key, value in data.items() if key != "sections"}
    for section in data.get("sections", []):
        plain[section.key] = section.items
    return json.dumps(plain, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode("utf-8")


def _context(data: dict[str, Any]) -> dict[str, Any]:
    return {"data": data, "brand_name": settings.BONDGENOOT_SITE_NAME}


def render_html(data: dict[str, Any]) -> bytes:
    stylesheet = finders.find("css/print.css")
    css = ""
    if isinstance(stylesheet, str):
        with open(stylesheet, encoding="utf-8") as handle:
            css = handle.read()
    return render_to_string(PRINT_TEMPLATE, {**_context(data), "inline_css": css}).encode("utf-8")


def render(data: dict[str, Any], format: str) -> tuple[bytes, str]:
    """The file and its content type."""
    if format == ExportFormat.JSON:
        return render_json(data), "application/json; charset=utf-8"
    if format == ExportFormat.HTML:
        return render_html(data), "text/html; charset=utf-8"
    if format == ExportFormat.PDF:
        return render_pdf(PRINT_TEMPLATE, _context(data)), "application/pdf"
    raise ValueError(f"Unknown format: {format}")
