import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.utils import translation

from bondgenoot.core.errors import NotAllowed
from bondgenoot.money import services
from bondgenoot.money.models import Budget, Expense, FunderView

from .conftest import JPG, PNG, receipt_file

pytestmark = pytest.mark.django_db

MARCH = datetime.date(2026, 3, 12)


def dutch(error: ValidationError) -> list[str]:
    return error.messages


def refused(call, **kwargs) -> list[str]:
    with translation.override("nl"), pytest.raises(ValidationError) as error:
        call(**kwargs)
    return dutch(error.value)


# Budgets ----------------------------------------------------------------------------------------


def test_a_coordinator_makes_a_budget_with_lines_and_nothing_is_shown_to_a_funder(budget, gijs):
    assert budget.created_by == gijs
    assert [(line.name, line.amount, line.position) for line in budget.lines.all()] == [
        ("Boodschappen", Decimal("500.00"), 0),
        ("Huur buurthuis", Decimal("1200.00"), 1),
    ]
    assert budget.funder_sees == FunderView.NOTHING
    assert not budget.is_closed


def test_only_a_coordinator_makes_a_budget(org, member, chris, dewi):
    for person in (member, chris, dewi):
        with pytest.raises(NotAllowed):
            services.budget_create(
                organisation=org,
                by=person,
                name="Stiekem",
                period_start=datetime.date(2026, 1, 1),
                period_end=datetime.date(2026, 12, 31),
            )
    assert not Budget.objects.exists()


def test_a_budget_cannot_end_before_it_starts(org, gijs):
    messages = refused(
        services.budget_create,
        organisation=org,
        by=gijs,
        name="Achterstevoren",
        period_start=datetime.date(2026, 12, 31),
        period_end=datetime.date(2026, 1, 1),
    )
    assert messages == ["De einddatum kan niet vóór de begindatum liggen."]
    assert not Budget.objects.exists()


@pytest.mark.parametrize("amount", ["0", "-10", "-0.01"])
def test_a_line_of_zero_or_less_is_refused_and_the_budget_is_not_made(org, gijs, amount):
    messages = refused(
        services.budget_create,
        organisation=org,
        by=gijs,
        name="Zomerfeest",
        period_start=datetime.date(2026, 6, 1),
        period_end=datetime.date(2026, 8, 31),
        lines=[services.NewLine("Muziek", Decimal(amount))],
    )
    assert messages == ["Vul een bedrag in dat groter is dan 0."]
    assert not Budget.objects.exists()


def test_changing_the_period_keeps_every_expense_inside_it(budget, gijs, expense):
    messages = refused(
        services.budget_update,
        budget=budget,
        by=gijs,
        name=budget.name,
        period_start=datetime.date(2026, 4, 1),
        period_end=datetime.date(2026, 12, 31),
    )
    assert messages == [
        "Er is een uitgave buiten deze periode (op 12 maart 2026). Pas eerst die uitgave aan, "
        "of kies een periode waar die in valt."
    ]
    services.budget_update(
        budget=budget,
        by=gijs,
        name="Buurtbudget 2026-2027",
        period_start=datetime.date(2026, 3, 1),
        period_end=datetime.date(2027, 2, 28),
    )
    budget.refresh_from_db()
    assert budget.name == "Buurtbudget 2026-2027"
    assert budget.period_end == datetime.date(2027, 2, 28)


def test_close_and_reopen_only_by_a_coordinator(budget, gijs, member):
    with pytest.raises(NotAllowed):
        services.budget_close(budget=budget, by=member)
    services.budget_close(budget=budget, by=gijs)
    budget.refresh_from_db()
    assert budget.is_closed and budget.closed_by == gijs and budget.closed_on is not None
    assert refused(services.budget_close, budget=budget, by=gijs) == [
        "Deze begroting is al afgesloten."
    ]
    with pytest.raises(NotAllowed):
        services.budget_reopen(budget=budget, by=member)
    services.budget_reopen(budget=budget, by=gijs)
    budget.refresh_from_db()
    assert not budget.is_closed and budget.closed_by is None and budget.closed_on is None


def test_what_a_funder_sees_is_chosen_by_a_coordinator_also_when_closed(budget, gijs, member):
    with pytest.raises(NotAllowed):
        services.budget_set_funder_view(budget=budget, by=member, funder_sees=FunderView.LINES)
    services.budget_close(budget=budget, by=gijs)
    services.budget_set_funder_view(budget=budget, by=gijs, funder_sees=FunderView.LINES)
    budget.refresh_from_db()
    assert budget.funder_sees == FunderView.LINES
    assert refused(
        services.budget_set_funder_view, budget=budget, by=gijs, funder_sees="everything"
    ) == ["Kies een van de mogelijkheden."]


