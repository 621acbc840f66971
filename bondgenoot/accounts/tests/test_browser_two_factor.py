"""Two-step verification in a real browser, on a phone-sized screen: a coordinator is sent to
set it up, scans (here: reads) the key, keeps the recovery codes, logs out and in again with a
code and with a recovery code; and the page after too many wrong passwords.

Every page is screenshotted and checked with axe-core (no violations at all) and for console or
Content-Security-Policy errors (the QR code is inline SVG, no script, no data: URL).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import Page, expect

from bondgenoot.accounts import twofactor
from bondgenoot.accounts.models import User

from .conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 800}


def ui(msgid: str) -> re.Pattern[str]:
    with translation.override("nl"):
        text = gettext(msgid)
    return re.compile(rf"^\s*{re.escape(text)}\s*$")


def no_horizontal_scroll(page: Page) -> None:
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"], page.url


def log_in(page: Page, base: str, email: str, password: str = PASSWORD) -> None:
    page.goto(f"{base}{reverse('accounts:login')}")
    page.get_by_label(ui("E-mail address")).fill(email)
    page.get_by_label(ui("Password")).fill(password)
    page.get_by_role("main").get_by_role("button", name=ui("Log in")).click()


def test_a_coordinator_sets_up_two_step_verification_and_logs_in_with_it(
    live_server: Any,
    open_page: Callable[..., Page],
    check_page: Callable[[Page, str], list[dict[str, Any]]],
    gijs: Any,
    org: Any,
    settings: Any,
) -> None:
    settings.BONDGENOOT_REQUIRE_2FA_FOR_COORDINATORS = True
    base = live_server.url
    page = open_page(viewport=PHONE)

    def check(name: str) -> None:
        assert check_page(page, name) == [], f"axe found problems on {name}"
        no_horizontal_scroll(page)

    log_in(page, base, "gijs@example.org")
    expect(page.get_by_role("heading", level=1)).to_have_text(ui("Turn on two-step verification"))
    expect(page.get_by_role("img", name=ui("QR code to scan with your authenticator app")))
    check("setup-required")
    # Other pages lead back here.
    page.goto(f"{base}{reverse('alliances:list')}")
    expect(page.get_by_role("heading", level=1)).to_have_text(ui("Turn on two-step verification"))

    secret = page.locator(".bondgenoot-secret").inner_text().replace(" ", "")
    page.get_by_label(ui("Code")).fill(twofactor.totp_code_now(secret))
    page.get_by_role("button", name=ui("Turn on")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(ui("Your recovery codes"))
    codes = page.locator(".bondgenoot-recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    check("recovery-codes")
    page.get_by_role("link", name=ui("I have saved them, go on")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(ui("Login and security"))
    check("security")

    # Log out, and in again: password, then a code from the app.
    page.get_by_role("button", name=ui("Log out")).click()
    User.objects.filter(email="gijs@example.org").update(totp_last_step=None)
    log_in(page, base, "gijs@example.org")
    expect(page.get_by_role("heading", level=1)).to_have_text(ui("Type your code"))
    check("code")
    page.get_by_label(ui("Code")).fill("000000")
    page.get_by_role("main").get_by_role("button", name=ui("Log in")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(ui("Type your code"))
    check("code-wrong")
    page.get_by_label(ui("Code")).fill(twofactor.totp_code_now(secret))
    page.get_by_role("main").get_by_role("button", name=ui("Log in")).click()
    expect(page.get_by_role("heading", level=1)).not_to_have_text(ui("Type your code"))

    # And once with a recovery code.
    page.get_by_role("button", name=ui("Log out")).click()
    log_in(page, base, "gijs@example.org")
    page.get_by_label(ui("Code")).fill(codes[0])
    page.get_by_role("main").get_by_role("button", name=ui("Log in")).click()
    expect(page.get_by_role("status")).to_contain_text("9")
    check("logged-in-with-recovery-code")
    page.goto(f"{base}{reverse('accounts:two_factor_disable')}")
    check("disable")


def test_the_page_after_too_many_wrong_passwords(
    live_server: Any,
    open_page: Callable[..., Page],
    check_page: Callable[[Page, str], list[dict[str, Any]]],
    browser_problems: Any,
    amina: Any,
) -> None:
    page = open_page(viewport=PHONE)
    for _ in range(5):
        log_in(page, live_server.url, "amina@example.org", "helemaal-verkeerd")
    expect(page.get_by_role("heading", level=1)).to_have_text(ui("Too many attempts"))
    expect(page.get_by_role("main")).to_contain_text(
        "Te vaak een verkeerd wachtwoord. Probeer het over 15 minuten opnieuw, "
        "of log in met een link per e-mail."
    )
    # Chromium logs the page's HTTP status 429 (Too Many Requests) as a console error: that
    # status is the point here, not a fault of the page.
    browser_problems.seen[:] = [p for p in browser_problems.seen if "status of 429" not in p]
    assert check_page(page, "locked-out") == []
    no_horizontal_scroll(page)
