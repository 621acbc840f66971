import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from bondgenoot.money import services
from bondgenoot.money.models import Budget, BudgetLine, Expense, FunderView

from .conftest import PDF, PNG, receipt_file
from .factories import BudgetFactory, BudgetLineFactory, ExpenseFactory

pytestmark = pytest.mark.django_db

EURO = "€\u00a0"


def login(client, person):
    client.force_login(person.user)
    return client


def html(response) -> str:
    return response.content.decode()


def detail(budget) -> str:
    return reverse("money:budget_detail", args=[budget.pk])


# The organisation page and the list ------------------------------------------------------------


def test_the_organisation_page_links_to_money_for_members_only(client, org, member, chris):
    url = reverse("people:organisation_detail", args=[org.pk])
    money = reverse("money:budget_list", args=[org.pk])
    assert money in html(login(client, member).get(url))
    assert "Geld: begrotingen en uitgaven" in html(client.get(url))
    assert money not in html(login(client, chris).get(url))


def test_an_empty_list_invites_a_coordinator_to_make_a_budget(client, org, gijs, member):
    url = reverse("money:budget_list", args=[org.pk])
    page = html(login(client, gijs).get(url))
    assert "Er is nog geen begroting." in page
    assert reverse("money:budget_create", args=[org.pk]) in page
    page = html(login(client, member).get(url))
    assert "Een coördinator kan er een maken." in page
    assert reverse("money:budget_create", args=[org.pk]) not in page


def test_the_list_shows_budget_and_spent_per_budget(client, org, member, budget, expense):
    page = html(login(client, member).get(reverse("money:budget_list", args=[org.pk])))
    assert "Buurtbudget 2026" in page
    assert f"{EURO}1.700,00" in page  # budgeted
    assert f"{EURO}12,50" in page  # spent
    assert f"{EURO}1.687,50" in page  # left
    assert "1 januari 2026 tot en met 31 december 2026" in page


@pytest.mark.parametrize("count", [1, 30])
def test_the_list_reads_a_fixed_number_of_queries(
    client, org, member, django_assert_num_queries, count
):
    for _ in range(count):
        ExpenseFactory.create_batch(
            3, line=BudgetLineFactory(budget=BudgetFactory(organisation=org))
        )
    login(client, member)
    url = reverse("money:budget_list", args=[org.pk])
    # session + user + person, the organisation, the role, count + page of budgets
    with django_assert_num_queries(7):
        response = client.get(url)
    assert html(response).count("/geld/") >= min(count, 20)  # 20 per page


# Making a budget ---------------------------------------------------------------------------------


def _budget_post(**lines: str) -> dict[str, str]:
    data = {
        "name": "Zomerfeest",
        "period_start": "2026-06-01",
        "period_end": "2026-08-31",
        "posten-TOTAL_FORMS": "4",
        "posten-INITIAL_FORMS": "0",
        "posten-MIN_NUM_FORMS": "0",
        "posten-MAX_NUM_FORMS": "30",
    }
    for i in range(4):
        data.update({f"posten-{i}-name": "", f"posten-{i}-amount": "", f"posten-{i}-note": ""})
    data.update(lines)
    return data


def test_a_coordinator_makes_a_budget_with_two_lines(client, org, gijs):
    response = login(client, gijs).post(
        reverse("money:budget_create", args=[org.pk]),
        _budget_post(
            **{
                "posten-0-name": "Muziek",
                "posten-0-amount": "1.234,50",
                "posten-2-name": "Limonade",
                "posten-2-amount": "75",
                "posten-2-note": "En bekers",
            }
        ),
    )
    budget = Budget.objects.get()
    assert response.status_code == 302 and response["Location"] == detail(budget)
    assert [(line.name, line.amount, line.note) for line in budget.lines.all()] == [
        ("Muziek", Decimal("1234.50"), ""),
        ("Limonade", Decimal("75.00"), "En bekers"),
    ]
    assert budget.funder_sees == FunderView.NOTHING
    page = html(client.get(detail(budget)))
    assert "Kies hieronder wat een financier ervan ziet." in page
    assert f"{EURO}1.309,50" in page


def test_a_budget_without_lines_gets_a_dutch_message_and_keeps_the_rest(client, org, gijs):
    response = login(client, gijs).post(
        reverse("money:budget_create", args=[org.pk]), _budget_post()
    )
    page = html(response)
    assert response.status_code == 200
    assert "Vul minstens één post in: waar het geld voor is." in page
    assert 'value="Zomerfeest"' in page
    assert not Budget.objects.exists()


