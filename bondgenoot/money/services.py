"""Writes for money: budgets, their lines and expenses.

Each service checks the rule it enforces itself (views also check first, for a kind 403/404),
runs in one transaction and validates before saving. A refusal is a ``ServiceError`` with a
Dutch message, on the field it is about where there is one.
"""

import datetime
import math
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from bondgenoot.core.errors import NotAllowed, ServiceError
from bondgenoot.people.models import Membership, MembershipRole, Organisation, Person

from .models import MORE_THAN_ZERO, Budget, BudgetLine, Expense, FunderView

RECEIPT_MAX_BYTES = 5 * 1024 * 1024
# The first bytes of each kind of file we take, and the extension it is stored under.
RECEIPT_SIGNATURES = {
    b"%PDF-": ".pdf",
    b"\x89PNG\r\n\x1a\n": ".png",
    b"\xff\xd8\xff": ".jpg",
}
RECEIPT_SUFFIXES = {".pdf": ".pdf", ".png": ".png", ".jpg": ".jpg", ".jpeg": ".jpg"}


@dataclass(frozen=True)
class NewLine:
    """A line given with a new budget."""

    name: str
    amount: Decimal
    note: str = ""


# Rules ------------------------------------------------------------------------------------------


def _role(organisation_id: int, person: Person) -> str | None:
    return (
        Membership.objects.filter(organisation_id=organisation_id, person=person)
        .values_list("role", flat=True)
        .first()
    )


def _require_member(organisation_id: int, person: Person) -> None:
    if _role(organisation_id, person) is None:
        raise NotAllowed


def _require_coordinator(organisation_id: int, person: Person) -> None:
    if _role(organisation_id, person) != MembershipRole.COORDINATOR:
        raise NotAllowed


def _day(value: datetime.date) -> str:
    return formats.date_format(value, "j F Y")


def closed_message(budget: Budget) -> str:
    """Why nothing can be added, and who can open the budget again."""
    names = list(
        Membership.objects.filter(
            organisation_id=budget.organisation_id, role=MembershipRole.COORDINATOR
        )
        .order_by("person__display_name")
        .values_list("person__display_name", flat=True)
    )
    return _(
        "This budget is closed, so nothing can be added or changed. A coordinator of "
        "%(organisation)s can open it again: %(names)s."
    ) % {"organisation": budget.organisation.name, "names": ", ".join(names) or "-"}


def _require_open(budget: Budget) -> None:
    if budget.is_closed:
        raise ServiceError(closed_message(budget))


def check_amount(amount: Decimal | None, field: str = "amount") -> None:
    """More than 0: a negative or zero amount is refused."""
    if amount is None or amount <= 0:
        raise ServiceError({field: str(MORE_THAN_ZERO)})


def period_message(budget: Budget) -> str:
    return _(
        "Choose a date from %(start)s up to and including %(end)s: that is the period of "
        "this budget."
    ) % {"start": _day(budget.period_start), "end": _day(budget.period_end)}


def _check_in_period(budget: Budget, day: datetime.date) -> None:
    if not budget.period_start <= day <= budget.period_end:
        raise ServiceError({"spent_on": period_message(budget)})


def _check_period(start: datetime.date, end: datetime.date) -> None:
    if end < start:
        raise ServiceError({"period_end": _("The end date cannot be before the start date.")})


def _check_receipt(receipt: UploadedFile) -> str:
    """The extension to store the receipt under; refuses other kinds of files and big ones."""
    name = (receipt.name or "").lower()
    suffix = next((s for s in RECEIPT_SUFFIXES if name.endswith(s)), None)
    head = receipt.read(8)
    receipt.seek(0)
    sniffed = next((ext for sig, ext in RECEIPT_SIGNATURES.items() if head.startswith(sig)), None)
    if suffix is None or sniffed is None or RECEIPT_SUFFIXES[suffix] != sniffed:
        raise ServiceError({"receipt": _("Choose a receipt that is a PDF, PNG or JPG file.")})
    size = receipt.size or 0
    if size > RECEIPT_MAX_BYTES:
        megabytes = math.ceil(size * 10 / 1024 / 1024) / 10  # 5 MB and a bit: "5,1 MB"
        raise ServiceError(
            {
                "receipt": _(
                    "This file is too big (%(size)s MB). A receipt can be at most 5 MB. Take a "
                    "photo with a lower quality, or scan it again."
                )
                % {"size": formats.number_format(megabytes, 1)}
            }
        )
    return sniffed


