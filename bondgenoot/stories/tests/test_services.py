import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from bondgenoot.alliances.tests.factories import PartyFactory
from bondgenoot.core.errors import NotAllowed
from bondgenoot.core.models import Notice
from bondgenoot.core.tests.a11y import nl
from bondgenoot.people.tests.factories import OrganisationFactory
from bondgenoot.stories import services
from bondgenoot.stories.models import (
    DEFAULT_DOMAINS,
    Domain,
    RoundStatus,
    RoundTier,
    SelectionChoice,
    SelectionNote,
    Story,
    StoryRevision,
    StoryStatus,
    StoryUse,
    StoryUseChange,
    use_allows,
    uses_at_least,
)

from .factories import DomainFactory, StoryFactory

pytestmark = pytest.mark.django_db

SPRING = (datetime.date(2026, 1, 1), datetime.date(2026, 6, 30))


def messages_of(error: ValidationError) -> list[str]:
    return [str(m) for m in error.messages]


def dutch(msgid: str) -> str:
    """The Dutch text of a message, and a check that it really is translated."""
    text = nl(msgid)
    assert text != msgid, f"not translated yet: {msgid}"
    return text


# Uses ----------------------------------------------------------------------------------------


def test_uses_are_ordered_from_narrowest_to_widest():
    assert use_allows(StoryUse.PUBLIC_NAMED, StoryUse.REPORT_ANONYMOUS)
    assert use_allows(StoryUse.ORGANISATION, StoryUse.ORGANISATION)
    assert not use_allows(StoryUse.ORGANISATION, StoryUse.REPORT_ANONYMOUS)
    assert not use_allows(StoryUse.ALLIANCE, StoryUse.ORGANISATION)
    assert uses_at_least(StoryUse.REPORT_ANONYMOUS) == ["report_anonymous", "public_named"]


# Domains -------------------------------------------------------------------------------------


def test_default_domains_are_made_once(org):
    made = services.domains_ensure_defaults(organisation=org)
    assert [d.name for d in made] == [name for name, _ in DEFAULT_DOMAINS]
    assert [d.position for d in Domain.objects.filter(organisation=org)] == [1, 2, 3, 4, 5]
    assert services.domains_ensure_defaults(organisation=org) == []
    assert Domain.objects.filter(organisation=org).count() == 5


def test_an_organisation_that_archived_all_its_domains_gets_no_defaults_again(org, gijs):
    domain = services.domain_add(organisation=org, by=gijs, name="Wonen")
    services.domain_update(domain=domain, by=gijs, name="Wonen", archived=True)
    assert services.domains_ensure_defaults(organisation=org) == []


def test_coordinator_adds_renames_reorders_and_archives_domains(team, gijs, bas):
    services.domains_ensure_defaults(organisation=team)
    wonen = services.domain_add(organisation=team, by=gijs, name=" Wonen ", description="Een huis")
    assert (wonen.name, wonen.position) == ("Wonen", 6)
    services.domain_move(domain=wonen, by=gijs, up=True)
    names = list(Domain.objects.filter(organisation=team).values_list("name", flat=True))
    assert names[4:] == ["Wonen", "Eigen kracht"]
    services.domain_update(domain=wonen, by=gijs, name="Thuis", description="")
    wonen.refresh_from_db()
    assert wonen.name == "Thuis" and not wonen.is_archived
    with pytest.raises(NotAllowed):
        services.domain_add(organisation=team, by=bas, name="Werk")
    with pytest.raises(NotAllowed):
        services.domain_move(domain=wonen, by=bas, up=True)


def test_a_domain_name_is_used_once_per_organisation(org, gijs):
    services.domain_add(organisation=org, by=gijs, name="Wonen")
    with pytest.raises(ValidationError) as refused:
        services.domain_add(organisation=org, by=gijs, name="Wonen")
    assert dutch("There is already a domain with this name.") in messages_of(refused.value)


def test_moving_the_first_domain_up_changes_nothing(org, gijs):
    first = services.domain_add(organisation=org, by=gijs, name="Eerste")
    services.domain_add(organisation=org, by=gijs, name="Tweede")
    services.domain_move(domain=first, by=gijs, up=True)
    assert Domain.objects.filter(organisation=org).first() == first


