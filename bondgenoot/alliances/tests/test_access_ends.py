"""Removing someone ends their access at once: open sessions and shared links included.

Also: an archived alliance is read-only through the permission rules themselves, and an
invitation to an alliance that has ended cannot be accepted.
"""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bondgenoot.alliances import permissions, services
from bondgenoot.alliances.models import AllianceStatus, Invitation, JournalEntry, Party
from bondgenoot.alliances.tests.factories import JournalEntryFactory, PartyFactory
from bondgenoot.core.errors import NotAllowed, ServiceError
from bondgenoot.core.models import InvitationStatus, Notice
from bondgenoot.people import services as people_services
from bondgenoot.people.models import Membership, MembershipRole
from bondgenoot.people.tests.factories import MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db

WITHDRAWN = "Deze uitnodiging is ingetrokken."
REASON = "We zien elkaar niet meer, en zo is het afgesproken."


def client_of(person) -> Client:
    client = Client()
    client.force_login(person.user)
    return client


def party_of(alliance, person=None, organisation=None) -> Party:
    return Party.objects.get(alliance=alliance, person=person, organisation=organisation)


def alliance_pages(alliance, entry) -> list[str]:
    return [
        reverse("alliances:detail", args=[alliance.pk]),
        reverse("alliances:journal_entry", args=[alliance.pk, entry.pk]),
        reverse("alliances:contributions", args=[alliance.pk]),
    ]


def assert_sees(client, alliance, entry) -> None:
    for url in alliance_pages(alliance, entry):
        assert client.get(url).status_code == 200, url


def assert_sees_nothing(client, alliance, entry) -> None:
    for url in alliance_pages(alliance, entry):
        assert client.get(url).status_code == 404, url


def link_of(alliance, by) -> tuple[Invitation, str]:
    invitation, secret = services.invitation_create(alliance=alliance, by=by)
    return invitation, reverse("alliances:invitation", args=[secret])


def status_of(invitation) -> str:
    invitation.refresh_from_db()
    return invitation.status


@pytest.fixture
def entry(alliance, bas):
    return JournalEntryFactory(alliance=alliance, author=bas, what_happened="Samen gebeld.")


@pytest.fixture
def hanna(org):
    """A second coordinator of `org` (an organisation needs one left when gijs goes)."""
    hanna = PersonFactory(display_name="Hanna", user__email="hanna@example.org")
    MembershipFactory(organisation=org, person=hanna, role=MembershipRole.COORDINATOR)
    return hanna


# Removing a party ---------------------------------------------------------------------------


