"""Who is calling: a personal token (``Authorization: Bearer <token>``) or the browser session
(with the CSRF token for POST, PATCH, PUT and DELETE). The API then applies the same permission
rules as the pages, to that person."""

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer
from ninja.security import SessionAuth as NinjaSessionAuth

from . import services
from .errors import ApiRefusal


class TokenAuth(HttpBearer):
    """A personal token. A wrong, revoked or expired token is a 401, also when a session cookie
    comes along: the caller meant the token."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        found, problem = services.token_owner(token.strip())
        if problem == "two_factor":
            raise ApiRefusal(
                _(
                    "Turn on two-step verification first. Until then your personal tokens do "
                    "not work."
                )
            )
        if found is None:
            raise AuthenticationError
        user = found.person.user
        # The rest of the site (permissions, cache headers) looks at request.user.
        request.user = user
        request.api_token = found  # type: ignore[attr-defined]
        return user


class SessionAuth(NinjaSessionAuth):
    """The session of the site (logged in through the pages), CSRF-checked for writes."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return user
        return None


AUTH = [TokenAuth(), SessionAuth()]
