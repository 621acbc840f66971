"""Reads for money. Query counts here are pinned by tests (they do not grow with the data).

The pages pass an organisation or budget already fetched by ``permissions.get_*_for`` (which
checks that the viewer is a member). ``money_for_report`` is not scoped to a viewer: the report
that calls it checks who may read the report of that organisation.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import (
    Count,
    DecimalField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce

from bondgenoot.alliances.models import Contribution, ContributionKind, Party
from bondgenoot.people.models import Organisation

from .models import Budget, BudgetLine, Expense, FunderView

BUDGETS_PAGE_SIZE = 20
EXPENSES_PAGE_SIZE = 20
ZERO = Decimal("0.00")
_MONEY = DecimalField(max_digits=14, decimal_places=2)


def _total(expression: Sum) -> Coalesce:
    return Coalesce(expression, Value(ZERO), output_field=_MONEY)


def _subtotal(queryset: QuerySet, group: str) -> Coalesce:
    """The sum of ``amount`` of ``queryset`` (already filtered on OuterRef), as a subquery."""
    summed = queryset.order_by().values(group).annotate(total=Sum("amount")).values("total")
    return Coalesce(Subquery(summed, output_field=_MONEY), Value(ZERO), output_field=_MONEY)


def _share(spent: Decimal, budgeted: Decimal) -> int:
    """Spent as a whole percentage of the budgeted amount, at most 100 (for the bar)."""
    if budgeted <= 0:
        return 100 if spent > 0 else 0
    return min(100, int(spent * 100 / budgeted))


# Pages -----------------------------------------------------------------------------------------


def budgets_page(organisation: Organisation, *, page: Any = 1) -> Page[Any]:
    """The budgets of an organisation, newest period first, with their totals (one query)."""
    budgets = (
        Budget.objects.filter(organisation=organisation)
        .annotate(
            budgeted=_subtotal(BudgetLine.objects.filter(budget=OuterRef("pk")), "budget"),
            spent=_subtotal(Expense.objects.filter(line__budget=OuterRef("pk")), "line__budget"),
        )
        .order_by("-period_start", "-id")
    )
    return Paginator(budgets, BUDGETS_PAGE_SIZE).get_page(page)


@dataclass(frozen=True)
class LineRow:
    """One line of a budget with what was spent on it."""

    pk: int
    name: str
    note: str
    budgeted: Decimal
    spent: Decimal

    @property
    def remaining(self) -> Decimal:
        return self.budgeted - self.spent

    @property
    def is_over(self) -> bool:
        return self.spent > self.budgeted

    @property
    def over_by(self) -> Decimal:
        return self.spent - self.budgeted

    @property
    def share(self) -> int:
        return _share(self.spent, self.budgeted)


@dataclass(frozen=True)
class BudgetTotals:
    lines: list[LineRow]

    @property
    def budgeted(self) -> Decimal:
        return sum((line.budgeted for line in self.lines), ZERO)

    @property
    def spent(self) -> Decimal:
        return sum((line.spent for line in self.lines), ZERO)

    @property
    def remaining(self) -> Decimal:
        return self.budgeted - self.spent

    @property
    def is_over(self) -> bool:
        return self.spent > self.budgeted

    @property
    def over_by(self) -> Decimal:
        return self.spent - self.budgeted

    @property
    def share(self) -> int:
        return _share(self.spent, self.budgeted)


def _lines_with_spent(budget_ids: list[int]) -> QuerySet[BudgetLine]:
    return (
        BudgetLine.objects.filter(budget_id__in=budget_ids)
        .annotate(spent=_total(Sum("expenses__amount")))
        .order_by("budget_id", "position", "id")
    )


def _row(line: BudgetLine) -> LineRow:
    return LineRow(
        pk=line.pk,
        name=line.name,
        note=line.note,
        budgeted=line.amount,
        spent=line.spent,  # type: ignore[attr-defined]
    )


def budget_totals(budget: Budget) -> BudgetTotals:
    """The lines of a budget with budgeted / spent / remaining (one query)."""
    return BudgetTotals(lines=[_row(line) for line in _lines_with_spent([budget.pk])])


def expenses_page(budget: Budget, *, page: Any = 1) -> Page[Expense]:
    """The expenses of a budget, newest first, with their line and who added them."""
    expenses = (
        Expense.objects.filter(line__budget=budget)
        .select_related("line", "created_by")
        .order_by("-spent_on", "-id")
    )
    return Paginator(expenses, EXPENSES_PAGE_SIZE).get_page(page)


# Contributions in kind --------------------------------------------------------------------------


@dataclass(frozen=True)
class InKindKind:
    """Contributions of one kind: how many, hours and euros (of those that have them)."""

    kind: str
    label: str
    count: int
    hours: Decimal
    euros: Decimal


@dataclass(frozen=True)
class InKindSummary:
    """What was given in kind in the alliances the organisation is an active party of.

    Everything in the reciprocity ledger except money itself (kind "money"): time, knowledge,
    experience, network, goods and other help, with their hours and a value in euros where
    someone filled one in. It counts what anyone gave in those alliances, residents included;
    ``by_people_*`` is the part given by people (not by an organisation). Only totals per kind:
    never who gave it or what they wrote (that stays inside the alliance).
    """

    start: datetime.date
    end: datetime.date
    count: int = 0
    hours: Decimal = ZERO
    euros: Decimal = ZERO
    by_people_count: int = 0
    by_people_hours: Decimal = ZERO
    by_kind: list[InKindKind] = field(default_factory=list)


def in_kind_summary(
    *, organisation: Organisation, start: datetime.date, end: datetime.date
) -> InKindSummary:
    """One query, whatever the number of contributions."""
    alliance_ids = Party.objects.filter(organisation=organisation, left_on__isnull=True).values(
        "alliance_id"
    )
    by_people = Q(giver__organisation__isnull=True)
    rows = (
        Contribution.objects.filter(alliance_id__in=alliance_ids, given_on__range=(start, end))
        .exclude(kind=ContributionKind.MONEY)
        .order_by()
        .values("kind")
        .annotate(
            count=Count("id"),
            total_hours=_total(Sum("hours")),
            total_euros=_total(Sum("euros")),
            people_count=Count("id", filter=by_people),
            people_hours=_total(Sum("hours", filter=by_people)),
        )
    )
    found = {row["kind"]: row for row in rows}
    labels = dict(ContributionKind.choices)
    by_kind = [
        InKindKind(
            kind=kind,
            label=str(labels[kind]),
            count=found[kind]["count"],
            hours=found[kind]["total_hours"],
            euros=found[kind]["total_euros"],
        )
        for kind in ContributionKind.values
        if kind in found
    ]
    return InKindSummary(
        start=start,
        end=end,
        count=sum(k.count for k in by_kind),
        hours=sum((k.hours for k in by_kind), ZERO),
        euros=sum((k.euros for k in by_kind), ZERO),
        by_people_count=sum(row["people_count"] for row in found.values()),
        by_people_hours=sum((row["people_hours"] for row in found.values()), ZERO),
        by_kind=by_kind,
    )


# The report -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExpenseSummary:
    """One expense as a report shows it: never the receipt, never who added it."""

    spent_on: datetime.date
    amount: Decimal
    description: str


@dataclass(frozen=True)
class LineSummary:
    name: str
    budgeted: Decimal
    spent: Decimal
    remaining: Decimal
    expenses: list[ExpenseSummary] = field(default_factory=list)


@dataclass(frozen=True)
class BudgetSummary:
    """One budget in a report. ``lines`` is empty when the funder sees only the totals, and
    each line's ``expenses`` is empty unless ``shows_expenses``."""

    pk: int
    name: str
    period_start: datetime.date
    period_end: datetime.date
    is_closed: bool
    funder_sees: str
    budgeted: Decimal
    spent: Decimal
    remaining: Decimal
    shows_lines: bool
    shows_expenses: bool
    lines: list[LineSummary] = field(default_factory=list)


