"""One error shape for the whole API: ``{"detail": "<Dutch>", "errors": [...]}``.

401 (no login or no working token), 403 (you may not do this), 404 (not there, or not yours to
see), 422 (values that are not right, per field), 400 (a body that is not JSON). Never a 500 for
something a client sent.
"""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from bondgenoot.core.errors import NotAllowed


class ApiRefusal(HttpError):
    """A refusal with its own Dutch message (403 unless told otherwise)."""

    def __init__(self, message: str, status_code: int = 403) -> None:
        super().__init__(status_code, message)


def not_logged_in() -> str:
    return _("Log in, or send a personal token that works: Authorization: Bearer <token>.")


def not_found() -> str:
    return _("Not found. It does not exist, or you may not see it.")


def not_allowed() -> str:
    return _("You may not do this.")


def _pydantic_message(error: dict[str, Any]) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return _("Fill this in.")
    if kind == "string_too_short":
        return _("Fill this in.")
    if kind == "string_too_long":
        return _("This text is too long: use at most %(max)d characters.") % {
            "max": ctx.get("max_length", 0)
        }
    if kind == "too_long":
        return _("Use at most %(max)d items.") % {"max": ctx.get("max_length", 0)}
    if kind == "text_characters":
        return _("This text contains characters that cannot be stored. Remove them.")
    if kind in {"literal_error", "enum"}:
        return _("Choose one of: %(choices)s.") % {"choices": ctx.get("expected", "")}
    if kind == "extra_forbidden":
        return _("This field does not exist here.")
    if kind.startswith("int_") or kind in {"greater_than_equal", "less_than_equal"}:
        return _("Fill in a whole number from 1 up.")
    if kind.startswith("date") or kind.startswith("datetime"):
        return _("Fill in a date as YYYY-MM-DD.")
    if kind.startswith("bool"):
        return _("Fill in true or false.")
    if kind.startswith("string"):
        return _("Fill in text.")
    if kind.startswith("list"):
        return _("Send a list.")
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return _("Send an object with fields.")
    return _("This value is not right.")


# Names of the function parameters that ninja puts in the location of a body error.
_PARAMETER_NAMES = {"payload"}


def _where(loc: Iterable[Any]) -> str:
    parts = [str(p) for p in loc if str(p) not in _PARAMETER_NAMES]
    return ".".join(parts)


def _response(api: NinjaAPI, request: HttpRequest, status: int, detail: str, **extra: Any) -> Any:
    response = api.create_response(request, {"detail": detail, **extra}, status=status)
    if status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="api"'
    return response


def install(api: NinjaAPI) -> None:
    """Dutch handlers for every error the API can answer with."""

    @api.exception_handler(NinjaValidationError)
    def invalid(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        errors = [
            {"field": _where(e.get("loc", ())), "message": _pydantic_message(e)} for e in exc.errors
        ]
        detail = _("Some values are not right. See the errors per field.")
        return _response(api, request, 422, detail, errors=errors)

    @api.exception_handler(DjangoValidationError)
    def refused(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
        errors: list[dict[str, str]] = []
        if hasattr(exc, "error_dict"):
            for field, messages in exc.message_dict.items():
                name = "" if field == "__all__" else f"body.{field}"
                errors.extend({"field": name, "message": str(m)} for m in messages)
        else:
            errors = [{"field": "", "message": str(m)} for m in exc.messages]
        detail = errors[0]["message"] if errors else _("This value is not right.")
        return _response(api, request, 422, detail, errors=errors)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return _response(api, request, 401, not_logged_in())

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        if isinstance(exc, ApiRefusal):
            return _response(api, request, exc.status_code, exc.message)
        if exc.status_code == 400:
            detail = _("The body of the request is not valid JSON.")
        elif exc.status_code == 403 and "CSRF" in exc.message:
            detail = _(
                "The CSRF check failed. Send the X-CSRFToken header with your session, "
                "or use a personal token."
            )
        elif exc.status_code == 401:
            detail = not_logged_in()
        elif exc.status_code == 403:
            detail = not_allowed()
        elif exc.status_code == 404:
            detail = not_found()
        else:
            detail = _("This request cannot be handled.")
        return _response(api, request, exc.status_code, detail)

    @api.exception_handler(Http404)
    def missing(request: HttpRequest, exc: Http404) -> HttpResponse:
        return _response(api, request, 404, not_found())

    @api.exception_handler(PermissionDenied)
    def denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        return _response(api, request, 403, not_allowed())

    @api.exception_handler(NotAllowed)
    def not_permitted(request: HttpRequest, exc: NotAllowed) -> HttpResponse:
        return _response(api, request, 403, not_allowed())
