"""Throttling of logins and of everything that sends mail.

Logins go through django-axes (``AxesStandaloneBackend`` first in AUTHENTICATION_BACKENDS).
Axes compares one failure count with one limit; ``LoginFailureHandler`` gives every lockout
parameter set its own limit (``BONDGENOOT_LOGIN_FAILURE_LIMITS``): e.g. 5 wrong passwords for one
account from one address, 20 from one address over all accounts, 50 for one account from
anywhere. A lock lasts ``AXES_COOLOFF_TIME`` and looks the same whether or not the account
exists. The one-time e-mail link keeps working during a lock.

Forms that send mail (login link, password reset) are counted per IP address and per e-mail
address in Django's cache with ``hit()``.
"""

import hashlib
import ipaddress
from datetime import timedelta
from typing import Any

from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import (
    get_client_ip_address,
    get_client_username,
    get_cool_off,
    get_failure_limit,
    get_lockout_parameters,
)
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.core.cache import caches
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def client_ip(request: HttpRequest) -> str:
    """The visitor's address. Behind ``BONDGENOOT_TRUSTED_PROXY_COUNT`` reverse proxies, the
    address the nearest trusted proxy wrote into X-Forwarded-For (entries further left are
    written by the client and can be forged)."""
    remote = request.META.get("REMOTE_ADDR") or ""
    count = settings.BONDGENOOT_TRUSTED_PROXY_COUNT
    if count > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= count:
            candidate = forwarded[-count]
            try:
                return str(ipaddress.ip_address(candidate))
            except ValueError:
                pass
    return remote


def login_username(request: HttpRequest, credentials: dict[str, Any] | None = None) -> str | None:
    """The e-mail address tried, normalised as the account stores it: ``Amina@…`` and
    ``amina@…`` count as the same account."""
    value = None
    if credentials:
        value = credentials.get("username")
    if value is None and request is not None:
        value = request.POST.get("username")
    if value is None:
        return None
    return str(value).strip().lower()[:254] or None


def _limit_for(parameter: str | list[str]) -> int:
    names = (parameter,) if isinstance(parameter, str) else tuple(parameter)
    limits: dict[tuple[str, ...], int] = settings.BONDGENOOT_LOGIN_FAILURE_LIMITS
    return limits.get(names, settings.AXES_FAILURE_LIMIT)


class LoginFailureHandler(AxesDatabaseHandler):
    """Axes' database handler with a failure limit per lockout parameter set.

    The count it reports is scaled to ``AXES_FAILURE_LIMIT``: ``failures * base // limit``
    reaches ``base`` exactly when ``failures`` reaches that set's own ``limit``.
    """

    def get_failures(self, request: Any, credentials: dict[str, Any] | None = None) -> int:
        base = get_failure_limit(request, credentials)
        username = get_client_username(request, credentials)
        parameters = get_lockout_parameters(request, credentials)
        worst = 0
        for parameter, attempts in zip(
            parameters, self.get_user_attempts(request, credentials), strict=True
        ):
            if "username" in parameter and not username:
                continue
            failures = attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            worst = max(worst, failures * base // _limit_for(parameter))
        return worst


def cool_off_minutes(request: HttpRequest | None = None) -> int:
    cool_off = get_cool_off(request) or timedelta(minutes=15)
    return max(1, int(cool_off.total_seconds() // 60))


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """The page after too many wrong passwords or codes (HTTP 429). It says the same for every
    address, known or not."""
    return render(
        request,
        "accounts/locked_out.html",
        {"minutes": cool_off_minutes(request)},
        status=getattr(settings, "AXES_HTTP_RESPONSE_CODE", 429),
    )


def password_attempts_locked(request: HttpRequest, user: Any) -> bool:
    """Too many wrong passwords or codes for this account or from this address? For every form
    that checks a password or code of a logged-in (or half logged-in) person; show
    ``lockout_response`` then."""
    return not AxesProxyHandler.is_allowed(request, {"username": user.email})


def count_failed_attempt(request: HttpRequest, user: Any) -> None:
    """A wrong current password or code counts towards the same lock as a wrong password at
    login. After this, ``request.axes_locked_out`` is True when this attempt caused a lock (and
    AxesMiddleware then answers with the lockout page)."""
    user_login_failed.send(sender=__name__, credentials={"username": user.email}, request=request)


def hit(scope: str, key: str, *, limit: int, window: int) -> bool:
    """Count one attempt for ``key`` in ``scope``; True while at most ``limit`` attempts were
    made in the last ``window`` seconds (a fixed window that starts at the first attempt)."""
    cache = caches[settings.BONDGENOOT_THROTTLE_CACHE]
    digest = hashlib.sha256(key.encode()).hexdigest()
    cache_key = f"bondgenoot-throttle:{scope}:{digest}"
    cache.add(cache_key, 0, timeout=window)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr, or a cache that keeps nothing
        cache.set(cache_key, 1, timeout=window)
        count = 1
    return count <= limit


def mail_refused_for(request: HttpRequest, *, scope: str, email: str) -> int | None:
    """None when this request may make us send one more mail of this kind; otherwise the
    number of seconds to wait. Counted per IP address first, then per e-mail address
    (normalised), whether or not an account has that address."""
    ip_limit, ip_window = settings.BONDGENOOT_MAIL_LIMIT_PER_IP
    address_limit, address_window = settings.BONDGENOOT_MAIL_LIMIT_PER_ADDRESS
    ip = get_client_ip_address(request) or "unknown"
    if not hit(f"{scope}:ip", ip, limit=ip_limit, window=ip_window):
        return int(ip_window)
    if not hit(
        f"{scope}:address", email.strip().lower(), limit=address_limit, window=address_window
    ):
        return int(address_window)
    return None


def mail_refused_response(request: HttpRequest, *, wait: int) -> HttpResponse:
    return render(
        request,
        "accounts/too_many_mails.html",
        {"minutes": max(1, wait // 60)},
        status=429,
    )
