"""Asking again "is it really you?" before a download of all data or deleting the account.

OWASP ASVS level 3 for sensitive data: the password is asked again. Accounts without a password
(they log in by a one-time e-mail link) confirm by a one-time e-mail link instead. A confirmation
is kept in the session for ``PRIVACY_REAUTH_SECONDS`` (10 minutes), counted from the moment of
confirming, not from the last click.

The e-mail link works once, only in the browser session that asked for it (the session keeps a
hash of the token and forgets it when used), and for ``PRIVACY_LINK_TIMEOUT`` seconds.
"""

import hashlib
import time
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.crypto import constant_time_compare
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _

from .tokens import reauth_tokens

CONFIRMED_AT = "privacy_reauth_at"
PENDING_LINK = "privacy_reauth_link"
FAILURES = "privacy_reauth_failures"
MAX_FAILURES = 5


def _now() -> float:
    return time.time()


def confirmed_until(request: HttpRequest) -> float | None:
    """Until when (epoch seconds) this session's confirmation is valid, or None."""
    value = request.session.get(CONFIRMED_AT)
    if not isinstance(value, dict) or value.get("user") != request.user.pk:
        return None
    try:
        until = float(value["at"]) + settings.PRIVACY_REAUTH_SECONDS
    except (KeyError, TypeError, ValueError):
        return None
    return until if until > _now() else None


def is_confirmed(request: HttpRequest) -> bool:
    return confirmed_until(request) is not None


def mark_confirmed(request: HttpRequest) -> None:
    # A new session key for the raised privilege (like at login): an old copied cookie no
    # longer works.
    request.session.cycle_key()
    request.session[CONFIRMED_AT] = {"user": request.user.pk, "at": _now()}
    request.session.pop(FAILURES, None)
    request.session.pop(PENDING_LINK, None)


def forget_confirmation(request: HttpRequest) -> None:
    request.session.pop(CONFIRMED_AT, None)


def register_failure(request: HttpRequest) -> bool:
    """Count a wrong password. After ``MAX_FAILURES`` the session is ended; returns True then."""
    failures = int(request.session.get(FAILURES, 0)) + 1
    request.session[FAILURES] = failures
    if failures >= MAX_FAILURES:
        logout(request)
        return True
    return False


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_link_token(request: HttpRequest) -> str:
    """A token for the e-mail link; only its hash stays in the session."""
    user: Any = request.user
    token = reauth_tokens.make_token(user)
    request.session[PENDING_LINK] = {"user": request.user.pk, "hash": _digest(token)}
    return token


def link_token_is_valid(request: HttpRequest, token: str) -> bool:
    pending = request.session.get(PENDING_LINK)
    if not isinstance(pending, dict) or pending.get("user") != request.user.pk:
        return False
    return constant_time_compare(
        str(pending.get("hash", "")), _digest(token)
    ) and reauth_tokens.check_token(request.user, token)


def safe_next(request: HttpRequest, default: str) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


def confirm_url(next_url: str) -> str:
    return reverse("privacy:reauth") + "?" + urlencode({"next": next_url})


def reauth_required(
    back_to: str | None = None,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Send the person to the confirmation page first when their confirmation is missing or
    older than ten minutes. ``back_to`` is the URL name to return to (default: this page)."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not is_confirmed(request):
                forget_confirmation(request)
                next_url = reverse(back_to) if back_to else request.path
                messages.info(request, _("For your safety, first confirm that it is really you."))
                return redirect(confirm_url(next_url))
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
