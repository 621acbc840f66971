import re
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bondgenoot.people.tests.factories import PersonFactory
from bondgenoot.reflection import services
from bondgenoot.reflection.models import AnswerStatus, CasePhase, ReflectionAnswer, TeamMembership

from .factories import answer

pytestmark = pytest.mark.django_db


def login(client, person):
    client.force_login(person.user)
    return client


def fill_data(position="3", action="submit", **extra):
    data = {"action": action}
    for n in range(1, 7):
        data[f"row_{n}_position"] = position
        data[f"row_{n}_note"] = ""
    data.update(extra)
    return data


def test_team_list_shows_my_teams_and_the_six_rows_verbatim(client, team, round, amina):
    html = login(client, amina).get(reverse("reflection:team_list")).content.decode()
    assert "De dinsdaggroep" in html and "Spiegel voorjaar" in html
    assert "denk vanuit mensen als sociale wezens en cultuurproducenten" in html
    assert "verantwoord procesgericht (vanuit een samenspel van krachten" in html


def test_make_a_group_team_with_chosen_people(client, alliance, amina, bas, org, gijs):
    # bas is her ally; fatma is a member of an organisation she belongs to
    from bondgenoot.people.tests.factories import MembershipFactory

    MembershipFactory(organisation=org, person=amina)
    fatma: Any = PersonFactory(display_name="Fatma")
    MembershipFactory(organisation=org, person=fatma)
    stranger = PersonFactory(display_name="Onbekende")
    login(client, amina)
    page = client.get(reverse("reflection:team_create")).content.decode()
    assert "Fatma" in page and "Bas" in page and "Onbekende" not in page

    response = client.post(
        reverse("reflection:team_create"), {"name": "Wij", "members": [bas.pk, stranger.pk]}
    )
    assert response.status_code == 200  # a stranger cannot be chosen
    response = client.post(
        reverse("reflection:team_create"), {"name": "Wij", "members": [bas.pk, fatma.pk]}
    )
    assert response.status_code == 302
    assert set(TeamMembership.objects.values_list("person__display_name", flat=True)) == {
        "Amina",
        "Bas",
        "Fatma",
    }


def test_a_coordinator_makes_the_team_of_an_organisation(client, org, gijs, bas):
    login(client, bas)
    html = client.get(reverse("reflection:team_list")).content.decode()
    assert reverse("reflection:team_create_for_organisation") not in html
    login(client, gijs)
    response = client.post(
        reverse("reflection:team_create_for_organisation"), {"organisation": org.pk, "name": ""}
    )
    assert response.status_code == 302
    assert org.reflection_teams.get().name == org.name


def test_the_fill_in_form_has_a_fieldset_per_row_with_the_statements_as_ends(client, round, amina):
    html = (
        login(client, amina).get(reverse("reflection:round_fill", args=[round.pk])).content.decode()
    )
    assert html.count("<fieldset") == 6 and html.count("<legend") == 6
    assert len(re.findall(r'type="radio"', html)) == 30
    assert 'aria-describedby="row-1-left row-1-right"' in html
    assert '<q lang="nl">controleren</q>' in html and '<q lang="nl">leren</q>' in html


def test_handing_in_and_saving_a_draft(client, round, amina):
    login(client, amina)
    url = reverse("reflection:round_fill", args=[round.pk])
    response = client.post(url, fill_data(position="", action="submit"))
    assert response.status_code == 200
    assert "Kies een plek op de lijn." in response.content.decode()
    response = client.post(url, fill_data(action="draft", row_1_note="Mijn idee"))
    assert response.status_code == 302
    mine = ReflectionAnswer.objects.get(person=amina)
    assert mine.status == AnswerStatus.DRAFT
    response = client.post(url, fill_data(action="submit", show_name="on"), follow=True)
    mine.refresh_from_db()
    assert mine.status == AnswerStatus.SUBMITTED and mine.show_name


