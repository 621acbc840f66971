"""Mijn gegevens also holds what the other apps keep about a person (privacy/sections.py):
stories, the mirror and intervisie, gatherings and money. On the page, in every download, and
on the page to delete the account, which says what happens to each; and that is what happens.
"""

import json
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bondgenoot.gatherings.models import HarvestItem, HarvestKind, Registration
from bondgenoot.gatherings.tests.factories import (
    GatheringRoleFactory,
    HarvestItemFactory,
    RegistrationFactory,
)
from bondgenoot.money.models import Expense
from bondgenoot.money.tests.factories import ExpenseFactory
from bondgenoot.privacy import exports, selectors, services
from bondgenoot.reflection.models import CasePhase, CaseResponse, ReflectionAnswer
from bondgenoot.reflection.tests.factories import (
    CaseFactory,
    ReflectionRoundFactory,
    ReflectionTeamFactory,
    answer,
)
from bondgenoot.stories.models import Story
from bondgenoot.stories.tests.factories import StoryFactory

from .helpers import confirm_it_is_me, login

pytestmark = pytest.mark.django_db

MINE = {
    "story": "Ik durf de post weer open te maken",
    "written_down": "Bas vond weer werk",
    "note": "Ik schuif nu eerst aan bij de bewoner.",
    "case": "Een moeder die niet meer open doet",
    "response": "Wat heb je al geprobeerd?",
    "quote": "Je moet het samen doen.",
    "expense": "Koffie en thee voor de inloop",
    "contribution": "Ik vertelde over mijn eigen schulden.",
}
THEIRS = {
    "story": "Het verhaal van Bas zelf",
    "note": "Bas zijn eigen spiegelnotitie",
    "quote": "Bas zei dit zelf.",
    "expense": "Bas kocht bloemen",
}


@pytest.fixture
def kept(amina: Any, bas: Any) -> dict[str, Any]:
    """Something of amina in every app, and the same kind of thing of bas next to it."""
    story = StoryFactory(storyteller=amina, title=MINE["story"])
    StoryFactory(storyteller=bas, written_by=amina, title=MINE["written_down"])
    StoryFactory(storyteller=bas, title=THEIRS["story"])
    team = ReflectionTeamFactory(members=[amina, bas])
    spiegel = ReflectionRoundFactory(team=team, title="Spiegel herfst")
    answer(spiegel, amina, 4, notes={2: MINE["note"]}, talk={2})
    answer(spiegel, bas, 2, notes={2: THEIRS["note"]})
    case = CaseFactory(owner=amina, title=MINE["case"], shared_with_team=team)
    # Bas's situation, in which amina asked a question: its title is the context of her question.
    bas_case: Any = CaseFactory(owner=bas, title="Het vraagstuk van Bas", shared_with_team=team)
    CaseResponse.objects.create(
        case=bas_case, author=amina, phase=CasePhase.QUESTIONS, text=MINE["response"]
    )
    registration = RegistrationFactory(person=amina, consent_to_name=True)
    GatheringRoleFactory(person=amina, contribution=MINE["contribution"], name_text="")
    quote = HarvestItemFactory(
        kind=HarvestKind.QUOTE, speaker=amina, text=MINE["quote"], speaker_consent=True
    )
    HarvestItemFactory(kind=HarvestKind.QUOTE, speaker=bas, text=THEIRS["quote"])
    expense = ExpenseFactory(created_by=amina, description=MINE["expense"])
    ExpenseFactory(created_by=bas, description=THEIRS["expense"])
    return {
        "story": story,
        "case": case,
        "registration": registration,
        "quote": quote,
        "expense": expense,
    }


