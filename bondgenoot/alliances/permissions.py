"""Who may see and do what with alliances, journals, contributions and invitations.

The single place for these rules: HTML views, the API and template flags all call these
predicates. ``get_*_for`` helpers return the object or raise 404 when the person may not see it.

A person sees an alliance when they are an active party themself, or coordinator of an
organisation that is an active party. Nobody else does: not site administrators, not other
members of an organisation, not professionals by default.

An archived alliance is read-only: that rule lives here, in every predicate that grants a write
(the services refuse too, as a second line of defence).
"""

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from bondgenoot.core.permissions import person_of
from bondgenoot.people.models import Membership, MembershipRole, Person

from .models import Alliance, AllianceStatus, Contribution, Invitation, JournalEntry, Party


def active_parties() -> QuerySet[Party]:
    return Party.objects.filter(left_on__isnull=True)


def coordinated_organisation_ids(person: Person) -> list[int]:
    """Read fresh on every check: a removed coordinator loses access at once."""
    return list(
        Membership.objects.filter(person=person, role=MembershipRole.COORDINATOR)
        .order_by()
        .values_list("organisation_id", flat=True)
    )


def parties_acting_for(person: Person) -> QuerySet[Party]:
    """Active parties this person speaks for: themself, and organisations they coordinate.

    The organisation ids are fetched first (one small indexed query) so that the filter is
    two indexed conditions; an OR across a join to memberships made the database scan every
    party (measured in bench/: 75-107 ms on the home page with 25,000 alliances).
    """
    condition = Q(person=person)
    organisation_ids = coordinated_organisation_ids(person)
    if organisation_ids:
        condition |= Q(organisation_id__in=organisation_ids)
    return active_parties().filter(condition)


def alliances_visible_to(user: Any) -> QuerySet[Alliance]:
    person = person_of(user)
    if person is None:
        return Alliance.objects.none()
    return Alliance.objects.filter(pk__in=parties_acting_for(person).values("alliance_id"))


def can_view_alliance(user: Any, alliance: Alliance) -> bool:
    person = person_of(user)
    return person is not None and parties_acting_for(person).filter(alliance=alliance).exists()


def can_write_in_alliance(user: Any, alliance: Alliance) -> bool:
    """Every party writes (there is no owner of an alliance), until it is archived."""
    return not alliance.is_archived and can_view_alliance(user, alliance)


def can_change_alliance(user: Any, alliance: Alliance) -> bool:
    return can_write_in_alliance(user, alliance)


def can_invite_to_alliance(user: Any, alliance: Alliance) -> bool:
    return alliance.status != AllianceStatus.ENDED and can_write_in_alliance(user, alliance)


def speaks_in(person: Person, parties: list[Party], coordinated_ids: set[int]) -> list[Party]:
    """The rule of ``parties_acting_for``, applied to parties already loaded for a page."""
    return [
        p
        for p in parties
        if p.left_on is None and (p.person_id == person.pk or p.organisation_id in coordinated_ids)
    ]


def alliance_abilities(
    *, is_party: bool, alliance: Alliance, is_person_party: bool = False
) -> dict[str, bool]:
    """The template flags of an alliance page (every party writes, until it is archived).

    ``is_party``: the viewer speaks for an active party; ``is_person_party``: the viewer takes
    part as themself (only they can remove another party).
    """
    can_write = is_party and not alliance.is_archived
    return {
        "can_write": can_write,
        "can_invite": can_write and alliance.status != AllianceStatus.ENDED,
        "can_remove_parties": can_write and is_person_party,
    }


def can_speak_for_party(user: Any, party: Party) -> bool:
    """A person speaks for themself; a coordinator speaks for their organisation."""
    person = person_of(user)
    if person is None:
        return False
    if party.person_id is not None:
        return party.person_id == person.pk
    return (
        party.organisation is not None
        and party.organisation.memberships.filter(
            person=person, role=MembershipRole.COORDINATOR
        ).exists()
    )


def can_change_party_role(user: Any, party: Party) -> bool:
    return not party.alliance.is_archived and can_speak_for_party(user, party)


