"""Load the demo neighbourhood from ``content.py``, through the services.

Every person, organisation, alliance, journal entry, contribution and consent is made by the
same services the pages use (``person_register``, ``alliance_start``, ``invitation_accept``,
``journal_entry_add``, ``contribution_add``, ``consent_set`` …), so loading the demo also
exercises the rules: only a party can write in an alliance, only a coordinator can invite to an
organisation, and so on. Two things have no service and are written directly, on purpose and in
one place each:

* neighbourhoods (they are kept by the people who run the installation, in the admin);
* the date a party joined an alliance (``invitation_accept`` always uses today, and the demo
  tells a story of the past months). See ``_backdate_joined_on``.

Other apps add their part of the demo in ``bondgenoot/<app>/demo.py`` with a function
``load(demo)`` that gets the running loader (``demo.people``, ``demo.organisations``,
``demo.neighbourhoods``, ``demo.alliances``, each by key; ``demo.day(days_ago)``); they run
after the alliances, in the order of ``INSTALLED_APPS``, through their own services.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from bondgenoot.alliances import services as alliance_services
from bondgenoot.alliances.models import Alliance, AllianceStatus, Party
from bondgenoot.audit import services as audit_services
from bondgenoot.core.plugins import app_modules
from bondgenoot.people import services as people_services
from bondgenoot.people.models import MembershipRole, Neighbourhood, Organisation, Person
from bondgenoot.people.profile import PROFILE_FIELDS
from bondgenoot.privacy import services as privacy_services

from . import content
from .content import AllianceSpec, PersonSpec


@dataclass
class DemoResult:
    loaded: bool
    people: int = 0
    organisations: int = 0
    alliances: int = 0
    journal_entries: int = 0
    contributions: int = 0
    open_invitation_path: str = ""
    logins: tuple[content.DemoLogin, ...] = field(default_factory=tuple)


def demo_is_loadable() -> bool:
    """The demo only goes into an installation without people, so it never mixes with real ones."""
    return not Person.objects.exists()


def load_demo(*, today: datetime.date | None = None) -> DemoResult:
    """Load the demo if there are no people yet. Returns what was made (or loaded=False)."""
    with transaction.atomic():
        if not demo_is_loadable():
            return DemoResult(loaded=False)
        loader = _Loader(today or timezone.localdate())
        loader.run()
    return loader.result


class _Loader:
    def __init__(self, today: datetime.date) -> None:
        self.today = today
        self.neighbourhoods: dict[str, Neighbourhood] = {}
        self.people: dict[str, Person] = {}
        self.organisations: dict[str, Organisation] = {}
        self.alliances: dict[str, Alliance] = {}
        self.result = DemoResult(loaded=True, logins=content.DEMO_LOGINS)

    def day(self, days_ago: int) -> datetime.date:
        return self.today - datetime.timedelta(days=days_ago)

    def run(self) -> None:
        self.load_neighbourhoods()
        for person_spec in content.PEOPLE:
            self.load_person(person_spec)
        for organisation_spec in content.ORGANISATIONS:
            self.load_organisation(organisation_spec)
        for alliance_spec in content.ALLIANCES:
            self.load_alliance(alliance_spec)
        for plugin in app_modules("demo", skip=__package__ or ""):
            plugin.load(self)

    # Places and people ----------------------------------------------------------------------

    def load_neighbourhoods(self) -> None:
        # No service: neighbourhoods are kept by the people who run the installation.
        for name in content.NEIGHBOURHOODS:
            neighbourhood, _created = Neighbourhood.objects.get_or_create(
                name=name, defaults={"municipality": content.MUNICIPALITY}
            )
            self.neighbourhoods[name] = neighbourhood

    def load_person(self, spec: PersonSpec) -> None:
        neighbourhood = self.neighbourhoods[spec.neighbourhood] if spec.neighbourhood else None
        person = people_services.person_register(
            email=spec.email,
            display_name=spec.name,
            password=settings.DEMO_LOGIN_PASSWORD,
            neighbourhood=neighbourhood,
        )
        visibility = {
            f.visibility_attr: spec.visibility[f.name]
            for f in PROFILE_FIELDS
            if f.name in spec.visibility
        }
        people_services.profile_update(
            person=person,
            by=person,
            about=spec.about,
            strengths=spec.strengths,
            aspirations=spec.aspirations,
            lived_experience=spec.lived_experience,
            limits=spec.limits,
            capacity=spec.capacity,
            capacity_note=spec.capacity_note,
            languages=list(spec.languages),
            tags=list(spec.tags),
            **visibility,
        )
        for purpose in content.CONSENTS.get(spec.key, ()):
            privacy_services.consent_set(person=person, by=person, purpose=purpose, given=True)
        self.people[spec.key] = person
        self.result.people += 1

    def load_organisation(self, spec: content.OrganisationSpec) -> None:
        first, *other_coordinators = (self.people[key] for key in spec.coordinators)
        organisation = people_services.organisation_create(
            by=first,
            name=spec.name,
            kind=spec.kind,
            description=spec.description,
            neighbourhood=self.neighbourhoods[spec.neighbourhood] if spec.neighbourhood else None,
        )
        for person in [*other_coordinators, *(self.people[key] for key in spec.members)]:
            invitation, _secret = people_services.organisation_invitation_create(
                organisation=organisation, by=first, email=person.user.email
            )
            membership = people_services.organisation_invitation_accept(
                invitation=invitation, person=person
            )
            if person in other_coordinators:
                people_services.membership_set_role(
                    membership=membership, by=first, role=MembershipRole.COORDINATOR
                )
        self.organisations[spec.key] = organisation
        self.result.organisations += 1

    # Alliances ------------------------------------------------------------------------------

    def load_alliance(self, spec: AllianceSpec) -> None:
        started_on = self.day(spec.started_days_ago)
        alliance = alliance_services.alliance_start(
            by=self.people[spec.starter],
            name=spec.name,
            intention=spec.intention,
            way_of_working=spec.way_of_working,
            role=spec.starter_role,
            started_on=started_on,
            organisation=self.organisations[spec.organisation] if spec.organisation else None,
        )
        parties = _PartyIndex(alliance, self.people, self.organisations)
        if spec.organisation and spec.organisation_role:
            alliance_services.party_update_role(
                party=parties.get("@" + spec.organisation),
                by=self.people[spec.starter],
                role=spec.organisation_role,
            )

        for join in spec.joins:
            invitation, _secret = alliance_services.invitation_create(
                alliance=alliance,
                by=self.people[join.invited_by],
                email=self.people[join.person].user.email,
            )
            party = alliance_services.invitation_accept(
                invitation=invitation, person=self.people[join.person], role=join.role
            )
            _backdate_joined_on(party, self.day(join.days_ago))

        for org_join in spec.organisation_joins:
            by = self.people[org_join.by]
            party = alliance_services.organisation_join_alliance(
                alliance=alliance, organisation=self.organisations[org_join.organisation], by=by
            )
            alliance_services.party_update_role(party=party, by=by, role=org_join.role)
            # The organisation joined when its coordinator did.
            _backdate_joined_on(party, parties.get(org_join.by).joined_on)

        self.alliances[spec.key] = alliance
        self.load_journal(alliance, spec)
        self.load_contributions(alliance, spec, parties)
        self.load_invitations(alliance, spec)

        if spec.status != AllianceStatus.ONGOING:
            if not spec.status_set_by:
                raise ValueError(f"{spec.key}: say who changed the status")
            alliance_services.alliance_update(
                alliance=alliance,
                by=self.people[spec.status_set_by],
                status=spec.status,
                ended_on=(
                    self.day(spec.ended_days_ago) if spec.ended_days_ago is not None else None
                ),
            )
        self.result.alliances += 1

    def load_journal(self, alliance: Alliance, spec: AllianceSpec) -> None:
        for entry_spec in sorted(spec.entries, key=lambda e: -e.days_ago):
            author = self.people[entry_spec.author]
            entry = alliance_services.journal_entry_add(
                alliance=alliance,
                author=author,
                what_happened=entry_spec.what_happened,
                what_we_learned=entry_spec.what_we_learned,
                what_next=entry_spec.what_next,
                occurred_on=self.day(entry_spec.days_ago),
                is_milestone=entry_spec.milestone,
                sensitive_topics=entry_spec.sensitive_topics,
            )
            if entry_spec.edit is not None:
                entry = alliance_services.journal_entry_edit(
                    entry=entry,
                    by=author,
                    expected_version=entry.version,
                    what_happened=entry_spec.edit.what_happened,
                    what_we_learned=entry_spec.edit.what_we_learned,
                    what_next=entry_spec.edit.what_next,
                )
            if entry_spec.milestone_marked_by:
                alliance_services.journal_entry_set_milestone(
                    entry=entry, by=self.people[entry_spec.milestone_marked_by], is_milestone=True
                )
            for reader in entry_spec.read_by:
                # What the page of the entry records when another party opens it.
                audit_services.record_journal_entry_read(
                    viewer=self.people[reader],
                    alliance=alliance,
                    entry=entry,
                    revisions=list(entry.revisions.all()),
                )
            self.result.journal_entries += 1

    def load_contributions(
        self, alliance: Alliance, spec: AllianceSpec, parties: "_PartyIndex"
    ) -> None:
        for c in spec.contributions:
            alliance_services.contribution_add(
                alliance=alliance,
                by=self.people[c.recorded_by],
                giver=parties.get(c.giver),
                receiver=parties.get(c.receiver),
                kind=c.kind,
                description=c.description,
                hours=c.hours,
                euros=c.euros,
                given_on=self.day(c.days_ago),
            )
            self.result.contributions += 1

    def load_invitations(self, alliance: Alliance, spec: AllianceSpec) -> None:
        for invitation_spec in spec.invitations:
            invitee = self.people[invitation_spec.email_of] if invitation_spec.email_of else None
            invitation, secret = alliance_services.invitation_create(
                alliance=alliance,
                by=self.people[invitation_spec.by],
                email=invitee.user.email if invitee else "",
                message=invitation_spec.message,
            )
            if invitation_spec.declined:
                if invitee is None:
                    raise ValueError(f"{spec.key}: only an addressed invitation can be declined")
                alliance_services.invitation_decline(invitation=invitation, person=invitee)
            elif not invitation.email:
                self.result.open_invitation_path = reverse("alliances:invitation", args=[secret])


class _PartyIndex:
    """Find the party of an alliance by content key: "amina" or "@inloop"."""

    def __init__(
        self,
        alliance: Alliance,
        people: dict[str, Person],
        organisations: dict[str, Organisation],
    ) -> None:
        self.alliance = alliance
        self.people = people
        self.organisations = organisations

    def get(self, key: str) -> Party:
        if key.startswith("@"):
            organisation = self.organisations[key[1:]]
            return Party.objects.get(alliance=self.alliance, organisation=organisation)
        return Party.objects.get(alliance=self.alliance, person=self.people[key])


def _backdate_joined_on(party: Party, joined_on: datetime.date) -> None:
    """Set when a party joined. No service takes this date: joining by invitation is 'today'.

    Only the date changes; who joined, and how, went through the services.
    """
    Party.objects.filter(pk=party.pk).update(joined_on=joined_on)
    party.joined_on = joined_on
