"""Deleting an account: the person's choice for the shared history, notices to the others,
nothing of theirs breaks, and all of it in one transaction."""

import pytest
from django.urls import reverse
from django.utils.translation import gettext

from bondgenoot.accounts.models import User
from bondgenoot.alliances import selectors as alliance_selectors
from bondgenoot.alliances import services as alliance_services
from bondgenoot.alliances.models import (
    Alliance,
    Contribution,
    Invitation,
    JournalEntry,
    JournalEntryRevision,
    Party,
)
from bondgenoot.alliances.tests.factories import AllianceFactory, PartyFactory
from bondgenoot.core.errors import NotAllowed, ServiceError
from bondgenoot.core.models import InvitationStatus, Notice
from bondgenoot.people.models import Membership, MembershipRole, Person, Tag
from bondgenoot.people.tests.factories import MembershipFactory
from bondgenoot.privacy import services
from bondgenoot.privacy.models import Consent, ConsentChange, DataExport

from .helpers import confirm_it_is_me, login

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared(world, alliance_with_org, gijs):
    """amina's alliance also has gijs's organisation as a party; amina declined an invitation
    elsewhere, and has an alliance of her own that nobody else joined."""
    other = AllianceFactory(name="Buurtfeest")
    PartyFactory(alliance=other, person=world.bas_party.person)
    invitation, _ = alliance_services.invitation_create(
        alliance=other, by=world.bas_party.person, email="amina@example.org"
    )
    alliance_services.invitation_decline(invitation=invitation, person=world.amina_party.person)
    alone = alliance_services.alliance_start(
        by=world.amina_party.person, name="Mijn eigen plan", intention="Alleen ik, nog."
    )
    alliance_services.journal_entry_add(
        alliance=alone, author=world.amina_party.person, what_happened="Een begin."
    )
    return {"invitation": invitation, "alone": alone}


def _former() -> str:
    """How pages call a former participant (glossary: "een oud-deelnemer")."""
    return gettext("a former participant")


def _totals(alliance):
    active = list(alliance.parties.filter(left_on__isnull=True))
    return {
        row.party.pk: (row.hours_given, row.hours_received)
        for row in alliance_selectors.reciprocity(alliance, active)
    }


def test_keep_history_as_a_former_participant(world, shared, amina, bas, gijs):
    user_id = amina.user.pk
    services.account_delete(person=amina, by=amina, keep_history=True)

    # Everything personal is gone.
    assert not User.objects.filter(pk=user_id).exists()
    assert not Person.objects.filter(pk=amina.pk).exists()
    assert not Membership.objects.filter(person_id=amina.pk).exists()
    assert not Consent.objects.filter(person_id=amina.pk).exists()
    assert not ConsentChange.objects.filter(person_id=amina.pk).exists()
    assert not Notice.objects.filter(person_id=amina.pk).exists()
    assert not Person.tags.through.objects.filter(person_id=amina.pk).exists()
    assert Tag.objects.filter(name="koken").exists()  # the word itself is not hers
    assert not Alliance.objects.filter(pk=shared["alone"].pk).exists()
    shared["invitation"].refresh_from_db()
    assert shared["invitation"].email == ""  # an answered invitation forgets her address
    assert Invitation.objects.filter(email="nieuw@example.org").exists()  # sent by her: kept

    # What she wrote and gave stays, as "een oud-deelnemer".
    former = Party.objects.get(pk=world.amina_party.pk)
    assert former.person_id is None and former.is_former and former.left_on is not None
    assert former.role == ""
    entry = JournalEntry.objects.get(pk=world.entry.pk)
    assert entry.author_id is None
    assert entry.what_happened == "We hebben de brieven van de gemeente samen gelezen."
    assert JournalEntryRevision.objects.get(entry=entry).written_by_id is None
    assert Contribution.objects.filter(pk__in=[world.given.pk, world.received.pk]).count() == 2

    # Bas and the coordinator of the organisation that is a party are told.
    for person in (bas, gijs):
        notice = Notice.objects.get(person=person)
        assert "Amina heeft het account verwijderd" in notice.text
        assert f"'{_former()}'" in notice.text
        assert notice.link == reverse("alliances:detail", args=[world.alliance.pk])

    # Bas's reciprocity still adds up: he still received what she gave.
    assert _totals(world.alliance)[world.bas_party.pk] == (2, 1.5)


