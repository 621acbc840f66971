import factory
from factory.django import DjangoModelFactory

from bondgenoot.people.models import Person
from bondgenoot.people.tests.factories import PersonFactory
from bondgenoot.reflection import services
from bondgenoot.reflection.models import (
    Case,
    ReflectionAnswer,
    ReflectionRound,
    ReflectionTeam,
    TeamMembership,
)
from bondgenoot.reflection.schema import ROW_NUMBERS


class ReflectionTeamFactory(DjangoModelFactory):
    """A group team; give ``members=[...]`` to put people in it."""

    class Meta:
        model = ReflectionTeam
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Spiegelgroep {n}")

    @factory.post_generation
    def members(
        obj: ReflectionTeam, create: bool, extracted: list[Person] | None, **kwargs: object
    ) -> None:
        if create and extracted:
            TeamMembership.objects.bulk_create(
                [TeamMembership(team=obj, person=p) for p in extracted]
            )


class ReflectionRoundFactory(DjangoModelFactory):
    class Meta:
        model = ReflectionRound

    team = factory.SubFactory(ReflectionTeamFactory)
    title = factory.Sequence(lambda n: f"Spiegel ronde {n}")


class CaseFactory(DjangoModelFactory):
    class Meta:
        model = Case

    owner = factory.SubFactory(PersonFactory)
    title = "Een buurman die de deur niet meer opendoet"
    what_happens = "Ik bel al drie weken aan, maar hij doet niet open."
    my_question = "Hoe kom ik weer in contact zonder op te dringen?"


def answer(
    round: ReflectionRound,
    person: Person,
    positions: list[int] | int = 3,
    *,
    notes: dict[int, str] | None = None,
    talk: set[int] | frozenset[int] = frozenset(),
    show_name: bool = False,
    submit: bool = True,
) -> ReflectionAnswer:
    """A person's answer through the service: ``positions`` per row (or one for all rows)."""
    places = positions if isinstance(positions, list) else [positions] * len(ROW_NUMBERS)
    notes = notes or {}
    rows = {
        n: services.RowAnswer(position=p, note=notes.get(n, ""), want_to_talk=n in talk)
        for n, p in zip(ROW_NUMBERS, places, strict=True)
    }
    return services.answer_save(
        round=round, person=person, rows=rows, show_name=show_name, submit=submit
    ).answer
