"""Form rendering in NL Design System (Utrecht) markup, and small shared form helpers."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.forms.renderers import TemplatesSetting

from .models import TOO_LONG


class FormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


WIDGET_CLASSES: list[tuple[type[forms.Widget], str]] = [
    (forms.Textarea, "utrecht-textarea utrecht-textarea--html-textarea"),
    (forms.Select, "utrecht-select utrecht-select--html-select"),
    (forms.CheckboxInput, "utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"),
    # CheckboxSelectMultiple is a subclass of RadioSelect in Django: it must come first, or the
    # first match (isinstance) gives checkboxes the round radio-button classes.
    (
        forms.CheckboxSelectMultiple,
        "utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom",
    ),
    (forms.RadioSelect, "utrecht-radio-button utrecht-radio-button--html-input"),
    (forms.widgets.Input, "utrecht-textbox utrecht-textbox--html-input"),
]


class StyledFormMixin:
    """Adds Utrecht classes to widgets and keeps text as the person typed it.

    Required fields get aria-required instead of the HTML required attribute: with it, the
    browser marks an untouched empty field as :invalid (red) before anyone typed anything.
    """

    fields: dict[str, forms.Field]
    use_required_attribute = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.style_fields()

    def style_fields(self) -> None:
        """Call again after adding fields in a subclass's __init__."""
        for field in self.fields.values():
            for widget_type, css in WIDGET_CLASSES:
                if isinstance(field.widget, widget_type):
                    existing = field.widget.attrs.get("class", "")
                    if css not in existing:
                        field.widget.attrs["class"] = f"{existing} {css}".strip()
                    break
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs.setdefault("rows", 4)
            if field.required and not isinstance(field.widget, forms.HiddenInput):
                field.widget.attrs["aria-required"] = "true"
            if isinstance(field, forms.CharField) and field.max_length:
                # The browser would cut text off silently; the server says it clearly instead.
                field.widget.attrs.pop("maxlength", None)
                for validator in field.validators:
                    if isinstance(validator, MaxLengthValidator):
                        validator.message = TOO_LONG


class Form(StyledFormMixin, forms.Form):
    pass


class ModelForm(StyledFormMixin, forms.ModelForm):
    pass


def add_service_error(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a refused change on the form, next to the field it is about when known."""
    if hasattr(error, "error_dict"):
        for field_name, messages in error.message_dict.items():
            target = field_name if field_name in form.fields else None
            for message in messages:
                form.add_error(target, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


class DecimalField(forms.DecimalField):
    """Accepts both 1,5 and 1.5: Dutch writes a decimal comma."""

    widget = forms.TextInput

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "autocomplete": "off"})

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str):
            value = value.strip().replace(" ", "").replace(",", ".")
        return super().to_python(value)

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        return {}  # no min/max/step: TextInput with inputmode=decimal instead of type=number


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)
