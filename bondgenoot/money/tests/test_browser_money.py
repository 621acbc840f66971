"""Money in a real browser (Chromium, axe-core, strict CSP).

Amina coordinates her own organisation (``a11y.build_world``). She opens its money page, makes
a budget with two lines, adds an expense with a receipt, first with a negative amount (the Dutch
message, and what she typed is still there), sees budget versus spent, chooses what a funder
sees and closes the budget. Every page on the way is checked with axe-core.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.utils.text import capfirst
from playwright.sync_api import Page, expect

from bondgenoot.core.tests.a11y import build_world, log_in, nl, ui
from bondgenoot.money.models import Budget, FunderView

from .conftest import PDF

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EURO = "€\u00a0"


def label(msgid: str, *, optional: bool = False) -> re.Pattern[str]:
    """A form field's label as the page shows it (capitalised; optional ones say so)."""
    text = capfirst(nl(msgid))
    if optional:
        text = f"{text} ({nl('optional')})"
    return re.compile(rf"^\s*{re.escape(text)}\s*$")


@pytest.fixture
def world(alliance_with_org: Any, amina: Any, bas: Any, gijs: Any, eva: Any, org: Any) -> Any:
    return build_world(
        amina=amina, bas=bas, gijs=gijs, eva=eva, alliance=alliance_with_org, org=org
    )


