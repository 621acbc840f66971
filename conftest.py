"""The cast of the test suite (conventions.md): named people with clear relations.

- amina: a resident; party of `alliance` (with bas) — the alliance under test
- bas: her ally in `alliance`
- chris: a stranger, logged in, no relation to anyone
- eva: party of another alliance (`other_alliance`, with fleur)
- dewi: coordinator of another organisation (`other_org`), which is party of `other_alliance`
- gijs: coordinator of `org`, an organisation that is party of `alliance`
- funder: a logged-in account of a funder, no relations
- admin: a site administrator (is_staff, is_superuser) with a profile but no relations
"""

import os

import pytest

from bondgenoot.alliances.tests.factories import AllianceFactory, PartyFactory
from bondgenoot.people.models import MembershipRole
from bondgenoot.people.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    UserFactory,
)

pytest_plugins = ["bondgenoot.core.tests.browser", "bondgenoot.core.tests.url_coverage"]

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _person(name: str, **kwargs):
    return PersonFactory(
        display_name=name.capitalize(), user__email=f"{name}@example.org", **kwargs
    )


@pytest.fixture
def amina(db):
    return _person("amina")


@pytest.fixture
def bas(db):
    return _person("bas")


@pytest.fixture
def chris(db):
    return _person("chris")


@pytest.fixture
def eva(db):
    return _person("eva")


@pytest.fixture
def fleur(db):
    return _person("fleur")


@pytest.fixture
def dewi(db):
    return _person("dewi")


@pytest.fixture
def gijs(db):
    return _person("gijs")


@pytest.fixture
def funder(db):
    return _person("funder")


@pytest.fixture
def admin(db):
    return _person(
        "admin", user=UserFactory(email="admin@example.org", is_staff=True, is_superuser=True)
    )


@pytest.fixture
def alliance(amina, bas):
    alliance = AllianceFactory(name="Samen de post op orde", created_by=amina)
    PartyFactory(alliance=alliance, person=amina, role="bewoner")
    PartyFactory(alliance=alliance, person=bas, role="ervaringsdeskundige")
    return alliance


@pytest.fixture
def org(gijs):
    organisation = OrganisationFactory(name="Buurtteam Vlinderbuurt")
    MembershipFactory(organisation=organisation, person=gijs, role=MembershipRole.COORDINATOR)
    return organisation


@pytest.fixture
def alliance_with_org(alliance, org):
    PartyFactory(alliance=alliance, person=None, organisation=org, role="buurtteam")
    return alliance


@pytest.fixture
def other_org(dewi):
    organisation = OrganisationFactory(name="Welzijn Oost")
    MembershipFactory(organisation=organisation, person=dewi, role=MembershipRole.COORDINATOR)
    return organisation


@pytest.fixture
def other_alliance(eva, fleur, other_org):
    other = AllianceFactory(name="Wandelen op zondag")
    PartyFactory(alliance=other, person=eva)
    PartyFactory(alliance=other, person=fleur)
    PartyFactory(alliance=other, person=None, organisation=other_org)
    return other


@pytest.fixture
def outsiders(chris, eva, dewi, funder, admin, other_alliance):
    """Everyone who must never see `alliance` or its journal, contributions or parties' hidden
    fields — keyed by a readable role name. `None` stands for an anonymous visitor."""
    return {
        "anonymous": None,
        "stranger": chris,
        "party of another alliance": eva,
        "coordinator of another organisation": dewi,
        "funder": funder,
        "site admin": admin,
    }
