"""Small helpers shared by the thin views of every app."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from bondgenoot.people.models import Person

from .permissions import person_of


def require_person(request: HttpRequest) -> Person:
    """The profile of the logged-in user. Accounts without a profile (e.g. a bare admin) get 403."""
    person = person_of(request.user)
    if person is None:
        raise PermissionDenied
    return person


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def page_number(request: HttpRequest) -> Any:
    return request.GET.get("pagina") or 1
