from typing import Any, ClassVar

from django import forms
from django.utils.translation import gettext_lazy as _

from bondgenoot.core.forms import DateInput, DecimalField, Form, ModelForm
from bondgenoot.people.models import Organisation

from .models import Alliance, Contribution, ContributionKind, JournalEntry, SensitiveTopic

TOPIC_CHOICES = [
    (SensitiveTopic.HEALTH.value, _("Health")),
    (SensitiveTopic.MONEY.value, _("Money")),
    (SensitiveTopic.JUSTICE.value, _("Justice")),
    (SensitiveTopic.FAMILY.value, _("Family")),
]


class AllianceStartForm(ModelForm):
    role = forms.CharField(
        label=_("Your role, in your own words"),
        max_length=200,
        required=False,
        help_text=_("For example: neighbour, buddy, expert by experience, the one with the car."),
    )
    organisation = forms.ModelChoiceField(
        label=_("Take part on behalf of an organisation too"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("No, only myself"),
        help_text=_("Only organisations you coordinate are shown."),
    )

    class Meta:
        model = Alliance
        fields = ["name", "intention", "way_of_working", "started_on"]
        widgets: ClassVar[dict[str, Any]] = {
            "intention": forms.Textarea,
            "way_of_working": forms.Textarea,
            "started_on": DateInput,
        }
        help_texts: ClassVar[dict[str, Any]] = {
            "name": _("A short name you all recognise. For example: Together through the post."),
            "intention": _("What do you want to achieve or learn together?"),
            "way_of_working": _(
                "What did you agree? For example: we meet on Tuesdays, we call if we cannot come."
            ),
        }

    def __init__(self, *args: Any, organisations: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if organisations is not None and organisations.exists():
            field: Any = self.fields["organisation"]
            field.queryset = organisations
        else:
            del self.fields["organisation"]


class AllianceEditForm(ModelForm):
    class Meta:
        model = Alliance
        fields = ["name", "intention", "way_of_working", "status", "started_on", "ended_on"]
        widgets: ClassVar[dict[str, Any]] = {
            "intention": forms.Textarea,
            "way_of_working": forms.Textarea,
            "started_on": DateInput,
            "ended_on": DateInput,
        }


class JournalEntryForm(ModelForm):
    """What happened, and the writer's own choice whether it is sensitive."""

    SENSITIVITY_FIELDS = ("is_sensitive", "sensitive_topics")

    is_sensitive = forms.BooleanField(
        label=_("This entry is sensitive"),
        required=False,
        help_text=_(
            "You decide this yourself. When someone else reads it, we write down who, when "
            "and why. You see that on 'Who looked along'. We never write down the text itself."
        ),
    )
    sensitive_topics = forms.MultipleChoiceField(
        label=_("What is it about?"),
        required=False,
        choices=TOPIC_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose one or more, or none. Choosing one also marks the entry."),
    )

    class Meta:
        model = JournalEntry
        fields = [
            "occurred_on",
            "what_happened",
            "what_we_learned",
            "what_next",
            "is_sensitive",
            "sensitive_topics",
        ]
        widgets: ClassVar[dict[str, Any]] = {
            "occurred_on": DateInput,
            "what_happened": forms.Textarea,
            "what_we_learned": forms.Textarea,
            "what_next": forms.Textarea,
        }


class JournalEntryAddForm(JournalEntryForm):
    is_milestone = forms.BooleanField(
        label=_("This is a milestone"),
        required=False,
        help_text=_("A moment that matters for your alliance. Every party can mark one."),
    )


class JournalEntryEditForm(JournalEntryForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class ContributionForm(ModelForm):
    class Meta:
        model = Contribution
        fields = ["giver", "receiver", "kind", "description", "hours", "euros", "given_on"]
        field_classes: ClassVar[dict[str, Any]] = {"hours": DecimalField, "euros": DecimalField}
        widgets: ClassVar[dict[str, Any]] = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "given_on": DateInput,
        }
        help_texts: ClassVar[dict[str, Any]] = {
            "hours": _("For example 1.5 (one and a half hours)."),
            "euros": _("Fill this in when money was given."),
        }

    def __init__(self, *args: Any, parties: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("giver", "receiver"):
            field: Any = self.fields[name]
            field.queryset = parties
            field.label_from_instance = lambda party: party.name
            field.empty_label = _("Choose")
        kind: Any = self.fields["kind"]
        kind.choices = [("", _("Choose")), *ContributionKind.choices]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("giver") and data.get("giver") == data.get("receiver"):
            self.add_error("receiver", _("Choose someone other than the giver."))
        return data

    def _post_clean(self) -> None:
        # The service validates the whole contribution; here only the fields themselves.
        pass


class InviteForm(Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        max_length=254,
        help_text=_(
            "If you fill this in, we send the link by e-mail and only this person can use it. "
            "Otherwise you get a link to share yourself, for example by WhatsApp."
        ),
    )
    message = forms.CharField(
        label=_("Personal message"),
        required=False,
        max_length=1000,
        widget=forms.Textarea,
    )


class AcceptInvitationForm(Form):
    role = forms.CharField(
        label=_("Your role, in your own words"),
        max_length=200,
        required=False,
        help_text=_("For example: neighbour, buddy, the one who knows the way in the city hall."),
    )


class RoleForm(Form):
    role = forms.CharField(label=_("Role, in your own words"), max_length=200, required=False)


class RemovePartyForm(Form):
    reason = forms.CharField(
        label=_("Why? In a few words"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Everyone in the alliance reads this, also the one you remove."),
    )