def can_remove_party(user: Any, party: Party) -> bool:
    """Any party that takes part as a person may remove another active party (a person or an
    organisation): parties are equal, there is no owner. Nobody removes a party they speak for
    themself: for that there is "leave"."""
    person = person_of(user)
    if person is None or party.left_on is not None or party.alliance.is_archived:
        return False
    if party.person_id == person.pk or (
        party.organisation_id is not None
        and party.organisation_id in coordinated_organisation_ids(person)
    ):
        return False
    return active_parties().filter(alliance_id=party.alliance_id, person=person).exists()


def can_edit_journal_entry(user: Any, entry: JournalEntry) -> bool:
    """Only the author changes their own words; every earlier text is kept."""
    return can_remove_journal_entry(user, entry) and not entry.alliance.is_archived


def can_remove_journal_entry(user: Any, entry: JournalEntry) -> bool:
    """The author may take back their own words, also in an archived alliance."""
    person = person_of(user)
    return (
        person is not None
        and entry.author_id == person.pk
        and can_view_alliance(user, entry.alliance)
    )


def can_mark_milestone(user: Any, entry: JournalEntry) -> bool:
    return can_write_in_alliance(user, entry.alliance)


def can_delete_contribution(user: Any, contribution: Contribution) -> bool:
    person = person_of(user)
    return (
        person is not None
        and contribution.recorded_by_id == person.pk
        and can_write_in_alliance(user, contribution.alliance)
    )


def can_withdraw_invitation(user: Any, invitation: Invitation) -> bool:
    return can_write_in_alliance(user, invitation.alliance)


def get_alliance_for(user: Any, pk: int) -> Alliance:
    alliance = alliances_visible_to(user).filter(pk=pk).first()
    if alliance is None:
        raise Http404
    return alliance


def get_party_for(user: Any, alliance: Alliance, pk: int) -> Party:
    """An active party of an alliance already fetched with ``get_alliance_for``."""
    party = active_parties().filter(alliance=alliance, pk=pk).select_related("organisation").first()
    if party is None:
        raise Http404
    return party


def get_journal_entry_for(user: Any, alliance: Alliance, pk: int) -> JournalEntry:
    """The alliance must already have been fetched with ``get_alliance_for``."""
    entry = JournalEntry.objects.filter(alliance=alliance, pk=pk).select_related("author").first()
    if entry is None:
        raise Http404
    return entry


def get_contribution_for(user: Any, alliance: Alliance, pk: int) -> Contribution:
    contribution = Contribution.objects.filter(alliance=alliance, pk=pk).first()
    if contribution is None:
        raise Http404
    return contribution


def get_invitation_for(user: Any, alliance: Alliance, pk: int) -> Invitation:
    invitation = Invitation.objects.filter(alliance=alliance, pk=pk).first()
    if invitation is None:
        raise Http404
    return invitation


def get_invitation_addressed_to(user: Any, pk: int) -> Invitation:
    """An invitation sent to this person's own e-mail address (404 for anyone else)."""
    person = person_of(user)
    invitation = (
        Invitation.objects.select_related("alliance", "created_by").filter(pk=pk).first()
        if person is not None
        else None
    )
    if (
        invitation is None
        or person is None
        or not invitation.email
        or invitation.email.lower() != person.user.email.lower()
    ):
        raise Http404
    return invitation


def ally_ids_of(person: Person) -> set[int]:
    """Ids of the people who share at least one alliance with this person (themself included).

    Coordinators of an organisation that is a party count as allies of that alliance.
    """
    alliance_ids = parties_acting_for(person).values("alliance_id")
    direct = active_parties().filter(alliance_id__in=alliance_ids, person__isnull=False)
    coordinators = Person.objects.filter(
        memberships__role=MembershipRole.COORDINATOR,
        memberships__organisation__parties__alliance_id__in=alliance_ids,
        memberships__organisation__parties__left_on__isnull=True,
    )
    ids = set(direct.values_list("person_id", flat=True))
    ids.update(coordinators.values_list("pk", flat=True))
    ids.add(person.pk)
    return ids


def are_allies(person: Person, other: Person) -> bool:
    if person.pk == other.pk:
        return True
    mine = parties_acting_for(person).values("alliance_id")
    return parties_acting_for(other).filter(alliance_id__in=mine).exists()