def test_a_used_domain_is_archived_not_deleted(team, gijs, bas):
    used = services.domain_add(organisation=team, by=gijs, name="Wonen")
    unused = services.domain_add(organisation=team, by=gijs, name="Werk")
    StoryFactory(storyteller=bas, organisation=team, domain=used)
    assert services.domain_remove(domain=used, by=gijs) is False
    used.refresh_from_db()
    assert used.is_archived and used.stories.count() == 1
    assert services.domain_remove(domain=unused, by=gijs) is True
    assert not Domain.objects.filter(pk=unused.pk).exists()


# Telling -------------------------------------------------------------------------------------


def test_a_member_tells_a_story_that_counts_at_once_with_the_narrowest_use(team, bas):
    story = services.story_tell(
        by=bas,
        organisation=team,
        title="Ik durf weer",
        what_changed="Ik ga weer naar de markt.",
        why_important="Ik zie mensen.",
    )
    assert story.status == StoryStatus.CONFIRMED and story.confirmed_at is not None
    assert story.use == StoryUse.ORGANISATION  # no alliance: "within the organisation"
    assert story.storyteller == bas == story.written_by
    assert story.told_on == timezone.localdate()


def test_a_party_tells_a_story_in_an_alliance_kept_in_the_alliance_by_default(alliance, amina):
    story = services.story_tell(
        by=amina, alliance=alliance, title="Post", what_changed="Open", why_important="Rust"
    )
    assert story.use == StoryUse.ALLIANCE and story.organisation is None


@pytest.mark.parametrize("who", ["chris", "eva", "dewi", "funder", "admin"])
def test_only_parties_and_members_tell_stories(request, alliance_with_org, org, who):
    person = request.getfixturevalue(who)
    for where in ({"alliance": alliance_with_org}, {"organisation": org}):
        with pytest.raises(NotAllowed):
            services.story_tell(by=person, title="t", what_changed="w", why_important="w", **where)
    assert not Story.objects.exists()


def test_no_story_in_an_archived_alliance(alliance, amina):
    alliance.archived_on = datetime.date(2026, 1, 1)
    alliance.save()
    with pytest.raises(NotAllowed):
        services.story_tell(
            by=amina, alliance=alliance, title="t", what_changed="w", why_important="w"
        )


def test_a_story_needs_exactly_one_place(alliance_with_org, org, gijs):
    for where in ({}, {"alliance": alliance_with_org, "organisation": org}):
        with pytest.raises(ValidationError):
            services.story_tell(by=gijs, title="t", what_changed="w", why_important="w", **where)


def test_bad_input_is_refused_in_dutch(team, bas, other_org):
    base = {"by": bas, "organisation": team, "title": "t", "what_changed": "w"}
    with pytest.raises(ValidationError) as refused:
        services.story_tell(**base, why_important="  ")
    assert refused.value.message_dict == {
        "why_important": [dutch("Write down why that is important.")]
    }
    with pytest.raises(ValidationError) as refused:
        services.story_tell(**base, why_important="w", use=StoryUse.ALLIANCE)
    assert "use" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        services.story_tell(**base, why_important="w", use="iedereen")
    assert refused.value.message_dict == {"use": [dutch("Choose how your story may be used.")]}
    elsewhere = DomainFactory(organisation=other_org)
    with pytest.raises(ValidationError) as refused:
        services.story_tell(**base, why_important="w", domain=elsewhere)
    assert refused.value.message_dict == {
        "domain": [dutch("Choose a domain of this organisation.")]
    }
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        services.story_tell(**base, why_important="w", told_on=tomorrow)
    assert refused.value.message_dict == {"told_on": [dutch("This date is in the future.")]}
    assert not Story.objects.exists()


def test_an_archived_domain_is_no_longer_a_choice(team, bas):
    archived = DomainFactory(organisation=team, archived_at=timezone.now())
    with pytest.raises(ValidationError) as refused:
        services.story_tell(
            by=bas,
            organisation=team,
            title="t",
            what_changed="w",
            why_important="w",
            domain=archived,
        )
    assert "domain" in refused.value.message_dict


def test_an_alliance_story_may_use_a_domain_of_an_organisation_that_takes_part(
    alliance_with_org, org, amina, other_org
):
    own = DomainFactory(organisation=org)
    story = services.story_tell(
        by=amina,
        alliance=alliance_with_org,
        title="t",
        what_changed="w",
        why_important="w",
        domain=own,
    )
    assert story.domain == own
    with pytest.raises(ValidationError):
        services.story_tell(
            by=amina,
            alliance=alliance_with_org,
            title="t",
            what_changed="w",
            why_important="w",
            domain=DomainFactory(organisation=other_org),
        )


