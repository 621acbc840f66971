"""The JSON API: the same rules as the pages, for the person behind the session or the token.

Every endpoint: anonymous 401, a stranger and a party of another alliance get nothing of
amina's alliance (404), a revoked or expired token 401; errors in Dutch JSON; reading a
sensitive journal entry is recorded as on the page; the session needs CSRF for writes."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bondgenoot.alliances import services as alliance_services
from bondgenoot.alliances.models import ContributionKind, JournalEntry, Party, SensitiveTopic
from bondgenoot.audit.models import AccessPurpose, AccessRecord
from bondgenoot.people.models import Capacity, Visibility
from bondgenoot.people.tests.factories import NeighbourhoodFactory
from bondgenoot.privacy import services as privacy_services
from bondgenoot.privacy.models import Purpose

from .helpers import call, expired_token_for, revoked_token_for, token_for

pytestmark = pytest.mark.django_db

SECRET = "GEHEIM-api-9c1"


@pytest.fixture
def world(alliance, amina, bas):
    mine = Party.objects.get(alliance=alliance, person=amina)
    his = Party.objects.get(alliance=alliance, person=bas)
    entry = alliance_services.journal_entry_add(
        alliance=alliance,
        author=amina,
        what_happened=f"Logboek {SECRET}",
        is_sensitive=True,
        sensitive_topics=[SensitiveTopic.MONEY],
    )
    alliance_services.contribution_add(
        alliance=alliance,
        by=amina,
        giver=mine,
        receiver=his,
        kind=ContributionKind.TIME,
        description=f"Bijdrage {SECRET}",
        hours=1,
    )
    alliance_services.invitation_create(alliance=alliance, by=amina, message=f"Kom {SECRET}")
    return {"alliance": alliance, "entry": entry}


def urls(alliance_id: int) -> list[tuple[str, str]]:
    """(method, url) of every endpoint with amina's alliance."""
    return [
        ("get", "/api/v1/me"),
        ("patch", "/api/v1/me"),
        ("get", "/api/v1/alliances"),
        ("get", f"/api/v1/alliances/{alliance_id}"),
        ("get", f"/api/v1/alliances/{alliance_id}/journal"),
        ("post", f"/api/v1/alliances/{alliance_id}/journal"),
        ("get", f"/api/v1/alliances/{alliance_id}/contributions"),
        ("get", "/api/v1/invitations"),
        ("get", "/api/v1/allies/search?q=post"),
    ]


BODIES = {"patch": {"about": "Nieuw"}, "post": {"what_happened": "Iets gebeurd"}}
ALLIANCE_URLS = ("/journal", "/contributions")


def test_the_urls_are_named_in_the_api_namespace(world):
    pk = world["alliance"].pk
    assert reverse("api:me") == "/api/v1/me"
    assert reverse("api:alliance", kwargs={"alliance_id": pk}) == f"/api/v1/alliances/{pk}"
    assert reverse("api:openapi-json") == "/api/v1/openapi.json"


def test_anonymous_gets_401_in_dutch_on_every_endpoint(client, world):
    for method, url in urls(world["alliance"].pk):
        response = call(client, method, url, body=BODIES.get(method))
        assert response.status_code == 401, url
        assert response["Content-Type"].startswith("application/json")
        assert "sleutel" in response.json()["detail"]  # Dutch, not the English msgid
        assert "Bearer" in response.json()["detail"]


@pytest.mark.parametrize("kind", ["revoked", "expired", "guessed"])
def test_a_token_that_does_not_work_gets_401_on_every_endpoint(client, world, amina, kind):
    token = {
        "revoked": revoked_token_for,
        "expired": expired_token_for,
        "guessed": lambda p: "bgt_geraden",
    }[kind](amina)
    for method, url in urls(world["alliance"].pk):
        response = call(client, method, url, token=token, body=BODIES.get(method))
        assert response.status_code == 401, url


def test_a_token_that_does_not_work_is_refused_even_with_a_session(client, world, amina):
    client.force_login(amina.user)
    assert call(client, "get", "/api/v1/me", token="bgt_geraden").status_code == 401


