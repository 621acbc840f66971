from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.encoding import force_bytes, force_str
from django.utils.http import (
    url_has_allowed_host_and_scheme,
    urlencode,
    urlsafe_base64_decode,
    urlsafe_base64_encode,
)
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from bondgenoot.core.forms import add_service_error
from bondgenoot.people.services import person_register

from . import services, sessions, throttling, twofactor
from .forms import (
    EmailLinkForm,
    LoginForm,
    RecoveryCodesRenewForm,
    SessionsEndForm,
    SignupForm,
    StyledPasswordChangeForm,
    StyledPasswordResetForm,
    StyledSetPasswordForm,
    TwoFactorDisableForm,
    TwoFactorLoginForm,
    TwoFactorSetupForm,
)
from .models import User
from .tokens import email_login_tokens

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
SETUP_SESSION_KEY = "_bondgenoot_totp_setup_secret"


def _safe_next(request: HttpRequest, default: str) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


@login_not_required
@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("core:home")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            person = person_register(
                email=data["email"],
                display_name=data["display_name"],
                password=data["password1"] or None,
                neighbourhood=data["neighbourhood"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            login(request, person.user, backend=MODEL_BACKEND)
            messages.success(
                request,
                _("Welcome, %(name)s! Tell others a little about yourself.")
                % {"name": person.display_name},
            )
            default = reverse("people:profile_edit")
            # Not redirect(): it would read a typed next like 'home' as the name of a view.
            return HttpResponseRedirect(_safe_next(request, default))
    return render(request, "accounts/signup.html", {"form": form, "next": _safe_next(request, "")})


def _log_in(request: HttpRequest, user: User, *, backend: str, next_url: str) -> HttpResponse:
    """Log in after a right password or e-mail link, or first ask for the code from the app.

    With two-step verification on, nothing is logged in yet: the session only remembers who is
    halfway (for a few minutes) until the code is right."""
    if user.has_two_factor:
        sessions.pending_start(request, user=user, backend=backend, next_url=next_url)
        return redirect("accounts:two_factor_verify")
    login(request, user, backend=backend)
    return HttpResponseRedirect(next_url)  # a path, never the name of a view


@method_decorator(login_not_required, name="dispatch")
class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form: Any) -> HttpResponse:
        user = form.get_user()
        return _log_in(
            self.request,
            user,
            backend=getattr(user, "backend", MODEL_BACKEND),
            next_url=self.get_success_url(),
        )


@login_not_required
@require_http_methods(["GET", "POST"])
def email_link_request(request: HttpRequest) -> HttpResponse:
    form = EmailLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].strip().lower()
        wait = throttling.mail_refused_for(request, scope="email_link", email=email)
        if wait is not None:
            return throttling.mail_refused_response(request, wait=wait)
        user = User.objects.filter(email__iexact=email, is_active=True).first()
        if user is not None:
            _send_login_link(request, user)
        # Same answer whether or not the address is known: nobody can probe for accounts.
        return render(request, "accounts/email_link_sent.html", {"email": email})
    return render(
        request, "accounts/email_link_request.html", {"form": form, "next": _safe_next(request, "")}
    )


