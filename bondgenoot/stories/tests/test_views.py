import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bondgenoot.core.models import Notice
from bondgenoot.core.tests.a11y import nl
from bondgenoot.stories import services
from bondgenoot.stories.models import (
    Domain,
    RoundStatus,
    RoundTier,
    SelectionChoice,
    SelectionNote,
    SelectionRound,
    Story,
    StoryStatus,
    StoryUse,
    StoryUseChange,
)

from .factories import SelectionRoundFactory, StoryFactory

pytestmark = pytest.mark.django_db


def login(client, person):
    client.force_login(person.user)
    return client


def html(response) -> str:
    return response.content.decode()


# The list ------------------------------------------------------------------------------------


def test_the_list_is_empty_at_first_and_invites_to_tell(client, chris):
    response = login(client, chris).get(reverse("stories:list"))
    assert response.status_code == 200
    assert nl("No stories here yet. Tell the first one!") in html(response)


def test_the_list_shows_mine_what_i_may_read_and_what_waits(
    client, alliance_with_org, team, amina, bas, hanna
):
    mine = StoryFactory(storyteller=bas, organisation=team, title="Mijn eigen verhaal")
    theirs = StoryFactory(
        storyteller=amina,
        organisation=None,
        alliance=alliance_with_org,
        use=StoryUse.ALLIANCE,
        title="Het verhaal van Amina",
    )
    hidden = StoryFactory(storyteller=hanna, organisation=hanna.organisations.get(), title="Weg")
    waiting = services.story_write_down(
        by=amina,
        storyteller=bas,
        alliance=alliance_with_org,
        title="Door Amina opgeschreven",
        what_changed="w",
        why_important="w",
    )
    page = html(login(client, bas).get(reverse("stories:list")))
    assert str(mine.title) in page and str(theirs.title) in page and str(hidden.title) not in page
    assert nl("Waiting for you") in page
    assert reverse("stories:confirm", args=[waiting.pk]) in page
    only_mine = html(client.get(reverse("stories:list") + "?mijn=1"))
    assert str(mine.title) in only_mine and str(theirs.title) not in only_mine
    of_alliance = html(
        client.get(reverse("stories:list") + f"?bondgenootschap={alliance_with_org.pk}")
    )
    assert str(theirs.title) in of_alliance and str(mine.title) not in of_alliance


def test_the_list_takes_as_many_queries_for_many_stories_as_for_few(
    client, alliance_with_org, team, bas, amina, django_assert_num_queries
):
    login(client, bas)
    StoryFactory.create_batch(2, storyteller=bas, organisation=team)
    url = reverse("stories:list")
    client.get(url)  # warm up the session
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    StoryFactory.create_batch(25, storyteller=amina, organisation=None, alliance=alliance_with_org)
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert response.context["page"].paginator.count == 27
    # session, user, person; the organisations they coordinate (alliance visibility); count,
    # page and what waits for a confirmation.
    assert len(few.captured_queries) == 7


# Telling -------------------------------------------------------------------------------------


def test_choose_where_then_tell_a_story(client, alliance_with_org, team, bas):
    login(client, bas)
    where = html(client.get(reverse("stories:tell")))
    assert reverse("stories:tell_alliance", args=[alliance_with_org.pk]) in where
    assert reverse("stories:tell_organisation", args=[team.pk]) in where
    url = reverse("stories:tell_organisation", args=[team.pk])
    form = client.get(url)
    assert Domain.objects.filter(organisation=team).count() == 5  # made the first time
    assert "Netwerk" in html(form)
    netwerk = Domain.objects.get(organisation=team, name="Netwerk")
    response = client.post(
        url,
        {
            "title": "Een vriend erbij",
            "what_changed": "Ik ken nu mijn buren.",
            "why_important": "Ik ben minder alleen.",
            "domain": netwerk.pk,
            "use": StoryUse.ORGANISATION,
            "told_on": "",
        },
    )
    story = Story.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("stories:detail", args=[story.pk])
    assert (story.storyteller, story.domain, story.status) == (bas, netwerk, StoryStatus.CONFIRMED)
    detail = html(client.get(response["Location"]))
    assert "Ik ken nu mijn buren." in detail and nl("Within the organisation") in detail


