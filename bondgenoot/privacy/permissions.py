"""Who may use "Mijn gegevens": only a logged-in person, and only for themself.

There is deliberately no page that takes the id of a person: every view works on the person of
the logged-in account, so nobody can ask for (or download, or delete) someone else's data. Site
administrators included.
"""

from typing import Any

from django.core.exceptions import PermissionDenied

from bondgenoot.core.permissions import person_of
from bondgenoot.people.models import Person


def can_manage_my_data(user: Any) -> bool:
    """A logged-in account with a profile; an account without one has nothing to show here."""
    return person_of(user) is not None


def get_my_person(user: Any) -> Person:
    """The person of the logged-in account (403 for an account without a profile)."""
    person = person_of(user)
    if person is None:
        raise PermissionDenied
    return person
