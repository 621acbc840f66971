"""Middleware for sessions, two-step verification and a few security headers.

Order in settings.MIDDLEWARE: ``SecurityHeadersMiddleware`` right after Django's
SecurityMiddleware (so its headers are also on WhiteNoise's responses); the other two after
MessageMiddleware (they leave a message). Django's LoginRequiredMiddleware checks in
``process_view``, which runs after all of these, so a session ended here is sent to the login
page as usual.
"""

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from . import sessions
from .twofactor import two_factor_required

Handler = Callable[[HttpRequest], HttpResponse]


class SecurityHeadersMiddleware:
    """Permissions-Policy on every response (no camera, microphone, location…), and no copies of
    pages for logged-in people in the browser's or a proxy's cache."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if settings.BONDGENOOT_PERMISSIONS_POLICY and not response.has_header("Permissions-Policy"):
            response["Permissions-Policy"] = settings.BONDGENOOT_PERMISSIONS_POLICY
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not response.has_header("Cache-Control"):
            add_never_cache_headers(response)
        return response


class SessionTimeoutMiddleware:
    """End a session after ``BONDGENOOT_SESSION_IDLE_TIMEOUT`` seconds without a request, and
    always after ``BONDGENOOT_SESSION_MAX_AGE`` seconds since the login."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            self.check(request)
        return self.get_response(request)

    def check(self, request: HttpRequest) -> None:
        session = request.session
        moment = sessions.now()
        started = session.get(sessions.AUTH_AT)
        seen = session.get(sessions.SEEN_AT)
        if started is None or seen is None:
            # A session from before these rules: start counting now.
            session[sessions.AUTH_AT] = started or moment
            session[sessions.SEEN_AT] = moment
            return
        idle = settings.BONDGENOOT_SESSION_IDLE_TIMEOUT
        if moment - started > settings.BONDGENOOT_SESSION_MAX_AGE:
            logout(request)
            messages.info(
                request,
                _("You have been logged in for a long time. For your safety, please log in again."),
            )
        elif moment - seen > idle:
            logout(request)
            messages.info(
                request,
                _(
                    "You did nothing on the site for %(minutes)d minutes, so we logged you out. "
                    "This protects your data. Please log in again."
                )
                % {"minutes": idle // 60},
            )
        elif moment - seen >= sessions.SEEN_AT_RESOLUTION:
            session[sessions.SEEN_AT] = moment


def _go_to(request: HttpRequest, url: str) -> HttpResponse:
    """A redirect; for an htmx request, a whole-page redirect instead of a swapped fragment."""
    if request.headers.get("HX-Request") == "true":
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return redirect(url)


def _url(name: str) -> str | None:
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


class TwoFactorMiddleware:
    """Two-step verification for every way in.

    1. The admin's own login page sends people to ours (with throttling and the second step).
    2. A session of someone with two-step verification on that did not pass the second step
       (logged in some other way) is ended.
    3. Coordinators and site administrators without two-step verification can only reach the
       page to set it up, log out, choose a language and get static files
       (``BONDGENOOT_REQUIRE_2FA_FOR_COORDINATORS``).
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        admin_login = _url("admin:login")
        if admin_login and request.path == admin_login:
            next_url = request.GET.get("next") or _url("admin:index") or "/"
            return redirect(f"{reverse('accounts:login')}?{urlencode({'next': next_url})}")

        user = request.user
        if user.is_authenticated:
            has_two_factor = bool(getattr(user, "has_two_factor", False))
            if has_two_factor and not request.session.get(sessions.SECOND_FACTOR_DONE):
                logout(request)
                messages.info(request, _("Please log in again, with your code."))
                return _go_to(
                    request,
                    f"{reverse('accounts:login')}?{urlencode({'next': request.get_full_path()})}",
                )
            if not has_two_factor and not self.exempt(request.path) and two_factor_required(user):
                return _go_to(request, reverse("accounts:two_factor_setup"))
        return self.get_response(request)

    @staticmethod
    def exempt(path: str) -> bool:
        """The setup page, logging out, static files, and choosing the language of the page."""
        allowed = {
            reverse("accounts:two_factor_setup"),
            reverse("accounts:logout"),
            _url("set_language"),
        }
        return path in allowed or path.startswith(settings.STATIC_URL)
