"""Stories of change in a real browser: a coordinator writes down a member's story, he confirms
it with a correction, she opens a selection round and chooses it with the group's reasons, and
he reads on his home page that his story was chosen, and why.

Amina coordinates her organisation (``a11y.build_world``: "Kookclub De Vlinder"), bas is a
member of it. Every page on the way is checked with axe-core (``check_page``); elements are
found by their Dutch label, role and name (``ui``/``nl``: the site's own catalogue).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from bondgenoot.core.tests.a11y import World, build_world, log_in, nl, ui
from bondgenoot.stories.models import SelectionChoice, Story, StoryStatus, StoryUse

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REASONS = "Het laat zien dat meedoen begint bij de keukentafel.\nWe kozen het met z'n vijven."


@pytest.fixture
def world(alliance_with_org: Any, amina: Any, bas: Any, gijs: Any, eva: Any, org: Any) -> World:
    return build_world(
        amina=amina, bas=bas, gijs=gijs, eva=eva, alliance=alliance_with_org, org=org
    )


def optional(msgid: str) -> re.Pattern[str]:
    return re.compile(rf"^\s*{re.escape(nl(msgid))} \({re.escape(nl('optional'))}\)\s*$")


def test_write_down_confirm_and_choose_a_story(
    live_server: Any,
    world: World,
    open_page: Callable[..., Page],
    check_page: Callable[[Page, str], list[dict[str, Any]]],
) -> None:
    base = live_server.url
    organisation = world.own_org.name

    # --- Amina writes down the story Bas told her -----------------------------------------------
    amina = open_page()
    log_in(amina, base, world.amina.user.email)
    amina.get_by_role("navigation").get_by_role("link", name=ui("Stories")).click()
    expect(amina.get_by_role("heading", level=1)).to_have_text(ui("Stories of change"))
    check_page(amina, "stories-empty")
    amina.get_by_role("link", name=ui("Write down someone's story")).click()
    expect(amina.get_by_role("heading", level=1)).to_have_text(ui("Write down someone's story"))
    check_page(amina, "where")
    amina.get_by_role("main").get_by_role("link", name=organisation).click()
    check_page(amina, "write-down")
    amina.get_by_label(ui("Whose story is it?")).select_option(label="Bas")
    amina.get_by_label(ui("Title")).fill("Bas kookt mee")
    amina.get_by_label(ui("What has changed for them?")).fill(
        "Bas kookt elke woensdag mee. Hij kende eerst niemand in de buurt."
    )
    amina.get_by_label(ui("Why is that important to them?")).fill("Hij heeft nu vrienden.")
    amina.get_by_label(optional("Domain of change")).select_option(label="Meedoen")
    amina.get_by_role("button", name=ui("Save and ask to confirm")).click()
    expect(amina.get_by_role("status").first).to_contain_text(
        nl("Saved. %(name)s gets a message to read, confirm or correct it.", name="Bas")
    )
    expect(amina.get_by_role("heading", level=1)).to_have_text("Bas kookt mee")
    check_page(amina, "written-down")
    story = Story.objects.get()
    assert story.status == StoryStatus.AWAITING_CONFIRMATION

    # --- Bas reads it, corrects it and confirms it ----------------------------------------------
    bas = open_page()
    log_in(bas, base, world.bas.user.email)
    bas.get_by_role("navigation").get_by_role("link", name=ui("Stories")).click()
    expect(bas.get_by_role("heading", name=ui("Waiting for you"))).to_be_visible()
    check_page(bas, "stories-waiting")
    bas.get_by_role("link", name="Bas kookt mee").click()
    expect(bas.get_by_role("heading", level=1)).to_have_text(ui("Confirm your story"))
    expect(bas.get_by_role("main")).to_contain_text("Hij kende eerst niemand in de buurt.")
    check_page(bas, "confirm")
    bas.get_by_label(ui("What has changed for you?")).fill(
        "Ik kook elke woensdag mee. Ik kende eerst niemand in de buurt, nu word ik gegroet."
    )
    bas.get_by_label(re.compile(re.escape(nl("Within the organisation")))).check()
    bas.get_by_role("button", name=ui("Confirm my story")).click()
    expect(bas.get_by_role("status").first).to_contain_text(
        nl("Your story is confirmed. From now on it counts.")
    )
    expect(bas.get_by_role("heading", name=ui("What your ally wrote first"))).to_be_visible()
    check_page(bas, "confirmed")
    story.refresh_from_db()
    assert (story.status, story.use) == (StoryStatus.CONFIRMED, StoryUse.ORGANISATION)

    # --- Amina opens a selection round and chooses it, with the group's reasons ------------------
    amina.goto(f"{base}{reverse('people:organisation_detail', args=[world.own_org.pk])}")
    amina.get_by_role("link", name=ui("Selection rounds")).click()
    expect(amina.get_by_role("heading", level=1)).to_have_text(ui("Selection rounds"))
    check_page(amina, "rounds-empty")
    amina.get_by_role("main").get_by_role("link", name=ui("Open a round")).first.click()
    check_page(amina, "round-open")
    today = datetime.date.today()  # noqa: DTZ011 (a date a person types)
    amina.get_by_label(ui("Title")).fill("Voorjaar")
    amina.get_by_label(ui("Stories told from")).fill(
        (today - datetime.timedelta(days=90)).isoformat()
    )
    amina.get_by_label(ui("Up to and including")).fill(today.isoformat())
    amina.get_by_role("button", name=ui("Open the round")).click()
    expect(amina.get_by_role("heading", level=1)).to_have_text("Voorjaar")
    expect(amina.get_by_role("main")).to_contain_text("Ik kook elke woensdag mee.")
    check_page(amina, "round")
    amina.get_by_role("link", name=ui("Choose a story for %(name)s", name="Meedoen")).click()
    check_page(amina, "choose")
    amina.get_by_label(re.compile(r"^Bas kookt mee")).check()
    amina.get_by_role("button", name=ui("Save the choice")).click()  # without reasons first
    expect(amina.get_by_role("main")).to_contain_text(
        nl("Write down why the group chose this story. That is the point.")
    )
    check_page(amina, "choose-without-reasons")
    amina.get_by_label(re.compile(r"^Bas kookt mee")).check()
    amina.get_by_label(ui("Why this story? The reasons of the group")).fill(REASONS)
    amina.get_by_role("button", name=ui("Save the choice")).click()
    expect(amina.get_by_role("status").first).to_contain_text(
        nl("The choice is saved. The storyteller gets a message with your reasons.")
    )
    expect(amina.get_by_role("main")).to_contain_text("meedoen begint bij de keukentafel")
    check_page(amina, "round-chosen")
    assert SelectionChoice.objects.get().reasons.replace("\r\n", "\n") == REASONS

    # --- Bas reads the news on his home page -----------------------------------------------------
    bas.get_by_role("navigation").get_by_role("link", name=ui("Home")).click()
    news = bas.get_by_role("region", name=ui("News for you"))
    expect(news).to_contain_text("Bas kookt mee")
    expect(news).to_contain_text("meedoen begint bij de keukentafel")
    check_page(bas, "home-news")
    news.get_by_role("link", name=re.compile("meedoen begint bij de keukentafel")).click()
    expect(bas.get_by_role("heading", name=ui("Chosen in a selection round"))).to_be_visible()
    check_page(bas, "story-chosen")
