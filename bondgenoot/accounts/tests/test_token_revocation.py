"""Logging out on all other devices, changing the password and resetting it also revoke the
person's personal tokens for the API, in the same transaction; the pages say so."""

import re

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.test import Client
from django.urls import reverse

from bondgenoot.api import services as api_services
from bondgenoot.api.models import PersonalToken
from bondgenoot.api.tests.helpers import call, token_for

from .conftest import PASSWORD, log_in

pytestmark = pytest.mark.django_db

ME = "/api/v1/me"
NEW_PASSWORD = "mijn fiets is blauw en snel"
STOP_TEXT = "Je persoonlijke sleutels voor apps werken dan ook niet meer."


def working_token(person) -> str:
    secret = token_for(person)
    assert call(Client(), "get", ME, token=secret).status_code == 200
    return secret


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_logging_out_on_all_other_devices_revokes_the_tokens(client, amina, bas):
    secret = working_token(amina)
    other = working_token(bas)
    log_in(client, "amina@example.org")
    page = client.get(reverse("accounts:sessions_end")).content.decode()
    assert "Je persoonlijke sleutels voor apps werken ook niet meer." in page
    response = client.post(reverse("accounts:sessions_end"), {"password": PASSWORD})
    assert response.status_code == 302
    assert call(Client(), "get", ME, token=secret).status_code == 401
    assert not PersonalToken.objects.filter(person=amina, revoked_at__isnull=True).exists()
    assert any("sleutels voor apps werken niet meer" in m for m in messages_of(response))
    # Someone else's token is left alone.
    assert call(Client(), "get", ME, token=other).status_code == 200


def test_changing_the_password_revokes_the_tokens(client, amina):
    secret = working_token(amina)
    log_in(client, "amina@example.org")
    page = client.get(reverse("accounts:password_change")).content.decode()
    assert STOP_TEXT in page
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert call(Client(), "get", ME, token=secret).status_code == 401
    assert any("sleutels voor apps werken niet meer" in m for m in messages_of(response))
    # A token made after the change works.
    assert call(Client(), "get", ME, token=token_for(amina, name="nieuw")).status_code == 200


def test_without_tokens_the_message_does_not_mention_them(client, amina):
    log_in(client, "amina@example.org")
    response = client.post(reverse("accounts:sessions_end"), {"password": PASSWORD})
    assert not any("sleutels" in m for m in messages_of(response))


def test_a_refused_password_change_leaves_the_tokens_alone(client, amina):
    secret = working_token(amina)
    log_in(client, "amina@example.org")
    client.post(
        reverse("accounts:password_change"),
        {
            "old_password": "niet-mijn-wachtwoord",
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )
    assert call(Client(), "get", ME, token=secret).status_code == 200


def test_resetting_the_password_revokes_the_tokens(client, amina):
    secret = working_token(amina)
    client.post(reverse("accounts:password_reset"), {"email": "amina@example.org"})
    path = re.search(r"http://testserver(/\S+)", mail.outbox[0].body).group(1)
    form_path = client.get(path, follow=True).redirect_chain[-1][0]
    assert STOP_TEXT in client.get(form_path).content.decode()
    response = client.post(
        form_path, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert response["Location"] == reverse("accounts:password_reset_complete")
    amina.user.refresh_from_db()
    assert amina.user.check_password(NEW_PASSWORD)
    assert call(Client(), "get", ME, token=secret).status_code == 401


def test_the_password_and_the_revocation_go_together(client, amina, monkeypatch):
    """One transaction: when revoking fails, the new password is not saved either."""
    secret = working_token(amina)

    def broken(**kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(api_services, "tokens_revoke_all", broken)
    log_in(client, "amina@example.org")
    with pytest.raises(RuntimeError):
        client.post(
            reverse("accounts:password_change"),
            {
                "old_password": PASSWORD,
                "new_password1": NEW_PASSWORD,
                "new_password2": NEW_PASSWORD,
            },
        )
    amina.user.refresh_from_db()
    assert amina.user.check_password(PASSWORD)
    monkeypatch.undo()
    assert call(Client(), "get", ME, token=secret).status_code == 200