def _delete_file_later(name: str) -> None:
    if name:
        storage = Expense._meta.get_field("receipt").storage
        transaction.on_commit(lambda: storage.delete(name))


def _store_receipt(expense: Expense, receipt: UploadedFile) -> None:
    """Stores the file under a new name and saves the expense; the file goes if the save fails."""
    suffix = _check_receipt(receipt)
    expense.receipt.save(f"bon{suffix}", receipt, save=False)
    try:
        expense.save()
    except Exception:
        expense.receipt.storage.delete(expense.receipt.name or "")
        raise


# Budgets ----------------------------------------------------------------------------------------


@transaction.atomic
def budget_create(
    *,
    organisation: Organisation,
    by: Person,
    name: str,
    period_start: datetime.date,
    period_end: datetime.date,
    lines: Iterable[NewLine] = (),
    funder_sees: str = FunderView.NOTHING,
) -> Budget:
    """A new budget, with its first lines. Only a coordinator of the organisation."""
    _require_coordinator(organisation.pk, by)
    _check_period(period_start, period_end)
    budget = Budget(
        organisation=organisation,
        name=name.strip(),
        period_start=period_start,
        period_end=period_end,
        funder_sees=funder_sees,
        created_by=by,
    )
    budget.full_clean()
    budget.save()
    for line in lines:
        _line_add(budget=budget, name=line.name, amount=line.amount, note=line.note)
    return budget


@transaction.atomic
def budget_update(
    *,
    budget: Budget,
    by: Person,
    name: str,
    period_start: datetime.date,
    period_end: datetime.date,
) -> Budget:
    """Change the name or the period; every expense must stay inside the period."""
    _require_coordinator(budget.organisation_id, by)
    _require_open(budget)
    _check_period(period_start, period_end)
    outside = (
        Expense.objects.filter(line__budget=budget)
        .exclude(spent_on__range=(period_start, period_end))
        .order_by("spent_on")
        .values_list("spent_on", flat=True)
    )
    first = outside.first()
    if first is not None:
        raise ServiceError(
            {
                "period_start" if first < period_start else "period_end": _(
                    "There is an expense outside this period (on %(day)s). Change that expense "
                    "first, or choose a period that includes it."
                )
                % {"day": _day(first)}
            }
        )
    budget.name = name.strip()
    budget.period_start = period_start
    budget.period_end = period_end
    budget.full_clean()
    budget.save()
    return budget


@transaction.atomic
def budget_close(*, budget: Budget, by: Person) -> Budget:
    """After closing, nothing can be added or changed until a coordinator reopens it."""
    _require_coordinator(budget.organisation_id, by)
    if budget.is_closed:
        raise ServiceError(_("This budget is already closed."))
    budget.is_closed = True
    budget.closed_on = timezone.localdate()
    budget.closed_by = by
    budget.save(update_fields=["is_closed", "closed_on", "closed_by", "updated_at"])
    return budget


@transaction.atomic
def budget_reopen(*, budget: Budget, by: Person) -> Budget:
    _require_coordinator(budget.organisation_id, by)
    if not budget.is_closed:
        raise ServiceError(_("This budget is already open."))
    budget.is_closed = False
    budget.closed_on = None
    budget.closed_by = None
    budget.save(update_fields=["is_closed", "closed_on", "closed_by", "updated_at"])
    return budget


@transaction.atomic
def budget_set_funder_view(*, budget: Budget, by: Person, funder_sees: str) -> Budget:
    """What a funder sees of this budget in a report. Also for a closed budget: it changes
    nothing about the money itself."""
    _require_coordinator(budget.organisation_id, by)
    if funder_sees not in FunderView.values:
        raise ServiceError({"funder_sees": _("Choose one of the options.")})
    budget.funder_sees = funder_sees
    budget.save(update_fields=["funder_sees", "updated_at"])
    return budget


