"""Bondgenoot zoeken: the one function pages and the API call.

``search_allies(viewer=..., text=..., neighbourhood=..., limit=...)`` returns a
:class:`SearchResult`: a ``status`` and a Dutch ``message`` for questions that cannot be searched
(or were shortened), and ``hits`` in order of how well their own words fit the question. A hit
never carries a number: only its kind, the person or organisation, and the reasons in words.

Who can be found (the rules are in :mod:`bondgenoot.matching.sources`): people who gave consent
to be findable as an ally, with only the parts of their profile they share with every logged-in
neighbour and did not mark as sensitive; organisations by what they say they do. Never the
viewer themself. Every hit is checked against the database in the same request (consent, active
account, the current words), so a withdrawal or a change counts at once.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from bondgenoot.people.models import Neighbourhood, Organisation, Person

from . import index_store
from .engine import QueryStatus, analyse, language_names
from .sources import KIND_ORGANISATION, KIND_PERSON, field_label, neighbourhood_key

DEFAULT_LIMIT = 20
MAX_LIMIT = 100


class SearchStatus(enum.StrEnum):
    OK = "ok"
    TOO_LONG = "too_long"  # searched with the first part; hits and a message
    EMPTY = "empty"
    NO_WORDS = "no_words"  # only emoji, digits or punctuation
    ONLY_COMMON_WORDS = "only_common_words"
    UNKNOWN_NEIGHBOURHOOD = "unknown_neighbourhood"


@dataclass(frozen=True)
class AllyHit:
    """One person or organisation whose words fit. No score, on purpose."""

    kind: str  # "person" or "organisation"
    object: Person | Organisation
    reasons: list[str]  # Dutch sentences-in-words: "Past bij: geldzorgen", "Woorden: ..."
    themes: list[str]  # themes of the question found in their words (Dutch)
    words: list[str]  # their words that fit (single words, never a quote)
    fields: list[str]  # names of the parts of the profile that fit ("strengths", ...)
    field_labels: list[str]  # the same, as the reader sees them
    same_neighbourhood: bool = False
    languages: list[str] = field(default_factory=list)  # asked-for languages they speak (codes)
    notes: list[str] = field(default_factory=list)  # "Spreekt: Arabisch", "In jouw wijk"

    @property
    def name(self) -> str:
        if isinstance(self.object, Person):
            return self.object.display_name
        return self.object.name

    @property
    def person(self) -> Person | None:
        return self.object if isinstance(self.object, Person) else None

    @property
    def organisation(self) -> Organisation | None:
        return self.object if isinstance(self.object, Organisation) else None

    @property
    def why(self) -> str:
        """The short "waarom": themes and words, e.g. "Past bij: geldzorgen — Woorden: schulden"."""
        parts = []
        if self.themes:
            parts.append(_("Fits: %(themes)s") % {"themes": ", ".join(self.themes)})
        if self.words:
            parts.append(_("Words: %(words)s") % {"words": ", ".join(self.words)})
        return " — ".join(parts)


@dataclass(frozen=True)
class SearchResult:
    status: SearchStatus
    message: str  # Dutch, ready to show; empty when all is well
    hits: list[AllyHit] = field(default_factory=list)
    text: str = ""  # the text that was searched (shortened when too long)
    neighbourhood: Neighbourhood | None = None  # the neighbourhood that ranks a little higher

    @property
    def searched(self) -> bool:
        """The question could be searched (perhaps shortened): an empty list means nobody fits."""
        return self.status in (SearchStatus.OK, SearchStatus.TOO_LONG)


_FROM_QUERY_STATUS = {
    QueryStatus.OK: SearchStatus.OK,
    QueryStatus.TOO_LONG: SearchStatus.TOO_LONG,
    QueryStatus.EMPTY: SearchStatus.EMPTY,
    QueryStatus.NO_WORDS: SearchStatus.NO_WORDS,
    QueryStatus.ONLY_COMMON_WORDS: SearchStatus.ONLY_COMMON_WORDS,
}


def find_neighbourhood(
    value: Neighbourhood | int | str | None,
) -> tuple[Neighbourhood | None, bool]:
    """(the neighbourhood, known?) for an instance, an id or a name; None is known (no choice)."""
    if value is None or value == "":
        return None, True
    if isinstance(value, Neighbourhood):
        if value.pk is None or not Neighbourhood.objects.filter(pk=value.pk).exists():
            return None, False
        return value, True
    text = str(value).strip()
    if text.isdigit() and len(text) <= 9:  # within a 32-bit id on every database
        found = Neighbourhood.objects.filter(pk=int(text)).first()
    else:
        found = Neighbourhood.objects.filter(name__iexact=text[:100]).first()
    return found, found is not None


def search_allies(
    *,
    viewer: Person,
    text: str,
    neighbourhood: Neighbourhood | int | str | None = None,
    limit: int = DEFAULT_LIMIT,
) -> SearchResult:
    """People and initiatives whose own words fit ``text``, as far as ``viewer`` may see them.

    ``neighbourhood`` (an instance, or an id or name from a form) ranks people there a little
    higher; without it, the viewer's own neighbourhood does. Never raises for bad input: the
    status and Dutch message say what was wrong.
    """
    check = analyse(text)
    place, known = find_neighbourhood(neighbourhood)
    if not known:
        return SearchResult(
            SearchStatus.UNKNOWN_NEIGHBOURHOOD,
            _("We do not know this neighbourhood. Choose one from the list."),
            text=check.text,
        )
    if place is None and viewer.neighbourhood_id is not None:
        place = viewer.neighbourhood
    status = _FROM_QUERY_STATUS[check.status]
    if not check.can_search:
        return SearchResult(status, check.message, text=check.text, neighbourhood=place)
    limit = max(0, min(int(limit), MAX_LIMIT))
    found = index_store.search(
        check.text,
        neighbourhood=neighbourhood_key(place.pk if place else None),
        exclude={(KIND_PERSON, viewer.pk)},
        limit=limit,
    )
    own = place is not None and place.pk == viewer.neighbourhood_id
    hits = [_hit(item.hit, item.object, place=None if own else place) for item in found]
    return SearchResult(status, check.message, hits, text=check.text, neighbourhood=place)


def _hit(hit: Any, obj: Person | Organisation, *, place: Neighbourhood | None) -> AllyHit:
    """``place``: the neighbourhood that was chosen, when it is not the viewer's own."""
    kind = KIND_PERSON if isinstance(obj, Person) else KIND_ORGANISATION
    labels = [str(field_label(kind, name)) for name in hit.fields]
    reasons = []
    if hit.themes:
        reasons.append(_("Fits: %(themes)s") % {"themes": ", ".join(hit.themes)})
    if hit.matched_words:
        reasons.append(_("Words: %(words)s") % {"words": ", ".join(hit.matched_words)})
    if labels:
        reasons.append(_("In: %(fields)s") % {"fields": ", ".join(labels).lower()})
    notes = []
    if hit.languages:
        names = {code: name for name, code in reversed(language_names().items())}
        spoken = ", ".join(names.get(c, c).capitalize() for c in hit.languages)
        notes.append(_("Speaks: %(languages)s") % {"languages": spoken})
    if hit.same_neighbourhood:
        if place is None:
            notes.append(_("In your neighbourhood"))
        else:
            notes.append(_("In %(neighbourhood)s") % {"neighbourhood": place.name})
    return AllyHit(
        kind=kind,
        object=obj,
        reasons=reasons + notes,
        themes=list(hit.themes),
        words=list(hit.matched_words),
        fields=list(hit.fields),
        field_labels=labels,
        same_neighbourhood=hit.same_neighbourhood,
        languages=list(hit.languages),
        notes=notes,
    )
