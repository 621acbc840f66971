"""Rules shared by every invitation by link (to an alliance, to an organisation)."""

import datetime
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bondgenoot.core.errors import ServiceError
from bondgenoot.core.models import InvitationBase, InvitationStatus
from bondgenoot.core.tokens import hash_link_secret, new_link_secret


def invitation_prepare(invitation: InvitationBase) -> str:
    """Give a new invitation its secret and expiry date. Returns the secret for the link."""
    secret, digest = new_link_secret()
    invitation.token_hash = digest
    invitation.expires_at = timezone.now() + datetime.timedelta(days=settings.INVITATION_VALID_DAYS)
    return secret


def invitation_digest(secret: str) -> str:
    return hash_link_secret(secret)


def invitation_check_usable(invitation: InvitationBase, *, email: str) -> None:
    """Raise a clear message when this invitation cannot be used by this person (now)."""
    if invitation.status == InvitationStatus.WITHDRAWN:
        raise ServiceError(_("This invitation was withdrawn. Ask for a new one if you like."))
    if invitation.status != InvitationStatus.OPEN:
        raise ServiceError(_("This invitation has already been used. A link works only once."))
    if invitation.expires_at <= timezone.now():
        raise ServiceError(_("This invitation has expired. Ask for a new one."))
    if invitation.email and invitation.email.lower() != email.lower():
        raise ServiceError(
            _(
                "This invitation is meant for someone else. Log in with the e-mail address "
                "the invitation was sent to, or ask for a new invitation."
            )
        )


def invitation_problem(invitation: InvitationBase, person: Any) -> str | None:
    """Why this person cannot use the invitation now, or None. For showing before they answer."""
    try:
        invitation_check_usable(invitation, email=person.user.email)
    except ServiceError as error:
        return str(error.messages[0])
    return None


def invitation_close(invitation: InvitationBase, *, status: str) -> None:
    invitation.status = status
    invitation.responded_at = timezone.now()


def send_invitation_mail(*, to: str, subject: str, body: str) -> None:
    """Send after the transaction commits, so nobody is invited to something that failed."""
    transaction.on_commit(
        lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to], fail_silently=False)
    )
