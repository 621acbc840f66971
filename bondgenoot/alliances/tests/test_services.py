import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from bondgenoot.alliances import services
from bondgenoot.alliances.models import (
    AllianceStatus,
    Contribution,
    ContributionKind,
    JournalEntry,
    Party,
    RevisionKind,
)
from bondgenoot.alliances.permissions import can_view_alliance
from bondgenoot.alliances.tests.factories import AllianceFactory, PartyFactory
from bondgenoot.core.errors import NotAllowed, ServiceError, StaleVersion
from bondgenoot.core.models import InvitationStatus

pytestmark = pytest.mark.django_db


def test_starting_an_alliance_makes_the_starter_its_first_party(amina):
    alliance = services.alliance_start(
        by=amina, name="Samen koken", intention="Elke week samen eten.", role="kok"
    )
    party = alliance.parties.get()
    assert party.person == amina
    assert party.role == "kok"
    assert alliance.status == AllianceStatus.ONGOING


def test_only_a_coordinator_can_bring_an_organisation_into_an_alliance(amina, gijs, org):
    with pytest.raises(NotAllowed):
        services.alliance_start(by=amina, name="X", intention="Y", organisation=org)
    alliance = services.alliance_start(by=gijs, name="X", intention="Y", organisation=org)
    assert alliance.parties.filter(organisation=org).exists()


def test_an_alliance_needs_an_intention(amina):
    with pytest.raises(ValidationError) as error:
        services.alliance_start(by=amina, name="Samen", intention="")
    assert "intention" in error.value.message_dict


def test_two_people_are_a_tandem_three_are_not(alliance, chris):
    assert alliance.is_tandem
    PartyFactory(alliance=alliance, person=chris)
    alliance.refresh_from_db()
    assert not type(alliance).objects.get(pk=alliance.pk).is_tandem


def test_a_person_and_an_organisation_are_not_a_tandem(amina, gijs, org):
    alliance = services.alliance_start(by=gijs, name="X", intention="Y", organisation=org)
    assert not alliance.is_tandem


