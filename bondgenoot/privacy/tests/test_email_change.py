"""Changing the e-mail address: the password again, or links for accounts without one."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from bondgenoot.accounts.models import User
from bondgenoot.people.tests.factories import PersonFactory

from .helpers import PASSWORD, login

pytestmark = pytest.mark.django_db


def test_with_password_the_address_changes_and_the_old_one_is_told(
    client, amina, django_capture_on_commit_callbacks
):
    login(client, amina)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("privacy:email_change"),
            {"email": "Amina.Nieuw@Example.org", "password": PASSWORD},
        )
    assert response.status_code == 302
    amina.user.refresh_from_db()
    assert amina.user.email == "amina.nieuw@example.org"
    assert mail.outbox[-1].to == ["amina@example.org"]
    assert "amina.nieuw@example.org" in mail.outbox[-1].body
    # Still logged in, and the overview shows the new address.
    assert "amina.nieuw@example.org" in client.get(reverse("privacy:overview")).content.decode()


def test_wrong_password_or_a_taken_address_is_refused_in_dutch(client, amina, bas):
    login(client, amina)
    response = client.post(
        reverse("privacy:email_change"), {"email": "ander@example.org", "password": "fout"}
    )
    assert "Dit wachtwoord klopt niet" in response.content.decode()
    response = client.post(
        reverse("privacy:email_change"), {"email": "BAS@example.org", "password": PASSWORD}
    )
    assert "Er is al een account met dit e-mailadres" in response.content.decode()
    amina.user.refresh_from_db()
    assert amina.user.email == "amina@example.org"


@pytest.fixture
def noor(db):
    person = PersonFactory(display_name="Noor", user__email="noor@example.org")
    person.user.set_unusable_password()
    person.user.save()
    return person


def _link() -> str:
    match = re.search(r"https?://\S+", mail.outbox[-1].body)
    assert match
    return match.group(0).replace("http://testserver", "")


def test_without_password_confirm_first_then_a_link_to_the_new_address(client, noor):
    login(client, noor)
    # First: is it really you? (a link to the current address)
    response = client.post(reverse("privacy:email_change"), {"email": "noor@nieuw.example"})
    assert response["Location"].startswith(reverse("privacy:reauth"))
    client.post(reverse("privacy:reauth"), {"next": reverse("privacy:email_change")})
    assert mail.outbox[-1].to == ["noor@example.org"]
    client.post(_link())

    response = client.post(reverse("privacy:email_change"), {"email": "noor@nieuw.example"})
    assert response.status_code == 200
    assert mail.outbox[-1].to == ["noor@nieuw.example"]
    noor.user.refresh_from_db()
    assert noor.user.email == "noor@example.org"  # not yet

    link = _link()
    assert client.get(link).status_code == 200  # opening shows a button, changes nothing
    noor.user.refresh_from_db()
    assert noor.user.email == "noor@example.org"
    client.post(link)
    noor.user.refresh_from_db()
    assert noor.user.email == "noor@nieuw.example"
    # Used up: the old address is part of the link.
    assert client.post(link).status_code == 400


def test_the_new_address_link_works_only_for_its_own_account(client, noor, bas):
    login(client, noor)
    client.post(reverse("privacy:reauth"))
    client.post(_link())
    client.post(reverse("privacy:email_change"), {"email": "noor@nieuw.example"})
    link = _link()
    login(client, bas)
    assert client.post(link).status_code == 400
    assert User.objects.filter(email="bas@example.org").exists()


def test_wrong_passwords_here_count_towards_the_login_lock(client, amina):
    login(client, amina)
    for _ in range(5):
        client.post(
            reverse("privacy:email_change"), {"email": "ander@example.org", "password": "fout"}
        )
    response = client.post(
        reverse("privacy:email_change"), {"email": "ander@example.org", "password": PASSWORD}
    )
    assert response.status_code == 429
    amina.user.refresh_from_db()
    assert amina.user.email == "amina@example.org"
