"""Who may see and do what with the money of an organisation. The single place for these rules.

Everything is visible to every member of the organisation (members and coordinators), and to
nobody else: not other organisations, not allies of an alliance the organisation is party to,
not funders, not site administrators. For them the pages do not exist (404).

- Coordinators make budgets and lines, close and reopen budgets, and choose what a funder sees.
- Every member adds expenses (their name is kept with it); a member changes or removes the
  expenses they added, a coordinator any expense.
- A closed budget is read-only for everyone until a coordinator reopens it.
"""

from typing import Any

from django.http import Http404

from bondgenoot.core.permissions import person_of
from bondgenoot.people.models import Membership, MembershipRole, Organisation

from .models import Budget, BudgetLine, Expense


def role_in(user: Any, organisation_id: int) -> str | None:
    """The viewer's role in the organisation ("member"/"coordinator"), or None. Read fresh."""
    person = person_of(user)
    if person is None:
        return None
    return (
        Membership.objects.filter(organisation_id=organisation_id, person=person)
        .values_list("role", flat=True)
        .first()
    )


def is_coordinator(role: str | None) -> bool:
    return role == MembershipRole.COORDINATOR


# Abilities on a role already read (one query per page) -----------------------------------------


def budget_abilities(*, role: str | None, budget: Budget) -> dict[str, bool]:
    """The template flags of a budget page."""
    coordinator = is_coordinator(role)
    is_open = not budget.is_closed
    return {
        "can_manage": coordinator,
        "can_change_lines": coordinator and is_open,
        "can_add_expense": role is not None and is_open,
        "can_close": coordinator and is_open,
        "can_reopen": coordinator and budget.is_closed,
        "can_choose_funder_view": coordinator,
    }


def expense_changeable(*, role: str | None, person_id: int | None, expense: Expense) -> bool:
    """The rule of ``can_change_expense`` on a role already read."""
    if role is None or expense.line.budget.is_closed:
        return False
    return is_coordinator(role) or (person_id is not None and expense.created_by_id == person_id)


# Predicates -------------------------------------------------------------------------------------


def can_view_money(user: Any, organisation: Organisation) -> bool:
    return role_in(user, organisation.pk) is not None


def can_manage_budgets(user: Any, organisation: Organisation) -> bool:
    """Make budgets and lines, close and reopen, choose what a funder sees."""
    return is_coordinator(role_in(user, organisation.pk))


def can_change_lines(user: Any, budget: Budget) -> bool:
    return not budget.is_closed and can_manage_budgets(user, budget.organisation)


def can_add_expense(user: Any, budget: Budget) -> bool:
    return not budget.is_closed and can_view_money(user, budget.organisation)


def can_change_expense(user: Any, expense: Expense) -> bool:
    person = person_of(user)
    return expense_changeable(
        role=role_in(user, expense.line.budget.organisation_id),
        person_id=person.pk if person else None,
        expense=expense,
    )


# Fetch and authorise (404 for whoever may not see it) ------------------------------------------


def get_organisation_for(user: Any, pk: int) -> Organisation:
    """An organisation whose money this viewer may see: they are a member of it."""
    person = person_of(user)
    organisation = (
        Organisation.objects.filter(pk=pk, memberships__person=person).first()
        if person is not None
        else None
    )
    if organisation is None:
        raise Http404
    return organisation


def get_budget_for(user: Any, pk: int) -> Budget:
    person = person_of(user)
    budget = (
        Budget.objects.filter(pk=pk, organisation__memberships__person=person)
        .select_related("organisation", "created_by", "closed_by")
        .first()
        if person is not None
        else None
    )
    if budget is None:
        raise Http404
    return budget


def get_line_for(user: Any, budget: Budget, pk: int) -> BudgetLine:
    """A line of a budget already fetched with ``get_budget_for``."""
    line = BudgetLine.objects.filter(budget=budget, pk=pk).first()
    if line is None:
        raise Http404
    line.budget = budget
    return line


def get_expense_for(user: Any, budget: Budget, pk: int) -> Expense:
    """An expense of a budget already fetched with ``get_budget_for``."""
    expense = (
        Expense.objects.filter(line__budget=budget, pk=pk)
        .select_related("line", "created_by")
        .first()
    )
    if expense is None:
        raise Http404
    expense.line.budget = budget
    return expense