# Writing down and confirming -----------------------------------------------------------------


def write_down(alliance, bas, amina, **kwargs):
    return services.story_write_down(
        by=bas,
        storyteller=amina,
        alliance=alliance,
        title=kwargs.get("title", "Zelf gebeld"),
        what_changed=kwargs.get("what_changed", "Amina belde zelf de corporatie."),
        why_important=kwargs.get("why_important", "Ze voelt zich sterker."),
    )


def test_an_ally_writes_down_a_story_that_waits_for_the_storyteller(alliance, amina, bas):
    story = write_down(alliance, bas, amina)
    assert story.status == StoryStatus.AWAITING_CONFIRMATION and story.confirmed_at is None
    assert (story.storyteller, story.written_by) == (amina, bas)
    notice = Notice.objects.get(person=amina)
    assert "Bas" in notice.text and "Zelf gebeld" in notice.text
    assert notice.link == f"/verhalen/{story.pk}/bevestigen/"


def test_writing_down_needs_a_shared_alliance_or_organisation(
    alliance, team, amina, bas, chris, gijs, eva
):
    with pytest.raises(NotAllowed):  # chris takes no part in the alliance
        services.story_write_down(
            by=bas,
            storyteller=chris,
            alliance=alliance,
            title="t",
            what_changed="w",
            why_important="w",
        )
    with pytest.raises(NotAllowed):  # eva is no party here
        write_down(alliance, eva, amina)
    with pytest.raises(NotAllowed):  # amina is no member of the organisation
        services.story_write_down(
            by=gijs,
            storyteller=amina,
            organisation=team,
            title="t",
            what_changed="w",
            why_important="w",
        )
    story = services.story_write_down(
        by=gijs,
        storyteller=bas,
        organisation=team,
        title="t",
        what_changed="w",
        why_important="w",
    )
    assert story.use == StoryUse.ORGANISATION
    with pytest.raises(ValidationError):
        services.story_write_down(
            by=bas,
            storyteller=bas,
            organisation=team,
            title="t",
            what_changed="w",
            why_important="w",
        )


def test_the_storyteller_corrects_and_the_allys_text_is_kept(alliance, amina, bas):
    story = write_down(alliance, bas, amina)
    services.story_confirm(
        story=story,
        by=amina,
        title="Ik belde zelf",
        what_changed="Ik belde zelf de woningcorporatie, Bas zat ernaast.",
        why_important="Ze voelt zich sterker.",
        use=StoryUse.REPORT_ANONYMOUS,
    )
    story.refresh_from_db()
    assert story.status == StoryStatus.CONFIRMED and story.confirmed_at is not None
    assert story.title == "Ik belde zelf" and story.use == StoryUse.REPORT_ANONYMOUS
    revision = StoryRevision.objects.get(story=story)
    assert (revision.title, revision.written_by) == ("Zelf gebeld", bas)
    assert revision.what_changed == "Amina belde zelf de corporatie."
    change = StoryUseChange.objects.get(story=story)
    assert (change.old, change.new, change.by) == (
        StoryUse.ALLIANCE,
        StoryUse.REPORT_ANONYMOUS,
        amina,
    )
    assert "Amina" in Notice.objects.get(person=bas).text


def test_confirming_without_changes_keeps_no_earlier_version(alliance, amina, bas):
    story = write_down(alliance, bas, amina)
    services.story_confirm(
        story=story,
        by=amina,
        title=story.title,
        what_changed=story.what_changed,
        why_important=story.why_important,
        use=StoryUse.ALLIANCE,
    )
    assert not StoryRevision.objects.exists() and not StoryUseChange.objects.exists()


def test_only_the_storyteller_confirms_once(alliance, amina, bas):
    story = write_down(alliance, bas, amina)
    texts = {"title": "t", "what_changed": "w", "why_important": "w", "use": StoryUse.ALLIANCE}
    with pytest.raises(NotAllowed):
        services.story_confirm(story=story, by=bas, **texts)
    services.story_confirm(story=story, by=amina, **texts)
    with pytest.raises(ValidationError):
        services.story_confirm(story=story, by=amina, **texts)


def test_declining_removes_the_story_and_tells_the_writer(alliance, amina, bas):
    story = write_down(alliance, bas, amina)
    with pytest.raises(NotAllowed):
        services.story_decline(story=story, by=bas)
    services.story_decline(story=story, by=amina)
    assert not Story.objects.exists()
    assert "Zelf gebeld" in Notice.objects.get(person=bas).text


