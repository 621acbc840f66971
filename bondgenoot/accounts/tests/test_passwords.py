"""Password policy in the spirit of OWASP ASVS 5.0 V6.2: at least 10 characters, long
passphrases welcome, no rules about kinds of characters, no easy-to-guess passwords."""

import pytest
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.urls import reverse

from bondgenoot.accounts.models import User

pytestmark = pytest.mark.django_db

PASSPHRASE_80 = "op woensdag koken we samen in het buurthuis en daarna ruimen we alles weer op!!"


def sign_up(client, password: str):
    return client.post(
        reverse("accounts:signup"),
        {
            "display_name": "Nadia",
            "email": "nadia@example.org",
            "password1": password,
            "password2": password,
        },
    )


def refused(password: str) -> list[str]:
    try:
        password_validation.validate_password(password)
    except ValidationError as error:
        return error.messages
    return []


def test_a_long_passphrase_is_welcome(client):
    assert len(PASSPHRASE_80) >= 64
    response = sign_up(client, PASSPHRASE_80)
    assert response.status_code == 302
    assert User.objects.get(email="nadia@example.org").check_password(PASSPHRASE_80)


def test_no_rules_about_kinds_of_characters():
    # Only lower case letters and spaces: fine when long and not guessable.
    assert refused("mijn fiets is blauw") == []
    assert refused("kaasbroodjes") == []


@pytest.mark.parametrize(
    "password",
    [
        "kort",  # too short
        "1234567890",  # digits only, and common
        "password123",  # common
        "qwertyuiop",  # common
        "Bondgenoot2025!",  # the site's name with digits
        "wachtwoord123",  # "password" in Dutch
        "Welkom12345",
        "aaaaaaaaaaaa",  # one letter over and over
        "abababababab",
    ],
)
def test_easy_to_guess_passwords_are_refused(password):
    assert refused(password)


def test_an_absurdly_long_password_is_refused_with_a_clear_message(client):
    response = sign_up(client, "a b c d " * 40)
    assert response.status_code == 200
    assert "te lang" in response.content.decode()
    assert not User.objects.exists()


def test_a_guessable_password_gets_a_dutch_message(client):
    response = sign_up(client, "Bondgenoot2025!")
    assert "te makkelijk te raden" in response.content.decode()
    assert not User.objects.exists()


def test_changing_to_a_long_passphrase_works(client, amina):
    client.force_login(amina.user)
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": "geheim-wachtwoord-123",
            "new_password1": PASSPHRASE_80,
            "new_password2": PASSPHRASE_80,
        },
    )
    assert response.status_code == 302
    amina.user.refresh_from_db()
    assert amina.user.check_password(PASSPHRASE_80)
