"""In a real browser (Chromium, axe-core, strict CSP): marking an entry as sensitive, an ally
reading it, the writer finding out on "Wie keek er mee", and an archived alliance; at 320 px
wide too. Every page here must have no axe violations at all."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from bondgenoot.alliances import services
from bondgenoot.alliances.tests.test_browser_main_path import no_horizontal_scroll, ui
from bondgenoot.core.tests.a11y import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NARROW = {"width": 320, "height": 800}


def _check(check_page: Callable[[Page, str], list[dict[str, Any]]], page: Page, name: str) -> None:
    violations = check_page(page, name)
    assert violations == [], [v["id"] for v in violations]
    no_horizontal_scroll(page, NARROW["width"])


def test_sensitive_entry_read_by_an_ally_shows_up_for_the_writer(
    live_server: Any,
    open_page: Callable[..., Page],
    check_page: Callable[[Page, str], list[dict[str, Any]]],
    alliance: Any,
    amina: Any,
    bas: Any,
) -> None:
    amina_page = open_page(viewport=NARROW)
    log_in(amina_page, live_server.url, "amina@example.org")
    amina_page.goto(
        f"{live_server.url}{reverse('alliances:journal_entry_add', args=[alliance.pk])}"
    )
    _check(check_page, amina_page, "journal-form-with-sensitivity")
    amina_page.get_by_label(ui("What happened?")).fill("Brief van de deurwaarder gekregen.")
    amina_page.get_by_role("checkbox", name=ui("Money")).check()
    amina_page.get_by_role("button", name=ui("Save")).click()
    expect(amina_page.get_by_text(ui("Sensitive: %(topics)s", topics="geld"))).to_be_visible()

    bas_page = open_page(viewport=NARROW)
    log_in(bas_page, live_server.url, "bas@example.org")
    bas_page.goto(f"{live_server.url}{reverse('alliances:detail', args=[alliance.pk])}")
    expect(bas_page.get_by_text("Brief van de deurwaarder gekregen.")).to_be_visible()
    _check(check_page, bas_page, "ally-reads-sensitive-entry")

    amina_page.goto(f"{live_server.url}{reverse('people:person_detail', args=[amina.pk])}")
    amina_page.get_by_role(
        "link", name=ui("Who looked along: who saw what you marked as sensitive")
    ).click()
    expect(amina_page.get_by_role("heading", level=1)).to_have_text(ui("Who looked along"))
    expect(amina_page.get_by_role("listitem").filter(has_text="Bas")).to_contain_text(alliance.name)
    _check(check_page, amina_page, "who-looked-along")

    amina_page.goto(f"{live_server.url}{reverse('people:profile_edit')}")
    _check(check_page, amina_page, "profile-form-with-sensitivity")


def test_an_archived_alliance_and_an_empty_log(
    live_server: Any,
    open_page: Callable[..., Page],
    check_page: Callable[[Page, str], list[dict[str, Any]]],
    alliance: Any,
    amina: Any,
) -> None:
    services.journal_entry_add(
        alliance=alliance, author=amina, what_happened="Geheim", is_sensitive=True
    )
    alliance.status, alliance.ended_on = "ended", datetime.date(2026, 3, 1)
    alliance.save()
    services.alliance_erase_sensitive(alliance=alliance, today=datetime.date(2028, 3, 1))
    page = open_page(viewport=NARROW)
    log_in(page, live_server.url, "amina@example.org")
    page.goto(f"{live_server.url}{reverse('alliances:detail', args=[alliance.pk])}")
    expect(page.get_by_text(ui("This text was erased after the retention period."))).to_be_visible()
    _check(check_page, page, "archived-alliance")
    page.goto(f"{live_server.url}{reverse('audit:my_access_log')}")
    _check(check_page, page, "who-looked-along-empty")
