"""Reads for alliances, already scoped to the viewer. Query counts here are pinned by tests."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Max, Prefetch, QuerySet, Sum, prefetch_related_objects
from django.utils import timezone

from bondgenoot.core.models import InvitationStatus
from bondgenoot.core.permissions import person_of
from bondgenoot.people.models import MembershipRole, Organisation, Person

from .models import (
    Alliance,
    Contribution,
    ContributionKind,
    Invitation,
    JournalEntry,
    Party,
)
from .permissions import (
    alliance_abilities,
    alliances_visible_to,
    coordinated_organisation_ids,
    speaks_in,
)

JOURNAL_PAGE_SIZE = 20
CONTRIBUTIONS_SHOWN = 10


def _parties_prefetch() -> Prefetch:
    return Prefetch(
        "parties",
        queryset=Party.objects.select_related("person", "organisation").order_by("joined_on", "id"),
    )


def my_alliances(user: Any, *, status: str | None = None) -> QuerySet[Alliance]:
    """The alliances on the home page: ongoing first, most recent activity first."""
    alliances = alliances_visible_to(user)
    if status:
        alliances = alliances.filter(status=status)
    return (
        alliances.annotate(last_entry_on=Max("journal__occurred_on"))
        .prefetch_related(_parties_prefetch())
        .order_by("status", "-last_entry_on", "-started_on", "-id")
    )


def open_invitations_for(user: Any) -> QuerySet[Invitation]:
    """Invitations sent to this person's e-mail address that they have not answered yet."""
    person = person_of(user)
    if person is None:
        return Invitation.objects.none()
    return (
        Invitation.objects.filter(
            email__iexact=person.user.email,
            status=InvitationStatus.OPEN,
            expires_at__gt=timezone.now(),
        )
        .exclude(alliance__parties__person=person, alliance__parties__left_on__isnull=True)
        .select_related("alliance", "created_by")
    )


def alliance_page(person: Person, alliance: Alliance, *, page: Any = 1) -> dict[str, Any]:
    """Everything on the page of an alliance that ``get_alliance_for`` let this person see.

    A fixed number of queries whatever the size of the journal (pinned by a test).
    """
    prefetch_related_objects([alliance], _parties_prefetch())
    parties = list(alliance.parties.all())
    active = [p for p in parties if p.left_on is None]
    coordinated_ids = set(coordinated_organisation_ids(person))
    mine = speaks_in(person, parties, coordinated_ids)
    my_party = next((p for p in mine if p.person_id == person.pk), None)
    abilities = alliance_abilities(
        is_party=bool(mine), alliance=alliance, is_person_party=my_party is not None
    )
    taking_part = {p.organisation_id for p in active if p.organisation_id}
    joinable = coordinated_ids - taking_part if abilities["can_write"] else set()
    return {
        "alliance": alliance,
        "person": person,
        "parties": active,
        "former_parties": [p for p in parties if p.left_on is not None],
        "my_party": my_party,
        "organisation_parties_i_speak_for": [p for p in mine if p.organisation_id],
        "acting_parties": mine,
        "journal": journal_page(alliance, page=page),
        "reciprocity": reciprocity(alliance, active),
        "contributions": recent_contributions(alliance, parties),
        "invitations": alliance.invitations.filter(status=InvitationStatus.OPEN).select_related(
            "created_by"
        ),
        "joinable_organisations": (
            Organisation.objects.filter(pk__in=joinable)
            if joinable
            else Organisation.objects.none()
        ),
        **abilities,
    }


def other_routes_of(party: Party) -> list[Party]:
    """The organisation parties through which the person of this party also takes part (as
    their coordinator): removing the person alone leaves them those."""
    if party.person_id is None:
        return []
    return list(
        Party.objects.filter(
            alliance_id=party.alliance_id,
            left_on__isnull=True,
            organisation__memberships__person_id=party.person_id,
            organisation__memberships__role=MembershipRole.COORDINATOR,
        ).select_related("organisation")
    )


def journal_page(alliance: Alliance, *, page: Any = 1) -> Page[Any]:
    entries = (
        JournalEntry.objects.filter(alliance=alliance)
        .select_related("author", "milestone_marked_by")
        .annotate(revision_count=Count("revisions"))
        .order_by("-occurred_on", "-id")
    )
    return Paginator(entries, JOURNAL_PAGE_SIZE).get_page(page)


def recent_contributions(alliance: Alliance, parties: list[Party]) -> list[Contribution]:
    """The latest contributions, with giver and receiver taken from the already loaded parties
    (all of them, also those who left) instead of joining nine tables again."""
    by_id = {party.pk: party for party in parties}
    contributions = list(
        Contribution.objects.filter(alliance=alliance).order_by("-given_on", "-id")[
            :CONTRIBUTIONS_SHOWN
        ]
    )
    for contribution in contributions:
        contribution.giver = by_id[contribution.giver_id]
        contribution.receiver = by_id[contribution.receiver_id]
    return contributions


def contributions_page(alliance: Alliance, *, page: Any = 1) -> Page[Contribution]:
    contributions = (
        Contribution.objects.filter(alliance=alliance)
        .select_related(
            "giver__person",
            "giver__organisation",
            "receiver__person",
            "receiver__organisation",
            "recorded_by",
        )
        .order_by("-given_on", "-id")
    )
    return Paginator(contributions, JOURNAL_PAGE_SIZE).get_page(page)


@dataclass
class PartyReciprocity:
    """What one party gave and received in an alliance. Never a score: a picture of exchange."""

    party: Party
    given: dict[str, int] = field(default_factory=dict)
    received: dict[str, int] = field(default_factory=dict)
    hours_given: Decimal = Decimal(0)
    hours_received: Decimal = Decimal(0)
    euros_given: Decimal = Decimal(0)
    euros_received: Decimal = Decimal(0)

    @property
    def given_count(self) -> int:
        return sum(self.given.values())

    @property
    def received_count(self) -> int:
        return sum(self.received.values())

    def given_kinds(self) -> list[tuple[str, int]]:
        return _labelled(self.given)

    def received_kinds(self) -> list[tuple[str, int]]:
        return _labelled(self.received)


def _labelled(counts: dict[str, int]) -> list[tuple[str, int]]:
    labels = dict(ContributionKind.choices)
    return [(str(labels[k]), counts[k]) for k in ContributionKind.values if counts.get(k)]


def reciprocity(alliance: Alliance, parties: list[Party]) -> list[PartyReciprocity]:
    """Per party: what they gave and received, by kind, with hours and euros. Two queries."""
    rows = {p.pk: PartyReciprocity(party=p) for p in parties}
    base = Contribution.objects.filter(alliance=alliance)
    for side in ("giver", "receiver"):
        totals = (
            base.values(f"{side}_id", "kind")
            .annotate(n=Count("id"), hours=Sum("hours"), euros=Sum("euros"))
            .order_by()
        )
        for row in totals:
            item = rows.get(row[f"{side}_id"])
            if item is None:
                continue
            if side == "giver":
                item.given[row["kind"]] = row["n"]
                item.hours_given += row["hours"] or 0
                item.euros_given += row["euros"] or 0
            else:
                item.received[row["kind"]] = row["n"]
                item.hours_received += row["hours"] or 0
                item.euros_received += row["euros"] or 0
    return list(rows.values())


def status_counts(user: Any) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for row in alliances_visible_to(user).values("status").annotate(n=Count("id")).order_by():
        counts[row["status"]] = row["n"]
    return counts
