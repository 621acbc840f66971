"""What of the database the search index may hold: people and organisations as ``Document``s.

The rules, in one place:

- A person is in the index only with consent for ``Purpose.FINDABLE`` and an active account.
- Of their profile, only the parts that every logged-in neighbour may see (the rule of
  ``people.permissions.visible_fields`` for someone without any relation to them), and never a
  part they marked as sensitive. So a word can only match where any searcher could read it.
- Their limits ("what I do not do") and their capacity always count, whoever may read them: they
  only ever take a person out of results (a limit switches off its words and themes, "not right
  now" takes them out), and the search never quotes them.
- Languages count only when shared with every logged-in neighbour (a hit may say "Speaks: ...").
- An organisation is found by what it says it does (``description``); organisations are visible
  to everyone logged in.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from django.db.models import QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from bondgenoot.people.models import Organisation, Person
from bondgenoot.people.permissions import visible_fields
from bondgenoot.people.profile import PROFILE_FIELDS
from bondgenoot.privacy.models import Purpose
from bondgenoot.privacy.selectors import consent_given

from .analysis import words
from .engine import FIELD_WEIGHTS, Document, Settings, language_names

KIND_PERSON = "person"
KIND_ORGANISATION = "organisation"

# Parts of a profile whose words can be found (when shared with everyone and not sensitive).
PERSON_TEXT_FIELDS = ("about", "strengths", "aspirations", "lived_experience")
TAGS = "tags"
ORGANISATION_FIELD = "description"

SETTINGS = Settings(
    field_weights={**FIELD_WEIGHTS, TAGS: 0.8, ORGANISATION_FIELD: 1.0},
    # What someone offers: a person's strengths, about and own tags; what an organisation does.
    offer_fields=("strengths", "about", TAGS, ORGANISATION_FIELD),
)

_PERSON_LABELS: dict[str, Promise] = {f.name: f.label for f in PROFILE_FIELDS}
_ORGANISATION_LABEL = _("What we do")


def field_label(kind: str, name: str) -> Any:
    if kind == KIND_ORGANISATION:
        return _ORGANISATION_LABEL
    return _PERSON_LABELS.get(name, name)


def neighbourhood_key(pk: int | None) -> str:
    """The engine compares neighbourhoods as text; by id, so a new name changes nothing."""
    return f"wijk {pk}" if pk else ""


def person_key(pk: int) -> Hashable:
    return (KIND_PERSON, pk)


def organisation_key(pk: int) -> Hashable:
    return (KIND_ORGANISATION, pk)


def people_for_index() -> QuerySet[Person]:
    """Person rows with what ``person_document`` reads (``findable``, ``active``, tags)."""
    return (
        Person.objects.annotate(findable=consent_given(Purpose.FINDABLE))
        .select_related("user", "neighbourhood")
        .prefetch_related("tags")
        .order_by()
    )


def findable_people() -> QuerySet[Person]:
    """Everyone who may be in the index (their document may still be empty)."""
    return Person.objects.filter(consent_given(Purpose.FINDABLE), user__is_active=True).order_by()


def organisations_for_index() -> QuerySet[Organisation]:
    return Organisation.objects.select_related("neighbourhood").order_by()


def findable_organisations() -> QuerySet[Organisation]:
    return Organisation.objects.exclude(description="").order_by()


def _language_codes(names: Any) -> tuple[str, ...]:
    known = language_names()
    codes = set(known.values())
    found: list[str] = []
    for name in names or ():
        key = " ".join(words(str(name)))
        code = known.get(key) or (key if key in codes else None)
        if code and code not in found:
            found.append(code)
    return tuple(found)


def person_document(person: Person) -> Document | None:
    """The person as the index may see them, or None when they must not be found.

    ``person`` comes from ``people_for_index()`` (it reads ``findable`` from there)."""
    if not getattr(person, "findable", False) or not person.user.is_active:
        return None
    sensitive = set(person.sensitive_fields or [])
    shared = {
        f.name
        for f in visible_fields(person, is_self=False, is_ally=False)
        if f.name not in sensitive
    }
    fields = {
        name: text
        for name in PERSON_TEXT_FIELDS
        if name in shared and (text := (getattr(person, name) or "").strip())
    }
    if TAGS in shared and (tags := ", ".join(t.name for t in person.tags.all())):
        fields[TAGS] = tags
    if not fields:
        return None
    return Document(
        id=person_key(person.pk),
        neighbourhood=neighbourhood_key(person.neighbourhood_id),
        fields=fields,
        limits=person.limits or "",
        capacity=person.capacity or "",
        languages=_language_codes(person.languages) if "languages" in shared else (),
    )


def organisation_document(organisation: Organisation) -> Document | None:
    text = (organisation.description or "").strip()
    if not text:
        return None
    return Document(
        id=organisation_key(organisation.pk),
        neighbourhood=neighbourhood_key(organisation.neighbourhood_id),
        fields={ORGANISATION_FIELD: text},
    )
