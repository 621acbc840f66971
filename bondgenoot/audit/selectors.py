"""Reads of access records. Only ever the records about the person who asks."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, StringAgg, Value
from django.utils.translation import gettext as _

from bondgenoot.people.models import Person
from bondgenoot.people.profile import PROFILE_FIELDS

from .models import AccessPurpose, ObjectType, describe_role

LOOKS_PER_PAGE = 25


@dataclass
class Look:
    """Everything one person saw of yours at one moment (one page): the records of one look."""

    viewed_at: datetime.datetime
    name: str  # empty when they are not shown by name
    role: str
    purpose: str
    alliance: str
    what: str


def _what(row: dict[str, Any]) -> str:
    if row["object_type"] == ObjectType.JOURNAL_ENTRY:
        count = row["count"]
        if count == 1:
            return _("one of your journal entries")
        return _("%(count)d of your journal entries") % {"count": count}
    labels = {f.name: str(f.label) for f in PROFILE_FIELDS}
    names = [n for n in (row["fields"] or "").split(",") if n]
    shown = [labels.get(n, n) for n in dict.fromkeys(names)]
    return _("on your profile: %(parts)s") % {"parts": ", ".join(shown)}


def _look(row: dict[str, Any]) -> Look:
    named = row["actor_by_name"]
    name = ""
    if named:
        name = row["actor__display_name"] or _("a former participant")
    return Look(
        viewed_at=row["viewed_at"],
        name=name,
        role=describe_role(row["actor_role"], row["actor_organisation"]),
        purpose=str(AccessPurpose(row["purpose"]).label),
        alliance=row["alliance__name"] or "",
        what=_what(row),
    )


def access_log_page(person: Person, *, page: Any = 1) -> Page[Any]:
    """Who looked at what this person marked as sensitive, newest first, one row per look.

    Two queries a page (the count and the rows), whatever the number of records.
    """
    looks = (
        person.access_records.values(
            "look",
            "viewed_at",
            "actor__display_name",
            "actor_role",
            "actor_organisation",
            "actor_by_name",
            "purpose",
            "object_type",
            "alliance__name",
        )
        .annotate(count=Count("id"), fields=StringAgg("field_name", Value(",")))
        .order_by("-viewed_at", "look")
    )
    paged: Page[Any] = Paginator(looks, LOOKS_PER_PAGE).get_page(page)
    paged.object_list = [_look(row) for row in paged.object_list]
    return paged
