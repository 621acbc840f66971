"""Money in the site-wide suites (contract: ``bondgenoot/core/tests/suites.py``).

Every page of money is for members of the organisation only: every outsider gets a 404, also
the site admin and the funder (a funder sees money only in a report, never here).
"""

import datetime
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from bondgenoot.core.tests.outsider_kit import GIJS, NOT_FOUND, SECRET, Target
from bondgenoot.money import services

PDF = b"%PDF-1.4\n% " + SECRET.encode() + b"\n%%EOF\n"


def _budget(*, organisation: Any, by: Any, secret: str = "", name: str = "Buurtbudget") -> Any:
    """A budget around today with two lines, one expense with a receipt, one without."""
    today = timezone.localdate()
    budget = services.budget_create(
        organisation=organisation,
        by=by,
        name=f"{name} {secret}".strip(),
        period_start=today - datetime.timedelta(days=200),
        period_end=today + datetime.timedelta(days=165),
        lines=[
            services.NewLine(f"Boodschappen {secret}".strip(), Decimal("500"), secret),
            services.NewLine("Zaalhuur", Decimal("1200")),
        ],
    )
    groceries, rent = budget.lines.all()
    expense = services.expense_add(
        line=groceries,
        by=by,
        amount=Decimal("12.50"),
        spent_on=today - datetime.timedelta(days=3),
        description=f"Groente voor de buurtmaaltijd {secret}".strip(),
        receipt=SimpleUploadedFile("bon.pdf", PDF),
    )
    services.expense_add(
        line=rent,
        by=by,
        amount=Decimal("185"),
        spent_on=today - datetime.timedelta(days=30),
        description="Zaalhuur eerste avond",
    )
    return budget, groceries, expense


def _closed_budget(*, organisation: Any, by: Any) -> Any:
    budget, _line, _expense = _budget(organisation=organisation, by=by, name="Zomerfeest")
    return services.budget_close(budget=budget, by=by)


# The outsider matrix ---------------------------------------------------------------------------


def outsiders(w: Any) -> None:
    """Gijs coordinates ``w.org``: its budget, line and expense (with a receipt) hold SECRET."""
    budget, line, expense = _budget(organisation=w.org, by=w.people["gijs"], secret=SECRET)
    w.extra["money"] = {"budget": budget, "line": line, "expense": expense}


def _org(w: Any) -> dict[str, Any]:
    return {"pk": w.org.pk}


def _b(w: Any) -> dict[str, Any]:
    return {"pk": w.extra["money"]["budget"].pk}


def _line(w: Any) -> dict[str, Any]:
    return {"pk": w.extra["money"]["budget"].pk, "line_pk": w.extra["money"]["line"].pk}


def _expense(w: Any) -> dict[str, Any]:
    return {"pk": w.extra["money"]["budget"].pk, "expense_pk": w.extra["money"]["expense"].pk}


OUTSIDER_TARGETS = {
    "money:budget_list": Target(_org, NOT_FOUND, only="GET", insider=(GIJS, 200)),
    "money:budget_create": Target(_org, NOT_FOUND, insider=(GIJS, 200)),
    "money:budget_detail": Target(_b, NOT_FOUND, only="GET", insider=(GIJS, 200)),
    "money:budget_edit": Target(_b, NOT_FOUND, insider=(GIJS, 200)),
    "money:budget_close": Target(_b, NOT_FOUND, insider=(GIJS, 200)),
    # The budget is open: the page says so and goes back to it.
    "money:budget_reopen": Target(_b, NOT_FOUND, insider=(GIJS, 302)),
    "money:funder_view": Target(_b, NOT_FOUND, insider=(GIJS, 200)),
    "money:line_add": Target(_b, NOT_FOUND, insider=(GIJS, 200)),
    "money:line_edit": Target(_line, NOT_FOUND, insider=(GIJS, 200)),
    "money:line_delete": Target(_line, NOT_FOUND, insider=(GIJS, 200)),
    "money:expense_add": Target(_b, NOT_FOUND, insider=(GIJS, 200)),
    "money:expense_edit": Target(_expense, NOT_FOUND, insider=(GIJS, 200)),
    "money:expense_delete": Target(_expense, NOT_FOUND, insider=(GIJS, 200)),
    "money:receipt": Target(_expense, NOT_FOUND, only="GET", insider=(GIJS, 200)),
}

# Gijs sees the private texts on these (so their absence for outsiders means something).
INSIDER_SEES_SECRET = {
    "money:budget_list",
    "money:budget_detail",
    "money:budget_edit",
    "money:line_edit",
    "money:expense_edit",
    "money:expense_delete",
    "money:receipt",
}


# Every page in the browser (amina coordinates ``w.own_org``) ---------------------------------


def every_page(w: Any) -> None:
    budget, line, expense = _budget(organisation=w.own_org, by=w.amina)
    closed = _closed_budget(organisation=w.own_org, by=w.amina)
    w.extra["money"] = {"budget": budget, "line": line, "expense": expense, "closed": closed}


def _closed(w: Any) -> dict[str, Any]:
    return {"pk": w.extra["money"]["closed"].pk}


EVERY_PAGE_KWARGS = {
    "money:budget_list": lambda w: {"pk": w.own_org.pk},
    "money:budget_create": lambda w: {"pk": w.own_org.pk},
    "money:budget_detail": _b,
    "money:budget_edit": _b,
    "money:budget_close": _b,
    "money:budget_reopen": _closed,
    "money:funder_view": _b,
    "money:line_add": _b,
    "money:line_edit": _line,
    "money:line_delete": _line,
    "money:expense_add": _b,
    "money:expense_edit": _expense,
    "money:expense_delete": _expense,
    "money:receipt": _expense,
}


# Hostile input (amina coordinates ``w.org``) ---------------------------------------------------


def hostile(w: Any) -> None:
    budget, line, expense = _budget(organisation=w.org, by=w.amina)
    w.extra["money"] = {"budget": budget, "line": line, "expense": expense}


HOSTILE_KWARGS = {
    "money:budget_list": _org,
    "money:budget_create": _org,
    **{
        name: kwargs
        for name, kwargs in EVERY_PAGE_KWARGS.items()
        if name not in ("money:budget_list", "money:budget_create", "money:budget_reopen")
    },
    "money:budget_reopen": _b,
}