def test_remove_history_too(world, shared, amina, bas, gijs):
    services.account_delete(person=amina, by=amina, keep_history=False)
    assert not JournalEntry.objects.filter(pk=world.entry.pk).exists()
    assert not JournalEntryRevision.objects.filter(entry_id=world.entry.pk).exists()
    assert not Contribution.objects.filter(pk__in=[world.given.pk, world.received.pk]).exists()
    assert not Party.objects.filter(pk=world.amina_party.pk).exists()
    assert Party.objects.filter(pk=world.bas_party.pk, left_on__isnull=True).exists()
    text = Notice.objects.get(person=bas).text
    assert "Amina heeft het account verwijderd" in text and _former() not in text
    assert Notice.objects.filter(person=gijs).count() == 1
    assert _totals(world.alliance)[world.bas_party.pk] == (0, 0)


@pytest.mark.parametrize("keep", [True, False])
def test_pages_of_the_others_still_work(client, world, shared, amina, bas, gijs, keep):
    services.account_delete(person=amina, by=amina, keep_history=keep)
    login(client, bas)
    for url in (
        reverse("core:home"),
        reverse("alliances:list"),
        reverse("alliances:detail", args=[world.alliance.pk]),
        reverse("alliances:contributions", args=[world.alliance.pk]),
        reverse("people:directory"),
        reverse("privacy:overview"),
    ):
        assert client.get(url).status_code == 200, url
    page = client.get(reverse("alliances:detail", args=[world.alliance.pk])).content.decode()
    assert (_former() in page) is keep
    if keep:
        entry_url = reverse("alliances:journal_entry", args=[world.alliance.pk, world.entry.pk])
        assert client.get(entry_url).status_code == 200
    login(client, gijs)
    assert client.get(reverse("alliances:detail", args=[world.alliance.pk])).status_code == 200


def test_the_last_coordinator_is_asked_to_hand_over_first(client, alliance_with_org, gijs):
    with pytest.raises(ServiceError) as refused:
        services.account_delete(person=gijs, by=gijs, keep_history=True)
    assert "Buurtteam Vlinderbuurt" in refused.value.messages[0]
    assert Person.objects.filter(pk=gijs.pk).exists()

    login(client, gijs)
    confirm_it_is_me(client)
    page = client.get(reverse("privacy:account_delete")).content.decode()
    assert "Maak eerst iemand anders coördinator" in page
    assert "Ja, verwijder mijn account" not in page
    client.post(reverse("privacy:account_delete"), {"history": "keep"})
    assert Person.objects.filter(pk=gijs.pk).exists()


def test_a_coordinator_with_a_fellow_coordinator_may_go(org, gijs, bas):
    MembershipFactory(organisation=org, person=bas, role=MembershipRole.COORDINATOR)
    services.account_delete(person=gijs, by=gijs, keep_history=True)
    assert list(Membership.objects.filter(organisation=org).values_list("person", flat=True)) == [
        bas.pk
    ]


def test_nobody_deletes_someone_else(amina, bas):
    with pytest.raises(NotAllowed):
        services.account_delete(person=amina, by=bas, keep_history=True)
    assert Person.objects.filter(pk=amina.pk).exists()


def _snapshot(world, amina):
    return {
        "users": User.objects.count(),
        "people": Person.objects.count(),
        "parties": list(Party.objects.order_by("pk").values_list("pk", "person_id", "left_on")),
        "entries": list(JournalEntry.objects.order_by("pk").values_list("pk", "author_id")),
        "contributions": Contribution.objects.count(),
        "alliances": Alliance.objects.count(),
        "notices": Notice.objects.count(),
        "consents": Consent.objects.count(),
        "invitation_emails": sorted(Invitation.objects.values_list("email", flat=True)),
    }