@dataclass(frozen=True)
class MoneySummary:
    """The money of an organisation for a report over ``start``-``end``.

    ``budgets``: the budgets whose period overlaps the report's period, oldest first, each with
    its totals over the whole budget (budget versus spent is only meaningful for the whole
    budget). With ``for_funder`` each budget shows what its coordinator chose (``funder_sees``);
    a budget whose funder sees nothing is left out entirely. ``in_kind``: contributions in kind
    given in the report's period (see ``InKindSummary``).
    """

    organisation_id: int
    start: datetime.date
    end: datetime.date
    for_funder: bool
    budgets: list[BudgetSummary]
    in_kind: InKindSummary

    @property
    def budgeted(self) -> Decimal:
        return sum((b.budgeted for b in self.budgets), ZERO)

    @property
    def spent(self) -> Decimal:
        return sum((b.spent for b in self.budgets), ZERO)

    @property
    def remaining(self) -> Decimal:
        return self.budgeted - self.spent


def _shows(funder_sees: str, for_funder: bool) -> tuple[bool, bool]:
    """(lines, expenses) shown for a budget with this choice."""
    if not for_funder:
        return True, True
    return (
        funder_sees in (FunderView.LINES, FunderView.EXPENSES),
        funder_sees == FunderView.EXPENSES,
    )


