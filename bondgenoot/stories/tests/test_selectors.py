"""The reads, above all the two the accountability report calls: a use narrowed after the fact
is never returned again, and no query grows with the number of stories."""

import datetime

import pytest

from bondgenoot.alliances.tests.factories import AllianceFactory, PartyFactory
from bondgenoot.stories import selectors, services
from bondgenoot.stories.models import RoundStatus, RoundTier, StoryStatus, StoryUse

from .factories import DomainFactory, SelectionChoiceFactory, SelectionRoundFactory, StoryFactory

pytestmark = pytest.mark.django_db

START, END = datetime.date(2026, 1, 1), datetime.date(2026, 3, 31)
IN_PERIOD = datetime.date(2026, 2, 10)


def report_story(**kwargs):
    kwargs.setdefault("use", StoryUse.REPORT_ANONYMOUS)
    kwargs.setdefault("told_on", IN_PERIOD)
    return StoryFactory(**kwargs)


@pytest.fixture
def report_world(team, alliance_with_org, other_org, amina, bas, hanna):
    """Stories around org (``team``) for the period January-March 2026."""
    stories = {
        "org": report_story(storyteller=bas, organisation=team),
        "alliance": report_story(
            storyteller=amina,
            organisation=None,
            alliance=alliance_with_org,
            use=StoryUse.PUBLIC_NAMED,
        ),
        "only_org": report_story(storyteller=bas, organisation=team, use=StoryUse.ORGANISATION),
        "awaiting": report_story(
            storyteller=bas,
            organisation=team,
            status=StoryStatus.AWAITING_CONFIRMATION,
            confirmed_at=None,
        ),
        "before": report_story(
            storyteller=bas, organisation=team, told_on=datetime.date(2025, 12, 31)
        ),
        "after": report_story(
            storyteller=bas, organisation=team, told_on=datetime.date(2026, 4, 1)
        ),
        "other_org": report_story(storyteller=hanna, organisation=other_org),
    }
    # An alliance org left before the period, and one it left during the period.
    for key, left_on in (("left_before", datetime.date(2025, 12, 1)), ("left_during", IN_PERIOD)):
        alliance = AllianceFactory(started_on=datetime.date(2025, 1, 1))
        PartyFactory(alliance=alliance, person=amina)
        PartyFactory(
            alliance=alliance,
            person=None,
            organisation=team,
            joined_on=datetime.date(2025, 1, 1),
            left_on=left_on,
        )
        stories[key] = report_story(storyteller=amina, organisation=None, alliance=alliance)
    return stories


def test_stories_for_report(report_world, team, django_assert_num_queries):
    with django_assert_num_queries(1):
        found = selectors.stories_for_report(organisation=team, start=START, end=END)
        names = [(s.storyteller.display_name, s.domain) for s in found]
    expected = {report_world[k].pk for k in ("org", "alliance", "left_during")}
    assert {s.pk for s in found} == expected
    assert len(names) == 3


def test_a_use_narrowed_after_the_fact_is_no_longer_in_a_report(report_world, team, bas):
    story = report_world["org"]
    services.story_change_use(story=story, by=bas, use=StoryUse.ORGANISATION)
    found = selectors.stories_for_report(organisation=team, start=START, end=END)
    assert story.pk not in {s.pk for s in found}


@pytest.fixture
def rounds(team):
    """Closed rounds of every tier overlapping the period, an open one, one outside it."""
    first = DomainFactory(organisation=team, name="Meedoen", position=1)
    second = DomainFactory(organisation=team, name="Netwerk", position=2)

    def round_of(tier, **kwargs):
        kwargs.setdefault("status", RoundStatus.CLOSED)
        return SelectionRoundFactory(
            organisation=team,
            tier=tier,
            period_start=kwargs.pop("period_start", datetime.date(2026, 2, 1)),
            period_end=kwargs.pop("period_end", datetime.date(2026, 4, 30)),
            **kwargs,
        )

    def choice(selection_round, domain, **story_kwargs):
        story_kwargs.setdefault("use", StoryUse.REPORT_ANONYMOUS)
        return SelectionChoiceFactory(
            round=selection_round,
            domain=domain,
            story=StoryFactory(organisation=team, domain=domain, **story_kwargs),
        )

    funder = round_of(RoundTier.FUNDER_PANEL)
    team_round = round_of(RoundTier.TEAM)
    organisation = round_of(RoundTier.ORGANISATION)
    return {
        "funder_second": choice(funder, second, use=StoryUse.PUBLIC_NAMED),
        "team_second": choice(team_round, second),
        "team_first": choice(team_round, first),
        "team_inside": choice(
            team_round, DomainFactory(organisation=team, position=3), use=StoryUse.ORGANISATION
        ),
        "organisation_first": choice(organisation, first),
        "open": choice(round_of(RoundTier.TEAM, status=RoundStatus.OPEN), first),
        "old": choice(
            round_of(
                RoundTier.TEAM,
                period_start=datetime.date(2025, 1, 1),
                period_end=datetime.date(2025, 12, 31),
            ),
            first,
        ),
        "other_org": SelectionChoiceFactory(
            story__use=StoryUse.REPORT_ANONYMOUS, round__status=RoundStatus.CLOSED
        ),
    }