# Lines ------------------------------------------------------------------------------------------


def test_lines_are_added_at_the_end_changed_and_removed_while_empty(budget, gijs, groceries):
    line = services.line_add(budget=budget, by=gijs, name="Drukwerk", amount=Decimal("75"))
    assert line.position == 2
    services.line_update(line=line, by=gijs, name="Flyers", amount=Decimal("80"), note="A5")
    line.refresh_from_db()
    assert (line.name, line.amount, line.note) == ("Flyers", Decimal("80.00"), "A5")
    services.line_delete(line=line, by=gijs)
    assert not budget.lines.filter(pk=line.pk).exists()


def test_a_line_with_expenses_is_not_removed(gijs, groceries, expense):
    assert refused(services.line_delete, line=groceries, by=gijs) == [
        "Op deze post is geld uitgegeven. Zet die uitgaven eerst op een andere post, of "
        "verwijder ze."
    ]
    assert Expense.objects.filter(pk=expense.pk).exists()


@pytest.mark.parametrize("amount", ["0", "-5"])
def test_a_line_amount_must_be_more_than_zero(budget, gijs, groceries, amount):
    assert refused(
        services.line_add, budget=budget, by=gijs, name="Muziek", amount=Decimal(amount)
    ) == ["Vul een bedrag in dat groter is dan 0."]
    assert refused(
        services.line_update,
        line=groceries,
        by=gijs,
        name="Boodschappen",
        amount=Decimal(amount),
    ) == ["Vul een bedrag in dat groter is dan 0."]
    groceries.refresh_from_db()
    assert groceries.amount == Decimal("500.00")


def test_a_member_does_not_add_lines(budget, member):
    with pytest.raises(NotAllowed):
        services.line_add(budget=budget, by=member, name="Taart", amount=Decimal("20"))


# Expenses ---------------------------------------------------------------------------------------


def test_a_member_adds_an_expense_with_a_receipt_under_a_name_nobody_can_guess(expense, member):
    assert expense.created_by == member
    assert expense.amount == Decimal("12.50")
    name = expense.receipt.name
    assert name.startswith("bonnen/") and name.endswith(".pdf")
    assert len(name) == len("bonnen/") + 32 + len(".pdf")
    assert "bon" not in name.removeprefix("bonnen/")
    assert default_storage.exists(name)


@pytest.mark.parametrize(("filename", "content"), [("foto.png", PNG), ("foto.JPEG", JPG)])
def test_photos_of_receipts_are_taken(groceries, member, filename, content):
    expense = services.expense_add(
        line=groceries,
        by=member,
        amount=Decimal("3"),
        spent_on=MARCH,
        description="Koffie",
        receipt=receipt_file(filename, content),
    )
    assert expense.receipt.name.endswith(".png" if filename.endswith("png") else ".jpg")


@pytest.mark.parametrize("amount", ["0", "-12.50"])
def test_an_expense_of_zero_or_less_is_refused(groceries, member, amount):
    messages = refused(
        services.expense_add,
        line=groceries,
        by=member,
        amount=Decimal(amount),
        spent_on=MARCH,
        description="Terugbetaald",
    )
    assert messages == ["Vul een bedrag in dat groter is dan 0."]
    assert not Expense.objects.exists()


@pytest.mark.parametrize(
    "day", [datetime.date(2025, 12, 31), datetime.date(2027, 1, 1), datetime.date(2030, 5, 5)]
)
def test_an_expense_outside_the_period_is_refused_and_the_period_is_named(groceries, member, day):
    messages = refused(
        services.expense_add,
        line=groceries,
        by=member,
        amount=Decimal("5"),
        spent_on=day,
        description="Te vroeg of te laat",
    )
    assert messages == [
        "Kies een datum van 1 januari 2026 tot en met 31 december 2026: dat is de periode van "
        "deze begroting."
    ]
    assert not Expense.objects.exists()


def test_the_first_and_last_day_of_the_period_are_inside_it(groceries, member):
    for day in (datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)):
        services.expense_add(
            line=groceries, by=member, amount=Decimal("1"), spent_on=day, description="Rand"
        )
    assert Expense.objects.count() == 2


