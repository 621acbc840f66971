"""Money of an organisation, in the open: budgets with lines, and expenses against them.

Contributions in kind are not stored here: they are read from the reciprocity ledger
(``alliances.Contribution``), see ``selectors.in_kind_summary``.
"""

import secrets
from pathlib import PurePath

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from bondgenoot.core.models import BaseModel
from bondgenoot.people.models import Organisation, Person

AMOUNT_DIGITS = 10  # up to 99.999.999,99
MORE_THAN_ZERO = _("Fill in an amount that is more than 0.")


class FunderView(models.TextChoices):
    """What a funder sees of a budget in a report. Chosen by a coordinator; nothing by default."""

    NOTHING = "nothing", _("Nothing")
    TOTALS = "totals", _("Only the totals")
    LINES = "lines", _("Per line")
    EXPENSES = "expenses", _("Per line, with every expense")


def _no_private_text(obj: BaseModel) -> str:
    """What a budget, line or expense is called outside its own pages (the admin's list of what
    goes when an organisation is deleted, logs): its kind and number, never its texts."""
    return f"{obj._meta.verbose_name} {obj.pk}"


class Budget(BaseModel):
    """A budget of an organisation or initiative for a period, with lines."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="budgets")
    name = models.CharField(_("name of the budget"), max_length=120)
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period up to and including"))
    is_closed = models.BooleanField(_("closed"), default=False, editable=False)
    closed_on = models.DateField(_("closed on"), null=True, blank=True, editable=False)
    closed_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    funder_sees = models.CharField(
        _("what a funder sees"),
        max_length=10,
        choices=FunderView.choices,
        default=FunderView.NOTHING,
    )
    created_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-period_start", "-id"]
        verbose_name = _("budget")
        verbose_name_plural = _("budgets")
        indexes = [
            models.Index(fields=["organisation", "period_start"], name="budget_org_period"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="budget_ends_after_start",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
        ]

    def __str__(self) -> str:
        return _no_private_text(self)


class BudgetLine(BaseModel):
    """One line of a budget: what the money is for, and how much."""

    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="lines")
    name = models.CharField(_("what the money is for"), max_length=120)
    amount = models.DecimalField(_("amount"), max_digits=AMOUNT_DIGITS, decimal_places=2)
    position = models.PositiveIntegerField(_("position"), default=0)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="budget_line_amount_positive",
                violation_error_message=MORE_THAN_ZERO,
            ),
        ]

    def __str__(self) -> str:
        return _no_private_text(self)


def receipt_path(instance: "Expense", filename: str) -> str:
    """A name nobody can guess; the file itself is only served by a view that checks access.

    The extension was already checked against the file's content (``services._check_receipt``);
    the name the person gave the file is not kept (it may hold personal details).
    """
    suffix = PurePath(filename).suffix.lower()
    return f"bonnen/{secrets.token_hex(16)}{suffix}"


class Expense(BaseModel):
    """Money spent on a line of a budget, with an optional receipt."""

    line = models.ForeignKey(
        BudgetLine, on_delete=models.CASCADE, related_name="expenses", verbose_name=_("line")
    )
    amount = models.DecimalField(_("amount"), max_digits=AMOUNT_DIGITS, decimal_places=2)
    spent_on = models.DateField(_("date"))
    description = models.CharField(_("what was it for"), max_length=300)
    receipt = models.FileField(_("receipt"), upload_to=receipt_path, max_length=200, blank=True)
    created_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-spent_on", "-id"]
        verbose_name = _("expense")
        verbose_name_plural = _("expenses")
        indexes = [models.Index(fields=["line", "-spent_on", "-id"], name="expense_line_date")]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="expense_amount_positive",
                violation_error_message=MORE_THAN_ZERO,
            ),
        ]

    def __str__(self) -> str:
        return _no_private_text(self)
