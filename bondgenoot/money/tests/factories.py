import datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from bondgenoot.money.models import Budget, BudgetLine, Expense, FunderView
from bondgenoot.people.tests.factories import OrganisationFactory


class BudgetFactory(DjangoModelFactory):
    class Meta:
        model = Budget

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Buurtbudget {n}")
    period_start = datetime.date(2026, 1, 1)
    period_end = datetime.date(2026, 12, 31)
    funder_sees = FunderView.NOTHING


class BudgetLineFactory(DjangoModelFactory):
    class Meta:
        model = BudgetLine

    budget = factory.SubFactory(BudgetFactory)
    name = factory.Sequence(lambda n: f"Boodschappen {n}")
    amount = Decimal("500.00")
    position = factory.Sequence(lambda n: n)


class ExpenseFactory(DjangoModelFactory):
    class Meta:
        model = Expense

    line = factory.SubFactory(BudgetLineFactory)
    amount = Decimal("12.50")
    spent_on = datetime.date(2026, 3, 12)
    description = factory.Sequence(lambda n: f"Boodschappen buurtmaaltijd {n}")
