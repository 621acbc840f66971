import datetime

import pytest

from bondgenoot.alliances import services as alliance_services
from bondgenoot.alliances.models import ContributionKind, Party
from bondgenoot.privacy import services as privacy_services
from bondgenoot.privacy.models import Purpose
from bondgenoot.reports import services


@pytest.fixture
def report(gijs, org, alliance_with_org):
    """gijs coordinates org, a party of amina and bas's alliance; the report covers 2026."""
    return services.report_create(
        by=gijs,
        organisation=org,
        title="Ons jaar 2026",
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 12, 31),
        introduction="Wij staan naast bewoners.",
    )


def consent(person, purpose, given=True):
    privacy_services.consent_set(person=person, by=person, purpose=purpose, given=given)


@pytest.fixture
def lived_year(alliance_with_org, amina, bas):
    """A milestone and a lesson by amina that name bas, and a contribution each way."""
    alliance = alliance_with_org
    entry = alliance_services.journal_entry_add(
        alliance=alliance,
        author=amina,
        what_happened="Met Bas zelf de woningcorporatie gebeld.",
        what_we_learned="Samen bellen is minder eng dan alleen.",
        occurred_on=datetime.date(2026, 3, 2),
    )
    alliance_services.journal_entry_set_milestone(entry=entry, by=amina, is_milestone=True)
    alliance_services.journal_entry_add(
        alliance=alliance,
        author=amina,
        what_happened="Brief van de deurwaarder.",
        occurred_on=datetime.date(2026, 3, 5),
        is_sensitive=True,
        sensitive_topics=["money"],
    )
    mine = Party.objects.get(alliance=alliance, person=amina)
    his = Party.objects.get(alliance=alliance, person=bas)
    alliance_services.contribution_add(
        alliance=alliance,
        by=amina,
        giver=mine,
        receiver=his,
        kind=ContributionKind.KNOWLEDGE,
        description="Uitleg over koken voor Bas",
        given_on=datetime.date(2026, 3, 3),
    )
    alliance_services.contribution_add(
        alliance=alliance,
        by=bas,
        giver=his,
        receiver=mine,
        kind=ContributionKind.TIME,
        description="Mee naar het loket",
        given_on=datetime.date(2026, 3, 4),
    )
    return alliance


__all__ = ["Purpose", "consent"]