@pytest.mark.parametrize("who", ["stranger", "party of another alliance", "coordinator"])
@pytest.mark.parametrize("auth", ["token", "session"])
def test_outsiders_get_404_for_the_alliance_and_see_only_their_own(
    client, world, outsiders, who, auth, dewi
):
    person = {
        "stranger": outsiders["stranger"],
        "party of another alliance": outsiders["party of another alliance"],
        "coordinator": dewi,
    }[who]
    token = token_for(person) if auth == "token" else None
    if auth == "session":
        client.force_login(person.user)
    before = JournalEntry.objects.count()
    for method, url in urls(world["alliance"].pk):
        response = call(client, method, url, token=token, body=BODIES.get(method))
        body = response.content.decode()
        assert SECRET not in body, url
        assert "amina@example.org" not in body, url
        if f"/alliances/{world['alliance'].pk}" in url:
            assert response.status_code == 404, url
            assert response.json()["detail"]
        else:
            assert response.status_code == 200, url
    assert JournalEntry.objects.count() == before
    assert not AccessRecord.objects.exists()


def test_the_alliance_list_has_only_my_alliances(client, world, amina, other_alliance):
    response = call(client, "get", "/api/v1/alliances", token=token_for(amina))
    assert response.status_code == 200
    data = response.json()
    assert [a["id"] for a in data["items"]] == [world["alliance"].pk]
    assert data["count"] == 1 and data["page"] == 1
    assert {p["name"] for p in data["items"][0]["parties"]} == {"Amina", "Bas"}


def test_an_alliance_with_its_parties_and_what_i_may_do(client, world, amina):
    pk = world["alliance"].pk
    data = call(client, "get", f"/api/v1/alliances/{pk}", token=token_for(amina)).json()
    assert data["name"] == "Samen de post op orde"
    assert data["abilities"] == {"can_write": True, "can_invite": True}
    mine = Party.objects.get(alliance_id=pk, person=amina)
    assert data["my_parties"] == [mine.pk]


def test_a_coordinator_of_an_organisation_party_sees_the_alliance(client, alliance_with_org, gijs):
    pk = alliance_with_org.pk
    response = call(client, "get", f"/api/v1/alliances/{pk}/journal", token=token_for(gijs))
    assert response.status_code == 200


def test_reading_a_sensitive_entry_is_recorded_as_on_the_page(client, world, bas):
    pk = world["alliance"].pk
    response = call(client, "get", f"/api/v1/alliances/{pk}/journal", token=token_for(bas))
    assert response.status_code == 200
    items = response.json()["items"]
    assert items[0]["what_happened"] == f"Logboek {SECRET}"
    assert items[0]["sensitive_topics"] == ["money"]
    api_records = list(AccessRecord.objects.values("actor", "subject", "purpose", "object_id"))
    assert api_records == [
        {
            "actor": bas.pk,
            "subject": world["entry"].author_id,
            "purpose": AccessPurpose.READ_JOURNAL,
            "object_id": world["entry"].pk,
        }
    ]
    # The page writes the same record.
    AccessRecord.objects.all()._raw_delete(AccessRecord.objects.db)
    page = Client()
    page.force_login(bas.user)
    assert page.get(reverse("alliances:detail", args=[pk])).status_code == 200
    assert list(AccessRecord.objects.values("actor", "subject", "purpose", "object_id")) == (
        api_records
    )


def test_reading_my_own_sensitive_entry_records_nothing(client, world, amina):
    pk = world["alliance"].pk
    call(client, "get", f"/api/v1/alliances/{pk}/journal", token=token_for(amina))
    assert not AccessRecord.objects.exists()


def test_the_journal_is_paginated(client, world, amina):
    for i in range(25):
        alliance_services.journal_entry_add(
            alliance=world["alliance"], author=amina, what_happened=f"Stap {i}"
        )
    token = token_for(amina)
    url = f"/api/v1/alliances/{world['alliance'].pk}/journal"
    first = call(client, "get", url, token=token).json()
    assert (first["count"], first["pages"], len(first["items"])) == (26, 2, 20)
    second = call(client, "get", url + "?page=2", token=token).json()
    assert len(second["items"]) == 6
    assert call(client, "get", url + "?page=0", token=token).status_code == 422
    assert call(client, "get", url + "?page=99", token=token).json()["page"] == 2


