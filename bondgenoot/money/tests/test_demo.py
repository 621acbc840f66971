"""The demo's money, loaded through the services with the rest of the demo."""

import pytest
from django.utils import timezone

from bondgenoot.demo.loader import load_demo
from bondgenoot.money import demo, selectors
from bondgenoot.money.models import Budget, Expense, FunderView

pytestmark = pytest.mark.django_db


def test_the_demo_initiative_keeps_its_budget_in_the_open():
    load_demo()
    budget = Budget.objects.select_related("organisation").get(name=demo.BUDGET_NAME)
    assert budget.organisation.name == "Bewonersbeweging Wij in de Wijk"
    assert budget.funder_sees == FunderView.LINES
    assert budget.lines.count() == len(demo.LINES) == 4
    expenses = Expense.objects.filter(line__budget=budget)
    assert expenses.count() == len(demo.EXPENSES)
    assert 8 <= expenses.count() <= 12
    today = timezone.localdate()
    assert all(budget.period_start <= e.spent_on <= today for e in expenses)
    assert expenses.values("created_by").distinct().count() >= 5  # members add them too

    report = selectors.money_for_report(
        organisation=budget.organisation,
        start=budget.period_start,
        end=today,
        for_funder=True,
    )
    (shown,) = report.budgets
    assert shown.shows_lines and not shown.shows_expenses
    assert 0 < shown.spent < shown.budgeted
    assert report.in_kind.count > 0 and report.in_kind.hours > 0
    assert report.in_kind.by_people_count > 0
