"""Personal API keys in a real browser (Chromium, axe-core, strict CSP).

A resident goes from her security page to "Persoonlijke sleutels beheren", makes a key (the
secret is shown once), calls /api/v1/me with it from outside the browser (200, her profile),
revokes it in the browser (a confirmation page, then POST), and the same call gets 401.
Every page is screenshotted and checked with axe-core.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from bondgenoot.alliances.tests.test_browser_main_path import field, nl, ui
from bondgenoot.api.models import PersonalToken
from bondgenoot.core.tests.a11y import log_in
from bondgenoot.core.tokens import hash_link_secret

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TOKEN_NAME = "Mijn spreadsheet"


def _get_me(base: str, secret: str) -> tuple[int, dict[str, Any], str]:
    """GET /api/v1/me with the key, as a program outside the browser would (no cookies)."""
    request = urllib.request.Request(  # noqa: S310 (the live test server, http on localhost)
        f"{base}/api/v1/me",
        headers={"Authorization": f"Bearer {secret}", "Accept": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, json.loads(response.read()), ""
    except urllib.error.HTTPError as error:
        return (
            error.code,
            json.loads(error.read() or b"{}"),
            error.headers.get("WWW-Authenticate", ""),
        )


def test_a_resident_makes_uses_and_revokes_a_personal_key(
    live_server: Any,
    page: Page,
    check_page: Callable[[Page, str], list[dict[str, Any]]],
    amina: Any,
) -> None:
    base = live_server.url

    def check(name: str) -> None:
        assert check_page(page, name) == [], f"axe found problems on {name}"

    # --- From her data, to the security page, to her keys ----------------------------------------
    log_in(page, base, "amina@example.org")
    page.get_by_role("navigation", name=ui("Your account")).get_by_role(
        "link", name=ui("My data")
    ).click()
    page.get_by_role("link", name=ui("Security of my account")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(ui("Login and security"))
    assert page.url == f"{base}{reverse('accounts:security')}"
    check("security")
    page.get_by_role("link", name=ui("Manage personal keys")).click()
    assert nl("Manage personal keys") == "Persoonlijke sleutels beheren"
    expect(page.get_by_role("heading", level=1)).to_have_text(ui("Personal tokens"))
    expect(page.get_by_role("main")).to_contain_text(nl("You have no tokens."))
    check("keys-none")

    # --- She makes a key; its secret is shown once -----------------------------------------------
    page.get_by_label(field("Name of the token")).fill(TOKEN_NAME)
    page.get_by_label(field("How long does it work?", optional=True)).select_option("30")
    page.get_by_role("button", name=ui("Make the token")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        ui("Your token %(name)s is ready", name=TOKEN_NAME)
    )
    secret = page.get_by_label(ui("Your token")).input_value()
    assert secret.startswith("bgt_") and len(secret) > 40
    check("key-made")
    token = PersonalToken.objects.get(person=amina)
    assert token.name == TOKEN_NAME
    assert token.token_hash == hash_link_secret(secret)  # only the hash is stored
    assert token.expires_at is not None and token.revoked_at is None

    # Shown once: the list of keys does not show the secret again.
    page.get_by_role("link", name=ui("Back to your tokens")).click()
    expect(page.get_by_role("main")).to_contain_text(TOKEN_NAME)
    assert secret not in page.content()
    check("keys-one")

    # --- A program uses it: 200 and her own profile ----------------------------------------------
    status, body, _challenge = _get_me(base, secret)
    assert status == 200, body
    assert body["display_name"] == "Amina"
    assert body["email"] == "amina@example.org"
    token.refresh_from_db()
    assert token.last_used_at is not None

    # --- She revokes it: first a question, then the POST -----------------------------------------
    page.reload()
    expect(page.get_by_role("main")).not_to_contain_text(nl("not used yet"))
    page.get_by_role("link", name=ui("Revoke %(name)s", name=TOKEN_NAME)).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        ui("Revoke the token %(name)s?", name=TOKEN_NAME)
    )
    check("revoke-confirm")
    token.refresh_from_db()
    assert token.revoked_at is None  # the GET of the question changed nothing
    assert _get_me(base, secret)[0] == 200
    page.get_by_role("button", name=ui("Yes, revoke the token")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(ui("Personal tokens"))
    expect(page.get_by_role("main")).to_contain_text(
        nl("The token %(name)s has been revoked. It no longer works.", name=TOKEN_NAME)
    )
    expect(page.get_by_role("link", name=ui("Revoke %(name)s", name=TOKEN_NAME))).to_have_count(0)
    check("keys-revoked")
    token.refresh_from_db()
    assert token.revoked_at is not None

    # --- The same call is now refused ------------------------------------------------------------
    status, body, challenge = _get_me(base, secret)
    assert status == 401, body
    assert challenge.startswith("Bearer")
    assert "Amina" not in json.dumps(body) and "amina@example.org" not in json.dumps(body)
