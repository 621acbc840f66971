"""The main path in a real browser: a resident signs up, describes her strengths, starts an
alliance and invites an ally by link; the ally signs up through that link and joins; both write
in the shared journal (one milestone), and what the resident gave is recorded.

Runs in headless Chromium (fixtures in ``bondgenoot/core/tests/browser.py``). Every page on the
way is screenshotted and checked with axe-core; console errors and CSP violations fail the test.

Elements are found as a person finds them: by the text of their label, their role and their
name. Those texts are looked up in the Dutch catalogue the site itself uses (``ui()``), so the
test follows the translation as it is completed; while a text has no Dutch translation yet, the
English text is what the page shows and what is matched. The untranslated ones are printed.
"""

from __future__ import annotations

import datetime
import re
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext
from playwright.sync_api import Page, expect

from bondgenoot.alliances import services
from bondgenoot.alliances.models import ContributionKind

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD_AMINA = "Lente-in-de-Vlinderbuurt-26"
PASSWORD_BAS = "Fietsen-langs-de-Vecht-26"
ALLIANCE = "Samen de post op orde"
PHONE = {"width": 375, "height": 800}

SAME_IN_DUTCH = {"Tandem"}
UNTRANSLATED: set[str] = set()


def nl(msgid: str, **params: Any) -> str:
    """The text the site shows for ``msgid`` in Dutch (the English msgid while untranslated)."""
    with translation.override("nl"):
        text = gettext(msgid)
    if text == msgid and msgid not in SAME_IN_DUTCH:
        UNTRANSLATED.add(msgid)
    return text % params if params else text


def ui(msgid: str, **params: Any) -> re.Pattern[str]:
    """Exactly that text, as a pattern for accessible names."""
    return re.compile(rf"^\s*{re.escape(nl(msgid, **params))}\s*$")


def field(msgid: str, *, optional: bool = False) -> re.Pattern[str]:
    """A form field's label: model labels start with a capital, optional ones say so."""
    text = capfirst(nl(msgid))
    if optional:
        text = f"{text} ({nl('optional')})"
    return re.compile(rf"^\s*{re.escape(text)}\s*$")


def starts_with(text: str) -> re.Pattern[str]:
    """A name that starts with ``text`` (a person's name, for example, then "(jij)")."""
    return re.compile(rf"^\s*{re.escape(text)}\b")


def sign_up(page: Page, *, name: str, email: str, password: str) -> None:
    page.get_by_label(ui("Your name")).fill(name)
    page.get_by_label(ui("E-mail address")).fill(email)
    page.get_by_label(field("Password", optional=True)).fill(password)
    page.get_by_label(field("Password again", optional=True)).fill(password)
    page.get_by_role("button", name=ui("Create my account")).click()


def no_horizontal_scroll(page: Page, width: int) -> None:
    scroll_width = page.evaluate("document.scrollingElement.scrollWidth")
    wide = page.evaluate(
        """width => [...document.querySelectorAll('body *')]
            .filter(el => el.getBoundingClientRect().right > width + 1)
            .slice(0, 5)
            .map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''))""",
        width,
    )
    assert scroll_width <= width, (
        f"{page.url} scrolls sideways at {width}px: scrollWidth={scroll_width}; wide: {wide}"
    )


