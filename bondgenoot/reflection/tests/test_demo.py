"""The demo has two mirror rounds of the neighbourhood team (movement between them) and cases
with responses in every step, made through the services; sanne and kevin (demo log-ins) see
them, an outsider of the team (amina) does not."""

import pytest
from django.urls import reverse

from bondgenoot.demo.loader import load_demo
from bondgenoot.people.models import Person
from bondgenoot.reflection import selectors
from bondgenoot.reflection.models import Case, CasePhase, ReflectionRound

pytestmark = pytest.mark.django_db


def person(key: str) -> Person:
    return Person.objects.get(user__email=f"{key}@example.org")


def test_the_demo_mirror_and_cases(client):
    load_demo()
    winter, spring = ReflectionRound.objects.order_by("opened_at")
    assert not winter.is_open and winter.is_shared_in_report
    assert not spring.is_open

    page = selectors.round_page(person("kevin"), spring)
    assert page["team_view"] and page["submitted"] == 4
    assert page["previous"] == winter
    assert {c.movement for c in page["comparison"]} <= {"right", "same"}
    assert "right" in {c.movement for c in page["comparison"]}

    done = Case.objects.get(phase=CasePhase.TAKEAWAY)
    assert done.takeaway
    assert {r.phase for r in done.responses.all()} == {CasePhase.QUESTIONS, CasePhase.ADVICE}
    assert Case.objects.filter(phase=CasePhase.QUESTIONS).exists()

    for key in ("sanne", "kevin"):
        client.force_login(person(key).user)
        html = client.get(reverse("reflection:round_detail", args=[spring.pk])).content.decode()
        assert 'role="img"' in html and "Spiegel winter" in html
        cases = client.get(reverse("reflection:case_list")).content.decode()
        assert done.title in cases
    client.force_login(person("amina").user)
    assert client.get(reverse("reflection:round_detail", args=[spring.pk])).status_code == 404
    assert client.get(reverse("reflection:case_detail", args=[done.pk])).status_code == 404
