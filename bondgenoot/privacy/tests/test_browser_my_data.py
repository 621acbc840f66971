"""Mijn gegevens in a real browser: see everything, give consent, confirm with the password,
download, and delete the account keeping the shared history. Every page is checked with
axe-core and must have no findings at all (not only no serious ones); the main pages are also
checked at 320 px wide, and the consent form is used with the keyboard alone.
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

from bondgenoot.alliances.models import JournalEntry, Party
from bondgenoot.core.models import Notice
from bondgenoot.people.models import Person
from bondgenoot.privacy.models import Purpose
from bondgenoot.privacy.selectors import has_consent

from .helpers import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NARROW = {"width": 320, "height": 800}


def nl(msgid: str) -> str:
    with translation.override("nl"):
        return gettext(msgid)


def ui(msgid: str) -> re.Pattern[str]:
    return re.compile(rf"^\s*{re.escape(nl(msgid))}\s*$")


def no_horizontal_scroll(page: Page, width: int) -> None:
    scroll_width = page.evaluate("document.scrollingElement.scrollWidth")
    assert scroll_width <= width, f"{page.url} scrolls sideways at {width}px ({scroll_width})"


def test_my_data_consent_download_and_delete(
    live_server: Any,
    world: Any,
    amina: Any,
    bas: Any,
    open_page: Callable[..., Page],
    check_page: Callable[[Page, str], list[dict[str, Any]]],
) -> None:
    def url(name: str, *args: Any) -> str:
        return f"{live_server.url}{reverse(name, args=args)}"

    def clean(page: Page, name: str) -> None:
        violations = check_page(page, name)
        assert violations == [], [v["id"] for v in violations]

    page = open_page()
    page.goto(url("accounts:login"))
    page.get_by_label(ui("E-mail address")).fill("amina@example.org")
    page.get_by_label(ui("Password")).fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name=ui("Log in")).click()

    # The menu leads to "Mijn gegevens".
    page.get_by_role("navigation").get_by_role("link", name=ui("My data")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(ui("My data"))
    page.get_by_text(re.compile(r"Toon mijn 1 bericht")).click()  # unfold the journal
    expect(page.get_by_text("We hebben de brieven van de gemeente samen gelezen.")).to_be_visible()
    clean(page, "my-data")

    # Consent, with the keyboard only: tab to the box, tick it with space, send with Enter.
    page.goto(url("privacy:consents"))
    findable = page.get_by_label(ui("Findable as an ally"))
    findable.focus()
    page.keyboard.press("Space")
    expect(findable).to_be_checked()
    page.get_by_role("button", name=ui("Save my choices")).focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text(re.compile("Je keuzes zijn opgeslagen"))).to_be_visible()
    assert has_consent(amina, Purpose.FINDABLE)
    clean(page, "consents")

    # Download: first the password again.
    page.goto(url("privacy:download"))
    expect(page.get_by_role("heading", level=1)).to_have_text(ui("Confirm that it is you"))
    clean(page, "confirm")
    page.get_by_label(ui("Your password")).fill(PASSWORD)
    page.get_by_role("button", name=ui("Confirm")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(ui("Download my data"))
    clean(page, "download")
    with page.expect_download() as download:
        page.get_by_role("button", name=re.compile("^JSON")).click()
    assert download.value.suggested_filename.endswith(".json")

    page.goto(url("privacy:email_change"))
    clean(page, "email-change")

    # On a small phone nothing scrolls sideways.
    phone = open_page(viewport=NARROW)
    phone.context.add_cookies(page.context.cookies())
    for name in ("privacy:overview", "privacy:consents", "privacy:download"):
        phone.goto(url(name))
        no_horizontal_scroll(phone, NARROW["width"])
    check_page(phone, "my-data-320px")
    phone.close()

    # Delete, keeping the shared history.
    page.goto(url("privacy:account_delete"))
    clean(page, "delete")
    page.get_by_role("button", name=ui("Yes, delete my account")).click()
    expect(
        page.get_by_text(ui("Choose what happens with what you wrote and gave."))
    ).to_be_visible()
    clean(page, "delete-error")
    page.get_by_label(re.compile(r"^\s*Laat het staan")).check()
    page.get_by_role("button", name=ui("Yes, delete my account")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(ui("Goodbye"))
    clean(page, "goodbye")

    assert not Person.objects.filter(pk=amina.pk).exists()
    assert Party.objects.get(pk=world.amina_party.pk).is_former
    assert JournalEntry.objects.get(pk=world.entry.pk).author_id is None
    assert Notice.objects.filter(person=bas).exists()
