"""Writing access records, inside the request that shows the sensitive data.

One bulk insert per look (a page, a fragment), never one query per object. When nothing
sensitive of someone else is shown, no query at all is made. The text itself is never written.
"""

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Q
from django.utils import timezone

from bondgenoot.alliances.models import Alliance, JournalEntry, JournalEntryRevision, Party
from bondgenoot.alliances.permissions import active_parties, parties_acting_for
from bondgenoot.people.models import Membership, MembershipRole, Person

from .models import AccessPurpose, AccessRecord, ActorRole, ObjectType

if TYPE_CHECKING:
    from bondgenoot.people.selectors import ShownPerson

ORGANISATION_MAX = 255


@dataclass(frozen=True)
class Role:
    """The role of the one who looks, at that moment."""

    role: str
    organisation: str = ""
    by_name: bool = False


def _names(names: Iterable[str]) -> str:
    return ", ".join(sorted(set(names)))[:ORGANISATION_MAX]


def role_in_alliance(
    viewer: Person, alliance: Alliance, acting_parties: Sequence[Party] | None = None
) -> Role:
    """A party themself (shown by name), or coordinator of an organisation that is a party.

    ``acting_parties``: the active parties the viewer speaks for in this alliance, when the page
    already loaded them (with their organisation); otherwise two small queries.
    """
    if acting_parties is None:
        acting_parties = list(
            parties_acting_for(viewer).filter(alliance=alliance).select_related("organisation")
        )
    if any(p.person_id == viewer.pk for p in acting_parties):
        return Role(ActorRole.PARTY, by_name=True)
    organisations = [p.organisation.name for p in acting_parties if p.organisation is not None]
    if organisations:
        return Role(ActorRole.COORDINATOR, organisation=_names(organisations))
    return Role(ActorRole.NEIGHBOUR)