def test_a_negative_line_amount_is_refused_and_what_was_typed_stays(client, org, gijs):
    response = login(client, gijs).post(
        reverse("money:budget_create", args=[org.pk]),
        _budget_post(
            **{
                "posten-0-name": "Muziek",
                "posten-0-amount": "-50",
                "posten-1-name": "Limonade",
                "posten-1-amount": "75,25",
            }
        ),
    )
    page = html(response)
    assert "Vul een bedrag in dat groter is dan 0." in page
    assert 'value="-50"' in page and 'value="75,25"' in page and 'value="Limonade"' in page
    assert not Budget.objects.exists()


def test_an_end_before_the_start_is_refused(client, org, gijs):
    data = _budget_post(**{"posten-0-name": "Muziek", "posten-0-amount": "5"})
    data["period_end"] = "2026-05-01"
    page = html(login(client, gijs).post(reverse("money:budget_create", args=[org.pk]), data))
    assert "De einddatum kan niet vóór de begindatum liggen." in page
    assert not Budget.objects.exists()


def test_change_name_and_period(client, budget, gijs):
    response = login(client, gijs).post(
        reverse("money:budget_edit", args=[budget.pk]),
        {
            "name": "Buurtbudget 2026 en 2027",
            "period_start": "2026-01-01",
            "period_end": "2027-12-31",
        },
    )
    assert response.status_code == 302
    budget.refresh_from_db()
    assert budget.name == "Buurtbudget 2026 en 2027"
    assert budget.period_end == datetime.date(2027, 12, 31)


# The budget page ---------------------------------------------------------------------------------


def test_the_budget_page_shows_budgeted_spent_and_left_per_line_with_a_bar(
    client, budget, groceries, member, expense, gijs
):
    services.expense_add(
        line=groceries,
        by=gijs,
        amount=Decimal("537.50"),
        spent_on=datetime.date(2026, 4, 1),
        description="Grote boodschappen",
    )
    page = html(login(client, member).get(detail(budget)))
    # Boodschappen: 500 budgeted, 550 spent: over by 50
    assert f"{EURO}550,00" in page
    assert f"{EURO}50,00 meer uitgegeven dan begroot" in page
    assert "Boodschappen: meer uitgegeven dan begroot" in page  # the bar's text alternative
    # Huur buurthuis: nothing spent
    assert "Huur buurthuis: 0% uitgegeven (€\u00a00,00 van €\u00a01.200,00)" in page
    assert 'role="img"' in page and "<title id=" in page
    assert "Groente voor de buurtmaaltijd" in page and "Hanna" in page
    assert "Niets</strong>: de financier ziet deze begroting helemaal niet." in page
    assert "Een coördinator kiest dit." in page
    assert reverse("money:funder_view", args=[budget.pk]) not in page  # not for a member
    assert reverse("money:receipt", args=[budget.pk, expense.pk]) in page


def test_a_coordinator_sees_what_she_can_change(client, budget, gijs, expense):
    page = html(login(client, gijs).get(detail(budget)))
    for url in (
        reverse("money:funder_view", args=[budget.pk]),
        reverse("money:budget_close", args=[budget.pk]),
        reverse("money:line_add", args=[budget.pk]),
        reverse("money:expense_edit", args=[budget.pk, expense.pk]),
    ):
        assert url in page


def test_expenses_are_paginated(client, budget, groceries, member):
    ExpenseFactory.create_batch(25, line=groceries, description="Koffie")
    ExpenseFactory(line=groceries, description="De oudste", spent_on=datetime.date(2026, 1, 2))
    login(client, member)
    first = html(client.get(detail(budget)))
    assert first.count(">Koffie<") == 20 and "De oudste" not in first
    second = html(client.get(detail(budget) + "?pagina=2"))
    assert "De oudste" in second and "Pagina 2 van 2" in second


@pytest.mark.parametrize("count", [1, 30])
def test_the_budget_page_reads_a_fixed_number_of_queries(
    client, budget, groceries, member, django_assert_num_queries, count, alliance_with_org
):
    for line in [groceries, *BudgetLineFactory.create_batch(count, budget=budget)]:
        ExpenseFactory.create_batch(count, line=line, created_by=member)
    login(client, member)
    # session + user + person, budget, role, lines, count + page of expenses, in kind
    with django_assert_num_queries(9):
        response = client.get(detail(budget))
    assert response.status_code == 200


def test_the_budget_page_shows_what_was_given_in_kind(client, budget, member, alliance_with_org):
    from bondgenoot.alliances.models import Party
    from bondgenoot.alliances.tests.factories import ContributionFactory

    parties = Party.objects.filter(alliance=alliance_with_org)
    amina_party = parties.get(person__display_name="Amina")
    ContributionFactory(
        alliance=alliance_with_org,
        giver=amina_party,
        receiver=parties.get(organisation__isnull=False),
        kind="time",
        hours=Decimal("3.5"),
        description="Geheime beschrijving",
        given_on=datetime.date(2026, 5, 5),
    )
    page = html(login(client, member).get(detail(budget)))
    assert "Gegeven in natura" in page
    assert "Tijd" in page and "3,5" in page
    assert "Gegeven door mensen zelf (niet door een organisatie): 1 keer, 3,5 uur." in page
    assert "Geheime beschrijving" not in page and "Amina" not in page


