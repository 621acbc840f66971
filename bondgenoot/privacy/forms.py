from typing import Any

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from bondgenoot.core.forms import Form

from .models import Purpose

PURPOSE_HELP = {
    Purpose.QUOTE_IN_REPORT: _(
        "Sometimes a report for the municipality or a funder tells what alliances achieve. "
        "With your yes, a sentence from your story or from a journal entry you wrote may be "
        "quoted in it, without your name. Without your yes, nothing you wrote is quoted."
    ),
    Purpose.FINDABLE: _(
        "With your yes, people who are not yet your allies can find you in the list of people "
        "and in the search for allies. They only see what you chose to show to logged-in "
        "neighbours. Your allies always see you."
    ),
    Purpose.CONTACT_BY_ORGANISATIONS: _(
        "With your yes, organisations on Bondgenoot (such as a neighbourhood team or a resident "
        "initiative) may ask you whether you want to take part in something."
    ),
    Purpose.NAME_IN_REPORT: _(
        "A report for a funder tells what happened in the alliances of an organisation. Without "
        "your yes, you are in it under a made-up name (such as 'Deelnemer B'). With your yes, "
        "your own name is used. You can change this at any time: a report that was already "
        "shared is then withdrawn."
    ),
}


class ReauthPasswordForm(Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This password is not right. Try again."))
        return str(password)


class EmailChangeForm(Form):
    email = forms.EmailField(
        label=_("New e-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)
        if user.has_usable_password():
            self.fields["password"] = forms.CharField(
                label=_("Your password"),
                help_text=_("To be sure it is you."),
                strip=False,
                widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
            )
            self.style_fields()

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This password is not right. Try again."))
        return str(password)


class ConsentForm(Form):
    """One yes/no per purpose; an unticked box is "no" (opt-in)."""

    def __init__(self, *args: Any, current: dict[str, bool], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for purpose in Purpose:
            self.fields[purpose.value] = forms.BooleanField(
                label=purpose.label,
                help_text=PURPOSE_HELP[purpose],
                required=False,
                initial=current.get(purpose.value, False),
            )
        self.style_fields()

    def answers(self) -> dict[str, bool]:
        return {purpose: bool(self.cleaned_data.get(purpose)) for purpose in Purpose.values}


class AccountDeleteForm(Form):
    KEEP = "keep"
    REMOVE = "remove"

    history = forms.ChoiceField(
        label=_("What you wrote and gave in alliances with others"),
        choices=[
            (
                KEEP,
                format_lazy(
                    _("Keep it in the shared history, without my name: it then says '{}'."),
                    _("a former participant"),
                ),
            ),
            (REMOVE, _("Remove it too: my journal entries and what I gave and received.")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what happens with what you wrote and gave.")},
    )

    @property
    def keep_history(self) -> bool:
        return self.cleaned_data["history"] == self.KEEP
