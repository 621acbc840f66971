"""Thin views for money: fetch with ``permissions.get_*_for`` (404), check the ability (403),
call one service or selector, render."""

from pathlib import PurePath

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from bondgenoot.core.forms import add_service_error
from bondgenoot.core.permissions import person_of
from bondgenoot.core.views_helpers import page_number, require, require_person

from . import permissions, selectors, services
from .forms import BudgetForm, ExpenseForm, FunderViewForm, LineForm, LineFormSet
from .models import Budget, FunderView

RECEIPT_TYPES = {".pdf": "application/pdf", ".png": "image/png", ".jpg": "image/jpeg"}


def _budget_url(budget: Budget, anchor: str = "") -> str:
    return reverse("money:budget_detail", args=[budget.pk]) + (f"#{anchor}" if anchor else "")


def _closed(request: HttpRequest, budget: Budget) -> HttpResponse | None:
    """A kind answer instead of a form for a closed budget (the services refuse too)."""
    if not budget.is_closed:
        return None
    messages.info(request, services.closed_message(budget))
    return redirect(_budget_url(budget))


def _confirm(request: HttpRequest, *, title: str, text: str, label: str, back: str) -> HttpResponse:
    return render(
        request,
        "core/confirm.html",
        {"title": title, "text": text, "confirm_label": label, "cancel_url": back},
    )


# Budgets ----------------------------------------------------------------------------------------


