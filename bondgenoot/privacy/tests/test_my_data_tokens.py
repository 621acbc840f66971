"""Personal tokens for the API in "Mijn gegevens" (name and dates, never the hash), and gone with
the account."""

import datetime
import json

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bondgenoot.api import services as api_services
from bondgenoot.api.models import PersonalToken
from bondgenoot.api.tests.helpers import call
from bondgenoot.privacy import services

from .helpers import confirm_it_is_me, login

pytestmark = pytest.mark.django_db

ME = "/api/v1/me"


@pytest.fixture
def tokens(amina, bas):
    """amina: one token that works and was used, one revoked, one expired; bas: one of his own."""
    _used, used_secret = api_services.token_create(
        person=amina, by=amina, name="Excel-koppeling", valid_days=90
    )
    assert call(Client(), "get", ME, token=used_secret).status_code == 200
    revoked, _secret = api_services.token_create(
        person=amina, by=amina, name="Oude telefoon", valid_days=None
    )
    api_services.token_revoke(token=revoked, by=amina)
    expired, _secret = api_services.token_create(
        person=amina, by=amina, name="Proefje", valid_days=30
    )
    PersonalToken.objects.filter(pk=expired.pk).update(
        expires_at=timezone.now() - datetime.timedelta(days=1)
    )
    api_services.token_create(person=bas, by=bas, name="Script van Bas", valid_days=30)
    return PersonalToken.objects.filter(person=amina)


def test_json_lists_my_tokens_with_their_dates_but_never_the_hash(client, amina, tokens):
    login(client, amina)
    confirm_it_is_me(client)
    response = client.post(reverse("privacy:download_file", args=["json"]))
    text = response.content.decode("utf-8")
    data = json.loads(text)
    rows = {row["name"]: row for row in data["api_tokens"]}
    assert set(rows) == {"Excel-koppeling", "Oude telefoon", "Proefje"}
    for row in rows.values():
        assert set(row) == {
            "name",
            "made_at",
            "last_used_at",
            "valid_until",
            "revoked_at",
            "expired",
        }
    used = rows["Excel-koppeling"]
    assert used["last_used_at"] is not None and used["revoked_at"] is None
    assert used["valid_until"] is not None and used["expired"] is False
    assert rows["Oude telefoon"]["revoked_at"] is not None
    assert rows["Oude telefoon"]["valid_until"] is None
    assert rows["Proefje"]["expired"] is True
    assert rows["Proefje"]["last_used_at"] is None
    for token in tokens:
        assert token.token_hash not in text
    assert "Script van Bas" not in text


@pytest.mark.parametrize("where", ["overview", "html_download"])
def test_html_lists_my_tokens_but_never_the_hash(client, amina, tokens, where):
    login(client, amina)
    if where == "overview":
        html = client.get(reverse("privacy:overview")).content.decode()
        assert 'href="#sleutels"' in html
        assert f'href="{reverse("api:tokens")}"' in html
    else:
        confirm_it_is_me(client)
        html = client.post(reverse("privacy:download_file", args=["html"])).content.decode()
    assert "Persoonlijke sleutels voor apps" in html
    for text in ("Excel-koppeling", "Oude telefoon", "Proefje", "ingetrokken op", "verlopen op"):
        assert text in html, text
    assert "laatst gebruikt" in html
    assert "nog niet gebruikt" in html
    for token in tokens:
        assert token.token_hash not in html
    assert "Script van Bas" not in html


def test_without_tokens_the_overview_says_so(client, amina):
    login(client, amina)
    html = client.get(reverse("privacy:overview")).content.decode()
    assert "Je hebt geen sleutels." in html


def test_a_token_stops_working_when_the_account_is_deleted(amina):
    _token, secret = api_services.token_create(
        person=amina, by=amina, name="script", valid_days=None
    )
    assert call(Client(), "get", ME, token=secret).status_code == 200
    services.account_delete(person=amina, by=amina, keep_history=False)
    assert call(Client(), "get", ME, token=secret).status_code == 401
    assert not PersonalToken.objects.exists()
