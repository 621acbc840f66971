"""Login throttling per account and per address (django-axes), and throttling of forms that
send mail. A lock must look the same whether or not the account exists."""

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.urls import reverse

from bondgenoot.accounts.throttling import client_ip

from .conftest import PASSWORD, log_in

pytestmark = pytest.mark.django_db

LOCKED_NL = (
    "Te vaak een verkeerd wachtwoord. Probeer het over 15 minuten opnieuw, "
    "of log in met een link per e-mail."
)


def fail(client, email: str, times: int, **extra) -> None:
    for _ in range(times):
        response = log_in(client, email, "helemaal-verkeerd", **extra)
        assert response.status_code in {200, 429}


def test_five_wrong_passwords_lock_the_account_with_a_clear_dutch_message(client, amina):
    fail(client, "amina@example.org", 4)
    response = log_in(client, "amina@example.org", "helemaal-verkeerd")
    assert response.status_code == 429
    html = response.content.decode()
    assert LOCKED_NL in html
    assert reverse("accounts:email_link_request") in html
    # Even the right password does not get in during the lock.
    response = log_in(client, "amina@example.org", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_four_wrong_passwords_do_not_lock(client, amina):
    fail(client, "amina@example.org", 4)
    response = log_in(client, "amina@example.org", PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(amina.user.pk)


def test_a_lock_looks_the_same_for_an_unknown_address(client, amina):
    fail(client, "amina@example.org", 5)
    fail(client, "niemand@example.org", 5)
    known = log_in(client, "amina@example.org", "nog-eens-fout").content.decode()
    unknown = log_in(client, "niemand@example.org", "nog-eens-fout").content.decode()
    assert LOCKED_NL in known
    assert LOCKED_NL in unknown
    assert "amina" not in known.lower()


def test_upper_case_counts_as_the_same_account(client, amina):
    for email in [
        "Amina@example.org",
        "AMINA@example.org",
        "amina@EXAMPLE.org",
        " amina@example.org",
    ]:
        log_in(client, email, "fout-wachtwoord")
    response = log_in(client, "amina@Example.org", "fout-wachtwoord")
    assert response.status_code == 429


def test_lock_is_per_account_from_one_address_others_there_still_log_in(client, amina, bas):
    fail(client, "amina@example.org", 5)
    response = log_in(client, "bas@example.org", PASSWORD)
    assert response.status_code == 302


def test_one_address_trying_many_accounts_is_locked_after_twenty(client, amina, bas):
    for n in range(19):
        log_in(client, f"geraden{n}@example.org", "fout-wachtwoord")
    assert log_in(client, "bas@example.org", PASSWORD).status_code == 302
    client.post(reverse("accounts:logout"))
    log_in(client, "geraden-nog-een@example.org", "fout-wachtwoord")  # the 20th
    response = log_in(client, "amina@example.org", PASSWORD)
    assert response.status_code == 429
    # Someone else, elsewhere, can still log in to that account.
    response = log_in(client, "amina@example.org", PASSWORD, REMOTE_ADDR="198.51.100.7")
    assert response.status_code == 302


def test_one_account_from_many_addresses_is_locked_after_fifty(client, amina):
    for n in range(49):
        log_in(client, "amina@example.org", "fout-wachtwoord", REMOTE_ADDR=f"203.0.113.{n + 1}")
    assert (
        log_in(client, "amina@example.org", PASSWORD, REMOTE_ADDR="198.51.100.7").status_code == 302
    )
    client.post(reverse("accounts:logout"))
    log_in(client, "amina@example.org", "fout-wachtwoord", REMOTE_ADDR="203.0.113.200")  # 50th
    response = log_in(client, "amina@example.org", PASSWORD, REMOTE_ADDR="198.51.100.8")
    assert response.status_code == 429


def test_the_lock_ends_after_the_cool_off(client, amina):
    fail(client, "amina@example.org", 5)
    assert log_in(client, "amina@example.org", PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time="2000-01-01T00:00:00Z")
    assert log_in(client, "amina@example.org", PASSWORD).status_code == 302


def test_the_password_is_never_stored_with_a_failed_attempt(client, amina):
    log_in(client, "amina@example.org", "mijn-bijna-goede-wachtwoord")
    attempt = AccessAttempt.objects.get()
    assert "mijn-bijna-goede-wachtwoord" not in attempt.post_data


def test_the_email_link_still_works_during_a_lock(client, amina):
    fail(client, "amina@example.org", 5)
    client.post(reverse("accounts:email_link_request"), {"email": "amina@example.org"})
    assert len(mail.outbox) == 1


def test_admin_login_page_goes_through_our_login(client):
    response = client.get("/beheer/login/?next=/beheer/")
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:login") + "?next=%2Fbeheer%2F"


def test_client_ip_behind_one_trusted_proxy(rf, settings):
    settings.BONDGENOOT_TRUSTED_PROXY_COUNT = 1
    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 192.0.2.10", REMOTE_ADDR="10.0.0.1")
    # The left entry was written by the client (forgeable); the right one by our proxy.
    assert client_ip(request) == "192.0.2.10"
    settings.BONDGENOOT_TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.1"
    settings.BONDGENOOT_TRUSTED_PROXY_COUNT = 1
    request = rf.get("/", HTTP_X_FORWARDED_FOR="geen-adres", REMOTE_ADDR="10.0.0.1")
    assert client_ip(request) == "10.0.0.1"


# --- forms that send mail -------------------------------------------------------------------


def ask_link(client, email: str, **extra):
    return client.post(reverse("accounts:email_link_request"), {"email": email}, **extra)


def test_login_links_per_address_are_limited(client, amina, throttled):
    for _ in range(3):
        assert ask_link(client, "amina@example.org").status_code == 200
    response = ask_link(client, "Amina@example.org")
    assert response.status_code == 429
    assert "Probeer het over 15 minuten opnieuw" in response.content.decode()
    assert len(mail.outbox) == 3


def test_the_limit_per_address_is_the_same_for_unknown_addresses(client, throttled):
    for _ in range(3):
        ask_link(client, "niemand@example.org")
    assert ask_link(client, "niemand@example.org").status_code == 429


def test_login_links_per_ip_are_limited(client, amina, throttled):
    for n in range(10):
        assert ask_link(client, f"iemand{n}@example.org").status_code == 200
    response = ask_link(client, "amina@example.org")
    assert response.status_code == 429
    assert "Probeer het over 60 minuten opnieuw" in response.content.decode()
    assert not mail.outbox
    # Another address (another visitor) is not affected.
    assert ask_link(client, "amina@example.org", REMOTE_ADDR="198.51.100.7").status_code == 200
    assert len(mail.outbox) == 1


def test_password_reset_mails_are_limited_too(client, amina, throttled):
    for _ in range(3):
        client.post(reverse("accounts:password_reset"), {"email": "amina@example.org"})
    response = client.post(reverse("accounts:password_reset"), {"email": "amina@example.org"})
    assert response.status_code == 429
    assert len(mail.outbox) == 3
