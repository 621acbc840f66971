"""What a session remembers about its login, and the login that waits for a second step.

- ``AUTH_AT``: when the person logged in (for the absolute maximum of a session).
- ``SEEN_AT``: when they last did something (for the idle timeout); updated at most once a
  minute, so an ordinary request writes nothing.
- ``SECOND_FACTOR_DONE``: this session passed the second step (a code from the app).
- ``PENDING``: password or e-mail link were right, the code is still to come. Nothing else is
  logged in while this is all the session holds.
"""

import time
from typing import Any

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest

AUTH_AT = "_bondgenoot_auth_at"
SEEN_AT = "_bondgenoot_seen_at"
SECOND_FACTOR_DONE = "_bondgenoot_second_factor"
PENDING = "_bondgenoot_second_factor_pending"
SEEN_AT_RESOLUTION = 60


def now() -> int:
    return int(time.time())


@receiver(user_logged_in, dispatch_uid="bondgenoot.accounts.stamp_login")
def stamp_login(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is None or not hasattr(request, "session"):
        return
    moment = now()
    request.session[AUTH_AT] = moment
    request.session[SEEN_AT] = moment


def recently_logged_in(request: HttpRequest) -> bool:
    """Did this session log in (with every factor) less than ``BONDGENOOT_REAUTH_WINDOW``
    seconds ago? Then that login counts as re-authentication for changing how one logs in."""
    started = request.session.get(AUTH_AT)
    return isinstance(started, int) and now() - started <= settings.BONDGENOOT_REAUTH_WINDOW


def pending_start(request: HttpRequest, *, user: Any, backend: str, next_url: str) -> None:
    request.session[PENDING] = {
        "user": user.pk,
        "backend": backend,
        "next": next_url,
        "at": now(),
    }


def pending_get(request: HttpRequest) -> dict[str, Any] | None:
    """The login waiting for its second step, unless it waited too long."""
    pending = request.session.get(PENDING)
    if not isinstance(pending, dict):
        return None
    if now() - int(pending.get("at", 0)) > settings.BONDGENOOT_2FA_PENDING_TIMEOUT:
        del request.session[PENDING]
        return None
    return pending


def pending_clear(request: HttpRequest) -> None:
    request.session.pop(PENDING, None)
