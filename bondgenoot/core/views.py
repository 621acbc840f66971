import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from bondgenoot.accounts.models import User
from bondgenoot.alliances import selectors as alliance_selectors
from bondgenoot.core.permissions import person_of
from bondgenoot.core.services import notices_mark_read
from bondgenoot.core.views_helpers import require_person
from bondgenoot.people import selectors as people_selectors

HOME_ALLIANCES = 12
HOME_NOTICES = 10


@login_not_required
@require_http_methods(["GET"])
def home(request: HttpRequest) -> HttpResponse:
    """Logged in: my alliances and open invitations. Otherwise: what Bondgenoot is."""
    person = person_of(request.user)
    if person is None:
        landing = {"demo_logins": _demo_logins(), "password": settings.DEMO_LOGIN_PASSWORD}
        return render(request, "core/landing.html", landing)
    alliances = list(alliance_selectors.my_alliances(request.user)[: HOME_ALLIANCES + 1])
    context = {
        "person": person,
        "alliances": alliances[:HOME_ALLIANCES],
        "more_alliances": len(alliances) > HOME_ALLIANCES,
        "invitations": alliance_selectors.open_invitations_for(request.user),
        "memberships": people_selectors.my_organisations(request.user),
        "notices": list(person.notices.filter(read_at__isnull=True)[:HOME_NOTICES]),
    }
    return render(request, "core/home.html", context)


# The date of the last check of this statement (the browser tests run on every change).
ACCESSIBILITY_CHECKED_ON = datetime.date(2026, 11, 23)


@login_not_required
@require_http_methods(["GET"])
def accessibility(request: HttpRequest) -> HttpResponse:
    """The accessibility statement: what we comply with, how we test it, how to report."""
    context = {
        "contact_email": getattr(settings, "BONDGENOOT_CONTACT_EMAIL", ""),
        "checked_on": ACCESSIBILITY_CHECKED_ON,
    }
    return render(request, "core/accessibility.html", context)


@require_POST
def notices_read(request: HttpRequest) -> HttpResponse:
    notices_mark_read(person=require_person(request))
    return redirect("core:home")


def _demo_logins() -> list[Any]:
    """On a development machine with the demo loaded: who to log in as, to try it out."""
    if not settings.ENABLE_DEMO_HINTS:
        return []
    from bondgenoot.demo.content import DEMO_LOGINS

    known = set(
        User.objects.filter(email__in=[d.email for d in DEMO_LOGINS]).values_list(
            "email", flat=True
        )
    )
    return [d for d in DEMO_LOGINS if d.email in known]


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "404.html", status=404)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "403.html", status=403)