# Lines ------------------------------------------------------------------------------------------


def _line_add(*, budget: Budget, name: str, amount: Decimal, note: str = "") -> BudgetLine:
    check_amount(amount)
    last = budget.lines.aggregate(last=Max("position"))["last"]
    line = BudgetLine(
        budget=budget,
        name=name.strip(),
        amount=amount,
        note=note.strip(),
        position=0 if last is None else last + 1,
    )
    line.full_clean()
    line.save()
    return line


@transaction.atomic
def line_add(
    *, budget: Budget, by: Person, name: str, amount: Decimal, note: str = ""
) -> BudgetLine:
    _require_coordinator(budget.organisation_id, by)
    _require_open(budget)
    return _line_add(budget=budget, name=name, amount=amount, note=note)


@transaction.atomic
def line_update(
    *, line: BudgetLine, by: Person, name: str, amount: Decimal, note: str = ""
) -> BudgetLine:
    _require_coordinator(line.budget.organisation_id, by)
    _require_open(line.budget)
    check_amount(amount)
    line.name = name.strip()
    line.amount = amount
    line.note = note.strip()
    line.full_clean()
    line.save()
    return line


@transaction.atomic
def line_delete(*, line: BudgetLine, by: Person) -> None:
    """Only a line without expenses: money that was spent stays accounted for."""
    _require_coordinator(line.budget.organisation_id, by)
    _require_open(line.budget)
    if line.expenses.exists():
        raise ServiceError(
            _(
                "Money was spent on this line. Move those expenses to another line or remove "
                "them first."
            )
        )
    line.delete()


# Expenses ---------------------------------------------------------------------------------------


@transaction.atomic
def expense_add(
    *,
    line: BudgetLine,
    by: Person,
    amount: Decimal,
    spent_on: datetime.date,
    description: str,
    receipt: UploadedFile | None = None,
) -> Expense:
    """Every member of the organisation may add an expense; their name is kept with it."""
    budget = line.budget
    _require_member(budget.organisation_id, by)
    _require_open(budget)
    check_amount(amount)
    _check_in_period(budget, spent_on)
    expense = Expense(
        line=line,
        amount=amount,
        spent_on=spent_on,
        description=description.strip(),
        created_by=by,
    )
    expense.full_clean()
    if receipt is not None:
        _store_receipt(expense, receipt)
    else:
        expense.save()
    return expense


@transaction.atomic
def expense_update(
    *,
    expense: Expense,
    by: Person,
    line: BudgetLine,
    amount: Decimal,
    spent_on: datetime.date,
    description: str,
    receipt: UploadedFile | None = None,
    remove_receipt: bool = False,
) -> Expense:
    """The one who added it, or a coordinator. A new receipt replaces the old one."""
    budget = expense.line.budget
    role = _role(budget.organisation_id, by)
    if role is None or (role != MembershipRole.COORDINATOR and expense.created_by_id != by.pk):
        raise NotAllowed
    _require_open(budget)
    if line.budget_id != budget.pk:
        raise ServiceError({"line": _("Choose a line of this budget.")})
    check_amount(amount)
    _check_in_period(budget, spent_on)
    old_receipt = expense.receipt.name or ""
    expense.line = line
    expense.amount = amount
    expense.spent_on = spent_on
    expense.description = description.strip()
    if receipt is not None:
        _check_receipt(receipt)
    expense.full_clean(exclude=["receipt"])
    if receipt is not None:
        _store_receipt(expense, receipt)
        _delete_file_later(old_receipt)
    else:
        if remove_receipt and old_receipt:
            expense.receipt = None
            _delete_file_later(old_receipt)
        expense.save()
    return expense


@transaction.atomic
def expense_delete(*, expense: Expense, by: Person) -> None:
    """The receipt file goes too (``apps.MoneyConfig.ready``: also when a budget is removed
    with its organisation)."""
    budget = expense.line.budget
    role = _role(budget.organisation_id, by)
    if role is None or (role != MembershipRole.COORDINATOR and expense.created_by_id != by.pk):
        raise NotAllowed
    _require_open(budget)
    expense.delete()
