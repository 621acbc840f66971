import re

import pytest
from django.core import mail
from django.urls import reverse

from bondgenoot.accounts.models import User
from bondgenoot.people.models import Person

pytestmark = pytest.mark.django_db


def link_in(message) -> str:
    return re.search(r"http://testserver(/\S+)", message.body).group(1)


def test_sign_up_without_password_logs_you_in_and_asks_about_you(client):
    response = client.post(
        reverse("accounts:signup"),
        {"display_name": "Nadia", "email": "nadia@example.org", "neighbourhood": ""},
    )
    assert response["Location"] == reverse("people:profile_edit")
    person = Person.objects.get(user__email="nadia@example.org")
    assert not person.user.has_usable_password()
    assert client.get(reverse("people:profile_edit")).status_code == 200


def test_sign_up_with_a_weak_password_is_refused_and_keeps_the_rest(client):
    response = client.post(
        reverse("accounts:signup"),
        {
            "display_name": "Nadia",
            "email": "nadia@example.org",
            "password1": "123",
            "password2": "123",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="nadia@example.org"' in html
    assert not User.objects.exists()


def test_sign_up_twice_with_the_same_address_gets_a_message(client, amina):
    response = client.post(
        reverse("accounts:signup"), {"display_name": "Amina 2", "email": "AMINA@example.org"}
    )
    assert response.status_code == 200
    assert Person.objects.filter(display_name="Amina 2").count() == 0


def test_sign_up_returns_to_the_invitation_it_came_from(client):
    response = client.post(
        reverse("accounts:signup") + "?next=/bondgenootschappen/uitnodiging/abc/",
        {
            "display_name": "Nadia",
            "email": "nadia@example.org",
            "next": "/bondgenootschappen/uitnodiging/abc/",
        },
    )
    assert response["Location"] == "/bondgenootschappen/uitnodiging/abc/"


def test_sign_up_never_redirects_to_another_site(client):
    response = client.post(
        reverse("accounts:signup"),
        {"display_name": "Nadia", "email": "nadia@example.org", "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("people:profile_edit")


def test_login_with_password_and_logout_by_post(client, amina):
    response = client.post(
        reverse("accounts:login"),
        {"username": "amina@example.org", "password": "geheim-wachtwoord-123"},
    )
    assert response.status_code == 302
    assert client.get(reverse("core:home")).context["person"] == amina
    assert client.get(reverse("accounts:logout")).status_code == 405
    client.post(reverse("accounts:logout"))
    assert "person" not in client.get(reverse("core:home")).context


def test_wrong_password_gets_a_clear_message(client, amina):
    response = client.post(
        reverse("accounts:login"), {"username": "amina@example.org", "password": "fout"}
    )
    assert response.status_code == 200
    assert "inloglink" in response.content.decode()


def test_email_link_logs_in_once(client, amina):
    client.post(reverse("accounts:email_link_request"), {"email": "Amina@example.org"})
    assert len(mail.outbox) == 1
    path = link_in(mail.outbox[0])
    # opening the link (e.g. by a mail scanner) does not log in
    assert client.get(path).status_code == 200
    assert "person" not in client.get(reverse("core:home")).context
    assert client.post(path).status_code == 302
    assert client.get(reverse("core:home")).context["person"] == amina
    client.logout()
    assert client.post(path).status_code == 400  # used up


def test_email_link_for_an_unknown_address_reveals_nothing(client):
    response = client.post(reverse("accounts:email_link_request"), {"email": "niemand@example.org"})
    assert response.status_code == 200
    assert not mail.outbox


def test_email_link_expires(client, amina, settings):
    settings.EMAIL_LOGIN_LINK_TIMEOUT = -1
    client.post(reverse("accounts:email_link_request"), {"email": "amina@example.org"})
    assert client.post(link_in(mail.outbox[0])).status_code == 400


def test_password_reset_by_console_email(client, amina):
    client.post(reverse("accounts:password_reset"), {"email": "amina@example.org"})
    assert len(mail.outbox) == 1
    path = link_in(mail.outbox[0])
    response = client.get(path, follow=True)
    form_path = response.redirect_chain[-1][0]
    client.post(
        form_path,
        {
            "new_password1": "een-nieuw-lang-wachtwoord",
            "new_password2": "een-nieuw-lang-wachtwoord",
        },
    )
    amina.user.refresh_from_db()
    assert amina.user.check_password("een-nieuw-lang-wachtwoord")


def test_a_resident_without_password_can_choose_one(client):
    client.post(reverse("accounts:signup"), {"display_name": "Nadia", "email": "nadia@example.org"})
    client.post(
        reverse("accounts:password_change"),
        {
            "new_password1": "een-nieuw-lang-wachtwoord",
            "new_password2": "een-nieuw-lang-wachtwoord",
        },
    )
    assert User.objects.get(email="nadia@example.org").check_password("een-nieuw-lang-wachtwoord")


def test_pages_need_a_login(client):
    response = client.get(reverse("alliances:list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_site_is_dutch_by_default(client):
    html = client.get(reverse("core:home")).content.decode()
    assert '<html lang="nl"' in html
    assert "Aanmelden" in html
