import factory
from factory.django import DjangoModelFactory

from bondgenoot.accounts.models import User
from bondgenoot.people.models import (
    Membership,
    MembershipRole,
    Neighbourhood,
    Organisation,
    OrganisationKind,
    Person,
    Visibility,
)


class NeighbourhoodFactory(DjangoModelFactory):
    class Meta:
        model = Neighbourhood
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Buurt {n}")
    municipality = "Voorbeeldstad"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@example.org")
    password = factory.django.Password("geheim-wachtwoord-123")


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    user = factory.SubFactory(UserFactory)
    display_name = factory.Faker("first_name", locale="nl_NL")
    neighbourhood = factory.SubFactory(NeighbourhoodFactory, name="De Vlinderbuurt")
    about = factory.Faker("sentence", locale="nl_NL")
    strengths = "Goed luisteren en samen post sorteren."
    aspirations = "Ik wil leren fietsen."
    lived_experience = "Ik had zelf schulden."
    limits = "Niet in het weekend."


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Initiatief {n}")
    kind = OrganisationKind.RESIDENT_INITIATIVE
    description = "Wij koken samen op woensdag."


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    person = factory.SubFactory(PersonFactory)
    role = MembershipRole.MEMBER


def share_everything_with(person: Person, level: str = Visibility.MEMBERS) -> Person:
    from bondgenoot.people.profile import PROFILE_FIELDS

    for field in PROFILE_FIELDS:
        setattr(person, field.visibility_attr, level)
    person.save()
    return person
