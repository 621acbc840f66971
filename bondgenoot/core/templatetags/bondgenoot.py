from collections.abc import Iterable
from typing import Any

from django import template

register = template.Library()


@register.filter
def other_party_names(parties: Iterable[Any], person: Any) -> str:
    """Names of the active parties except the viewer: 'With: Bas, Inloop De Open Deur'."""
    person_pk = getattr(person, "pk", None)
    names = [
        party.name
        for party in parties
        if party.left_on is None and (party.person_id is None or party.person_id != person_pk)
    ]
    return ", ".join(names)


@register.filter
def plural_count(value: Any) -> int:
    """An integer for choosing a plural form: 1 only for exactly one (1.5 hours is plural)."""
    return 1 if value == 1 else 2