def test_the_json_download_has_every_section_with_only_my_items(kept, amina):
    data = json.loads(exports.render_json(selectors.my_data(amina)).decode("utf-8"))

    assert data["format_version"] == 2
    assert [s["title"] for s in data["stories_told"]] == [MINE["story"]]
    assert data["stories_told"][0]["use"] == "organisation"
    assert [s["storyteller"] for s in data["stories_written_down"]] == ["Bas"]
    (mirror,) = data["mirror_answers"]
    assert {r["note"] for r in mirror["rows"]} == {"", MINE["note"]}
    assert {r["place"] for r in mirror["rows"]} == {4}
    assert [c["title"] for c in data["cases"]] == [MINE["case"]]
    assert [r["text"] for r in data["case_responses"]] == [MINE["response"]]
    assert data["gathering_registrations"][0]["name_in_report"] is True
    assert data["gathering_roles"][0]["contribution"] == MINE["contribution"]
    assert [q["text"] for q in data["quotes"]] == [MINE["quote"]]
    assert data["expenses_recorded"][0]["amount"] == "12.50"
    assert "sections" not in data
    text = json.dumps(data, ensure_ascii=False)
    for theirs in THEIRS.values():
        assert theirs not in text, theirs


def test_the_page_and_the_printable_download_show_them(client, kept, amina):
    login(client, amina)
    html = client.get(reverse("privacy:overview")).content.decode()
    printed = exports.render_html(selectors.my_data(amina)).decode("utf-8")
    for page in (html, printed):
        for mine in MINE.values():
            assert mine in page, mine
        for theirs in THEIRS.values():
            assert theirs not in page, theirs
        assert "Mijn verhalen" in page
        assert "€\N{NO-BREAK SPACE}12,50" in page
    assert 'href="#stories-told"' in html and 'id="stories-told"' in html


def test_empty_sections_say_so(client, amina):
    login(client, amina)
    html = client.get(reverse("privacy:overview")).content.decode()
    assert "Je hebt nog geen verhaal verteld." in html
    assert "Je hebt nog geen uitgave opgeschreven." in html


def test_the_delete_page_says_what_happens_to_each_and_it_happens(client, kept, amina, bas):
    login(client, amina)
    confirm_it_is_me(client)
    html = client.get(reverse("privacy:account_delete")).content.decode()
    for text in (
        "Mijn verhalen (1): Verwijderd.",
        "Uitgaven die ik opschreef (1): Ze blijven in het budget",
        "Mijn citaten (1): Verwijderd.",
    ):
        assert text in html, text

    services.account_delete(person=amina, by=amina, keep_history=False)

    assert not Story.objects.filter(pk=kept["story"].pk).exists()
    assert Story.objects.get(title=MINE["written_down"]).written_by is None  # stays with bas
    assert not ReflectionAnswer.objects.filter(person_id=amina.pk).exists()
    assert ReflectionAnswer.objects.filter(person=bas).exists()
    assert CaseResponse.objects.get(text=MINE["response"]).author is None
    assert not Registration.objects.filter(pk=kept["registration"].pk).exists()
    assert not HarvestItem.objects.filter(pk=kept["quote"].pk).exists()
    assert HarvestItem.objects.filter(text=THEIRS["quote"]).exists()
    assert Expense.objects.get(pk=kept["expense"].pk).created_by is None


def test_the_number_of_queries_does_not_grow_with_the_items(
    client, kept, amina, django_assert_num_queries
):
    login(client, amina)
    url = reverse("privacy:overview")
    client.get(url)
    with CaptureQueriesContext(connection) as first:
        assert client.get(url).status_code == 200
    for n in range(5):
        StoryFactory(storyteller=amina, title=f"Nog een verhaal {n}")
        answer(ReflectionRoundFactory(team=ReflectionTeamFactory(members=[amina])), amina, 3)
        CaseFactory(owner=amina, title=f"Situatie {n}")
        RegistrationFactory(person=amina)
        HarvestItemFactory(kind=HarvestKind.QUOTE, speaker=amina, text=f"Citaat {n}")
        ExpenseFactory(created_by=amina, description=f"Uitgave {n}")
    with django_assert_num_queries(len(first)):
        assert client.get(url).status_code == 200