def test_main_path_resident_and_ally(
    live_server: Any,
    page: Page,
    open_page: Callable[..., Page],
    check_page: Callable[[Page, str], list[dict[str, Any]]],
) -> None:
    started = time.monotonic()

    def url(name: str, *args: Any) -> str:
        return f"{live_server.url}{reverse(name, args=args)}"

    # --- Amina, a resident, signs up ("Aanmelden") ---------------------------------------------
    amina = page
    amina.goto(url("core:home"))
    check_page(amina, "landing")
    amina.get_by_role("main").get_by_role("link", name=ui("Sign up")).click()  # "Aanmelden"
    expect(amina.get_by_role("heading", level=1)).to_have_text(ui("Sign up"))
    check_page(amina, "signup")
    sign_up(amina, name="Amina", email="amina@example.org", password=PASSWORD_AMINA)

    # She lands on her profile and writes down what she is good at.
    expect(amina.get_by_role("heading", level=1)).to_have_text(ui("My profile"))
    expect(amina.get_by_role("status")).to_contain_text(
        nl("Welcome, %(name)s! Tell others a little about yourself.", name="Amina")
    )
    check_page(amina, "profile-edit")
    strengths = "Goed luisteren, brieven sorteren en koken voor veel mensen."
    amina.get_by_label(field("What I am good at", optional=True)).fill(strengths)
    amina.get_by_role("group", name=ui("What I am good at")).get_by_label(
        ui("Who may see this?")
    ).select_option(label=nl("My allies"))
    amina.get_by_role("button", name=ui("Save my profile")).click()
    expect(amina.get_by_role("status")).to_contain_text(nl("Your profile has been saved."))
    expect(amina.get_by_role("main")).to_contain_text(strengths)
    check_page(amina, "profile")

    # --- She starts an alliance ----------------------------------------------------------------
    amina.get_by_role("navigation").get_by_role("link", name=ui("Home")).click()
    amina.get_by_role("link", name=ui("Start an alliance")).click()
    expect(amina.get_by_role("heading", level=1)).to_have_text(ui("Start an alliance"))
    check_page(amina, "alliance-start")
    amina.get_by_label(field("name")).fill(ALLIANCE)
    amina.get_by_label(field("what we want to achieve together")).fill(
        "De stapel post wegwerken en weten wie ik kan bellen."
    )
    amina.get_by_label(field("how we work together", optional=True)).fill(
        "We zien elkaar op dinsdagmiddag bij mij thuis."
    )
    amina.get_by_label(field("Your role, in your own words", optional=True)).fill(
        "bewoner met een plan"
    )
    amina.get_by_role("button", name=ui("Start the alliance")).click()

    # ... and makes an invitation link.
    expect(amina.get_by_role("status")).to_contain_text(
        nl("Your alliance has started. Invite your ally with a link.")
    )
    expect(amina.get_by_role("heading", level=1)).to_have_text(
        ui("Invite an ally to %(name)s", name=ALLIANCE)
    )
    check_page(amina, "invite")
    amina.get_by_role("button", name=ui("Make the invitation")).click()
    expect(amina.get_by_role("heading", level=1)).to_have_text(ui("Your invitation is ready"))
    link_input = amina.locator("#invitation-link")
    expect(link_input).to_have_attribute("readonly", "")
    expect(amina.get_by_label(ui("Invitation link"))).to_have_value(link_input.input_value())
    invitation_link = link_input.input_value()
    assert invitation_link.startswith(f"{live_server.url}/bondgenootschappen/uitnodiging/")
    amina.get_by_role("button", name=ui("Copy link")).click()
    expect(amina.get_by_text(ui("Copied"))).to_be_visible()  # "Gekopieerd", said by copy-link.js
    check_page(amina, "invitation-created")

    amina.get_by_role("button", name=ui("Log out")).click()
    expect(amina.get_by_role("navigation").get_by_role("link", name=ui("Log in"))).to_be_visible()
    check_page(amina, "logged-out")

    # --- Bas opens the link on his own phone/computer: log in first, so he signs up ------------
    bas = open_page()
    bas.goto(invitation_link)
    expect(bas).to_have_url(
        re.compile(r"/account/inloggen/\?next=/bondgenootschappen/uitnodiging/")
    )
    expect(bas.get_by_role("heading", level=1)).to_have_text(ui("Log in"))
    check_page(bas, "login")
    bas.get_by_role("main").get_by_role("link", name=ui("Sign up")).click()
    expect(bas).to_have_url(re.compile(r"/account/aanmelden/\?next="))
    check_page(bas, "signup-with-next")
    sign_up(bas, name="Bas", email="bas@example.org", password=PASSWORD_BAS)

    # Back at the invitation; he joins, in a role he names himself.
    expect(bas.get_by_role("heading", level=1)).to_have_text(
        ui("Invitation: %(name)s", name=ALLIANCE)
    )
    expect(bas.get_by_role("main")).to_contain_text(
        nl("%(name)s invites you to work together as allies.", name="Amina")
    )
    check_page(bas, "invitation")
    bas.get_by_label(field("Your role, in your own words", optional=True)).fill(
        "buurman die de weg weet op het gemeentehuis"
    )
    bas.get_by_role("button", name=ui("Yes, I join")).click()
    expect(bas.get_by_role("heading", level=1)).to_have_text(ALLIANCE)
    expect(bas.get_by_role("status")).to_contain_text(
        nl("Welcome to %(name)s! You can now write in the shared journal.", name=ALLIANCE)
    )
    check_page(bas, "alliance-joined")

    # --- Bas writes the first journal entry -----------------------------------------------------
    bas.get_by_role("link", name=ui("Write in the journal")).click()
    expect(bas.get_by_role("heading", level=1)).to_have_text(ui("Write in the journal"))
    check_page(bas, "journal-form")
    bas_text = "We hebben samen drie zakken post gesorteerd."
    bas.get_by_label(field("what happened?")).fill(bas_text)
    bas.get_by_label(field("what did we learn?", optional=True)).fill(
        "Het lucht op om het samen te doen."
    )
    bas.get_by_label(field("what now?", optional=True)).fill("Volgende week bellen we samen.")
    bas.get_by_role("button", name=ui("Save")).click()
    expect(bas.get_by_role("status")).to_contain_text(nl("Your entry is in the journal."))

    # --- ... and records what Amina gave him: knowledge ("Wederkerigheid") ----------------------
    reciprocity = bas.get_by_role("region", name=ui("What we give each other"))
    reciprocity.get_by_role("link", name=ui("Record what was given")).click()
    expect(bas.get_by_role("heading", level=1)).to_have_text(ui("Record what was given"))
    check_page(bas, "contribution-form")
    bas.get_by_label(field("from")).select_option(label="Amina")
    bas.get_by_label(field("to")).select_option(label="Bas")
    bas.get_by_label(field("what kind")).select_option(label=nl("Knowledge"))  # "Kennis"
    bas.get_by_label(field("what was given")).fill(
        "Uitgelegd hoe je een betalingsregeling aanvraagt."
    )
    bas.get_by_label(field("hours", optional=True)).fill("1,5")  # a Dutch decimal comma
    bas.get_by_role("button", name=ui("Save")).click()
    expect(bas.get_by_role("status")).to_contain_text(
        nl("Thank you. What was given is now visible to all parties.")
    )

    # --- Amina logs in again, sees the alliance at home, writes a milestone --------------------
    amina.get_by_role("navigation").get_by_role("link", name=ui("Log in")).click()
    amina.get_by_label(ui("E-mail address")).fill("amina@example.org")
    amina.get_by_label(ui("Password")).fill(PASSWORD_AMINA)
    amina.get_by_role("main").get_by_role("button", name=ui("Log in")).click()
    expect(amina.get_by_role("heading", level=1)).to_have_text(ui("Hello %(name)s", name="Amina"))
    check_page(amina, "home")
    amina.get_by_role("link", name=ALLIANCE).click()
    expect(amina.get_by_role("heading", level=1)).to_have_text(ALLIANCE)

    amina.get_by_role("link", name=ui("Write in the journal")).click()
    amina_text = "Het eerste telefoontje met de woningcorporatie zelf gedaan!"
    amina.get_by_label(field("what happened?")).fill(amina_text)
    amina.get_by_label(ui("This is a milestone")).check()
    amina.get_by_role("button", name=ui("Save")).click()
    expect(amina.get_by_role("status")).to_contain_text(nl("Your entry is in the journal."))

    journal = amina.get_by_role("region", name=ui("Shared journal"))
    amina_entry = journal.get_by_role("listitem").filter(has_text=amina_text)
    bas_entry = journal.get_by_role("listitem").filter(has_text=bas_text)
    expect(amina_entry).to_contain_text(nl("Milestone"))
    expect(bas_entry).not_to_contain_text(nl("Milestone"))

    # The htmx button marks Bas's entry in place, without loading the page again, and back.
    def looks(entry: Any) -> str:
        return str(
            entry.evaluate(
                "el => [getComputedStyle(el).backgroundColor, getComputedStyle(el).borderTopColor]"
                ".join(' ')"
            )
        )

    plain_look, milestone_look = looks(bas_entry), looks(amina_entry)
    assert plain_look != milestone_look, "a milestone looks the same as any other entry"
    amina.evaluate("window.__sameDocument = true")
    with amina.expect_response(lambda r: "/mijlpaal/" in r.url) as marked:
        # "Markeer als mijlpaal"
        bas_entry.get_by_role("button", name=ui("Mark as milestone")).click()
    assert marked.value.request.headers.get("hx-request") == "true"
    expect(bas_entry).to_contain_text(nl("Milestone"))
    expect(bas_entry.get_by_role("button", name=ui("No longer a milestone"))).to_be_visible()
    assert looks(bas_entry) == milestone_look
    check_page(amina, "milestone-marked-in-place")
    bas_entry.get_by_role("button", name=ui("No longer a milestone")).click()
    expect(bas_entry.get_by_role("button", name=ui("Mark as milestone"))).to_be_visible()
    expect(bas_entry).not_to_contain_text(nl("Milestone"))
    assert looks(bas_entry) == plain_look
    assert amina.evaluate("window.__sameDocument === true"), "the page was loaded again"

    # --- The alliance page now tells the whole story --------------------------------------------
    amina.reload()
    main = amina.get_by_role("main")
    expect(main.get_by_text(nl("Tandem"), exact=True)).to_be_visible()
    parties = amina.get_by_role("region", name=ui("The tandem"))
    expect(parties.get_by_role("heading", name=starts_with("Amina"))).to_be_visible()
    expect(parties.get_by_role("heading", name=starts_with("Bas"))).to_be_visible()
    expect(parties).to_contain_text("bewoner met een plan")
    expect(parties).to_contain_text("buurman die de weg weet op het gemeentehuis")
    expect(journal.get_by_role("listitem")).to_have_count(2)
    expect(amina_entry).to_contain_text(nl("Milestone"))
    expect(bas_entry).not_to_contain_text(nl("Milestone"))
    assert looks(amina_entry) == milestone_look

    overview = amina.get_by_role("table", name=ui("Given and received, per party"))
    amina_row = overview.get_by_role("row").filter(
        has=amina.get_by_role("rowheader", name="Amina", exact=True)
    )
    bas_row = overview.get_by_role("row").filter(
        has=amina.get_by_role("rowheader", name="Bas", exact=True)
    )
    knowledge = f"{nl('Knowledge')}: 1\N{MULTIPLICATION SIGN}"
    expect(amina_row.get_by_role("cell").nth(0)).to_contain_text(knowledge)  # gave
    expect(amina_row.get_by_role("cell").nth(0)).to_contain_text("1,5")
    expect(amina_row.get_by_role("cell").nth(1)).to_contain_text(nl("Nothing yet"))
    expect(bas_row.get_by_role("cell").nth(0)).to_contain_text(nl("Nothing yet"))
    expect(bas_row.get_by_role("cell").nth(1)).to_contain_text(knowledge)  # received
    expect(amina.get_by_role("region", name=ui("What we give each other"))).to_contain_text(
        "Uitgelegd hoe je een betalingsregeling aanvraagt."
    )
    check_page(amina, "alliance")

    print(f"main path in the browser took {time.monotonic() - started:.1f}s")
    if UNTRANSLATED:
        print("still English on these pages:", sorted(UNTRANSLATED))