@require_http_methods(["GET"])
def budget_list(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = permissions.get_organisation_for(request.user, pk)
    role = permissions.role_in(request.user, organisation.pk)
    page = selectors.budgets_page(organisation, page=page_number(request))
    return render(
        request,
        "money/budget_list.html",
        {
            "organisation": organisation,
            "page": page,
            "can_manage": permissions.is_coordinator(role),
        },
    )


@require_http_methods(["GET", "POST"])
def budget_create(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    organisation = permissions.get_organisation_for(request.user, pk)
    require(permissions.can_manage_budgets(request.user, organisation))
    form = BudgetForm(request.POST or None)
    lines = LineFormSet(request.POST or None, prefix="posten")
    if request.method == "POST" and all([form.is_valid(), lines.is_valid()]):
        data = form.cleaned_data
        try:
            budget = services.budget_create(
                organisation=organisation,
                by=person,
                name=data["name"],
                period_start=data["period_start"],
                period_end=data["period_end"],
                lines=[
                    services.NewLine(**line.cleaned_data) for line in lines if line.has_changed()
                ],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _(
                    "The budget has been made. Members of %(organisation)s can now add "
                    "expenses. Choose below what a funder sees of it."
                )
                % {"organisation": organisation.name},
            )
            return redirect(_budget_url(budget))
    return render(
        request,
        "money/budget_form.html",
        {"form": form, "lines": lines, "organisation": organisation, "budget": None},
    )


@require_http_methods(["GET"])
def budget_detail(request: HttpRequest, pk: int) -> HttpResponse:
    budget = permissions.get_budget_for(request.user, pk)
    person = person_of(request.user)
    role = permissions.role_in(request.user, budget.organisation_id)
    page = selectors.expenses_page(budget, page=page_number(request))
    for expense in page.object_list:
        expense.line.budget = budget
    rows = [
        (
            expense,
            permissions.expense_changeable(
                role=role, person_id=person.pk if person else None, expense=expense
            ),
        )
        for expense in page.object_list
    ]
    abilities = permissions.budget_abilities(role=role, budget=budget)
    return render(
        request,
        "money/budget_detail.html",
        {
            "budget": budget,
            "organisation": budget.organisation,
            "totals": selectors.budget_totals(budget),
            "page": page,
            "expense_rows": rows,
            "in_kind": selectors.in_kind_summary(
                organisation=budget.organisation,
                start=budget.period_start,
                end=budget.period_end,
            ),
            "closed_message": services.closed_message(budget) if budget.is_closed else "",
            "funder_views": FunderView,
            **abilities,
        },
    )


@require_http_methods(["GET", "POST"])
def budget_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    budget = permissions.get_budget_for(request.user, pk)
    if refused := _closed(request, budget):
        return refused
    require(permissions.can_manage_budgets(request.user, budget.organisation))
    form = BudgetForm(request.POST or None, instance=budget)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.budget_update(
                budget=budget,
                by=person,
                name=data["name"],
                period_start=data["period_start"],
                period_end=data["period_end"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The changes have been saved."))
            return redirect(_budget_url(budget))
    return render(
        request,
        "money/budget_form.html",
        {"form": form, "lines": None, "organisation": budget.organisation, "budget": budget},
    )


@require_http_methods(["GET", "POST"])
def budget_close(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    budget = permissions.get_budget_for(request.user, pk)
    if refused := _closed(request, budget):
        return refused
    require(permissions.can_manage_budgets(request.user, budget.organisation))
    if request.method == "POST":
        services.budget_close(budget=budget, by=person)
        messages.success(request, _("The budget is closed. Nothing can be added or changed now."))
        return redirect(_budget_url(budget))
    return _confirm(
        request,
        title=_("Close this budget?"),
        text=_(
            "After closing, nobody can add, change or remove expenses or lines. Everyone in "
            "%(organisation)s can still read it. A coordinator can open it again."
        )
        % {"organisation": budget.organisation.name},
        label=_("Yes, close the budget"),
        back=_budget_url(budget),
    )


@require_http_methods(["GET", "POST"])
def budget_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    budget = permissions.get_budget_for(request.user, pk)
    require(permissions.can_manage_budgets(request.user, budget.organisation))
    if not budget.is_closed:
        messages.info(request, _("This budget is already open."))
        return redirect(_budget_url(budget))
    if request.method == "POST":
        services.budget_reopen(budget=budget, by=person)
        messages.success(request, _("The budget is open again. Expenses can be added."))
        return redirect(_budget_url(budget))
    return _confirm(
        request,
        title=_("Open this budget again?"),
        text=_("Then members can add, change and remove expenses again."),
        label=_("Yes, open it again"),
        back=_budget_url(budget),
    )


@require_http_methods(["GET", "POST"])
def funder_view(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    budget = permissions.get_budget_for(request.user, pk)
    require(permissions.can_manage_budgets(request.user, budget.organisation))
    form = FunderViewForm(request.POST or None, initial={"funder_sees": budget.funder_sees})
    if request.method == "POST" and form.is_valid():
        try:
            services.budget_set_funder_view(
                budget=budget, by=person, funder_sees=form.cleaned_data["funder_sees"]
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Saved. This is what a funder sees from now on."))
            return redirect(_budget_url(budget, "financier"))
    return render(
        request, "money/funder_view.html", {"form": form, "budget": budget, "views": FunderView}
    )


# Lines ------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def line_add(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    budget = permissions.get_budget_for(request.user, pk)
    if refused := _closed(request, budget):
        return refused
    require(permissions.can_manage_budgets(request.user, budget.organisation))
    form = LineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.line_add(budget=budget, by=person, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The line has been added."))
            return redirect(_budget_url(budget, "posten"))
    return render(request, "money/line_form.html", {"form": form, "budget": budget, "line": None})


@require_http_methods(["GET", "POST"])
def line_edit(request: HttpRequest, pk: int, line_pk: int) -> HttpResponse:
    person = require_person(request)
    budget = permissions.get_budget_for(request.user, pk)
    line = permissions.get_line_for(request.user, budget, line_pk)
    if refused := _closed(request, budget):
        return refused
    require(permissions.can_manage_budgets(request.user, budget.organisation))
    initial = {"name": line.name, "amount": line.amount, "note": line.note}
    form = LineForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.line_update(line=line, by=person, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The changes have been saved."))
            return redirect(_budget_url(budget, "posten"))
    return render(request, "money/line_form.html", {"form": form, "budget": budget, "line": line})


@require_http_methods(["GET", "POST"])
def line_delete(request: HttpRequest, pk: int, line_pk: int) -> HttpResponse:
    person = require_person(request)
    budget = permissions.get_budget_for(request.user, pk)
    line = permissions.get_line_for(request.user, budget, line_pk)
    if refused := _closed(request, budget):
        return refused
    require(permissions.can_manage_budgets(request.user, budget.organisation))
    if request.method == "POST":
        try:
            services.line_delete(line=line, by=person)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The line has been removed."))
        return redirect(_budget_url(budget, "posten"))
    return _confirm(
        request,
        title=_("Remove the line %(name)s?") % {"name": line.name},
        text=_(
            "The line disappears from the budget. This can only be done when no money was "
            "spent on it."
        ),
        label=_("Yes, remove the line"),
        back=_budget_url(budget, "posten"),
    )


# Expenses ---------------------------------------------------------------------------------------


def _receipt_lost(form: ExpenseForm) -> None:
    """A browser cannot fill in a file field again: say so, instead of losing it silently."""
    if form.errors and form.cleaned_data.get("receipt"):
        form.add_error(
            "receipt",
            _("Your receipt has not been saved yet. Choose the file again, please."),
        )


@require_http_methods(["GET", "POST"])
def expense_add(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    budget = permissions.get_budget_for(request.user, pk)
    if refused := _closed(request, budget):
        return refused
    require(permissions.can_add_expense(request.user, budget))
    lines = budget.lines.all()
    form = ExpenseForm(request.POST or None, request.FILES or None, lines=lines)
    if request.method == "POST" and form.is_valid():
        data = form.values()
        data["line"].budget = budget
        try:
            services.expense_add(by=person, **data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The expense has been added. Thank you."))
            return redirect(_budget_url(budget, "uitgaven"))
    if request.method == "POST":
        _receipt_lost(form)
    return render(
        request,
        "money/expense_form.html",
        {"form": form, "budget": budget, "expense": None, "has_lines": lines.exists()},
    )


@require_http_methods(["GET", "POST"])
def expense_edit(request: HttpRequest, pk: int, expense_pk: int) -> HttpResponse:
    person = require_person(request)
    budget = permissions.get_budget_for(request.user, pk)
    expense = permissions.get_expense_for(request.user, budget, expense_pk)
    if refused := _closed(request, budget):
        return refused
    require(permissions.can_change_expense(request.user, expense))
    initial = {
        "line": expense.line_id,
        "amount": expense.amount,
        "spent_on": expense.spent_on,
        "description": expense.description,
    }
    form = ExpenseForm(
        request.POST or None,
        request.FILES or None,
        lines=budget.lines.all(),
        initial=initial,
        has_receipt=bool(expense.receipt),
    )
    if request.method == "POST" and form.is_valid():
        data = form.values()
        data["line"].budget = budget
        try:
            services.expense_update(expense=expense, by=person, **data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The changes have been saved."))
            return redirect(_budget_url(budget, "uitgaven"))
    if request.method == "POST":
        _receipt_lost(form)
    return render(
        request,
        "money/expense_form.html",
        {"form": form, "budget": budget, "expense": expense, "has_lines": True},
    )


@require_http_methods(["GET", "POST"])
def expense_delete(request: HttpRequest, pk: int, expense_pk: int) -> HttpResponse:
    person = require_person(request)
    budget = permissions.get_budget_for(request.user, pk)
    expense = permissions.get_expense_for(request.user, budget, expense_pk)
    if refused := _closed(request, budget):
        return refused
    require(permissions.can_change_expense(request.user, expense))
    if request.method == "POST":
        services.expense_delete(expense=expense, by=person)
        messages.success(request, _("The expense has been removed."))
        return redirect(_budget_url(budget, "uitgaven"))
    return _confirm(
        request,
        title=_("Remove this expense?"),
        text=_("%(description)s will disappear from the budget for everyone, with its receipt.")
        % {"description": expense.description},
        label=_("Yes, remove the expense"),
        back=_budget_url(budget, "uitgaven"),
    )


@require_http_methods(["GET"])
def receipt(request: HttpRequest, pk: int, expense_pk: int) -> FileResponse:
    """The receipt of an expense, for members of the organisation only (never a public URL)."""
    budget = permissions.get_budget_for(request.user, pk)
    expense = permissions.get_expense_for(request.user, budget, expense_pk)
    if not expense.receipt:
        raise Http404
    suffix = PurePath(expense.receipt.name or "").suffix.lower()
    if suffix not in RECEIPT_TYPES:
        raise Http404
    try:
        stored = expense.receipt.open("rb")
    except FileNotFoundError:  # e.g. a database restored without its media folder
        raise Http404 from None
    return FileResponse(
        stored,
        as_attachment=True,
        filename=f"bon-{expense.pk}{suffix}",
        content_type=RECEIPT_TYPES[suffix],
    )
