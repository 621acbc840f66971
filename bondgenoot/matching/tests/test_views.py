"""The page "Bondgenoot zoeken": who may open it, what a hit shows, bad questions in Dutch."""

import pytest
from django.urls import reverse

from bondgenoot.people.models import Visibility
from bondgenoot.people.tests.factories import OrganisationFactory
from bondgenoot.privacy.models import Purpose
from bondgenoot.privacy.services import consent_set

from .helpers import findable

pytestmark = pytest.mark.django_db

URL = reverse("matching:search")
NOT_A_SCORE = "Deze lijst gaat over hoe goed woorden passen bij je vraag."


@pytest.fixture
def amina_findable(amina):
    return findable(
        amina,
        strengths="Ik help met brieven van de gemeente en met schulden.",
        about="Ik woon hier al twintig jaar.",
        aspirations="Ik wil leren fietsen.",
        lived_experience="Mijn verhaal over mijn kanarie.",
        limits="Ik doe niet aan kickboksen.",
        sensitive_fields=["lived_experience"],
    )


def get(client, viewer, **params):
    client.force_login(viewer.user)
    response = client.get(URL, params, HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 200
    return response.content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(URL, {"q": "schulden"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_the_page_says_nobody_is_scored(client, chris):
    html = get(client, chris)
    assert "Bondgenoot zoeken" in html
    assert NOT_A_SCORE in html
    assert "niemand krijgt een cijfer" in html


def test_a_hit_shows_name_why_fields_and_links_but_no_quote(client, amina_findable, chris):
    amina = amina_findable
    html = get(client, chris, q="Wie helpt met geldzorgen en post?")
    assert "Amina" in html
    assert reverse("people:person_detail", args=[amina.pk]) in html
    assert reverse("alliances:start") in html
    assert "Past bij: " in html and "Woorden: " in html and "schulden" in html
    assert "Gevonden in: Waar ik goed in ben" in html
    assert "Niet gevonden wat je zocht? Probeer andere woorden." in html
    assert NOT_A_SCORE in html
    # Words, never her sentences; never her limits or a sensitive part.
    assert "Ik help met brieven van de gemeente" not in html
    assert "kickboksen" not in html
    assert "kanarie" not in html


def test_sensitive_and_private_words_do_not_find_anyone(client, amina_findable, chris, bas):
    assert "Amina" not in get(client, chris, q="kanarie")
    html = get(client, chris, q="kickboksen")
    assert "Amina" not in html
    assert "Er past nog niemand bij deze woorden." in html


def test_a_private_part_is_not_found_by_a_stranger(client, amina_findable, chris):
    from bondgenoot.people import services

    services.profile_update(
        person=amina_findable, by=amina_findable, strengths_visibility=Visibility.ALLIES
    )
    assert "Amina" not in get(client, chris, q="schulden")


def test_no_consent_no_hit(client, amina_findable, chris):
    consent_set(person=amina_findable, by=amina_findable, purpose=Purpose.FINDABLE, given=False)
    assert "Amina" not in get(client, chris, q="schulden")


def test_an_organisation_links_to_its_page(client, chris):
    org = OrganisationFactory(name="Geldmaatjes", description="Wij helpen met administratie.")
    html = get(client, chris, q="administratie")
    assert reverse("people:organisation_detail", args=[org.pk]) in html
    assert "Bewonersinitiatief" in html and "Wat we doen" in html


@pytest.mark.parametrize(
    ("params", "dutch"),
    [
        ({"q": "🙂🙂🙂"}, "We vinden geen woorden in je vraag."),
        ({"q": "de het een"}, "gewone woorden"),
        ({"q": "schulden", "wijk": "999999"}, "Deze buurt kennen we niet."),
        ({"q": "schulden", "wijk": "Atlantis"}, "Deze buurt kennen we niet."),
        ({"q": "schulden " * 250}, "1000"),
    ],
)
def test_bad_questions_get_a_dutch_answer(client, chris, params, dutch):
    html = get(client, chris, **params)
    assert dutch in html
    assert 'role="alert"' in html or 'role="status"' in html


def test_an_empty_question_is_an_error_on_its_field(client, chris):
    html = get(client, chris, q="  ")
    assert "Typ waar je hulp bij zoekt." in html
    assert 'aria-invalid="true"' in html


def test_hostile_input_is_no_server_error(client, chris):
    for params in ({"q": "a\x00b"}, {"wijk": "\x00"}, {"q": ["x", "y"]}, {"q": "<script>"}):
        client.force_login(chris.user)
        assert client.get(URL, params).status_code == 200
    assert "&lt;script&gt;" in get(client, chris, q="<script>")


def test_only_get(client, chris):
    client.force_login(chris.user)
    assert client.post(URL, {"q": "schulden"}).status_code == 405


def test_the_neighbourhood_list_offers_your_own_first(client, chris):
    html = get(client, chris)
    assert f"Mijn eigen buurt ({chris.neighbourhood.name})" in html
