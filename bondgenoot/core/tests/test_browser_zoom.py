"""Reflow (WCAG 1.4.10) and zoom (1.4.4): the main pages at 320 CSS pixels wide, and a
1280x900 window zoomed in to 200% (640x450 CSS pixels at a device scale factor of 2). Nothing
may make the page scroll sideways (``scrollWidth <= innerWidth``); every page is screenshotted
and checked with axe-core at that size (``check_page``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from .a11y import World, build_world, log_in, scroll_width

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {
    "320px": ({"width": 320, "height": 640}, 1),
    "1280px-at-200pct": ({"width": 640, "height": 450}, 2),
}


@pytest.fixture
def a11y_world(
    alliance_with_org: Any, amina: Any, bas: Any, gijs: Any, eva: Any, org: Any
) -> World:
    return build_world(
        amina=amina, bas=bas, gijs=gijs, eva=eva, alliance=alliance_with_org, org=org
    )


def main_pages(w: World) -> list[tuple[str, str]]:
    return [
        ("home", reverse("core:home")),
        ("alliance", reverse("alliances:detail", args=[w.alliance.pk])),
        ("journal-form", reverse("alliances:journal_entry_add", args=[w.alliance.pk])),
        ("journal-entry", reverse("alliances:journal_entry", args=[w.alliance.pk, w.entry.pk])),
        ("contribution-form", reverse("alliances:contribution_add", args=[w.alliance.pk])),
        ("contributions", reverse("alliances:contributions", args=[w.alliance.pk])),
        ("my-profile", reverse("people:profile_edit")),
        ("profile", reverse("people:person_detail", args=[w.bas.pk])),
        ("my-data", reverse("privacy:overview")),
        ("directory", reverse("people:directory")),
        ("organisation", reverse("people:organisation_detail", args=[w.own_org.pk])),
        ("accessibility", reverse("core:accessibility")),
    ]


@pytest.mark.parametrize("size", list(SIZES))
def test_main_pages_reflow_without_sideways_scrolling(
    size: str,
    live_server: Any,
    a11y_world: World,
    open_page: Callable[..., Page],
    check_page: Callable[[Page, str], list[dict[str, Any]]],
) -> None:
    viewport, scale = SIZES[size]
    page = open_page(viewport=viewport, device_scale_factor=scale)
    anonymous = open_page(viewport=viewport, device_scale_factor=scale)
    anonymous.goto(f"{live_server.url}{reverse('accounts:login')}")
    log_in(page, live_server.url, a11y_world.amina.user.email)
    assert page.evaluate("window.innerWidth") == viewport["width"]
    assert page.evaluate("window.devicePixelRatio") == scale

    sideways = []
    checked = [("login", None), *main_pages(a11y_world)]
    for name, path in checked:
        current = anonymous if path is None else page
        if path is not None:
            current.goto(f"{live_server.url}{path}")
        expect(current.get_by_role("heading", level=1)).to_be_visible()
        check_page(current, f"{size}-{name}")
        width, window, wide = scroll_width(current)
        if width > window:
            sideways.append(f"{name} ({current.url}): {width}px in {window}px; wide: {wide}")
    print(f"\n{size}: {len(checked)} pages checked, {len(sideways)} scroll sideways")
    assert sideways == [], "\n".join(sideways)
