"""The main path with the keyboard alone: log in, open an alliance, write in the journal, record
what was given, log out. Only ``page.keyboard`` is used (Tab, Shift+Tab, Enter, Space, typing):
no clicks and no ``fill``. After every key that moves the focus, the focused element must show
a focus indicator (a computed outline or box-shadow) and be on the screen. On the way, the
skip link is the first stop on the page and takes the focus to the main content.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from bondgenoot.alliances.models import Contribution, JournalEntry

from .a11y import ALLIANCE, PASSWORD, World, build_world, focused, nl, ui

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAX_TABS = 80  # more stops than this before the target is a problem in itself


@pytest.fixture
def a11y_world(
    alliance_with_org: Any, amina: Any, bas: Any, gijs: Any, eva: Any, org: Any
) -> World:
    return build_world(
        amina=amina, bas=bas, gijs=gijs, eva=eva, alliance=alliance_with_org, org=org
    )


class Keyboard:
    """Moves through a page with Tab and counts the key presses."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.presses = 0
        self.stops = 0  # focus stops whose indicator was measured
        self.skip_links = 0  # pages where the skip link was used
        self.autofocus = 0  # pages that started with the focus in their form

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)
        self.presses += 1

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)
        self.presses += len(text)

    def tab_to(
        self, what: str, match: Callable[[dict[str, Any]], bool], back: bool = False
    ) -> None:
        """Press Tab (or Shift+Tab) until the focused element matches; every stop on the way
        must show where the focus is."""
        seen: list[str] = []
        for _ in range(MAX_TABS):
            self.press("Shift+Tab" if back else "Tab")
            if self.page.evaluate("document.activeElement === document.body"):
                seen.append("(past the end of the page)")
                continue
            info = focused(self.page)
            self.stops += 1
            seen.append(f"{info['tag']} {info['text'] or info['label']!r}")
            if match(info):
                return
        pytest.fail(f"{what}: not reached with {MAX_TABS} tabs on {self.page.url}: {seen}")

    def skip_link_works(self) -> None:
        """The first Tab on a fresh page lands on the skip link; Enter moves to the content.

        A page that puts the focus in its form by itself (the log-in page) starts there."""
        if self.page.evaluate("document.activeElement !== document.body"):
            info = focused(self.page)
            assert info["inMain"], f"the page starts with the focus outside the content: {info}"
            self.autofocus += 1
            return
        self.press("Tab")
        info = focused(self.page)
        self.stops += 1
        assert info["href"] == "#inhoud", f"the first stop is not the skip link: {info}"
        assert re.fullmatch(ui("Skip to content"), info["text"]), info
        self.press("Enter")
        assert self.page.evaluate("document.activeElement.id") == "inhoud"
        self.press("Tab")
        info = focused(self.page)
        self.stops += 1
        assert info["inMain"], f"after the skip link, Tab did not stay in the content: {info}"
        self.skip_links += 1


def link(text: str | re.Pattern[str]) -> Callable[[dict[str, Any]], bool]:
    def match(info: dict[str, Any]) -> bool:
        if info["tag"] != "a":
            return False
        return (
            bool(text.search(info["text"]))
            if isinstance(text, re.Pattern)
            else info["text"] == text
        )

    return match


def button(msgid: str, *, in_main: bool = True) -> Callable[[dict[str, Any]], bool]:
    pattern = ui(msgid)
    return lambda info: (
        info["tag"] == "button" and bool(pattern.search(info["text"])) and info["inMain"] == in_main
    )


def labelled(text: str) -> Callable[[dict[str, Any]], bool]:
    """A field whose label is ``text`` (leaving out "(optioneel)")."""
    return lambda info: re.sub(r"\s*\(.*\)$", "", info["label"]).lower() == text.lower()


