"""Writes for personal tokens of the JSON API, and finding the person behind a token."""

import datetime
import secrets
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bondgenoot.accounts.twofactor import two_factor_required
from bondgenoot.core.errors import NotAllowed, ServiceError
from bondgenoot.core.tokens import hash_link_secret
from bondgenoot.people.models import Person

from .models import PersonalToken

# Recognisable for secret scanners; the rest is 256 random bits.
TOKEN_PREFIX = "bgt_"  # noqa: S105 (a prefix, not a secret)
# How long a token may be valid (days); None: until revoked.
VALIDITY_CHOICES: tuple[int | None, ...] = (30, 90, 365, None)
# At most this many tokens that still work, per person.
MAX_USABLE_TOKENS = 20
# "Last used" is written at most once a minute, so a busy script does not write on every call.
LAST_USED_RESOLUTION = datetime.timedelta(minutes=1)


def tokens_allowed(user: Any) -> bool:
    """Coordinators and site administrators who must use two-step verification get tokens only
    after they turned it on (``accounts.twofactor.two_factor_required``)."""
    return not two_factor_required(user) or bool(getattr(user, "has_two_factor", False))


@transaction.atomic
def token_create(
    *, person: Person, by: Person, name: str, valid_days: int | None
) -> tuple[PersonalToken, str]:
    """Make a token for one's own account. Returns the token and its secret (shown once)."""
    if by.pk != person.pk:
        raise NotAllowed
    if not tokens_allowed(person.user):
        raise ServiceError(
            _("Turn on two-step verification first. Then you can make a personal token.")
        )
    if valid_days not in VALIDITY_CHOICES:
        raise ServiceError({"valid_days": _("Choose how long the token stays valid.")})
    usable = (
        PersonalToken.objects.select_for_update()
        .filter(person=person, revoked_at__isnull=True)
        .exclude(expires_at__lte=timezone.now())
    )
    if len(list(usable)) >= MAX_USABLE_TOKENS:
        raise ServiceError(
            _("You have %(max)d tokens that still work. Revoke one you no longer use first.")
            % {"max": MAX_USABLE_TOKENS}
        )
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = PersonalToken(
        person=person,
        name=" ".join(name.split()),
        token_hash=hash_link_secret(secret),
        expires_at=timezone.now() + datetime.timedelta(days=valid_days) if valid_days else None,
    )
    token.full_clean()
    token.save()
    return token, secret


@transaction.atomic
def token_revoke(*, token: PersonalToken, by: Person) -> None:
    """Revoke one's own token; it stops working at once. Revoking twice changes nothing."""
    if token.person_id != by.pk:
        raise NotAllowed
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at", "updated_at"])


@transaction.atomic
def tokens_revoke_all(*, user: Any) -> int:
    """Revoke every token of this account that is not revoked yet: when the person logs out on
    all other devices, or their password changes (``accounts.services``). Returns how many."""
    now = timezone.now()
    return PersonalToken.objects.filter(person__user=user, revoked_at__isnull=True).update(
        revoked_at=now, updated_at=now
    )


def token_owner(secret: str) -> tuple[PersonalToken | None, str]:
    """The token behind a secret, if it works, with why not otherwise ("" when it works).

    Reasons: "unknown" (no such token, revoked or expired: the caller says the same for all
    three), "inactive" (the account is switched off), "two_factor" (two-step verification is
    required and not on). Records the last use (at most once a minute).
    """
    if not secret or len(secret) > 200:
        return None, "unknown"
    token = (
        PersonalToken.objects.select_related("person__user")
        .filter(token_hash=hash_link_secret(secret))
        .first()
    )
    if token is None or not token.is_usable:
        return None, "unknown"
    user = token.person.user
    if not user.is_active:
        return None, "inactive"
    if not tokens_allowed(user):
        return None, "two_factor"
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        PersonalToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token, ""
