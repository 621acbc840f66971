"""Stories in a report: only what the storyteller allows, chosen ones with their reasons, and a
use narrowed afterwards withdraws the shared version."""

import datetime

import pytest
from django.urls import reverse

from bondgenoot.people.models import MembershipRole
from bondgenoot.people.tests.factories import MembershipFactory
from bondgenoot.reports import content as report_content
from bondgenoot.reports import services
from bondgenoot.stories import services as story_services
from bondgenoot.stories.models import RoundTier, StoryUse

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()  # noqa: DTZ011 (the stories services refuse future dates)


@pytest.fixture
def told(org, gijs, bas):
    """bas (a member of org) tells two stories; gijs chooses one in a closed round."""
    MembershipFactory(organisation=org, person=bas, role=MembershipRole.MEMBER)
    domains = story_services.domains_ensure_defaults(organisation=org)
    anonymous = story_services.story_tell(
        by=bas,
        organisation=org,
        domain=domains[0],
        title="Ik durf weer te bellen",
        what_changed="Gijs hielp mij het eerste telefoontje te doen.",
        why_important="Nu regel ik het zelf.",
        use=StoryUse.REPORT_ANONYMOUS,
        told_on=TODAY,
    )
    named = story_services.story_tell(
        by=bas,
        organisation=org,
        domain=domains[1],
        title="Geen rood meer",
        what_changed="Mijn rekening staat niet meer rood.",
        why_important="Rust in mijn hoofd.",
        use=StoryUse.PUBLIC_NAMED,
        told_on=TODAY,
    )
    inside = story_services.story_tell(
        by=bas,
        organisation=org,
        domain=domains[2],
        title="Alleen voor ons",
        what_changed="Iets wat alleen de organisatie mag lezen.",
        why_important="Het is persoonlijk.",
        use=StoryUse.ORGANISATION,
        told_on=TODAY,
    )
    selection = story_services.round_open(
        organisation=org,
        by=gijs,
        title="Najaar",
        tier=RoundTier.TEAM,
        period_start=TODAY - datetime.timedelta(days=30),
        period_end=TODAY,
    )
    story_services.round_choose(
        selection_round=selection,
        by=gijs,
        domain=domains[0],
        story=anonymous,
        reasons="Bas laat zien dat durven te leren is.",
    )
    story_services.round_close(selection_round=selection, by=gijs)
    return {"anonymous": anonymous, "named": named, "inside": inside}


@pytest.fixture
def this_year(gijs, org, alliance_with_org):
    return services.report_create(
        by=gijs,
        organisation=org,
        title="Dit jaar",
        period_start=TODAY - datetime.timedelta(days=364),
        period_end=TODAY,
    )


def test_only_stories_allowed_in_reports_and_names_only_when_public(told, this_year):
    content, depends = report_content.build(this_year)
    chosen = content["stories"]["chosen"]
    assert [c["title"] for c in chosen] == ["Ik durf weer te bellen"]
    assert chosen[0]["teller"].startswith("Deelnemer")
    assert "Bas" not in chosen[0]["reasons"] and "durven te leren" in chosen[0]["reasons"]
    assert "Gijs" not in chosen[0]["what_changed"]  # gijs did not say yes to his name either
    titles = [t for group in content["stories"]["other"] for t in group["titles"]]
    assert titles == ["Geen rood meer"]
    assert "Alleen voor ons" not in str(content)
    assert depends["named_stories"] == [told["named"].pk]


def test_a_narrowed_story_withdraws_the_shared_version_and_leaves_the_next(
    client, told, this_year, gijs, funder, bas
):
    share = services.report_share_with_funder(report=this_year, by=gijs, email="funder@example.org")
    client.force_login(funder.user)
    url = reverse("reports:shared_detail", args=[share.pk])
    assert "Ik durf weer te bellen" in client.get(url).content.decode()

    story_services.story_change_use(story=told["anonymous"], by=bas, use=StoryUse.ORGANISATION)
    response = client.get(url)
    assert response.status_code == 410
    assert "Ik durf weer te bellen" not in response.content.decode()
    content, _ = report_content.build(this_year)
    assert "Ik durf weer te bellen" not in str(content)


def test_a_name_taken_back_from_a_public_story_withdraws_the_version(
    client, told, this_year, gijs, funder, bas
):
    share = services.report_share_with_funder(report=this_year, by=gijs, email="funder@example.org")
    story_services.story_change_use(story=told["named"], by=bas, use=StoryUse.REPORT_ANONYMOUS)
    client.force_login(funder.user)
    assert client.get(reverse("reports:shared_detail", args=[share.pk])).status_code == 410