def test_choices_for_report_by_tier_then_domain(rounds, team, django_assert_num_queries):
    with django_assert_num_queries(1):
        found = selectors.choices_for_report(organisation=team, start=START, end=END)
        shown = [
            (c.round.tier, c.domain.name, c.story.title, c.story.storyteller.display_name)
            for c in found
        ]
    assert [c.pk for c in found] == [
        rounds[k].pk for k in ("team_first", "team_second", "organisation_first", "funder_second")
    ]
    assert shown[0][:2] == (RoundTier.TEAM, "Meedoen")


def test_choices_of_open_rounds_only_when_asked(rounds, team):
    found = selectors.choices_for_report(organisation=team, start=START, end=END, closed_only=False)
    assert rounds["open"].pk in {c.pk for c in found}


def test_a_narrowed_use_takes_a_choice_out_of_the_report(rounds, team):
    choice = rounds["team_first"]
    story = choice.story
    services.story_change_use(story=story, by=story.storyteller, use=StoryUse.ORGANISATION)
    found = selectors.choices_for_report(organisation=team, start=START, end=END)
    assert choice.pk not in {c.pk for c in found}


# The pages' reads ----------------------------------------------------------------------------


def test_round_page_groups_per_domain_in_a_fixed_number_of_queries(
    team, gijs, bas, django_assert_num_queries
):
    services.domains_ensure_defaults(organisation=team)
    selection_round = services.round_open(
        organisation=team,
        by=gijs,
        title="Voorjaar",
        tier=RoundTier.TEAM,
        period_start=START,
        period_end=END,
    )
    domains = list(team.story_domains.all())

    def page():
        with django_assert_num_queries(4):
            result = selectors.round_page(person=bas, selection_round=selection_round)
            names = [
                (item.story.storyteller.display_name, item.notes)
                for group in result.groups
                for item in group.stories
            ]
        return result, names

    StoryFactory(storyteller=bas, organisation=team, domain=domains[0], told_on=IN_PERIOD)
    small, _ = page()
    assert small.story_count == 1
    for domain in domains:
        StoryFactory.create_batch(3, organisation=team, domain=domain, told_on=IN_PERIOD)
    StoryFactory(organisation=team, domain=None, told_on=IN_PERIOD)
    story = StoryFactory(organisation=team, domain=domains[1], told_on=IN_PERIOD)
    services.round_note(selection_round=selection_round, by=bas, story=story, text="Mooi")
    services.round_choose(
        selection_round=selection_round, by=gijs, domain=domains[1], story=story, reasons="x"
    )
    large, _ = page()
    assert large.story_count == 1 + 3 * len(domains) + 2
    assert [g.domain for g in large.groups] == [*domains, None]
    assert large.groups[1].choice is not None and large.groups[1].choice.story == story
    assert large.by_story[story.pk].my_note is not None


def test_a_funder_panel_shows_names_only_when_public_with_name(team, gijs, bas):
    panel = SelectionRoundFactory(
        organisation=team, tier=RoundTier.FUNDER_PANEL, period_start=START, period_end=END
    )
    anonymous = report_story(storyteller=bas, organisation=team)
    named = report_story(storyteller=gijs, organisation=team, use=StoryUse.PUBLIC_NAMED)
    report_story(storyteller=gijs, organisation=team, use=StoryUse.ORGANISATION)  # not shown
    page = selectors.round_page(person=gijs, selection_round=panel)
    assert {pk: item.show_name for pk, item in page.by_story.items()} == {
        anonymous.pk: False,
        named.pk: True,
    }


def test_waiting_for_splits_mine_and_written_by_me(alliance, amina, bas):
    for_amina = services.story_write_down(
        by=bas,
        storyteller=amina,
        alliance=alliance,
        title="t",
        what_changed="w",
        why_important="w",
    )
    waiting = selectors.waiting_for(bas)
    assert (waiting["for_me"], waiting["by_me"]) == ([], [for_amina])
    assert selectors.waiting_for(amina)["for_me"] == [for_amina]
