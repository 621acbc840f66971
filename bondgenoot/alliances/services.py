"""Writes for alliances: starting, joining, the journal and reciprocity.

Each service checks the rule it enforces itself (views also check first, for a kind 403/404),
runs in one transaction and validates before saving.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Case, Q, QuerySet, Value, When
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from bondgenoot.core.errors import NotAllowed, ServiceError, StaleVersion
from bondgenoot.core.invitations import (
    invitation_check_usable,
    invitation_close,
    invitation_prepare,
    send_invitation_mail,
)
from bondgenoot.core.models import TOO_LONG, InvitationStatus
from bondgenoot.core.services import notify
from bondgenoot.people.models import Membership, MembershipRole, Organisation, Person

from .models import (
    ERASED_TEXT,
    Alliance,
    AllianceStatus,
    Contribution,
    ContributionKind,
    Invitation,
    JournalEntry,
    JournalEntryRevision,
    Party,
    RevisionKind,
    SensitiveTopic,
)
from .permissions import can_remove_party, parties_acting_for


def _not_in_future(day: datetime.date | None, field: str) -> None:
    if day is not None and day > timezone.localdate():
        raise ServiceError(
            {field: _("This date is in the future. Write down what already happened.")}
        )


def _require_party(alliance: Alliance, person: Person) -> None:
    if not parties_acting_for(person).filter(alliance=alliance).exists():
        raise NotAllowed


def _require_not_archived(alliance: Alliance) -> None:
    """An archived alliance can be read, but nothing can be added to it or changed in it."""
    if alliance.archived_on is not None:
        raise ServiceError(
            _(
                "This alliance is archived. You can still read it, but nothing can be added "
                "or changed."
            )
        )


def _require_not_ended(alliance: Alliance) -> None:
    if alliance.status == AllianceStatus.ENDED:
        raise ServiceError(_("This alliance has ended; nobody can join it any more."))


def _sensitivity(is_sensitive: bool, topics: Iterable[str]) -> tuple[bool, list[str]]:
    """The writer's own marking. Choosing a topic marks the entry as sensitive."""
    chosen = set(topics)
    if chosen - set(SensitiveTopic.values):
        raise ServiceError({"sensitive_topics": _("Choose topics from the list.")})
    is_sensitive = is_sensitive or bool(chosen)
    return is_sensitive, [t for t in SensitiveTopic.values if t in chosen] if is_sensitive else []


def _coordinates(person: Person, organisation: Organisation) -> bool:
    return Membership.objects.filter(
        organisation=organisation, person=person, role=MembershipRole.COORDINATOR
    ).exists()


@transaction.atomic
def alliance_start(
    *,
    by: Person,
    name: str,
    intention: str,
    way_of_working: str = "",
    role: str = "",
    started_on: datetime.date | None = None,
    organisation: Organisation | None = None,
) -> Alliance:
    """Start an alliance; the starter is its first party (and their organisation, if chosen)."""
    alliance = Alliance(
        name=name.strip(),
        intention=intention,
        way_of_working=way_of_working,
        started_on=started_on or timezone.localdate(),
        created_by=by,
    )
    alliance.full_clean()
    alliance.save()
    _party_add(alliance=alliance, person=by, role=role, joined_on=alliance.started_on)
    if organisation is not None:
        if not _coordinates(by, organisation):
            raise NotAllowed
        _party_add(alliance=alliance, organisation=organisation, joined_on=alliance.started_on)
    return alliance


def _party_add(
    *,
    alliance: Alliance,
    person: Person | None = None,
    organisation: Organisation | None = None,
    role: str = "",
    joined_on: datetime.date | None = None,
) -> Party:
    existing = Party.objects.filter(alliance=alliance, person=person, organisation=organisation)
    party = existing.first()
    if party is not None:
        if party.left_on is None:
            raise ServiceError(_("This party already takes part in this alliance."))
        party.left_on = None  # welcome back: earlier entries and contributions stay theirs
        party.role = role or party.role
    else:
        party = Party(alliance=alliance, person=person, organisation=organisation, role=role)
    party.joined_on = joined_on or timezone.localdate()
    party.full_clean()
    party.save()
    return party


