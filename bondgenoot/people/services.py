"""Writes for people and organisations. Every rule about changing them lives here."""

from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from bondgenoot.accounts.models import User
from bondgenoot.alliances.services import invitations_withdraw_without_access
from bondgenoot.core.errors import NotAllowed, ServiceError
from bondgenoot.core.invitations import (
    invitation_check_usable,
    invitation_close,
    invitation_prepare,
    send_invitation_mail,
)
from bondgenoot.core.models import InvitationStatus

from .models import (
    Capacity,
    Membership,
    MembershipRole,
    Neighbourhood,
    Organisation,
    OrganisationInvitation,
    Person,
    Tag,
)
from .profile import FIELD_NAMES, PROFILE_FIELDS

MAX_TAGS = 15
MAX_LANGUAGES = 10


def split_words(value: str | Iterable[str], *, max_items: int, max_length: int) -> list[str]:
    """Turn 'koken, wandelen ,  koken' into ['koken', 'wandelen']; keep the person's spelling."""
    parts = value.split(",") if isinstance(value, str) else list(value)
    seen: dict[str, str] = {}
    for part in parts:
        word = " ".join(part.split())
        if word and word.casefold() not in seen:
            if len(word) > max_length:
                raise ServiceError(
                    _("'%(word)s' is too long: use at most %(max)d characters per word.")
                    % {"word": word[:20] + "…", "max": max_length}
                )
            seen[word.casefold()] = word
    if len(seen) > max_items:
        raise ServiceError(_("Use at most %(max)d words.") % {"max": max_items})
    return list(seen.values())


@transaction.atomic
def person_register(
    *,
    email: str,
    display_name: str,
    password: str | None = None,
    neighbourhood: Neighbourhood | None = None,
) -> Person:
    """Create an account and an empty profile (filled in with ``profile_update``).

    Without a password, the person logs in by a one-time e-mail link."""
    email = User.objects.normalize_email(email).lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ServiceError(_("There is already an account with this e-mail address."))
    user = User.objects.create_user(email=email, password=password)
    person = Person(user=user, display_name=display_name.strip(), neighbourhood=neighbourhood)
    person.full_clean()
    person.save()
    return person


def _set_tags(person: Person, tags: str | Iterable[str]) -> None:
    names = split_words(tags, max_items=MAX_TAGS, max_length=40)
    existing = {t.name.casefold(): t for t in Tag.objects.filter(name__in=names)}
    chosen = []
    for name in names:
        tag = existing.get(name.casefold())
        if tag is None:
            tag, _created = Tag.objects.get_or_create(name=name)
        chosen.append(tag)
    person.tags.set(chosen)


def _sensitive_fields(names: Iterable[str]) -> list[str]:
    """The person's own marking of fields as sensitive: every look by someone else at such a
    field is recorded for them ("Wie keek er mee"). Never set by anyone else."""
    chosen = set(names)
    if chosen - set(FIELD_NAMES):
        raise ServiceError(_("Choose parts of your profile."))
    return [name for name in FIELD_NAMES if name in chosen]


EDITABLE_PROFILE_ATTRS = frozenset(
    {"display_name", "neighbourhood", "capacity_note", "sensitive_fields"}
    | {f.name for f in PROFILE_FIELDS}
    | {f.visibility_attr for f in PROFILE_FIELDS}
)


@transaction.atomic
def profile_update(*, person: Person, by: Person, **changes: Any) -> Person:
    """Change one's own profile. Nobody edits someone else's words."""
    if by.pk != person.pk:
        raise NotAllowed
    unknown = set(changes) - EDITABLE_PROFILE_ATTRS
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    tags = changes.pop("tags", None)
    if "languages" in changes:
        changes["languages"] = split_words(
            changes["languages"], max_items=MAX_LANGUAGES, max_length=40
        )
    if changes.get("capacity") == "":
        changes["capacity"] = Capacity.SOME
    if "sensitive_fields" in changes:
        changes["sensitive_fields"] = _sensitive_fields(changes["sensitive_fields"])
    for key, value in changes.items():
        setattr(person, key, value)
    person.full_clean()
    person.save()
    if tags is not None:
        _set_tags(person, tags)
    return person


# Organisations -------------------------------------------------------------------------------


@transaction.atomic
def organisation_create(
    *,
    by: Person,
    name: str,
    kind: str,
    description: str = "",
    neighbourhood: Neighbourhood | None = None,
) -> Organisation:
    """Anyone can start an initiative; who starts it becomes its first coordinator."""
    organisation = Organisation(
        name=name.strip(), kind=kind, description=description, neighbourhood=neighbourhood
    )
    organisation.full_clean()
    organisation.save()
    Membership.objects.create(organisation=organisation, person=by, role=MembershipRole.COORDINATOR)
    return organisation


def _require_coordinator(organisation: Organisation, person: Person) -> None:
    if not Membership.objects.filter(
        organisation=organisation, person=person, role=MembershipRole.COORDINATOR
    ).exists():
        raise NotAllowed


