"""Asking again whether it is really you: by password, or by a one-time e-mail link."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse

from bondgenoot.people.tests.factories import PersonFactory
from bondgenoot.privacy import reauth
from bondgenoot.privacy.tokens import reauth_tokens

from .helpers import PASSWORD, confirm_it_is_me, login

pytestmark = pytest.mark.django_db


def test_right_password_opens_downloads_for_ten_minutes(client, amina, monkeypatch):
    login(client, amina)
    page = client.get(reverse("privacy:reauth")).content.decode()
    assert 'autocomplete="current-password"' in page
    response = confirm_it_is_me(client, next_url=reverse("privacy:download"))
    assert response["Location"] == reverse("privacy:download")
    assert client.get(reverse("privacy:download")).status_code == 200

    # Ten minutes later it has expired, however busy the person was in between.
    now = reauth._now()
    monkeypatch.setattr(reauth, "_now", lambda: now + 9 * 60)
    assert client.get(reverse("privacy:download")).status_code == 200
    monkeypatch.setattr(reauth, "_now", lambda: now + 10 * 60 + 1)
    response = client.get(reverse("privacy:download"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("privacy:reauth"))


def test_confirmation_gives_the_session_a_new_key(client, amina):
    login(client, amina)
    before = client.session.session_key
    confirm_it_is_me(client)
    assert client.session.session_key != before


def test_wrong_password_is_refused_in_dutch_and_five_times_locks_and_logs_out(client, amina):
    login(client, amina)
    for _ in range(4):
        response = client.post(reverse("privacy:reauth"), {"password": "fout"})
        assert response.status_code == 200
        assert "Dit wachtwoord klopt niet" in response.content.decode()
    assert client.get(reverse("privacy:download")).status_code == 302
    # The fifth: the same lock as at the login page (accounts.throttling), and logged out.
    response = client.post(reverse("privacy:reauth"), {"password": "fout"})
    assert response.status_code == 429
    response = client.get(reverse("privacy:overview"))
    assert response["Location"].startswith(reverse("accounts:login"))
    # Back in (say, by an e-mail link): while locked even the right password is refused.
    login(client, amina)
    assert client.post(reverse("privacy:reauth"), {"password": PASSWORD}).status_code == 429
    assert client.get(reverse("privacy:download")).status_code == 302


def test_next_goes_only_to_this_site(client, amina):
    login(client, amina)
    response = client.post(
        reverse("privacy:reauth"), {"password": PASSWORD, "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("privacy:overview")


@pytest.fixture
def noor(db):
    person = PersonFactory(display_name="Noor", user__email="noor@example.org")
    person.user.set_unusable_password()
    person.user.save()
    return person


def _link_from_mail() -> str:
    match = re.search(r"https?://\S+", mail.outbox[-1].body)
    assert match
    return match.group(0).replace("http://testserver", "")


def test_without_a_password_a_one_time_link_by_email(client, noor):
    login(client, noor)
    page = client.get(reverse("privacy:reauth") + "?next=" + reverse("privacy:download"))
    assert "Stuur mij een link" in page.content.decode()
    client.post(reverse("privacy:reauth"), {"next": reverse("privacy:download")})
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["noor@example.org"]
    link = _link_from_mail()

    # Opening the link (GET) changes nothing: mail scanners open links too.
    page = client.get(link)
    assert page.status_code == 200
    assert client.get(reverse("privacy:download")).status_code == 302

    response = client.post(link)
    assert response["Location"] == reverse("privacy:download")
    assert client.get(reverse("privacy:download")).status_code == 200

    # The link works once.
    assert client.post(link).status_code == 400


def test_the_link_works_only_in_the_session_that_asked_for_it(client, noor):
    login(client, noor)
    client.post(reverse("privacy:reauth"))
    link = _link_from_mail()
    other = type(client)()
    other.force_login(noor.user)
    assert other.post(link).status_code == 400
    assert other.get(reverse("privacy:download")).status_code == 302


def test_a_password_reset_or_login_link_token_is_no_confirmation(client, noor):
    from bondgenoot.accounts.tokens import email_login_tokens

    login(client, noor)
    client.post(reverse("privacy:reauth"))
    login_token = email_login_tokens.make_token(noor.user)
    assert not reauth_tokens.check_token(noor.user, login_token)
    assert client.post(reverse("privacy:reauth_link", args=[login_token])).status_code == 400


def test_the_link_expires(client, noor, settings, monkeypatch):
    login(client, noor)
    client.post(reverse("privacy:reauth"))
    link = _link_from_mail()
    later = reauth_tokens._now() + datetime.timedelta(seconds=settings.PRIVACY_LINK_TIMEOUT + 5)
    monkeypatch.setattr(reauth_tokens, "_now", lambda: later)
    assert client.post(link).status_code == 400


def test_links_by_email_are_throttled(client, noor, settings):
    from django.core.cache import caches

    settings.BONDGENOOT_THROTTLE_CACHE = "default"
    caches["default"].clear()
    login(client, noor)
    limit, _window = settings.BONDGENOOT_MAIL_LIMIT_PER_ADDRESS
    for _ in range(limit):
        assert client.post(reverse("privacy:reauth")).status_code == 200
    response = client.post(reverse("privacy:reauth"))
    assert response.status_code == 429
    assert len(mail.outbox) == limit
    caches["default"].clear()