@transaction.atomic
def alliance_update(*, alliance: Alliance, by: Person, **changes: Any) -> Alliance:
    _require_party(alliance, by)
    _require_not_archived(alliance)
    for key in ("name", "intention", "way_of_working", "status", "started_on", "ended_on"):
        if key in changes:
            setattr(alliance, key, changes[key])
    if alliance.status == AllianceStatus.ENDED and alliance.ended_on is None:
        alliance.ended_on = timezone.localdate()
    if alliance.status != AllianceStatus.ENDED:
        alliance.ended_on = None
    alliance.full_clean()
    alliance.save()
    return alliance


@transaction.atomic
def party_update_role(*, party: Party, by: Person, role: str) -> Party:
    """Everyone describes their own role; a coordinator does it for their organisation."""
    allowed = party.person_id == by.pk or (
        party.organisation is not None and _coordinates(by, party.organisation)
    )
    if not allowed:
        raise NotAllowed
    _require_not_archived(party.alliance)
    party.role = role
    party.full_clean()
    party.save()
    return party


@transaction.atomic
def party_leave(*, party: Party, by: Person) -> None:
    """Leave an alliance. What you wrote and gave stays part of its shared history.

    Access ends at once: the open invitations made by whoever no longer takes part stop working.
    """
    allowed = party.person_id == by.pk or (
        party.organisation is not None and _coordinates(by, party.organisation)
    )
    if not allowed:
        raise NotAllowed
    if party.left_on is not None:
        raise ServiceError(_("This party has already left."))
    party.left_on = timezone.localdate()
    party.save(update_fields=["left_on", "updated_at"])
    invitations_withdraw_without_access(alliance=party.alliance)


REMOVAL_REASON_MAX = 300


@transaction.atomic
def party_remove(*, party: Party, by: Person, reason: str) -> None:
    """A party that takes part as a person removes another party (a person or an
    organisation), with a short reason. Parties are equal: nobody owns an alliance, so anyone
    may do this, and everyone is told, with the reason.

    Like leaving: the party gets ``left_on``, what it wrote and gave stays in the shared
    history, and its access ends at once (also for an open session: every page checks again),
    with the invitation links that only it could still stand behind.
    """
    party = (
        Party.objects.select_for_update(of=("self",))
        .select_related("alliance", "person", "organisation")
        .get(pk=party.pk)
    )
    _require_not_archived(party.alliance)
    if not can_remove_party(by.user, party):
        raise NotAllowed
    reason = " ".join(reason.split())
    if not reason:
        raise ServiceError({"reason": _("Write down why, in a few words.")})
    if len(reason) > REMOVAL_REASON_MAX:
        raise ServiceError(
            {"reason": TOO_LONG % {"limit_value": REMOVAL_REASON_MAX, "show_value": len(reason)}}
        )
    party.left_on = timezone.localdate()
    party.save(update_fields=["left_on", "updated_at"])
    invitations_withdraw_without_access(alliance=party.alliance)
    _tell_about_removal(party, by=by, reason=reason)


def _people_of_party(party: Party) -> list[Person]:
    """Who reads the notices of a party: the person, or the coordinators of the organisation."""
    if party.person is not None:
        return [party.person]
    if party.organisation_id is None:
        return []
    return list(
        Person.objects.filter(
            memberships__organisation_id=party.organisation_id,
            memberships__role=MembershipRole.COORDINATOR,
        ).order_by("pk")
    )


def _tell_about_removal(party: Party, *, by: Person, reason: str) -> None:
    alliance = party.alliance
    values = {"by": by.display_name, "name": party.name, "alliance": alliance.name}
    removed = _people_of_party(party)
    if party.person is not None:
        text = _("%(by)s has removed you from %(alliance)s. The reason: %(reason)s")
    else:
        text = _("%(by)s has removed %(name)s from %(alliance)s. The reason: %(reason)s")
    notify(people=removed, text=text % {**values, "reason": reason})
    told = {p.pk for p in removed} | {by.pk}
    others: list[Person] = []
    for other in active_parties_of(alliance):
        for person in _people_of_party(other):
            if person.pk not in told:
                told.add(person.pk)
                others.append(person)
    notify(
        people=others,
        text=_("%(by)s has removed %(name)s from %(alliance)s. The reason: %(reason)s")
        % {**values, "reason": reason},
        link=reverse("alliances:detail", args=[alliance.pk]),
    )


