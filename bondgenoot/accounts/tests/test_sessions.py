"""Sessions: a new key at every login, an idle timeout and a maximum age, logging out ends the
session on the server, and a new password ends the other sessions of the account."""

import re

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import Client
from django.urls import reverse

from bondgenoot.accounts import sessions

from .conftest import PASSWORD, log_in

pytestmark = pytest.mark.django_db

HOME = "core:home"


def anonymous_session_key(client) -> str:
    """Give the visitor a session before logging in (as a visitor with a language choice or a
    half-finished form would have)."""
    session = client.session
    session["iets"] = "van voor het inloggen"
    session.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    return session.session_key


def logged_in_as(client) -> str | None:
    return client.session.get("_auth_user_id")


def test_logging_in_with_a_password_gives_a_new_session_key(client, amina):
    before = anonymous_session_key(client)
    log_in(client, "amina@example.org")
    after = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert logged_in_as(client) == str(amina.user.pk)
    assert after != before
    # The old key does not carry the login.
    assert not Session.objects.filter(session_key=before).exists()


def test_logging_in_with_an_email_link_gives_a_new_session_key(client, amina):
    before = anonymous_session_key(client)
    client.post(reverse("accounts:email_link_request"), {"email": "amina@example.org"})
    path = re.search(r"http://testserver(/\S+)", mail.outbox[0].body).group(1)
    client.post(path)
    assert logged_in_as(client) == str(amina.user.pk)
    assert client.cookies[settings.SESSION_COOKIE_NAME].value != before


def test_logging_out_deletes_the_session_on_the_server(client, amina):
    log_in(client, "amina@example.org")
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert Session.objects.filter(session_key=key).exists()
    client.post(reverse("accounts:logout"))
    assert not Session.objects.filter(session_key=key).exists()
    # Someone who copied the old cookie gets nothing.
    thief = Client()
    thief.cookies[settings.SESSION_COOKIE_NAME] = key
    response = thief.get(reverse("people:profile_edit"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_the_session_cookie_is_http_only_and_same_site(client, amina):
    response = log_in(client, "amina@example.org")
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"


def set_clock(client, *, logged_in_ago: int, seen_ago: int) -> None:
    session = client.session
    now = sessions.now()
    session[sessions.AUTH_AT] = now - logged_in_ago
    session[sessions.SEEN_AT] = now - seen_ago
    session.save()


def test_thirty_minutes_without_a_request_ends_the_session(client, amina):
    log_in(client, "amina@example.org")
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    set_clock(client, logged_in_ago=31 * 60, seen_ago=31 * 60)
    response = client.get(reverse("people:profile_edit"), follow=True)
    assert response.redirect_chain[0][0].startswith(reverse("accounts:login"))
    assert "30 minuten" in response.content.decode()
    assert logged_in_as(client) is None
    assert not Session.objects.filter(session_key=key).exists()


def test_being_active_keeps_the_session_and_moves_the_idle_clock(client, amina):
    log_in(client, "amina@example.org")
    set_clock(client, logged_in_ago=3 * 60 * 60, seen_ago=29 * 60)
    assert client.get(reverse("people:profile_edit")).status_code == 200
    assert sessions.now() - client.session[sessions.SEEN_AT] < 5


def test_a_quick_next_request_does_not_write_the_session(client, amina):
    log_in(client, "amina@example.org")
    seen = client.session[sessions.SEEN_AT]
    client.get(reverse(HOME))
    assert client.session[sessions.SEEN_AT] == seen


def test_after_twelve_hours_you_always_log_in_again(client, amina):
    log_in(client, "amina@example.org")
    set_clock(client, logged_in_ago=12 * 60 * 60 + 1, seen_ago=10)
    response = client.get(reverse("people:profile_edit"), follow=True)
    assert response.redirect_chain[0][0].startswith(reverse("accounts:login"))
    assert logged_in_as(client) is None
    assert "log opnieuw in" in response.content.decode().lower()


def test_a_session_without_clock_starts_counting(client, amina):
    client.force_login(amina.user)
    session = client.session
    del session[sessions.AUTH_AT]
    del session[sessions.SEEN_AT]
    session.save()
    assert client.get(reverse("people:profile_edit")).status_code == 200
    assert sessions.AUTH_AT in client.session


def test_a_new_password_ends_the_other_sessions_but_not_this_one(client, amina):
    laptop, phone = client, Client()
    log_in(laptop, "amina@example.org")
    log_in(phone, "amina@example.org")
    assert phone.get(reverse("people:profile_edit")).status_code == 200
    response = laptop.post(
        reverse("accounts:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "mijn fiets is blauw en snel",
            "new_password2": "mijn fiets is blauw en snel",
        },
    )
    assert response.status_code == 302
    assert laptop.get(reverse("people:profile_edit")).status_code == 200
    response = phone.get(reverse("people:profile_edit"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_changing_the_password_needs_the_current_one(client, amina):
    log_in(client, "amina@example.org")
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": "niet-mijn-wachtwoord",
            "new_password1": "mijn fiets is blauw en snel",
            "new_password2": "mijn fiets is blauw en snel",
        },
    )
    assert response.status_code == 200
    amina.user.refresh_from_db()
    assert amina.user.check_password(PASSWORD)


def test_guessing_the_current_password_is_throttled_like_a_login(client, amina):
    log_in(client, "amina@example.org")
    for _ in range(5):
        client.post(
            reverse("accounts:password_change"),
            {"old_password": "geraden", "new_password1": "x", "new_password2": "x"},
        )
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "mijn fiets is blauw en snel",
            "new_password2": "mijn fiets is blauw en snel",
        },
    )
    assert response.status_code == 429
    amina.user.refresh_from_db()
    assert amina.user.check_password(PASSWORD)


