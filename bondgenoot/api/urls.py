"""The JSON API under /api/v1/ (``api.py``) and the pages for personal tokens in the account
area. Every API pattern is marked ``login_not_required`` for Django's LoginRequiredMiddleware:
the API checks the login itself (session or token) and answers 401 in JSON, not a redirect."""

from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, JsonResponse
from django.urls import URLPattern, include, path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from . import views
from .api import api

app_name = "api"


@login_not_required
@require_GET
def api_root(request: HttpRequest) -> JsonResponse:
    """The start of the API: where its OpenAPI schema is (ninja's own root is a 404)."""
    return JsonResponse(
        {
            "detail": _("The Bondgenoot API. Its description is in the OpenAPI schema."),
            "openapi": reverse("api:openapi-json"),
        }
    )


def _api_patterns() -> list[Any]:
    patterns: list[Any] = []
    for pattern in api.urls[0]:
        if isinstance(pattern, URLPattern) and pattern.name == "api-root":
            patterns.append(path("", api_root, name="api-root"))
            continue
        # ninja's views are functions (or partials): mark them for LoginRequiredMiddleware.
        pattern.callback.login_required = False  # type: ignore[union-attr]
        patterns.append(pattern)
    return patterns


urlpatterns = [
    path("account/api-sleutels/", views.token_list, name="tokens"),
    path("account/api-sleutels/<int:pk>/intrekken/", views.token_revoke, name="token_revoke"),
    path("api/v1/", include(_api_patterns())),
]
