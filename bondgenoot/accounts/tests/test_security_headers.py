"""Security headers on every response, and the production settings (HSTS, secure cookies,
HTTPS redirect) checked the way CI does: ``manage.py check --deploy --fail-level WARNING``."""

import json
import os
import re
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse

from .conftest import log_in

pytestmark = pytest.mark.django_db


def csp_directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


def assert_security_headers(response) -> None:
    csp = csp_directives(response)
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["style-src"] == ["'self'"]
    assert any(source.startswith("'nonce-") for source in csp["script-src"])
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    policy = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in policy


def test_a_public_page_has_the_security_headers(client):
    response = client.get(reverse("accounts:login"))
    assert response.status_code == 200
    assert_security_headers(response)


def test_every_script_carries_this_responses_nonce_and_nothing_is_inline(client):
    response = client.get(reverse("accounts:login"))
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    html = response.content.decode()
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts
    for tag in scripts:
        assert f'nonce="{nonce}"' in tag
        assert "src=" in tag  # no inline script bodies
    assert " style=" not in html
    # A fresh nonce for every response.
    again = client.get(reverse("accounts:login"))
    assert again["Content-Security-Policy"] != response["Content-Security-Policy"]


def test_pages_for_logged_in_people_have_the_headers_and_are_not_cached(client, amina):
    log_in(client, "amina@example.org")
    response = client.get(reverse("people:profile_edit"))
    assert response.status_code == 200
    assert_security_headers(response)
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_error_and_lockout_pages_have_the_headers_too(client, amina):
    assert_security_headers(client.get("/bestaat-niet/"))
    for _ in range(5):
        response = log_in(client, "amina@example.org", "fout-wachtwoord")
    assert response.status_code == 429
    assert_security_headers(response)


@pytest.fixture
def static_files(settings):
    settings.WHITENOISE_USE_FINDERS = True  # serve from the source tree, as in development


def test_static_files_get_the_permissions_policy(client, static_files):
    response = client.get(settings.STATIC_URL + "css/bondgenoot.css")
    assert response.status_code == 200
    assert "camera=()" in response["Permissions-Policy"]


# --- production settings ---------------------------------------------------------------------

PROD_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.prod",
    "DJANGO_ALLOWED_HOSTS": "bondgenoot.example.org",
}


def run_with_prod_settings(args: list[str], **extra_env: str) -> subprocess.CompletedProcess:
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **inherited,
        **PROD_ENV,
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        **extra_env,
    }
    return subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_deploy_check_with_production_settings_passes():
    result = run_with_prod_settings(["manage.py", "check", "--deploy", "--fail-level", "WARNING"])
    assert result.returncode == 0, result.stdout + result.stderr


def test_deploy_check_fails_when_https_redirect_is_switched_off():
    """The check used in CI does catch a weakened setting."""
    result = run_with_prod_settings(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        DJANGO_SECURE_SSL_REDIRECT="false",
    )
    assert result.returncode != 0
    assert "security.W008" in result.stdout + result.stderr


PRINT_SETTINGS = """
import json, django
django.setup()
from django.conf import settings as s
names = ["DEBUG", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_SSL_REDIRECT",
         "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY",
         "CSRF_COOKIE_HTTPONLY", "SESSION_COOKIE_NAME", "CSRF_COOKIE_NAME",
         "SESSION_COOKIE_SAMESITE", "LANGUAGE_COOKIE_SECURE", "BONDGENOOT_TRUSTED_PROXY_COUNT",
         "AUTHENTICATION_BACKENDS", "PASSWORD_HASHERS", "LANGUAGE_COOKIE_NAME",
         "MESSAGE_STORAGE"]
print(json.dumps({n: getattr(s, n) for n in names}))
"""


def test_production_settings_enable_hsts_secure_cookies_and_https():
    result = run_with_prod_settings(["-c", PRINT_SETTINGS])
    assert result.returncode == 0, result.stderr
    prod = json.loads(result.stdout.strip().splitlines()[-1])
    assert prod["DEBUG"] is False
    assert prod["SECURE_HSTS_SECONDS"] >= 60 * 60 * 24 * 365
    assert prod["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert prod["SECURE_SSL_REDIRECT"] is True
    assert prod["SESSION_COOKIE_SECURE"] is True
    assert prod["CSRF_COOKIE_SECURE"] is True
    assert prod["SESSION_COOKIE_HTTPONLY"] is True
    assert prod["CSRF_COOKIE_HTTPONLY"] is True
    assert prod["SESSION_COOKIE_NAME"].startswith("__Host-")
    assert prod["CSRF_COOKIE_NAME"].startswith("__Host-")
    assert prod["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert prod["LANGUAGE_COOKIE_SECURE"] is True
    assert prod["LANGUAGE_COOKIE_NAME"].startswith("__Host-")
    assert prod["MESSAGE_STORAGE"] == "bondgenoot.accounts.cookies.HostFallbackStorage"
    assert prod["AUTHENTICATION_BACKENDS"][0] == "axes.backends.AxesStandaloneBackend"
    assert prod["PASSWORD_HASHERS"][0].endswith("Argon2PasswordHasher")


PROD_REQUEST = """
import json, django
django.setup()
from django.test import Client
c = Client()
secure = c.get("/account/uitloggen/", secure=True, HTTP_HOST="bondgenoot.example.org")
plain = c.get("/account/uitloggen/", HTTP_HOST="bondgenoot.example.org")
print(json.dumps({"hsts": secure.get("Strict-Transport-Security"),
                  "status": plain.status_code, "location": plain.get("Location")}))
"""


def test_production_sends_hsts_and_redirects_to_https():
    result = run_with_prod_settings(["-c", PROD_REQUEST])
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["hsts"].startswith("max-age=31536000")
    assert "includeSubDomains" in seen["hsts"]
    assert seen["status"] == 301
    assert seen["location"] == "https://bondgenoot.example.org/account/uitloggen/"


def test_the_message_cookie_of_production_has_the_host_prefix(client, amina, settings):
    settings.MESSAGE_STORAGE = "bondgenoot.accounts.cookies.HostFallbackStorage"
    client.force_login(amina.user)
    # The message after a password change waits in a cookie for the next page.
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": "geheim-wachtwoord-123",
            "new_password1": "mijn fiets is blauw en snel",
            "new_password2": "mijn fiets is blauw en snel",
        },
    )
    assert response.status_code == 302
    assert "__Host-bondgenoot-messages" in response.cookies
    assert "messages" not in response.cookies