def test_with_one_place_the_choice_is_skipped(client, alliance, amina):
    response = login(client, amina).get(reverse("stories:tell"))
    assert response["Location"] == reverse("stories:tell_alliance", args=[alliance.pk])


def test_the_use_is_explained_and_the_narrowest_is_chosen(client, alliance, amina):
    page = html(login(client, amina).get(reverse("stories:tell_alliance", args=[alliance.pk])))
    assert nl("Only the people in your alliance read it.") in page
    radios = dict(re.findall(r'<input type="radio"[^>]*value="(\w+)"([^>]*)>', page))
    assert set(radios) == set(StoryUse.values)
    assert "checked" in radios["alliance"] and "checked" not in radios["public_named"]


def test_an_empty_answer_gets_a_dutch_message_and_keeps_the_rest(client, alliance, amina):
    login(client, amina)
    response = client.post(
        reverse("stories:tell_alliance", args=[alliance.pk]),
        {"title": "Mijn titel", "what_changed": "Veel", "why_important": "", "use": "alliance"},
    )
    page = html(response)
    assert response.status_code == 200
    assert "Dit veld is verplicht." in page
    assert "Mijn titel" in page and "Veel" in page
    assert not Story.objects.exists()


def test_outsiders_cannot_tell_in_someone_elses_place(client, alliance_with_org, team, chris):
    login(client, chris)
    assert (
        client.get(reverse("stories:tell_alliance", args=[alliance_with_org.pk])).status_code == 404
    )
    assert client.get(reverse("stories:tell_organisation", args=[team.pk])).status_code == 404
    assert (
        client.get(reverse("stories:write_down_alliance", args=[alliance_with_org.pk])).status_code
        == 404
    )
    assert client.get(reverse("stories:write_down_organisation", args=[team.pk])).status_code == 404


def test_an_archived_alliance_takes_no_new_stories(client, alliance, amina):
    alliance.archived_on = datetime.date(2026, 1, 1)
    alliance.save()
    login(client, amina)
    assert client.get(reverse("stories:tell_alliance", args=[alliance.pk])).status_code == 403


# Writing down and confirming -----------------------------------------------------------------


def test_write_down_a_story_and_the_storyteller_confirms_it_with_a_correction(
    client, alliance, amina, bas
):
    login(client, bas)
    url = reverse("stories:write_down_alliance", args=[alliance.pk])
    form = html(client.get(url))
    assert "Amina" in form and nl("Whose story is it?") in form
    response = client.post(
        url,
        {
            "storyteller": amina.pk,
            "title": "Zelf gebeld",
            "what_changed": "Amina belde zelf.",
            "why_important": "Ze is trots.",
        },
    )
    story = Story.objects.get()
    assert response["Location"] == reverse("stories:detail", args=[story.pk])
    assert story.status == StoryStatus.AWAITING_CONFIRMATION
    waiting = html(client.get(response["Location"]))
    assert (
        nl(
            "%(name)s has not confirmed this story yet. Until then only you two can read it.",
            name="Amina",
        )
        in waiting
    )
    # Bas may read it but not confirm it.
    assert client.get(reverse("stories:confirm", args=[story.pk])).status_code == 403

    login(client, amina)
    confirm_url = reverse("stories:confirm", args=[story.pk])
    page = html(client.get(confirm_url))
    assert nl("What %(name)s wrote", name="Bas") in page and "Amina belde zelf." in page
    response = client.post(
        confirm_url,
        {
            "title": "Ik belde zelf",
            "what_changed": "Ik belde zelf, Bas zat ernaast.",
            "why_important": "Ik ben trots.",
            "use": StoryUse.REPORT_ANONYMOUS,
        },
    )
    assert response["Location"] == reverse("stories:detail", args=[story.pk])
    story.refresh_from_db()
    assert story.status == StoryStatus.CONFIRMED and story.use == StoryUse.REPORT_ANONYMOUS
    detail = html(client.get(response["Location"]))
    assert nl("What your ally wrote first") in detail and "Amina belde zelf." in detail
    # The writer sees the corrected story, not the first version.
    login(client, bas)
    for_bas = html(client.get(response["Location"]))
    assert "Ik belde zelf, Bas zat ernaast." in for_bas and "Amina belde zelf." not in for_bas
    assert Notice.objects.filter(person=bas).exists()


