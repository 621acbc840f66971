from typing import Any

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from bondgenoot.core.forms import DateInput, Form
from bondgenoot.people.models import TEXT_MAX

from .models import NOTE_MAX, Domain, RoundTier, SelectionRound, StoryUse, round_shows_name

# What each use means, in plain words (shown with the choice).
USE_EXPLANATIONS = {
    StoryUse.ALLIANCE: _("Only the people in your alliance read it."),
    StoryUse.ORGANISATION: _(
        "The members of the organisation read it too. They can choose it in a selection round."
    ),
    StoryUse.REPORT_ANONYMOUS: _(
        "It may also be in a report for a funder or the municipality, without your name."
    ),
    StoryUse.PUBLIC_NAMED: _(
        "It may also be in reports and shown to others, with your name. "
        "On this website only allies and members read it."
    ),
}


def use_choices(*, in_alliance: bool) -> list[tuple[str, Any]]:
    """The uses that fit where the story was told: "only in our alliance" needs an alliance."""
    return [
        (value, label)
        for value, label in StoryUse.choices
        if in_alliance or value != StoryUse.ALLIANCE
    ]


class DomainChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        domain: Domain = obj
        if self.show_organisation:  # type: ignore[attr-defined]
            return f"{domain.name} ({domain.organisation.name})"
        return domain.name


def _domain_field() -> DomainChoiceField:
    field = DomainChoiceField(
        label=_("Domain of change"),
        queryset=Domain.objects.none(),
        required=False,
        empty_label=_("I don't know / none of these"),
        help_text=_("In which part of life did it change? The organisation chose these."),
    )
    field.show_organisation = False  # type: ignore[attr-defined]
    return field


