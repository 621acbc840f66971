"""Searching the directory never matches words in a part of a profile marked as sensitive:
a hit would give away what it says, without the look being recorded for its owner."""

import pytest
from django.urls import reverse

from bondgenoot.people import services
from bondgenoot.people.models import Visibility
from bondgenoot.people.selectors import directory_page
from bondgenoot.people.tests.factories import share_everything_with
from bondgenoot.privacy.models import Purpose
from bondgenoot.privacy.services import consent_set

pytestmark = pytest.mark.django_db


def names_found(viewer, query: str) -> set[str]:
    return {shown.person.display_name for shown in directory_page(viewer.user, query=query)}


@pytest.fixture
def amina_shares(amina):
    amina.lived_experience = "Ik had schulden bij de energieleverancier."
    amina.strengths = "Arabisch vertalen"
    share_everything_with(amina, Visibility.MEMBERS)
    consent_set(person=amina, by=amina, purpose=Purpose.FINDABLE, given=True)
    return amina


def test_a_shared_field_is_found_until_its_owner_marks_it_sensitive(amina_shares, chris):
    amina = amina_shares
    assert names_found(chris, "energieleverancier") == {"Amina"}
    services.profile_update(person=amina, by=amina, sensitive_fields=["lived_experience"])
    assert names_found(chris, "energieleverancier") == set()
    # The other parts and the name are still found.
    assert names_found(chris, "vertalen") == {"Amina"}
    assert names_found(chris, "Amina") == {"Amina"}


def test_allies_do_not_find_sensitive_words_either(alliance, amina_shares, bas):
    amina = amina_shares
    services.profile_update(
        person=amina, by=amina, sensitive_fields=["lived_experience", "strengths"]
    )
    assert names_found(bas, "energieleverancier") == set()
    assert names_found(bas, "vertalen") == set()


def test_you_find_your_own_sensitive_words(amina_shares):
    amina = amina_shares
    services.profile_update(person=amina, by=amina, sensitive_fields=["lived_experience"])
    assert names_found(amina, "energieleverancier") == {"Amina"}


def test_over_http_the_search_does_not_leak(client, amina_shares, chris):
    amina = amina_shares
    services.profile_update(person=amina, by=amina, sensitive_fields=["lived_experience"])
    client.force_login(chris.user)
    html = client.get(reverse("people:directory"), {"q": "energieleverancier"}).content.decode()
    assert "Amina" not in html
