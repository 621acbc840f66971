"""A gathering from registration to published report, in a real browser.

Gijs, coordinator of a neighbourhood team, organises a masterclass for at most two people and
adds a guest speaker. Amina and Bas register; Eva is too late and goes on the waiting list.
Gijs makes pairs at random, writes down the harvest (a quote of Bas among it), Bas agrees to his
quote on "My quotes", and Gijs makes the report from the harvest, edits it and publishes it.
Amina opens it. Every page on the way is checked with axe-core (``check_page``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse
from django.utils.text import capfirst
from playwright.sync_api import Page, expect

from bondgenoot.core.tests.a11y import log_in, nl, ui
from bondgenoot.people.models import MembershipRole
from bondgenoot.people.tests.factories import MembershipFactory

from ..models import Gathering, GatheringReport, RegistrationStatus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Masterclass samen leren"
QUOTE = "Eerst contact maken en luisteren, dan pas antwoorden."
CLOSING = "Er is gelukkig geen weg terug."


def label(msgid: str) -> re.Pattern[str]:
    """A form field's label, as the page shows it (optional ones say so after it)."""
    return re.compile(
        rf"^\s*{re.escape(capfirst(nl(msgid)))}(\s*\({re.escape(nl('optional'))}\))?\s*$"
    )


def test_from_registration_to_published_report(
    live_server: Any,
    open_page: Callable[..., Page],
    check_page: Callable[[Page, str], list[dict[str, Any]]],
    gijs: Any,
    amina: Any,
    bas: Any,
    eva: Any,
    org: Any,
) -> None:
    for person in (amina, bas, eva):
        MembershipFactory(organisation=org, person=person, role=MembershipRole.MEMBER)

    # --- Gijs organises the masterclass --------------------------------------------------------
    organiser = open_page()
    log_in(organiser, live_server.url, gijs.user.email)
    organiser.get_by_role("navigation").get_by_role("link", name=ui("Gatherings")).click()
    expect(organiser.get_by_role("heading", level=1)).to_have_text(ui("Gatherings"))
    check_page(organiser, "list-empty")
    organiser.get_by_role("link", name=ui("Organise a gathering")).first.click()
    expect(organiser.get_by_role("heading", level=1)).to_have_text(ui("Organise a gathering"))
    check_page(organiser, "create")
    organiser.get_by_label(label("kind of gathering")).select_option(label=nl("Masterclass"))
    organiser.get_by_label(label("title")).fill(TITLE)
    organiser.get_by_label(label("theme")).fill("bondgenootschappelijk samenwerken")
    organiser.get_by_label(label("the question of the gathering")).fill(
        "Wanneer leren we het nu eens?"
    )
    organiser.get_by_label(label("starts at")).fill("2031-05-17T14:00")
    organiser.get_by_label(label("ends at")).fill("2031-05-17T17:00")
    organiser.get_by_label(label("place")).fill("Buurthuis De Linde")
    organiser.get_by_label(label("Organisation")).select_option(label=org.name)
    organiser.get_by_label(label("maximum number of participants")).fill("2")
    organiser.get_by_label(label("status")).select_option(label=nl("Open for registration"))
    organiser.get_by_role("button", name=ui("Make the gathering")).click()
    expect(organiser.get_by_role("heading", level=1)).to_have_text(TITLE)
    check_page(organiser, "detail-organiser")
    gathering = Gathering.objects.get()

    # ... and adds a guest speaker without an account, who agreed to be named.
    organiser.get_by_role("link", name=ui("Speakers and guests")).click()
    check_page(organiser, "roles")
    organiser.get_by_label(label("role")).select_option(label=nl("Speaker"))
    organiser.get_by_label(label("name")).fill("Karel Jansen")
    organiser.get_by_label(label("who they are")).fill("oud-lector outreachend werken")
    organiser.get_by_label(label("what they said or brought")).fill(
        "Van rationeel naar relationeel werken."
    )
    organiser.get_by_label(label("may be named in the report")).check()
    organiser.get_by_role("button", name=ui("Add")).click()
    expect(organiser.get_by_role("status")).to_contain_text(nl("Added."))
    expect(organiser.get_by_role("main")).to_contain_text("Karel Jansen")

    # --- Amina and Bas register; Eva goes on the waiting list ----------------------------------
    detail = f"{live_server.url}{reverse('gatherings:detail', args=[gathering.pk])}"
    for person in (amina, bas):
        page = open_page()
        log_in(page, live_server.url, person.user.email)
        page.goto(detail)
        check_page(page, f"detail-{person.display_name.lower()}")
        page.get_by_role("button", name=ui("Register")).click()
        expect(page.get_by_role("status")).to_contain_text(nl("You are registered. See you there!"))
        if person == amina:
            participant = page
        else:
            speaker = page
    late = open_page()
    log_in(late, live_server.url, eva.user.email)
    late.goto(detail)
    late.get_by_role("button", name=ui("Put me on the waiting list")).click()
    expect(late.get_by_role("main")).to_contain_text(
        nl("You are on the waiting list: number %(position)s.", position=1)
    )
    check_page(late, "waiting-list")
    statuses = dict(gathering.registrations.values_list("person_id", "status"))
    assert statuses == {
        amina.pk: RegistrationStatus.REGISTERED,
        bas.pk: RegistrationStatus.REGISTERED,
        eva.pk: RegistrationStatus.WAITING,
    }

    # --- Gijs sees who comes and makes pairs at random -----------------------------------------
    organiser.get_by_role("link", name=ui("Participants")).click()
    expect(organiser.get_by_role("main")).to_contain_text("Eva")
    check_page(organiser, "participants")
    organiser.get_by_role("link", name=ui("Conversation groups")).click()
    check_page(organiser, "groups-empty")
    organiser.get_by_label(ui("How many people per group?")).select_option(value="2")
    organiser.get_by_role("button", name=ui("Make the groups")).click()
    pair = nl("Pair %(number)d", number=1)
    expect(organiser.get_by_role("heading", name=pair)).to_be_visible()
    check_page(organiser, "groups")

    # --- ... and writes down the harvest ---------------------------------------------------------
    organiser.get_by_role("link", name=ui("Harvest")).click()
    check_page(organiser, "harvest-empty")
    organiser.get_by_label(label("kind")).select_option(label=nl("Quote"))
    organiser.get_by_label(label("text")).fill(QUOTE)
    organiser.get_by_label(label("Who said it?")).select_option(label="Bas")
    organiser.get_by_label(label("Conversation group")).select_option(label=pair)
    organiser.get_by_role("button", name=ui("Add")).click()
    expect(organiser.get_by_role("status")).to_contain_text(nl("Added to the harvest."))
    organiser.get_by_label(label("kind")).select_option(label=nl("Agreement"))
    organiser.get_by_label(label("text")).fill("In het voorjaar volgt een derde masterclass.")
    organiser.get_by_role("button", name=ui("Add")).click()
    expect(organiser.get_by_role("main")).to_contain_text(
        nl("waiting for the speaker's consent: not in the report")
    )
    check_page(organiser, "harvest")

    # --- Bas agrees to his quote on his own page ----------------------------------------------
    speaker.goto(f"{live_server.url}{reverse('gatherings:my_quotes')}")
    expect(speaker.get_by_role("main")).to_contain_text(QUOTE)
    check_page(speaker, "my-quotes")
    speaker.get_by_role("button", name=ui("Yes, it may be in the report with my name")).click()
    expect(speaker.get_by_role("main")).to_contain_text(
        nl("Yes: this quote may be in the report, with my name.")
    )
    check_page(speaker, "my-quotes-agreed")

    # --- Gijs makes the report, edits it and publishes it ---------------------------------------
    organiser.get_by_role("link", name=ui("Write the report")).click()
    check_page(organiser, "report-none")
    organiser.get_by_role("button", name=ui("Make a new draft from the harvest")).click()
    expect(organiser.get_by_role("status")).to_contain_text(
        nl("A new draft of the report has been made from the harvest.")
    )
    preview = organiser.get_by_role("region", name=ui("This is how the report will look"))
    expect(preview).to_contain_text(QUOTE)
    expect(preview).to_contain_text("Karel Jansen")
    check_page(organiser, "report-draft")
    closing = organiser.get_by_role("textbox", name=label("closing"))
    closing.fill(f"{closing.input_value()}\n\n{CLOSING}")
    organiser.get_by_role("button", name=ui("Save the text")).click()
    expect(organiser.get_by_role("status")).to_contain_text(
        nl("The text of the report has been saved.")
    )
    expect(preview).to_contain_text(CLOSING)
    organiser.get_by_role("button", name=ui("Publish the report")).click()
    expect(organiser.get_by_role("status")).to_contain_text(nl("The report has been published."))
    check_page(organiser, "report-published")
    assert GatheringReport.objects.get().is_published

    # --- Amina opens the report -----------------------------------------------------------------
    participant.goto(detail)
    participant.get_by_role("link", name=ui("Read the report")).click()
    main = participant.get_by_role("main")
    expect(participant.get_by_role("heading", level=1)).to_contain_text(TITLE)
    for heading in (
        "The question of the gathering",
        "What the speakers said",
        "The groups and what they discussed",
        "Closing",
        "With thanks to",
    ):
        expect(main.get_by_role("heading", level=2, name=ui(heading))).to_be_visible()
    expect(main).to_contain_text(QUOTE)
    expect(main).to_contain_text(CLOSING)
    expect(main).to_contain_text("Karel Jansen – oud-lector outreachend werken")  # noqa: RUF001
    check_page(participant, "report")
