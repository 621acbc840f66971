"""Reads for "Mijn gegevens" and for consent.

Consent: ``has_consent(person, purpose)`` and ``persons_with_consent(purpose)`` are what other
code (the directory now; reports and the ally search later) calls. They read the current state,
so a withdrawal counts everywhere from the next request on.

"Mijn gegevens": ``my_data(person)`` gathers everything the platform holds about one person, for
the overview page and for the downloads (JSON, HTML, PDF). It only ever takes the person of the
logged-in user: there is no way to ask for someone else's data. A fixed number of queries,
whatever the amount of data (pinned by a test).
"""

import datetime
from collections import defaultdict
from typing import Any

from django.apps import apps
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bondgenoot.alliances.models import (
    AllianceStatus,
    Contribution,
    ContributionKind,
    Invitation,
    JournalEntry,
    JournalEntryRevision,
    Party,
    RevisionKind,
)
from bondgenoot.alliances.permissions import alliances_visible_to
from bondgenoot.api.models import PersonalToken
from bondgenoot.core.models import InvitationStatus, Notice
from bondgenoot.people.models import (
    Capacity,
    ConsentHow,
    Membership,
    MembershipRole,
    Organisation,
    OrganisationInvitation,
    Person,
    ProfileEntryByAlly,
    Visibility,
)
from bondgenoot.people.profile import PROFILE_FIELDS

from . import sections
from .models import Consent, ConsentChange, DataExport, ExportFormat, Purpose

EXPORT_FORMAT_VERSION = 2  # 2: the sections of other apps (stories, mirror, …)

# Consent ---------------------------------------------------------------------------------------


def consent_given(purpose: str, *, person_ref: str = "pk") -> Exists:
    """A condition for a Person query (or one that refers to a person by ``person_ref``):
    the person gave consent for this purpose and did not withdraw it."""
    return Exists(
        Consent.objects.filter(person_id=OuterRef(person_ref), purpose=purpose, given=True)
    )


def persons_with_consent(purpose: str) -> QuerySet[Person]:
    """Everyone who gave consent for this purpose now (opt-in: no answer is no consent)."""
    return Person.objects.filter(consent_given(purpose))


def has_consent(person: Person | None, purpose: str) -> bool:
    if person is None or person.pk is None:
        return False
    return Consent.objects.filter(person=person, purpose=purpose, given=True).exists()


def consent_states(person: Person) -> dict[str, Consent | None]:
    """Per purpose (in the order of ``Purpose``) the current answer, or None if never answered."""
    current = {c.purpose: c for c in Consent.objects.filter(person=person)}
    return {purpose: current.get(purpose) for purpose in Purpose.values}


def consent_history(person: Person) -> QuerySet[ConsentChange]:
    return ConsentChange.objects.filter(person=person).select_related("changed_by")


# Mijn gegevens ---------------------------------------------------------------------------------


def _label(choices: Any, value: str) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def _when(value: datetime.datetime | None) -> datetime.datetime | None:
    return timezone.localtime(value) if value is not None else None


def _account(person: Person) -> dict[str, Any]:
    user = person.user
    return {
        "email": user.email,
        "joined_at": _when(user.date_joined),
        "last_login_at": _when(user.last_login),
        "has_password": user.has_usable_password(),
        # Two-step verification (accounts app), when this installation has it.
        "two_factor_since": _when(getattr(user, "totp_confirmed_at", None)),
        "is_site_admin": bool(user.is_staff or user.is_superuser),
    }


def _profile(person: Person) -> dict[str, Any]:
    tags = [t.name for t in person.tags.all()]
    fields = []
    for field in PROFILE_FIELDS:
        visibility = getattr(person, field.visibility_attr)
        item: dict[str, Any] = {
            "key": field.name,
            "label": str(field.label),
            "visible_to": visibility,
            "visible_to_label": _label(Visibility, visibility),
            "sensitive": field.name in (getattr(person, "sensitive_fields", None) or []),
        }
        if field.name == "tags":
            item["value"] = tags
        elif field.name == "languages":
            item["value"] = list(person.languages or [])
        elif field.name == "capacity":
            item["value"] = person.capacity
            item["value_label"] = _label(Capacity, person.capacity)
            item["note"] = person.capacity_note
        else:
            item["value"] = getattr(person, field.name)
        fields.append(item)
    return {
        "name": person.display_name,
        "neighbourhood": person.neighbourhood.name if person.neighbourhood else None,
        "created_at": _when(person.created_at),
        "updated_at": _when(person.updated_at),
        "fields": fields,
        "typed_in_by_allies": _typed_in_by_allies(person),
    }