class TestInvitations:
    def test_invitation_by_link_lets_the_invitee_join(self, alliance, amina, chris):
        invitation, secret = services.invitation_create(alliance=alliance, by=amina)
        assert secret not in invitation.token_hash  # only a hash is stored
        party = services.invitation_accept(invitation=invitation, person=chris, role="buurman")
        assert party.person == chris and party.role == "buurman"
        invitation.refresh_from_db()
        assert invitation.status == InvitationStatus.ACCEPTED
        assert can_view_alliance(chris.user, alliance)

    def test_an_invitation_link_works_only_once(self, alliance, amina, chris, eva):
        invitation, _ = services.invitation_create(alliance=alliance, by=amina)
        services.invitation_accept(invitation=invitation, person=chris)
        with pytest.raises(ServiceError, match=r"al gebruikt|already been used"):
            services.invitation_accept(invitation=invitation, person=eva)
        assert not can_view_alliance(eva.user, alliance)

    def test_an_invitation_for_an_address_refuses_someone_else(self, alliance, amina, chris, eva):
        invitation, _ = services.invitation_create(
            alliance=alliance, by=amina, email="Chris@Example.org"
        )
        with pytest.raises(ServiceError, match=r"iemand anders|someone else"):
            services.invitation_accept(invitation=invitation, person=eva)
        services.invitation_accept(invitation=invitation, person=chris)

    def test_invitation_mail_is_sent_after_commit(
        self, alliance, amina, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            invitation, secret = services.invitation_create(
                alliance=alliance, by=amina, email="chris@example.org"
            )
            services.invitation_mail(invitation, link=f"http://testserver/x/{secret}/")
        assert len(mail.outbox) == 1
        assert secret in mail.outbox[0].body

    def test_an_expired_invitation_cannot_be_used(self, alliance, amina, chris):
        invitation, _ = services.invitation_create(alliance=alliance, by=amina)
        invitation.expires_at = timezone.now() - datetime.timedelta(minutes=1)
        invitation.save()
        with pytest.raises(ServiceError):
            services.invitation_accept(invitation=invitation, person=chris)

    def test_a_withdrawn_invitation_cannot_be_used(self, alliance, amina, chris):
        invitation, _ = services.invitation_create(alliance=alliance, by=amina)
        services.invitation_withdraw(invitation=invitation, by=amina)
        with pytest.raises(ServiceError):
            services.invitation_accept(invitation=invitation, person=chris)

    def test_declining_changes_nothing_else(self, alliance, amina, chris):
        invitation, _ = services.invitation_create(alliance=alliance, by=amina)
        services.invitation_decline(invitation=invitation, person=chris)
        invitation.refresh_from_db()
        assert invitation.status == InvitationStatus.DECLINED
        assert not can_view_alliance(chris.user, alliance)

    def test_an_outsider_cannot_invite(self, alliance, chris):
        with pytest.raises(NotAllowed):
            services.invitation_create(alliance=alliance, by=chris)

    def test_nobody_joins_an_ended_alliance(self, alliance, amina):
        services.alliance_update(alliance=alliance, by=amina, status=AllianceStatus.ENDED)
        assert alliance.ended_on == timezone.localdate()
        with pytest.raises(ServiceError):
            services.invitation_create(alliance=alliance, by=amina)


class TestJournal:
    def test_any_party_writes(self, alliance, amina, bas):
        services.journal_entry_add(alliance=alliance, author=amina, what_happened="Post gesorteerd")
        services.journal_entry_add(alliance=alliance, author=bas, what_happened="Gebeld")
        assert alliance.journal.count() == 2

    def test_an_outsider_cannot_write(self, alliance, chris):
        with pytest.raises(NotAllowed):
            services.journal_entry_add(alliance=alliance, author=chris, what_happened="Hoi")

    def test_an_edit_keeps_the_earlier_text(self, alliance, amina):
        entry = services.journal_entry_add(
            alliance=alliance, author=amina, what_happened="Eerste tekst"
        )
        services.journal_entry_edit(
            entry=entry, by=amina, expected_version=1, what_happened="Tweede tekst"
        )
        entry.refresh_from_db()
        assert entry.what_happened == "Tweede tekst"
        assert entry.version == 2
        revision = entry.revisions.get()
        assert revision.what_happened == "Eerste tekst"
        assert revision.kind == RevisionKind.EARLIER

    def test_a_stale_edit_overwrites_nothing_and_keeps_both_texts(self, alliance, amina):
        entry = services.journal_entry_add(alliance=alliance, author=amina, what_happened="Begin")
        services.journal_entry_edit(
            entry=entry, by=amina, expected_version=1, what_happened="Op laptop"
        )
        with pytest.raises(StaleVersion) as stale:
            services.journal_entry_edit(
                entry=entry, by=amina, expected_version=1, what_happened="Op telefoon"
            )
        assert stale.value.current.what_happened == "Op laptop"
        entry.refresh_from_db()
        assert entry.what_happened == "Op laptop"
        texts = set(entry.revisions.values_list("what_happened", "kind"))
        assert texts == {("Begin", RevisionKind.EARLIER), ("Op telefoon", RevisionKind.CONFLICT)}

    def test_only_the_author_edits_their_words(self, alliance, amina, bas):
        entry = services.journal_entry_add(alliance=alliance, author=amina, what_happened="Mijn")
        with pytest.raises(NotAllowed):
            services.journal_entry_edit(entry=entry, by=bas, expected_version=1, what_happened="X")

    def test_any_party_marks_a_milestone(self, alliance, amina, bas):
        entry = services.journal_entry_add(alliance=alliance, author=amina, what_happened="Brief")
        services.journal_entry_set_milestone(entry=entry, by=bas, is_milestone=True)
        entry.refresh_from_db()
        assert entry.is_milestone and entry.milestone_marked_by == bas

    def test_a_date_in_the_future_is_refused(self, alliance, amina):
        tomorrow = timezone.localdate() + datetime.timedelta(days=1)
        with pytest.raises(ServiceError) as error:
            services.journal_entry_add(
                alliance=alliance, author=amina, what_happened="Morgen", occurred_on=tomorrow
            )
        assert "occurred_on" in error.value.message_dict

    def test_overlong_text_is_refused(self, alliance, amina):
        with pytest.raises(ValidationError) as error:
            services.journal_entry_add(alliance=alliance, author=amina, what_happened="x" * 2001)
        assert "what_happened" in error.value.message_dict
        assert not JournalEntry.objects.exists()


class TestReciprocity:
    def parties(self, alliance, amina, bas):
        return Party.objects.get(alliance=alliance, person=amina), Party.objects.get(
            alliance=alliance, person=bas
        )

    def test_a_resident_gives_too(self, alliance, amina, bas):
        mine, his = self.parties(alliance, amina, bas)
        contribution = services.contribution_add(
            alliance=alliance,
            by=bas,
            giver=mine,
            receiver=his,
            kind=ContributionKind.KNOWLEDGE,
            description="Leerde Bas koken",
            hours=Decimal("1.5"),
        )
        assert contribution.recorded_by == bas
        assert contribution.giver.person == amina

    def test_giving_to_yourself_is_refused(self, alliance, amina, bas):
        mine, _ = self.parties(alliance, amina, bas)
        with pytest.raises(ValidationError):
            services.contribution_add(
                alliance=alliance,
                by=amina,
                giver=mine,
                receiver=mine,
                kind=ContributionKind.TIME,
                description="x",
            )
        assert not Contribution.objects.exists()

    def test_parties_of_another_alliance_are_refused(self, alliance, amina, bas):
        mine, _ = self.parties(alliance, amina, bas)
        elsewhere = PartyFactory(alliance=AllianceFactory())
        with pytest.raises(ServiceError):
            services.contribution_add(
                alliance=alliance,
                by=amina,
                giver=mine,
                receiver=elsewhere,
                kind=ContributionKind.TIME,
                description="x",
            )

    def test_money_needs_an_amount(self, alliance, amina, bas):
        mine, his = self.parties(alliance, amina, bas)
        with pytest.raises(ServiceError):
            services.contribution_add(
                alliance=alliance,
                by=amina,
                giver=mine,
                receiver=his,
                kind=ContributionKind.MONEY,
                description="voor de bus",
            )

    def test_negative_hours_are_refused(self, alliance, amina, bas):
        mine, his = self.parties(alliance, amina, bas)
        with pytest.raises(ValidationError):
            services.contribution_add(
                alliance=alliance,
                by=amina,
                giver=mine,
                receiver=his,
                kind=ContributionKind.TIME,
                description="x",
                hours=Decimal("-2"),
            )


def test_leaving_ends_access_at_once_and_keeps_history(alliance, amina, bas):
    entry = services.journal_entry_add(alliance=alliance, author=bas, what_happened="Dag")
    party = Party.objects.get(alliance=alliance, person=bas)
    services.party_leave(party=party, by=bas)
    assert not can_view_alliance(bas.user, alliance)
    assert JournalEntry.objects.filter(pk=entry.pk).exists()
    # and can be invited back
    invitation, _ = services.invitation_create(alliance=alliance, by=amina)
    services.invitation_accept(invitation=invitation, person=bas)
    assert can_view_alliance(bas.user, alliance)
