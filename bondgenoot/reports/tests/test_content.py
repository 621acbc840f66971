"""What goes into a report, and what never does."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bondgenoot.alliances.tests.factories import AllianceFactory, JournalEntryFactory, PartyFactory
from bondgenoot.people.tests.factories import PersonFactory
from bondgenoot.privacy.models import Purpose
from bondgenoot.reports import content as report_content
from bondgenoot.reports import services
from bondgenoot.reports.models import ReportScope

from .conftest import consent

pytestmark = pytest.mark.django_db


def milestones(content):
    return [item for item in content["journey"]["items"] if not item["started"]]


def test_without_consent_nobody_is_named_or_quoted(report, lived_year):
    content, depends = report_content.build(report)
    text = str(content)
    assert "Amina" not in text and "Bas" not in text
    assert "woningcorporatie" not in text  # amina did not say yes to quotes
    assert milestones(content)[0]["text"] == ""
    assert content["lessons"]["total"] == 1 and content["lessons"]["items"] == []
    assert depends["named"] == [] and depends["quoted"] == []


def test_with_consent_to_quote_names_of_others_are_still_replaced(report, lived_year, amina):
    consent(amina, Purpose.QUOTE_IN_REPORT)
    content, depends = report_content.build(report)
    milestone = milestones(content)[0]["text"]
    assert "woningcorporatie" in milestone
    assert "Bas" not in milestone and "Deelnemer" in milestone
    assert content["lessons"]["items"][0]["text"] == "Samen bellen is minder eng dan alleen."
    assert depends["quoted"] == [amina.pk]


def test_a_person_who_said_yes_to_their_name_is_named(report, lived_year, amina, bas):
    consent(amina, Purpose.QUOTE_IN_REPORT)
    consent(bas, Purpose.NAME_IN_REPORT)
    content, depends = report_content.build(report)
    assert "Met Bas zelf" in milestones(content)[0]["text"]
    assert depends["named"] == [bas.pk]
    assert "Amina" not in str(content)


def test_sensitive_entries_never_appear(report, lived_year, amina):
    consent(amina, Purpose.QUOTE_IN_REPORT)
    content, _ = report_content.build(report)
    assert "deurwaarder" not in str(content)


def test_the_process_comes_first_and_the_counts_last(report, lived_year):
    content, _ = report_content.build(report)
    keys = list(content)
    assert keys.index("stories") < keys.index("network") < keys.index("money")
    assert keys.index("money") < keys.index("counts")
    assert content["counts"]["journal_entries"] == 2
    assert content["reciprocity"]["residents_gave"] == 2
    assert content["reciprocity"]["both_ways"] == 1


def test_new_connections_only_between_people_who_had_not_met(report, lived_year, amina, bas, org):
    content, _ = report_content.build(report)
    assert content["network"]["new_connections"] == 1  # amina and bas, joined in 2026
    # They already shared an alliance in 2025: not a new connection.
    earlier = AllianceFactory(started_on=datetime.date(2025, 1, 1))
    PartyFactory(alliance=earlier, person=amina, joined_on=datetime.date(2025, 1, 1))
    PartyFactory(alliance=earlier, person=bas, joined_on=datetime.date(2025, 2, 1))
    content, _ = report_content.build(report)
    assert content["network"]["new_connections"] == 0


def test_an_empty_period_gives_a_friendly_empty_report(client, gijs, org, alliance_with_org):
    empty = services.report_create(
        by=gijs,
        organisation=org,
        title="Leeg",
        period_start=datetime.date(2020, 1, 1),
        period_end=datetime.date(2020, 3, 31),
    )
    client.force_login(gijs.user)
    response = client.get(f"/verantwoording/{empty.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Er zijn in deze periode geen mijlpalen" in body or "geen mijlpalen" in body


def test_the_number_of_queries_does_not_grow_with_the_data(report, lived_year, org):
    with CaptureQueriesContext(connection) as small:
        report_content.build(report)
    for n in range(8):
        more = AllianceFactory(started_on=datetime.date(2026, 2, 1))
        PartyFactory(alliance=more, person=None, organisation=org)
        people = [PersonFactory() for _ in range(3)]
        for person in people:
            PartyFactory(alliance=more, person=person)
            JournalEntryFactory(alliance=more, author=person, is_milestone=n % 2 == 0)
    with CaptureQueriesContext(connection) as large:
        content, _ = report_content.build(report)
    assert content["network"]["alliances"] == 9
    assert len(large.captured_queries) == len(small.captured_queries)


def test_a_report_on_chosen_alliances_leaves_the_others_out(gijs, org, alliance_with_org):
    other = AllianceFactory(started_on=datetime.date(2026, 2, 1))
    PartyFactory(alliance=other, person=None, organisation=org)
    chosen = services.report_create(
        by=gijs,
        organisation=org,
        title="Alleen de post",
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 12, 31),
        scope=ReportScope.ALLIANCES,
        alliances=[alliance_with_org],
    )
    content, _ = report_content.build(chosen)
    assert content["network"]["alliances"] == 1


def test_dutch_amounts():
    assert report_content.euros(Decimal("1234.5")) == "€\u00a01.234,50"
    assert report_content.euros(0) == "€\u00a00,00"
    assert report_content.hours(None) == "0"