def test_no_expense_in_a_closed_budget_and_it_says_who_can_reopen(budget, groceries, gijs, member):
    services.budget_close(budget=budget, by=gijs)
    groceries.refresh_from_db()
    messages = refused(
        services.expense_add,
        line=groceries,
        by=member,
        amount=Decimal("5"),
        spent_on=MARCH,
        description="Na het afsluiten",
    )
    assert messages == [
        "Deze begroting is afgesloten. Er kan niets meer bij of af. Een coördinator van "
        "Buurtteam Vlinderbuurt kan hem weer openen: Gijs."
    ]
    assert not Expense.objects.exists()


def test_nothing_changes_in_a_closed_budget(budget, groceries, gijs, member, expense):
    services.budget_close(budget=budget, by=gijs)
    expense.refresh_from_db()
    groceries.refresh_from_db()
    closed = "Deze begroting is afgesloten."
    calls = [
        (services.expense_delete, {"expense": expense, "by": gijs}),
        (
            services.expense_update,
            {
                "expense": expense,
                "by": gijs,
                "line": groceries,
                "amount": Decimal("99"),
                "spent_on": MARCH,
                "description": "Anders",
            },
        ),
        (services.line_add, {"budget": budget, "by": gijs, "name": "X", "amount": Decimal(1)}),
        (services.line_delete, {"line": groceries, "by": gijs}),
        (
            services.budget_update,
            {
                "budget": budget,
                "by": gijs,
                "name": "Anders",
                "period_start": budget.period_start,
                "period_end": budget.period_end,
            },
        ),
    ]
    for call, kwargs in calls:
        assert refused(call, **kwargs)[0].startswith(closed)
    expense.refresh_from_db()
    assert expense.amount == Decimal("12.50")


def test_someone_outside_the_organisation_adds_no_expense(groceries, chris, dewi, amina):
    for person in (chris, dewi, amina):
        with pytest.raises(NotAllowed):
            services.expense_add(
                line=groceries, by=person, amount=Decimal(1), spent_on=MARCH, description="x"
            )


@pytest.mark.parametrize(
    ("filename", "content"),
    [
        ("bon.exe", b"MZ\x90\x00"),
        ("bon.pdf", b"<html><script>alert(1)</script>"),  # a name that lies about its content
        ("bon.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
        ("bon.png", b"%PDF-1.4"),  # a PDF called a PNG
        ("bon", b"%PDF-1.4"),
    ],
)
def test_a_receipt_of_another_kind_is_refused(groceries, member, filename, content):
    messages = refused(
        services.expense_add,
        line=groceries,
        by=member,
        amount=Decimal("5"),
        spent_on=MARCH,
        description="Met een vreemd bestand",
        receipt=receipt_file(filename, content),
    )
    assert messages == ["Kies een bon die een PDF-, PNG- of JPG-bestand is."]
    assert not Expense.objects.exists()


def test_a_receipt_bigger_than_5_mb_is_refused(groceries, member):
    big = b"%PDF-1.4\n" + b"0" * (5 * 1024 * 1024)
    messages = refused(
        services.expense_add,
        line=groceries,
        by=member,
        amount=Decimal("5"),
        spent_on=MARCH,
        description="Grote scan",
        receipt=receipt_file("scan.pdf", big),
    )
    assert len(messages) == 1
    assert messages[0].startswith("Dit bestand is te groot (5,1 MB). Een bon mag hoogstens 5 MB")
    assert not Expense.objects.exists()


def test_a_receipt_of_exactly_5_mb_is_taken(groceries, member):
    exact = b"%PDF-1.4\n" + b"0" * (5 * 1024 * 1024 - 9)
    expense = services.expense_add(
        line=groceries,
        by=member,
        amount=Decimal("5"),
        spent_on=MARCH,
        description="Precies groot genoeg",
        receipt=receipt_file("scan.pdf", exact),
    )
    assert expense.receipt.size == 5 * 1024 * 1024


def test_the_one_who_added_it_or_a_coordinator_changes_an_expense(
    budget, groceries, expense, member, gijs, bas
):
    rent = budget.lines.get(name="Huur buurthuis")
    services.expense_update(
        expense=expense,
        by=member,
        line=rent,
        amount=Decimal("15"),
        spent_on=MARCH,
        description="Zaalhuur",
    )
    expense.refresh_from_db()
    assert (expense.line, expense.amount, expense.description) == (rent, Decimal("15"), "Zaalhuur")
    # Another member may not; a coordinator may.
    from bondgenoot.people.models import MembershipRole
    from bondgenoot.people.tests.factories import MembershipFactory

    MembershipFactory(organisation=budget.organisation, person=bas, role=MembershipRole.MEMBER)
    with pytest.raises(NotAllowed):
        services.expense_update(
            expense=expense,
            by=bas,
            line=rent,
            amount=Decimal("1"),
            spent_on=MARCH,
            description="Niet van mij",
        )
    with pytest.raises(NotAllowed):
        services.expense_delete(expense=expense, by=bas)
    services.expense_update(
        expense=expense,
        by=gijs,
        line=groceries,
        amount=Decimal("16"),
        spent_on=MARCH,
        description="Zaalhuur, gecorrigeerd",
    )
    expense.refresh_from_db()
    assert expense.amount == Decimal("16")


def test_an_expense_moves_only_to_a_line_of_the_same_budget(org, gijs, expense):
    other = services.budget_create(
        organisation=org,
        by=gijs,
        name="Ander budget",
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 12, 31),
        lines=[services.NewLine("Anders", Decimal("10"))],
    )
    assert refused(
        services.expense_update,
        expense=expense,
        by=gijs,
        line=other.lines.get(),
        amount=Decimal("1"),
        spent_on=MARCH,
        description="Verplaatst",
    ) == ["Kies een post van deze begroting."]


