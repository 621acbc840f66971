"""Form rendering in NL Design System (Utrecht) markup, and small shared form helpers."""

import re
from collections.abc import Callable
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


# Characters nobody types on purpose, taken out of text before it is checked and stored.
# Bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) can make a name look
# different next to other text (spoofing). The zero-width joiner (U+200D) stays: emoji need it.
# NUL stays too: Django refuses it with a message ("Null characters are not allowed.").

# One line (a name): line breaks and tabs become a space; other C0/C1 controls and DEL go.
_ONE_LINE_BREAKS = re.compile(r"(?:\r\n|[\t\n\v\f\r\x1c-\x1e\x85\u2028\u2029])+")
_ONE_LINE_DROP = re.compile(r"[\x01-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Several lines (a textarea): keep tab, line feed and carriage return; drop other C0 and DEL.
_MULTI_LINE_DROP = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def clean_one_line(value: str) -> str:
    """Text for a one-line field: no control or bidi override characters, breaks become spaces."""
    return _ONE_LINE_DROP.sub("", _ONE_LINE_BREAKS.sub(" ", value))


def clean_multi_line(value: str) -> str:
    """Text for a textarea: line breaks and tabs stay; other controls and bidi overrides go."""
    return _MULTI_LINE_DROP.sub("", value)


def _cleaning_to_python(
    to_python: Callable[[Any], Any], clean: Callable[[str], str]
) -> Callable[[Any], Any]:
    def cleaned_to_python(value: Any) -> Any:
        if isinstance(value, str):
            value = clean(value)
        return to_python(value)

    cleaned_to_python.cleans_text = True  # type: ignore[attr-defined]
    return cleaned_to_python


class StyledFormMixin:
    """Adds Utrecht classes to widgets and keeps text as the person typed it.

    Typed text is cleaned of control and bidi override characters (see clean_one_line and
    clean_multi_line) before Django checks it; passwords are left exactly as typed.

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
            self._clean_typed_text(field)

    @staticmethod
    def _clean_typed_text(field: forms.Field) -> None:
        if not isinstance(field, forms.CharField) or isinstance(field.widget, forms.PasswordInput):
            return
        if getattr(field.to_python, "cleans_text", False):
            return  # style_fields ran before for this field
        multi_line = isinstance(field.widget, forms.Textarea)
        clean = clean_multi_line if multi_line else clean_one_line
        # An instance attribute: the form's fields are its own deep copies of the class fields.
        field.to_python = _cleaning_to_python(field.to_python, clean)  # type: ignore[method-assign,assignment]


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
