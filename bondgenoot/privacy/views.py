"""Mijn gegevens: see, download, correct and delete what the platform holds about you.

Every view works on the person of the logged-in account only (no ids in the URLs).
"""

import datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from bondgenoot.accounts import throttling
from bondgenoot.core.forms import add_service_error
from bondgenoot.core.pdf import PdfUnavailable

from . import reauth, selectors, services
from .forms import AccountDeleteForm, ConsentForm, EmailChangeForm, ReauthPasswordForm
from .models import ExportFormat
from .permissions import get_my_person
from .tokens import email_change_token, read_email_change_token


def _posted(request: HttpRequest) -> Any:
    """The submitted data, also when it is empty (all boxes unticked): the form is bound."""
    return request.POST if request.method == "POST" else None


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    return response


@never_cache
@require_http_methods(["GET"])
def overview(request: HttpRequest) -> HttpResponse:
    person = get_my_person(request.user)
    context = {"person": person, "data": selectors.my_data(person)}
    return _no_store(render(request, "privacy/overview.html", context))


def _confirmed_until(request: HttpRequest) -> datetime.datetime | None:
    until = reauth.confirmed_until(request)
    if until is None:
        return None
    return datetime.datetime.fromtimestamp(until, tz=datetime.UTC)


# Confirming that it is you ---------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def reauthenticate(request: HttpRequest) -> HttpResponse:
    """Ask the password again; accounts without one get a one-time link by e-mail."""
    get_my_person(request.user)
    user: Any = request.user
    next_url = reauth.safe_next(request, reverse("privacy:overview"))
    if not user.has_usable_password():
        if request.method == "POST":
            wait = throttling.mail_refused_for(request, scope="privacy_link", email=user.email)
            if wait:
                return throttling.mail_refused_response(request, wait=wait)
            token = reauth.new_link_token(request)
            link = request.build_absolute_uri(reverse("privacy:reauth_link", args=[token]))
            link += "?" + urlencode({"next": next_url})
            services.reauth_link_send(user=user, link=link)
            return render(request, "privacy/reauth_link_sent.html", {"email": user.email})
        return render(request, "privacy/reauth_by_link.html", {"next": next_url})

    if request.method == "POST" and throttling.password_attempts_locked(request, user):
        return throttling.lockout_response(request)
    form = ReauthPasswordForm(_posted(request), user=user)
    if request.method == "POST":
        if form.is_valid():
            reauth.mark_confirmed(request)
            # Not redirect(): it would read a typed next like 'home' as the name of a view.
            return HttpResponseRedirect(next_url)
        # A wrong password here counts towards the same lock as one at the login page.
        throttling.count_failed_attempt(request, user)
        if reauth.register_failure(request):
            messages.error(
                request,
                _("The password was wrong too often. For your safety you have been logged out."),
            )
            return redirect("accounts:login")
    return render(request, "privacy/reauth.html", {"form": form, "next": next_url})