def test_a_removed_person_loses_access_at_once_in_their_open_session(
    alliance_with_org, amina, bas, gijs, chris, entry
):
    alliance = alliance_with_org
    bas_session = client_of(bas)
    assert_sees(bas_session, alliance, entry)
    bas_link_invitation, bas_link = link_of(alliance, bas)
    amina_invitation, amina_link = link_of(alliance, amina)

    response = client_of(amina).post(
        reverse("alliances:party_remove", args=[alliance.pk, party_of(alliance, bas).pk]),
        {"reason": REASON},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("alliances:detail", args=[alliance.pk])
    assert_sees_nothing(bas_session, alliance, entry)
    # The link bas shared stops working; the one amina shared still works.
    assert status_of(bas_link_invitation) == InvitationStatus.WITHDRAWN
    assert status_of(amina_invitation) == InvitationStatus.OPEN
    chris_session = client_of(chris)
    assert WITHDRAWN in chris_session.get(bas_link).content.decode()
    assert 'value="accept"' in chris_session.get(amina_link).content.decode()
    # What bas wrote stays part of the shared history.
    party = party_of(alliance, bas)
    assert party.left_on == timezone.localdate()
    assert JournalEntry.objects.get(pk=entry.pk).author == bas


def test_the_removed_person_and_the_others_are_told_with_the_reason(
    alliance_with_org, amina, bas, gijs
):
    services.party_remove(party=party_of(alliance_with_org, bas), by=amina, reason=REASON)
    to_bas = Notice.objects.get(person=bas)
    assert "Amina" in to_bas.text and REASON in to_bas.text
    assert "Samen de post op orde" in to_bas.text
    assert to_bas.link == ""  # nothing to open any more
    to_gijs = Notice.objects.get(person=gijs)  # coordinator of the organisation that is a party
    assert "Bas" in to_gijs.text and REASON in to_gijs.text
    assert to_gijs.link == reverse("alliances:detail", args=[alliance_with_org.pk])
    assert not Notice.objects.filter(person=amina).exists()  # she did it herself


def test_removing_an_organisation_ends_the_access_of_its_coordinators(
    alliance_with_org, amina, bas, gijs, org, entry, chris
):
    alliance = alliance_with_org
    gijs_session = client_of(gijs)
    assert_sees(gijs_session, alliance, entry)
    gijs_invitation, gijs_link = link_of(alliance, gijs)  # gijs takes part only through org
    bas_invitation, _ = link_of(alliance, bas)

    services.party_remove(party=party_of(alliance, organisation=org), by=amina, reason=REASON)

    assert_sees_nothing(gijs_session, alliance, entry)
    assert status_of(gijs_invitation) == InvitationStatus.WITHDRAWN
    assert status_of(bas_invitation) == InvitationStatus.OPEN
    assert WITHDRAWN in client_of(chris).get(gijs_link).content.decode()
    notice = Notice.objects.get(person=gijs)
    assert "Buurtteam Vlinderbuurt" in notice.text and REASON in notice.text
    assert Notice.objects.filter(person=bas).count() == 1


def test_a_coordinator_who_also_takes_part_as_themself_keeps_access_and_links(
    alliance_with_org, amina, gijs, org, entry
):
    alliance = alliance_with_org
    PartyFactory(alliance=alliance, person=gijs)
    invitation, _ = link_of(alliance, gijs)
    services.party_remove(party=party_of(alliance, organisation=org), by=amina, reason=REASON)
    assert_sees(client_of(gijs), alliance, entry)
    assert status_of(invitation) == InvitationStatus.OPEN


def test_the_confirm_page_changes_nothing_and_warns_about_another_route(
    alliance_with_org, amina, gijs, org
):
    alliance = alliance_with_org
    PartyFactory(alliance=alliance, person=gijs)
    party = party_of(alliance, gijs)
    url = reverse("alliances:party_remove", args=[alliance.pk, party.pk])
    page = client_of(amina).get(url)
    html = page.content.decode()
    assert page.status_code == 200
    assert "Gijs" in html and 'name="reason"' in html
    assert "Buurtteam Vlinderbuurt" in html  # gijs also takes part for org
    party.refresh_from_db()
    assert party.left_on is None
    assert not Notice.objects.exists()


def test_a_reason_is_required(alliance, amina, bas):
    party = party_of(alliance, bas)
    url = reverse("alliances:party_remove", args=[alliance.pk, party.pk])
    response = client_of(amina).post(url, {"reason": "   "})
    assert response.status_code == 200
    assert "Dit veld is verplicht." in response.content.decode()
    with pytest.raises(ServiceError):
        services.party_remove(party=party, by=amina, reason="  ")
    with pytest.raises(ServiceError):
        services.party_remove(party=party, by=amina, reason="x" * 301)
    party.refresh_from_db()
    assert party.left_on is None


def test_the_alliance_page_offers_removal_of_the_others_only(alliance_with_org, amina, bas, org):
    alliance = alliance_with_org
    html = client_of(amina).get(reverse("alliances:detail", args=[alliance.pk])).content.decode()
    for party, offered in [
        (party_of(alliance, bas), True),
        (party_of(alliance, organisation=org), True),
        (party_of(alliance, amina), False),
    ]:
        url = reverse("alliances:party_remove", args=[alliance.pk, party.pk])
        assert (url in html) is offered


def test_nobody_removes_themself_or_a_party_they_speak_for(
    alliance_with_org, amina, bas, gijs, org
):
    alliance = alliance_with_org
    mine = party_of(alliance, amina)
    org_party = party_of(alliance, organisation=org)
    # Yourself: use "leave".
    assert (
        client_of(amina)
        .get(reverse("alliances:party_remove", args=[alliance.pk, mine.pk]))
        .status_code
        == 403
    )
    with pytest.raises(NotAllowed):
        services.party_remove(party=mine, by=amina, reason=REASON)
    # A coordinator who takes part only for the organisation is no person-party: no removing.
    assert (
        client_of(gijs)
        .post(
            reverse("alliances:party_remove", args=[alliance.pk, party_of(alliance, bas).pk]),
            {"reason": REASON},
        )
        .status_code
        == 403
    )
    # A person-party who coordinates the organisation: the organisation leaves instead.
    PartyFactory(alliance=alliance, person=gijs)
    with pytest.raises(NotAllowed):
        services.party_remove(party=org_party, by=gijs, reason=REASON)
    assert not Party.objects.filter(alliance=alliance, left_on__isnull=False).exists()


def test_outsiders_cannot_reach_the_removal_page(client, alliance, amina, bas, outsiders):
    party = party_of(alliance, bas)
    url = reverse("alliances:party_remove", args=[alliance.pk, party.pk])
    for role, person in outsiders.items():
        if person is None:
            response = client.get(url)
            assert response.status_code == 302, role
            assert response["Location"].startswith(reverse("accounts:login")), role
            assert client.post(url, {"reason": REASON}).status_code == 302, role
            continue
        session = client_of(person)
        assert session.get(url).status_code == 404, role
        assert session.post(url, {"reason": REASON}).status_code == 404, role
    party.refresh_from_db()
    assert party.left_on is None


def test_a_party_that_already_left_cannot_be_removed(alliance, amina, bas):
    party = party_of(alliance, bas)
    services.party_leave(party=party, by=bas)
    url = reverse("alliances:party_remove", args=[alliance.pk, party.pk])
    assert client_of(amina).get(url).status_code == 404
    with pytest.raises(NotAllowed):
        services.party_remove(party=party, by=amina, reason=REASON)


def test_a_removed_person_can_be_invited_again(alliance, amina, bas):
    services.party_remove(party=party_of(alliance, bas), by=amina, reason=REASON)
    invitation, _ = services.invitation_create(alliance=alliance, by=amina)
    services.invitation_accept(invitation=invitation, person=bas)
    assert party_of(alliance, bas).left_on is None


# Leaving -------------------------------------------------------------------------------------


def test_leaving_withdraws_the_links_you_made(alliance, amina, bas, chris):
    bas_invitation, bas_link = link_of(alliance, bas)
    amina_invitation, _ = link_of(alliance, amina)
    services.party_leave(party=party_of(alliance, bas), by=bas)
    assert status_of(bas_invitation) == InvitationStatus.WITHDRAWN
    assert status_of(amina_invitation) == InvitationStatus.OPEN
    assert WITHDRAWN in client_of(chris).get(bas_link).content.decode()


def test_when_an_organisation_leaves_its_coordinators_links_stop(
    alliance_with_org, amina, gijs, org, entry
):
    alliance = alliance_with_org
    gijs_session = client_of(gijs)
    assert_sees(gijs_session, alliance, entry)
    gijs_invitation, _ = link_of(alliance, gijs)
    amina_invitation, _ = link_of(alliance, amina)
    services.party_leave(party=party_of(alliance, organisation=org), by=gijs)
    assert_sees_nothing(gijs_session, alliance, entry)
    assert status_of(gijs_invitation) == InvitationStatus.WITHDRAWN
    assert status_of(amina_invitation) == InvitationStatus.OPEN


# Membership of an organisation that is a party ------------------------------------------------


def test_a_coordinator_removed_from_the_organisation_loses_access_at_once(
    alliance_with_org, gijs, hanna, org, entry, chris
):
    alliance = alliance_with_org
    gijs_session = client_of(gijs)
    assert_sees(gijs_session, alliance, entry)
    alliance_invitation, alliance_link = link_of(alliance, gijs)
    org_invitation, org_secret = people_services.organisation_invitation_create(
        organisation=org, by=gijs
    )
    hanna_invitation, _ = people_services.organisation_invitation_create(organisation=org, by=hanna)

    people_services.membership_end(
        membership=Membership.objects.get(organisation=org, person=gijs), by=hanna
    )

    assert_sees_nothing(gijs_session, alliance, entry)
    assert status_of(alliance_invitation) == InvitationStatus.WITHDRAWN
    assert status_of(org_invitation) == InvitationStatus.WITHDRAWN
    assert status_of(hanna_invitation) == InvitationStatus.OPEN
    stranger = client_of(chris)
    assert WITHDRAWN in stranger.get(alliance_link).content.decode()
    org_link = reverse("people:organisation_invitation", args=[org_secret])
    assert WITHDRAWN in stranger.get(org_link).content.decode()


def test_a_coordinator_made_plain_member_loses_access_and_links(
    alliance_with_org, gijs, hanna, org, entry
):
    alliance = alliance_with_org
    gijs_session = client_of(gijs)
    assert_sees(gijs_session, alliance, entry)
    alliance_invitation, _ = link_of(alliance, gijs)
    org_invitation, _ = people_services.organisation_invitation_create(organisation=org, by=gijs)

    people_services.membership_set_role(
        membership=Membership.objects.get(organisation=org, person=gijs),
        by=hanna,
        role=MembershipRole.MEMBER,
    )

    assert_sees_nothing(gijs_session, alliance, entry)
    assert status_of(alliance_invitation) == InvitationStatus.WITHDRAWN
    assert status_of(org_invitation) == InvitationStatus.WITHDRAWN


def test_links_to_alliances_you_are_in_yourself_stay(alliance_with_org, gijs, hanna, org, entry):
    alliance = alliance_with_org
    PartyFactory(alliance=alliance, person=gijs)
    alliance_invitation, _ = link_of(alliance, gijs)
    org_invitation, _ = people_services.organisation_invitation_create(organisation=org, by=gijs)
    people_services.membership_end(
        membership=Membership.objects.get(organisation=org, person=gijs), by=hanna
    )
    assert_sees(client_of(gijs), alliance, entry)
    assert status_of(alliance_invitation) == InvitationStatus.OPEN
    assert status_of(org_invitation) == InvitationStatus.WITHDRAWN


# An archived alliance is read-only in the rules ---------------------------------------------


def test_archived_alliance_grants_reading_only(alliance, amina, bas, entry):
    mine = party_of(alliance, amina)
    his = party_of(alliance, bas)
    own_entry = JournalEntryFactory(alliance=alliance, author=amina)
    contribution = services.contribution_add(
        alliance=alliance, by=amina, giver=mine, receiver=his, kind="time", description="Koffie"
    )
    invitation, _ = services.invitation_create(alliance=alliance, by=amina)
    user = amina.user

    def rules() -> dict[str, bool]:
        return {
            "write": permissions.can_write_in_alliance(user, alliance),
            "change": permissions.can_change_alliance(user, alliance),
            "invite": permissions.can_invite_to_alliance(user, alliance),
            "edit entry": permissions.can_edit_journal_entry(user, own_entry),
            "milestone": permissions.can_mark_milestone(user, entry),
            "delete contribution": permissions.can_delete_contribution(user, contribution),
            "withdraw invitation": permissions.can_withdraw_invitation(user, invitation),
            "role": permissions.can_change_party_role(user, party_of(alliance, amina)),
            "remove party": permissions.can_remove_party(user, party_of(alliance, bas)),
            **permissions.alliance_abilities(
                is_party=True, alliance=alliance, is_person_party=True
            ),
        }

    assert all(rules().values())
    services.alliance_update(alliance=alliance, by=amina, status=AllianceStatus.ENDED)
    services.alliance_archive(alliance=alliance, today=timezone.localdate())
    assert not any(rules().values())
    assert permissions.can_view_alliance(user, alliance)
    assert permissions.can_remove_journal_entry(user, own_entry)  # own words can be taken back


def test_removal_in_an_archived_alliance_sends_you_back(alliance, amina, bas):
    services.alliance_update(alliance=alliance, by=amina, status=AllianceStatus.ENDED)
    services.alliance_archive(alliance=alliance, today=timezone.localdate())
    party = party_of(alliance, bas)
    url = reverse("alliances:party_remove", args=[alliance.pk, party.pk])
    response = client_of(amina).post(url, {"reason": REASON})
    assert response["Location"] == reverse("alliances:detail", args=[alliance.pk])
    with pytest.raises(ValidationError):
        services.party_remove(party=party, by=amina, reason=REASON)
    party.refresh_from_db()
    assert party.left_on is None


# An invitation to an alliance that has ended -------------------------------------------------


def test_an_invitation_to_an_ended_alliance_cannot_be_accepted(alliance, amina, chris):
    invitation, link = link_of(alliance, amina)
    services.alliance_update(alliance=alliance, by=amina, status=AllianceStatus.ENDED)
    with pytest.raises(ServiceError, match="afgerond"):
        services.invitation_accept(invitation=invitation, person=chris)
    session = client_of(chris)
    html = session.get(link).content.decode()
    assert "Dit bondgenootschap is afgerond. Niemand kan nog meedoen." in html
    assert 'value="accept"' not in html
    response = session.post(link, {"answer": "accept"}, follow=True)
    assert "afgerond" in response.content.decode()
    assert not Party.objects.filter(alliance=alliance, person=chris).exists()
    assert status_of(invitation) == InvitationStatus.OPEN