def roles_towards(viewer: Person, subject_ids: set[int]) -> dict[int, Role]:
    """The viewer's role towards each person whose profile they look at. At most four queries.

    Someone who shares an alliance with the person as a party themself is named; a coordinator
    of an organisation in a shared alliance is "coordinator of <organisation>"; anyone else is
    described by the organisations they coordinate or belong to, or as someone with an account.
    """
    memberships = list(
        Membership.objects.filter(person=viewer)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    coordinated = {
        m.organisation_id: m.organisation.name
        for m in memberships
        if m.role == MembershipRole.COORDINATOR
    }
    condition = Q(person=viewer)
    if coordinated:
        condition |= Q(organisation_id__in=list(coordinated))
    own: set[int] = set()
    via_organisation: dict[int, set[str]] = defaultdict(set)
    for alliance_id, person_id, organisation_id in (
        active_parties()
        .filter(condition)
        .values_list("alliance_id", "person_id", "organisation_id")
    ):
        if person_id == viewer.pk:
            own.add(alliance_id)
        elif organisation_id in coordinated:
            via_organisation[alliance_id].add(coordinated[organisation_id])
    mine = own | set(via_organisation)
    theirs: dict[int, set[int]] = defaultdict(set)
    if mine:
        for person_id, alliance_id in (
            active_parties()
            .filter(alliance_id__in=mine, person_id__in=subject_ids)
            .values_list("person_id", "alliance_id")
        ):
            theirs[person_id].add(alliance_id)
        for person_id, alliance_id in Membership.objects.filter(
            person_id__in=subject_ids,
            role=MembershipRole.COORDINATOR,
            organisation__parties__alliance_id__in=mine,
            organisation__parties__left_on__isnull=True,
        ).values_list("person_id", "organisation__parties__alliance_id"):
            theirs[person_id].add(alliance_id)

    if coordinated:
        elsewhere = Role(ActorRole.COORDINATOR, organisation=_names(coordinated.values()))
    elif memberships:
        elsewhere = Role(
            ActorRole.MEMBER, organisation=_names(m.organisation.name for m in memberships)
        )
    else:
        elsewhere = Role(ActorRole.NEIGHBOUR)
    roles = {}
    for subject_id in subject_ids:
        shared = theirs[subject_id] & mine
        if shared & own:
            roles[subject_id] = Role(ActorRole.PARTY, by_name=True)
        elif shared:
            names = set().union(*(via_organisation[a] for a in shared))
            roles[subject_id] = Role(ActorRole.COORDINATOR, organisation=_names(names))
        else:
            roles[subject_id] = elsewhere
    return roles


def _record(*, viewer: Person, purpose: str, rows: list[AccessRecord]) -> int:
    now = timezone.now()
    look = uuid.uuid4()
    for row in rows:
        row.actor = viewer
        row.purpose = purpose
        row.viewed_at = now
        row.look = look
    AccessRecord.objects.bulk_create(rows)
    return len(rows)


def _sensitive_now(item: JournalEntry | JournalEntryRevision) -> bool:
    """Marked by its writer, and the text is still there (not erased after retention)."""
    return item.is_sensitive and item.erased_on is None


def _write_journal(
    *,
    viewer: Person,
    alliance: Alliance,
    entries: list[JournalEntry],
    purpose: str,
    acting_parties: Sequence[Party] | None,
) -> int:
    role = role_in_alliance(viewer, alliance, acting_parties)
    rows = [
        AccessRecord(
            subject_id=entry.author_id,
            actor_role=role.role,
            actor_organisation=role.organisation,
            actor_by_name=role.by_name,
            object_type=ObjectType.JOURNAL_ENTRY,
            object_id=entry.pk,
            alliance=alliance,
        )
        for entry in entries
        if entry.author_id is not None
    ]
    return _record(viewer=viewer, purpose=purpose, rows=rows)


def record_journal_reads(
    *,
    viewer: Person,
    alliance: Alliance,
    entries: Iterable[JournalEntry],
    purpose: str = AccessPurpose.READ_JOURNAL,
    acting_parties: Sequence[Party] | None = None,
) -> int:
    """Record the sensitive entries of others among ``entries`` (one page of the journal)."""
    seen = [e for e in entries if e.author_id and e.author_id != viewer.pk and _sensitive_now(e)]
    if not seen:
        return 0
    return _write_journal(
        viewer=viewer,
        alliance=alliance,
        entries=seen,
        purpose=purpose,
        acting_parties=acting_parties,
    )


def record_journal_entry_read(
    *,
    viewer: Person,
    alliance: Alliance,
    entry: JournalEntry,
    revisions: Iterable[JournalEntryRevision],
    acting_parties: Sequence[Party] | None = None,
) -> int:
    """The page of one entry shows its text and every earlier text: one record for the entry
    when any of these is marked sensitive (an earlier text stays sensitive when the entry is
    unmarked later)."""
    if not entry.author_id or entry.author_id == viewer.pk:
        return 0
    if not (_sensitive_now(entry) or any(_sensitive_now(r) for r in revisions)):
        return 0
    return _write_journal(
        viewer=viewer,
        alliance=alliance,
        entries=[entry],
        purpose=AccessPurpose.READ_ENTRY,
        acting_parties=acting_parties,
    )


def record_profile_reads(
    *,
    viewer: Person,
    shown: Iterable["ShownPerson"],
    purpose: str = AccessPurpose.VIEW_PROFILE,
    only_fields: set[str] | None = None,
) -> int:
    """Record the sensitive profile fields of others that a page shows with a value.

    ``only_fields``: the fields this page actually shows (the directory card shows only a few).
    """
    seen: list[tuple[int, str]] = []
    for item in shown:
        person = item.person
        if person.pk == viewer.pk or not person.sensitive_fields:
            continue
        for field in item.fields:
            name = field.field.name
            if (
                name in person.sensitive_fields
                and (only_fields is None or name in only_fields)
                and bool(field.value)
            ):
                seen.append((person.pk, name))
    if not seen:
        return 0
    roles = roles_towards(viewer, {subject_id for subject_id, _name in seen})
    rows = [
        AccessRecord(
            subject_id=subject_id,
            actor_role=roles[subject_id].role,
            actor_organisation=roles[subject_id].organisation,
            actor_by_name=roles[subject_id].by_name,
            object_type=ObjectType.PROFILE_FIELD,
            object_id=subject_id,
            field_name=name,
        )
        for subject_id, name in seen
    ]
    return _record(viewer=viewer, purpose=purpose, rows=rows)
