"""HTML first, PDF second: render a template to a tagged, accessible PDF with WeasyPrint.

WeasyPrint needs Pango from the operating system. Where it is missing, ``PdfUnavailable`` is
raised and views answer with a clear message instead of a crash.
"""

from typing import Any

from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string


class PdfUnavailable(Exception):
    """WeasyPrint or its system libraries are not installed."""


def render_pdf(
    template: str, context: dict[str, Any], *, request: HttpRequest | None = None
) -> bytes:
    try:
        import weasyprint
    except (ImportError, OSError) as error:  # pragma: no cover - depends on the machine
        raise PdfUnavailable(str(error)) from error
    html = render_to_string(template, context, request=request)
    stylesheet = finders.find("css/print.css")
    stylesheets = [weasyprint.CSS(filename=stylesheet)] if stylesheet else []
    document = weasyprint.HTML(string=html, base_url=None)
    return bytes(document.write_pdf(stylesheets=stylesheets, pdf_variant="pdf/ua-1"))


def pdf_response(pdf: bytes, *, filename: str, inline: bool = False) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
