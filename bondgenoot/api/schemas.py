"""Input and output schemas of the JSON API. Explicit, so the OpenAPI schema says exactly what
goes in and out; text input is checked the way the forms check it (trimmed, no NUL or other
characters a database cannot store)."""

import datetime
from typing import Annotated, Literal

from ninja import Schema
from pydantic import AfterValidator, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

from bondgenoot.alliances.models import AllianceStatus, ContributionKind, SensitiveTopic
from bondgenoot.core.models import InvitationStatus
from bondgenoot.people.models import TEXT_MAX, Capacity, Visibility
from bondgenoot.people.profile import FIELD_NAMES

MAX_ID = 2**63 - 1  # the largest id a database column holds


def storable(value: str) -> str:
    """Refuse what PostgreSQL cannot store (NUL, lone surrogates) with a clear error."""
    if "\x00" in value:
        raise PydanticCustomError("text_characters", "NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise PydanticCustomError("text_characters", "unpaired surrogate") from None
    return value


def _text(max_length: int, min_length: int = 0) -> StringConstraints:
    return StringConstraints(strip_whitespace=True, max_length=max_length, min_length=min_length)


LongText = Annotated[str, _text(TEXT_MAX), AfterValidator(storable)]
RequiredLongText = Annotated[str, _text(TEXT_MAX, 1), AfterValidator(storable)]
DisplayName = Annotated[str, _text(80, 1), AfterValidator(storable)]
Note = Annotated[str, _text(200), AfterValidator(storable)]
Word = Annotated[str, _text(40), AfterValidator(storable)]
# Long questions are shortened by the search itself (with a message); this only bounds abuse.
SearchText = Annotated[str, StringConstraints(max_length=10_000), AfterValidator(storable)]
PlaceText = Annotated[str, StringConstraints(max_length=200), AfterValidator(storable)]

Id = Annotated[int, Field(ge=1, le=MAX_ID)]
ProfileFieldName = Literal[FIELD_NAMES]  # type: ignore[valid-type]


class Strict(Schema):
    model_config = ConfigDict(extra="forbid")


# Errors ------------------------------------------------------------------------------------------


class FieldError(Schema):
    field: str = Field(description="Where: body.<field>, query.<name> or path.<name>")
    message: str = Field(description="What is wrong, in Dutch")


class ErrorOut(Schema):
    detail: str = Field(description="What went wrong, in Dutch")
    errors: list[FieldError] = Field(default_factory=list)


# Shared pieces -----------------------------------------------------------------------------------


class Named(Schema):
    id: int
    name: str


class Page(Schema):
    count: int = Field(description="How many there are in all")
    page: int
    pages: int


# Profile -----------------------------------------------------------------------------------------


class VisibilityOut(Schema):
    about: Visibility
    strengths: Visibility
    aspirations: Visibility
    lived_experience: Visibility
    limits: Visibility
    capacity: Visibility
    languages: Visibility
    tags: Visibility


class VisibilityIn(Strict):
    about: Visibility | None = None
    strengths: Visibility | None = None
    aspirations: Visibility | None = None
    lived_experience: Visibility | None = None
    limits: Visibility | None = None
    capacity: Visibility | None = None
    languages: Visibility | None = None
    tags: Visibility | None = None


class MeOut(Schema):
    id: int
    email: str
    display_name: str
    neighbourhood: Named | None
    about: str
    strengths: str
    aspirations: str
    lived_experience: str
    limits: str
    capacity: Capacity
    capacity_note: str
    languages: list[str]
    tags: list[str]
    visibility: VisibilityOut = Field(description="Who may see each part: me, allies, members")
    sensitive_fields: list[ProfileFieldName] = Field(
        description="Parts you marked as sensitive: every look by someone else is recorded"
    )


class MePatch(Strict):
    """Only what you send changes; null (or leaving a field out) keeps it as it is, except
    ``neighbourhood_id``: null there means "I would rather not say"."""

    display_name: DisplayName | None = None
    neighbourhood_id: Id | None = None
    about: LongText | None = None
    strengths: LongText | None = None
    aspirations: LongText | None = None
    lived_experience: LongText | None = None
    limits: LongText | None = None
    capacity: Capacity | None = None
    capacity_note: Note | None = None
    languages: list[Word] | None = Field(default=None, max_length=10)
    tags: list[Word] | None = Field(default=None, max_length=15)
    visibility: VisibilityIn | None = None
    sensitive_fields: list[ProfileFieldName] | None = Field(default=None, max_length=8)


# Alliances ---------------------------------------------------------------------------------------


class PartyOut(Schema):
    id: int
    kind: Literal["person", "organisation", "former"]
    name: str
    person_id: int | None
    organisation_id: int | None
    role: str
    joined_on: datetime.date
    left_on: datetime.date | None


class AllianceOut(Schema):
    id: int
    name: str
    intention: str
    way_of_working: str
    status: AllianceStatus
    started_on: datetime.date
    ended_on: datetime.date | None
    is_archived: bool
    last_entry_on: datetime.date | None = None
    parties: list[PartyOut]


class AllianceList(Page):
    items: list[AllianceOut]


class AbilitiesOut(Schema):
    can_write: bool
    can_invite: bool


class AllianceDetailOut(AllianceOut):
    former_parties: list[PartyOut]
    my_parties: list[int] = Field(description="Ids of the parties you speak for here")
    abilities: AbilitiesOut


class JournalEntryOut(Schema):
    id: int
    occurred_on: datetime.date
    author: Named | None = Field(description="null: a former participant")
    what_happened: str
    what_we_learned: str
    what_next: str
    is_milestone: bool
    is_sensitive: bool
    sensitive_topics: list[SensitiveTopic]
    erased_on: datetime.date | None = Field(
        description="Set when the text was erased after the retention period"
    )
    revision_count: int
    created_at: datetime.datetime
    updated_at: datetime.datetime


class JournalList(Page):
    items: list[JournalEntryOut]


class JournalEntryIn(Strict):
    what_happened: RequiredLongText
    what_we_learned: LongText = ""
    what_next: LongText = ""
    occurred_on: datetime.date | None = Field(default=None, description="Not in the future")
    is_milestone: bool = False
    is_sensitive: bool = False
    sensitive_topics: list[SensitiveTopic] = Field(default_factory=list, max_length=4)


class ContributionOut(Schema):
    id: int
    kind: ContributionKind
    description: str
    giver: Named
    receiver: Named
    hours: float | None
    euros: float | None
    given_on: datetime.date
    recorded_by: Named | None


class ContributionList(Page):
    items: list[ContributionOut]


# Invitations -------------------------------------------------------------------------------------


class InvitationForMeOut(Schema):
    id: int
    alliance_name: str
    intention: str
    way_of_working: str
    invited_by: str | None
    message: str
    expires_at: datetime.datetime


class OpenInvitationOut(Schema):
    id: int
    alliance: Named
    email: str = Field(description="Empty: a link without e-mail address")
    status: InvitationStatus
    invited_by: str | None
    expires_at: datetime.datetime


class InvitationsOut(Schema):
    for_me: list[InvitationForMeOut] = Field(
        description="Sent to your e-mail address, not answered yet"
    )
    open_in_my_alliances: list[OpenInvitationOut] = Field(
        description="Open invitations of the alliances you take part in"
    )


# Ally search -------------------------------------------------------------------------------------


class AllyHitOut(Schema):
    kind: Literal["person", "organisation"]
    id: int
    name: str
    reasons: list[str] = Field(description="Why this fits, in words (never a score)")
    themes: list[str]
    words: list[str]
    fields: list[str]
    field_labels: list[str]
    same_neighbourhood: bool
    languages: list[str]


class AllySearchOut(Schema):
    status: Literal[
        "ok", "too_long", "empty", "no_words", "only_common_words", "unknown_neighbourhood"
    ]
    message: str = Field(description="In Dutch; empty when all is well")
    text: str = Field(description="The text that was searched (shortened when too long)")
    neighbourhood: Named | None
    hits: list[AllyHitOut] = Field(description="In order of fit; nobody is scored")


class IndexOut(Schema):
    detail: str
    openapi: str
