"""Money in "Mijn gegevens" (contract: ``privacy/sections.py``)."""

from django.utils.translation import gettext_lazy as _

from bondgenoot.people.models import Person
from bondgenoot.privacy.sections import Section

from .amounts import format_euro
from .models import Expense


def sections(person: Person) -> list[Section]:
    expenses = (
        Expense.objects.filter(created_by=person)
        .select_related("line__budget__organisation")
        .order_by("-spent_on", "-id")
    )
    return [
        Section(
            key="expenses_recorded",
            title=_("Expenses I recorded"),
            items=[
                {
                    "title": e.description,
                    "spent_on": e.spent_on,
                    "amount": str(e.amount),
                    "amount_label": format_euro(e.amount),
                    "budget": f"{e.line.budget.organisation.name}: {e.line.budget.name}",
                    "has_receipt": bool(e.receipt),
                }
                for e in expenses
            ],
            labels=[
                ("spent_on", _("Date")),
                ("amount_label", _("Amount")),
                ("budget", _("Budget")),
            ],
            empty=_("You have not recorded an expense."),
            on_delete=_(
                "They stay in the budget of the organisation (money must stay accounted for), "
                "without your name."
            ),
        ),
    ]
