"""The import and export pages: only coordinators of that organisation; nothing by GET."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from bondgenoot.accounts.models import User
from bondgenoot.people.models import Membership, MembershipRole
from bondgenoot.people.tests.factories import MembershipFactory, NeighbourhoodFactory
from bondgenoot.transfer.models import PendingImport, TransferRecord

from .helpers import csv_bytes, row

pytestmark = pytest.mark.django_db


@pytest.fixture
def oosterpark(db):
    return NeighbourhoodFactory(name="Oosterpark")


def _upload(client, org, data: bytes, name: str = "leden.csv"):
    return client.post(
        reverse("transfer:import", args=[org.pk]),
        {"file": SimpleUploadedFile(name, data, content_type="text/csv")},
    )


def test_coordinator_checks_then_confirms(client, org, gijs, oosterpark):
    client.force_login(gijs.user)
    assert client.get(reverse("transfer:import", args=[org.pk])).status_code == 200
    response = _upload(client, org, csv_bytes(row(1), row(2)))
    assert response.status_code == 200
    assert response.context["report"].ok
    assert "will be added" in response.content.decode() or "toegevoegd" in response.content.decode()
    assert not User.objects.filter(email="vrijwilliger1@example.org").exists()
    key = response.context["key"]
    stored = PendingImport.objects.get()
    assert key not in stored.key_digest  # only the hash is kept
    confirm = client.post(reverse("transfer:import_confirm", args=[org.pk]), {"key": key})
    assert confirm.status_code == 302
    assert Membership.objects.filter(organisation=org).count() == 3
    assert not PendingImport.objects.exists()
    # The key works once.
    again = client.post(reverse("transfer:import_confirm", args=[org.pk]), {"key": key})
    assert again.status_code == 302 and Membership.objects.filter(organisation=org).count() == 3


def test_a_broken_file_shows_row_numbers_and_keeps_nothing(client, org, gijs, oosterpark):
    client.force_login(gijs.user)
    response = _upload(client, org, csv_bytes(row(1), row(2, neighbourhood="Atlantis")))
    assert response.context["key"] is None
    assert [r.number for r in response.context["refused"]] == [3]
    assert not PendingImport.objects.exists()
    cp1252 = csv_bytes(row(1), "x@example.org;Jos\u00e9;;;;;;;2025-03-01;mondeling")
    response = _upload(client, org, cp1252.decode().encode("cp1252"))
    assert "UTF-8" in response.content.decode()
    assert not User.objects.filter(email="vrijwilliger1@example.org").exists()


def test_a_file_over_5_mb_is_refused(client, org, gijs, oosterpark):
    client.force_login(gijs.user)
    big = csv_bytes(row(1)) + b"x" * (5 * 1024 * 1024 + 10)
    response = _upload(client, org, big)
    assert response.status_code == 200
    assert "5 MB" in response.content.decode()


def test_cancel_forgets_the_file(client, org, gijs, oosterpark):
    client.force_login(gijs.user)
    _upload(client, org, csv_bytes(row(1)))
    assert PendingImport.objects.exists()
    client.post(reverse("transfer:import_cancel", args=[org.pk]))
    assert not PendingImport.objects.exists()


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "jsonl"])
def test_export_download_is_recorded(client, org, gijs, fmt):
    client.force_login(gijs.user)
    response = client.post(reverse("transfer:export", args=[org.pk]), {"format": fmt})
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert TransferRecord.objects.get().by == gijs
    assert (
        client.post(reverse("transfer:export", args=[org.pk]), {"format": "pdf"}).status_code == 302
    )


def test_nobody_else_gets_in_and_nothing_is_written(
    client, org, gijs, amina, chris, dewi, other_org, oosterpark
):
    MembershipFactory(organisation=org, person=amina, role=MembershipRole.MEMBER)
    client.force_login(gijs.user)
    key = _upload(client, org, csv_bytes(row(1))).context["key"]
    client.logout()
    urls = [
        ("get", reverse("transfer:import", args=[org.pk]), {}),
        ("post", reverse("transfer:import_confirm", args=[org.pk]), {"key": key}),
        ("post", reverse("transfer:import_cancel", args=[org.pk]), {}),
        ("post", reverse("transfer:export", args=[org.pk]), {"format": "csv"}),
    ]
    for who in (amina, chris, dewi, None):
        client.logout()
        if who is not None:
            client.force_login(who.user)
        for method, url, data in urls:
            response = getattr(client, method)(url, data)
            expected = {302} if who is None else {403, 404}
            assert response.status_code in expected, (who, url)
            if who is None:
                assert "/account/" in response["Location"] or "login" in response["Location"]
        upload = _upload(client, org, csv_bytes(row(2)))
        assert upload.status_code in ({302} if who is None else {403, 404})
    assert PendingImport.objects.count() == 1
    assert not User.objects.filter(email__startswith="vrijwilliger").exists()
    assert not TransferRecord.objects.exists()
    # Another organisation's coordinator does not reach this one through their own page either.
    client.force_login(dewi.user)
    assert client.get(reverse("transfer:import", args=[other_org.pk])).status_code == 200


def test_get_changes_nothing(client, org, gijs):
    client.force_login(gijs.user)
    assert client.get(reverse("transfer:import_confirm", args=[org.pk])).status_code == 405
    assert client.get(reverse("transfer:export", args=[org.pk])).status_code == 405