def test_the_write_down_form_refuses_someone_from_outside(client, alliance, bas, chris):
    login(client, bas)
    response = client.post(
        reverse("stories:write_down_alliance", args=[alliance.pk]),
        {"storyteller": chris.pk, "title": "t", "what_changed": "w", "why_important": "w"},
    )
    assert response.status_code == 200 and not Story.objects.exists()
    assert response.context["form"].errors["storyteller"]


def test_the_storyteller_declines_a_story_that_is_not_theirs(client, alliance, amina, bas):
    story = services.story_write_down(
        by=bas,
        storyteller=amina,
        alliance=alliance,
        title="t",
        what_changed="w",
        why_important="w",
    )
    login(client, amina)
    url = reverse("stories:decline", args=[story.pk])
    assert nl("This is not my story?") in html(client.get(url))
    assert client.post(url)["Location"] == reverse("stories:list")
    assert not Story.objects.exists()


def test_changing_the_use_asks_to_confirm_first(client, team, bas):
    story = StoryFactory(storyteller=bas, organisation=team, use=StoryUse.PUBLIC_NAMED)
    login(client, bas)
    url = reverse("stories:use", args=[story.pk])
    page = html(client.get(url))
    assert nl("Only the people in your alliance read it.") not in page  # not told in an alliance
    step = client.post(url, {"use": StoryUse.ORGANISATION})
    assert step.status_code == 200
    assert nl("Are you sure?") in html(step)
    story.refresh_from_db()
    assert story.use == StoryUse.PUBLIC_NAMED  # nothing changed yet
    done = client.post(url, {"new_use": StoryUse.ORGANISATION})
    assert done["Location"] == reverse("stories:detail", args=[story.pk])
    story.refresh_from_db()
    assert story.use == StoryUse.ORGANISATION
    assert StoryUseChange.objects.get().is_narrowing
    refused = client.post(url, {"new_use": StoryUse.ALLIANCE})
    assert refused["Location"] == url
    story.refresh_from_db()
    assert story.use == StoryUse.ORGANISATION


def test_only_the_storyteller_changes_the_use(client, team, bas, gijs, chris):
    story = StoryFactory(storyteller=bas, organisation=team)
    url = reverse("stories:use", args=[story.pk])
    assert login(client, gijs).get(url).status_code == 403  # may read it, not change it
    assert login(client, chris).get(url).status_code == 404


@pytest.mark.parametrize("who", ["chris", "eva", "dewi", "hanna", "funder", "admin"])
def test_outsiders_find_no_story(client, request, alliance_with_org, team, amina, who):
    story = StoryFactory(
        storyteller=amina, organisation=None, alliance=alliance_with_org, use=StoryUse.PUBLIC_NAMED
    )
    login(client, request.getfixturevalue(who))
    for name in ("detail", "confirm", "decline", "use"):
        assert client.get(reverse(f"stories:{name}", args=[story.pk])).status_code == 404, name


# Domains -------------------------------------------------------------------------------------