@pytest.mark.parametrize("keep", [True, False])
@pytest.mark.parametrize("where", ["notify", "_forget_address_in_invitations"])
def test_a_crash_halfway_deletes_nothing(world, shared, amina, monkeypatch, keep, where):
    before = _snapshot(world, amina)

    def crash(*args, **kwargs):
        raise RuntimeError("power cut")

    monkeypatch.setattr(services, where, crash)
    with pytest.raises(RuntimeError):
        services.account_delete(person=amina, by=amina, keep_history=keep)
    assert _snapshot(world, amina) == before
    assert Person.objects.get(pk=amina.pk).user.email == "amina@example.org"


def test_the_page_explains_asks_the_choice_and_says_goodbye(client, world, shared, amina, bas):
    login(client, amina)
    response = client.get(reverse("privacy:account_delete"))
    assert response["Location"].startswith(reverse("privacy:reauth"))
    confirm_it_is_me(client, next_url=reverse("privacy:account_delete"))

    page = client.get(reverse("privacy:account_delete")).content.decode()
    assert "Je kunt dit niet ongedaan maken" in page
    assert 'type="radio"' in page
    assert _former() in page

    # No choice made: a Dutch message, nothing deleted.
    response = client.post(reverse("privacy:account_delete"), {})
    assert response.status_code == 200
    assert "Kies wat er gebeurt" in response.content.decode()
    assert Person.objects.filter(pk=amina.pk).exists()

    response = client.post(reverse("privacy:account_delete"), {"history": "keep"})
    assert response.status_code == 302
    assert response["Location"] == reverse("privacy:goodbye")
    goodbye = client.get(reverse("privacy:goodbye")).content.decode()
    assert "Amina, je account is verwijderd" in goodbye
    assert not Person.objects.filter(pk=amina.pk).exists()
    # Logged out.
    response = client.get(reverse("privacy:overview"))
    assert response["Location"].startswith(reverse("accounts:login"))


def test_deleting_also_removes_downloads_and_consent_history(amina):
    services.data_export_make(person=amina, by=amina, format="json")
    services.consent_set(person=amina, by=amina, purpose="findable", given=True)
    services.account_delete(person=amina, by=amina, keep_history=False)
    assert DataExport.objects.count() == 0
    assert ConsentChange.objects.count() == 0


def test_other_sessions_of_the_deleted_account_end(client, amina):
    other = type(client)()
    other.force_login(amina.user)
    services.account_delete(person=amina, by=amina, keep_history=False)
    response = other.get(reverse("core:home"))
    assert response.status_code == 200
    assert "Amina" not in response.content.decode()
    assert other.get(reverse("privacy:overview"))["Location"].startswith(reverse("accounts:login"))


def test_an_invitation_still_open_for_the_address_keeps_it(world, amina, bas):
    other = AllianceFactory(name="Nog open")
    PartyFactory(alliance=other, person=bas)
    invitation, _ = alliance_services.invitation_create(
        alliance=other, by=bas, email="amina@example.org"
    )
    services.account_delete(person=amina, by=amina, keep_history=True)
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.OPEN
    assert invitation.email == "amina@example.org"  # never usable by just anyone


def test_the_access_log_about_me_goes_and_my_looks_at_others_lose_my_name(world, amina, bas):
    from bondgenoot.privacy.selectors import access_records_model

    model = access_records_model()
    if model is None:
        pytest.skip("the audit app is not installed")
    about_me = model(
        subject=amina,
        actor=bas,
        actor_role="party",
        actor_by_name=True,
        object_type="journal_entry",
        object_id=world.entry.pk,
        alliance=world.alliance,
        purpose="read_entry",
    )
    about_me.save()
    by_me = model(
        subject=bas,
        actor=amina,
        actor_role="party",
        actor_by_name=True,
        object_type="profile_field",
        object_id=bas.pk,
        field_name="limits",
        purpose="view_profile",
    )
    by_me.save()
    services.account_delete(person=amina, by=amina, keep_history=True)
    assert not model.objects.filter(pk=about_me.pk).exists()
    kept = model.objects.get(pk=by_me.pk)
    assert kept.subject_id == bas.pk and kept.actor_id is None