def active_parties_of(alliance: Alliance) -> QuerySet[Party]:
    return (
        Party.objects.filter(alliance=alliance, left_on__isnull=True)
        .select_related("person", "organisation")
        .order_by("pk")
    )


def invitations_withdraw_without_access(
    *, alliance: Alliance | None = None, created_by: Person | None = None
) -> int:
    """Withdraw the open invitations whose maker no longer takes part in their alliance (as
    themself, or as coordinator of an organisation that takes part), so a link they shared stops
    working at once. Limited to one alliance and/or one maker. Returns how many.

    Called after leaving, removal, the end of a membership and a coordinator becoming a plain
    member. Someone who still takes part through another route keeps their invitations.
    """
    invitations = Invitation.objects.filter(
        status=InvitationStatus.OPEN, created_by__isnull=False
    ).select_related("created_by")
    if alliance is not None:
        invitations = invitations.filter(alliance=alliance)
    if created_by is not None:
        invitations = invitations.filter(created_by=created_by)
    still_in: dict[int, set[int]] = {}
    withdrawn = 0
    for invitation in invitations.select_for_update(of=("self",)):
        maker = invitation.created_by
        if maker is None:  # filtered out above; for the type checker
            continue
        if maker.pk not in still_in:
            still_in[maker.pk] = set(
                parties_acting_for(maker).values_list("alliance_id", flat=True)
            )
        if invitation.alliance_id in still_in[maker.pk]:
            continue
        invitation_close(invitation, status=InvitationStatus.WITHDRAWN)
        invitation.save(update_fields=["status", "responded_at", "updated_at"])
        withdrawn += 1
    return withdrawn


@transaction.atomic
def organisation_join_alliance(
    *, alliance: Alliance, organisation: Organisation, by: Person
) -> Party:
    """A coordinator who is a party adds their organisation as a party."""
    _require_party(alliance, by)
    _require_not_archived(alliance)
    if not _coordinates(by, organisation):
        raise NotAllowed
    return _party_add(alliance=alliance, organisation=organisation)


# Invitations ---------------------------------------------------------------------------------


@transaction.atomic
def invitation_create(
    *, alliance: Alliance, by: Person, email: str = "", message: str = ""
) -> tuple[Invitation, str]:
    """Make an invitation link. Returns the invitation and the secret for the link."""
    _require_party(alliance, by)
    _require_not_archived(alliance)
    _require_not_ended(alliance)
    invitation = Invitation(
        alliance=alliance, created_by=by, email=email.strip().lower(), message=message
    )
    secret = invitation_prepare(invitation)
    invitation.full_clean()
    invitation.save()
    return invitation, secret


def invitation_mail(invitation: Invitation, *, link: str) -> None:
    if invitation.email:
        body = render_to_string(
            "alliances/email/invitation.txt", {"invitation": invitation, "link": link}
        )
        subject = _("%(name)s invites you to an alliance") % {
            "name": invitation.created_by or _("Someone")
        }
        send_invitation_mail(to=invitation.email, subject=subject, body=body)


def invitation_problem(invitation: Invitation, person: Person) -> str | None:
    """Why this person cannot accept this invitation now, or None: shown on the invitation page
    instead of the buttons. The same checks as ``invitation_accept``."""
    try:
        invitation_check_usable(invitation, email=person.user.email)
        _require_not_archived(invitation.alliance)
        _require_not_ended(invitation.alliance)
    except ServiceError as error:
        return str(error.messages[0])
    return None


@transaction.atomic
def invitation_accept(*, invitation: Invitation, person: Person, role: str = "") -> Party:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    invitation_check_usable(invitation, email=person.user.email)
    _require_not_archived(invitation.alliance)
    _require_not_ended(invitation.alliance)
    if Party.objects.filter(
        alliance=invitation.alliance, person=person, left_on__isnull=True
    ).exists():
        raise ServiceError(_("You already take part in this alliance."))
    invitation_close(invitation, status=InvitationStatus.ACCEPTED)
    invitation.responded_by = person
    invitation.save()
    return _party_add(alliance=invitation.alliance, person=person, role=role)


