"""A world with something of everything about amina, and private things of others around her."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest

from bondgenoot.alliances import services as alliance_services
from bondgenoot.alliances.models import ContributionKind, Party
from bondgenoot.core.services import notify
from bondgenoot.people import services as people_services
from bondgenoot.people.models import Visibility
from bondgenoot.privacy import services
from bondgenoot.privacy.models import Purpose

BAS_SECRET = "BAS-ALLEEN-IK-9q2"  # bas's text that only bas may see


@dataclass
class World:
    alliance: Any
    entry: Any
    given: Any
    received: Any
    amina_party: Any
    bas_party: Any


@pytest.fixture
def world(alliance, amina, bas, chris) -> World:
    people_services.profile_update(
        person=amina,
        by=amina,
        about="Ik woon al twintig jaar in de Vlinderbuurt.",
        strengths="Koken voor veel mensen",
        lived_experience="Ik had schulden bij de energieleverancier.",
        lived_experience_visibility=Visibility.ONLY_ME,
        tags="koken, wandelen",
        languages="Nederlands, Arabisch",
    )
    bas.limits = f"Niet op zondag {BAS_SECRET}"
    bas.limits_visibility = Visibility.ONLY_ME
    bas.save()

    mine = Party.objects.get(alliance=alliance, person=amina)
    his = Party.objects.get(alliance=alliance, person=bas)
    entry = alliance_services.journal_entry_add(
        alliance=alliance, author=amina, what_happened="Eerste versie van vandaag."
    )
    entry = alliance_services.journal_entry_edit(
        entry=entry,
        by=amina,
        expected_version=entry.version,
        what_happened="We hebben de brieven van de gemeente samen gelezen.",
        what_we_learned="Samen is het minder eng.",
        what_next="",
    )
    given = alliance_services.contribution_add(
        alliance=alliance,
        by=amina,
        giver=mine,
        receiver=his,
        kind=ContributionKind.KNOWLEDGE,
        description="Uitleg over de toeslagen",
        hours=Decimal("1.5"),
    )
    received = alliance_services.contribution_add(
        alliance=alliance,
        by=bas,
        giver=his,
        receiver=mine,
        kind=ContributionKind.TIME,
        description="Mee naar het loket",
        hours=Decimal(2),
    )
    alliance_services.invitation_create(alliance=alliance, by=amina, email="nieuw@example.org")
    services.consent_set(person=amina, by=amina, purpose=Purpose.FINDABLE, given=True)
    services.consent_set(person=amina, by=amina, purpose=Purpose.FINDABLE, given=False)
    services.consent_set(person=amina, by=amina, purpose=Purpose.QUOTE_IN_REPORT, given=True)
    notify(people=[amina], text="Bas heeft iets nieuws geschreven.", link="/")
    return World(
        alliance=alliance,
        entry=entry,
        given=given,
        received=received,
        amina_party=mine,
        bas_party=his,
    )
