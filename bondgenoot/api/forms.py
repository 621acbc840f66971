from django import forms
from django.utils.translation import gettext_lazy as _

from bondgenoot.core.forms import Form

VALIDITY = [
    ("30", _("30 days")),
    ("90", _("90 days")),
    ("365", _("1 year")),
    ("", _("Until I revoke it")),
]


class TokenForm(Form):
    name = forms.CharField(
        label=_("Name of the token"),
        max_length=80,
        help_text=_("So you know later what it is for. For example: my spreadsheet."),
    )
    valid_days = forms.ChoiceField(
        label=_("How long does it work?"), choices=VALIDITY, initial="90", required=False
    )

    def clean_valid_days(self) -> int | None:
        value = self.cleaned_data.get("valid_days") or ""
        return int(value) if value else None
