from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bondgenoot.core.forms import Form
from bondgenoot.people.models import Neighbourhood


class AllySearchForm(Form):
    """The question in one's own words, and which neighbourhood ranks a little higher.

    ``wijk`` is free text behind a list on purpose: an unknown value gets the search's own Dutch
    answer ("We do not know this neighbourhood"), like the API."""

    q = forms.CharField(
        label=_("What are you looking for?"),
        strip=True,
        # The same words as the search gives (and the API): one answer to an empty question.
        error_messages={"required": _("Type what you are looking for.")},
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "In your own words. For example: someone who can help with letters, or who has "
            "been through debts too."
        ),
    )
    wijk = forms.CharField(
        label=_("Neighbourhood"),
        required=False,
        widget=forms.Select,
        help_text=_("People from this neighbourhood are a little higher in the list."),
    )

    def __init__(self, *args: Any, own_neighbourhood: Neighbourhood | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        blank: Any = _("No preference")
        if own_neighbourhood is not None:
            blank = _("My own neighbourhood (%(name)s)") % {"name": own_neighbourhood.name}
        choices = [("", blank)] + [
            (str(pk), name) for pk, name in Neighbourhood.objects.values_list("pk", "name")
        ]
        self.fields["wijk"].widget.choices = choices
