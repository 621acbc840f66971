from typing import Any

from bondgenoot.people import services as people_services
from bondgenoot.people.models import Person, Visibility
from bondgenoot.people.profile import PROFILE_FIELDS
from bondgenoot.privacy.models import Purpose
from bondgenoot.privacy.services import consent_set

EMPTY_PROFILE = {
    "about": "",
    "strengths": "",
    "aspirations": "",
    "lived_experience": "",
    "limits": "",
    "tags": "",
}


def findable(person: Person, *, level: str = Visibility.MEMBERS, **changes: Any) -> Person:
    """The person shares every part with ``level`` and gives consent to be findable. Parts not
    named in ``changes`` are emptied, so only the words of the test count."""
    visibility = {f.visibility_attr: level for f in PROFILE_FIELDS}
    people_services.profile_update(
        person=person, by=person, **{**EMPTY_PROFILE, **visibility, **changes}
    )
    consent_set(person=person, by=person, purpose=Purpose.FINDABLE, given=True)
    return person
