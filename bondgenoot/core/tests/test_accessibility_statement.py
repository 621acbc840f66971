"""The accessibility statement: public, in Dutch, linked from every page."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_anyone_can_read_the_statement(client):
    response = client.get(reverse("core:accessibility"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1" in html and "Toegankelijkheid" in html
    assert "WCAG 2.2" in html
    assert "axe-core" in html
    assert "320 pixels" in html
    assert "toetsenbord" in html
    assert "23 november 2026" in html


@pytest.mark.parametrize("who", ["amina", "chris", "admin"])
def test_logged_in_people_read_the_same_statement(client, request, who):
    person = request.getfixturevalue(who)
    client.force_login(person.user)
    response = client.get(reverse("core:accessibility"))
    assert response.status_code == 200
    assert "WCAG 2.2" in response.content.decode()


def test_it_shows_nothing_about_the_visitor(client, amina):
    client.force_login(amina.user)
    html = client.get(reverse("core:accessibility")).content.decode()
    assert "amina@example.org" not in html


def test_the_footer_links_to_it(client):
    html = client.get(reverse("accounts:login")).content.decode()
    assert f'href="{reverse("core:accessibility")}"' in html


def test_how_to_report_follows_the_setting(client, settings):
    settings.BONDGENOOT_CONTACT_EMAIL = "toegankelijk@gemeente.example"
    html = client.get(reverse("core:accessibility")).content.decode()
    assert 'href="mailto:toegankelijk@gemeente.example"' in html
    del settings.BONDGENOOT_CONTACT_EMAIL
    html = client.get(reverse("core:accessibility")).content.decode()
    assert "mailto:" not in html
    assert "buurtteam" in html


def test_only_get(client):
    assert client.post(reverse("core:accessibility")).status_code == 405