def test_a_deactivated_account_loses_its_session_at_once(client, amina):
    log_in(client, "amina@example.org")
    amina.user.is_active = False
    amina.user.save()
    response = client.get(reverse("people:profile_edit"))
    assert response["Location"].startswith(reverse("accounts:login"))


def test_log_out_on_all_other_devices_needs_the_password(client, amina):
    phone = Client()
    log_in(phone, "amina@example.org")
    log_in(client, "amina@example.org")
    url = reverse("accounts:sessions_end")
    response = client.post(url, {"password": "niet-mijn-wachtwoord"})
    assert "Dit is niet je huidige wachtwoord" in response.content.decode()
    assert phone.get(reverse("people:profile_edit")).status_code == 200

    response = client.post(url, {"password": PASSWORD})
    assert response["Location"] == reverse("accounts:security")
    assert client.get(reverse("people:profile_edit")).status_code == 200
    assert phone.get(reverse("people:profile_edit"))["Location"].startswith(
        reverse("accounts:login")
    )
    # Logging in again works as usual.
    log_in(phone, "amina@example.org")
    assert phone.get(reverse("people:profile_edit")).status_code == 200


def test_a_site_admin_can_end_all_sessions_of_an_account(client, amina, admin):
    log_in(client, "amina@example.org")
    staff = Client()
    staff.force_login(admin.user)
    response = staff.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "sessions_end", "_selected_action": [amina.user.pk]},
    )
    assert response.status_code == 302
    assert client.get(reverse("people:profile_edit"))["Location"].startswith(
        reverse("accounts:login")
    )


def test_a_new_password_is_told_by_email(client, amina, django_capture_on_commit_callbacks):
    log_in(client, "amina@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("accounts:password_change"),
            {
                "old_password": PASSWORD,
                "new_password1": "mijn fiets is blauw en snel",
                "new_password2": "mijn fiets is blauw en snel",
            },
        )
    assert [m.to for m in mail.outbox] == [["amina@example.org"]]
    assert "Je wachtwoord is gewijzigd." in mail.outbox[0].body