def _typed_in_by_allies(person: Person) -> list[dict[str, Any]]:
    """Who typed in this person's paper profile form, when, and how they gave consent."""
    labels = {f.name: str(f.label) for f in PROFILE_FIELDS}
    return [
        {
            "typed_in_at": _when(entry.created_at),
            "typed_in_by": entry.entered_by.display_name if entry.entered_by else None,
            "consent_how": entry.consent_how,
            "consent_how_label": _label(ConsentHow, entry.consent_how),
            "parts": [labels.get(name, name) for name in entry.fields_changed],
        }
        for entry in ProfileEntryByAlly.objects.filter(person=person).select_related("entered_by")
    ]


def _memberships(person: Person) -> list[dict[str, Any]]:
    return [
        {
            "organisation_id": m.organisation_id,
            "organisation": m.organisation.name,
            "role": m.role,
            "role_label": _label(MembershipRole, m.role),
            "since": _when(m.created_at),
        }
        for m in Membership.objects.filter(person=person).select_related("organisation")
    ]


def _alliances(person: Person, open_ids: set[int]) -> list[dict[str, Any]]:
    parties = (
        Party.objects.filter(person=person)
        .select_related("alliance")
        .order_by("-alliance__started_on", "alliance_id")
    )
    return [
        {
            "alliance_id": party.alliance_id,
            "name": party.alliance.name,
            "status": party.alliance.status,
            "status_label": _label(AllianceStatus, party.alliance.status),
            "my_role": party.role,
            "joined_on": party.joined_on,
            "left_on": party.left_on,
            "started_by_me": party.alliance.created_by_id == person.pk,
            "can_open": party.alliance_id in open_ids,
        }
        for party in parties
    ]


def _texts(item: JournalEntry | JournalEntryRevision) -> dict[str, str]:
    return {
        "what_happened": item.what_happened,
        "what_we_learned": item.what_we_learned,
        "what_next": item.what_next,
    }


def _marking(item: JournalEntry | JournalEntryRevision) -> dict[str, Any]:
    """The writer's own marking of a sensitive text (audit app), when there is one."""
    return {
        "is_sensitive": bool(getattr(item, "is_sensitive", False)),
        "sensitive_topics": list(getattr(item, "sensitive_topics", None) or []),
    }


def _journal(person: Person, open_ids: set[int]) -> dict[str, list[dict[str, Any]]]:
    revisions: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for revision in JournalEntryRevision.objects.filter(written_by=person).order_by(
        "entry_id", "-created_at", "-id"
    ):
        revisions[revision.entry_id].append(
            {
                "entry_id": revision.entry_id,
                "version": revision.version,
                "kind": revision.kind,
                "kind_label": _label(RevisionKind, revision.kind),
                "written_at": _when(revision.created_at),
                **_texts(revision),
                **_marking(revision),
            }
        )
    entries = []
    for entry in (
        JournalEntry.objects.filter(author=person)
        .select_related("alliance")
        .order_by("-occurred_on", "-id")
    ):
        entries.append(
            {
                "id": entry.pk,
                "alliance_id": entry.alliance_id,
                "alliance": entry.alliance.name,
                "date": entry.occurred_on,
                **_texts(entry),
                **_marking(entry),
                "is_milestone": entry.is_milestone,
                "written_at": _when(entry.created_at),
                "changed_at": _when(entry.updated_at),
                "earlier_versions": revisions.pop(entry.pk, []),
                "can_open": entry.alliance_id in open_ids,
            }
        )
    # Earlier texts of yours in entries written by someone else (rare: a text written at the
    # same time as another edit).
    other = [item for items in revisions.values() for item in items]
    return {"entries": entries, "other_earlier_versions": other}