def test_editing_with_bad_input_keeps_the_expense_as_it_was(groceries, expense, member):
    for amount, day in ((Decimal("-1"), MARCH), (Decimal("1"), datetime.date(2025, 1, 1))):
        with pytest.raises(ValidationError):
            services.expense_update(
                expense=expense,
                by=member,
                line=groceries,
                amount=amount,
                spent_on=day,
                description="Fout",
            )
    expense.refresh_from_db()
    assert (expense.amount, expense.spent_on, expense.description) == (
        Decimal("12.50"),
        MARCH,
        "Groente voor de buurtmaaltijd",
    )


def test_a_new_receipt_replaces_the_old_file_and_remove_takes_it_away(
    groceries, expense, member, django_capture_on_commit_callbacks
):
    old = expense.receipt.name
    with django_capture_on_commit_callbacks(execute=True):
        services.expense_update(
            expense=expense,
            by=member,
            line=groceries,
            amount=expense.amount,
            spent_on=expense.spent_on,
            description=expense.description,
            receipt=receipt_file("foto.png", PNG),
        )
    new = expense.receipt.name
    assert new != old and new.endswith(".png")
    assert default_storage.exists(new) and not default_storage.exists(old)
    with django_capture_on_commit_callbacks(execute=True):
        services.expense_update(
            expense=expense,
            by=member,
            line=groceries,
            amount=expense.amount,
            spent_on=expense.spent_on,
            description=expense.description,
            remove_receipt=True,
        )
    expense.refresh_from_db()
    assert not expense.receipt
    assert not default_storage.exists(new)


def test_removing_an_expense_removes_its_receipt(expense, gijs, django_capture_on_commit_callbacks):
    name = expense.receipt.name
    with django_capture_on_commit_callbacks(execute=True):
        services.expense_delete(expense=expense, by=gijs)
    assert not Expense.objects.exists()
    assert not default_storage.exists(name)


def test_the_receipt_goes_when_the_organisation_goes(
    org, expense, django_capture_on_commit_callbacks
):
    name = expense.receipt.name
    with django_capture_on_commit_callbacks(execute=True):
        org.delete()
    assert not default_storage.exists(name)


def test_the_database_refuses_amounts_of_zero_or_less_too(groceries):
    from django.db import IntegrityError, transaction

    from bondgenoot.money.models import BudgetLine

    with pytest.raises(IntegrityError), transaction.atomic():
        Expense.objects.create(line=groceries, amount=Decimal("-1"), spent_on=MARCH)
    with pytest.raises(IntegrityError), transaction.atomic():
        BudgetLine.objects.create(budget=groceries.budget, name="Nul", amount=Decimal("0"))


def test_outside_its_pages_an_expense_is_called_by_kind_and_number_only(budget, expense):
    """The admin lists what goes with a deleted organisation by these names."""
    for obj in (budget, expense.line, expense):
        assert str(obj) == f"{obj._meta.verbose_name} {obj.pk}"
    assert "Groente" not in str(expense) and "Buurtbudget" not in str(budget)