def _send_login_link(request: HttpRequest, user: User) -> None:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    link = request.build_absolute_uri(
        reverse("accounts:email_link_login", args=[uid, email_login_tokens.make_token(user)])
    )
    next_url = _safe_next(request, "")
    if next_url:
        link += "?" + urlencode({"next": next_url})
    body = render_to_string(
        "accounts/email/login_link.txt",
        {"link": link, "minutes": settings.EMAIL_LOGIN_LINK_TIMEOUT // 60},
    )
    send_mail(_("Your login link for Bondgenoot"), body, settings.DEFAULT_FROM_EMAIL, [user.email])


@login_not_required
@require_http_methods(["GET", "POST"])
def email_link_login(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    """GET shows a button; only the POST logs in (no state change by GET, and mail scanners
    that open links do not use up the link)."""
    try:
        user = User.objects.get(pk=int(force_str(urlsafe_base64_decode(uidb64))), is_active=True)
    except (ValueError, TypeError, OverflowError, User.DoesNotExist):
        user = None
    valid = user is not None and email_login_tokens.check_token(user, token)
    if not valid or user is None:
        return render(request, "accounts/email_link_invalid.html", status=400)
    if request.method == "POST":
        response = _log_in(
            request,
            user,
            backend=MODEL_BACKEND,
            next_url=_safe_next(request, reverse(settings.LOGIN_REDIRECT_URL)),
        )
        if request.user.is_authenticated:
            messages.success(request, _("You are logged in."))
        return response
    return render(request, "accounts/email_link_confirm.html", {"next": _safe_next(request, "")})


@login_not_required
@sensitive_post_parameters("code")
@never_cache
@require_http_methods(["GET", "POST"])
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    """The second step of logging in: a code from the app, or a recovery code."""
    started = sessions.PENDING in request.session
    pending = sessions.pending_get(request)
    user = None
    if pending is not None:
        user = User.objects.filter(pk=pending["user"], is_active=True).first()
    if pending is None or user is None or not user.has_two_factor:
        sessions.pending_clear(request)
        if started:
            messages.info(request, _("Please log in again: it took too long to type the code."))
        return redirect("accounts:login")
    if throttling.password_attempts_locked(request, user):
        sessions.pending_clear(request)
        return throttling.lockout_response(request)
    form = TwoFactorLoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        if services.second_factor_verify(user=user, code=code):
            sessions.pending_clear(request)
            login(request, user, backend=pending["backend"])
            request.session[sessions.SECOND_FACTOR_DONE] = True
            if not "".join(code.split()).isdigit():
                left = services.recovery_codes_left(user=user)
                messages.warning(
                    request,
                    _(
                        "You logged in with a recovery code. You have %(count)d left. "
                        "Make new ones on the page Login and security."
                    )
                    % {"count": left},
                )
            return HttpResponseRedirect(pending["next"])
        throttling.count_failed_attempt(request, user)
        if getattr(request, "axes_locked_out", False):
            sessions.pending_clear(request)
        form.add_error(
            "code",
            _(
                "This code is not right. Type the 6 digits your app shows now, or one of your "
                "recovery codes."
            ),
        )
    return render(request, "accounts/two_factor_verify.html", {"form": form})


@method_decorator(login_not_required, name="dispatch")
class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    form_class = StyledPasswordResetForm
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form: Any) -> HttpResponse:
        wait = throttling.mail_refused_for(
            self.request, scope="password_reset", email=form.cleaned_data["email"]
        )
        if wait is not None:
            return throttling.mail_refused_response(self.request, wait=wait)
        return super().form_valid(form)


@method_decorator(login_not_required, name="dispatch")
class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


@method_decorator(login_not_required, name="dispatch")
class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = StyledSetPasswordForm
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form: Any) -> HttpResponse:
        # Django's view saves the new password; the personal tokens go in the same transaction.
        with transaction.atomic():
            response = super().form_valid(form)
            services.password_changed(user=form.user)
        return response


@method_decorator(login_not_required, name="dispatch")
class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


@sensitive_post_parameters()
@never_cache
@require_http_methods(["GET", "POST"])
def password_change(request: HttpRequest) -> HttpResponse:
    """Change a password, or set one for an account that only used e-mail links so far."""
    user: Any = request.user
    has_password = user.has_usable_password()
    form_class = StyledPasswordChangeForm if has_password else StyledSetPasswordForm
    form = form_class(user, request.POST or None)
    if request.method == "POST":
        if has_password and throttling.password_attempts_locked(request, user):
            return throttling.lockout_response(request)
        if form.is_valid():
            with transaction.atomic():
                form.save()
                revoked = services.password_changed(user=form.user)
            # Other sessions of this account end (their hash no longer matches); this one stays.
            update_session_auth_hash(request, form.user)
            services.security_notice(user=user, what=_("Your password was changed."))
            messages.success(
                request,
                _("Your password has been saved. Your personal keys for apps no longer work.")
                if revoked
                else _("Your password has been saved."),
            )
            return redirect("people:profile_edit")
        if has_password and "old_password" in form.errors:
            throttling.count_failed_attempt(request, user)
    return render(
        request,
        "accounts/password_change.html",
        {"form": form, "has_password": user.has_usable_password()},
    )


class LogoutView(auth_views.LogoutView):
    """Logging out (POST only) deletes the session on the server, not just the cookie."""

    template_name = "accounts/logged_out.html"


@never_cache
@require_http_methods(["GET"])
def security(request: HttpRequest) -> HttpResponse:
    """Login and security: e-mail address, password and two-step verification."""
    user: Any = request.user
    return render(
        request,
        "accounts/security.html",
        {
            "account": user,
            "has_password": user.has_usable_password(),
            "recovery_codes_left": services.recovery_codes_left(user=user),
            "two_factor_required": twofactor.two_factor_required(user),
            "idle_minutes": settings.BONDGENOOT_SESSION_IDLE_TIMEOUT // 60,
            "max_hours": settings.BONDGENOOT_SESSION_MAX_AGE // 3600,
        },
    )


def _two_factor_reason(user: Any) -> str:
    if user.is_staff or user.is_superuser:
        return "admin"
    return "coordinator"


def _log_in_again(request: HttpRequest, next_url: str) -> HttpResponse:
    """For a change to how one logs in, without a password to ask: log in again first."""
    logout(request)
    messages.info(request, _("To change how you log in, please log in again first."))
    return redirect(f"{reverse('accounts:login')}?{urlencode({'next': next_url})}")