@never_cache
@require_http_methods(["GET", "POST"])
def reauthenticate_by_link(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button; only the POST confirms (mail scanners open links too)."""
    get_my_person(request.user)
    next_url = reauth.safe_next(request, reverse("privacy:overview"))
    if not reauth.link_token_is_valid(request, token):
        return render(request, "privacy/link_invalid.html", status=400)
    if request.method == "POST":
        reauth.mark_confirmed(request)
        messages.success(request, _("Thank you. You have confirmed that it is you."))
        return HttpResponseRedirect(next_url)
    return render(request, "privacy/reauth_link_confirm.html", {"next": next_url})


# Downloads -------------------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET"])
@reauth.reauth_required()
def download(request: HttpRequest) -> HttpResponse:
    get_my_person(request.user)
    context = {"formats": ExportFormat, "confirmed_until": _confirmed_until(request)}
    return _no_store(render(request, "privacy/download.html", context))


@require_POST
@reauth.reauth_required(back_to="privacy:download")
def download_file(request: HttpRequest, format: str) -> HttpResponse:
    person = get_my_person(request.user)
    if format not in ExportFormat.values:
        raise Http404
    try:
        made = services.data_export_make(person=person, by=person, format=format)
    except PdfUnavailable:
        messages.error(
            request, _("A PDF cannot be made on this server right now. Choose another format.")
        )
        return redirect("privacy:download")
    response = HttpResponse(made.content, content_type=made.content_type)
    response["Content-Disposition"] = f'attachment; filename="{made.filename}"'
    return _no_store(response)


# A new e-mail address --------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def email_change(request: HttpRequest) -> HttpResponse:
    """With a password: type it again and the address changes. Without one: confirm it is you
    (by a link to the current address) and then confirm the new address by a link sent to it."""
    person = get_my_person(request.user)
    user: Any = request.user
    has_password = user.has_usable_password()
    if request.method == "POST" and not has_password and not reauth.is_confirmed(request):
        messages.info(request, _("For your safety, first confirm that it is really you."))
        return redirect(reauth.confirm_url(reverse("privacy:email_change")))
    if (
        request.method == "POST"
        and has_password
        and throttling.password_attempts_locked(request, user)
    ):
        return throttling.lockout_response(request)
    form = EmailChangeForm(_posted(request), user=user)
    if request.method == "POST" and has_password and "password" in form.errors:
        throttling.count_failed_attempt(request, user)
    if request.method == "POST" and form.is_valid():
        try:
            if has_password:
                services.email_change(user=user, new_email=form.cleaned_data["email"])
            else:
                new_email = services.email_change_check(
                    user=user, new_email=form.cleaned_data["email"]
                )
                token = email_change_token(
                    user_id=user.pk, old_email=user.email, new_email=new_email
                )
                link = request.build_absolute_uri(reverse("privacy:email_confirm", args=[token]))
                wait = throttling.mail_refused_for(request, scope="email_change", email=new_email)
                if wait:
                    return throttling.mail_refused_response(request, wait=wait)
                services.email_change_link_send(user=user, new_email=new_email, link=link)
                return render(request, "privacy/email_change_sent.html", {"email": new_email})
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Your e-mail address has been changed."))
            return redirect("privacy:overview")
    context = {
        "form": form,
        "person": person,
        "has_password": has_password,
        "confirmed": reauth.is_confirmed(request),
    }
    return render(request, "privacy/email_change.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def email_confirm(request: HttpRequest, token: str) -> HttpResponse:
    get_my_person(request.user)
    user: Any = request.user
    value = read_email_change_token(token)
    if value is None or value["u"] != user.pk or value["old"] != user.email:
        return render(request, "privacy/link_invalid.html", status=400)
    if request.method == "POST":
        try:
            services.email_change(user=user, new_email=value["new"])
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("Your e-mail address has been changed."))
        return redirect("privacy:overview")
    return render(request, "privacy/email_confirm.html", {"email": value["new"]})


# Consent ---------------------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def consents(request: HttpRequest) -> HttpResponse:
    person = get_my_person(request.user)
    states = selectors.consent_states(person)
    current = {purpose: bool(c and c.given) for purpose, c in states.items()}
    form = ConsentForm(_posted(request), current=current)
    if request.method == "POST" and form.is_valid():
        changed = services.consents_update(person=person, by=person, answers=form.answers())
        if changed:
            messages.success(request, _("Your choices have been saved. They count from now on."))
        else:
            messages.info(request, _("Nothing has changed."))
        return redirect("privacy:consents")
    context = {"form": form, "history": selectors.consent_history(person)[:50]}
    return render(request, "privacy/consents.html", context)


# Deleting the account --------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
@reauth.reauth_required(back_to="privacy:account_delete")
def account_delete(request: HttpRequest) -> HttpResponse:
    person = get_my_person(request.user)
    blocking = selectors.organisations_needing_another_coordinator(person)
    form = AccountDeleteForm(_posted(request))
    if request.method == "POST" and not blocking and form.is_valid():
        try:
            deleted = services.account_delete(
                person=person, by=person, keep_history=form.keep_history
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            logout(request)
            request.session["privacy_goodbye"] = {
                "name": deleted.name,
                "kept": deleted.kept_history,
                "at": timezone.now().isoformat(),
            }
            return redirect("privacy:goodbye")
    context = {
        "form": form,
        "person": person,
        "blocking": blocking,
        "data": selectors.deletion_summary(person),
    }
    return render(request, "privacy/account_delete.html", context)


@login_not_required
@never_cache
@require_http_methods(["GET"])
def goodbye(request: HttpRequest) -> HttpResponse:
    farewell = request.session.pop("privacy_goodbye", None)
    return render(
        request,
        "privacy/goodbye.html",
        {"farewell": farewell if isinstance(farewell, dict) else None},
        status=200,
    )