def test_a_round_closed_while_filling_in_tells_the_person_and_keeps_a_draft(
    client, round, amina, bas
):
    login(client, bas)
    url = reverse("reflection:round_fill", args=[round.pk])
    assert client.get(url).status_code == 200  # bas opens the form
    services.round_close(round=round, by=amina)  # meanwhile amina closes the round

    response = client.post(url, fill_data(row_2_note="Wat ik zie"), follow=True)

    html = response.content.decode()
    assert "Deze ronde is gesloten terwijl je hem invulde" in html
    mine = ReflectionAnswer.objects.get(person=bas)
    assert mine.status == AnswerStatus.DRAFT
    assert mine.rows.get(row=2).note == "Wat ik zie"
    assert "Wat ik zie" in html  # his own draft, on his own view
    # Opening the form again: the round is closed.
    assert client.get(url).status_code == 302


def test_the_team_view_with_fewer_than_three_answers_shows_only_ones_own(client, round, amina, bas):
    answer(round, amina, 2, notes={1: "Van Amina"})
    answer(round, bas, 5, notes={1: "Van Bas"})
    html = (
        login(client, amina)
        .get(reverse("reflection:round_detail", args=[round.pk]))
        .content.decode()
    )
    assert "Van Amina" in html and "Van Bas" not in html
    assert "<svg" not in html.split('id="team-title"')[1]
    assert "als de ronde dicht is" in html
    services.round_close(round=round, by=amina)
    html = client.get(reverse("reflection:round_detail", args=[round.pk])).content.decode()
    assert "Van Amina" in html and "Van Bas" not in html
    assert "minstens 3 mensen" in html


def test_the_team_view_shows_the_radar_the_spread_and_the_notes(client, round, amina, bas, gijs):
    answer(round, amina, [1, 2, 3, 4, 5, 5], notes={1: "Van Amina"}, show_name=True, talk={4})
    answer(round, bas, [5, 2, 3, 4, 5, 5], notes={1: "Van Bas"})
    answer(round, gijs, 3)
    services.round_close(round=round, by=amina)
    html = (
        login(client, gijs)
        .get(reverse("reflection:round_detail", args=[round.pk]))
        .content.decode()
    )
    assert (
        'role="img"' in html
        and '<title id="radar-title">' in html
        and '<desc id="radar-desc">' in html
    )
    assert 'Van Amina <span class="bondgenoot-muted">— Amina</span>' in html
    assert "Van Bas" in html and "— Bas" not in html
    assert "1\N{EN DASH}5" in html  # the band of row 1
    # Coordinates with a decimal point, also on a Dutch page.
    assert re.search(r'<circle class="bondgenoot-radar__dot" cx="\d+\.\d" cy="\d+\.\d"', html)


def test_the_team_view_takes_a_fixed_number_of_queries(
    client, team, round, amina, bas, gijs, django_assert_num_queries
):
    for person in (amina, bas, gijs):
        answer(round, person, 2, notes={1: f"notitie {person.display_name}"})
    services.round_close(round=round, by=amina)
    later = services.round_open(team=team, by=amina, title="Spiegel zomer")
    for person in (amina, bas, gijs):
        answer(later, person, 4, notes={2: "meer"})
    services.round_close(round=later, by=amina)
    login(client, amina)
    url = reverse("reflection:round_detail", args=[later.pk])
    client.get(url)
    with django_assert_num_queries(13):
        assert client.get(url).status_code == 200
    # A round with thirty more people, next to that one: the same number of queries.
    autumn = services.round_open(team=team, by=amina, title="Spiegel herfst")
    for person in (amina, bas, gijs):
        answer(autumn, person, 3, notes={2: "minder"})
    for i in range(30):
        extra: Any = PersonFactory(display_name=f"Lid {i}")
        TeamMembership.objects.create(team=team, person=extra)
        answer(autumn, extra, 1 + i % 5, notes={3: f"notitie {i}"}, talk={1})
    services.round_close(round=autumn, by=amina)
    url = reverse("reflection:round_detail", args=[autumn.pk])
    with django_assert_num_queries(13):
        assert client.get(url).status_code == 200


def test_closing_asks_first(client, round, amina):
    login(client, amina)
    url = reverse("reflection:round_close", args=[round.pk])
    assert "Ja, sluit de ronde" in client.get(url).content.decode()
    round.refresh_from_db()
    assert round.is_open
    assert client.post(url).status_code == 302
    round.refresh_from_db()
    assert not round.is_open