@transaction.atomic
def invitation_decline(*, invitation: Invitation, person: Person) -> None:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    invitation_check_usable(invitation, email=person.user.email)
    invitation_close(invitation, status=InvitationStatus.DECLINED)
    invitation.responded_by = person
    invitation.save()


@transaction.atomic
def invitation_withdraw(*, invitation: Invitation, by: Person) -> None:
    _require_party(invitation.alliance, by)
    if invitation.status != InvitationStatus.OPEN:
        raise ServiceError(_("Only an open invitation can be withdrawn."))
    invitation_close(invitation, status=InvitationStatus.WITHDRAWN)
    invitation.save()


# Journal -------------------------------------------------------------------------------------


@transaction.atomic
def journal_entry_add(
    *,
    alliance: Alliance,
    author: Person,
    what_happened: str,
    what_we_learned: str = "",
    what_next: str = "",
    occurred_on: datetime.date | None = None,
    is_milestone: bool = False,
    is_sensitive: bool = False,
    sensitive_topics: Iterable[str] = (),
) -> JournalEntry:
    """Write in the journal. The writer marks the entry as sensitive themself (never inferred):
    every later look by someone else is then recorded for them ("Wie keek er mee")."""
    _require_party(alliance, author)
    _require_not_archived(alliance)
    _not_in_future(occurred_on, "occurred_on")
    is_sensitive, topics = _sensitivity(is_sensitive, sensitive_topics)
    entry = JournalEntry(
        alliance=alliance,
        author=author,
        what_happened=what_happened,
        what_we_learned=what_we_learned,
        what_next=what_next,
        occurred_on=occurred_on or timezone.localdate(),
        is_milestone=is_milestone,
        milestone_marked_by=author if is_milestone else None,
        is_sensitive=is_sensitive,
        sensitive_topics=topics,
    )
    entry.full_clean()
    entry.save()
    return entry


def _keep_text(
    entry: JournalEntry,
    *,
    kind: str,
    by: Person | None,
    marking: tuple[bool, list[str]] | None = None,
    **texts: str,
) -> None:
    is_sensitive, topics = marking or (entry.is_sensitive, entry.sensitive_topics)
    JournalEntryRevision.objects.create(
        entry=entry,
        version=entry.version,
        kind=kind,
        what_happened=texts.get("what_happened", entry.what_happened),
        what_we_learned=texts.get("what_we_learned", entry.what_we_learned),
        what_next=texts.get("what_next", entry.what_next),
        written_by=by,
        is_sensitive=is_sensitive,
        sensitive_topics=topics,
        erased_on=entry.erased_on,
    )


def journal_entry_edit(
    *,
    entry: JournalEntry,
    by: Person,
    expected_version: int,
    what_happened: str,
    what_we_learned: str = "",
    what_next: str = "",
    occurred_on: datetime.date | None = None,
    is_sensitive: bool | None = None,
    sensitive_topics: Iterable[str] | None = None,
) -> JournalEntry:
    """Change an entry. The old text is kept as an earlier version, with its own marking.

    ``is_sensitive``/``sensitive_topics``: None keeps the current marking.

    If the entry changed since the form was opened, nothing is overwritten: the new text is
    kept as a version "written at the same time" and StaleVersion is raised with the current
    entry, so the writer can compare both texts and decide.
    """
    texts = {
        "what_happened": what_happened,
        "what_we_learned": what_we_learned,
        "what_next": what_next,
    }
    with transaction.atomic():
        current = JournalEntry.objects.select_for_update().get(pk=entry.pk)
        if current.author_id != by.pk:
            raise NotAllowed
        _require_party(current.alliance, by)
        _require_not_archived(current.alliance)
        _not_in_future(occurred_on, "occurred_on")
        marking = _sensitivity(
            current.is_sensitive if is_sensitive is None else is_sensitive,
            current.sensitive_topics if sensitive_topics is None else sensitive_topics,
        )
        if current.version != expected_version:
            _keep_text(current, kind=RevisionKind.CONFLICT, by=by, marking=marking, **texts)
            stale = True
        else:
            stale = False
            _keep_text(current, kind=RevisionKind.EARLIER, by=by)
            for key, value in texts.items():
                setattr(current, key, value)
            current.is_sensitive, current.sensitive_topics = marking
            current.occurred_on = occurred_on or current.occurred_on
            current.version += 1
            current.full_clean()  # a refusal rolls the kept text back too
            current.save()
    if stale:
        raise StaleVersion(current)
    return current


