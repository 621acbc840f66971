"""Fixtures of the mirror and intervisie tests, on top of the cast in the root conftest.

- ``team``: a group team of amina, bas and gijs (amina made it); ``round``: its open round.
- ``case``: amina's situation, shared with ``team``.
"""

import pytest

from bondgenoot.reflection import services

from .factories import ReflectionTeamFactory


@pytest.fixture
def team(amina, bas, gijs):
    return ReflectionTeamFactory(name="De dinsdaggroep", members=[amina, bas, gijs])


@pytest.fixture
def round(team, amina):
    return services.round_open(team=team, by=amina, title="Spiegel voorjaar")


@pytest.fixture
def case(team, amina):
    return services.case_create(
        owner=amina,
        title="Een buurman die de deur niet opendoet",
        what_happens="Ik bel al drie weken aan, maar hij doet niet open.",
        my_question="Hoe kom ik weer in contact zonder op te dringen?",
        team=team,
    )
