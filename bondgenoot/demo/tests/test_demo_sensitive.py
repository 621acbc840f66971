"""The demo has journal entries its writers marked as sensitive, and looks by another party, so
"Wie keek er mee" shows something from the first log-in."""

import pytest
from django.urls import reverse

from bondgenoot.alliances.models import JournalEntry, SensitiveTopic
from bondgenoot.audit.models import AccessRecord
from bondgenoot.demo.loader import load_demo
from bondgenoot.people.models import Person

pytestmark = pytest.mark.django_db


def _person(key: str) -> Person:
    return Person.objects.get(user__email=f"{key}@example.org")


def test_sensitive_entries_and_who_looked(client):
    load_demo()
    amina, bas, kevin, jeroen = (_person(k) for k in ("amina", "bas", "kevin", "jeroen"))
    sensitive = JournalEntry.objects.filter(is_sensitive=True)
    assert {(e.author, tuple(e.sensitive_topics)) for e in sensitive} == {
        (amina, (SensitiveTopic.MONEY,)),
        (kevin, (SensitiveTopic.JUSTICE,)),
    }
    assert {(r.subject, r.actor) for r in AccessRecord.objects.all()} == {
        (amina, bas),
        (kevin, jeroen),
    }
    client.force_login(amina.user)
    html = client.get(reverse("audit:my_access_log")).content.decode()
    assert "Bas Hoekstra" in html
    assert "Samen de post op orde" in html
