import datetime

import factory
from factory.django import DjangoModelFactory

from bondgenoot.alliances.models import (
    Alliance,
    Contribution,
    ContributionKind,
    JournalEntry,
    Party,
)
from bondgenoot.people.tests.factories import PersonFactory


class AllianceFactory(DjangoModelFactory):
    class Meta:
        model = Alliance

    name = factory.Sequence(lambda n: f"Samen verder {n}")
    intention = "Samen de post op orde krijgen."
    way_of_working = "We zien elkaar op dinsdag."
    started_on = factory.LazyFunction(lambda: datetime.date(2026, 1, 5))


class PartyFactory(DjangoModelFactory):
    class Meta:
        model = Party

    alliance = factory.SubFactory(AllianceFactory)
    person = factory.SubFactory(PersonFactory)
    role = "buurvrouw"


class JournalEntryFactory(DjangoModelFactory):
    class Meta:
        model = JournalEntry

    alliance = factory.SubFactory(AllianceFactory)
    author = factory.SubFactory(PersonFactory)
    what_happened = "We hebben samen drie zakken post gesorteerd."
    what_we_learned = "Het lucht op om het samen te doen."
    what_next = "Volgende week bellen we de woningcorporatie."
    occurred_on = factory.LazyFunction(lambda: datetime.date(2026, 2, 1))


class ContributionFactory(DjangoModelFactory):
    class Meta:
        model = Contribution

    alliance = factory.LazyAttribute(lambda o: o.giver.alliance)
    giver = factory.SubFactory(PartyFactory)
    receiver = factory.SubFactory(PartyFactory, alliance=factory.SelfAttribute("..giver.alliance"))
    kind = ContributionKind.TIME
    description = "Een middag meegeholpen."
    hours = 2
    given_on = factory.LazyFunction(lambda: datetime.date(2026, 2, 2))