def money_for_report(
    *, organisation: Organisation, start: datetime.date, end: datetime.date, for_funder: bool
) -> MoneySummary:
    """At most four queries, whatever the number of budgets, lines and expenses: the budgets,
    their lines with what was spent, the expenses (only when some budget shows them) and the
    contributions in kind."""
    budgets = Budget.objects.filter(
        organisation=organisation, period_start__lte=end, period_end__gte=start
    ).order_by("period_start", "id")
    if for_funder:
        budgets = budgets.exclude(funder_sees=FunderView.NOTHING)
    budget_list = list(budgets)

    lines_of: dict[int, list[BudgetLine]] = defaultdict(list)
    expenses_of: dict[int, list[ExpenseSummary]] = defaultdict(list)
    if budget_list:
        for line in _lines_with_spent([b.pk for b in budget_list]):
            lines_of[line.budget_id].append(line)
        with_expenses = [b.pk for b in budget_list if _shows(b.funder_sees, for_funder)[1]]
        if with_expenses:
            rows = (
                Expense.objects.filter(line__budget_id__in=with_expenses)
                .order_by("spent_on", "id")
                .values_list("line_id", "spent_on", "amount", "description")
            )
            for line_id, spent_on, amount, description in rows:
                expenses_of[line_id].append(ExpenseSummary(spent_on, amount, description))

    summaries = []
    for budget in budget_list:
        shows_lines, shows_expenses = _shows(budget.funder_sees, for_funder)
        lines = lines_of[budget.pk]
        budgeted = sum((line.amount for line in lines), ZERO)
        spent = sum((line.spent for line in lines), ZERO)  # type: ignore[attr-defined]
        summaries.append(
            BudgetSummary(
                pk=budget.pk,
                name=budget.name,
                period_start=budget.period_start,
                period_end=budget.period_end,
                is_closed=budget.is_closed,
                funder_sees=budget.funder_sees,
                budgeted=budgeted,
                spent=spent,
                remaining=budgeted - spent,
                shows_lines=shows_lines,
                shows_expenses=shows_expenses,
                lines=[
                    LineSummary(
                        name=line.name,
                        budgeted=line.amount,
                        spent=line.spent,  # type: ignore[attr-defined]
                        remaining=line.amount - line.spent,  # type: ignore[attr-defined]
                        expenses=expenses_of[line.pk] if shows_expenses else [],
                    )
                    for line in lines
                ]
                if shows_lines
                else [],
            )
        )
    return MoneySummary(
        organisation_id=organisation.pk,
        start=start,
        end=end,
        for_funder=for_funder,
        budgets=summaries,
        in_kind=in_kind_summary(organisation=organisation, start=start, end=end),
    )
