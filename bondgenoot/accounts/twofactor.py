"""Two-step verification: codes from an authenticator app (TOTP, RFC 6238) and one-time
recovery codes. Pure helpers; the writes live in ``services.py``.

- A TOTP code is accepted in the current 30-second step and one step either side (clock drift),
  and only once: the step of the last accepted code is stored and older steps are refused.
- Recovery codes have 60 random bits and are stored as Argon2id hashes with a random salt
  (OWASP's minimum parameters: 19 MiB, 2 passes), so checking one costs about 40 ms.
"""

import secrets
import time
from typing import Any

import argon2
import pyotp
import segno
from django.conf import settings
from django.utils.safestring import SafeString, mark_safe

from bondgenoot.people.models import Membership, MembershipRole

TOTP_DIGITS = 6
TOTP_INTERVAL = 30
TOTP_VALID_WINDOW = 1
RECOVERY_CODE_COUNT = 10
# Crockford's base32 alphabet: no i, l, o or u, so nothing looks like something else.
RECOVERY_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
RECOVERY_GROUPS = 3
RECOVERY_GROUP_SIZE = 4

_hasher = argon2.PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)


def new_secret() -> str:
    """A fresh 160-bit TOTP secret in base32 (what authenticator apps expect)."""
    return pyotp.random_base32(length=32)


def format_secret(secret: str) -> str:
    """The secret in groups of four, easier to type over into an app."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def _totp(secret: str) -> pyotp.TOTP:
    return pyotp.TOTP(secret, digits=TOTP_DIGITS, interval=TOTP_INTERVAL)


def provisioning_uri(secret: str, *, email: str) -> str:
    return _totp(secret).provisioning_uri(name=email, issuer_name=settings.BONDGENOOT_SITE_NAME)


def qr_svg(data: str, *, title: str) -> SafeString:
    """An inline SVG QR code (no script, no data: URL) with an accessible name."""
    svg = segno.make(data, error="m").svg_inline(
        scale=4, svgclass="bondgenoot-qr", lineclass=None, omitsize=True, title=title
    )
    # segno escapes the title itself; the markup is generated, not user input.
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))  # noqa: S308


def totp_matching_step(secret: str, code: str, *, last_step: int | None = None) -> int | None:
    """The time step a code belongs to, or None when it is wrong, too old or already used."""
    code = "".join(code.split())
    if not secret or len(code) != TOTP_DIGITS or not code.isdigit():
        return None
    totp = _totp(secret)
    now = time.time()
    found = None
    for offset in range(-TOTP_VALID_WINDOW, TOTP_VALID_WINDOW + 1):
        moment = now + offset * TOTP_INTERVAL
        # Compare every candidate (constant time each) so timing says nothing.
        if secrets.compare_digest(totp.at(moment), code):
            found = totp.timecode(moment)
    if found is None or (last_step is not None and found <= last_step):
        return None
    return found


def totp_code_now(secret: str) -> str:
    """The current code (for tests and for the demo)."""
    return _totp(secret).now()


def new_recovery_codes() -> list[str]:
    size = RECOVERY_GROUPS * RECOVERY_GROUP_SIZE
    codes = []
    for _i in range(RECOVERY_CODE_COUNT):
        raw = "".join(secrets.choice(RECOVERY_ALPHABET) for _j in range(size))
        codes.append(
            "-".join(raw[i : i + RECOVERY_GROUP_SIZE] for i in range(0, size, RECOVERY_GROUP_SIZE))
        )
    return codes


def normalise_recovery_code(code: str) -> str:
    """Lower case, without spaces or dashes; letters people mistake for digits become digits."""
    cleaned = "".join(ch for ch in code.lower() if ch.isalnum())
    cleaned = cleaned.translate(str.maketrans("oil", "011"))
    if len(cleaned) != RECOVERY_GROUPS * RECOVERY_GROUP_SIZE:
        return ""
    return "-".join(
        cleaned[i : i + RECOVERY_GROUP_SIZE] for i in range(0, len(cleaned), RECOVERY_GROUP_SIZE)
    )


def hash_recovery_code(code: str) -> str:
    return _hasher.hash(normalise_recovery_code(code))


def recovery_code_matches(code: str, code_hash: str) -> bool:
    normalised = normalise_recovery_code(code)
    if not normalised:
        return False
    try:
        return _hasher.verify(code_hash, normalised)
    except (argon2.exceptions.VerificationError, argon2.exceptions.InvalidHashError):
        return False


def two_factor_required(user: Any) -> bool:
    """Site administrators and coordinators of an organisation can reach other people's data,
    so they must use two-step verification (when BONDGENOOT_REQUIRE_2FA_FOR_COORDINATORS)."""
    if not settings.BONDGENOOT_REQUIRE_2FA_FOR_COORDINATORS or not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser:
        return True
    return Membership.objects.filter(
        person__user_id=user.pk, role=MembershipRole.COORDINATOR
    ).exists()
