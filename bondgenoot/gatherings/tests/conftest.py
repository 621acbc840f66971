"""The cast around one gathering (on top of the cast in the root conftest):

- gijs organises `gathering` for `org` (he coordinates it); amina is a member of `org`;
- bas is a speaker of the gathering (with his account);
- eva is a member of another organisation, dewi coordinates it; chris, funder and admin have no
  relation. None of them may see the gathering.
"""

import pytest

from bondgenoot.people.models import MembershipRole
from bondgenoot.people.tests.factories import MembershipFactory

from .factories import GatheringFactory, GatheringRoleFactory


@pytest.fixture
def gathering(org, gijs, amina, bas):
    MembershipFactory(organisation=org, person=amina, role=MembershipRole.MEMBER)
    gathering = GatheringFactory(
        title="Masterclass bondgenootschappelijk samenwerken",
        organisation=org,
        organiser=gijs,
        max_participants=2,
    )
    GatheringRoleFactory(gathering=gathering, person=bas, name_text="", role="host")
    return gathering


@pytest.fixture
def gathering_outsiders(chris, eva, dewi, funder, admin, other_org):
    MembershipFactory(organisation=other_org, person=eva, role=MembershipRole.MEMBER)
    return {
        "stranger": chris,
        "member of another organisation": eva,
        "coordinator of another organisation": dewi,
        "funder": funder,
        "site admin": admin,
    }
