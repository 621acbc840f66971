"""The money of the demo: Wij in de Wijk, the resident initiative about to be inspected by the
municipality, keeps its neighbourhood budget in the open. Built through the services (the
loader is in ``bondgenoot/demo/loader.py``; this runs after the alliances).

The contributions in kind on its budget page come from the alliances of the demo as they are
(hours of time and knowledge of residents); none are added here.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from . import services
from .models import FunderView

ORGANISATION = "wijindewijk"
COORDINATOR = "henk"
BUDGET_NAME = "Buurtbudget bewonersprioriteiten"
# The budget starts when the municipality's money came in (``buurtagenda``: 250 days ago).
STARTED_DAYS_AGO = 250


@dataclass(frozen=True)
class _Expense:
    line: str
    by: str
    days_ago: int
    amount: str
    description: str


LINES = (
    ("Buurtavonden", "3000", "Zaalhuur, koffie, thee en iets lekkers voor vier avonden."),
    ("Moestuin", "1500", "Zaad, plantjes, gereedschap en water."),
    ("Peiling in vier talen", "2000", "Drukwerk en vertaling."),
    ("Open tuindag en buurtfeest", "2500", ""),
)

EXPENSES = (
    _Expense("Buurtavonden", "layla", 238, "185.00", "Zaalhuur buurthuis De Linde, eerste avond"),
    _Expense("Buurtavonden", "amina", 237, "64.35", "Koffie, thee en koekjes voor 40 mensen"),
    _Expense("Peiling in vier talen", "layla", 215, "420.00", "Vertaling naar Arabisch en Turks"),
    _Expense("Peiling in vier talen", "priya", 200, "312.50", "Drukwerk: 1.500 formulieren"),
    _Expense("Moestuin", "dirk", 180, "86.90", "Zaad en pootgoed voor het voorjaar"),
    _Expense("Buurtavonden", "layla", 150, "185.00", "Zaalhuur buurthuis, tweede avond"),
    _Expense("Moestuin", "mohamed", 120, "39.95", "Twee gieters en een slang"),
    _Expense("Buurtavonden", "joyce", 90, "72.10", "Thee en soep voor de avond in de Bloemenhof"),
    _Expense("Open tuindag en buurtfeest", "jamal", 45, "250.00", "Geluidsset gehuurd"),
    _Expense("Open tuindag en buurtfeest", "henk", 40, "118.45", "Limonade, fruit en bekers"),
    _Expense("Moestuin", "henk", 12, "54.00", "Stro en afdekzeil voor de winter"),
)


def load(demo: Any) -> None:
    organisation = demo.organisations[ORGANISATION]
    henk = demo.people[COORDINATOR]
    start = demo.day(STARTED_DAYS_AGO)
    budget = services.budget_create(
        organisation=organisation,
        by=henk,
        name=BUDGET_NAME,
        period_start=start,
        period_end=start + datetime.timedelta(days=364),
        lines=[services.NewLine(name, Decimal(amount), note) for name, amount, note in LINES],
    )
    services.budget_set_funder_view(budget=budget, by=henk, funder_sees=FunderView.LINES)
    lines = {line.name: line for line in budget.lines.all()}
    for spec in EXPENSES:
        services.expense_add(
            line=lines[spec.line],
            by=demo.people[spec.by],
            amount=Decimal(spec.amount),
            spent_on=demo.day(spec.days_ago),
            description=spec.description,
        )
