"""Issue 5 end to end in a real browser (Chromium, axe-core on every page).

Amina coordinates her own organisation (``a11y.build_world``; bas is a member). She writes down
bas's story, bas confirms it for reports without his name, amina chooses it in a selection round
with the group's reasons, keeps a budget with an expense, makes the report and shares it with
a funder's account. The funder opens it and downloads the PDF: its text (pdftotext) holds the
chosen story's title and reasons and none of the withheld names; its first two pages are
rendered to PNG (pdftoppm) in the git-ignored screenshots folder.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.utils.text import capfirst
from playwright.sync_api import Page, expect

from bondgenoot.core.tests import poppler
from bondgenoot.core.tests.a11y import build_world, log_in, nl, ui
from bondgenoot.core.tests.browser import SCREENSHOTS
from bondgenoot.reports.models import ReportOpening, ReportShare

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Elke woensdag aan tafel"
REASONS = "Het laat zien dat meedoen begint bij de keukentafel."


def label(msgid: str, *, optional: bool = False) -> re.Pattern[str]:
    text = capfirst(nl(msgid))
    if optional:
        text = f"{text} ({nl('optional')})"
    return re.compile(rf"^\s*{re.escape(text)}\s*$")


@pytest.fixture
def world(alliance_with_org: Any, amina: Any, bas: Any, gijs: Any, eva: Any, org: Any) -> Any:
    return build_world(
        amina=amina, bas=bas, gijs=gijs, eva=eva, alliance=alliance_with_org, org=org
    )


def test_stories_a_round_money_a_report_shared_and_opened_by_a_funder(
    live_server: Any,
    world: Any,
    funder: Any,
    open_page: Callable[..., Page],
    check_page: Callable[[Page, str], list[dict[str, Any]]],
    request: Any,
) -> None:
    poppler.tool("pdftotext"), poppler.tool("pdftoppm")
    base = live_server.url
    org = world.own_org
    today = datetime.date.today()  # noqa: DTZ011 (dates a person types)

    def check(page: Page, name: str) -> None:
        assert check_page(page, name) == [], f"axe found problems on {name}"

    # --- Amina writes down bas's story; bas confirms it for reports, without his name ---------
    amina = open_page()
    log_in(amina, base, world.amina.user.email)
    amina.get_by_role("navigation").get_by_role("link", name=ui("Stories")).click()
    amina.get_by_role("link", name=ui("Write down someone's story")).click()
    amina.get_by_role("main").get_by_role("link", name=org.name).click()
    amina.get_by_label(ui("Whose story is it?")).select_option(label="Bas")
    amina.get_by_label(ui("Title")).fill(TITLE)
    amina.get_by_label(ui("What has changed for them?")).fill(
        "Bas kookt elke woensdag mee. Hij kende eerst niemand in de buurt."
    )
    amina.get_by_label(ui("Why is that important to them?")).fill("Hij heeft nu vrienden.")
    amina.get_by_label(label("Domain of change", optional=True)).select_option(label="Meedoen")
    amina.get_by_role("button", name=ui("Save and ask to confirm")).click()
    expect(amina.get_by_role("heading", level=1)).to_have_text(TITLE)

    bas = open_page()
    log_in(bas, base, world.bas.user.email)
    bas.get_by_role("navigation").get_by_role("link", name=ui("Stories")).click()
    bas.get_by_role("link", name=TITLE).click()
    bas.get_by_label(re.compile(re.escape(nl("In reports, without my name")))).check()
    bas.get_by_role("button", name=ui("Confirm my story")).click()
    expect(bas.get_by_role("status").first).to_contain_text(
        nl("Your story is confirmed. From now on it counts.")
    )

    # --- A selection round: the group chooses it, with its reasons -----------------------------
    amina.goto(f"{base}/organisaties/{org.pk}/")
    amina.get_by_role("link", name=ui("Selection rounds")).click()
    amina.get_by_role("main").get_by_role("link", name=ui("Open a round")).first.click()
    amina.get_by_label(ui("Title")).fill("Voorjaar")
    amina.get_by_label(ui("Stories told from")).fill(
        (today - datetime.timedelta(days=90)).isoformat()
    )
    amina.get_by_label(ui("Up to and including")).fill(today.isoformat())
    amina.get_by_role("button", name=ui("Open the round")).click()
    amina.get_by_role("link", name=ui("Choose a story for %(name)s", name="Meedoen")).click()
    amina.get_by_label(re.compile(rf"^{re.escape(TITLE)}")).check()
    amina.get_by_label(ui("Why this story? The reasons of the group")).fill(REASONS)
    amina.get_by_role("button", name=ui("Save the choice")).click()
    expect(amina.get_by_role("main")).to_contain_text("meedoen begint bij de keukentafel")
    amina.get_by_role("link", name=ui("Close the round")).click()
    amina.get_by_role("button", name=ui("Yes, close the round")).click()
    expect(amina.get_by_role("status").first).to_contain_text(nl("The round is closed."))

    # --- Money: a budget with a line and an expense; a funder sees it per line -----------------
    amina.goto(f"{base}/organisaties/{org.pk}/")
    amina.get_by_role("link", name=ui("Money: budgets and expenses")).click()
    amina.get_by_role("link", name=ui("Make a budget")).click()
    amina.get_by_label(label("name of the budget")).fill("Kookclub dit jaar")
    amina.get_by_label(label("period from")).fill(f"{today.year}-01-01")
    amina.get_by_label(label("period up to and including")).fill(f"{today.year}-12-31")
    line = amina.get_by_role("group", name=ui("Line %(number)s", number=1))
    line.get_by_label(label("What the money is for")).fill("Boodschappen")
    line.get_by_label(label("Amount")).fill("500")
    amina.get_by_role("button", name=ui("Make the budget")).click()
    amina.get_by_role("link", name=ui("Add an expense")).first.click()
    amina.get_by_label(label("Line of the budget")).select_option(label="Boodschappen")
    amina.get_by_label(label("Amount")).fill("12,50")
    amina.get_by_label(label("Date")).fill(today.isoformat())
    amina.get_by_label(label("What was it for?")).fill("Groente voor de kookavond")
    amina.get_by_role("button", name=ui("Save")).click()
    expect(amina.get_by_text(nl("The expense has been added. Thank you."))).to_be_visible()
    amina.get_by_role("link", name=ui("Choose what a funder sees")).click()
    amina.get_by_label(re.compile(rf"^\s*{re.escape(nl('Per line'))}:")).check()
    amina.get_by_role("button", name=ui("Save my choice")).click()

    # --- The report: made, read through, shared with the funder's account ----------------------
    amina.get_by_role("navigation").get_by_role("link", name=ui("Reports")).click()
    expect(amina.get_by_role("heading", level=1)).to_have_text(ui("Reports"))
    check(amina, "reports-empty")
    amina.get_by_role("link", name=ui("Make a report")).first.click()
    check(amina, "report-new")
    amina.get_by_label(label("title")).fill("Ons jaar")
    amina.get_by_label(label("introduction", optional=True)).fill("Wij koken samen.")
    amina.get_by_role("button", name=ui("Save")).click()
    expect(amina.get_by_role("heading", level=1)).to_have_text("Ons jaar")
    main = amina.get_by_role("main")
    expect(main).to_contain_text(TITLE)
    expect(main).to_contain_text(REASONS)
    expect(main).to_contain_text("Boodschappen")
    expect(main).not_to_contain_text("Bas kookt elke woensdag")  # ...his name is replaced
    check(amina, "report")
    amina.get_by_role("link", name=ui("Share with a funder")).click()
    check(amina, "report-share")
    amina.get_by_label(label("E-mail address of the funder's account")).fill(funder.user.email)
    amina.get_by_role("button", name=ui("Share with this account")).click()
    expect(amina.get_by_role("status").first).to_contain_text(
        nl("Version %(number)s has been shared with %(name)s.", number=1, name=funder)
    )
    share = ReportShare.objects.get()

    # --- The funder opens it: the page, then the PDF ------------------------------------------
    reader = open_page()
    log_in(reader, base, funder.user.email)
    reader.get_by_role("link", name=re.compile(re.escape("Ons jaar"))).first.click()
    expect(reader.get_by_role("heading", level=1)).to_have_text("Ons jaar")
    expect(reader.get_by_role("main")).to_contain_text(REASONS)
    check(reader, "funder-report")
    with reader.expect_download() as download:
        reader.get_by_role("link", name=ui("Download as PDF")).click()
    pdf = Path(download.value.path()).read_bytes()
    assert ReportOpening.objects.filter(share=share, by=funder).count() == 2

    text = poppler.pdf_text(pdf)
    flat = " ".join(text.split())
    assert TITLE in flat and REASONS in flat
    assert "Bas" not in flat.replace(TITLE, "") and "Amina" not in flat
    folder = Path(request.config.rootpath) / SCREENSHOTS / "report-pdf"
    folder.mkdir(parents=True, exist_ok=True)
    first_two = ("-png", "-r", "60", "-f", "1", "-l", "2", "-", str(folder / "page"))
    poppler.run("pdftoppm", *first_two, pdf=pdf)
    assert len(list(folder.glob("page-*.png"))) == 2

    # The coordinator sees who opened it.
    amina.goto(f"{base}/verantwoording/{share.version.report_id}/")
    expect(amina.get_by_role("region", name=ui("Who opened it"))).to_contain_text(
        funder.display_name
    )
