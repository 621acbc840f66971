import pytest
from django.urls import reverse

from bondgenoot.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_landing_shows_demo_log_ins_only_when_demo_hints_are_on(client, settings):
    PersonFactory(user__email="amina@example.org")
    settings.ENABLE_DEMO_HINTS = False
    assert "amina@example.org" not in client.get(reverse("core:home")).content.decode()
    settings.ENABLE_DEMO_HINTS = True
    html = client.get(reverse("core:home")).content.decode()
    assert "amina@example.org" in html
    assert settings.DEMO_LOGIN_PASSWORD in html
    assert "bas@example.org" not in html  # only accounts that exist
    title = html.split("<title>")[1].split("</title>")[0]
    assert "<" not in title and "demo" not in title.lower()


def test_english_is_available(client, amina):
    client.force_login(amina.user)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("core:home")).content.decode()
    assert '<html lang="en"' in html
    assert "My alliances" in html


def test_dutch_is_the_default(client, amina):
    client.force_login(amina.user)
    html = client.get(reverse("core:home")).content.decode()
    assert "Mijn bondgenootschappen" in html


def test_notices_show_on_home_until_read(client, amina):
    from bondgenoot.core.services import notify

    notify(people=[amina], text="Bas doet niet meer mee aan Samen koken.", link="/")
    client.force_login(amina.user)
    assert "Bas doet niet meer mee" in client.get(reverse("core:home")).content.decode()
    assert client.get(reverse("core:notices_read")).status_code == 405
    client.post(reverse("core:notices_read"))
    assert "Bas doet niet meer mee" not in client.get(reverse("core:home")).content.decode()
