from decimal import Decimal
from typing import Any, ClassVar

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from bondgenoot.core.forms import DateInput, Form, ModelForm

from . import services
from .amounts import AmountError, input_value, parse_amount
from .models import Budget, BudgetLine, FunderView

AMOUNT_MESSAGES = {
    "invalid": _("Fill in an amount in euros, for example 12,50."),
    "decimals": _("Use at most 2 digits after the comma, for example 12,50."),
    "too_big": _("This amount is too big. Check the number of zeros."),
}


class AmountInput(forms.TextInput):
    """Text, not type=number: people type "12,50" or "1.234,50"."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__({"inputmode": "decimal", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, Decimal):
            return input_value(value)
        return super().format_value(value)


class AmountField(forms.Field):
    """An amount in euros as people write it (see ``amounts.parse_amount``). A negative amount
    gets through here: the services refuse it with their own message."""

    widget = AmountInput

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", _("In euros, for example 12,50 or 1.234,50."))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> Decimal | None:
        if isinstance(value, Decimal) or value is None:
            return value
        text = str(value).strip()
        if not text:
            return None
        try:
            return parse_amount(text)
        except AmountError as error:
            raise ValidationError(AMOUNT_MESSAGES[error.code], code=error.code) from error


class BudgetForm(ModelForm):
    class Meta:
        model = Budget
        fields = ["name", "period_start", "period_end"]
        widgets: ClassVar[dict[str, Any]] = {"period_start": DateInput, "period_end": DateInput}
        help_texts: ClassVar[dict[str, Any]] = {
            "name": _("For example: Neighbourhood budget 2026, or Summer party."),
            "period_start": _("The first day money from this budget can be spent."),
            "period_end": _("The last day."),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The end date cannot be before the start date."))
        return data

    def _post_clean(self) -> None:
        pass  # the service validates the whole budget


class LineForm(Form):
    name = forms.CharField(
        label=_("What the money is for"),
        max_length=120,
        help_text=_("For example: groceries, rent of the hall, printing."),
    )
    amount = AmountField(label=_("Amount"))
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def clean_amount(self) -> Decimal | None:
        amount = self.cleaned_data.get("amount")
        try:
            services.check_amount(amount)
        except ValidationError as error:
            raise ValidationError(error.message_dict["amount"]) from error
        return amount


class NewLineForm(LineForm):
    """A line on the page for a new budget: rows left empty are skipped."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].help_text = ""
        self.fields["amount"].help_text = ""


class BaseLineFormSet(forms.BaseFormSet):
    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        if not any(form.has_changed() for form in self.forms):
            raise ValidationError(_("Fill in at least one line: what the money is for."))


LineFormSet = forms.formset_factory(
    NewLineForm, formset=BaseLineFormSet, extra=4, max_num=30, absolute_max=30, validate_max=True
)


class ExpenseForm(Form):
    line = forms.ModelChoiceField(
        label=_("Line of the budget"), queryset=BudgetLine.objects.none(), empty_label=None
    )
    amount = AmountField(label=_("Amount"))
    spent_on = forms.DateField(label=_("Date"), widget=DateInput)
    description = forms.CharField(
        label=_("What was it for?"),
        max_length=300,
        help_text=_("For example: groceries for the neighbourhood dinner of 12 March."),
    )
    receipt = forms.FileField(
        label=_("Receipt"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}),
        help_text=_(
            "A PDF, or a photo as PNG or JPG, of at most 5 MB. Only members of the "
            "organisation can open it; a funder never sees it."
        ),
    )

    def __init__(self, *args: Any, lines: Any, has_receipt: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["line"]
        field.queryset = lines
        field.label_from_instance = lambda line: line.name
        if has_receipt:
            self.fields["receipt"].label = _("New receipt")
            self.fields["receipt"].help_text = _(
                "Only if you want to replace the receipt. A PDF, PNG or JPG of at most 5 MB."
            )
            self.fields["remove_receipt"] = forms.BooleanField(
                label=_("Remove the receipt"), required=False
            )
            self.style_fields()

    def values(self) -> dict[str, Any]:
        """The cleaned data as the services take them."""
        data = dict(self.cleaned_data)
        data["receipt"] = data.get("receipt") or None
        return data


class FunderViewForm(Form):
    funder_sees = forms.ChoiceField(
        label=_("What does a funder see of this budget?"),
        choices=FunderView.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose one of the options.")},
    )
