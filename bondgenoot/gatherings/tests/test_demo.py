"""The gathering of the demo mirrors the 2023 masterclass report, built through the services."""

from collections.abc import Iterator
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoDbBlocker

from bondgenoot.people.models import Person

from ..models import (
    ConversationGroup,
    Gathering,
    GatheringKind,
    GatheringReport,
    GatheringStatus,
    HarvestItem,
    RegistrationStatus,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[None]:
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


def _person(key: str) -> Person:
    return Person.objects.get(user__email=f"{key}@example.org")


def test_one_masterclass_with_a_published_report(demo: None) -> None:
    gathering = Gathering.objects.get(kind=GatheringKind.MASTERCLASS)
    assert gathering.status == GatheringStatus.PUBLISHED
    assert gathering.roles.filter(role="host").count() == 2
    assert gathering.roles.filter(role="guest").count() == 1
    assert ConversationGroup.objects.filter(gathering=gathering).count() == 2
    assert gathering.registrations.filter(status=RegistrationStatus.WAITING).count() == 2
    kinds = set(HarvestItem.objects.filter(gathering=gathering).values_list("kind", flat=True))
    assert kinds == {"insight", "quote", "question", "agreement", "case"}
    assert GatheringReport.objects.get(gathering=gathering).is_published


def test_the_report_has_the_structure_of_the_seed(demo: None) -> None:
    gathering = Gathering.objects.get(kind=GatheringKind.MASTERCLASS)
    client = Client()
    client.force_login(_person("amina").user)
    page = client.get(reverse("gatherings:report", args=[gathering.pk]))
    assert page.status_code == 200
    text = page.content.decode()
    order = [
        "Verslag masterclass bondgenootschappelijk samenwerken",
        "Het thema van de tweede masterclass",
        "Karel Jansen",
        "Vragen aan Bas Hoekstra",
        "Hoe werd je verwelkomd in het buurtteam?",
        "Esra Demir",
        "Groep 1",
        "Groep 2",
        "In het voorjaar volgt een derde masterclass",
        "Esra Demir \u2013 coördinator van Werkcoöperatie De Werkplaats",
    ]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)
    # Kevin did not agree to his quote (yet): it is not there.
    assert "we verantwoorden het wel" not in text
    assert "[citaat" not in text and "[naam" not in text and "[groep" not in text
