from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from bondgenoot.core.forms import DateInput, Form
from bondgenoot.people.models import Organisation, Person

from .models import CASE_TEXT_MAX, NOTE_MAX, CasePhase
from .schema import ROWS, STEP_LABELS, STEPS, SchemaRow
from .services import RowAnswer

NAME_MAX = 120
TEXT_MAX = 2000


class TeamCreateForm(Form):
    name = forms.CharField(
        label=_("Name of the team"),
        max_length=NAME_MAX,
        help_text=_("For example: the Tuesday group, or the tandems of the neighbourhood team."),
    )
    members = forms.ModelMultipleChoiceField(
        label=_("Who reflects with you?"),
        queryset=Person.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Choose at least two people. You can choose your allies and the members of your "
            "organisations. They get a message and can leave the team at any time."
        ),
    )

    def __init__(self, *args: Any, people: QuerySet[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["members"]
        field.queryset = people


class OrganisationTeamForm(Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        help_text=_("Only organisations you coordinate, and that have no team yet."),
    )
    name = forms.CharField(
        label=_("Name of the team"),
        max_length=NAME_MAX,
        required=False,
        help_text=_("Leave empty to use the name of the organisation."),
    )

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["organisation"]
        field.queryset = organisations


class RoundOpenForm(Form):
    title = forms.CharField(
        label=_("Title of the round"),
        max_length=NAME_MAX,
        help_text=_("For example: Mirror spring 2026."),
    )
    closes_on = forms.DateField(
        label=_("Open until and including"),
        required=False,
        widget=DateInput,
        help_text=_("Leave empty to close the round yourselves."),
    )


class AnswerForm(Form):
    """The six rows: a place on the line between the two statements, a note, and "I want to
    talk about this"; and whether the person's name may be shown with their notes."""

    SUBMIT = "submit"
    DRAFT = "draft"

    show_name = forms.BooleanField(
        label=_("Show my name with my notes"),
        required=False,
        help_text=_(
            "Without a tick your notes are shown without your name. Your places on the lines "
            "are never shown with your name."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(step, STEP_LABELS[step]) for step in STEPS]
        for row in ROWS:
            n = row.number
            self.fields[f"row_{n}_position"] = forms.TypedChoiceField(
                label=row.title,
                choices=choices,
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
            )
            self.fields[f"row_{n}_note"] = forms.CharField(
                label=_("In your own words"),
                max_length=NOTE_MAX,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("What do you see in your own work? An example helps."),
            )
            self.fields[f"row_{n}_talk"] = forms.BooleanField(
                label=_("I want to talk about this"), required=False
            )
        # show_name last, after the rows
        self.fields["show_name"] = self.fields.pop("show_name")
        self.style_fields()

    def row_groups(self) -> list[tuple[SchemaRow, Any, Any, Any]]:
        return [
            (
                row,
                self[f"row_{row.number}_position"],
                self[f"row_{row.number}_note"],
                self[f"row_{row.number}_talk"],
            )
            for row in ROWS
        ]

    def answers(self) -> dict[int, RowAnswer]:
        data = self.cleaned_data
        return {
            row.number: RowAnswer(
                position=data.get(f"row_{row.number}_position"),
                note=data.get(f"row_{row.number}_note", ""),
                want_to_talk=bool(data.get(f"row_{row.number}_talk")),
            )
            for row in ROWS
        }

    @staticmethod
    def initial_from(answer: Any) -> dict[str, Any]:
        if answer is None:
            return {}
        initial: dict[str, Any] = {"show_name": answer.show_name}
        for row in answer.rows.all():
            initial[f"row_{row.row}_position"] = row.position
            initial[f"row_{row.row}_note"] = row.note
            initial[f"row_{row.row}_talk"] = row.want_to_talk
        return initial


class RoundShareForm(Form):
    summary = forms.CharField(
        label=_("Our summary, in our own words"),
        max_length=TEXT_MAX,
        widget=forms.Textarea,
        help_text=_(
            "Only this text can appear in a report. Never the answers, the notes, the chart "
            "or the figures."
        ),
    )
    team_decided = forms.BooleanField(
        label=_("We decided together, as a team, to share this summary"),
        required=True,
        error_messages={"required": _("Share it only when the team has decided so together.")},
    )


class CaseForm(Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=NAME_MAX,
        help_text=_("A few words, for example: A neighbour who no longer opens the door."),
    )
    what_happens = forms.CharField(
        label=_("What happens?"),
        max_length=CASE_TEXT_MAX,
        widget=forms.Textarea,
        help_text=_("Tell it as you experienced it. Leave out names and details of others."),
    )
    my_question = forms.CharField(
        label=_("What is my question?"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What do you want to learn or decide? For example: How do I ..."),
    )
    share_with = forms.ChoiceField(
        label=_("Share with"),
        help_text=_("Only the people of this group can see it and respond."),
    )

    def __init__(self, *args: Any, options: dict[str, list[tuple[str, str]]], **kwargs: Any):
        super().__init__(*args, **kwargs)
        groups: list[tuple[Any, Any]] = [("", _("Choose a group"))]
        for kind, label in (
            ("team", _("Mirror teams")),
            ("organisation", _("Organisations")),
            ("gathering", _("Gatherings")),
        ):
            if options.get(kind):
                groups.append((label, options[kind]))
        field: Any = self.fields["share_with"]
        field.choices = groups

    def target(self) -> tuple[str, int]:
        kind, _sep, pk = self.cleaned_data["share_with"].partition("-")
        return kind, int(pk)


class ResponseForm(Form):
    phase = forms.TypedChoiceField(
        choices=[(p.value, p.label) for p in CasePhase], coerce=int, widget=forms.HiddenInput
    )
    text = forms.CharField(label=_("Your question"), max_length=TEXT_MAX, widget=forms.Textarea)

    def __init__(self, *args: Any, phase: int, **kwargs: Any) -> None:
        super().__init__(*args, initial={"phase": phase}, **kwargs)
        if phase == CasePhase.ADVICE:
            self.fields["text"].label = _("Your advice")


class MoveOnForm(Form):
    from_phase = forms.TypedChoiceField(
        choices=[(p.value, p.label) for p in CasePhase], coerce=int, widget=forms.HiddenInput
    )


class TakeawayForm(Form):
    takeaway = forms.CharField(
        label=_("What I take from it"),
        max_length=TEXT_MAX,
        widget=forms.Textarea,
        help_text=_("What did you learn? What will you do now?"),
    )
