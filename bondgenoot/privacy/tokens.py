"""Links by e-mail for accounts without a password: confirming "it is really me" before a
download or deleting the account, and confirming a new e-mail address.

``ReauthTokenGenerator`` is ``accounts.tokens.TimedOneTimeTokenGenerator`` with its own
``key_salt``, so a login link can never be used as a confirmation link or the other way round.
The link is also bound to the browser session that asked for it and works once (see
``reauth.py``).
"""

from typing import Any

from django.conf import settings
from django.core import signing

from bondgenoot.accounts.tokens import TimedOneTimeTokenGenerator

EMAIL_CHANGE_SALT = "bondgenoot.privacy.email_change"


class ReauthTokenGenerator(TimedOneTimeTokenGenerator):
    key_salt = "bondgenoot.privacy.ReauthTokenGenerator"
    timeout_setting = "PRIVACY_LINK_TIMEOUT"


reauth_tokens = ReauthTokenGenerator()


def email_change_token(*, user_id: int, old_email: str, new_email: str) -> str:
    """A signed, timed token for confirming a new address. It stops working once the address
    has changed (the old address is part of it)."""
    return signing.dumps(
        {"u": user_id, "old": old_email, "new": new_email}, salt=EMAIL_CHANGE_SALT, compress=True
    )


def read_email_change_token(token: str) -> dict[str, Any] | None:
    try:
        value = signing.loads(token, salt=EMAIL_CHANGE_SALT, max_age=settings.PRIVACY_LINK_TIMEOUT)
    except signing.BadSignature:  # also SignatureExpired
        return None
    if not isinstance(value, dict) or not {"u", "old", "new"} <= value.keys():
        return None
    return value
