from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
)
from django.utils.translation import gettext_lazy as _

from bondgenoot.core.forms import Form, StyledFormMixin
from bondgenoot.people.models import Neighbourhood


class SignupForm(Form):
    display_name = forms.CharField(
        label=_("Your name"),
        max_length=80,
        help_text=_("The name others see. Your first name is enough."),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("We use it only to let you log in and to send you invitations."),
    )
    neighbourhood = forms.ModelChoiceField(
        label=_("Your neighbourhood"),
        queryset=Neighbourhood.objects.all(),
        required=False,
        empty_label=_("I would rather not say"),
    )
    password1 = forms.CharField(
        label=_("Password"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_(
            "Leave this empty if you do not want a password: "
            "then you log in with a link we send by e-mail."
        ),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, second = data.get("password1"), data.get("password2")
        if first or second:
            if first != second:
                self.add_error("password2", _("The two passwords are not the same."))
            else:
                try:
                    password_validation.validate_password(first or "")
                except forms.ValidationError as error:
                    self.add_error("password1", error)
        return data


class LoginForm(StyledFormMixin, AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "This e-mail address and password do not match. Check them and try again, "
            "or ask for a login link by e-mail."
        ),
        "inactive": _("This account is no longer active."),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("E-mail address")
        self.fields["username"].widget.attrs["autocomplete"] = "email"

    def clean_username(self) -> str:
        # Accounts store the address in lower case; "Amina@…" is the same person.
        return str(self.cleaned_data.get("username") or "").strip().lower()


class EmailLinkForm(Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)


class StyledPasswordResetForm(StyledFormMixin, PasswordResetForm):
    pass


class StyledSetPasswordForm(StyledFormMixin, SetPasswordForm):
    pass


class StyledPasswordChangeForm(StyledFormMixin, PasswordChangeForm):
    pass


CODE_HELP = _("Open the authenticator app on your phone and type the 6 digits it shows.")


class CodeField(forms.CharField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Code"))
        kwargs.setdefault("max_length", 40)
        kwargs.setdefault("strip", True)
        super().__init__(**kwargs)

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        attrs.update(
            {"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}
        )
        return attrs


class TwoFactorLoginForm(Form):
    code = CodeField(
        help_text=_(
            "Type the 6 digits your authenticator app shows now. Lost your phone? "
            "Then type one of your recovery codes."
        )
    )


class TwoFactorSetupForm(Form):
    code = CodeField(help_text=CODE_HELP)

    def __init__(self, user: Any, *args: Any, ask_password: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if ask_password and user.has_usable_password():
            self.fields["password"] = current_password_field()
            self.order_fields(["password", "code"])
            self.style_fields()


def current_password_field() -> forms.CharField:
    return forms.CharField(
        label=_("Your current password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class CurrentPasswordMixin:
    """Adds the current password field for accounts that have a password."""

    fields: dict[str, forms.Field]

    def add_password_field(self, user: Any) -> None:
        if user.has_usable_password():
            self.fields["password"] = current_password_field()


class TwoFactorDisableForm(CurrentPasswordMixin, Form):
    code = CodeField(help_text=_("A code from your app, or one of your recovery codes."))

    def __init__(self, user: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_password_field(user)
        self.order_fields(["password", "code"])
        self.style_fields()


class SessionsEndForm(CurrentPasswordMixin, Form):
    def __init__(self, user: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_password_field(user)
        self.style_fields()


class RecoveryCodesRenewForm(Form):
    code = CodeField(help_text=CODE_HELP)