# Changing the use ----------------------------------------------------------------------------


def test_the_storyteller_changes_the_use_and_every_change_is_kept(team, bas, gijs):
    story = StoryFactory(storyteller=bas, organisation=team, use=StoryUse.PUBLIC_NAMED)
    services.story_change_use(story=story, by=bas, use=StoryUse.ORGANISATION)
    services.story_change_use(story=story, by=bas, use=StoryUse.ORGANISATION)  # no change
    story.refresh_from_db()
    assert story.use == StoryUse.ORGANISATION
    change = StoryUseChange.objects.get(story__pk=story.pk)
    assert change.is_narrowing and change.by == bas
    with pytest.raises(NotAllowed):
        services.story_change_use(story=story, by=gijs, use=StoryUse.PUBLIC_NAMED)
    with pytest.raises(ValidationError):  # not told in an alliance
        services.story_change_use(story=story, by=bas, use=StoryUse.ALLIANCE)
    with pytest.raises(ValueError, match="never rewritten"):
        change.save()


def test_a_story_waiting_for_confirmation_has_no_use_to_change(alliance, amina, bas):
    story = write_down(alliance, bas, amina)
    with pytest.raises(ValidationError):
        services.story_change_use(story=story, by=amina, use=StoryUse.ORGANISATION)


# Selection rounds ----------------------------------------------------------------------------


def open_round(org, gijs, **kwargs):
    return services.round_open(
        organisation=org,
        by=gijs,
        title=kwargs.pop("title", "Voorjaar"),
        tier=kwargs.pop("tier", RoundTier.TEAM),
        period_start=kwargs.pop("period_start", SPRING[0]),
        period_end=kwargs.pop("period_end", SPRING[1]),
        **kwargs,
    )


def test_a_coordinator_opens_a_round_and_the_domains_are_there(team, gijs, bas):
    selection_round = open_round(team, gijs)
    assert selection_round.status == RoundStatus.OPEN and selection_round.created_by == gijs
    assert Domain.objects.filter(organisation=team).count() == len(DEFAULT_DOMAINS)
    with pytest.raises(NotAllowed):
        open_round(team, bas)


def test_a_round_needs_a_sensible_period(org, gijs):
    with pytest.raises(ValidationError) as refused:
        open_round(org, gijs, period_start=SPRING[1], period_end=SPRING[0])
    assert dutch("The end of the period cannot be before its start.") in messages_of(refused.value)
    with pytest.raises(ValidationError) as refused:
        open_round(org, gijs, period_start=None)
    assert "period_start" in refused.value.message_dict


def test_a_next_tier_starts_from_a_closed_round_of_a_lower_tier(org, gijs, other_org, dewi):
    team_round = open_round(org, gijs)
    with pytest.raises(ValidationError) as refused:
        open_round(org, gijs, tier=RoundTier.ORGANISATION, previous_round=team_round)
    assert "previous_round" in refused.value.message_dict
    services.round_close(selection_round=team_round, by=gijs)
    with pytest.raises(ValidationError) as refused:
        open_round(org, gijs, tier=RoundTier.TEAM, previous_round=team_round)
    assert "tier" in refused.value.message_dict
    with pytest.raises(ValidationError):
        open_round(other_org, dewi, tier=RoundTier.ORGANISATION, previous_round=team_round)
    wider = services.round_open(
        organisation=org,
        by=gijs,
        title="Organisatie",
        tier=RoundTier.ORGANISATION,
        previous_round=team_round,
    )
    assert (wider.period_start, wider.period_end) == SPRING


@pytest.fixture
def spring(team, gijs):
    """An open team round of org, with the domain Netwerk."""
    selection_round = open_round(team, gijs)
    return selection_round, Domain.objects.get(organisation=team, name="Netwerk")


def test_choosing_a_story_tells_the_storyteller_why(spring, team, bas, gijs):
    selection_round, netwerk = spring
    story = StoryFactory(storyteller=bas, organisation=team, domain=netwerk)
    reasons = "Het laat zien hoe een netwerk groeit.\nWe twijfelden tussen twee verhalen."
    choice = services.round_choose(
        selection_round=selection_round, by=gijs, domain=netwerk, story=story, reasons=reasons
    )
    assert (choice.story, choice.chosen_by, choice.reasons) == (story, gijs, reasons)
    notice = Notice.objects.get(person=bas)
    assert str(story.title) in notice.text and "netwerk groeit" in notice.text
    assert notice.link == f"/verhalen/{story.pk}/"