class StoryTextForm(Form):
    """The two questions of Most Significant Change, a title and a domain."""

    title = forms.CharField(
        label=_("Title"),
        max_length=120,
        help_text=_("A few words, so you recognise the story. For example: I called them myself."),
    )
    what_changed = forms.CharField(
        label=_("What has changed for you?"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Tell it in your own words. Something small is fine too."),
    )
    why_important = forms.CharField(
        label=_("Why is that important to you?"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    domain = _domain_field()

    def __init__(self, *args: Any, domains: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["domain"]
        if domains is not None and domains.exists():
            field.queryset = domains
            field.show_organisation = len({d.organisation_id for d in domains}) > 1
        else:
            del self.fields["domain"]


class UseFieldMixin:
    fields: dict[str, forms.Field]

    def add_use_field(self, *, in_alliance: bool, initial: str) -> None:
        self.fields["use"] = forms.ChoiceField(
            label=_("How may your story be used?"),
            choices=use_choices(in_alliance=in_alliance),
            initial=initial,
            widget=forms.RadioSelect,
            help_text=_("You can change this later."),
            error_messages={"required": _("Choose how your story may be used.")},
        )


class StoryTellForm(UseFieldMixin, StoryTextForm):
    told_on = forms.DateField(
        label=_("When did it happen, or when did you tell it?"),
        widget=DateInput,
        required=False,
        help_text=_("Leave it empty for today."),
    )

    def __init__(self, *args: Any, in_alliance: bool, initial_use: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_use_field(in_alliance=in_alliance, initial=initial_use)
        self.style_fields()


class StoryWriteDownForm(StoryTextForm):
    storyteller: Any = forms.ModelChoiceField(
        label=_("Whose story is it?"),
        queryset=None,
        empty_label=_("Choose"),
        help_text=_("They read what you wrote, then confirm or correct it."),
        error_messages={"required": _("Choose whose story it is.")},
    )
    told_on = forms.DateField(
        label=_("When did they tell it?"),
        widget=DateInput,
        required=False,
        help_text=_("Leave it empty for today."),
    )

    field_order = ["storyteller", "title", "what_changed", "why_important", "domain", "told_on"]

    def __init__(self, *args: Any, storytellers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["storyteller"]
        field.queryset = storytellers
        field.label_from_instance = lambda person: person.display_name
        self.fields["what_changed"].label = _("What has changed for them?")
        self.fields["what_changed"].help_text = _("Write it down in their words, as they told it.")
        self.fields["why_important"].label = _("Why is that important to them?")
        self.order_fields(self.field_order)


class StoryConfirmForm(UseFieldMixin, StoryTextForm):
    def __init__(self, *args: Any, in_alliance: bool, initial_use: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_use_field(in_alliance=in_alliance, initial=initial_use)
        self.style_fields()


class StoryUseForm(UseFieldMixin, Form):
    def __init__(self, *args: Any, in_alliance: bool, initial_use: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_use_field(in_alliance=in_alliance, initial=initial_use)
        self.fields["use"].help_text = ""
        self.style_fields()


class StoryUseConfirmForm(Form):
    """The second step of changing the use: the chosen use, confirmed."""

    new_use = forms.ChoiceField(choices=StoryUse.choices, widget=forms.HiddenInput)


class DomainForm(Form):
    name = forms.CharField(label=_("Name"), max_length=80)
    description = forms.CharField(
        label=_("What it is about"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class DomainEditForm(DomainForm):
    archived = forms.BooleanField(
        label=_("Archived"),
        required=False,
        help_text=_("An archived domain is no longer a choice for new stories."),
    )


class RoundOpenForm(Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=120,
        help_text=_("For example: stories of the spring."),
    )
    tier = forms.ChoiceField(
        label=_("Who chooses?"),
        choices=RoundTier.choices,
        initial=RoundTier.TEAM,
        help_text=_(
            "Team and organisation read the stories that may be read within the organisation. "
            "A funder panel only reads the stories that may be in reports, without names unless "
            "the storyteller chose 'with my name'."
        ),
    )
    previous_round = forms.ModelChoiceField(
        label=_("Start from the stories chosen in"),
        queryset=SelectionRound.objects.none(),
        required=False,
        empty_label=_("No: read all stories of the period"),
        help_text=_("For a next round: the team chose first, now a wider group chooses."),
    )
    period_start = forms.DateField(
        label=_("Stories told from"),
        widget=DateInput,
        required=False,
        help_text=_("Leave empty to take the period of the previous round."),
    )
    period_end = forms.DateField(label=_("Up to and including"), widget=DateInput, required=False)

    def __init__(self, *args: Any, previous_rounds: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["previous_round"]
        if previous_rounds.exists():
            field.queryset = previous_rounds
            field.label_from_instance = lambda r: f"{r.title} ({r.get_tier_display()})"
        else:
            del self.fields["previous_round"]
            for name in ("period_start", "period_end"):
                self.fields[name].required = True
                self.fields[name].error_messages["required"] = _("Fill in a date.")
            self.fields["period_start"].help_text = ""
            self.style_fields()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("previous_round"):
            for name in ("period_start", "period_end"):
                if not data.get(name) and name not in self.errors:
                    self.add_error(name, _("Fill in a date."))
        return data


class ChooseForm(Form):
    story: Any = forms.ModelChoiceField(
        label=_("Which story does the group choose?"),
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": _("Choose a story.")},
    )
    reasons = forms.CharField(
        label=_("Why this story? The reasons of the group"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "What did the group say? Write down the reasons, also where people disagreed. "
            "The storyteller reads this."
        ),
        error_messages={
            "required": _("Write down why the group chose this story. That is the point.")
        },
    )

    def __init__(self, *args: Any, stories: Any, selection_round: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["story"]
        field.queryset = stories

        def label(story: Any) -> str:
            if round_shows_name(selection_round, story):
                who = story.storyteller.display_name
            else:
                who = str(_("name not shown"))
            return f"{story.title} ({who}, {date_format(story.told_on)})"

        field.label_from_instance = label


class NoteForm(Form):
    text = forms.CharField(
        label=_("This touches me because …"),
        max_length=NOTE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The other members read this. Leave it empty to take your note back."),
    )
