"""Who may tell, read, confirm and choose stories. The single place for these rules.

Built on the rules of ``alliances.permissions`` (who takes part in an alliance) and
``people.permissions`` (who is a member or coordinator of an organisation); nothing of those is
repeated here.

- Telling a story: a party of the alliance (``can_write_in_alliance``: not archived) or a member
  of the organisation.
- Writing down someone else's story: the writer and the storyteller both take part in the same
  alliance (the storyteller as a person) or are both members of the same organisation.
- Reading: the storyteller always; while a story waits for confirmation, also the ally who wrote
  it down, and nobody else. A confirmed story follows its use, from narrow to wide: the parties
  of its alliance (``alliances_visible_to``) read it at every use; from "within the
  organisation" on, the members of its organisation too, or, for a story told in an alliance,
  the members of the organisations that take part in that alliance. Never anyone else: the wider
  uses only open reports and the funder panel, not the site.
- Only the storyteller confirms, corrects and changes the use.
- Domains: the coordinators of the organisation. Selection rounds: its members read and write a
  note; its coordinators open and close rounds and record the choices.

``get_*_for`` helpers answer 404 for what the person may not see.
"""

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from bondgenoot.alliances.models import Alliance
from bondgenoot.alliances.permissions import (
    active_parties,
    alliances_visible_to,
    can_write_in_alliance,
)
from bondgenoot.core.permissions import person_of
from bondgenoot.people.models import Membership, Organisation, Person
from bondgenoot.people.permissions import can_manage_organisation, membership_of

from .models import (
    Domain,
    SelectionRound,
    Story,
    StoryStatus,
    StoryUse,
    uses_at_least,
)

ORGANISATION_USES = uses_at_least(StoryUse.ORGANISATION)


def member_organisation_ids(person: Person) -> QuerySet[Membership, Any]:
    """The organisations this person is a member (or coordinator) of, as a subquery."""
    return Membership.objects.filter(person=person).values("organisation_id")


def alliances_of_organisations(organisation_ids: Any) -> QuerySet[Any, Any]:
    """The alliances in which one of these organisations takes part now, as a subquery."""
    return active_parties().filter(organisation_id__in=organisation_ids).values("alliance_id")


def visible_stories_condition(person: Person) -> Q:
    """The reading rule above as one condition on ``Story``."""
    member_of = member_organisation_ids(person)
    return (
        Q(storyteller=person)
        | Q(status=StoryStatus.AWAITING_CONFIRMATION, written_by=person)
        | Q(status=StoryStatus.CONFIRMED)
        & (
            Q(alliance__in=alliances_visible_to(person.user))
            | Q(use__in=ORGANISATION_USES)
            & (
                Q(organisation_id__in=member_of)
                | Q(alliance_id__in=alliances_of_organisations(member_of))
            )
        )
    )


def stories_visible_to_user(user: Any) -> QuerySet[Story]:
    person = person_of(user)
    if person is None:
        return Story.objects.none()
    return Story.objects.filter(visible_stories_condition(person))


# Telling -------------------------------------------------------------------------------------


def can_tell_in_alliance(user: Any, alliance: Alliance) -> bool:
    return can_write_in_alliance(user, alliance)


def can_tell_in_organisation(user: Any, organisation: Organisation) -> bool:
    return membership_of(user, organisation) is not None


def can_tell_in(user: Any, *, alliance: Alliance | None, organisation: Organisation | None) -> bool:
    if alliance is not None:
        return can_tell_in_alliance(user, alliance)
    return organisation is not None and can_tell_in_organisation(user, organisation)


def storytellers_in(
    *, writer: Person, alliance: Alliance | None, organisation: Organisation | None
) -> QuerySet[Person]:
    """The people whose story this writer may write down here: the other people who take part
    in the alliance as themselves, or the other members of the organisation."""
    if alliance is not None:
        people = Person.objects.filter(
            parties__alliance=alliance, parties__left_on__isnull=True, user__is_active=True
        )
    elif organisation is not None:
        people = Person.objects.filter(memberships__organisation=organisation, user__is_active=True)
    else:
        return Person.objects.none()
    return people.exclude(pk=writer.pk).distinct().order_by("display_name", "pk")


def can_write_down_for(
    user: Any,
    storyteller: Person,
    *,
    alliance: Alliance | None,
    organisation: Organisation | None,
) -> bool:
    writer = person_of(user)
    if writer is None or not can_tell_in(user, alliance=alliance, organisation=organisation):
        return False
    return (
        storytellers_in(writer=writer, alliance=alliance, organisation=organisation)
        .filter(pk=storyteller.pk)
        .exists()
    )


# Reading and changing a story ----------------------------------------------------------------


def can_view_story(user: Any, story: Story) -> bool:
    return stories_visible_to_user(user).filter(pk=story.pk).exists()


def is_storyteller(user: Any, story: Story) -> bool:
    person = person_of(user)
    return person is not None and story.storyteller_id == person.pk


def can_confirm_story(user: Any, story: Story) -> bool:
    """Only the storyteller confirms (or corrects) a story an ally wrote down."""
    return is_storyteller(user, story) and story.status == StoryStatus.AWAITING_CONFIRMATION


def can_change_story_use(user: Any, story: Story) -> bool:
    return is_storyteller(user, story) and story.status == StoryStatus.CONFIRMED


def get_story_for(user: Any, pk: int) -> Story:
    story = (
        stories_visible_to_user(user)
        .filter(pk=pk)
        .select_related("storyteller", "written_by", "organisation", "alliance", "domain")
        .first()
    )
    if story is None:
        raise Http404
    return story


# Organisations: domains and rounds -----------------------------------------------------------


def can_view_rounds(user: Any, organisation: Organisation) -> bool:
    """The members of an organisation take part in its selection rounds."""
    return membership_of(user, organisation) is not None


def can_manage_domains(user: Any, organisation: Organisation) -> bool:
    return can_manage_organisation(user, organisation)


def can_open_round(user: Any, organisation: Organisation) -> bool:
    return can_manage_organisation(user, organisation)


def can_run_round(user: Any, selection_round: SelectionRound) -> bool:
    """Record a choice, close the round: a coordinator, while the round is open."""
    return selection_round.is_open and can_manage_organisation(user, selection_round.organisation)


def can_write_note(user: Any, selection_round: SelectionRound) -> bool:
    return selection_round.is_open and can_view_rounds(user, selection_round.organisation)


def get_member_organisation_for(user: Any, pk: int) -> Organisation:
    """An organisation whose story pages this person may see: one they are a member of."""
    organisation = Organisation.objects.filter(pk=pk).first()
    if organisation is None or membership_of(user, organisation) is None:
        raise Http404
    return organisation


def get_domain_for(user: Any, organisation: Organisation, pk: int) -> Domain:
    """A domain of an organisation already fetched with ``get_member_organisation_for``."""
    domain = Domain.objects.filter(organisation=organisation, pk=pk).first()
    if domain is None:
        raise Http404
    return domain


def get_round_for(user: Any, pk: int) -> SelectionRound:
    selection_round = (
        SelectionRound.objects.filter(pk=pk)
        .select_related("organisation", "previous_round", "created_by")
        .first()
    )
    if selection_round is None or not can_view_rounds(user, selection_round.organisation):
        raise Http404
    return selection_round
