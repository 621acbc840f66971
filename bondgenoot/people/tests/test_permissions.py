import pytest

from bondgenoot.people.models import MembershipRole, Visibility
from bondgenoot.people.permissions import (
    can_manage_organisation,
    can_view_members,
    can_view_profile,
    visible_profile_fields,
)
from bondgenoot.people.tests.factories import MembershipFactory, share_everything_with

pytestmark = pytest.mark.django_db


def names(fields):
    return {f.name for f in fields}


def test_each_field_follows_its_own_visibility(alliance, amina, bas, chris):
    amina.about_visibility = Visibility.MEMBERS
    amina.strengths_visibility = Visibility.ALLIES
    amina.lived_experience_visibility = Visibility.ONLY_ME
    amina.save()
    assert "lived_experience" in names(visible_profile_fields(amina.user, amina))
    ally_sees = names(visible_profile_fields(bas.user, amina))
    assert {"about", "strengths"} <= ally_sees
    assert "lived_experience" not in ally_sees
    stranger_sees = names(visible_profile_fields(chris.user, amina))
    assert stranger_sees == {"about"}


def test_anonymous_sees_no_field_even_if_shared_with_members(amina, client):
    share_everything_with(amina)
    from django.contrib.auth.models import AnonymousUser

    assert visible_profile_fields(AnonymousUser(), amina) == []
    assert not can_view_profile(AnonymousUser(), amina)


def test_a_professional_gets_no_default_access_to_residents(amina, dewi, other_org):
    # dewi coordinates an organisation; that gives no view of amina's profile
    assert not can_view_profile(dewi.user, amina)
    assert visible_profile_fields(dewi.user, amina) == []


def test_coordinator_of_a_party_organisation_is_an_ally(alliance_with_org, amina, gijs):
    assert "strengths" in names(visible_profile_fields(gijs.user, amina))


def test_an_ordinary_member_of_a_party_organisation_is_not_an_ally(
    alliance_with_org, amina, org, chris
):
    MembershipFactory(organisation=org, person=chris, role=MembershipRole.MEMBER)
    assert not can_view_profile(chris.user, amina)


def test_only_members_see_members_and_only_coordinators_manage(org, gijs, chris, amina):
    MembershipFactory(organisation=org, person=amina)
    assert can_view_members(amina.user, org) and not can_manage_organisation(amina.user, org)
    assert can_manage_organisation(gijs.user, org)
    assert not can_view_members(chris.user, org)