def test_main_path_with_the_keyboard_alone(
    live_server: Any,
    a11y_world: World,
    page: Page,
    check_page: Callable[[Page, str], list[dict[str, Any]]],
) -> None:
    w = a11y_world
    keys = Keyboard(page)
    entries_before = JournalEntry.objects.filter(alliance=w.alliance).count()
    contributions_before = Contribution.objects.filter(alliance=w.alliance).count()

    # The landing page: skip link first, then on to "Inloggen" in the content.
    page.goto(f"{live_server.url}{reverse('core:home')}")
    keys.skip_link_works()
    if not link(ui("Log in"))(focused(page)):
        keys.tab_to("log-in link", link(ui("Log in")))
    keys.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(ui("Log in"))

    # Log in.
    keys.skip_link_works()
    if not labelled(nl("E-mail address"))(focused(page)):
        keys.tab_to("e-mail field", labelled(nl("E-mail address")))
    keys.type(w.amina.user.email)
    keys.tab_to("password field", labelled(nl("Password")))
    keys.type(PASSWORD)
    keys.tab_to("log-in button", button("Log in"))
    keys.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        ui("Hello %(name)s", name=w.amina.display_name)
    )
    check_page(page, "home")

    # Open the alliance.
    keys.skip_link_works()
    keys.tab_to("the alliance", link(ALLIANCE))
    keys.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(ALLIANCE)

    # Write in the journal.
    keys.skip_link_works()
    keys.tab_to("write in the journal", link(ui("Write in the journal")))
    keys.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(ui("Write in the journal"))
    keys.skip_link_works()
    text = "Met alleen het toetsenbord geschreven: de brief van de gemeente is beantwoord."
    keys.tab_to("what happened", labelled(nl("what happened?")))
    keys.type(text)
    keys.tab_to("save", button("Save"))
    check_page(page, "journal-form-filled")
    keys.press("Enter")
    expect(page.get_by_role("status")).to_contain_text(nl("Your entry is in the journal."))
    assert JournalEntry.objects.filter(alliance=w.alliance).count() == entries_before + 1
    assert JournalEntry.objects.filter(alliance=w.alliance, what_happened=text).exists()

    # Record what was given (choices in a list: typing the first letters picks one). The page
    # opened at the journal (#logboek in the address), so Tab goes on from there.
    keys.tab_to("record what was given", link(ui("Record what was given")))
    keys.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(ui("Record what was given"))
    keys.skip_link_works()
    for label, choice in (("from", "Amina"), ("to", "Bas"), ("what kind", nl("Knowledge"))):
        keys.tab_to(label, labelled(nl(label)))
        keys.type(choice)
        chosen = page.evaluate("() => document.activeElement.selectedOptions[0].textContent.trim()")
        assert chosen.startswith(choice), f"{label}: typed {choice!r}, chose {chosen!r}"
    description = "Samen de formulieren van de toeslagen ingevuld."
    keys.tab_to("what was given", labelled(nl("what was given")))
    keys.type(description)
    keys.tab_to("save", button("Save"))
    keys.press("Space")  # a button works with Space as well as Enter
    expect(page.get_by_role("status")).to_contain_text(
        nl("Thank you. What was given is now visible to all parties.")
    )
    assert Contribution.objects.filter(alliance=w.alliance).count() == contributions_before + 1
    given = Contribution.objects.get(alliance=w.alliance, description=description)
    assert (given.giver.person, given.receiver.person) == (w.amina, w.bas)

    # Log out: back up to the menu in the page header.
    keys.tab_to("log out", button("Log out", in_main=False), back=True)
    keys.press("Enter")
    expect(page.get_by_role("navigation").get_by_role("link", name=ui("Log in"))).to_be_visible()
    check_page(page, "logged-out")
    assert keys.skip_links >= 5
    print(
        f"\nkeyboard only: {keys.presses} key presses, {keys.stops} focus stops, "
        f"each with a visible focus indicator; skip link used on {keys.skip_links} pages, "
        f"{keys.autofocus} page(s) started in the form"
    )