def test_a_coordinator_keeps_the_domains(client, team, gijs, bas):
    login(client, gijs)
    url = reverse("stories:domains", args=[team.pk])
    assert "Eigen kracht" in html(client.get(url))
    assert client.post(url, {"name": "Wonen", "description": ""})["Location"] == url
    wonen = Domain.objects.get(organisation=team, name="Wonen")
    move = reverse("stories:domain_move", args=[team.pk, wonen.pk])
    client.post(move, {"direction": "up"})
    assert list(Domain.objects.filter(organisation=team).values_list("name", flat=True))[-2] == (
        "Wonen"
    )
    edit = reverse("stories:domain_edit", args=[team.pk, wonen.pk])
    assert client.post(edit, {"name": "Thuis", "description": "Een huis"})["Location"] == url
    wonen.refresh_from_db()
    assert wonen.name == "Thuis"
    used = Domain.objects.get(organisation=team, name="Netwerk")
    StoryFactory(storyteller=bas, organisation=team, domain=used)
    client.post(reverse("stories:domain_remove", args=[team.pk, used.pk]))
    client.post(reverse("stories:domain_remove", args=[team.pk, wonen.pk]))
    used.refresh_from_db()
    assert used.is_archived and not Domain.objects.filter(pk=wonen.pk).exists()
    duplicate = client.post(url, {"name": "Gezondheid"})
    assert nl("There is already a domain with this name.") in html(duplicate)


def test_members_may_not_keep_domains_and_outsiders_find_nothing(client, team, bas, hanna):
    domain = Domain.objects.create(organisation=team, name="Wonen")
    for person, status in ((bas, 403), (hanna, 404)):
        login(client, person)
        assert client.get(reverse("stories:domains", args=[team.pk])).status_code == status
        edit = reverse("stories:domain_edit", args=[team.pk, domain.pk])
        assert client.get(edit).status_code == status
        move = reverse("stories:domain_move", args=[team.pk, domain.pk])
        assert client.post(move, {"direction": "up"}).status_code == status


# Selection rounds ----------------------------------------------------------------------------


def test_a_selection_round_from_opening_to_closing(client, team, gijs, bas):
    story = StoryFactory(
        storyteller=bas,
        organisation=team,
        told_on=datetime.date(2026, 3, 1),
        title="Weer aan het werk",
    )
    login(client, gijs)
    rounds = reverse("stories:rounds", args=[team.pk])
    assert nl("No selection rounds yet.") in html(client.get(rounds))
    response = client.post(
        reverse("stories:round_open", args=[team.pk]),
        {
            "title": "Voorjaar",
            "tier": RoundTier.TEAM,
            "period_start": "2026-01-01",
            "period_end": "2026-06-30",
        },
    )
    selection_round = SelectionRound.objects.get()
    assert response["Location"] == reverse("stories:round", args=[selection_round.pk])
    page = html(client.get(response["Location"]))
    assert "Weer aan het werk" in page and "Netwerk" in page

    meedoen = Domain.objects.get(organisation=team, name="Meedoen")
    choose = reverse("stories:round_choose", args=[selection_round.pk, meedoen.pk])
    assert "Weer aan het werk" in html(client.get(choose))
    refused = client.post(choose, {"story": story.pk, "reasons": "   "})
    assert nl("Write down why the group chose this story. That is the point.") in html(refused)
    reasons = "Werk geeft houvast.\nWe kozen samen."
    done = client.post(choose, {"story": story.pk, "reasons": reasons})
    assert done["Location"] == response["Location"]
    assert SelectionChoice.objects.get().reasons == reasons
    assert "Werk geeft houvast." in Notice.objects.get(person=bas).text
    assert client.get(choose)["Location"] == response["Location"]  # already chosen

    close = reverse("stories:round_close", args=[selection_round.pk])
    assert client.post(close)["Location"] == response["Location"]
    selection_round.refresh_from_db()
    assert selection_round.status == RoundStatus.CLOSED
    assert client.get(choose).status_code == 403

    login(client, bas)
    detail = html(client.get(reverse("stories:detail", args=[story.pk])))
    assert nl("Chosen in a selection round") in detail and "Werk geeft houvast." in detail


def test_a_next_round_starts_from_a_closed_one(client, team, gijs):
    first = SelectionRoundFactory(organisation=team, status=RoundStatus.CLOSED, title="Team")
    login(client, gijs)
    url = reverse("stories:round_open", args=[team.pk])
    assert f"{first.title} ({nl('Team')})" in html(client.get(url))
    response = client.post(
        url, {"title": "Organisatie", "tier": RoundTier.ORGANISATION, "previous_round": first.pk}
    )
    wider = SelectionRound.objects.get(title="Organisatie")
    assert response["Location"] == reverse("stories:round", args=[wider.pk])
    assert wider.period_start == first.period_start
    empty = client.post(url, {"title": "Zonder", "tier": RoundTier.TEAM})
    assert nl("Fill in a date.") in html(empty)


