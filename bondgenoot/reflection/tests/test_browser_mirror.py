"""The mirror and intervisie in a real browser (headless Chromium), every page checked with axe.

1. A spiegel round for three people: amina opens a round for her team; she, bas and gijs log in
   on their own devices and fill in the six rows. While the round is open, amina sees only her
   own answer, even with three handed in; once she closes it, the team view shows the radar
   chart, the spread next to the previous round, the notes (a name only where its writer chose
   that) and what people want to talk about.
2. A case consultation through all steps: amina brings in a situation, opens the questions,
   bas asks and amina answers, she opens the advice, gijs advises, and she writes what she takes
   from it.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from bondgenoot.core.tests.a11y import log_in, nl, ui
from bondgenoot.reflection import services

from .factories import answer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PLACES = {
    1: "Completely left",
    2: "More left",
    3: "In the middle",
    4: "More right",
    5: "Completely right",
}


def row_group(page: Page, number: int) -> Any:
    return page.get_by_role("group", name=re.compile(rf"^\s*{re.escape(nl('Row'))} {number} "))


def fill_in(page: Page, places: list[int], *, notes: dict[int, str], talk: set[int]) -> None:
    for number, place in enumerate(places, start=1):
        group = row_group(page, number)
        group.get_by_label(ui(PLACES[place])).check()
        if number in notes:
            group.get_by_label(re.compile(re.escape(nl("In your own words")))).fill(notes[number])
        if number in talk:
            group.get_by_label(ui("I want to talk about this")).check()


def test_a_mirror_round_for_three_people(
    live_server: Any,
    open_page: Callable[..., Page],
    check_page: Callable[[Page, str], list[dict[str, Any]]],
    team: Any,
    amina: Any,
    bas: Any,
    gijs: Any,
) -> None:
    # An earlier round, so the team view can show the movement.
    earlier = services.round_open(
        team=team,
        by=amina,
        title="Spiegel winter",
        opened_at=timezone.now() - datetime.timedelta(days=90),
    )
    for person in (amina, bas, gijs):
        answer(earlier, person, 2)
    services.round_close(round=earlier, by=amina)

    # Amina opens a new round.
    page = open_page()
    log_in(page, live_server.url, amina.user.email)
    page.goto(f"{live_server.url}{reverse('reflection:team_list')}")
    expect(page.get_by_role("heading", level=1)).to_have_text(ui("The mirror"))
    check_page(page, "team-list")
    page.get_by_role("link", name="De dinsdaggroep").click()
    check_page(page, "team")
    page.get_by_role("link", name=ui("Open a new round")).click()
    check_page(page, "round-open")
    page.get_by_label(re.compile(re.escape(nl("Title of the round")))).fill("Spiegel voorjaar")
    page.get_by_role("button", name=ui("Open the round")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        ui("Fill in: %(title)s", title="Spiegel voorjaar")
    )
    check_page(page, "fill-in")

    # Handing in without a place on every line: the rows without one say so.
    row_group(page, 1).get_by_label(ui("More right")).check()
    page.get_by_role("button", name=ui("Hand in")).click()
    expect(row_group(page, 2)).to_contain_text(nl("Choose a place on the line."))
    check_page(page, "fill-in-errors")

    fill_in(
        page,
        [4, 4, 3, 3, 4, 5],
        notes={1: "Ik kijk eerst naar wat mensen kunnen."},
        talk={4},
    )
    page.get_by_label(re.compile(re.escape(nl("Show my name with my notes")))).check()
    page.get_by_role("button", name=ui("Hand in")).click()
    expect(page.locator(".bondgenoot-messages")).to_contain_text(
        nl("Thank you, your answer has been handed in. You can change it while the round is open.")
    )
    # One answer: only her own view, no chart.
    expect(page.get_by_role("main")).to_contain_text("Ik kijk eerst naar wat mensen kunnen.")
    expect(page.get_by_role("img")).to_have_count(0)
    check_page(page, "own-view")
    round_url = page.url

    # Bas and gijs, each on their own device.
    for person, places, notes, talk in (
        (bas, [5, 3, 2, 2, 4, 4], {4: "Verantwoorden in cijfers blijft lastig."}, {4, 6}),
        (gijs, [3, 4, 4, 2, 5, 4], {}, set()),
    ):
        other = open_page()
        log_in(other, live_server.url, person.user.email)
        other.goto(round_url)
        other.get_by_role("link", name=ui("Fill in")).click()
        fill_in(other, places, notes=notes, talk=talk)
        other.get_by_role("button", name=ui("Hand in")).click()
        expect(other.locator(".bondgenoot-messages")).to_be_visible()

    # Three answers, but the round is still open: still only her own view, so nobody can
    # work out the last answer from how the overview changed.
    page.reload()
    expect(page.get_by_role("main")).to_contain_text(
        nl(
            "The team's overview appears when the round is closed. While it is open, it would "
            "change with every answer handed in, and then others could work out what the last "
            "person chose. Until then you see only your own answer."
        )
    )
    expect(page.get_by_role("img")).to_have_count(0)
    expect(page.get_by_role("main")).not_to_contain_text("Verantwoorden in cijfers blijft lastig.")

    # Closing asks first.
    page.get_by_role("link", name=ui("Close the round")).click()
    check_page(page, "round-close")
    page.get_by_role("button", name=ui("Yes, close the round")).click()
    expect(page.locator(".bondgenoot-messages")).to_contain_text(
        nl("The round is closed. Answers that were not handed in stay drafts.")
    )
    # Closed, with three answers: the team view.
    chart = page.get_by_role(
        "img", name=ui("The spread of the team in %(title)s", title="Spiegel voorjaar")
    )
    expect(chart).to_be_visible()
    expect(page.locator("svg.bondgenoot-radar desc")).to_contain_text(
        nl("Dashed: the previous round.")
    )
    spread = page.get_by_role("table", name=ui("How many people chose each place (1 to 5)"))
    expect(spread.get_by_role("row")).to_have_count(7)
    row_one = spread.get_by_role("row").nth(1)
    expect(row_one.get_by_role("cell")).to_have_text(["0", "0", "1", "1", "1", "3\u20135", "0"])
    compare = page.get_by_role(
        "table", name=ui("This round next to %(title)s", title="Spiegel winter")
    )
    expect(compare).to_contain_text(nl("towards relationeel"))
    main = page.get_by_role("main")
    expect(main).to_contain_text("Ik kijk eerst naar wat mensen kunnen. — Amina")
    expect(main).to_contain_text("Verantwoorden in cijfers blijft lastig.")
    expect(main).not_to_contain_text("lastig. — Bas")
    check_page(page, "team-view")

    page.get_by_role("link", name=ui("Share a summary in a report")).click()
    check_page(page, "round-share")


def test_a_case_consultation_through_all_steps(
    live_server: Any,
    open_page: Callable[..., Page],
    check_page: Callable[[Page, str], list[dict[str, Any]]],
    team: Any,
    amina: Any,
    bas: Any,
    gijs: Any,
) -> None:
    page = open_page()
    log_in(page, live_server.url, amina.user.email)
    page.goto(f"{live_server.url}{reverse('reflection:case_list')}")
    check_page(page, "case-list-empty")
    page.get_by_role("main").get_by_role("link", name=ui("Bring in a situation")).click()
    check_page(page, "case-new")
    page.get_by_label(re.compile(f"^{re.escape(nl('Title'))}")).fill(
        "Een controle door de gemeente"
    )
    page.get_by_label(re.compile(re.escape(nl("What happens?")))).fill(
        "Het bewonersinitiatief moet volgende week laten zien wat het gepresteerd heeft."
    )
    page.get_by_label(re.compile(re.escape(nl("What is my question?")))).fill(
        "Hoe voorkom ik dat iedereen gefrustreerd raakt?"
    )
    page.get_by_label(re.compile(re.escape(nl("Share with")))).select_option(
        label="De dinsdaggroep"
    )
    page.get_by_role("button", name=ui("Share it")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Een controle door de gemeente")
    check_page(page, "case-step-1")
    case_url = page.url

    def move_on(step: str) -> None:
        page.goto(case_url)
        page.get_by_role("link", name=ui("Go on to the next step")).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(
            ui("Go on to: %(step)s?", step=nl(step))
        )
        check_page(page, f"move-on-{step}")
        page.get_by_role("button", name=ui("Yes, go on")).click()
        expect(page.locator(".bondgenoot-messages")).to_contain_text(nl("The next step is open."))

    def respond(who: Page, label: str, button: str, text: str) -> None:
        who.goto(case_url)
        who.get_by_label(re.compile(re.escape(nl(label)))).fill(text)
        who.get_by_role("button", name=ui(button)).click()
        expect(who.locator(".bondgenoot-messages")).to_contain_text(
            nl("Thank you, your response has been added.")
        )
        expect(who.get_by_role("main")).to_contain_text(text)

    move_on("Questions to understand it")
    bas_page = open_page()
    log_in(bas_page, live_server.url, bas.user.email)
    bas_page.goto(case_url)
    expect(bas_page.locator('[aria-current="step"]')).to_contain_text(
        nl("Questions to understand it")
    )
    expect(bas_page.get_by_role("link", name=ui("Go on to the next step"))).to_have_count(0)
    respond(bas_page, "Your question", "Ask the question", "Wat wil de gemeente precies weten?")
    check_page(bas_page, "case-step-2")
    respond(page, "Your question", "Ask the question", "Wat ze gedaan hebben, in aantallen.")

    move_on("Advice")
    gijs_page = open_page()
    log_in(gijs_page, live_server.url, gijs.user.email)
    respond(
        gijs_page, "Your advice", "Give the advice", "Breek het gesprek open: waar kom je vandaan?"
    )
    check_page(gijs_page, "case-step-3")
    page.goto(case_url)
    expect(page.get_by_label(re.compile(re.escape(nl("Your advice"))))).to_have_count(0)

    move_on("What I take from it")
    page.get_by_role("link", name=ui("Write what I take from it")).click()
    check_page(page, "takeaway")
    page.get_by_label(re.compile(re.escape(nl("What I take from it")))).fill(
        "Ik begin het gesprek met de vraag wat de zin van ons werk is."
    )
    page.get_by_role("button", name=ui("Save")).click()
    expect(page.get_by_role("main")).to_contain_text("wat de zin van ons werk is")
    check_page(page, "case-done")

    bas_page.goto(case_url)
    expect(bas_page.get_by_role("main")).to_contain_text("wat de zin van ons werk is")
    expect(bas_page.get_by_role("main")).to_contain_text("Breek het gesprek open")
    bas_page.goto(f"{live_server.url}{reverse('reflection:case_list')}")
    check_page(bas_page, "case-list")