def _contributions(person: Person, open_ids: set[int]) -> list[dict[str, Any]]:
    rows = []
    contributions = (
        Contribution.objects.filter(
            Q(giver__person=person) | Q(receiver__person=person) | Q(recorded_by=person)
        )
        .select_related(
            "alliance",
            "giver__person",
            "giver__organisation",
            "receiver__person",
            "receiver__organisation",
        )
        .order_by("-given_on", "-id")
    )
    for c in contributions:
        if c.giver.person_id == person.pk:
            direction = "given"
        elif c.receiver.person_id == person.pk:
            direction = "received"
        else:
            direction = "recorded"
        rows.append(
            {
                "id": c.pk,
                "alliance_id": c.alliance_id,
                "alliance": c.alliance.name,
                "direction": direction,
                "from": c.giver.name,
                "to": c.receiver.name,
                "kind": c.kind,
                "kind_label": _label(ContributionKind, c.kind),
                "description": c.description,
                "hours": c.hours,
                "euros": c.euros,
                "date": c.given_on,
                "recorded_by_me": c.recorded_by_id == person.pk,
                "can_open": c.alliance_id in open_ids,
            }
        )
    return rows


def _invitation_row(invitation: Any, *, where: str, where_id: int) -> dict[str, Any]:
    return {
        "to": where,
        "to_kind": "alliance" if isinstance(invitation, Invitation) else "organisation",
        "to_id": where_id,
        "email": invitation.email,
        "message": invitation.message,
        "status": invitation.status,
        "status_label": _label(InvitationStatus, invitation.status),
        "made_at": _when(invitation.created_at),
        "valid_until": _when(invitation.expires_at),
        "answered_at": _when(invitation.responded_at),
    }


def _invitations(person: Person) -> dict[str, list[dict[str, Any]]]:
    email = person.user.email
    mine = Q(email__iexact=email) | Q(responded_by=person)
    sent: list[dict[str, Any]] = []
    received: list[dict[str, Any]] = []
    for invitation in Invitation.objects.filter(created_by=person).select_related("alliance"):
        sent.append(
            _invitation_row(
                invitation, where=invitation.alliance.name, where_id=invitation.alliance_id
            )
        )
    for org_invitation in OrganisationInvitation.objects.filter(created_by=person).select_related(
        "organisation"
    ):
        sent.append(
            _invitation_row(
                org_invitation,
                where=org_invitation.organisation.name,
                where_id=org_invitation.organisation_id,
            )
        )
    for invitation in Invitation.objects.filter(mine).select_related("alliance", "created_by"):
        row = _invitation_row(
            invitation, where=invitation.alliance.name, where_id=invitation.alliance_id
        )
        row["from"] = invitation.created_by.display_name if invitation.created_by else None
        received.append(row)
    for org_invitation in OrganisationInvitation.objects.filter(mine).select_related(
        "organisation", "created_by"
    ):
        row = _invitation_row(
            org_invitation,
            where=org_invitation.organisation.name,
            where_id=org_invitation.organisation_id,
        )
        row["from"] = org_invitation.created_by.display_name if org_invitation.created_by else None
        received.append(row)
    sent.sort(key=lambda r: r["made_at"], reverse=True)
    received.sort(key=lambda r: r["made_at"], reverse=True)
    return {"sent": sent, "received": received}


def _consents(person: Person) -> dict[str, list[dict[str, Any]]]:
    current = [
        {
            "purpose": purpose,
            "label": _label(Purpose, purpose),
            "given": bool(consent and consent.given),
            "answered": consent is not None,
            "since": _when(consent.updated_at) if consent else None,
        }
        for purpose, consent in consent_states(person).items()
    ]
    history = [
        {
            "purpose": change.purpose,
            "label": _label(Purpose, change.purpose),
            "given": change.given,
            "changed_at": _when(change.changed_at),
            "changed_by_me": change.changed_by_id == person.pk,
            "changed_by": change.changed_by.display_name if change.changed_by else None,
        }
        for change in consent_history(person)
    ]
    return {"current": current, "history": history}


def _notices(person: Person) -> list[dict[str, Any]]:
    return [
        {
            "text": n.text,
            "link": n.link,
            "made_at": _when(n.created_at),
            "read_at": _when(n.read_at),
        }
        for n in Notice.objects.filter(person=person)
    ]


def _exports(person: Person) -> list[dict[str, Any]]:
    return [
        {
            "format": e.format,
            "format_label": _label(ExportFormat, e.format),
            "made_at": _when(e.made_at),
        }
        for e in DataExport.objects.filter(person=person)
    ]


def _api_tokens(person: Person) -> list[dict[str, Any]]:
    """The personal tokens for the API: what they are called and when; never the hash."""
    return [
        {
            "name": t.name,
            "made_at": _when(t.created_at),
            "last_used_at": _when(t.last_used_at),
            "valid_until": _when(t.expires_at),
            "revoked_at": _when(t.revoked_at),
            "expired": t.is_expired,
        }
        for t in PersonalToken.objects.filter(person=person).order_by("-created_at", "-id")
    ]