def test_empty_reasons_are_refused_in_dutch(spring, team, bas, gijs):
    selection_round, netwerk = spring
    story = StoryFactory(storyteller=bas, organisation=team, domain=netwerk)
    with pytest.raises(ValidationError) as refused:
        services.round_choose(
            selection_round=selection_round, by=gijs, domain=netwerk, story=story, reasons=" \n "
        )
    assert refused.value.message_dict == {
        "reasons": [dutch("Write down why the group chose this story. That is the point.")]
    }
    assert not SelectionChoice.objects.exists() and not Notice.objects.exists()


@pytest.mark.parametrize(
    ("story_kwargs", "msgid"),
    [
        (
            {"status": StoryStatus.AWAITING_CONFIRMATION, "confirmed_at": None},
            "This story has not been confirmed by its storyteller yet.",
        ),
        (
            {"told_on": datetime.date(2025, 12, 31)},
            "This story was told outside the period of this round.",
        ),
        (
            {"use": StoryUse.ALLIANCE},
            "The storyteller has not given permission to use this story in this round.",
        ),
    ],
)
def test_a_story_the_round_may_not_have_is_refused(spring, team, bas, gijs, story_kwargs, msgid):
    selection_round, netwerk = spring
    story = StoryFactory(storyteller=bas, organisation=team, domain=netwerk, **story_kwargs)
    with pytest.raises(ValidationError) as refused:
        services.round_choose(
            selection_round=selection_round, by=gijs, domain=netwerk, story=story, reasons="Mooi"
        )
    assert refused.value.message_dict == {"story": [dutch(msgid)]}


def test_a_funder_panel_only_has_stories_allowed_in_reports(team, gijs, bas):
    panel = open_round(team, gijs, tier=RoundTier.FUNDER_PANEL)
    netwerk = Domain.objects.get(organisation=team, name="Netwerk")
    inside = StoryFactory(storyteller=bas, organisation=team, use=StoryUse.ORGANISATION)
    with pytest.raises(ValidationError) as refused:
        services.round_choose(
            selection_round=panel, by=gijs, domain=netwerk, story=inside, reasons="Mooi"
        )
    assert "story" in refused.value.message_dict
    allowed = StoryFactory(storyteller=bas, organisation=team, use=StoryUse.REPORT_ANONYMOUS)
    services.round_choose(
        selection_round=panel, by=gijs, domain=netwerk, story=allowed, reasons="Mooi"
    )


def test_a_story_of_another_organisation_or_domain_is_refused(spring, team, bas, gijs, hanna):
    selection_round, netwerk = spring
    elsewhere = StoryFactory(storyteller=hanna, organisation=hanna.organisations.get())
    with pytest.raises(ValidationError) as refused:
        services.round_choose(
            selection_round=selection_round, by=gijs, domain=netwerk, story=elsewhere, reasons="x"
        )
    assert refused.value.message_dict == {
        "story": [dutch("This story was not told in this organisation.")]
    }
    gezondheid = Domain.objects.get(organisation=team, name="Gezondheid")
    other_domain = StoryFactory(storyteller=bas, organisation=team, domain=gezondheid)
    with pytest.raises(ValidationError) as refused:
        services.round_choose(
            selection_round=selection_round,
            by=gijs,
            domain=netwerk,
            story=other_domain,
            reasons="x",
        )
    assert refused.value.message_dict == {"story": [dutch("This story belongs to another domain.")]}


def test_a_story_of_an_alliance_the_organisation_takes_part_in_can_be_chosen(
    spring, alliance_with_org, amina, gijs
):
    selection_round, netwerk = spring
    story = StoryFactory(
        storyteller=amina, organisation=None, alliance=alliance_with_org, use=StoryUse.ORGANISATION
    )
    services.round_choose(
        selection_round=selection_round, by=gijs, domain=netwerk, story=story, reasons="Sterk"
    )
    assert Notice.objects.filter(person=amina).exists()


def test_one_choice_per_domain_and_one_domain_per_story(spring, team, bas, gijs):
    selection_round, netwerk = spring
    first, second = StoryFactory.create_batch(2, storyteller=bas, organisation=team)
    services.round_choose(
        selection_round=selection_round, by=gijs, domain=netwerk, story=first, reasons="x"
    )
    with pytest.raises(ValidationError):
        services.round_choose(
            selection_round=selection_round, by=gijs, domain=netwerk, story=second, reasons="x"
        )
    gezondheid = Domain.objects.get(organisation=team, name="Gezondheid")
    with pytest.raises(ValidationError) as refused:
        services.round_choose(
            selection_round=selection_round, by=gijs, domain=gezondheid, story=first, reasons="x"
        )
    assert "story" in refused.value.message_dict


