import pytest
from django.core.cache import caches
from django.urls import reverse

from bondgenoot.accounts import services, sessions, twofactor

PASSWORD = "geheim-wachtwoord-123"  # the password of every account in the cast (UserFactory)


@pytest.fixture
def throttled(settings):
    """Mail throttling counts in a real cache (the test settings use one that keeps nothing)."""
    settings.BONDGENOOT_THROTTLE_CACHE = "default"
    caches["default"].clear()
    yield
    caches["default"].clear()


@pytest.fixture
def two_factor_rule(settings):
    settings.BONDGENOOT_REQUIRE_2FA_FOR_COORDINATORS = True


def log_in(client, email: str, password: str = PASSWORD, **extra):
    return client.post(
        reverse("accounts:login"), {"username": email, "password": password}, **extra
    )


def turn_on_two_factor(user) -> tuple[str, list[str]]:
    """Two-step verification on for ``user``; returns the secret and the recovery codes."""
    secret = twofactor.new_secret()
    codes = services.two_factor_enable(
        user=user, secret=secret, code=twofactor.totp_code_now(secret)
    )
    # The code used to turn it on cannot be used again; let the next test code be valid.
    user.totp_last_step = None
    user.save(update_fields=["totp_last_step"])
    return secret, codes


def force_login_verified(client, user) -> None:
    """Logged in with both steps done, as after the code page."""
    client.force_login(user)
    session = client.session
    session[sessions.SECOND_FACTOR_DONE] = True
    session.save()
