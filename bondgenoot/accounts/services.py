"""Writes about accounts: two-step verification and recovery codes.

Every function takes keyword-only arguments and runs in one transaction. (Changing the e-mail
address lives in the privacy app, with "Mijn gegevens".)
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from bondgenoot.api import services as api_services
from bondgenoot.core.errors import ServiceError

from . import twofactor
from .models import RecoveryCode, User


def _wrong_code() -> str:
    return _(
        "This code is not right. Type the 6 digits your app shows now, or one of your "
        "recovery codes."
    )


def _check_password(user: User, password: str) -> None:
    """People who log in with an e-mail link only have no password to ask for."""
    if user.has_usable_password() and not user.check_password(password or ""):
        raise ServiceError({"password": _("This is not your current password.")})


def _replace_recovery_codes(user: User) -> list[str]:
    codes = twofactor.new_recovery_codes()
    RecoveryCode.objects.filter(user=user).delete()
    RecoveryCode.objects.bulk_create(
        [RecoveryCode(user=user, code_hash=twofactor.hash_recovery_code(code)) for code in codes]
    )
    return codes


def security_notice(*, user: User, what: str) -> None:
    """Tell the person by e-mail that something about logging in changed (after the
    transaction), so that someone who did not do it themselves notices."""
    body = render_to_string(
        "accounts/email/security_notice.txt",
        {"what": what, "site_name": settings.BONDGENOOT_SITE_NAME},
    )
    subject = _("Something changed in how you log in")
    email = user.email
    transaction.on_commit(lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email]))


@transaction.atomic
def sessions_end_all(*, user: User) -> int:
    """End every session of this account (on every device), and revoke its personal tokens for
    the API (returns how many); a view that wants to keep the current session calls
    ``update_session_auth_hash`` afterwards."""
    User.objects.filter(pk=user.pk).update(session_epoch=F("session_epoch") + 1)
    user.refresh_from_db(fields=["session_epoch"])
    return api_services.tokens_revoke_all(user=user)


@transaction.atomic
def password_changed(*, user: User) -> int:
    """After a new password was saved (changed, or chosen with a reset link): revoke the
    personal tokens for the API, since someone who knew the old password may have made one.
    Call it inside the transaction that saves the password, so both happen or neither. (The
    other sessions end by themselves: their hash no longer matches.) Returns how many tokens."""
    return api_services.tokens_revoke_all(user=user)


@transaction.atomic
def two_factor_enable(
    *, user: User, secret: str, code: str, password: str | None = None
) -> list[str]:
    """Turn two-step verification on once the person typed a code from the new app entry.
    ``password``: the current password, when the view asked for it again (the login was not
    recent). Returns the recovery codes, in plain text this once only."""
    if password is not None:
        _check_password(user, password)
    step = twofactor.totp_matching_step(secret, code)
    if step is None:
        raise ServiceError(
            {
                "code": _(
                    "This code is not right. Check that the time on your phone is correct and "
                    "type the 6 digits your app shows now."
                )
            }
        )
    user.totp_secret = secret
    user.totp_confirmed_at = timezone.now()
    user.totp_last_step = step
    user.full_clean(exclude=["password"])
    user.save(update_fields=["totp_secret", "totp_confirmed_at", "totp_last_step"])
    security_notice(user=user, what=_("Two-step verification was turned on."))
    return _replace_recovery_codes(user)


def second_factor_verify(*, user: User, code: str) -> bool:
    """Check a code from the app or a recovery code, and use it up: the same code is refused
    the second time, also when two requests arrive at the same moment."""
    if not user.has_two_factor:
        return False
    step = twofactor.totp_matching_step(user.totp_secret, code, last_step=user.totp_last_step)
    if step is not None:
        won = (
            User.objects.filter(pk=user.pk)
            .filter(Q(totp_last_step__isnull=True) | Q(totp_last_step__lt=step))
            .update(totp_last_step=step)
        )
        if won:
            user.totp_last_step = step
        return bool(won)
    for recovery in RecoveryCode.objects.filter(user=user, used_at__isnull=True):
        if twofactor.recovery_code_matches(code, recovery.code_hash):
            return bool(
                RecoveryCode.objects.filter(pk=recovery.pk, used_at__isnull=True).update(
                    used_at=timezone.now()
                )
            )
    return False


@transaction.atomic
def two_factor_disable(*, user: User, password: str, code: str) -> None:
    """Turn two-step verification off: needs the current password (if there is one) and a code."""
    _check_password(user, password)
    if not second_factor_verify(user=user, code=code):
        raise ServiceError({"code": _wrong_code()})
    two_factor_reset(user=user)
    security_notice(user=user, what=_("Two-step verification was turned off."))


@transaction.atomic
def two_factor_reset(*, user: User) -> None:
    """Two-step verification off, without asking (a site administrator, for someone who lost
    their phone and their recovery codes). All sessions of the account end."""
    user.totp_secret = ""
    user.totp_confirmed_at = None
    user.totp_last_step = None
    user.save(update_fields=["totp_secret", "totp_confirmed_at", "totp_last_step"])
    RecoveryCode.objects.filter(user=user).delete()


@transaction.atomic
def recovery_codes_renew(*, user: User, code: str) -> list[str]:
    """New recovery codes (the old ones stop working); needs a code from the app or a recovery
    code."""
    if not second_factor_verify(user=user, code=code):
        raise ServiceError({"code": _wrong_code()})
    return _replace_recovery_codes(user)


def recovery_codes_left(*, user: User) -> int:
    return RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()