@transaction.atomic
def journal_entry_set_milestone(
    *, entry: JournalEntry, by: Person, is_milestone: bool
) -> JournalEntry:
    _require_party(entry.alliance, by)
    _require_not_archived(entry.alliance)
    entry.is_milestone = is_milestone
    entry.milestone_marked_by = by if is_milestone else None
    entry.save(update_fields=["is_milestone", "milestone_marked_by", "updated_at"])
    return entry


@transaction.atomic
def journal_entry_delete(*, entry: JournalEntry, by: Person) -> None:
    """The author may take back what they wrote, with all its earlier versions (also in an
    archived alliance: your own words are yours to take back)."""
    if entry.author_id != by.pk:
        raise NotAllowed
    _require_party(entry.alliance, by)
    entry.delete()


# Reciprocity ---------------------------------------------------------------------------------


@transaction.atomic
def contribution_add(
    *,
    alliance: Alliance,
    by: Person,
    giver: Party,
    receiver: Party,
    kind: str,
    description: str,
    hours: Decimal | None = None,
    euros: Decimal | None = None,
    given_on: datetime.date | None = None,
) -> Contribution:
    """Record that one party gave something to another. Every party may record."""
    _require_party(alliance, by)
    _require_not_archived(alliance)
    _not_in_future(given_on, "given_on")
    for party in (giver, receiver):
        if party.alliance_id != alliance.pk or party.left_on is not None:
            raise ServiceError(_("Choose parties that take part in this alliance."))
    if kind == ContributionKind.MONEY and not euros:
        raise ServiceError(_("Fill in how many euros were given."))
    contribution = Contribution(
        alliance=alliance,
        giver=giver,
        receiver=receiver,
        kind=kind,
        description=description,
        hours=hours,
        euros=euros,
        given_on=given_on or timezone.localdate(),
        recorded_by=by,
    )
    contribution.full_clean()
    contribution.save()
    return contribution


@transaction.atomic
def contribution_delete(*, contribution: Contribution, by: Person) -> None:
    if contribution.recorded_by_id != by.pk:
        raise NotAllowed
    _require_party(contribution.alliance, by)
    _require_not_archived(contribution.alliance)
    contribution.delete()


# Retention -----------------------------------------------------------------------------------


@dataclass
class RetentionStep:
    """What the retention did (or, in a dry run, would do) to one alliance."""

    alliance_id: int
    ended_on: datetime.date
    archived: bool = False
    entries_erased: int = 0
    revisions_erased: int = 0
    error: str = ""


def _days(name: str, default: int) -> datetime.timedelta:
    return datetime.timedelta(days=int(getattr(settings, name, default)))


def retention_due(today: datetime.date) -> tuple[QuerySet[Alliance], QuerySet[Alliance]]:
    """(to archive, to erase): ended alliances past each period and not yet done."""
    ended = Alliance.objects.filter(status=AllianceStatus.ENDED, ended_on__isnull=False)
    to_archive = ended.filter(
        archived_on__isnull=True,
        ended_on__lte=today - _days("RETENTION_ARCHIVE_AFTER_DAYS", 365),
    )
    to_erase = ended.filter(
        sensitive_erased_on__isnull=True,
        ended_on__lte=today - _days("RETENTION_ERASE_SENSITIVE_AFTER_DAYS", 730),
    )
    return to_archive.order_by("pk"), to_erase.order_by("pk")


