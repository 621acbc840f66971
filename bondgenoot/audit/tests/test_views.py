"""The page "Wie keek er mee": who looked at what I marked as sensitive."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from bondgenoot.alliances import services
from bondgenoot.audit.models import AccessRecord
from bondgenoot.audit.services import record_journal_reads
from bondgenoot.people.models import Visibility
from bondgenoot.people.tests.factories import share_everything_with

from .conftest import SECRET

pytestmark = pytest.mark.django_db

URL = reverse("audit:my_access_log")


def _page(client, person, **params):
    client.force_login(person.user)
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_url_is_dutch():
    assert URL == "/wie-keek-er-mee/"


def test_a_party_is_shown_by_name_with_when_why_and_where(
    client, alliance, amina, bas, sensitive_entry
):
    client.force_login(bas.user)
    client.get(reverse("alliances:detail", args=[alliance.pk]))
    html = _page(client, amina)
    assert "Wie keek er mee" in html
    assert "<strong>Bas</strong> (deelnemer)" in html
    assert "Een van je berichten in het logboek" in html
    assert "Het logboek van het bondgenootschap lezen" in html
    assert "Samen de post op orde" in html
    record = AccessRecord.objects.get()
    assert timezone.localtime(record.viewed_at).strftime("%H:%M") in html
    assert SECRET not in html


def test_anyone_else_is_shown_by_role_and_organisation_only(
    client, alliance_with_org, amina, gijs, sensitive_entry
):
    client.force_login(gijs.user)
    client.get(reverse("alliances:journal_entry", args=[alliance_with_org.pk, sensitive_entry.pk]))
    html = _page(client, amina)
    assert "Coördinator van Buurtteam Vlinderbuurt" in html
    assert "Gijs" not in html
    assert "Een bericht en de eerdere versies ervan lezen" in html


def test_profile_looks_name_the_parts_seen(client, amina, chris):
    share_everything_with(amina, Visibility.MEMBERS)
    amina.sensitive_fields = ["lived_experience", "limits"]
    amina.save()
    client.force_login(chris.user)
    client.get(reverse("people:person_detail", args=[amina.pk]))
    html = _page(client, amina)
    assert "<strong>Iemand met een account hier</strong>" in html and "Chris" not in html
    assert "Wat ik heb meegemaakt" in html and "Wat ik niet doe of niet kan" in html
    assert "Het profiel bekijken" in html
    assert html.count('class="bondgenoot-card"') == 1  # one look, two records


def test_only_the_subject_sees_their_records(client, alliance, amina, bas, chris, sensitive_entry):
    client.force_login(bas.user)
    client.get(reverse("alliances:detail", args=[alliance.pk]))
    assert AccessRecord.objects.filter(subject=amina).count() == 1
    for outsider in (bas, chris):
        html = _page(client, outsider)
        assert "Samen de post op orde" not in html and "Bas</strong>" not in html
        assert "Nog niemand anders heeft iets bekeken" in html


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_empty_state_explains_what_is_and_is_not_recorded(client, amina):
    html = _page(client, amina)
    assert "Nog niemand anders heeft iets bekeken dat jij als gevoelig hebt aangegeven." in html
    assert "De tekst zelf schrijven we nooit op." in html
    assert "Iemand uit hetzelfde bondgenootschap zie je met naam." in html
    assert reverse("people:profile_edit") in html


def test_the_list_is_paginated_newest_first(client, alliance, amina, bas, sensitive_entry):
    for _ in range(27):
        record_journal_reads(viewer=bas, alliance=alliance, entries=[sensitive_entry])
    html = _page(client, amina)
    assert html.count('class="bondgenoot-card"') == 25
    assert "Pagina 1 van 2" in html
    assert _page(client, amina, pagina=2).count('class="bondgenoot-card"') == 2


def test_the_page_needs_a_fixed_number_of_queries(client, alliance, amina, bas, sensitive_entry):
    client.force_login(amina.user)
    client.get(URL)
    for _ in range(30):
        record_journal_reads(viewer=bas, alliance=alliance, entries=[sensitive_entry])
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    for _ in range(30):
        record_journal_reads(viewer=bas, alliance=alliance, entries=[sensitive_entry])
    with CaptureQueriesContext(connection) as many:
        client.get(URL)
    assert len(few.captured_queries) == len(many.captured_queries) <= 8


def test_own_profile_links_to_the_page_and_others_do_not(client, alliance, amina, bas):
    share_everything_with(bas)
    client.force_login(amina.user)
    own = client.get(reverse("people:person_detail", args=[amina.pk])).content.decode()
    assert URL in own and "Wie keek er mee" in own
    other = client.get(reverse("people:person_detail", args=[bas.pk])).content.decode()
    assert URL not in other


def test_a_former_party_who_deleted_their_account_is_not_named(
    client, alliance, amina, bas, sensitive_entry
):
    client.force_login(bas.user)
    client.get(reverse("alliances:detail", args=[alliance.pk]))
    services.party_leave(party=bas.parties.get(), by=bas)
    bas.user.delete()
    html = _page(client, amina)
    assert "Bas" not in html
    assert "een oud-deelnemer" in html  # the Dutch of "a former participant"
