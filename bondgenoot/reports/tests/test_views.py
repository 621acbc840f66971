"""The report pages for the organisation's own people; outsiders are in the site-wide matrix."""

import datetime

import pytest
from django.urls import reverse

from bondgenoot.people.models import MembershipRole
from bondgenoot.people.tests.factories import MembershipFactory
from bondgenoot.reports import services

pytestmark = pytest.mark.django_db


def test_the_list_shows_the_reports_of_my_organisations(client, report, gijs, chris):
    client.force_login(gijs.user)
    body = client.get(reverse("reports:list")).content.decode()
    assert report.title in body and "Verantwoording maken" in body
    client.force_login(chris.user)
    body = client.get(reverse("reports:list")).content.decode()
    assert report.title not in body and "Er zijn nog geen verantwoordingen." in body
    assert client.get(reverse("reports:create")).status_code == 403


def test_a_member_reads_but_does_not_change_or_share(client, report, org, amina):
    MembershipFactory(organisation=org, person=amina, role=MembershipRole.MEMBER)
    client.force_login(amina.user)
    assert client.get(reverse("reports:detail", args=[report.pk])).status_code == 200
    assert client.get(reverse("reports:edit", args=[report.pk])).status_code == 403
    assert client.get(reverse("reports:share", args=[report.pk])).status_code == 403


def test_making_a_report_in_the_browser_form(client, gijs, org, alliance_with_org):
    client.force_login(gijs.user)
    response = client.post(
        reverse("reports:create"),
        {
            "organisation": org.pk,
            "title": "Ons voorjaar",
            "period_start": "2026-01-01",
            "period_end": "2026-06-30",
            "scope": "organisation",
            "introduction": "Wie wij zijn.",
        },
    )
    assert response.status_code == 302
    report = org.reports.get()
    assert report.period_end == datetime.date(2026, 6, 30)


def test_a_wrong_period_is_refused_in_dutch_and_kept(client, gijs, org):
    client.force_login(gijs.user)
    response = client.post(
        reverse("reports:create"),
        {
            "organisation": org.pk,
            "title": "Verkeerd om",
            "period_start": "2026-06-30",
            "period_end": "2026-01-01",
            "scope": "organisation",
            "introduction": "Mijn tekst blijft staan.",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Het eind van de periode ligt vóór het begin." in body
    assert "Mijn tekst blijft staan." in body


def test_choosing_alliances_needs_at_least_one(client, gijs, org):
    client.force_login(gijs.user)
    response = client.post(
        reverse("reports:create"),
        {
            "organisation": org.pk,
            "title": "Een paar",
            "period_start": "2026-01-01",
            "period_end": "2026-06-30",
            "scope": "alliances",
        },
    )
    assert "Kies minstens één bondgenootschap." in response.content.decode()


def test_the_conversation_guide_has_the_five_questions(client, report, gijs):
    services.report_update(report=report, by=gijs, ask="Vertrouwen en een vaste plek.")
    client.force_login(gijs.user)
    body = client.get(reverse("reports:guide", args=[report.pk])).content.decode()
    for question in (
        "Waar staan we?",
        "Waar komen we vandaan?",
        "Wat is voor ons de zin van dit werk?",
        "Wat hebben we geleerd?",
        "Wat vragen we van u?",
    ):
        assert question in body
    assert "Vertrouwen en een vaste plek." in body
    pdf = client.get(reverse("reports:guide_pdf", args=[report.pk]))
    assert pdf["Content-Type"] == "application/pdf"
