"""Mijn gegevens: one page with everything about me, and downloads of it."""

import json

import pytest
from django.urls import reverse

from bondgenoot.privacy import exports, selectors, services
from bondgenoot.privacy.models import DataExport

from .conftest import BAS_SECRET
from .helpers import confirm_it_is_me, login

pytestmark = pytest.mark.django_db


def test_overview_shows_everything_grouped_with_links_to_correct_it(client, world, amina):
    login(client, amina)
    response = client.get(reverse("privacy:overview"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    for text in (
        "amina@example.org",  # account
        "Koken voor veel mensen",  # profile field
        "Ik had schulden bij de energieleverancier.",  # a field only I see: it is still my data
        "alleen ik",  # with its visibility
        "koken, wandelen",  # my own tags
        "Nederlands, Arabisch",
        "Samen de post op orde",  # alliance
        "mijn rol: bewoner",
        "We hebben de brieven van de gemeente samen gelezen.",  # journal
        "1 eerdere versie wordt bewaard.",
        "Uitleg over de toeslagen",  # given
        "Mee naar het loket",  # received
        "nieuw@example.org",  # invitation I sent
        "Vindbaar als bondgenoot",  # consent with its history
        "ingetrokken",
        "Bas heeft iets nieuws geschreven.",  # notice
    ):
        assert text in html, text
    for name in ("people:profile_edit", "privacy:email_change", "privacy:consents"):
        assert f'href="{reverse(name)}"' in html
    assert reverse("alliances:detail", args=[world.alliance.pk]) in html
    assert reverse("alliances:journal_entry", args=[world.alliance.pk, world.entry.pk]) in html
    assert BAS_SECRET not in html


def test_overview_query_count_does_not_grow_with_the_data(
    client, world, amina, bas, django_assert_max_num_queries
):
    from bondgenoot.alliances import services as alliance_services
    from bondgenoot.api import services as api_services

    for n in range(15):
        alliance_services.journal_entry_add(
            alliance=world.alliance, author=amina, what_happened=f"Bericht {n}"
        )
    for n in range(3):
        api_services.token_create(person=amina, by=amina, name=f"t{n}", valid_days=30)
    login(client, amina)
    # 34 measured, whatever the number of entries (11 of them: the sections of other apps)
    with django_assert_max_num_queries(35):
        assert client.get(reverse("privacy:overview")).status_code == 200


def test_json_has_stable_keys_iso_dates_and_my_texts_but_no_hidden_texts_of_others(world, amina):
    data = json.loads(exports.render_json(selectors.my_data(amina)).decode("utf-8"))
    assert list(data) == [
        "format",
        "format_version",
        "made_at",
        "account",
        "profile",
        "memberships",
        "alliances",
        "journal_entries",
        "other_earlier_versions",
        "contributions",
        "invitations",
        "consents",
        "notices",
        "downloads",
        "api_tokens",
        "access_log",
        # The sections of the other apps (privacy/sections.py), in the order of INSTALLED_APPS.
        "stories_told",
        "stories_written_down",
        "selection_notes_and_reasons",
        "expenses_recorded",
        "gathering_registrations",
        "gathering_roles",
        "quotes",
        "mirror_answers",
        "cases",
        "case_responses",
    ]
    assert data["account"]["email"] == "amina@example.org"
    assert data["account"]["has_password"] is True
    fields = {f["key"]: f for f in data["profile"]["fields"]}
    assert fields["strengths"]["value"] == "Koken voor veel mensen"
    assert fields["lived_experience"]["visible_to"] == "me"
    assert fields["tags"]["value"] == ["koken", "wandelen"]
    assert fields["languages"]["value"] == ["Nederlands", "Arabisch"]
    assert [a["name"] for a in data["alliances"]] == ["Samen de post op orde"]
    assert data["alliances"][0]["my_role"] == "bewoner"
    entry = data["journal_entries"][0]
    assert entry["what_happened"] == "We hebben de brieven van de gemeente samen gelezen."
    assert entry["date"] == world.entry.occurred_on.isoformat()  # ISO 8601
    assert entry["earlier_versions"][0]["what_happened"] == "Eerste versie van vandaag."
    directions = {c["description"]: c["direction"] for c in data["contributions"]}
    assert directions == {"Uitleg over de toeslagen": "given", "Mee naar het loket": "received"}
    hours = {c["description"]: c["hours"] for c in data["contributions"]}
    assert hours["Uitleg over de toeslagen"] == "1.50"
    assert data["invitations"]["sent"][0]["email"] == "nieuw@example.org"
    assert [(h["purpose"], h["given"]) for h in data["consents"]["history"]] == [
        ("quote_in_report", True),
        ("findable", False),
        ("findable", True),
    ]
    assert data["notices"][0]["text"] == "Bas heeft iets nieuws geschreven."
    assert "T" in data["made_at"] and data["made_at"][:4].isdigit()
    raw = json.dumps(data)
    assert BAS_SECRET not in raw
    assert "Niet op zondag" not in raw


def test_download_page_and_files_need_a_fresh_confirmation(client, world, amina):
    login(client, amina)
    response = client.get(reverse("privacy:download"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("privacy:reauth"))
    response = client.post(reverse("privacy:download_file", args=["json"]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("privacy:reauth"))
    assert DataExport.objects.count() == 0

    confirm_it_is_me(client, next_url=reverse("privacy:download"))
    assert client.get(reverse("privacy:download")).status_code == 200


def test_json_download_is_utf8_no_store_and_recorded(client, world, amina):
    login(client, amina)
    confirm_it_is_me(client)
    response = client.post(reverse("privacy:download_file", args=["json"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Disposition"].startswith('attachment; filename="mijn-gegevens-')
    data = json.loads(response.content.decode("utf-8"))
    assert data["profile"]["name"] == "Amina"
    assert DataExport.objects.filter(person=amina, format="json").count() == 1
    # The next download lists this one.
    again = json.loads(client.post(reverse("privacy:download_file", args=["json"])).content)
    assert [d["format"] for d in again["downloads"]] == ["json"]


def test_html_download_is_a_readable_page_with_my_texts(client, world, amina):
    login(client, amina)
    confirm_it_is_me(client)
    response = client.post(reverse("privacy:download_file", args=["html"]))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode("utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "Mijn gegevens op Bondgenoot: Amina" in html
    assert "We hebben de brieven van de gemeente samen gelezen." in html
    assert "<style>" in html  # readable when opened from the download folder
    assert BAS_SECRET not in html


def test_pdf_download(client, world, amina):
    pytest.importorskip("weasyprint")
    login(client, amina)
    confirm_it_is_me(client)
    response = client.post(reverse("privacy:download_file", args=["pdf"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    assert response.content.startswith(b"%PDF")
    assert DataExport.objects.filter(person=amina, format="pdf").count() == 1


def test_unknown_format_is_not_found(client, amina):
    login(client, amina)
    confirm_it_is_me(client)
    assert client.post(reverse("privacy:download_file", args=["xml"])).status_code == 404
    assert client.get(reverse("privacy:download_file", args=["json"])).status_code == 405


def test_a_download_that_fails_halfway_leaves_nothing(world, amina, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(selectors, "_contributions", broken)
    with pytest.raises(RuntimeError):
        services.data_export_make(person=amina, by=amina, format="json")
    assert DataExport.objects.count() == 0


def test_a_download_whose_record_fails_hands_out_nothing(world, amina, monkeypatch):
    def broken(self, *args, **kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(DataExport, "save", broken)
    with pytest.raises(RuntimeError):
        services.data_export_make(person=amina, by=amina, format="html")
    assert DataExport.objects.count() == 0


def test_nobody_downloads_for_someone_else(world, amina, bas):
    from bondgenoot.core.errors import NotAllowed

    with pytest.raises(NotAllowed):
        services.data_export_make(person=amina, by=bas, format="json")


def test_access_log_is_in_my_data_when_the_audit_app_is_there(world, amina, bas):
    model = selectors.access_records_model()
    if model is None:
        assert selectors.my_data(amina)["access_log"] is None
        return
    model(
        subject=amina,
        actor=bas,
        actor_role="party",
        actor_by_name=True,
        object_type="journal_entry",
        object_id=world.entry.pk,
        alliance=world.alliance,
        purpose="read_entry",
    ).save()
    log = selectors.my_data(amina)["access_log"]
    assert len(log) == 1
    assert log[0]["who"] == "Bas"
    assert log[0]["alliance"] == "Samen de post op orde"
    # bas's own data has no record about amina's
    assert selectors.my_data(bas)["access_log"] == []