# Expenses ---------------------------------------------------------------------------------------


def _expense_post(line, **data):
    return {
        "line": str(line.pk),
        "amount": "12,50",
        "spent_on": "2026-03-12",
        "description": "Koffie en thee",
        **data,
    }


def test_a_member_adds_an_expense_with_a_receipt_in_dutch_amounts(
    client, budget, groceries, member
):
    response = login(client, member).post(
        reverse("money:expense_add", args=[budget.pk]),
        _expense_post(groceries, amount="1.234,50", receipt=receipt_file("bon.pdf", PDF)),
    )
    assert response.status_code == 302
    expense = Expense.objects.get()
    assert (expense.amount, expense.created_by, expense.line) == (
        Decimal("1234.50"),
        member,
        groceries,
    )
    assert expense.receipt.name.endswith(".pdf")
    page = html(client.get(detail(budget)))
    assert "De uitgave is toegevoegd. Dank je wel." in page
    assert f"{EURO}1.234,50" in page


def test_a_receipt_whose_file_is_gone_is_not_found_and_the_expense_still_shows(
    client, budget, groceries, member
):
    login(client, member).post(
        reverse("money:expense_add", args=[budget.pk]),
        _expense_post(groceries, receipt=receipt_file("bon.pdf", PDF)),
    )
    expense = Expense.objects.get()
    expense.receipt.storage.delete(expense.receipt.name)  # restored without the media folder
    assert client.get(reverse("money:receipt", args=[budget.pk, expense.pk])).status_code == 404
    assert "Koffie en thee" in html(client.get(detail(budget)))


@pytest.mark.parametrize("typed", ["-12,50", "0", "0,00"])
def test_a_negative_or_zero_amount_gets_the_dutch_message_and_keeps_the_input(
    client, budget, groceries, member, typed
):
    response = login(client, member).post(
        reverse("money:expense_add", args=[budget.pk]), _expense_post(groceries, amount=typed)
    )
    page = html(response)
    assert response.status_code == 200
    assert "Vul een bedrag in dat groter is dan 0." in page
    assert f'value="{typed}"' in page and 'value="Koffie en thee"' in page
    assert 'value="2026-03-12"' in page
    assert not Expense.objects.exists()


def test_a_date_outside_the_period_names_the_period(client, budget, groceries, member):
    page = html(
        login(client, member).post(
            reverse("money:expense_add", args=[budget.pk]),
            _expense_post(groceries, spent_on="2027-01-03"),
        )
    )
    assert (
        "Kies een datum van 1 januari 2026 tot en met 31 december 2026: dat is de periode van "
        "deze begroting." in page
    )
    assert not Expense.objects.exists()


def test_an_amount_that_is_not_one_says_how_to_write_it(client, budget, groceries, member):
    page = html(
        login(client, member).post(
            reverse("money:expense_add", args=[budget.pk]), _expense_post(groceries, amount="tien")
        )
    )
    assert "Vul een bedrag in euro&#x27;s in, bijvoorbeeld 12,50." in page


def test_a_wrong_file_is_refused_and_asked_again(client, budget, groceries, member):
    page = html(
        login(client, member).post(
            reverse("money:expense_add", args=[budget.pk]),
            _expense_post(groceries, receipt=receipt_file("bon.html", b"<html></html>")),
        )
    )
    assert "Kies een bon die een PDF-, PNG- of JPG-bestand is." in page
    assert not Expense.objects.exists()


def test_a_receipt_with_another_mistake_is_asked_again(client, budget, groceries, member):
    page = html(
        login(client, member).post(
            reverse("money:expense_add", args=[budget.pk]),
            _expense_post(groceries, amount="-1", receipt=receipt_file()),
        )
    )
    assert "Je bon is nog niet bewaard. Kies het bestand alsjeblieft opnieuw." in page


def test_a_closed_budget_takes_no_expense_and_says_who_can_reopen(
    client, budget, groceries, member, gijs
):
    services.budget_close(budget=budget, by=gijs)
    login(client, member)
    url = reverse("money:expense_add", args=[budget.pk])
    response = client.post(url, _expense_post(groceries))
    assert response.status_code == 302 and response["Location"] == detail(budget)
    page = html(client.get(detail(budget)))
    assert "Deze begroting is afgesloten." in page
    assert "kan hem weer openen: Gijs." in page
    assert url not in page
    assert not Expense.objects.exists()