def test_writing_in_the_journal_through_the_service(client, world, bas):
    pk = world["alliance"].pk
    body = {
        "what_happened": "  Samen naar de bank.  ",
        "occurred_on": timezone.localdate().isoformat(),
        "sensitive_topics": ["money"],
    }
    url = f"/api/v1/alliances/{pk}/journal"
    response = call(client, "post", url, token=token_for(bas), body=body)
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["what_happened"] == "Samen naar de bank."
    assert data["is_sensitive"] is True  # choosing a topic marks it, as in the service
    assert data["author"]["name"] == "Bas"
    assert JournalEntry.objects.filter(pk=data["id"], author=bas).exists()


def test_writing_errors_are_dutch_per_field(client, world, bas):
    token = token_for(bas)
    url = f"/api/v1/alliances/{world['alliance'].pk}/journal"
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    cases = [
        {"what_happened": "   "},
        {"what_happened": "x" * 2001},
        {"what_happened": "nul\x00teken"},
        {"what_happened": "los \ud800 teken"},
        {"what_happened": "ok", "sensitive_topics": ["geheim"]},
        {"what_happened": "ok", "occurred_on": tomorrow},
        {"what_happened": "ok", "onbekend": 1},
        {},
    ]
    for body in cases:
        response = call(client, "post", url, token=token, body=body)
        assert response.status_code == 422, (body, response.content)
        data = response.json()
        assert data["detail"] and data["errors"], body
        assert all(e["message"] for e in data["errors"])
    broken = client.post(
        url,
        data="{niet json",
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert broken.status_code == 400
    assert broken.json()["detail"]
    assert JournalEntry.objects.count() == 1


def test_an_archived_alliance_is_read_only(client, world, amina):
    alliance = world["alliance"]
    alliance.archived_on = timezone.localdate()
    alliance.save()
    token = token_for(amina)
    url = f"/api/v1/alliances/{alliance.pk}/journal"
    assert call(client, "get", url, token=token).status_code == 200
    response = call(client, "post", url, token=token, body={"what_happened": "Nog iets"})
    assert response.status_code == 403
    assert "gearchiveerd" in response.json()["detail"]


def test_contributions(client, world, bas):
    url = f"/api/v1/alliances/{world['alliance'].pk}/contributions"
    data = call(client, "get", url, token=token_for(bas)).json()
    assert data["count"] == 1
    item = data["items"][0]
    assert (item["giver"]["name"], item["receiver"]["name"], item["hours"]) == ("Amina", "Bas", 1.0)


def test_invitations_for_me_and_in_my_alliances(client, world, amina, chris):
    alliance_services.invitation_create(
        alliance=world["alliance"], by=amina, email="chris@example.org", message="Doe mee"
    )
    mine = call(client, "get", "/api/v1/invitations", token=token_for(chris)).json()
    assert [i["alliance_name"] for i in mine["for_me"]] == ["Samen de post op orde"]
    assert mine["for_me"][0]["message"] == "Doe mee"
    assert mine["open_in_my_alliances"] == []
    hers = call(client, "get", "/api/v1/invitations", token=token_for(amina)).json()
    assert hers["for_me"] == []
    assert len(hers["open_in_my_alliances"]) == 2
    assert {i["email"] for i in hers["open_in_my_alliances"]} == {"", "chris@example.org"}


def test_my_profile_with_every_part_and_who_may_see_it(client, amina):
    data = call(client, "get", "/api/v1/me", token=token_for(amina)).json()
    assert data["email"] == "amina@example.org"
    assert data["lived_experience"] == "Ik had zelf schulden."
    assert data["visibility"]["about"] == Visibility.ALLIES
    assert data["neighbourhood"]["name"] == "De Vlinderbuurt"


def test_changing_my_profile_through_the_service(client, amina):
    place = NeighbourhoodFactory(name="Oost")
    body = {
        "about": "  Ik kook graag.  ",
        "capacity": Capacity.NOT_NOW,
        "tags": ["koken", "Koken", "wandelen"],
        "languages": ["Nederlands", "Arabisch"],
        "visibility": {"about": Visibility.MEMBERS},
        "sensitive_fields": ["lived_experience"],
        "neighbourhood_id": place.pk,
        "strengths": None,  # null: leave as it is
    }
    response = call(client, "patch", "/api/v1/me", token=token_for(amina), body=body)
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["about"] == "Ik kook graag."
    assert data["strengths"] == "Goed luisteren en samen post sorteren."
    assert data["tags"] == ["koken", "wandelen"]
    assert data["visibility"]["about"] == Visibility.MEMBERS
    assert data["neighbourhood"] == {"id": place.pk, "name": "Oost"}
    amina.refresh_from_db()
    assert amina.capacity == Capacity.NOT_NOW
    assert amina.sensitive_fields == ["lived_experience"]
    cleared = call(
        client, "patch", "/api/v1/me", token=token_for(amina), body={"neighbourhood_id": None}
    )
    assert cleared.json()["neighbourhood"] is None


def test_profile_errors_are_dutch(client, amina):
    token = token_for(amina)
    for body in (
        {"display_name": ""},
        {"neighbourhood_id": 999_999},
        {"capacity": "veel"},
        {"tags": ["x" * 41]},
        {"visibility": {"about": "iedereen"}},
        {"email": "ander@example.org"},
    ):
        response = call(client, "patch", "/api/v1/me", token=token, body=body)
        assert response.status_code == 422, (body, response.content)
        assert response.json()["detail"]
    amina.refresh_from_db()
    assert amina.display_name == "Amina"


def test_the_session_works_and_needs_csrf_for_writes(amina):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(amina.user)
    assert browser.get("/api/v1/me").status_code == 200
    refused = browser.patch("/api/v1/me", data={"about": "x"}, content_type="application/json")
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["detail"]
    browser.get(reverse("people:profile_edit"))  # sets the CSRF cookie
    csrf = browser.cookies["csrftoken"].value
    allowed = browser.patch(
        "/api/v1/me", data={"about": "x"}, content_type="application/json", HTTP_X_CSRFTOKEN=csrf
    )
    assert allowed.status_code == 200
    # A token needs no CSRF.
    tokened = Client(enforce_csrf_checks=True)
    response = call(tokened, "patch", "/api/v1/me", token=token_for(amina), body={"about": "y"})
    assert response.status_code == 200


def test_an_account_without_profile_gets_403(client, django_user_model):
    user = django_user_model.objects.create_user(email="kaal@example.org", password="x" * 12)
    client.force_login(user)
    response = client.get("/api/v1/me")
    assert response.status_code == 403
    assert response.json()["detail"]


def test_the_schema_and_the_root_are_public_and_there_is_no_docs_page(client):
    schema = client.get("/api/v1/openapi.json")
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    assert "/api/v1/alliances/{alliance_id}/journal" in paths
    root = client.get("/api/v1/")
    assert root.status_code == 200
    assert root.json()["openapi"] == "/api/v1/openapi.json"
    assert client.get("/api/v1/docs").status_code in {302, 404}


def test_a_wrong_method_is_405(client, amina):
    assert call(client, "post", "/api/v1/me", token=token_for(amina)).status_code == 405


def test_path_ids_out_of_range_are_422_not_500(client, amina):
    token = token_for(amina)
    for bad in ("0", str(2**64), "abc"):
        response = call(client, "get", f"/api/v1/alliances/{bad}", token=token)
        assert response.status_code == 422, bad


# Ally search -------------------------------------------------------------------------------------


@pytest.fixture
def findable_bas(bas):
    bas.strengths = "Ik help met formulieren en brieven van de gemeente."
    bas.strengths_visibility = Visibility.MEMBERS
    bas.save()
    privacy_services.consents_update(person=bas, by=bas, answers={Purpose.FINDABLE: True})
    return bas


def test_ally_search_finds_by_own_words_with_reasons(client, amina, findable_bas):
    response = call(
        client, "get", "/api/v1/allies/search?q=hulp+bij+brieven", token=token_for(amina)
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["status"] == "ok"
    assert [(h["kind"], h["id"]) for h in data["hits"]] == [("person", findable_bas.pk)]
    assert data["hits"][0]["reasons"]
    assert "score" not in response.content.decode()


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("", "empty"),
        ("de het een", "only_common_words"),
        ("🙂🙂", "no_words"),
        ("brieven " * 300, "too_long"),
        ("brieven&neighbourhood=Nergensbuurt", "unknown_neighbourhood"),
    ],
)
def test_ally_search_bad_input_gets_a_dutch_answer(client, amina, query, status):
    response = call(client, "get", f"/api/v1/allies/search?q={query}", token=token_for(amina))
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["status"] == status
    if status != "ok":
        assert data["message"]


def test_ally_search_refuses_nul_characters(client, amina):
    token = token_for(amina)
    for query in ("q=a%00b", "neighbourhood=a%00b"):
        assert call(client, "get", f"/api/v1/allies/search?{query}", token=token).status_code == 422