def _sensitive_texts(alliance: Alliance) -> tuple[QuerySet[JournalEntry], QuerySet[Any]]:
    entries = JournalEntry.objects.filter(
        alliance=alliance, is_sensitive=True, erased_on__isnull=True
    )
    revisions = JournalEntryRevision.objects.filter(
        Q(entry__is_sensitive=True) | Q(is_sensitive=True),
        entry__alliance=alliance,
        erased_on__isnull=True,
    )
    return entries, revisions


def _erased(field: str) -> Case:
    """The placeholder where there was text; an empty optional field stays empty."""
    return Case(When(**{field: ""}, then=Value("")), default=Value(ERASED_TEXT))


def alliance_archive(*, alliance: Alliance, today: datetime.date) -> bool:
    """Archive an ended alliance: from now on it can be read, not changed. Open invitations are
    withdrawn. Returns False when it was archived already (safe to call again)."""
    with transaction.atomic():
        locked = Alliance.objects.select_for_update().get(pk=alliance.pk)
        if locked.archived_on is not None:
            return False
        locked.archived_on = today
        locked.save(update_fields=["archived_on", "updated_at"])
        for invitation in locked.invitations.filter(status=InvitationStatus.OPEN):
            invitation_close(invitation, status=InvitationStatus.WITHDRAWN)
            invitation.save()
    alliance.archived_on = today
    return True


@transaction.atomic
def alliance_erase_sensitive(*, alliance: Alliance, today: datetime.date) -> tuple[int, int]:
    """Replace the texts of the sensitive entries of an alliance, and all their earlier texts,
    by a placeholder; their topics go too, the marking "sensitive" stays. Archives the alliance
    first if needed. Returns (entries, earlier versions) erased; (0, 0) when done already."""
    alliance_archive(alliance=alliance, today=today)
    locked = Alliance.objects.select_for_update().get(pk=alliance.pk)
    if locked.sensitive_erased_on is not None:
        return 0, 0
    entries, revisions = _sensitive_texts(locked)
    texts = {
        "what_happened": Value(ERASED_TEXT),
        "what_we_learned": _erased("what_we_learned"),
        "what_next": _erased("what_next"),
        "sensitive_topics": [],
        "erased_on": today,
        "updated_at": timezone.now(),
    }
    # Revisions first: which ones follows from the entries' marking (which stays anyway).
    revision_count = JournalEntryRevision.objects.filter(
        pk__in=list(revisions.values_list("pk", flat=True))
    ).update(**texts)
    entry_count = entries.update(**texts)
    locked.sensitive_erased_on = today
    locked.save(update_fields=["sensitive_erased_on", "updated_at"])
    alliance.sensitive_erased_on = today
    return entry_count, revision_count


def apply_retention(
    *, today: datetime.date | None = None, dry_run: bool = False
) -> list[RetentionStep]:
    """Archive and erase what is due, each alliance in its own transaction: a failure with one
    alliance is reported in its step and leaves that alliance as it was; the others are still
    done. Running it again the same day does nothing more."""
    today = today or timezone.localdate()
    to_archive, to_erase = retention_due(today)
    archive_ids = set(to_archive.values_list("pk", flat=True))
    erase_ids = set(to_erase.values_list("pk", flat=True))
    steps = []
    for alliance in Alliance.objects.filter(pk__in=archive_ids | erase_ids).order_by("pk"):
        step = RetentionStep(alliance.pk, alliance.ended_on or today)  # ended_on: filtered on
        steps.append(step)
        if dry_run:
            step.archived = alliance.archived_on is None
            if alliance.pk in erase_ids:
                entries, revisions = _sensitive_texts(alliance)
                step.entries_erased, step.revisions_erased = entries.count(), revisions.count()
            continue
        try:
            with transaction.atomic():
                step.archived = alliance_archive(alliance=alliance, today=today)
                if alliance.pk in erase_ids:
                    step.entries_erased, step.revisions_erased = alliance_erase_sensitive(
                        alliance=alliance, today=today
                    )
        except Exception as error:  # reported in the step; the next alliance goes on
            step.archived, step.entries_erased, step.revisions_erased = False, 0, 0
            step.error = repr(error)
    return steps
