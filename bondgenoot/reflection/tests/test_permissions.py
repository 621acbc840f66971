"""Every page of the mirror and of intervisie refuses whoever it is not for: 404 for what they
may not see (as if it were not there), 403 for what they may see but not do. The cast of the
root conftest, plus a member (not a coordinator) of another organisation."""

import pytest
from django.urls import reverse

from bondgenoot.people.models import MembershipRole
from bondgenoot.people.tests.factories import MembershipFactory, PersonFactory
from bondgenoot.reflection import services
from bondgenoot.reflection.models import CasePhase

from .factories import answer

pytestmark = pytest.mark.django_db

SECRET = "GEHEIM-spiegel"


@pytest.fixture
def world(team, round, case, amina, bas, gijs, org):
    for person in (amina, bas, gijs):
        answer(round, person, 3, notes={1: f"{SECRET} van {person.display_name}"})
    services.case_move_on(case=case, by=amina, from_phase=CasePhase.SITUATION)
    services.case_respond(case=case, by=bas, phase=CasePhase.QUESTIONS, text=f"{SECRET} vraag")
    org_team = services.team_create_for_organisation(by=gijs, organisation=org)
    return {"team": team, "round": round, "case": case, "org_team": org_team}


@pytest.fixture
def cast(chris, eva, dewi, funder, admin, other_org, other_alliance):
    hanna = PersonFactory(display_name="Hanna", user__email="hanna@example.org")
    MembershipFactory(organisation=other_org, person=hanna, role=MembershipRole.MEMBER)
    return {
        "stranger": chris,
        "party of another alliance": eva,
        "coordinator of another organisation": dewi,
        "member of another organisation": hanna,
        "funder": funder,
        "site admin": admin,
    }


def private_pages(w):
    """(url name, kwargs, methods) of every page about one team, round or case."""
    team, round, case = w["team"].pk, w["round"].pk, w["case"].pk
    return [
        ("reflection:team_detail", {"pk": team}, ("get",)),
        ("reflection:team_leave", {"pk": team}, ("get", "post")),
        ("reflection:round_open", {"pk": team}, ("get", "post")),
        ("reflection:round_detail", {"pk": round}, ("get",)),
        ("reflection:round_fill", {"pk": round}, ("get", "post")),
        ("reflection:round_close", {"pk": round}, ("get", "post")),
        ("reflection:round_share", {"pk": round}, ("get", "post")),
        ("reflection:case_detail", {"pk": case}, ("get",)),
        ("reflection:case_respond", {"pk": case}, ("post",)),
        ("reflection:case_move_on", {"pk": case}, ("get", "post")),
        ("reflection:case_takeaway", {"pk": case}, ("get", "post")),
    ]


OWN_PAGES = [
    "reflection:team_list",
    "reflection:team_create",
    "reflection:team_create_for_organisation",
    "reflection:case_list",
    "reflection:case_create",
]


def test_outsiders_get_404_on_every_team_round_and_case(client, world, cast):
    problems = []
    for role, person in cast.items():
        client.force_login(person.user)
        for name, kwargs, methods in private_pages(world):
            url = reverse(name, kwargs=kwargs)
            for method in methods:
                response = getattr(client, method)(url)
                if response.status_code != 404 or SECRET in response.content.decode():
                    problems.append(f"{role} {method.upper()} {url}: {response.status_code}")
        for name in OWN_PAGES:
            response = client.get(reverse(name))
            if response.status_code != 200 or SECRET in response.content.decode():
                problems.append(f"{role} GET {name}: {response.status_code}")
    assert problems == []
    world["round"].refresh_from_db()
    assert world["round"].is_open and world["case"].responses.count() == 1


def test_anonymous_visitors_go_to_the_login_page(client, world):
    login = reverse("accounts:login")
    for name, kwargs, methods in private_pages(world):
        for method in methods:
            response = getattr(client, method)(reverse(name, kwargs=kwargs))
            assert response.status_code == 302 and response["Location"].startswith(login)


def test_the_team_sees_the_round_and_the_case(client, world, bas):
    client.force_login(bas.user)
    for name, kwargs in (
        ("reflection:round_detail", {"pk": world["round"].pk}),
        ("reflection:case_detail", {"pk": world["case"].pk}),
    ):
        response = client.get(reverse(name, kwargs=kwargs))
        assert response.status_code == 200 and SECRET in response.content.decode()
    assert client.get(reverse("reflection:team_detail", args=[world["team"].pk])).status_code == 200


def test_what_only_the_owner_of_a_case_does_is_403_for_the_others(client, world, bas):
    client.force_login(bas.user)
    case = world["case"].pk
    assert client.get(reverse("reflection:case_move_on", args=[case])).status_code == 403
    assert client.post(reverse("reflection:case_move_on", args=[case])).status_code == 403
    assert client.get(reverse("reflection:case_takeaway", args=[case])).status_code == 403
    world["case"].refresh_from_db()
    assert world["case"].phase == CasePhase.QUESTIONS


def test_nobody_leaves_the_team_of_an_organisation_on_its_own(client, world, gijs):
    client.force_login(gijs.user)
    url = reverse("reflection:team_leave", args=[world["org_team"].pk])
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403


def test_a_former_member_of_the_organisation_loses_access_at_once(client, world, org, bas):
    membership = MembershipFactory(organisation=org, person=bas)
    round = services.round_open(team=world["org_team"], by=bas, title="Ronde van de organisatie")
    client.force_login(bas.user)
    url = reverse("reflection:round_detail", args=[round.pk])
    assert client.get(url).status_code == 200
    membership.delete()
    assert client.get(url).status_code == 404
