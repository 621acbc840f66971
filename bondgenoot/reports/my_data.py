"""Reports in "Mijn gegevens" (contract: ``privacy/sections.py``).

A report holds nobody's data as its own: stories, names and quotes come from the other apps
with consent, and their sections list them. What a report keeps is its frozen versions; when
an account is deleted, every version that holds that person's story, name or words loses its
content (it was already withdrawn for funders; now it is gone from the database too).
"""

from typing import Any

from django.db import transaction

from bondgenoot.people.models import Person
from bondgenoot.privacy.sections import Section

from .models import ReportVersion

PERSON_KEYS = ("named", "quoted", "named_stories_people")


def sections(person: Person) -> list[Section]:
    return []


def _holds(depends: dict[str, Any], person_id: int, story_ids: set[int]) -> bool:
    if story_ids.intersection(depends.get("stories", [])):
        return True
    return any(person_id in depends.get(key, []) for key in PERSON_KEYS)


@transaction.atomic
def before_account_delete(person: Person) -> None:
    from bondgenoot.stories.models import Story

    story_ids = set(Story.objects.filter(storyteller=person).values_list("pk", flat=True))
    holding = [
        version.pk
        for version in ReportVersion.objects.only("pk", "depends").iterator()
        if _holds(version.depends or {}, person.pk, story_ids)
    ]
    ReportVersion.objects.filter(pk__in=holding).update(content={})
