"""What other apps add to "Mijn gegevens" (the page, the download, the delete page).

An app with data about a person has a module ``bondgenoot/<app>/my_data.py`` with a function
``sections(person) -> list[Section]``: what it holds about that person, in plain values. The
page and the HTML/PDF download show each section as a heading with its items; the JSON
download puts the items under the section's ``key``; the page to delete the account says, per
section with items, what deleting does with them (``on_delete``). A module may also have
``before_account_delete(person)`` for what an app keeps of a person outside its sections
(copies, such as the frozen versions of a report). Found through
``core.plugins.app_modules``, so privacy does not need to know the apps.
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.utils import formats, timezone
from django_stubs_ext import StrOrPromise

from bondgenoot.core.plugins import app_modules
from bondgenoot.people.models import Person


@dataclass(frozen=True)
class Shown:
    """One item as the page shows it: a heading and labelled values (empty ones left out)."""

    heading: str
    fields: list[tuple[StrOrPromise, str]]


@dataclass
class Section:
    key: str  # stable JSON key, e.g. "stories_told"
    title: StrOrPromise  # Dutch heading
    items: list[dict[str, Any]]  # plain values: text, numbers, dates, lists, True/False
    # Which values of an item the page shows, under which Dutch label, in this order. Give
    # display text (a status label, "ja"/"nee") for these; raw codes may sit next to them.
    labels: Sequence[tuple[str, StrOrPromise]] = ()
    heading: str = "title"  # the key of the value that heads each item
    empty: StrOrPromise = ""  # Dutch: shown when there are no items
    on_delete: StrOrPromise = ""  # Dutch: what deleting the account does with these items
    anchor: str = ""  # the id on the page; from the key when not given

    def __post_init__(self) -> None:
        if not self.anchor:
            self.anchor = self.key.replace("_", "-")

    @property
    def shown(self) -> list[Shown]:
        result = []
        for item in self.items:
            values = [
                (label, as_text(item[key]))
                for key, label in self.labels
                if item.get(key) not in (None, "", [], ())
            ]
            result.append(Shown(heading=as_text(item.get(self.heading, "")), fields=values))
        return result


def as_text(value: Any) -> str:
    """A value as the page shows it: Dutch dates, one line per element of a list."""
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "j F Y, H:i")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "j F Y")
    if isinstance(value, list | tuple):
        return "\n".join(as_text(v) for v in value)
    return str(value)


def before_account_delete(person: Person) -> None:
    """Let each app forget what it keeps of this person elsewhere (an app's module may have
    ``before_account_delete(person)``); called in the same transaction as the deletion."""
    for module in app_modules("my_data"):
        hook = getattr(module, "before_account_delete", None)
        if hook is not None:
            hook(person)


def collect(person: Person) -> list[Section]:
    """Every app's sections about this person, in the order of ``INSTALLED_APPS``."""
    found: list[Section] = []
    for module in app_modules("my_data"):
        found.extend(module.sections(person))
    return found
