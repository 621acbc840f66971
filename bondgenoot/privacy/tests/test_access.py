"""There is only "my" data: no privacy page takes the id of a person, anonymous visitors are
sent to the login page, and nobody else ever sees or downloads what is mine."""

import json

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from bondgenoot.people.tests.factories import UserFactory

from .helpers import confirm_it_is_me, login

pytestmark = pytest.mark.django_db

SECRET_TEXTS = (
    "Ik had schulden bij de energieleverancier.",
    "We hebben de brieven van de gemeente samen gelezen.",
)

# URL name -> kwargs (tokens are made-up: a guessed token opens nothing)
PAGES = {
    "privacy:overview": {},
    "privacy:reauth": {},
    "privacy:reauth_link": {"token": "geraden-token"},
    "privacy:download": {},
    "privacy:download_file": {"format": "json"},
    "privacy:email_change": {},
    "privacy:email_confirm": {"token": "geraden-token"},
    "privacy:consents": {},
    "privacy:account_delete": {},
}
PUBLIC = {"privacy:goodbye"}


def _privacy_patterns():
    resolver = get_resolver()
    for item in resolver.url_patterns:
        if isinstance(item, URLResolver) and item.namespace == "privacy":
            return [p for p in item.url_patterns if isinstance(p, URLPattern)]
    raise AssertionError("privacy URLs are not included")


def test_every_privacy_url_is_checked_here_and_none_takes_a_person_id():
    patterns = _privacy_patterns()
    names = {f"privacy:{p.name}" for p in patterns}
    assert names == set(PAGES) | PUBLIC, "add the new URL to PAGES in this test"
    for pattern in patterns:
        assert not set(pattern.pattern.converters) & {"pk", "person", "person_pk", "id"}
        assert "int" not in str(pattern.pattern)


@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitors_go_to_the_login_page(client, method):
    for name, kwargs in PAGES.items():
        response = getattr(client, method)(reverse(name, kwargs=kwargs))
        assert response.status_code == 302, name
        assert response["Location"].startswith(reverse("accounts:login")), name


def test_goodbye_page_is_public_and_shows_nothing_personal(client):
    response = client.get(reverse("privacy:goodbye"))
    assert response.status_code == 200
    assert "Tot ziens" in response.content.decode()


def test_an_account_without_profile_gets_403(client):
    client.force_login(UserFactory())
    for name in ("privacy:overview", "privacy:consents", "privacy:email_change", "privacy:reauth"):
        assert client.get(reverse(name)).status_code == 403, name


@pytest.mark.parametrize("viewer", ["bas", "chris", "admin"])
def test_others_only_ever_see_their_own_data(client, world, amina, bas, chris, admin, viewer):
    person = {"bas": bas, "chris": chris, "admin": admin}[viewer]
    login(client, person)
    confirm_it_is_me(client)
    for name, kwargs in PAGES.items():
        response = client.get(reverse(name, kwargs=kwargs))
        body = response.content.decode()
        for secret in SECRET_TEXTS:
            assert secret not in body, f"{viewer} saw amina's text at {name}"
        assert "amina@example.org" not in body
    response = client.post(reverse("privacy:download_file", kwargs={"format": "json"}))
    data = json.loads(response.content)
    assert data["account"]["email"] == person.user.email
    assert all(secret not in response.content.decode() for secret in SECRET_TEXTS)
    # Deleting "my account" as someone else deletes their own, never amina's.
    assert amina.user.is_active
