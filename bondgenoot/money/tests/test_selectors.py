import datetime
from decimal import Decimal

import pytest

from bondgenoot.alliances.models import ContributionKind, Party
from bondgenoot.alliances.tests.factories import (
    AllianceFactory,
    ContributionFactory,
    PartyFactory,
)
from bondgenoot.money import selectors, services
from bondgenoot.money.models import FunderView
from bondgenoot.money.selectors import money_for_report

from .factories import BudgetFactory, BudgetLineFactory, ExpenseFactory

pytestmark = pytest.mark.django_db

YEAR = (datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))


def _report(org, *, for_funder: bool, start=YEAR[0], end=YEAR[1]):
    return money_for_report(organisation=org, start=start, end=end, for_funder=for_funder)


@pytest.fixture
def spent(budget, groceries, expense, gijs):
    """Groceries 500 (spent 12,50 + 40), rent 1200 (spent 600)."""
    rent = budget.lines.get(name="Huur buurthuis")
    services.expense_add(
        line=groceries,
        by=gijs,
        amount=Decimal("40"),
        spent_on=datetime.date(2026, 2, 1),
        description="Taart",
    )
    services.expense_add(
        line=rent,
        by=gijs,
        amount=Decimal("600"),
        spent_on=datetime.date(2026, 6, 1),
        description="Zaalhuur voorjaar",
    )
    return budget


def test_the_organisation_itself_sees_every_budget_line_and_expense(org, spent):
    report = _report(org, for_funder=False)
    (budget,) = report.budgets
    assert (budget.name, budget.budgeted, budget.spent, budget.remaining) == (
        "Buurtbudget 2026",
        Decimal("1700.00"),
        Decimal("652.50"),
        Decimal("1047.50"),
    )
    assert budget.shows_lines and budget.shows_expenses
    groceries, rent = budget.lines
    assert (groceries.name, groceries.budgeted, groceries.spent, groceries.remaining) == (
        "Boodschappen",
        Decimal("500.00"),
        Decimal("52.50"),
        Decimal("447.50"),
    )
    assert [(e.spent_on, e.amount, e.description) for e in groceries.expenses] == [
        (datetime.date(2026, 2, 1), Decimal("40.00"), "Taart"),
        (datetime.date(2026, 3, 12), Decimal("12.50"), "Groente voor de buurtmaaltijd"),
    ]
    assert rent.remaining == Decimal("600.00")
    assert (report.budgeted, report.spent, report.remaining) == (
        Decimal("1700.00"),
        Decimal("652.50"),
        Decimal("1047.50"),
    )


def test_a_funder_sees_nothing_by_default(org, spent):
    report = _report(org, for_funder=True)
    assert report.budgets == []
    assert report.budgeted == Decimal(0)


def test_a_funder_sees_only_the_totals(org, spent, gijs):
    services.budget_set_funder_view(budget=spent, by=gijs, funder_sees=FunderView.TOTALS)
    (budget,) = _report(org, for_funder=True).budgets
    assert (budget.budgeted, budget.spent) == (Decimal("1700.00"), Decimal("652.50"))
    assert budget.lines == [] and not budget.shows_lines and not budget.shows_expenses


def test_a_funder_sees_the_lines_without_expenses(org, spent, gijs):
    services.budget_set_funder_view(budget=spent, by=gijs, funder_sees=FunderView.LINES)
    (budget,) = _report(org, for_funder=True).budgets
    assert [(line.name, line.spent) for line in budget.lines] == [
        ("Boodschappen", Decimal("52.50")),
        ("Huur buurthuis", Decimal("600.00")),
    ]
    assert all(line.expenses == [] for line in budget.lines)
    assert budget.shows_lines and not budget.shows_expenses


def test_a_funder_sees_every_expense_but_never_a_receipt_or_who_added_it(org, spent, gijs):
    services.budget_set_funder_view(budget=spent, by=gijs, funder_sees=FunderView.EXPENSES)
    (budget,) = _report(org, for_funder=True).budgets
    groceries = budget.lines[0]
    assert [e.description for e in groceries.expenses] == [
        "Taart",
        "Groente voor de buurtmaaltijd",
    ]
    fields = set(type(groceries.expenses[0]).__dataclass_fields__)
    assert fields == {"spent_on", "amount", "description"}


def test_only_budgets_that_overlap_the_period_each_with_its_own_choice(org, gijs):
    def make(name, start, end, sees):
        budget = BudgetFactory(
            organisation=org, name=name, period_start=start, period_end=end, funder_sees=sees
        )
        ExpenseFactory(
            line=BudgetLineFactory(budget=budget, amount=Decimal(100)),
            spent_on=start,
            amount=Decimal(10),
        )
        return budget

    make("Vorig jaar", datetime.date(2025, 1, 1), datetime.date(2025, 12, 31), FunderView.LINES)
    make("Over de jaargrens", datetime.date(2025, 9, 1), datetime.date(2026, 3, 31), "totals")
    make("Dit jaar", datetime.date(2026, 1, 1), datetime.date(2026, 12, 31), FunderView.EXPENSES)
    make("Geheim", datetime.date(2026, 5, 1), datetime.date(2026, 5, 31), FunderView.NOTHING)
    make("Volgend jaar", datetime.date(2027, 1, 1), datetime.date(2027, 12, 31), "lines")
    BudgetFactory(name="Van een ander", funder_sees=FunderView.EXPENSES)  # another organisation

    funder = _report(org, for_funder=True)
    assert [(b.name, b.shows_lines, b.shows_expenses) for b in funder.budgets] == [
        ("Over de jaargrens", False, False),
        ("Dit jaar", True, True),
    ]
    members = _report(org, for_funder=False)
    assert [b.name for b in members.budgets] == ["Over de jaargrens", "Dit jaar", "Geheim"]


