"""In a real browser (Chromium, axe-core, strict CSP), at 320 px: amina removes bas with a
reason; bas, logged in at the same time in another window, no longer sees the alliance."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from bondgenoot.alliances.tests.test_browser_main_path import no_horizontal_scroll, ui
from bondgenoot.core.tests.a11y import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NARROW = {"width": 320, "height": 800}


def test_remove_a_party_and_their_open_window_loses_access(
    live_server: Any,
    open_page: Callable[..., Page],
    check_page: Callable[[Page, str], list[dict[str, Any]]],
    alliance: Any,
    amina: Any,
    bas: Any,
    browser_problems: Any,
) -> None:
    detail = f"{live_server.url}{reverse('alliances:detail', args=[alliance.pk])}"
    bas_page = open_page(viewport=NARROW)
    log_in(bas_page, live_server.url, "bas@example.org")
    response = bas_page.goto(detail)
    assert response is not None and response.status == 200

    amina_page = open_page(viewport=NARROW)
    log_in(amina_page, live_server.url, "amina@example.org")
    amina_page.goto(detail)
    # The link names whom it removes (for screen readers): "Uit dit bondgenootschap halen: Bas".
    remove_bas = re.compile(r"^Uit dit bondgenootschap halen\W+Bas$")
    amina_page.get_by_role("link", name=remove_bas).click()
    violations = check_page(amina_page, "remove-party-confirm")
    assert violations == [], [v["id"] for v in violations]
    no_horizontal_scroll(amina_page, NARROW["width"])
    amina_page.get_by_label(ui("Why? In a few words")).fill("Zo hebben we het afgesproken.")
    amina_page.get_by_role("button", name=ui("Yes, remove")).click()
    expect(amina_page.get_by_role("heading", level=1)).to_have_text(alliance.name)
    expect(amina_page.get_by_role("status").first).to_contain_text("Bas")

    browser_problems.expect_error_status(detail)  # the 404 is the point of this test
    response = bas_page.goto(detail)
    assert response is not None and response.status == 404