def test_change_an_expense_and_replace_its_receipt(client, budget, groceries, member, expense):
    old = expense.receipt.name
    response = login(client, member).post(
        reverse("money:expense_edit", args=[budget.pk, expense.pk]),
        _expense_post(groceries, amount="13,75", receipt=receipt_file("foto.png", PNG)),
    )
    assert response.status_code == 302
    expense.refresh_from_db()
    assert expense.amount == Decimal("13.75")
    assert expense.receipt.name != old and expense.receipt.name.endswith(".png")


def test_removing_an_expense_asks_first(client, budget, member, expense):
    url = reverse("money:expense_delete", args=[budget.pk, expense.pk])
    page = html(login(client, member).get(url))
    assert "Deze uitgave verwijderen?" in page
    assert "Ja, verwijder de uitgave" in page
    assert Expense.objects.exists()
    assert client.post(url).status_code == 302
    assert not Expense.objects.exists()


def test_the_receipt_is_a_download_for_members(client, budget, member, expense):
    response = login(client, member).get(reverse("money:receipt", args=[budget.pk, expense.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="bon-{expense.pk}.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]


def test_an_expense_without_a_receipt_has_no_download(client, budget, groceries, member):
    expense = ExpenseFactory(line=groceries)
    response = login(client, member).get(reverse("money:receipt", args=[budget.pk, expense.pk]))
    assert response.status_code == 404


# Lines, closing, the funder's view -------------------------------------------------------------


def test_add_change_and_remove_a_line(client, budget, gijs):
    login(client, gijs)
    client.post(
        reverse("money:line_add", args=[budget.pk]), {"name": "Drukwerk", "amount": "80,50"}
    )
    line = BudgetLine.objects.get(name="Drukwerk")
    assert line.amount == Decimal("80.50")
    client.post(
        reverse("money:line_edit", args=[budget.pk, line.pk]),
        {"name": "Flyers", "amount": "90", "note": "A5"},
    )
    line.refresh_from_db()
    assert (line.name, line.amount) == ("Flyers", Decimal("90"))
    url = reverse("money:line_delete", args=[budget.pk, line.pk])
    assert "De post Flyers verwijderen?" in html(client.get(url))
    client.post(url)
    assert not BudgetLine.objects.filter(pk=line.pk).exists()


def test_a_line_with_expenses_stays_with_a_message(client, budget, groceries, gijs, expense):
    login(client, gijs)
    client.post(reverse("money:line_delete", args=[budget.pk, groceries.pk]))
    assert BudgetLine.objects.filter(pk=groceries.pk).exists()
    assert "Op deze post is geld uitgegeven." in html(client.get(detail(budget)))


def test_a_negative_line_is_refused(client, budget, gijs):
    page = html(
        login(client, gijs).post(
            reverse("money:line_add", args=[budget.pk]), {"name": "Muziek", "amount": "-5"}
        )
    )
    assert "Vul een bedrag in dat groter is dan 0." in page
    assert 'value="Muziek"' in page


def test_close_and_reopen_ask_first(client, budget, gijs):
    login(client, gijs)
    close = reverse("money:budget_close", args=[budget.pk])
    assert "Deze begroting afsluiten?" in html(client.get(close))
    client.post(close)
    budget.refresh_from_db()
    assert budget.is_closed
    page = html(client.get(detail(budget)))
    assert "Afgesloten door Gijs op" in page
    reopen = reverse("money:budget_reopen", args=[budget.pk])
    assert reopen in page
    assert "Deze begroting weer openen?" in html(client.get(reopen))
    client.post(reopen)
    budget.refresh_from_db()
    assert not budget.is_closed


def test_the_coordinator_chooses_what_a_funder_sees(client, budget, gijs):
    login(client, gijs)
    url = reverse("money:funder_view", args=[budget.pk])
    page = html(client.get(url))
    for text in (
        "Niets",
        "Alleen de totalen",
        "Per post",
        "Per post, met elke uitgave",
        "Een financier ziet nooit de bonnen",
    ):
        assert text in page
    assert 'value="nothing" class="utrecht-radio-button utrecht-radio-button--html-input"' in page
    response = client.post(url, {"funder_sees": FunderView.LINES})
    assert response.status_code == 302
    budget.refresh_from_db()
    assert budget.funder_sees == FunderView.LINES
    assert "Per post</strong>: voor elke post" in html(client.get(detail(budget)))


def test_an_unknown_choice_for_the_funder_is_refused(client, budget, gijs):
    page = html(
        login(client, gijs).post(
            reverse("money:funder_view", args=[budget.pk]), {"funder_sees": "alles"}
        )
    )
    assert "Selecteer een geldige keuze. alles is geen beschikbare keuze." in page
    budget.refresh_from_db()
    assert budget.funder_sees == FunderView.NOTHING
