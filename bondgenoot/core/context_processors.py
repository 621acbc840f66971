from typing import Any

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, Any]:
    return {
        "brand_name": settings.BONDGENOOT_SITE_NAME,
        "theme_css": settings.BONDGENOOT_THEME_CSS,
        "theme_class": settings.BONDGENOOT_THEME_CLASS,
    }
