"""The pages in the account area for personal tokens of the JSON API: make one (the secret is
shown once), see them, revoke one. GET shows, POST changes; revoking asks first."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from bondgenoot.core.forms import add_service_error
from bondgenoot.core.views_helpers import require_person

from . import permissions, selectors, services
from .forms import TokenForm


@never_cache
@require_http_methods(["GET", "POST"])
def token_list(request: HttpRequest) -> HttpResponse:
    person = require_person(request)
    allowed = services.tokens_allowed(request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and allowed and form.is_valid():
        try:
            token, secret = services.token_create(
                person=person,
                by=person,
                name=form.cleaned_data["name"],
                valid_days=form.cleaned_data["valid_days"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            return render(request, "api/token_created.html", {"token": token, "secret": secret})
    return render(
        request,
        "api/token_list.html",
        {
            "form": form,
            "tokens": selectors.tokens_of(request.user),
            "allowed": allowed,
            "api_root": reverse("api:api-root"),
        },
    )


@require_http_methods(["GET", "POST"])
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    token = permissions.get_token_for(request.user, pk)
    if request.method == "POST":
        services.token_revoke(token=token, by=person)
        messages.success(
            request,
            _("The token %(name)s has been revoked. It no longer works.") % {"name": token.name},
        )
        return redirect("api:tokens")
    if token.revoked_at is not None:
        messages.info(request, _("This token has already been revoked."))
        return redirect("api:tokens")
    return render(
        request,
        "core/confirm.html",
        {
            "title": _("Revoke the token %(name)s?") % {"name": token.name},
            "text": _(
                "Programs that use this token can no longer reach your data. "
                "This cannot be undone: you can make a new token."
            ),
            "confirm_label": _("Yes, revoke the token"),
            "cancel_url": reverse("api:tokens"),
        },
    )
