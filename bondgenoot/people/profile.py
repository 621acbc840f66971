"""The fields of a profile that carry their own visibility, in the order they are shown."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ProfileField:
    name: str
    label: Promise
    help_text: Promise

    @property
    def visibility_attr(self) -> str:
        return f"{self.name}_visibility"


PROFILE_FIELDS: tuple[ProfileField, ...] = (
    ProfileField("about", _("About me"), _("Tell something about yourself, in your own words.")),
    ProfileField(
        "strengths",
        _("What I am good at"),
        _("Your strengths and talents. For example: listening, cooking, sorting out letters."),
    ),
    ProfileField(
        "aspirations",
        _("What I want to achieve or learn"),
        _("What would you like to reach or learn, alone or with others?"),
    ),
    ProfileField(
        "lived_experience",
        _("What I have lived through"),
        _("Experience that can help others. Only share what you want to share."),
    ),
    ProfileField(
        "limits",
        _("What I do not do or cannot do"),
        _("Your limits. For example: no help with money matters, not on weekends."),
    ),
    ProfileField(
        "capacity",
        _("How much time I have"),
        _("You can change this at any time, also to 'not right now'."),
    ),
    ProfileField("languages", _("Languages I speak"), _("Separate languages with a comma.")),
    ProfileField(
        "tags",
        _("My own tags"),
        _("Words you choose yourself, separated by a comma. For example: cooking, walking."),
    ),
)

FIELD_NAMES = tuple(f.name for f in PROFILE_FIELDS)
