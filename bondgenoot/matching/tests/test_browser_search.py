"""Bondgenoot zoeken in a real browser (Chromium, axe-core, strict CSP), at 320 px wide: a
question with results, a question that cannot be searched, and the empty list."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from bondgenoot.alliances.tests.test_browser_main_path import no_horizontal_scroll, ui
from bondgenoot.core.tests.a11y import log_in
from bondgenoot.matching import index_store
from bondgenoot.people.tests.factories import OrganisationFactory

from .helpers import findable

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NARROW = {"width": 320, "height": 800}


def _check(check_page: Callable[[Page, str], list[dict[str, Any]]], page: Page, name: str) -> None:
    violations = check_page(page, name)
    assert violations == [], [v["id"] for v in violations]
    no_horizontal_scroll(page, NARROW["width"])


def test_searching_for_an_ally(
    live_server: Any,
    open_page: Callable[..., Page],
    check_page: Callable[[Page, str], list[dict[str, Any]]],
    amina: Any,
    bas: Any,
    chris: Any,
) -> None:
    index_store.reset()
    findable(
        amina,
        strengths="Ik help met brieven van de gemeente en met schulden. Samen maken we een plan.",
        languages="Nederlands, Arabisch",
    )
    findable(bas, lived_experience="Ik heb zelf lang schulden gehad.", tags="geldzorgen, koken")
    OrganisationFactory(
        name="Geldmaatjes Vlinderbuurt", description="Wij helpen bewoners met hun administratie."
    )
    page = open_page(viewport=NARROW)
    log_in(page, live_server.url, "chris@example.org")
    page.get_by_role("navigation", name=ui("Main menu")).get_by_role(
        "link", name=ui("Find an ally")
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(ui("Find an ally"))
    _check(check_page, page, "search-page")

    page.get_by_label(ui("What are you looking for?")).fill(
        "Ik zoek iemand die Arabisch spreekt en kan helpen met geldzorgen en brieven"
    )
    page.get_by_role("button", name=ui("Search")).click()
    results = page.get_by_role("main").get_by_role("list").filter(has_text="Amina")
    expect(results.get_by_role("heading", level=3).first).to_have_text("Amina")
    first = results.get_by_role("listitem").first
    expect(first).to_contain_text("Past bij:")
    expect(first).to_contain_text("Spreekt: Arabisch")
    expect(page.get_by_text("Niet gevonden wat je zocht? Probeer andere woorden.")).to_be_visible()
    expect(page.get_by_text("niemand krijgt een cijfer")).to_be_visible()
    _check(check_page, page, "search-with-results")

    first.get_by_role("link", name="Amina", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Amina")

    page.goto(f"{live_server.url}{reverse('matching:search')}?q=%F0%9F%99%82%F0%9F%99%82")
    expect(page.get_by_role("alert")).to_contain_text("We vinden geen woorden in je vraag.")
    _check(check_page, page, "search-bad-question")

    page.goto(f"{live_server.url}{reverse('matching:search')}?q=&wijk=")
    expect(page.get_by_label(ui("What are you looking for?"))).to_have_attribute(
        "aria-invalid", "true"
    )
    _check(check_page, page, "search-empty-question")

    page.goto(f"{live_server.url}{reverse('matching:search')}?q=kickboksen")
    expect(page.get_by_text("Er past nog niemand bij deze woorden.")).to_be_visible()
    _check(check_page, page, "search-nobody-fits")