@sensitive_post_parameters("password", "code")
@never_cache
@require_http_methods(["GET", "POST"])
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """Turn on two-step verification: scan the QR code (or type the key), then type a code.

    The key is kept in the session until the first code is right, and never shown again. Unless
    the login was recent, the password is asked again (an account with only e-mail links logs
    in again): someone at an unlocked computer cannot tie the account to their own phone."""
    user: Any = request.user
    if user.has_two_factor:
        messages.info(request, _("Two-step verification is already on."))
        return redirect("accounts:security")
    recent = sessions.recently_logged_in(request)
    if not recent and not user.has_usable_password():
        return _log_in_again(request, reverse("accounts:two_factor_setup"))
    secret = request.session.get(SETUP_SESSION_KEY)
    if not isinstance(secret, str) or not secret:
        secret = twofactor.new_secret()
        request.session[SETUP_SESSION_KEY] = secret
    form = TwoFactorSetupForm(user, request.POST or None, ask_password=not recent)
    if (
        request.method == "POST"
        and not recent
        and throttling.password_attempts_locked(request, user)
    ):
        return throttling.lockout_response(request)
    if request.method == "POST" and form.is_valid():
        try:
            codes = services.two_factor_enable(
                user=user,
                secret=secret,
                code=form.cleaned_data["code"],
                password=None if recent else form.cleaned_data.get("password", ""),
            )
        except ValidationError as error:
            add_service_error(form, error)
            if "password" in form.errors:
                throttling.count_failed_attempt(request, user)
        else:
            del request.session[SETUP_SESSION_KEY]
            # Other sessions of this account end; this one stays and counts as verified.
            update_session_auth_hash(request, user)
            request.session[sessions.SECOND_FACTOR_DONE] = True
            messages.success(request, _("Two-step verification is on."))
            return render(request, "accounts/recovery_codes.html", {"codes": codes})
    required = twofactor.two_factor_required(user)
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "secret": twofactor.format_secret(secret),
            "qr": twofactor.qr_svg(
                twofactor.provisioning_uri(secret, email=user.email),
                title=_("QR code to scan with your authenticator app"),
            ),
            "required": required,
            "reason": _two_factor_reason(user) if required else "",
        },
    )


@sensitive_post_parameters("password", "code")
@never_cache
@require_http_methods(["GET", "POST"])
def two_factor_disable(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    if not user.has_two_factor:
        return redirect("accounts:security")
    form = TwoFactorDisableForm(user, request.POST or None)
    if request.method == "POST":
        if throttling.password_attempts_locked(request, user):
            return throttling.lockout_response(request)
        if form.is_valid():
            try:
                services.two_factor_disable(
                    user=user,
                    password=form.cleaned_data.get("password", ""),
                    code=form.cleaned_data["code"],
                )
            except ValidationError as error:
                add_service_error(form, error)
                throttling.count_failed_attempt(request, user)
            else:
                update_session_auth_hash(request, user)
                request.session.pop(sessions.SECOND_FACTOR_DONE, None)
                messages.success(request, _("Two-step verification is off."))
                return redirect("accounts:security")
    return render(
        request,
        "accounts/two_factor_disable.html",
        {"form": form, "required": twofactor.two_factor_required(user)},
    )


@sensitive_post_parameters("password")
@never_cache
@require_http_methods(["GET", "POST"])
def sessions_end(request: HttpRequest) -> HttpResponse:
    """Log out on every other device (asks for the password again, when there is one)."""
    user: Any = request.user
    has_password = user.has_usable_password()
    form = SessionsEndForm(user, request.POST or None)
    if request.method == "POST":
        if has_password and throttling.password_attempts_locked(request, user):
            return throttling.lockout_response(request)
        if form.is_valid():
            if has_password and not user.check_password(form.cleaned_data["password"]):
                form.add_error("password", _("This is not your current password."))
                throttling.count_failed_attempt(request, user)
            else:
                revoked = services.sessions_end_all(user=user)
                update_session_auth_hash(request, user)
                messages.success(
                    request,
                    _(
                        "You are now logged out on all other devices. Your personal keys for "
                        "apps no longer work."
                    )
                    if revoked
                    else _("You are now logged out on all other devices."),
                )
                return redirect("accounts:security")
    return render(request, "accounts/sessions_end.html", {"form": form})


@sensitive_post_parameters("code")
@never_cache
@require_http_methods(["GET", "POST"])
def recovery_codes_renew(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    if not user.has_two_factor:
        return redirect("accounts:security")
    form = RecoveryCodesRenewForm(request.POST or None)
    if request.method == "POST":
        if throttling.password_attempts_locked(request, user):
            return throttling.lockout_response(request)
        if form.is_valid():
            try:
                codes = services.recovery_codes_renew(user=user, code=form.cleaned_data["code"])
            except ValidationError as error:
                add_service_error(form, error)
                throttling.count_failed_attempt(request, user)
            else:
                messages.success(
                    request, _("You have new recovery codes. The old ones no longer work.")
                )
                return render(request, "accounts/recovery_codes.html", {"codes": codes})
    return render(request, "accounts/recovery_codes_renew.html", {"form": form})
