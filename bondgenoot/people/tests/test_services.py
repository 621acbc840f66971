import pytest
from django.core.exceptions import ValidationError

from bondgenoot.core.errors import NotAllowed, ServiceError
from bondgenoot.people import services
from bondgenoot.people.models import Capacity, Membership, MembershipRole

pytestmark = pytest.mark.django_db


def test_register_without_password_uses_email_links():
    person = services.person_register(email="Nadia@Example.org ", display_name=" Nadia ")
    assert person.user.email == "nadia@example.org"
    assert person.display_name == "Nadia"
    assert not person.user.has_usable_password()


def test_register_twice_with_the_same_address_is_refused():
    services.person_register(email="nadia@example.org", display_name="Nadia")
    with pytest.raises(ServiceError):
        services.person_register(email="NADIA@example.org", display_name="Nadia 2")


def test_profile_update_sets_tags_and_languages_in_own_words(amina):
    services.profile_update(
        person=amina,
        by=amina,
        tags="koken, Wandelen, koken",
        languages="Nederlands, Arabisch",
        capacity=Capacity.NOT_NOW,
    )
    amina.refresh_from_db()
    assert sorted(t.name for t in amina.tags.all()) == ["Wandelen", "koken"]
    assert amina.languages == ["Nederlands", "Arabisch"]
    assert amina.capacity == Capacity.NOT_NOW


def test_nobody_edits_someone_elses_profile(amina, bas):
    with pytest.raises(NotAllowed):
        services.profile_update(person=amina, by=bas, about="hallo")


def test_a_profile_text_that_is_too_long_is_refused(amina):
    with pytest.raises(ValidationError) as error:
        services.profile_update(person=amina, by=amina, about="x" * 2001)
    assert "about" in error.value.message_dict


def test_too_many_tags_are_refused(amina):
    with pytest.raises(ServiceError):
        services.profile_update(person=amina, by=amina, tags=",".join(f"t{i}" for i in range(20)))


def test_starting_an_organisation_makes_you_coordinator(amina):
    organisation = services.organisation_create(
        by=amina, name="Kookclub", kind="bewonersinitiatief"
    )
    assert (
        Membership.objects.get(organisation=organisation, person=amina).role
        == MembershipRole.COORDINATOR
    )


def test_the_last_coordinator_cannot_leave_or_step_down(amina):
    organisation = services.organisation_create(
        by=amina, name="Kookclub", kind="bewonersinitiatief"
    )
    membership = Membership.objects.get(organisation=organisation, person=amina)
    with pytest.raises(ServiceError):
        services.membership_end(membership=membership, by=amina)
    with pytest.raises(ServiceError):
        services.membership_set_role(membership=membership, by=amina, role=MembershipRole.MEMBER)


def test_member_invitation_flow(amina, bas, chris):
    organisation = services.organisation_create(
        by=amina, name="Kookclub", kind="bewonersinitiatief"
    )
    with pytest.raises(NotAllowed):
        services.organisation_invitation_create(organisation=organisation, by=bas)
    invitation, _ = services.organisation_invitation_create(organisation=organisation, by=amina)
    services.organisation_invitation_accept(invitation=invitation, person=bas)
    assert organisation.memberships.filter(person=bas, role=MembershipRole.MEMBER).exists()
    with pytest.raises(ServiceError):
        services.organisation_invitation_accept(invitation=invitation, person=chris)


def test_a_coordinator_removes_a_member(amina, bas):
    organisation = services.organisation_create(
        by=amina, name="Kookclub", kind="bewonersinitiatief"
    )
    membership = Membership.objects.create(organisation=organisation, person=bas)
    with pytest.raises(NotAllowed):
        services.membership_end(membership=Membership.objects.get(person=amina), by=bas)
    services.membership_end(membership=membership, by=amina)
    assert not organisation.memberships.filter(person=bas).exists()