# The access log ("Wie keek er mee") lives in the audit app; it may be absent (then None).
# Who looked is named only where the audit app names them (a party); otherwise by role.


def access_records_model() -> Any:
    try:
        return apps.get_model("audit", "AccessRecord")
    except LookupError:
        return None


def _access_log(person: Person) -> list[dict[str, Any]] | None:
    model = access_records_model()
    if model is None:
        return None
    rows = []
    for record in (
        model.objects.filter(subject=person)
        .select_related("actor", "alliance")
        .order_by("-viewed_at", "-id")
    ):
        who = None
        if getattr(record, "actor_by_name", False):
            who = record.actor.display_name if record.actor else str(_("a former participant"))
        rows.append(
            {
                "viewed_at": _when(record.viewed_at),
                "who": who,
                "role": str(record.role_description),
                "purpose": record.purpose,
                "purpose_label": str(record.get_purpose_display()),
                "what": record.object_type,
                "what_label": str(record.get_object_type_display()),
                "object_id": record.object_id,
                "profile_field": record.field_name,
                "alliance": record.alliance.name if record.alliance else None,
            }
        )
    return rows


def _open_alliance_ids(person: Person) -> set[int]:
    return set(alliances_visible_to(person.user).values_list("pk", flat=True))


def my_data(person: Person) -> dict[str, Any]:
    """Everything the platform holds about this person, in plain structures (stable keys)."""
    person = (
        Person.objects.select_related("user", "neighbourhood")
        .prefetch_related("tags")
        .get(pk=person.pk)
    )
    open_ids = _open_alliance_ids(person)
    journal = _journal(person, open_ids)
    return {
        "format": "bondgenoot-mijn-gegevens",
        "format_version": EXPORT_FORMAT_VERSION,
        "made_at": timezone.localtime(),
        "account": _account(person),
        "profile": _profile(person),
        "memberships": _memberships(person),
        "alliances": _alliances(person, open_ids),
        "journal_entries": journal["entries"],
        "other_earlier_versions": journal["other_earlier_versions"],
        "contributions": _contributions(person, open_ids),
        "invitations": _invitations(person),
        "consents": _consents(person),
        "notices": _notices(person),
        "downloads": _exports(person),
        "api_tokens": _api_tokens(person),
        "access_log": _access_log(person),
        # What other apps hold (stories, the mirror, gatherings, money): see sections.py.
        "sections": sections.collect(person),
    }


def organisations_needing_another_coordinator(person: Person) -> list[Organisation]:
    """Organisations of which this person is the only coordinator: they cannot delete their
    account before someone else is coordinator too."""
    coordinated = Membership.objects.filter(person=person, role=MembershipRole.COORDINATOR).values(
        "organisation_id"
    )
    return list(
        Organisation.objects.filter(pk__in=coordinated)
        .annotate(
            coordinators=Count(
                "memberships", filter=Q(memberships__role=MembershipRole.COORDINATOR)
            )
        )
        .filter(coordinators__lte=1)
        .order_by("name")
    )


def alliances_shared_and_own(person: Person) -> tuple[set[int], set[int]]:
    """Ids of the alliances this person shares with another party (now or earlier), and of
    those in which nobody else ever took part."""
    alliance_ids = set(Party.objects.filter(person=person).values_list("alliance_id", flat=True))
    shared_ids = set(
        Party.objects.filter(alliance_id__in=alliance_ids)
        .exclude(person=person)
        .values_list("alliance_id", flat=True)
    )
    return shared_ids, alliance_ids - shared_ids


def deletion_summary(person: Person) -> dict[str, Any]:
    """What deleting the account touches, for the confirmation page: numbers, and the
    sections of other apps that hold something of this person (with what happens to it)."""
    shared_ids, own_ids = alliances_shared_and_own(person)
    return {
        "sections": [s for s in sections.collect(person) if s.items and s.on_delete],
        "shared_alliances": len(shared_ids),
        "own_alliances": len(own_ids),
        "journal_entries": JournalEntry.objects.filter(
            author=person, alliance_id__in=shared_ids
        ).count(),
        "contributions": Contribution.objects.filter(
            Q(giver__person=person) | Q(receiver__person=person), alliance_id__in=shared_ids
        ).count(),
    }
