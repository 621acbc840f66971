"""Reads for stories and selection rounds, already scoped to the viewer. Query counts are
pinned by tests.

``stories_for_report`` and ``choices_for_report`` are read by the accountability report: they
return only confirmed stories whose *current* use allows a report, so a use narrowed after the
fact is never shown again.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When

from bondgenoot.alliances.models import Alliance, Party
from bondgenoot.alliances.permissions import alliances_visible_to
from bondgenoot.people.models import Membership, Organisation, Person

from .models import (
    REPORT_USES,
    TIER_ORDER,
    Domain,
    RoundStatus,
    SelectionChoice,
    SelectionNote,
    SelectionRound,
    Story,
    StoryStatus,
    round_shows_name,
    tier_uses,
)
from .permissions import alliances_of_organisations, visible_stories_condition

STORIES_PAGE_SIZE = 20
ROUNDS_PAGE_SIZE = 20


def _with_people(stories: QuerySet[Story]) -> QuerySet[Story]:
    return stories.select_related("storyteller", "written_by", "domain", "organisation", "alliance")


def stories_visible_to(
    *,
    person: Person,
    organisation: Organisation | None = None,
    alliance: Alliance | None = None,
    told_by_me: bool = False,
) -> QuerySet[Story]:
    """Every story this person may read (see ``permissions``), newest first; optionally only
    those of one organisation (with its alliances) or one alliance, or only their own."""
    stories = Story.objects.filter(visible_stories_condition(person))
    if told_by_me:
        stories = stories.filter(storyteller=person)
    if organisation is not None:
        stories = stories.filter(
            Q(organisation=organisation)
            | Q(alliance_id__in=alliances_of_organisations([organisation.pk]))
        )
    if alliance is not None:
        stories = stories.filter(alliance=alliance)
    return _with_people(stories).order_by("-told_on", "-id")


def stories_page(
    *,
    person: Person,
    page: Any = 1,
    organisation: Organisation | None = None,
    alliance: Alliance | None = None,
    told_by_me: bool = False,
) -> Page[Story]:
    stories = stories_visible_to(
        person=person, organisation=organisation, alliance=alliance, told_by_me=told_by_me
    ).exclude(status=StoryStatus.AWAITING_CONFIRMATION)
    return Paginator(stories, STORIES_PAGE_SIZE).get_page(page)


def waiting_for(person: Person) -> dict[str, list[Story]]:
    """Stories that wait for a confirmation: "for_me" to confirm, and "by_me" written down by
    this person for someone else. One query."""
    stories = _with_people(
        Story.objects.filter(
            Q(storyteller=person) | Q(written_by=person),
            status=StoryStatus.AWAITING_CONFIRMATION,
        )
    ).order_by("-created_at", "-id")
    result: dict[str, list[Story]] = {"for_me": [], "by_me": []}
    for story in stories:
        result["for_me" if story.storyteller_id == person.pk else "by_me"].append(story)
    return result


@dataclass
class TellContexts:
    """Where a person can tell a story: their alliances and their organisations."""

    alliances: list[Alliance]
    organisations: list[Organisation]

    @property
    def count(self) -> int:
        return len(self.alliances) + len(self.organisations)


def tell_contexts(person: Person) -> TellContexts:
    alliances = list(
        alliances_visible_to(person.user).filter(archived_on__isnull=True).order_by("name", "pk")
    )
    organisations = list(
        Organisation.objects.filter(memberships__person=person).order_by("name", "pk")
    )
    return TellContexts(alliances=alliances, organisations=organisations)


def domains_for(
    *, alliance: Alliance | None = None, organisation: Organisation | None = None
) -> QuerySet[Domain]:
    """The current domains a story told here can be sorted in: the organisation's own, or those
    of the organisations that take part in the alliance."""
    domains = Domain.objects.filter(archived_at__isnull=True).select_related("organisation")
    if organisation is not None:
        return domains.filter(organisation=organisation).order_by("position", "pk")
    if alliance is not None:
        organisation_ids = Party.objects.filter(
            alliance=alliance, left_on__isnull=True, organisation__isnull=False
        ).values("organisation_id")
        return domains.filter(organisation_id__in=organisation_ids).order_by(
            "organisation__name", "position", "pk"
        )
    return Domain.objects.none()


def organisations_taking_part(*, alliance: Alliance) -> list[Organisation]:
    """The organisations that take part in an alliance now."""
    return list(
        Organisation.objects.filter(parties__alliance=alliance, parties__left_on__isnull=True)
    )


@dataclass
class StoryPage:
    story: Story
    revisions: list[Any]
    use_changes: list[Any]
    choices: list[SelectionChoice]


def story_page(*, person: Person, story: Story) -> StoryPage:
    """A story ``get_story_for`` let this person see. The earlier text an ally wrote and the
    history of its use are for the storyteller; the choices are shown to the storyteller and to
    the members of the organisation that chose."""
    is_teller = story.storyteller_id == person.pk
    choices = SelectionChoice.objects.filter(story=story).select_related("round", "domain")
    if not is_teller:
        choices = choices.filter(
            round__organisation_id__in=Membership.objects.filter(person=person).values(
                "organisation_id"
            )
        )
    return StoryPage(
        story=story,
        revisions=list(story.revisions.select_related("written_by")) if is_teller else [],
        use_changes=list(story.use_changes.select_related("by")) if is_teller else [],
        choices=list(choices.order_by("-chosen_at", "-id")),
    )


# Selection rounds ----------------------------------------------------------------------------


def round_stories(selection_round: SelectionRound) -> QuerySet[Story]:
    """The stories a round may read and choose from: confirmed, whose use allows its tier, of
    its organisation (or of alliances it takes part in) and told in its period; for a next tier,
    only the stories chosen in the previous round."""
    stories = Story.objects.filter(
        status=StoryStatus.CONFIRMED, use__in=tier_uses(selection_round.tier)
    )
    if selection_round.previous_round_id is not None:
        return stories.filter(choices__round_id=selection_round.previous_round_id)
    return stories.filter(
        told_on__gte=selection_round.period_start, told_on__lte=selection_round.period_end
    ).filter(
        Q(organisation_id=selection_round.organisation_id)
        | Q(alliance_id__in=alliances_of_organisations([selection_round.organisation_id]))
    )


def rounds_of(organisation: Organisation, *, page: Any = 1) -> Page[SelectionRound]:
    rounds = (
        SelectionRound.objects.filter(organisation=organisation)
        .select_related("previous_round")
        .order_by("status", "-period_end", "-id")
    )
    return Paginator(rounds, ROUNDS_PAGE_SIZE).get_page(page)


def closed_rounds_before(organisation: Organisation) -> QuerySet[SelectionRound]:
    """The rounds a next tier can start from."""
    return SelectionRound.objects.filter(
        organisation=organisation, status=RoundStatus.CLOSED
    ).order_by("-period_end", "-id")


@dataclass
class RoundStory:
    """A story as a round shows it: the name only where the tier may see it."""

    story: Story
    show_name: bool
    notes: list[SelectionNote] = field(default_factory=list)
    my_note: SelectionNote | None = None


@dataclass
class DomainGroup:
    domain: Domain | None  # None: stories without a domain of this organisation
    stories: list[RoundStory]
    choice: SelectionChoice | None = None
    choice_shows_name: bool = False
    has_candidates: bool = False  # stories it can choose: its own, or ones without a domain


@dataclass
class RoundPage:
    selection_round: SelectionRound
    groups: list[DomainGroup]
    story_count: int

    @property
    def by_story(self) -> dict[int, RoundStory]:
        return {item.story.pk: item for group in self.groups for item in group.stories}


def round_page(*, person: Person, selection_round: SelectionRound) -> RoundPage:
    """The stories of a round per domain, with the choices and the members' notes. Four
    queries, whatever the number of stories."""
    organisation_id = selection_round.organisation_id
    stories = list(
        round_stories(selection_round)
        .select_related("storyteller", "domain")
        .order_by("told_on", "id")
    )
    choices = {
        choice.domain_id: choice
        for choice in SelectionChoice.objects.filter(round=selection_round).select_related(
            "story", "story__storyteller", "chosen_by"
        )
    }
    notes: dict[int, list[SelectionNote]] = defaultdict(list)
    for note in SelectionNote.objects.filter(round=selection_round).select_related("person"):
        notes[note.story_id].append(note)
    used_domain_ids = {s.domain_id for s in stories} | set(choices)
    domains = list(
        Domain.objects.filter(organisation_id=organisation_id)
        .filter(Q(archived_at__isnull=True) | Q(pk__in=used_domain_ids))
        .order_by("position", "pk")
    )
    groups = {domain.pk: DomainGroup(domain=domain, stories=[]) for domain in domains}
    without = DomainGroup(domain=None, stories=[])
    for story in stories:
        item = RoundStory(
            story=story,
            show_name=round_shows_name(selection_round, story),
            notes=notes.get(story.pk, []),
        )
        item.my_note = next((n for n in item.notes if n.person_id == person.pk), None)
        group = groups.get(story.domain_id) if story.domain_id else None
        (group or without).stories.append(item)
    for domain_id, choice in choices.items():
        if domain_id in groups:
            groups[domain_id].choice = choice
            groups[domain_id].choice_shows_name = round_shows_name(selection_round, choice.story)
    for group in groups.values():
        group.has_candidates = bool(group.stories or without.stories)
    result = list(groups.values())
    if without.stories:
        result.append(without)
    return RoundPage(selection_round=selection_round, groups=result, story_count=len(stories))


def my_note(
    *, selection_round: SelectionRound, story: Story, person: Person
) -> SelectionNote | None:
    return SelectionNote.objects.filter(round=selection_round, story=story, person=person).first()


def choice_for(selection_round: SelectionRound, domain: Domain) -> SelectionChoice | None:
    return SelectionChoice.objects.filter(round=selection_round, domain=domain).first()


def stories_to_choose(selection_round: SelectionRound, domain: Domain) -> QuerySet[Story]:
    """The stories a round can choose for one domain: those sorted in it, and those without a
    domain of this organisation; not those it chose already."""
    return (
        round_stories(selection_round)
        .exclude(choices__round=selection_round)
        .filter(
            Q(domain=domain)
            | Q(domain__isnull=True)
            | ~Q(domain__organisation_id=selection_round.organisation_id)
        )
        .select_related("storyteller", "domain")
        .order_by("told_on", "id")
    )


def domains_page(organisation: Organisation) -> list[Domain]:
    """The domains of an organisation with how many stories use them (archived ones last)."""
    return list(
        Domain.objects.filter(organisation=organisation)
        .annotate(story_count=Count("stories", distinct=True))
        .order_by(
            Case(When(archived_at__isnull=True, then=Value(0)), default=Value(1)),
            "position",
            "pk",
        )
    )


# For the accountability report ---------------------------------------------------------------


def _of_organisation_in_period(organisation: Organisation, start: datetime.date) -> Q:
    """Stories of the organisation, or of an alliance it takes part in (or left only after
    the start of the period)."""
    alliance_ids = Party.objects.filter(
        Q(left_on__isnull=True) | Q(left_on__gte=start), organisation=organisation
    ).values("alliance_id")
    return Q(organisation=organisation) | Q(alliance_id__in=alliance_ids)


def stories_for_report(
    *, organisation: Organisation, start: datetime.date, end: datetime.date
) -> list[Story]:
    """Confirmed stories of the organisation (and of the alliances it took part in) told in the
    period, whose *current* use is "in reports, without my name" or "public, with my name".
    The domain and storyteller come along (one query). Oldest first."""
    return list(
        Story.objects.filter(
            _of_organisation_in_period(organisation, start),
            status=StoryStatus.CONFIRMED,
            use__in=REPORT_USES,
            told_on__gte=start,
            told_on__lte=end,
        )
        .select_related("domain", "storyteller")
        .order_by("told_on", "id")
    )


def _tier_order() -> Case:
    return Case(
        *(When(round__tier=tier, then=Value(i)) for i, tier in enumerate(TIER_ORDER)),
        output_field=IntegerField(),
    )


def choices_for_report(
    *,
    organisation: Organisation,
    start: datetime.date,
    end: datetime.date,
    closed_only: bool = True,
) -> list[SelectionChoice]:
    """The choices of the organisation's rounds (closed ones, unless ``closed_only=False``)
    whose period overlaps ``start``-``end``, whose story's current use still allows a report.
    With story (and its storyteller and domain), domain and round; ordered by tier (team,
    organisation, funder panel), then the domain's position. One query."""
    choices = SelectionChoice.objects.filter(
        round__organisation=organisation,
        round__period_start__lte=end,
        round__period_end__gte=start,
        story__status=StoryStatus.CONFIRMED,
        story__use__in=REPORT_USES,
    )
    if closed_only:
        choices = choices.filter(round__status=RoundStatus.CLOSED)
    return list(
        choices.select_related("story", "story__storyteller", "story__domain", "domain", "round")
        .annotate(tier_order=_tier_order())
        .order_by("tier_order", "round__period_start", "round_id", "domain__position", "domain_id")
    )
