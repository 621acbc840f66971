from typing import Any, ClassVar

from django import forms
from django.utils.translation import gettext_lazy as _

from bondgenoot.core.forms import Form, ModelForm

from .models import (
    TEXT_MAX,
    Capacity,
    ConsentHow,
    Neighbourhood,
    Organisation,
    Person,
    Visibility,
)
from .profile import PROFILE_FIELDS


def _sensitive(name: str) -> str:
    return f"{name}_sensitive"


class ProfileForm(Form):
    """One's own profile: every field with its own 'who may see this'."""

    display_name = forms.CharField(label=_("Your name"), max_length=80)
    neighbourhood = forms.ModelChoiceField(
        label=_("Your neighbourhood"),
        queryset=Neighbourhood.objects.all(),
        required=False,
        empty_label=_("I would rather not say"),
    )

    def __init__(self, *args: Any, person: Person, **kwargs: Any) -> None:
        initial = {
            "display_name": person.display_name,
            "neighbourhood": person.neighbourhood_id,
            "capacity_note": person.capacity_note,
        }
        for field in PROFILE_FIELDS:
            value = getattr(person, field.name) if field.name != "tags" else None
            if field.name == "languages":
                value = ", ".join(person.languages)
            if field.name == "tags":
                value = ", ".join(t.name for t in person.tags.all()) if person.pk else ""
            initial[field.name] = value
            initial[field.visibility_attr] = getattr(person, field.visibility_attr)
            initial[_sensitive(field.name)] = field.name in person.sensitive_fields
        super().__init__(*args, initial=initial, **kwargs)
        for field in PROFILE_FIELDS:
            self.fields[field.name] = self._field_for(field.name, field.label, field.help_text)
            # the fieldset's legend shows the name of the field already
            self.fields[field.name].hide_label = True  # type: ignore[attr-defined]
            self.fields[field.visibility_attr] = forms.ChoiceField(
                label=_("Who may see this?"),
                choices=Visibility.choices,
            )
            self.fields[_sensitive(field.name)] = forms.BooleanField(
                label=_("This is sensitive"), required=False
            )
            if field.name == "capacity":
                self.fields["capacity_note"] = forms.CharField(
                    label=_("More about my time"),
                    max_length=200,
                    required=False,
                    help_text=_("For example: Tuesday afternoons, or two hours a week."),
                )
        self.style_fields()
        self.visibility_pairs = [
            (
                self[f.name],
                self[f.visibility_attr],
                self["capacity_note"] if f.name == "capacity" else None,
                self[_sensitive(f.name)],
            )
            for f in PROFILE_FIELDS
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["sensitive_fields"] = [
            f.name for f in PROFILE_FIELDS if data.pop(_sensitive(f.name), False)
        ]
        return data

    @staticmethod
    def _field_for(name: str, label: Any, help_text: Any) -> forms.Field:
        if name == "capacity":
            return forms.ChoiceField(label=label, choices=Capacity.choices, help_text=help_text)
        if name in {"languages", "tags"}:
            return forms.CharField(label=label, required=False, max_length=400, help_text=help_text)
        return forms.CharField(
            label=label,
            required=False,
            max_length=TEXT_MAX,
            help_text=help_text,
            widget=forms.Textarea,
        )


class OrganisationForm(ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "kind", "description", "neighbourhood"]
        labels: ClassVar[dict[str, Any]] = {"description": _("What we do")}


class InviteMemberForm(Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        max_length=254,
        help_text=_(
            "If you fill this in, we send the link by e-mail and only this person can use it. "
            "Otherwise you get a link to share yourself."
        ),
    )
    message = forms.CharField(
        label=_("Personal message"),
        required=False,
        max_length=1000,
        widget=forms.Textarea,
    )


class DirectorySearchForm(Form):
    q = forms.CharField(label=_("Search by name or words"), required=False, max_length=100)


def _clear(name: str) -> str:
    return f"{name}_clear"


class PaperEntryForm(Form):
    """An ally types in a person's paper profile form. It starts empty: the ally does not see
    what the profile says now. An empty answer leaves that part as it was."""

    def __init__(self, *args: Any, person: Person, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        name = person.display_name
        keep = _("Stays as it was")
        self.parts: list[tuple[Any, ...]] = []
        for field in PROFILE_FIELDS:
            if field.name == "capacity":
                self.fields["capacity"] = PaperEntryForm._capacity_field(field.label, keep)
                self.fields["capacity_note"] = forms.CharField(
                    label=_("More about my time"), max_length=200, required=False
                )
                self.fields[_clear("capacity_note")] = forms.BooleanField(
                    label=_("Empty 'more about my time': remove what is there now"),
                    required=False,
                )
            else:
                self.fields[field.name] = PaperEntryForm._text_field(field.name, field.label)
                self.fields[_clear(field.name)] = forms.BooleanField(
                    label=_("Empty this part: remove what is there now"), required=False
                )
            self.fields[field.name].hide_label = True  # type: ignore[attr-defined]
            self.fields[field.visibility_attr] = forms.ChoiceField(
                label=_("Who may see this?"),
                choices=[("", keep), *Visibility.choices],
                required=False,
            )
        self.fields["consent"] = forms.BooleanField(
            label=_("%(name)s gave me permission to type this in") % {"name": name},
            error_messages={
                "required": _(
                    "Only type this in when %(name)s gave you permission. Without it, nothing "
                    "is saved."
                )
                % {"name": name}
            },
        )
        self.fields["consent_how"] = forms.ChoiceField(
            label=_("How did %(name)s give permission?") % {"name": name},
            choices=[("", _("Choose")), *ConsentHow.choices],
            error_messages={"required": _("Choose how %(name)s gave permission.") % {"name": name}},
        )
        self.style_fields()
        for field in PROFILE_FIELDS:
            text = "capacity_note" if field.name == "capacity" else field.name
            self.parts.append(
                (
                    field.label,
                    self[field.name],
                    self["capacity_note"] if field.name == "capacity" else None,
                    self[_clear(text)],
                    self[field.visibility_attr],
                )
            )

    @staticmethod
    def _capacity_field(label: Any, keep: Any) -> forms.Field:
        return forms.ChoiceField(
            label=label, choices=[("", keep), *Capacity.choices], required=False
        )

    @staticmethod
    def _text_field(name: str, label: Any) -> forms.Field:
        if name in {"languages", "tags"}:
            return forms.CharField(label=label, required=False, max_length=400)
        return forms.CharField(
            label=label, required=False, max_length=TEXT_MAX, widget=forms.Textarea
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for field_name in list(self.fields):
            if field_name.endswith("_clear") and data.get(field_name):
                text = field_name.removesuffix("_clear")
                if (data.get(text) or "").strip():
                    self.add_error(
                        field_name,
                        _("You typed an answer and ticked 'empty'. Choose one of the two."),
                    )
        return data

    def entry_arguments(self) -> dict[str, Any]:
        """The arguments of ``paper.profile_enter_from_paper``."""
        data = self.cleaned_data
        return {
            "consent_given": bool(data.get("consent")),
            "consent_how": data.get("consent_how", ""),
            "answers": {
                k: v
                for k, v in data.items()
                if k not in {"consent", "consent_how"} and not k.endswith("_clear")
            },
            "clear": [
                k.removesuffix("_clear") for k, v in data.items() if k.endswith("_clear") and v
            ],
        }
