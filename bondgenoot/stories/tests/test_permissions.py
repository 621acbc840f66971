"""Who reads which story, and who may do what with domains and rounds: the whole cast.

The world: amina and bas are parties of `alliance`, in which org (coordinated by gijs) takes
part; bas and ruud are plain members of org (ruud takes no part in the alliance). The outsiders:
chris (a stranger), eva (party of another alliance), dewi (coordinator of another organisation),
hanna (member of another organisation), funder, admin (site administrator), and an anonymous
visitor.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from bondgenoot.people.models import MembershipRole
from bondgenoot.people.tests.factories import MembershipFactory, PersonFactory
from bondgenoot.stories import permissions, selectors, services
from bondgenoot.stories.models import RoundTier, StoryUse

from .factories import DomainFactory, SelectionRoundFactory, StoryFactory

pytestmark = pytest.mark.django_db

OUTSIDERS = ("chris", "eva", "dewi", "hanna", "funder", "admin")


@pytest.fixture
def ruud(team):
    person = PersonFactory(display_name="Ruud", user__email="ruud@example.org")
    MembershipFactory(organisation=team, person=person, role=MembershipRole.MEMBER)
    return person


@pytest.fixture
def cast(request, alliance_with_org, team, ruud, hanna, other_alliance):
    people = {
        name: request.getfixturevalue(name) for name in ("amina", "bas", "gijs", "ruud", *OUTSIDERS)
    }
    people["anonymous"] = None
    return people


@pytest.fixture
def stories(alliance_with_org, team, amina, bas):
    in_alliance = StoryFactory(
        storyteller=amina, organisation=None, alliance=alliance_with_org, use=StoryUse.ALLIANCE
    )
    alliance_wide = StoryFactory(
        storyteller=amina,
        organisation=None,
        alliance=alliance_with_org,
        use=StoryUse.ORGANISATION,
    )
    in_org = StoryFactory(storyteller=bas, organisation=team, use=StoryUse.PUBLIC_NAMED)
    awaiting = services.story_write_down(
        by=bas,
        storyteller=amina,
        alliance=alliance_with_org,
        title="Opgeschreven",
        what_changed="w",
        why_important="w",
    )
    return {
        "in_alliance": in_alliance,
        "alliance_wide": alliance_wide,
        "in_org": in_org,
        "awaiting": awaiting,
    }


READERS = {
    # parties of the alliance (gijs speaks for org, a party), at every use
    "in_alliance": {"amina", "bas", "gijs"},
    # "within the organisation": also the members of org, which takes part in the alliance
    "alliance_wide": {"amina", "bas", "gijs", "ruud"},
    # told in org: its members; amina takes no part in org (a wider use opens no pages)
    "in_org": {"bas", "gijs", "ruud"},
    # waiting for confirmation: the storyteller and the one who wrote it down
    "awaiting": {"amina", "bas"},
}


def user_of(person):
    return AnonymousUser() if person is None else person.user


@pytest.mark.parametrize("key", list(READERS))
def test_who_reads_a_story(cast, stories, key):
    story = stories[key]
    for name, person in cast.items():
        user = user_of(person)
        expected = name in READERS[key]
        assert permissions.can_view_story(user, story) is expected, name
        if expected:
            assert permissions.get_story_for(user, story.pk) == story
        else:
            with pytest.raises(Http404):
                permissions.get_story_for(user, story.pk)


def test_the_selector_lists_exactly_what_each_person_may_read(cast, stories):
    for name, person in cast.items():
        if person is None:
            continue
        shown = {s.pk for s in selectors.stories_visible_to(person=person)}
        expected = {stories[k].pk for k, readers in READERS.items() if name in readers}
        assert shown == expected, name


def test_a_party_that_leaves_no_longer_reads(cast, stories, alliance_with_org, bas):
    party = alliance_with_org.parties.get(person=bas)
    party.left_on = party.joined_on
    party.save()
    assert not permissions.can_view_story(bas.user, stories["in_alliance"])
    assert permissions.can_view_story(bas.user, stories["alliance_wide"])  # still a member of org


def test_only_the_storyteller_confirms_and_changes_the_use(cast, stories):
    awaiting, in_org = stories["awaiting"], stories["in_org"]
    for name, person in cast.items():
        user = user_of(person)
        assert permissions.can_confirm_story(user, awaiting) is (name == "amina"), name
        assert permissions.can_change_story_use(user, in_org) is (name == "bas"), name
        assert not permissions.can_change_story_use(user, awaiting), name


def test_telling_and_writing_down(cast, alliance_with_org, team, amina):
    for name, person in cast.items():
        user = user_of(person)
        assert permissions.can_tell_in_alliance(user, alliance_with_org) is (
            name in {"amina", "bas", "gijs"}
        ), name
        assert permissions.can_tell_in_organisation(user, team) is (
            name in {"bas", "gijs", "ruud"}
        ), name
        writes_for_amina = permissions.can_write_down_for(
            user, amina, alliance=alliance_with_org, organisation=None
        )
        assert writes_for_amina is (name in {"bas", "gijs"}), name


def test_domains_and_rounds(cast, team):
    domain = DomainFactory(organisation=team)
    selection_round = SelectionRoundFactory(organisation=team, tier=RoundTier.TEAM)
    for name, person in cast.items():
        user = user_of(person)
        member = name in {"bas", "gijs", "ruud"}
        coordinator = name == "gijs"
        assert permissions.can_view_rounds(user, team) is member, name
        assert permissions.can_manage_domains(user, team) is coordinator, name
        assert permissions.can_open_round(user, team) is coordinator, name
        assert permissions.can_run_round(user, selection_round) is coordinator, name
        assert permissions.can_write_note(user, selection_round) is member, name
        if member:
            assert permissions.get_round_for(user, selection_round.pk) == selection_round
            organisation = permissions.get_member_organisation_for(user, team.pk)
            assert permissions.get_domain_for(user, organisation, domain.pk) == domain
        else:
            with pytest.raises(Http404):
                permissions.get_round_for(user, selection_round.pk)
            with pytest.raises(Http404):
                permissions.get_member_organisation_for(user, team.pk)


def test_a_closed_round_is_read_only(cast, team):
    selection_round = SelectionRoundFactory(organisation=team, status="closed")
    gijs, bas = cast["gijs"], cast["bas"]
    assert not permissions.can_run_round(gijs.user, selection_round)
    assert not permissions.can_write_note(bas.user, selection_round)
    assert permissions.get_round_for(bas.user, selection_round.pk) == selection_round


def test_a_domain_of_another_organisation_is_not_found(cast, team, other_org):
    elsewhere = DomainFactory(organisation=other_org)
    organisation = permissions.get_member_organisation_for(cast["gijs"].user, team.pk)
    with pytest.raises(Http404):
        permissions.get_domain_for(cast["gijs"].user, organisation, elsewhere.pk)