def test_alliance_page_on_a_phone(
    live_server: Any,
    open_page: Callable[..., Page],
    check_page: Callable[[Page, str], list[dict[str, Any]]],
    alliance: Any,
    amina: Any,
    bas: Any,
) -> None:
    """The alliance page of the main path, at 375px wide: accessible, nothing sideways."""
    amina_party = alliance.parties.get(person=amina)
    bas_party = alliance.parties.get(person=bas)
    services.journal_entry_add(
        alliance=alliance,
        author=bas,
        what_happened="We hebben samen drie zakken post gesorteerd.",
        what_we_learned="Het lucht op om het samen te doen.",
        what_next="Volgende week bellen we samen.",
        occurred_on=datetime.date(2026, 2, 1),
    )
    services.journal_entry_add(
        alliance=alliance,
        author=amina,
        what_happened="Het eerste telefoontje met de woningcorporatie zelf gedaan!",
        occurred_on=datetime.date(2026, 2, 8),
        is_milestone=True,
    )
    services.contribution_add(
        alliance=alliance,
        by=bas,
        giver=amina_party,
        receiver=bas_party,
        kind=ContributionKind.KNOWLEDGE,
        description="Uitgelegd hoe je een betalingsregeling aanvraagt.",
        hours=Decimal("1.5"),
        given_on=datetime.date(2026, 2, 8),
    )

    phone = open_page(viewport=PHONE)
    phone.goto(f"{live_server.url}{reverse('accounts:login')}")
    check_page(phone, "login-phone")
    no_horizontal_scroll(phone, PHONE["width"])
    phone.get_by_label(ui("E-mail address")).fill("amina@example.org")
    phone.get_by_label(ui("Password")).fill("geheim-wachtwoord-123")
    phone.get_by_role("main").get_by_role("button", name=ui("Log in")).click()
    expect(phone.get_by_role("heading", level=1)).to_have_text(ui("Hello %(name)s", name="Amina"))

    phone.goto(f"{live_server.url}{reverse('alliances:detail', args=[alliance.pk])}")
    expect(phone.get_by_role("heading", level=1)).to_have_text(alliance.name)
    expect(phone.get_by_role("table", name=ui("Given and received, per party"))).to_be_visible()
    check_page(phone, "alliance-phone")
    no_horizontal_scroll(phone, PHONE["width"])