def test_members_read_rounds_and_write_notes(client, team, gijs, bas):
    story = StoryFactory(storyteller=gijs, organisation=team, told_on=datetime.date(2026, 3, 1))
    selection_round = SelectionRoundFactory(organisation=team)
    login(client, bas)
    assert client.get(reverse("stories:round_open", args=[team.pk])).status_code == 403
    page = html(client.get(reverse("stories:round", args=[selection_round.pk])))
    assert str(story.title) in page and nl("Close the round") not in page
    url = reverse("stories:round_note", args=[selection_round.pk, story.pk])
    response = client.post(url, {"text": "Dit raakt me omdat ik het herken."})
    assert response["Location"].endswith(f"#verhaal-{story.pk}")
    assert SelectionNote.objects.get().person == bas
    assert "Dit raakt me omdat ik het herken." in html(response.client.get(response["Location"]))
    outside = StoryFactory(storyteller=gijs, organisation=team, told_on=datetime.date(2025, 1, 1))
    assert (
        client.get(reverse("stories:round_note", args=[selection_round.pk, outside.pk])).status_code
        == 404
    )


def test_a_funder_panel_page_hides_names_unless_public(client, team, gijs, bas):
    SelectionRoundFactory(organisation=team, tier=RoundTier.FUNDER_PANEL)
    panel = SelectionRound.objects.get()
    StoryFactory(storyteller=bas, organisation=team, use=StoryUse.REPORT_ANONYMOUS, title="Anoniem")
    StoryFactory(storyteller=gijs, organisation=team, use=StoryUse.PUBLIC_NAMED, title="Met naam")
    page = html(login(client, gijs).get(reverse("stories:round", args=[panel.pk])))
    assert "Anoniem" in page and "Met naam" in page
    assert nl("Told by %(name)s", name="Gijs") in page
    assert nl("Told by %(name)s", name="Bas") not in page
    assert nl("Name not shown") in page


@pytest.mark.parametrize("who", ["chris", "eva", "dewi", "hanna", "funder", "admin"])
def test_outsiders_find_no_round(client, request, team, who):
    selection_round = SelectionRoundFactory(organisation=team)
    story = StoryFactory(organisation=team)
    domain = Domain.objects.create(organisation=team, name="Wonen")
    login(client, request.getfixturevalue(who))
    urls = [
        reverse("stories:rounds", args=[team.pk]),
        reverse("stories:round_open", args=[team.pk]),
        reverse("stories:round", args=[selection_round.pk]),
        reverse("stories:round_choose", args=[selection_round.pk, domain.pk]),
        reverse("stories:round_close", args=[selection_round.pk]),
        reverse("stories:round_note", args=[selection_round.pk, story.pk]),
        reverse("stories:domains", args=[team.pk]),
        reverse("stories:domain_remove", args=[team.pk, domain.pk]),
    ]
    get_only = {urls[0], urls[2]}
    for url in urls:
        assert client.get(url).status_code == 404, url
        assert client.post(url).status_code == (405 if url in get_only else 404), url


def test_anonymous_visitors_are_sent_to_log_in(client, team):
    response = client.get(reverse("stories:list"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


# Links from the alliance and organisation pages ----------------------------------------------


def test_the_alliance_and_organisation_pages_link_to_the_stories(
    client, alliance_with_org, team, gijs
):
    login(client, gijs)
    alliance_page = html(client.get(reverse("alliances:detail", args=[alliance_with_org.pk])))
    assert reverse("stories:tell_alliance", args=[alliance_with_org.pk]) in alliance_page
    organisation_page = html(client.get(reverse("people:organisation_detail", args=[team.pk])))
    assert reverse("stories:rounds", args=[team.pk]) in organisation_page
    assert reverse("stories:domains", args=[team.pk]) in organisation_page
