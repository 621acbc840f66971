import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from bondgenoot.people.tests.factories import OrganisationFactory, PersonFactory
from bondgenoot.stories.models import (
    Domain,
    RoundTier,
    SelectionChoice,
    SelectionRound,
    Story,
    StoryStatus,
    StoryUse,
)


class DomainFactory(DjangoModelFactory):
    class Meta:
        model = Domain

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Domein {n}")
    position = factory.Sequence(lambda n: n + 1)


class StoryFactory(DjangoModelFactory):
    """A confirmed story told in an organisation (pass ``alliance=`` and ``organisation=None``
    for one told in an alliance)."""

    class Meta:
        model = Story

    storyteller = factory.SubFactory(PersonFactory)
    written_by = factory.SelfAttribute("storyteller")
    organisation = factory.SubFactory(OrganisationFactory)
    alliance = None
    domain = None
    title = factory.Sequence(lambda n: f"Ik durf weer te bellen {n}")
    what_changed = "Ik bel nu zelf de woningcorporatie."
    why_important = "Ik voel me minder afhankelijk."
    told_on = factory.LazyFunction(lambda: datetime.date(2026, 3, 2))
    use = StoryUse.ORGANISATION
    status = StoryStatus.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)


class SelectionRoundFactory(DjangoModelFactory):
    class Meta:
        model = SelectionRound

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Ronde {n}")
    period_start = datetime.date(2026, 1, 1)
    period_end = datetime.date(2026, 6, 30)
    tier = RoundTier.TEAM


class SelectionChoiceFactory(DjangoModelFactory):
    class Meta:
        model = SelectionChoice

    round = factory.SubFactory(SelectionRoundFactory)
    domain = factory.SubFactory(
        DomainFactory, organisation=factory.SelfAttribute("..round.organisation")
    )
    story = factory.SubFactory(
        StoryFactory,
        organisation=factory.SelfAttribute("..round.organisation"),
        domain=factory.SelfAttribute("..domain"),
    )
    reasons = "Het laat zien dat kleine stappen groot zijn."
