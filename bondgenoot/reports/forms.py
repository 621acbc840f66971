import datetime
from typing import Any, ClassVar

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bondgenoot.alliances.models import Alliance
from bondgenoot.core.forms import DateInput, Form, ModelForm
from bondgenoot.people.models import Neighbourhood, Organisation

from .models import Report, ReportScope


def _last_year() -> tuple[datetime.date, datetime.date]:
    today = timezone.localdate()
    return today.replace(year=today.year - 1) + datetime.timedelta(days=1), today


class ReportForm(ModelForm):
    organisation = forms.ModelChoiceField(
        label=_("For which organisation or initiative"),
        queryset=Organisation.objects.none(),
        help_text=_("Only organisations you coordinate are shown."),
    )

    class Meta:
        model = Report
        fields = [
            "organisation",
            "title",
            "period_start",
            "period_end",
            "scope",
            "alliances",
            "neighbourhood",
            "introduction",
            "reflection",
            "ask",
        ]
        widgets: ClassVar[dict[str, Any]] = {
            "period_start": DateInput,
            "period_end": DateInput,
            "scope": forms.RadioSelect,
            "alliances": forms.CheckboxSelectMultiple,
            "introduction": forms.Textarea,
            "reflection": forms.Textarea,
            "ask": forms.Textarea,
        }
        help_texts: ClassVar[dict[str, Any]] = {
            "title": _("For example: What we did together in 2026."),
            "alliances": _("Only when you chose 'Some alliances that I choose'."),
            "neighbourhood": _("Only when you chose 'The alliances in one neighbourhood'."),
            "introduction": _(
                "The beginning of the report, in your own words: who you are, what you want to "
                "achieve and how you work."
            ),
            "reflection": _("At the end: what do you see when you look back? What is next?"),
            "ask": _(
                "For the conversation with your funder: what do you ask of them? For example "
                "time, trust, room to try things, or money."
            ),
        }

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        if self.instance.pk:
            del self.fields["organisation"]
            organisation_ids = [self.instance.organisation_id]
        else:
            organisation_ids = list(organisations.values_list("pk", flat=True))
            if len(organisation_ids) == 1:
                self.fields["organisation"].initial = organisation_ids[0]
            start, end = _last_year()
            self.fields["period_start"].initial = start
            self.fields["period_end"].initial = end
        alliances = self.fields["alliances"]
        alliances.queryset = (  # type: ignore[attr-defined]
            Alliance.objects.filter(parties__organisation__in=organisation_ids)
            .distinct()
            .order_by("name")
        )
        alliances.required = False
        self.fields["neighbourhood"].queryset = Neighbourhood.objects.order_by("name")  # type: ignore[attr-defined]
        self.fields["scope"].choices = ReportScope.choices  # type: ignore[attr-defined]


class ShareWithFunderForm(Form):
    email = forms.EmailField(
        label=_("E-mail address of the funder's account"),
        help_text=_("They see this report and nothing else. Every time they open it, you see it."),
    )


class ShareByLinkForm(Form):
    valid_days = forms.IntegerField(
        label=_("Valid for how many days"),
        min_value=1,
        max_value=90,
        initial=30,
        help_text=_(
            "Anyone with the link can read the report until then. You can stop it earlier."
        ),
    )
