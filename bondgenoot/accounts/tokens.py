"""One-time login links by e-mail, for residents who do not want another password.

A link works once: its hash includes the moment of the last login, which changes as soon as
it is used. It also expires after ``EMAIL_LOGIN_LINK_TIMEOUT`` seconds.
"""

from typing import Any

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.http import base36_to_int


class TimedOneTimeTokenGenerator(PasswordResetTokenGenerator):
    """Django's password-reset token (works once: it changes with the last login and the
    password) with its own lifetime, read from the setting named by ``timeout_setting``.
    Subclasses set their own ``key_salt`` so one kind of link never works as another."""

    timeout_setting = "EMAIL_LOGIN_LINK_TIMEOUT"

    def check_token(self, user: Any, token: str | None) -> bool:
        if not token or not super().check_token(user, token):
            return False
        try:
            issued = base36_to_int(token.split("-")[0])
        except ValueError:
            return False
        age = self._num_seconds(self._now()) - issued
        return age <= int(getattr(settings, self.timeout_setting))


class EmailLoginTokenGenerator(TimedOneTimeTokenGenerator):
    key_salt = "bondgenoot.accounts.EmailLoginTokenGenerator"
    timeout_setting = "EMAIL_LOGIN_LINK_TIMEOUT"


email_login_tokens = EmailLoginTokenGenerator()
