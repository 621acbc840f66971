"""Writes that every app uses: notices to people."""

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from .models import Notice

if TYPE_CHECKING:
    from bondgenoot.people.models import Person


def notify(*, people: "Iterable[Person | None]", text: str, link: str = "") -> list[Notice]:
    """Leave a notice on the home page of each person (people without a profile are skipped).

    The text is stored in the language it was written in, so callers pass a translated string.
    """
    notices = [Notice(person=p, text=text[:500], link=link) for p in people if p is not None]
    return Notice.objects.bulk_create(notices)


@transaction.atomic
def notices_mark_read(*, person: "Person") -> int:
    return Notice.objects.filter(person=person, read_at__isnull=True).update(read_at=timezone.now())
