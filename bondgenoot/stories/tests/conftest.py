"""The cast for stories, on top of the root conftest.

- org (gijs coordinates it) takes part in `alliance` (amina and bas) via `alliance_with_org`;
  `bas` is also a plain member of org (`team`);
- hanna: a member of another organisation (`other_org`, which dewi coordinates);
- eva: party of another alliance; chris: a stranger; funder; admin.
"""

import pytest

from bondgenoot.people.models import MembershipRole
from bondgenoot.people.tests.factories import MembershipFactory, PersonFactory


@pytest.fixture
def team(org, bas):
    """org, with bas as a plain member (gijs coordinates it)."""
    MembershipFactory(organisation=org, person=bas, role=MembershipRole.MEMBER)
    return org


@pytest.fixture
def hanna(other_org):
    person = PersonFactory(display_name="Hanna", user__email="hanna@example.org")
    MembershipFactory(organisation=other_org, person=person, role=MembershipRole.MEMBER)
    return person
