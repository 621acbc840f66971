from typing import Any, ClassVar

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from bondgenoot.core.forms import Form, ModelForm
from bondgenoot.people.models import Organisation, Person

from .models import (
    ConversationGroup,
    Gathering,
    GatheringReport,
    GatheringRole,
    GatheringStatus,
    HarvestItem,
    HarvestKind,
)

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format=DATETIME_FORMAT, **kwargs)


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.display_name


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.display_name


class GatheringForm(ModelForm):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("No organisation"),
        help_text=_(
            "The members of the organisation see the gathering. Only organisations you are a "
            "member of are shown."
        ),
    )

    class Meta:
        model = Gathering
        fields = [
            "kind",
            "title",
            "theme",
            "question",
            "description",
            "starts_at",
            "ends_at",
            "place",
            "organisation",
            "is_open",
            "max_participants",
            "status",
        ]
        widgets: ClassVar[dict[str, Any]] = {
            "question": forms.Textarea,
            "description": forms.Textarea,
            "starts_at": DateTimeInput,
            "ends_at": DateTimeInput,
        }
        help_texts: ClassVar[dict[str, Any]] = {
            "question": _("What do you want to find out together? For example: when do we learn?"),
            "is_open": _(
                "Only for a gathering without an organisation: then everyone with an account "
                "can see it and register."
            ),
            "status": _("People can register while registration is open."),
        }

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisation: Any = self.fields["organisation"]
        organisation.queryset = organisations
        for name in ("starts_at", "ends_at"):
            self.fields[name].input_formats = [DATETIME_FORMAT]  # type: ignore[attr-defined]
        status: Any = self.fields["status"]
        current = self.instance.status if self.instance.pk else None
        status.choices = [
            (value, label)
            for value, label in GatheringStatus.choices
            if value != GatheringStatus.PUBLISHED or current == GatheringStatus.PUBLISHED
        ]


class RoleForm(ModelForm):
    person = PersonChoiceField(
        label=_("Person with an account"),
        queryset=Person.objects.none(),
        required=False,
        empty_label=_("Nobody: I write a name"),
        help_text=_(
            "People who registered and members of the organisation. They decide themselves "
            "whether their name is in the report."
        ),
    )

    class Meta:
        model = GatheringRole
        fields = ["role", "person", "name_text", "introduction", "contribution", "consent_to_name"]
        widgets: ClassVar[dict[str, Any]] = {"contribution": forms.Textarea(attrs={"rows": 8})}
        help_texts: ClassVar[dict[str, Any]] = {
            "contribution": _(
                "What did they tell or bring? You can change this later in the report."
            ),
            "consent_to_name": _(
                "Only for someone without an account: tick this when they told you their name "
                "and role may be in the report."
            ),
        }

    def __init__(self, *args: Any, people: QuerySet[Person] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            for name in ("role", "person"):
                del self.fields[name]
            if self.instance.person_id:
                del self.fields["name_text"]
                del self.fields["consent_to_name"]
        else:
            person: Any = self.fields["person"]
            person.queryset = people if people is not None else Person.objects.none()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "person" in self.fields and not data.get("person") and not data.get("name_text"):
            self.add_error("name_text", _("Choose a person or write a name."))
        return data

    def _post_clean(self) -> None:
        """The service validates the whole role; the form only checks its fields."""


class RandomGroupsForm(Form):
    size = forms.TypedChoiceField(
        label=_("How many people per group?"),
        coerce=int,
        choices=[(2, _("2 (pairs)")), (3, "3"), (4, "4"), (5, "5"), (6, "6"), (8, "8"), (10, "10")],
        initial=2,
    )


class GroupForm(ModelForm):
    members = PeopleChoiceField(
        label=_("Who is in this group?"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = ConversationGroup
        fields = ["name", "members", "discussed"]
        widgets: ClassVar[dict[str, Any]] = {"discussed": forms.Textarea}

    def __init__(self, *args: Any, people: QuerySet[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        members: Any = self.fields["members"]
        members.queryset = people

    def _post_clean(self) -> None:
        """The service validates the group."""


class HarvestForm(ModelForm):
    speaker = PersonChoiceField(
        label=_("Who said it?"),
        queryset=Person.objects.none(),
        required=False,
        empty_label=_("Nobody in particular"),
        help_text=_(
            "Needed for a quote. The speaker decides on their own page whether it may be in "
            "the report."
        ),
    )
    group = forms.ModelChoiceField(
        label=_("Conversation group"),
        queryset=ConversationGroup.objects.none(),
        required=False,
        empty_label=_("No group: the whole gathering"),
    )

    class Meta:
        model = HarvestItem
        fields = ["kind", "text", "speaker", "group"]
        widgets: ClassVar[dict[str, Any]] = {"text": forms.Textarea}

    def __init__(
        self,
        *args: Any,
        people: QuerySet[Person],
        groups: QuerySet[ConversationGroup],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        speaker: Any = self.fields["speaker"]
        speaker.queryset = people
        group: Any = self.fields["group"]
        group.queryset = groups

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == HarvestKind.QUOTE and not data.get("speaker"):
            self.add_error("speaker", _("Choose who said it: they decide if it may be shown."))
        return data

    def _post_clean(self) -> None:
        """The service validates the item."""


class ReportForm(ModelForm):
    class Meta:
        model = GatheringReport
        fields = [
            "title",
            "introduction",
            "question",
            "hosts",
            "guests",
            "groups",
            "closing",
            "thanks",
        ]
        widgets: ClassVar[dict[str, Any]] = {
            name: forms.Textarea(attrs={"rows": 10})
            for name in ("introduction", "hosts", "guests", "groups", "closing")
        } | {"question": forms.Textarea(attrs={"rows": 3}), "thanks": forms.Textarea}


class ConsentForm(Form):
    """One answer on "My quotes": yes or no, for a quote, a role or a registration."""

    WHAT: ClassVar[list[tuple[str, str]]] = [
        ("quote", "quote"),
        ("role", "role"),
        ("registration", "registration"),
    ]
    what = forms.ChoiceField(choices=WHAT, widget=forms.HiddenInput)
    pk = forms.IntegerField(widget=forms.HiddenInput)
    consent = forms.ChoiceField(choices=[("yes", "yes"), ("no", "no")], widget=forms.HiddenInput)