def test_only_a_coordinator_chooses_and_only_in_an_open_round(spring, team, bas, gijs):
    selection_round, netwerk = spring
    story = StoryFactory(storyteller=bas, organisation=team)
    with pytest.raises(NotAllowed):
        services.round_choose(
            selection_round=selection_round, by=bas, domain=netwerk, story=story, reasons="x"
        )
    services.round_close(selection_round=selection_round, by=gijs)
    with pytest.raises(ValidationError):
        services.round_close(selection_round=selection_round, by=gijs)
    with pytest.raises(ValidationError):
        services.round_choose(
            selection_round=selection_round, by=gijs, domain=netwerk, story=story, reasons="x"
        )


def test_a_next_tier_only_has_the_stories_chosen_before(team, gijs, bas):
    team_round = open_round(team, gijs)
    netwerk = Domain.objects.get(organisation=team, name="Netwerk")
    chosen, other = StoryFactory.create_batch(2, storyteller=bas, organisation=team)
    services.round_choose(
        selection_round=team_round, by=gijs, domain=netwerk, story=chosen, reasons="x"
    )
    services.round_close(selection_round=team_round, by=gijs)
    wider = open_round(team, gijs, tier=RoundTier.ORGANISATION, previous_round=team_round)
    with pytest.raises(ValidationError) as refused:
        services.round_choose(
            selection_round=wider, by=gijs, domain=netwerk, story=other, reasons="x"
        )
    assert refused.value.message_dict == {
        "story": [dutch("This story was not chosen in the previous round.")]
    }
    services.round_choose(selection_round=wider, by=gijs, domain=netwerk, story=chosen, reasons="y")


def test_members_write_notes_while_the_round_is_open(spring, team, bas, gijs, chris):
    selection_round, _ = spring
    story = StoryFactory(storyteller=gijs, organisation=team)
    note = services.round_note(
        selection_round=selection_round, by=bas, story=story, text="Dit raakt me omdat ik het ken."
    )
    again = services.round_note(selection_round=selection_round, by=bas, story=story, text="Anders")
    assert note is not None and again is not None and again.pk == note.pk
    assert SelectionNote.objects.get().text == "Anders"
    assert (
        services.round_note(selection_round=selection_round, by=bas, story=story, text="") is None
    )
    assert not SelectionNote.objects.exists()
    with pytest.raises(NotAllowed):
        services.round_note(selection_round=selection_round, by=chris, story=story, text="x")
    outside = StoryFactory(storyteller=gijs, organisation=team, told_on=datetime.date(2025, 1, 1))
    with pytest.raises(ValidationError):
        services.round_note(selection_round=selection_round, by=bas, story=outside, text="x")
    services.round_close(selection_round=selection_round, by=gijs)
    with pytest.raises(ValidationError):
        services.round_note(selection_round=selection_round, by=bas, story=story, text="x")


def test_party_that_left_takes_its_alliance_stories_out_of_the_round(
    spring, alliance_with_org, org, amina, gijs
):
    selection_round, netwerk = spring
    story = StoryFactory(
        storyteller=amina, organisation=None, alliance=alliance_with_org, use=StoryUse.ORGANISATION
    )
    party = alliance_with_org.parties.get(organisation=org)
    party.left_on = datetime.date(2026, 7, 1)
    party.save()
    with pytest.raises(ValidationError):
        services.round_choose(
            selection_round=selection_round, by=gijs, domain=netwerk, story=story, reasons="x"
        )


def test_organisations_are_independent(org, other_org, gijs):
    OrganisationFactory()
    services.domains_ensure_defaults(organisation=org)
    assert not Domain.objects.filter(organisation=other_org).exists()


def test_a_person_party_to_the_alliance_through_another_route(alliance, amina, org, gijs):
    """A coordinator whose organisation takes part writes down a story of a person party."""
    PartyFactory(alliance=alliance, person=None, organisation=org)
    story = services.story_write_down(
        by=gijs,
        storyteller=amina,
        alliance=alliance,
        title="t",
        what_changed="w",
        why_important="w",
    )
    assert story.written_by == gijs