def test_a_coordinator_keeps_the_money_of_her_initiative_in_the_open(
    live_server: Any,
    page: Page,
    check_page: Callable[[Page, str], list[dict[str, Any]]],
    world: Any,
) -> None:
    base = live_server.url
    org = world.own_org

    def check(name: str) -> None:
        assert check_page(page, name) == [], f"axe found problems on {name}"

    # --- From her organisation to its money page (empty) -----------------------------------
    log_in(page, base, world.amina.user.email)
    page.get_by_role("navigation", name=ui("Main menu")).get_by_role(
        "link", name=ui("Organisations")
    ).click()
    page.get_by_role("link", name=org.name).click()
    page.get_by_role("link", name=ui("Money: budgets and expenses")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        ui("Money of %(name)s", name=org.name)
    )
    check("money-empty")

    # --- A budget with two lines -----------------------------------------------------------
    page.get_by_role("link", name=ui("Make a budget")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(ui("New budget"))
    page.get_by_label(label("name of the budget")).fill("Kookclub 2026")
    page.get_by_label(label("period from")).fill("2026-01-01")
    page.get_by_label(label("period up to and including")).fill("2026-12-31")
    first = page.get_by_role("group", name=ui("Line %(number)s", number=1))
    first.get_by_label(label("What the money is for")).fill("Boodschappen")
    first.get_by_label(label("Amount")).fill("500")
    second = page.get_by_role("group", name=ui("Line %(number)s", number=2))
    second.get_by_label(label("What the money is for")).fill("Zaalhuur")
    second.get_by_label(label("Amount")).fill("1.200")
    second.get_by_label(label("Note", optional=True)).fill("Buurthuis, elke woensdag")
    check("budget-new")
    page.get_by_role("button", name=ui("Make the budget")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kookclub 2026")
    budget = Budget.objects.get(organisation=org)
    assert list(budget.lines.values_list("name", "amount")) == [
        ("Boodschappen", Decimal("500.00")),
        ("Zaalhuur", Decimal("1200.00")),
    ]
    check("budget")

    # --- An expense: first a negative amount, then right, with a receipt --------------------
    page.get_by_role("link", name=ui("Add an expense")).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(ui("Add an expense"))
    page.get_by_label(label("Line of the budget")).select_option(label="Boodschappen")
    amount = page.get_by_label(label("Amount"))
    amount.fill("-12,50")
    page.get_by_label(label("Date")).fill("2026-11-04")
    page.get_by_label(label("What was it for?")).fill("Groente voor de kookavond")
    receipt = {"name": "bon.pdf", "mimeType": "application/pdf", "buffer": PDF}
    page.get_by_label(label("Receipt", optional=True)).set_input_files(files=[receipt])
    page.get_by_role("button", name=ui("Save")).click()
    assert nl("Fill in an amount that is more than 0.") == "Vul een bedrag in dat groter is dan 0."
    expect(page.get_by_text(nl("Fill in an amount that is more than 0."))).to_be_visible()
    expect(amount).to_have_value("-12,50")
    expect(amount).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label(label("What was it for?"))).to_have_value("Groente voor de kookavond")
    expect(
        page.get_by_text(nl("Your receipt has not been saved yet. Choose the file again, please."))
    ).to_be_visible()
    assert not budget.lines.filter(expenses__isnull=False).exists()
    check("expense-refused")

    amount.fill("12,50")
    page.get_by_label(label("Receipt", optional=True)).set_input_files(files=[receipt])
    page.get_by_role("button", name=ui("Save")).click()
    expect(page.get_by_text(nl("The expense has been added. Thank you."))).to_be_visible()
    expense = budget.lines.get(name="Boodschappen").expenses.get()
    assert expense.amount == Decimal("12.50") and expense.receipt

    # --- Budget versus spent ---------------------------------------------------------------
    lines = page.get_by_role("table", name=ui("Per line: budgeted, spent and left"))
    groceries = lines.get_by_role("row", name=re.compile(r"^Boodschappen"))
    expect(groceries).to_contain_text(f"{EURO}500,00")
    expect(groceries).to_contain_text(f"{EURO}12,50")
    expect(groceries).to_contain_text(f"{EURO}487,50")
    expect(groceries.get_by_role("img")).to_have_accessible_name(
        ui(
            "%(name)s: %(share)s%% spent (%(spent)s of %(budgeted)s)",
            name="Boodschappen",
            share=2,
            spent=f"{EURO}12,50",
            budgeted=f"{EURO}500,00",
        )
    )
    expect(lines.get_by_role("row", name=re.compile(r"^Zaalhuur"))).to_contain_text(
        f"{EURO}1.200,00"
    )
    expenses = page.get_by_role("table", name=ui("What was spent, newest first"))
    expect(expenses).to_contain_text("Groente voor de kookavond")
    expect(expenses).to_contain_text(world.amina.display_name)
    with page.expect_download() as download:
        expenses.get_by_role("link", name=re.compile(rf"^{re.escape(nl('Receipt'))}")).click()
    assert download.value.suggested_filename == f"bon-{expense.pk}.pdf"
    check("budget-with-expense")

    # --- What a funder sees ----------------------------------------------------------------
    page.get_by_role("link", name=ui("Choose what a funder sees")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(ui("What does a funder see?"))
    check("funder-view")
    page.get_by_label(re.compile(rf"^\s*{re.escape(nl('Per line'))}:")).check()
    page.get_by_role("button", name=ui("Save my choice")).click()
    expect(page.get_by_text(nl("Saved. This is what a funder sees from now on."))).to_be_visible()
    budget.refresh_from_db()
    assert budget.funder_sees == FunderView.LINES

    # --- Closing the budget ----------------------------------------------------------------
    page.get_by_role("link", name=ui("Close the budget")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(ui("Close this budget?"))
    check("close-confirm")
    page.get_by_role("button", name=ui("Yes, close the budget")).click()
    expect(page.get_by_role("link", name=ui("Open the budget again"))).to_be_visible()
    expect(page.get_by_role("link", name=ui("Add an expense"))).to_have_count(0)
    check("budget-closed")


def test_every_page_of_money_passes_axe(
    live_server: Any,
    page: Page,
    check_page: Callable[[Page, str], list[dict[str, Any]]],
    world: Any,
) -> None:
    """The pages of the site-wide check (``suites.EVERY_PAGE_KWARGS``), as amina: also those
    the story above does not open (change, remove, reopen), and the receipt is a download."""
    from django.urls import reverse

    from . import suites

    suites.every_page(world)
    log_in(page, live_server.url, world.amina.user.email)
    opened = []
    for name, kwargs in suites.EVERY_PAGE_KWARGS.items():
        url = f"{live_server.url}{reverse(name, kwargs=kwargs(world))}"
        if name == "money:receipt":
            response = page.request.get(url)
            assert response.status == 200 and response.headers["content-type"] == "application/pdf"
            continue
        page.goto(url)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert check_page(page, name.removeprefix("money:")) == [], name
        opened.append(name)
    assert len(opened) == len(suites.EVERY_PAGE_KWARGS) - 1