def test_sharing_a_summary_needs_the_teams_decision(client, round, amina):
    login(client, amina)
    url = reverse("reflection:round_share", args=[round.pk])
    assert client.get(url).status_code == 302  # open: first close
    services.round_close(round=round, by=amina)
    response = client.post(url, {"summary": "Wij leren."})
    assert response.status_code == 200
    round.refresh_from_db()
    assert not round.is_shared_in_report
    assert client.post(url, {"summary": "Wij leren.", "team_decided": "on"}).status_code == 302
    round.refresh_from_db()
    assert round.shared_in_report_text == "Wij leren."
    assert client.post(url, {"withdraw": "1"}).status_code == 302
    round.refresh_from_db()
    assert not round.is_shared_in_report


def test_a_case_through_all_steps(client, team, amina, bas):
    login(client, amina)
    response = client.post(
        reverse("reflection:case_create"),
        {
            "title": "Een buurman",
            "what_happens": "Hij doet niet open.",
            "my_question": "Hoe nu?",
            "share_with": f"team-{team.pk}",
        },
    )
    case = amina.cases.get()
    assert response.status_code == 302
    detail = reverse("reflection:case_detail", args=[case.pk])
    move_on = reverse("reflection:case_move_on", args=[case.pk])
    respond = reverse("reflection:case_respond", args=[case.pk])

    login(client, bas)
    assert client.get(move_on).status_code == 403
    assert client.post(respond, {"phase": 1, "text": "Vraag"}).status_code == 200
    assert not case.responses.exists()

    login(client, amina)
    assert client.post(move_on, {"from_phase": 1}).status_code == 302
    login(client, bas)
    assert client.post(respond, {"phase": 2, "text": "Sinds wanneer?"}).status_code == 302
    login(client, amina)
    client.post(move_on, {"from_phase": 2})
    login(client, bas)
    # A question typed before she moved on: refused, and the text stays in the box.
    response = client.post(respond, {"phase": 2, "text": "Nog een vraag"})
    assert "Nog een vraag" in response.content.decode()
    assert client.post(respond, {"phase": 3, "text": "Stuur een kaartje."}).status_code == 302
    html = client.get(detail).content.decode()
    assert "Sinds wanneer?" in html and "Stuur een kaartje." in html
    assert 'aria-current="step"' in html

    login(client, amina)
    client.post(move_on, {"from_phase": 3})
    takeaway = reverse("reflection:case_takeaway", args=[case.pk])
    assert client.post(takeaway, {"takeaway": "Ik stuur een kaartje."}).status_code == 302
    case.refresh_from_db()
    assert case.phase == CasePhase.TAKEAWAY and case.takeaway == "Ik stuur een kaartje."
    login(client, bas)
    assert "Ik stuur een kaartje." in client.get(detail).content.decode()
    assert client.get(takeaway).status_code == 403


def test_the_lists_take_a_fixed_number_of_queries(client, alliance, amina, bas, gijs, org):
    """Amina's ally bas and gijs (coordinator of an organisation in her alliance)."""
    from bondgenoot.alliances.tests.factories import PartyFactory

    PartyFactory(alliance=alliance, person=None, organisation=org)

    def add(first, last):
        for i in range(first, last):
            team = services.team_create(by=amina, name=f"Groep {i}", members=[bas, gijs])
            services.round_open(team=team, by=amina, title=f"Ronde {i}")
            services.case_create(
                owner=bas, title=f"Situatie {i}", what_happens="W", my_question="V", team=team
            )

    def queries(name):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse(name)).status_code == 200
        return len(captured)

    login(client, amina)
    add(0, 1)
    few = {name: queries(name) for name in ("reflection:team_list", "reflection:case_list")}
    add(1, 6)
    many = {name: queries(name) for name in few}
    assert few == many == {"reflection:team_list": 7, "reflection:case_list": 7}
    assert "Groep 5" in client.get(reverse("reflection:team_list")).content.decode()