@transaction.atomic
def organisation_update(*, organisation: Organisation, by: Person, **changes: Any) -> Organisation:
    _require_coordinator(organisation, by)
    for key in ("name", "kind", "description", "neighbourhood"):
        if key in changes:
            setattr(organisation, key, changes[key])
    organisation.full_clean()
    organisation.save()
    return organisation


def _coordinator_count(organisation: Organisation) -> int:
    return Membership.objects.filter(
        organisation=organisation, role=MembershipRole.COORDINATOR
    ).count()


@transaction.atomic
def membership_set_role(*, membership: Membership, by: Person, role: str) -> Membership:
    organisation = Organisation.objects.select_for_update().get(pk=membership.organisation_id)
    _require_coordinator(organisation, by)
    if (
        membership.role == MembershipRole.COORDINATOR
        and role != MembershipRole.COORDINATOR
        and _coordinator_count(organisation) <= 1
    ):
        raise ServiceError(_("An organisation needs at least one coordinator."))
    was_coordinator = membership.role == MembershipRole.COORDINATOR
    membership.role = role
    membership.full_clean()
    membership.save()
    if was_coordinator and role != MembershipRole.COORDINATOR:
        _withdraw_invitations_made_as_coordinator(membership)
    return membership


def _withdraw_invitations_made_as_coordinator(membership: Membership) -> None:
    """A coordinator who is no longer one (removed, left, or a plain member now) loses access
    at once, with the links they shared: their open invitations to the organisation, and their
    open invitations to alliances where that organisation was their only way in."""
    for invitation in OrganisationInvitation.objects.filter(
        organisation_id=membership.organisation_id,
        created_by_id=membership.person_id,
        status=InvitationStatus.OPEN,
    ):
        invitation_close(invitation, status=InvitationStatus.WITHDRAWN)
        invitation.save(update_fields=["status", "responded_at", "updated_at"])
    invitations_withdraw_without_access(created_by=membership.person)


@transaction.atomic
def membership_end(*, membership: Membership, by: Person) -> None:
    """A coordinator removes a member, or a member leaves. Access ends at once."""
    organisation = Organisation.objects.select_for_update().get(pk=membership.organisation_id)
    if membership.person_id != by.pk:
        _require_coordinator(organisation, by)
    if membership.role == MembershipRole.COORDINATOR and _coordinator_count(organisation) <= 1:
        raise ServiceError(
            _(
                "An organisation needs at least one coordinator. "
                "Make someone else coordinator first."
            )
        )
    membership.delete()
    _withdraw_invitations_made_as_coordinator(membership)


@transaction.atomic
def organisation_invitation_create(
    *, organisation: Organisation, by: Person, email: str = "", message: str = ""
) -> tuple[OrganisationInvitation, str]:
    _require_coordinator(organisation, by)
    invitation = OrganisationInvitation(
        organisation=organisation, created_by=by, email=email.strip().lower(), message=message
    )
    secret = invitation_prepare(invitation)
    invitation.full_clean()
    invitation.save()
    return invitation, secret


def organisation_invitation_mail(invitation: OrganisationInvitation, *, link: str) -> None:
    if invitation.email:
        body = render_to_string(
            "people/email/organisation_invitation.txt", {"invitation": invitation, "link": link}
        )
        subject = _("Invitation to join %(name)s") % {"name": invitation.organisation.name}
        send_invitation_mail(to=invitation.email, subject=subject, body=body)


@transaction.atomic
def organisation_invitation_accept(
    *, invitation: OrganisationInvitation, person: Person
) -> Membership:
    invitation = OrganisationInvitation.objects.select_for_update().get(pk=invitation.pk)
    invitation_check_usable(invitation, email=person.user.email)
    if Membership.objects.filter(organisation=invitation.organisation, person=person).exists():
        raise ServiceError(_("You are already a member of this organisation."))
    invitation_close(invitation, status=InvitationStatus.ACCEPTED)
    invitation.responded_by = person
    invitation.save()
    try:
        with transaction.atomic():
            return Membership.objects.create(organisation=invitation.organisation, person=person)
    except IntegrityError as error:  # pragma: no cover - guarded above, race only
        raise ServiceError(_("You are already a member of this organisation.")) from error


@transaction.atomic
def organisation_invitation_decline(*, invitation: OrganisationInvitation, person: Person) -> None:
    invitation = OrganisationInvitation.objects.select_for_update().get(pk=invitation.pk)
    invitation_check_usable(invitation, email=person.user.email)
    invitation_close(invitation, status=InvitationStatus.DECLINED)
    invitation.responded_by = person
    invitation.save()


@transaction.atomic
def organisation_invitation_withdraw(*, invitation: OrganisationInvitation, by: Person) -> None:
    _require_coordinator(invitation.organisation, by)
    if invitation.status != InvitationStatus.OPEN:
        raise ServiceError(_("Only an open invitation can be withdrawn."))
    invitation_close(invitation, status=InvitationStatus.WITHDRAWN)
    invitation.save()
