"""One-time login links by e-mail, for residents who do not want another password.

A link works once: its hash includes the moment of the last login, which changes as soon as
it is used. It also expires after ``EMAIL_LOGIN_LINK_TIMEOUT`` seconds.
"""

from typing import Any

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.http import base36_to_int


class EmailLoginTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "bondgenoot.accounts.EmailLoginTokenGenerator"

    def check_token(self, user: Any, token: str | None) -> bool:
        if not token or not super().check_token(user, token):
            return False
        try:
            issued = base36_to_int(token.split("-")[0])
        except ValueError:
            return False
        age = self._num_seconds(self._now()) - issued
        return age <= settings.EMAIL_LOGIN_LINK_TIMEOUT


email_login_tokens = EmailLoginTokenGenerator()
