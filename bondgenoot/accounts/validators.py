"""Password rules in the spirit of OWASP ASVS 5.0 (V6.2): long passphrases welcome, no rules about
which kinds of characters to use, and no passwords that are easy to guess here."""

import re
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# Words that anyone guessing a password on this site would try first.
CONTEXT_WORDS = (
    "bondgenootschap",
    "bondgenoot",
    "wachtwoord",
    "password",
    "welkom",
    "welcome",
    "geheim",
    "secret",
    "qwerty",
    "azerty",
    "asdf",
    "letmein",
    "admin",
    "beheer",
    "gemeente",
    "buurtteam",
    "wijkteam",
    "test",
)
MIN_OWN_LETTERS = 4


class MaximumLengthValidator:
    """Refuse only absurd lengths: passphrases of 64 characters and more stay possible."""

    def __init__(self, max_length: int = 256) -> None:
        self.max_length = max_length

    def validate(self, password: str, user: Any = None) -> None:
        if len(password) > self.max_length:
            raise ValidationError(
                ngettext(
                    "This password is too long: use at most %(max_length)d character.",
                    "This password is too long: use at most %(max_length)d characters.",
                    self.max_length,
                )
                % {"max_length": self.max_length},
                code="password_too_long",
            )

    def get_help_text(self) -> str:
        return _("A long sentence that you remember easily is a good password.")


class ContextWordsValidator:
    """Refuse passwords that are little more than the site's name or a word like "wachtwoord"
    with digits or signs around it (e.g. "Bondgenoot2025!" or "wachtwoord123")."""

    def __init__(self, min_own_letters: int = MIN_OWN_LETTERS) -> None:
        self.min_own_letters = min_own_letters

    def validate(self, password: str, user: Any = None) -> None:
        rest = password.casefold()
        words = (*CONTEXT_WORDS, settings.BONDGENOOT_SITE_NAME.casefold())
        for word in sorted(words, key=len, reverse=True):
            rest = rest.replace(word, "")
        own_letters = re.sub(r"[\W\d_]", "", rest)
        if len(set(own_letters)) < self.min_own_letters:
            raise ValidationError(
                _(
                    "This password is too easy to guess. Use a few words of your own, "
                    "for example a short sentence."
                ),
                code="password_too_guessable",
            )

    def get_help_text(self) -> str:
        return _("Do not use the name of this site or words like 'wachtwoord'.")
