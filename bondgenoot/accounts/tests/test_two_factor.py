"""Two-step verification with an authenticator app: setting it up, logging in with a code,
recovery codes, turning it off, and the rule that coordinators and site admins must use it."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse

from bondgenoot.accounts import sessions, twofactor
from bondgenoot.accounts.models import RecoveryCode

from .conftest import PASSWORD, force_login_verified, log_in, turn_on_two_factor

pytestmark = pytest.mark.django_db


def logged_in_as(client) -> str | None:
    return client.session.get("_auth_user_id")


def secret_on_page(html: str) -> str:
    match = re.search(r'<code class="utrecht-code bondgenoot-secret">([A-Z2-7 ]+)</code>', html)
    assert match, "the key is shown as text"
    return match.group(1).replace(" ", "")


# --- setting it up -----------------------------------------------------------------------


def test_setting_up_shows_a_qr_code_and_the_key_then_recovery_codes_once(client, amina):
    client.force_login(amina.user)
    page = client.get(reverse("accounts:two_factor_setup"))
    html = page.content.decode()
    assert '<svg role="img"' in html and "<title>" in html  # inline SVG with a name
    assert "data:" not in html.split('class="bondgenoot-qr-frame"')[1].split("</svg>")[0]
    secret = secret_on_page(html)
    # The same key while the page is open (reloading does not change the app entry).
    assert (
        secret_on_page(client.get(reverse("accounts:two_factor_setup")).content.decode()) == secret
    )

    response = client.post(
        reverse("accounts:two_factor_setup"), {"code": twofactor.totp_code_now(secret)}
    )
    assert response.status_code == 200
    codes = response.context["codes"]
    assert len(codes) == 10
    assert all(code in response.content.decode() for code in codes)
    amina.user.refresh_from_db()
    assert amina.user.has_two_factor
    # Only hashes are stored, and the key is not shown again.
    stored = list(RecoveryCode.objects.filter(user=amina.user).values_list("code_hash", flat=True))
    assert len(stored) == 10
    assert not any(code in h or code.replace("-", "") in h for code in codes for h in stored)
    assert client.get(reverse("accounts:two_factor_setup"))["Location"] == reverse(
        "accounts:security"
    )
    security = client.get(reverse("accounts:security")).content.decode()
    assert secret not in security and twofactor.format_secret(secret) not in security
    assert "10 herstelcodes" in security


def test_a_wrong_first_code_does_not_turn_it_on(client, amina):
    client.force_login(amina.user)
    client.get(reverse("accounts:two_factor_setup"))
    response = client.post(reverse("accounts:two_factor_setup"), {"code": "000000"})
    assert response.status_code == 200
    assert "Deze code klopt niet" in response.content.decode()
    amina.user.refresh_from_db()
    assert not amina.user.has_two_factor


def test_turning_it_on_ends_other_sessions_but_keeps_this_one(client, amina):
    phone = Client()
    log_in(phone, "amina@example.org")
    client.force_login(amina.user)
    secret = secret_on_page(client.get(reverse("accounts:two_factor_setup")).content.decode())
    client.post(reverse("accounts:two_factor_setup"), {"code": twofactor.totp_code_now(secret)})
    assert client.get(reverse("people:profile_edit")).status_code == 200
    assert phone.get(reverse("people:profile_edit")).status_code == 302


# --- logging in ------------------------------------------------------------------------------


def test_after_the_password_you_need_the_code_before_anything_is_logged_in(client, amina):
    secret, _codes = turn_on_two_factor(amina.user)
    response = log_in(client, "amina@example.org")
    assert response["Location"] == reverse("accounts:two_factor_verify")
    assert logged_in_as(client) is None
    # Halfway is not logged in: other pages send you to the login page.
    response = client.get(reverse("people:profile_edit"))
    assert response["Location"].startswith(reverse("accounts:login"))

    key_before = client.cookies[settings.SESSION_COOKIE_NAME].value
    response = client.post(
        reverse("accounts:two_factor_verify"), {"code": twofactor.totp_code_now(secret)}
    )
    assert response.status_code == 302
    assert logged_in_as(client) == str(amina.user.pk)
    assert client.cookies[settings.SESSION_COOKIE_NAME].value != key_before
    assert client.get(reverse("people:profile_edit")).status_code == 200


def test_the_code_page_sends_you_where_you_were_going(client, amina):
    secret, _codes = turn_on_two_factor(amina.user)
    client.post(
        reverse("accounts:login"),
        {"username": "amina@example.org", "password": PASSWORD, "next": "/mijn-profiel/"},
    )
    response = client.post(
        reverse("accounts:two_factor_verify"), {"code": twofactor.totp_code_now(secret)}
    )
    assert response["Location"] == "/mijn-profiel/"


def test_a_wrong_code_does_not_log_in_and_says_so(client, amina):
    turn_on_two_factor(amina.user)
    log_in(client, "amina@example.org")
    response = client.post(reverse("accounts:two_factor_verify"), {"code": "123456"})
    assert response.status_code == 200
    assert "Deze code klopt niet" in response.content.decode()
    assert logged_in_as(client) is None


def test_a_code_works_only_once(client, amina):
    secret, _codes = turn_on_two_factor(amina.user)
    code = twofactor.totp_code_now(secret)
    log_in(client, "amina@example.org")
    client.post(reverse("accounts:two_factor_verify"), {"code": code})
    assert logged_in_as(client) == str(amina.user.pk)
    other = Client()
    log_in(other, "amina@example.org")
    other.post(reverse("accounts:two_factor_verify"), {"code": code})
    assert logged_in_as(other) is None


def test_guessing_codes_locks_like_wrong_passwords(client, amina):
    secret, _codes = turn_on_two_factor(amina.user)
    log_in(client, "amina@example.org")
    for _ in range(4):
        client.post(reverse("accounts:two_factor_verify"), {"code": "000000"})
    response = client.post(reverse("accounts:two_factor_verify"), {"code": "000000"})
    assert response.status_code == 429
    # The halfway login is gone; even the right code and password do not help now.
    response = client.post(
        reverse("accounts:two_factor_verify"), {"code": twofactor.totp_code_now(secret)}
    )
    assert response.status_code == 302
    assert logged_in_as(client) is None
    assert log_in(client, "amina@example.org").status_code == 429


def test_a_recovery_code_works_once_only(client, amina):
    _secret, codes = turn_on_two_factor(amina.user)
    log_in(client, "amina@example.org")
    response = client.post(
        reverse("accounts:two_factor_verify"), {"code": codes[3].upper().replace("-", " ")}
    )
    assert response.status_code == 302
    assert logged_in_as(client) == str(amina.user.pk)
    assert "9 over" in client.get(reverse("core:home")).content.decode()

    other = Client()
    log_in(other, "amina@example.org")
    response = other.post(reverse("accounts:two_factor_verify"), {"code": codes[3]})
    assert response.status_code == 200
    assert logged_in_as(other) is None
    other.post(reverse("accounts:two_factor_verify"), {"code": codes[4]})
    assert logged_in_as(other) == str(amina.user.pk)


def test_an_email_link_also_needs_the_code(client, amina):
    secret, _codes = turn_on_two_factor(amina.user)
    client.post(reverse("accounts:email_link_request"), {"email": "amina@example.org"})
    path = re.search(r"http://testserver(/\S+)", mail.outbox[0].body).group(1)
    response = client.post(path)
    assert response["Location"] == reverse("accounts:two_factor_verify")
    assert logged_in_as(client) is None
    client.post(reverse("accounts:two_factor_verify"), {"code": twofactor.totp_code_now(secret)})
    assert logged_in_as(client) == str(amina.user.pk)


def test_the_halfway_login_expires(client, amina, settings):
    secret, _codes = turn_on_two_factor(amina.user)
    log_in(client, "amina@example.org")
    session = client.session
    session[sessions.PENDING]["at"] -= settings.BONDGENOOT_2FA_PENDING_TIMEOUT + 1
    session.save()
    response = client.post(
        reverse("accounts:two_factor_verify"),
        {"code": twofactor.totp_code_now(secret)},
        follow=True,
    )
    assert response.redirect_chain == [(reverse("accounts:login"), 302)]
    assert "het duurde te lang" in response.content.decode()
    assert logged_in_as(client) is None


def test_the_code_page_without_a_password_first_sends_you_to_log_in(client):
    response = client.get(reverse("accounts:two_factor_verify"))
    assert response["Location"] == reverse("accounts:login")


def test_a_session_that_skipped_the_code_is_ended(client, amina):
    """Any other way in (e.g. a future login path) that did not ask for the code is refused."""
    turn_on_two_factor(amina.user)
    client.force_login(amina.user)
    response = client.get(reverse("people:profile_edit"))
    assert response["Location"].startswith(reverse("accounts:login"))
    assert logged_in_as(client) is None


# --- turning it off, new recovery codes ------------------------------------------------------


def test_turning_it_off_needs_the_password_and_a_code(client, amina):
    secret, _codes = turn_on_two_factor(amina.user)
    force_login_verified(client, amina.user)
    url = reverse("accounts:two_factor_disable")
    response = client.post(url, {"password": "niet-goed", "code": twofactor.totp_code_now(secret)})
    assert "Dit is niet je huidige wachtwoord" in response.content.decode()
    response = client.post(url, {"password": PASSWORD, "code": "000000"})
    assert "Deze code klopt niet" in response.content.decode()
    amina.user.refresh_from_db()
    assert amina.user.has_two_factor

    response = client.post(url, {"password": PASSWORD, "code": twofactor.totp_code_now(secret)})
    assert response["Location"] == reverse("accounts:security")
    amina.user.refresh_from_db()
    assert not amina.user.has_two_factor
    assert not RecoveryCode.objects.filter(user=amina.user).exists()
    # Still logged in here; the next login needs no code.
    assert client.get(reverse("people:profile_edit")).status_code == 200
    other = Client()
    log_in(other, "amina@example.org")
    assert logged_in_as(other) == str(amina.user.pk)


def test_new_recovery_codes_replace_the_old_ones(client, amina):
    secret, old_codes = turn_on_two_factor(amina.user)
    force_login_verified(client, amina.user)
    response = client.post(
        reverse("accounts:recovery_codes_renew"), {"code": twofactor.totp_code_now(secret)}
    )
    new_codes = response.context["codes"]
    assert len(new_codes) == 10 and not set(new_codes) & set(old_codes)
    other = Client()
    log_in(other, "amina@example.org")
    other.post(reverse("accounts:two_factor_verify"), {"code": old_codes[0]})
    assert logged_in_as(other) is None
    other.post(reverse("accounts:two_factor_verify"), {"code": new_codes[0]})
    assert logged_in_as(other) == str(amina.user.pk)


# --- required for coordinators and site admins -----------------------------------------------

SETUP_NL = "coördinator van een organisatie"


def test_a_coordinator_without_two_step_verification_can_only_set_it_up(
    client, gijs, org, two_factor_rule, settings
):
    settings.WHITENOISE_USE_FINDERS = True  # serve static files from the source tree
    log_in(client, "gijs@example.org")
    for url in [reverse("core:home"), reverse("people:profile_edit"), reverse("accounts:security")]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == reverse("accounts:two_factor_setup")
    page = client.get(reverse("accounts:two_factor_setup"))
    assert page.status_code == 200
    assert SETUP_NL in page.content.decode()
    # Static files and logging out still work.
    assert client.get(settings.STATIC_URL + "css/bondgenoot.css").status_code == 200
    client.post(reverse("accounts:logout"))
    assert logged_in_as(client) is None


def test_a_coordinator_without_it_may_still_choose_the_language(client, gijs, org, two_factor_rule):
    log_in(client, "gijs@example.org")
    response = client.post(
        reverse("set_language"), {"language": "en", "next": reverse("accounts:two_factor_setup")}
    )
    assert response["Location"] == reverse("accounts:two_factor_setup")
    page = client.get(reverse("accounts:two_factor_setup")).content.decode()
    assert "coordinator of an organisation" in page


def test_htmx_requests_of_a_coordinator_without_it_go_to_the_setup_page(
    client, gijs, org, two_factor_rule
):
    log_in(client, "gijs@example.org")
    response = client.get(reverse("people:profile_edit"), headers={"HX-Request": "true"})
    assert response["HX-Redirect"] == reverse("accounts:two_factor_setup")


def test_once_set_up_the_coordinator_goes_everywhere(client, gijs, org, two_factor_rule):
    log_in(client, "gijs@example.org")
    secret = secret_on_page(client.get(reverse("accounts:two_factor_setup")).content.decode())
    client.post(reverse("accounts:two_factor_setup"), {"code": twofactor.totp_code_now(secret)})
    assert client.get(reverse("people:profile_edit")).status_code == 200


def test_a_site_admin_must_set_it_up_before_the_admin(client, admin, two_factor_rule):
    log_in(client, "admin@example.org")
    response = client.get("/beheer/")
    assert response["Location"] == reverse("accounts:two_factor_setup")
    page = client.get(reverse("accounts:two_factor_setup")).content.decode()
    assert "beheert deze website" in page


def test_a_site_admin_with_two_step_verification_reaches_the_admin(client, admin, two_factor_rule):
    turn_on_two_factor(admin.user)
    force_login_verified(client, admin.user)
    assert client.get("/beheer/").status_code == 200


def test_a_resident_is_not_required_to(client, amina, two_factor_rule):
    log_in(client, "amina@example.org")
    assert client.get(reverse("people:profile_edit")).status_code == 200


def test_a_plain_member_of_an_organisation_is_not_required_to(client, bas, org, two_factor_rule):
    from bondgenoot.people.tests.factories import MembershipFactory

    MembershipFactory(organisation=org, person=bas)
    log_in(client, "bas@example.org")
    assert client.get(reverse("people:profile_edit")).status_code == 200


def test_the_rule_can_be_switched_off(client, gijs, org, settings):
    settings.BONDGENOOT_REQUIRE_2FA_FOR_COORDINATORS = False
    log_in(client, "gijs@example.org")
    assert client.get(reverse("people:profile_edit")).status_code == 200


# --- asking again before changing how one logs in --------------------------------------------


def test_long_after_logging_in_turning_it_on_asks_the_password(client, amina):
    log_in(client, "amina@example.org")
    session = client.session
    session[sessions.AUTH_AT] -= settings.BONDGENOOT_REAUTH_WINDOW + 60
    session.save()
    url = reverse("accounts:two_factor_setup")
    secret = secret_on_page(client.get(url).content.decode())
    response = client.post(url, {"password": "niet-goed", "code": twofactor.totp_code_now(secret)})
    assert "Dit is niet je huidige wachtwoord" in response.content.decode()
    amina.user.refresh_from_db()
    assert not amina.user.has_two_factor
    response = client.post(url, {"password": PASSWORD, "code": twofactor.totp_code_now(secret)})
    assert response.status_code == 200
    amina.user.refresh_from_db()
    assert amina.user.has_two_factor


def test_long_after_logging_in_by_link_you_log_in_again_first(client):
    from bondgenoot.people.tests.factories import PersonFactory

    person = PersonFactory(user__email="nadia@example.org", user__password=None)
    person.user.set_unusable_password()
    person.user.save()
    client.force_login(person.user)
    session = client.session
    session[sessions.AUTH_AT] -= settings.BONDGENOOT_REAUTH_WINDOW + 60
    session.save()
    response = client.get(reverse("accounts:two_factor_setup"))
    assert response["Location"].startswith(reverse("accounts:login"))
    assert logged_in_as(client) is None


def test_turning_it_on_and_off_is_told_by_email(client, amina, django_capture_on_commit_callbacks):
    client.force_login(amina.user)
    secret = secret_on_page(client.get(reverse("accounts:two_factor_setup")).content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:two_factor_setup"), {"code": twofactor.totp_code_now(secret)})
    assert "Inloggen in twee stappen is aangezet." in mail.outbox[-1].body
    amina.user.refresh_from_db()
    amina.user.totp_last_step = None
    amina.user.save(update_fields=["totp_last_step"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("accounts:two_factor_disable"),
            {"password": PASSWORD, "code": twofactor.totp_code_now(secret)},
        )
    assert "Inloggen in twee stappen is uitgezet." in mail.outbox[-1].body
    assert len(mail.outbox) == 2
    assert all(m.to == ["amina@example.org"] for m in mail.outbox)


def test_a_password_reset_does_not_skip_the_code(client, amina):
    turn_on_two_factor(amina.user)
    client.post(reverse("accounts:password_reset"), {"email": "amina@example.org"})
    path = re.search(r"http://testserver(/\S+)", mail.outbox[0].body).group(1)
    form_path = client.get(path, follow=True).redirect_chain[-1][0]
    new = "een nieuw lang wachtwoord voor amina"
    client.post(form_path, {"new_password1": new, "new_password2": new})
    assert logged_in_as(client) is None
    response = log_in(client, "amina@example.org", new)
    assert response["Location"] == reverse("accounts:two_factor_verify")
    assert logged_in_as(client) is None
