"""The demo's stories, loaded through the services on top of the demo neighbourhood (without
the other apps' parts of the demo)."""

import pytest
from django.utils import timezone

from bondgenoot.demo import content
from bondgenoot.demo.loader import _Loader
from bondgenoot.stories import demo as stories_demo
from bondgenoot.stories import selectors
from bondgenoot.stories.models import (
    RoundStatus,
    SelectionChoice,
    SelectionRound,
    Story,
    StoryRevision,
    StoryStatus,
    StoryUse,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    loader = _Loader(timezone.localdate())
    loader.load_neighbourhoods()
    for person in content.PEOPLE:
        loader.load_person(person)
    for organisation in content.ORGANISATIONS:
        loader.load_organisation(organisation)
    for alliance in content.ALLIANCES:
        loader.load_alliance(alliance)
    stories_demo.load(loader)
    return loader


def test_the_demo_has_stories_a_round_and_something_for_a_report(loaded):
    assert 8 <= Story.objects.filter(status=StoryStatus.CONFIRMED).count() <= 12
    waiting = Story.objects.get(status=StoryStatus.AWAITING_CONFIRMATION)
    assert waiting.storyteller == loaded.people["amina"]
    assert StoryRevision.objects.count() == 1  # Jamal corrected what Henk wrote
    team_round = SelectionRound.objects.get(status=RoundStatus.CLOSED)
    assert SelectionChoice.objects.filter(round=team_round).count() == 4
    assert all(c.reasons for c in SelectionChoice.objects.all())
    assert SelectionRound.objects.get(status=RoundStatus.OPEN).previous_round == team_round

    wijk = loaded.organisations["wijindewijk"]
    start, end = loaded.day(364), loaded.today
    in_report = selectors.stories_for_report(organisation=wijk, start=start, end=end)
    assert {s.use for s in in_report} == {StoryUse.REPORT_ANONYMOUS, StoryUse.PUBLIC_NAMED}
    assert len(in_report) == 4
    choices = selectors.choices_for_report(organisation=wijk, start=start, end=end)
    assert len(choices) == 3  # Jamal's story stays within the organisation
