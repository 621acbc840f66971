import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from bondgenoot.people.tests.factories import PersonFactory

from ..models import (
    ConversationGroup,
    Gathering,
    GatheringKind,
    GatheringRole,
    GatheringStatus,
    HarvestItem,
    HarvestKind,
    Registration,
    RegistrationStatus,
    RoleKind,
)


class GatheringFactory(DjangoModelFactory):
    class Meta:
        model = Gathering

    kind = GatheringKind.MASTERCLASS
    title = factory.Sequence(lambda n: f"Masterclass {n}")
    theme = "bondgenootschappelijk samenwerken"
    question = "Wanneer leren we het nu eens?"
    description = "Een middag samen leren."
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    place = "Buurthuis De Vlinder"
    organiser = factory.SubFactory(PersonFactory)
    status = GatheringStatus.OPEN


class RegistrationFactory(DjangoModelFactory):
    class Meta:
        model = Registration

    gathering = factory.SubFactory(GatheringFactory)
    person = factory.SubFactory(PersonFactory)
    status = RegistrationStatus.REGISTERED


class GatheringRoleFactory(DjangoModelFactory):
    class Meta:
        model = GatheringRole

    gathering = factory.SubFactory(GatheringFactory)
    role = RoleKind.HOST
    name_text = factory.Faker("name", locale="nl_NL")
    introduction = "oud-lector outreachend werken"
    contribution = "Het begint te dagen dat de oude manier niet werkt."


class ConversationGroupFactory(DjangoModelFactory):
    class Meta:
        model = ConversationGroup

    gathering = factory.SubFactory(GatheringFactory)
    name = factory.Sequence(lambda n: f"Groep {n}")


class HarvestItemFactory(DjangoModelFactory):
    class Meta:
        model = HarvestItem

    gathering = factory.SubFactory(GatheringFactory)
    kind = HarvestKind.INSIGHT
    text = factory.Faker("sentence", locale="nl_NL")
