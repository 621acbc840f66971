"""Writes for "Mijn gegevens": consent, downloads, a new e-mail address, deleting the account.

Every write here concerns the person themself (``by`` must be the person): nobody changes
someone else's consent, downloads someone else's data or deletes someone else's account.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from bondgenoot.accounts.models import User
from bondgenoot.alliances.models import (
    Alliance,
    Contribution,
    Invitation,
    JournalEntry,
    JournalEntryRevision,
    Party,
)
from bondgenoot.core.errors import NotAllowed, ServiceError
from bondgenoot.core.models import InvitationStatus
from bondgenoot.core.services import notify
from bondgenoot.people.models import (
    Membership,
    MembershipRole,
    Organisation,
    OrganisationInvitation,
    Person,
)

from . import exports, sections
from .models import Consent, ConsentChange, DataExport, ExportFormat, Purpose
from .selectors import (
    alliances_shared_and_own,
    my_data,
    organisations_needing_another_coordinator,
)


def _require_self(person: Person, by: Person) -> None:
    if by.pk != person.pk:
        raise NotAllowed


# Consent ---------------------------------------------------------------------------------------


@transaction.atomic
def consent_set(*, person: Person, by: Person, purpose: str, given: bool) -> bool:
    """Give or withdraw consent for one purpose. Takes effect at once everywhere (every reader
    asks ``selectors.has_consent``/``persons_with_consent``). Each change is kept in the
    append-only history. Returns False when nothing changed."""
    _require_self(person, by)
    if purpose not in Purpose.values:
        raise ValueError(f"Unknown purpose: {purpose}")
    consent = Consent.objects.select_for_update().filter(person=person, purpose=purpose).first()
    if (consent.given if consent is not None else False) == given:
        return False  # no answer counts as "no": saying no again changes nothing
    if consent is None:
        consent = Consent(person=person, purpose=purpose)
    consent.given = given
    consent.full_clean()
    consent.save()
    change = ConsentChange(person=person, purpose=purpose, given=given, changed_by=by)
    change.full_clean()
    change.save()
    return True


@transaction.atomic
def consents_update(*, person: Person, by: Person, answers: Mapping[str, bool]) -> list[str]:
    """Set several purposes at once (the consent page). Returns the purposes that changed."""
    return [
        purpose
        for purpose, given in answers.items()
        if consent_set(person=person, by=by, purpose=purpose, given=given)
    ]


# Downloads -------------------------------------------------------------------------------------


@dataclass
class Download:
    content: bytes
    filename: str
    content_type: str


def data_export_make(*, person: Person, by: Person, format: str) -> Download:
    """Make a download of everything about this person, and record that it was made.

    The data is read and the file rendered first, without writing anything; only then the
    "download made" record is written, in its own short transaction. If anything fails on the
    way, nothing is recorded and no file is handed out.
    """
    _require_self(person, by)
    if format not in ExportFormat.values:
        raise ValueError(f"Unknown format: {format}")
    data = my_data(person)
    content, content_type = exports.render(data, format)
    with transaction.atomic():
        record = DataExport(person=person, format=format)
        record.full_clean()
        record.save()
    day = timezone.localdate().isoformat()
    return Download(
        content=content, filename=f"mijn-gegevens-{day}.{format}", content_type=content_type
    )


# A new e-mail address --------------------------------------------------------------------------


def email_change_check(*, user: User, new_email: str) -> str:
    """The new address, normalised; refuses one that is in use or unchanged."""
    new_email = User.objects.normalize_email(new_email.strip()).lower()
    if new_email == user.email.lower():
        raise ServiceError({"email": _("This is already your e-mail address.")})
    if User.objects.filter(email__iexact=new_email).exclude(pk=user.pk).exists():
        raise ServiceError({"email": _("There is already an account with this e-mail address.")})
    return new_email


@transaction.atomic
def email_change(*, user: User, new_email: str) -> User:
    """Change the address one logs in with. The old address is told, in case it was not you."""
    user = User.objects.select_for_update().get(pk=user.pk)
    new_email = email_change_check(user=user, new_email=new_email)
    old_email = user.email
    user.email = new_email
    user.full_clean(exclude=["password"])
    user.save(update_fields=["email"])
    body = render_to_string(
        "privacy/email/email_changed.txt", {"new_email": new_email, "old_email": old_email}
    )
    subject = _("Your e-mail address on Bondgenoot has been changed")
    transaction.on_commit(
        lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [old_email])
    )
    return user


def email_change_link_send(*, user: User, new_email: str, link: str) -> None:
    """Accounts without a password: the new address is confirmed by a link sent to it."""
    body = render_to_string(
        "privacy/email/email_change_link.txt",
        {"link": link, "minutes": settings.PRIVACY_LINK_TIMEOUT // 60},
    )
    send_mail(
        _("Confirm your new e-mail address for Bondgenoot"),
        body,
        settings.DEFAULT_FROM_EMAIL,
        [new_email],
    )


def reauth_link_send(*, user: User, link: str) -> None:
    body = render_to_string(
        "privacy/email/reauth_link.txt",
        {"link": link, "minutes": settings.PRIVACY_LINK_TIMEOUT // 60},
    )
    send_mail(
        _("Confirm that it is you: your link for Bondgenoot"),
        body,
        settings.DEFAULT_FROM_EMAIL,
        [user.email],
    )


# Deleting the account --------------------------------------------------------------------------


@dataclass
class AccountDeleted:
    name: str
    kept_history: bool
    shared_alliances: int = 0
    own_alliances_removed: int = 0
    told: list[int] = field(default_factory=list)  # ids of the people who got a notice


def _others_to_tell(person: Person, alliance_ids: set[int]) -> dict[int, set[Person]]:
    """Per alliance the other active parties: people, and coordinators of organisations."""
    others: dict[int, set[Person]] = {alliance_id: set() for alliance_id in alliance_ids}
    org_parties: dict[int, list[int]] = {}
    for party in (
        Party.objects.filter(alliance_id__in=alliance_ids, left_on__isnull=True)
        .exclude(person=person)
        .select_related("person")
    ):
        if party.person is not None:
            others[party.alliance_id].add(party.person)
        elif party.organisation_id is not None:
            org_parties.setdefault(party.organisation_id, []).append(party.alliance_id)
    if org_parties:
        for membership in (
            Membership.objects.filter(
                organisation_id__in=org_parties, role=MembershipRole.COORDINATOR
            )
            .exclude(person=person)
            .select_related("person")
        ):
            for alliance_id in org_parties[membership.organisation_id]:
                others[alliance_id].add(membership.person)
    return others


def _leave_history(parties: list[Party]) -> None:
    """Option b: what you wrote and gave stays, as "een oud-deelnemer" (journal authors become
    empty when the person is deleted; the parties lose their person and role)."""
    Party.objects.filter(pk__in=[p.pk for p in parties]).update(
        person=None,
        role="",
        left_on=Coalesce(F("left_on"), timezone.localdate()),
        updated_at=timezone.now(),
    )


def _remove_history(person: Person, parties: list[Party]) -> None:
    """Option a: your journal entries (with their earlier versions) and everything you gave
    or received go, and so does your place in the list of parties."""
    party_ids = [p.pk for p in parties]
    JournalEntry.objects.filter(author=person).delete()
    JournalEntryRevision.objects.filter(written_by=person).delete()
    Contribution.objects.filter(Q(giver_id__in=party_ids) | Q(receiver_id__in=party_ids)).delete()
    Party.objects.filter(pk__in=party_ids).delete()


def _forget_address_in_invitations(email: str) -> None:
    """Answered or closed invitations to this address no longer need it. Open ones keep it:
    an invitation bound to an address must not become usable by anyone."""
    for model in (Invitation, OrganisationInvitation):
        model.objects.filter(email__iexact=email).exclude(status=InvitationStatus.OPEN).update(
            email=""
        )


def _tell_others(
    name: str, others: dict[int, set[Person]], names: dict[int, str], *, kept: bool
) -> list[int]:
    told: list[int] = []
    former = _("a former participant")  # the same words the alliance pages show
    for alliance_id, people in others.items():
        if not people:
            continue
        if kept:
            text = _(
                "%(name)s has deleted their account. What %(name)s wrote and gave stays in "
                "%(alliance)s, as '%(former)s'."
            )
        else:
            text = _(
                "%(name)s has deleted their account, together with what %(name)s wrote and "
                "gave in %(alliance)s."
            )
        ordered: list[Person] = sorted(people, key=lambda p: p.pk)
        notify(
            people=ordered,
            text=text % {"name": name, "alliance": names[alliance_id], "former": former},
            link=reverse("alliances:detail", args=[alliance_id]),
        )
        told.extend(p.pk for p in people)
    return told


@transaction.atomic
def account_delete(*, person: Person, by: Person, keep_history: bool) -> AccountDeleted:
    """Delete an account with the profile and everything personal, in one transaction.

    ``keep_history`` is the person's choice for the alliances they shared with others: keep
    what they wrote and gave as "een oud-deelnemer" (True) or remove it too (False). Alliances
    that were theirs alone go completely. The other parties of each shared alliance get a
    notice. The last coordinator of an organisation is refused: someone must take over first.
    """
    _require_self(person, by)
    person = Person.objects.select_for_update().select_related("user").get(pk=person.pk)
    coordinated = Membership.objects.filter(
        person=person, role=MembershipRole.COORDINATOR
    ).values_list("organisation_id", flat=True)
    # Lock the organisations, so two coordinators cannot both leave at the same moment.
    list(Organisation.objects.select_for_update().filter(pk__in=list(coordinated)).order_by("pk"))
    blocking = organisations_needing_another_coordinator(person)
    if blocking:
        raise ServiceError(
            _(
                "You are the only coordinator of %(names)s. Make someone else coordinator "
                "first; then you can delete your account."
            )
            % {"names": ", ".join(o.name for o in blocking)}
        )

    sections.before_account_delete(person)  # e.g. frozen report versions with their story
    parties = list(Party.objects.filter(person=person).select_related("alliance"))
    shared_ids, own_ids = alliances_shared_and_own(person)
    names = {p.alliance_id: p.alliance.name for p in parties}
    others = _others_to_tell(person, shared_ids)

    if own_ids:  # nobody else ever took part: the whole alliance is this person's data
        Contribution.objects.filter(alliance_id__in=own_ids).delete()
        Alliance.objects.filter(pk__in=own_ids).delete()
    shared = [p for p in parties if p.alliance_id in shared_ids]
    if keep_history:
        _leave_history(shared)
    else:
        _remove_history(person, shared)
    _forget_address_in_invitations(person.user.email)
    told = _tell_others(person.display_name, others, names, kept=keep_history)

    # The account goes, and with it (by the database's CASCADE) the profile, tag links,
    # memberships, consents and their history, notices, downloads and the access log about
    # this person. Journal authors, revision writers and "recorded by" become empty.
    person.user.delete()
    return AccountDeleted(
        name=person.display_name,
        kept_history=keep_history,
        shared_alliances=len(shared_ids),
        own_alliances_removed=len(own_ids),
        told=sorted(set(told)),
    )