def test_a_budget_without_lines_or_expenses_counts_as_zero(org, gijs):
    services.budget_create(
        organisation=org,
        by=gijs,
        name="Leeg",
        period_start=YEAR[0],
        period_end=YEAR[1],
    )
    (budget,) = _report(org, for_funder=False).budgets
    assert (budget.budgeted, budget.spent, budget.lines) == (Decimal(0), Decimal(0), [])


# Contributions in kind ---------------------------------------------------------------------------


@pytest.fixture
def ledger(alliance_with_org, org, amina, bas, other_alliance):
    alliance = alliance_with_org
    mine = Party.objects.get(alliance=alliance, person=amina)
    his = Party.objects.get(alliance=alliance, person=bas)
    org_party = Party.objects.get(alliance=alliance, organisation=org)

    def give(giver, receiver, kind, day, hours=None, euros=None, alliance=alliance):
        ContributionFactory(
            alliance=alliance,
            giver=giver,
            receiver=receiver,
            kind=kind,
            hours=hours,
            euros=euros,
            given_on=day,
        )

    give(mine, his, ContributionKind.TIME, datetime.date(2026, 2, 2), hours=Decimal(2))
    give(mine, org_party, ContributionKind.TIME, datetime.date(2026, 4, 2), hours=Decimal("1.5"))
    give(his, org_party, ContributionKind.GOODS, datetime.date(2026, 3, 1), euros=Decimal(30))
    give(org_party, mine, ContributionKind.KNOWLEDGE, datetime.date(2026, 5, 1), hours=Decimal(1))
    # Not counted: money itself, outside the period, another alliance, one the org left.
    give(org_party, mine, ContributionKind.MONEY, datetime.date(2026, 5, 1), euros=Decimal(500))
    give(mine, his, ContributionKind.TIME, datetime.date(2025, 12, 31), hours=Decimal(9))
    eva_party, fleur_party = other_alliance.parties.filter(person__isnull=False)
    give(eva_party, fleur_party, "time", datetime.date(2026, 2, 2), 7, alliance=other_alliance)
    left = AllianceFactory()
    gone = PartyFactory(
        alliance=left, person=None, organisation=org, left_on=datetime.date(2026, 1, 5)
    )
    give(gone, PartyFactory(alliance=left), "time", datetime.date(2026, 2, 2), 5, alliance=left)
    return alliance


def test_in_kind_counts_what_everyone_gave_in_the_organisations_alliances(org, ledger):
    summary = selectors.in_kind_summary(organisation=org, start=YEAR[0], end=YEAR[1])
    assert (summary.count, summary.hours, summary.euros) == (4, Decimal("4.5"), Decimal(30))
    assert [(k.kind, k.count, k.hours, k.euros) for k in summary.by_kind] == [
        ("time", 2, Decimal("3.5"), Decimal(0)),
        ("knowledge", 1, Decimal(1), Decimal(0)),
        ("goods", 1, Decimal(0), Decimal(30)),
    ]
    assert [k.label for k in summary.by_kind] == ["Tijd", "Kennis", "Spullen"]
    # Residents gave three of the four; the organisation the knowledge.
    assert (summary.by_people_count, summary.by_people_hours) == (3, Decimal("3.5"))


def test_the_report_has_the_in_kind_of_its_own_period(org, ledger, budget):
    report = _report(
        org, for_funder=True, start=datetime.date(2026, 3, 1), end=datetime.date(2026, 4, 30)
    )
    assert (report.in_kind.count, report.in_kind.hours, report.in_kind.euros) == (
        2,
        Decimal("1.5"),
        Decimal(30),
    )
    assert report.budgets == []  # the funder sees nothing of the budget, still the in-kind


def test_nothing_in_kind_is_a_summary_of_zeros(org):
    summary = selectors.in_kind_summary(organisation=org, start=YEAR[0], end=YEAR[1])
    assert (summary.count, summary.hours, summary.euros, summary.by_kind) == (
        0,
        Decimal(0),
        Decimal(0),
        [],
    )


# Query counts ------------------------------------------------------------------------------------


def _fill(org, budgets: int, expenses_per_line: int, sees: str) -> None:
    for _ in range(budgets):
        budget = BudgetFactory(organisation=org, funder_sees=sees)
        for line in BudgetLineFactory.create_batch(2, budget=budget):
            ExpenseFactory.create_batch(expenses_per_line, line=line)


@pytest.mark.parametrize(
    ("for_funder", "sees", "queries"),
    [
        (False, FunderView.NOTHING, 4),  # budgets, lines, expenses, in kind
        (True, FunderView.EXPENSES, 4),
        (True, FunderView.LINES, 3),  # no expenses to read
        (True, FunderView.TOTALS, 3),
        (True, FunderView.NOTHING, 2),  # no budgets: no lines either
    ],
)
@pytest.mark.parametrize(("budgets", "expenses"), [(1, 1), (30, 30)])
def test_the_report_reads_a_fixed_number_of_queries(
    org, ledger, django_assert_num_queries, for_funder, sees, queries, budgets, expenses
):
    _fill(org, budgets, expenses, sees)
    with django_assert_num_queries(queries):
        report = _report(org, for_funder=for_funder)
    shown = 0 if for_funder and sees == FunderView.NOTHING else budgets
    assert len(report.budgets) == shown
    if shown and report.budgets[0].shows_expenses:
        assert sum(len(line.expenses) for line in report.budgets[-1].lines) == 2 * expenses
