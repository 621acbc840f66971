"""Every look by someone else at what a person marked as sensitive is recorded, once per object
shown, in the request that shows it; looks at one's own data and at what is not marked are not.
"""

import datetime

import pytest
from django.db import connection
from django.forms.models import model_to_dict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bondgenoot.alliances import services
from bondgenoot.alliances.models import JournalEntry
from bondgenoot.alliances.tests.factories import AllianceFactory, PartyFactory
from bondgenoot.audit.models import AccessRecord
from bondgenoot.audit.services import roles_towards
from bondgenoot.people import services as people_services
from bondgenoot.people.models import MembershipRole, Visibility
from bondgenoot.people.tests.factories import (
    MembershipFactory,
    PersonFactory,
    share_everything_with,
)

from .conftest import SECRET

pytestmark = pytest.mark.django_db


def _detail(alliance):
    return reverse("alliances:detail", args=[alliance.pk])


def _entry(alliance, entry):
    return reverse("alliances:journal_entry", args=[alliance.pk, entry.pk])


def _get(client, person, url, **kwargs):
    client.force_login(person.user)
    response = client.get(url, **kwargs)
    assert response.status_code == 200
    return response.content.decode()


def test_an_other_party_reading_the_journal_is_recorded_by_name(
    client, alliance, amina, bas, sensitive_entry
):
    html = _get(client, bas, _detail(alliance))
    assert SECRET in html and "Gevoelig: geld" in html
    record = AccessRecord.objects.get()
    assert record.subject == amina and record.actor == bas
    assert (record.actor_role, record.actor_by_name) == ("party", True)
    assert (record.object_type, record.object_id) == ("journal_entry", sensitive_entry.pk)
    assert record.alliance == alliance and record.purpose == "read_journal"
    assert record.field_name == "" and record.viewed_at is not None


def test_a_coordinator_of_a_party_organisation_is_recorded_by_role_and_organisation(
    client, alliance_with_org, amina, gijs, sensitive_entry
):
    _get(client, gijs, _detail(alliance_with_org))
    record = AccessRecord.objects.get()
    assert record.actor == gijs and record.subject == amina
    assert record.actor_role == "coordinator" and not record.actor_by_name
    assert record.actor_organisation == "Buurtteam Vlinderbuurt"


def test_the_writer_reading_their_own_entry_is_not_recorded(
    client, alliance, amina, sensitive_entry
):
    assert SECRET in _get(client, amina, _detail(alliance))
    assert SECRET in _get(client, amina, _entry(alliance, sensitive_entry))
    assert not AccessRecord.objects.exists()


def test_entries_that_are_not_marked_are_not_recorded(client, alliance, bas, plain_entry):
    assert "koffie" in _get(client, bas, _detail(alliance))
    _get(client, bas, _entry(alliance, plain_entry))
    assert not AccessRecord.objects.exists()


def test_one_record_per_sensitive_entry_shown_and_one_insert_per_page(
    client, alliance, amina, bas, sensitive_entry, plain_entry
):
    for i in range(3):
        services.journal_entry_add(
            alliance=alliance,
            author=amina,
            what_happened=f"Bij de huisarts {i}",
            sensitive_topics=["health"],
        )
    _get(client, bas, _detail(alliance))
    assert AccessRecord.objects.count() == 4
    assert AccessRecord.objects.values("look").distinct().count() == 1
    assert set(AccessRecord.objects.values_list("object_id", flat=True)) == set(
        JournalEntry.objects.filter(is_sensitive=True).values_list("pk", flat=True)
    )


def test_a_record_never_holds_the_text(client, alliance_with_org, bas, gijs, sensitive_entry):
    services.journal_entry_edit(
        entry=sensitive_entry,
        by=sensitive_entry.author,
        expected_version=1,
        what_happened=f"Nieuwe tekst {SECRET}",
        what_next=f"Volgende stap {SECRET}",
    )
    _get(client, bas, _detail(alliance_with_org))
    _get(client, gijs, _entry(alliance_with_org, sensitive_entry))
    assert AccessRecord.objects.count() == 2
    for record in AccessRecord.objects.all():
        values = " ".join(str(v) for v in model_to_dict(record).values())
        assert SECRET not in values and "betalingsregeling" not in values


def test_the_entry_page_is_recorded_with_its_own_purpose(
    client, alliance, amina, bas, sensitive_entry
):
    assert SECRET in _get(client, bas, _entry(alliance, sensitive_entry))
    record = AccessRecord.objects.get()
    assert record.purpose == "read_entry" and record.object_id == sensitive_entry.pk


def test_an_earlier_sensitive_text_stays_recorded_after_unmarking(
    client, alliance, amina, bas, sensitive_entry
):
    services.journal_entry_edit(
        entry=sensitive_entry,
        by=amina,
        expected_version=1,
        what_happened="Het is opgelost.",
        is_sensitive=False,
        sensitive_topics=[],
    )
    assert "Gevoelig" not in _get(client, bas, _detail(alliance))
    assert not AccessRecord.objects.exists()  # the journal shows only the new, plain text
    html = _get(client, bas, _entry(alliance, sensitive_entry))
    assert SECRET in html  # the earlier version, still marked
    assert AccessRecord.objects.get().purpose == "read_entry"


def test_htmx_fragments_are_recorded_too(client, alliance, amina, bas, sensitive_entry):
    for i in range(20):  # push the sensitive entry to the second page
        services.journal_entry_add(
            alliance=alliance,
            author=amina,
            what_happened=f"Later {i}",
            occurred_on=datetime.date(2026, 2, 2),
        )
    sensitive_entry.occurred_on = datetime.date(2026, 1, 6)
    sensitive_entry.save()
    client.force_login(bas.user)
    first = client.get(_detail(alliance)).content.decode()
    assert SECRET not in first and not AccessRecord.objects.exists()
    more = client.get(_detail(alliance), {"pagina": 2}, HTTP_HX_REQUEST="true").content.decode()
    assert SECRET in more
    assert AccessRecord.objects.get().object_id == sensitive_entry.pk
    url = reverse("alliances:journal_entry_milestone", args=[alliance.pk, sensitive_entry.pk])
    fragment = client.post(url, {"milestone": "1"}, HTTP_HX_REQUEST="true").content.decode()
    assert SECRET in fragment
    assert AccessRecord.objects.count() == 2


def test_an_erased_text_is_no_longer_recorded(client, alliance, bas, sensitive_entry):
    alliance.status, alliance.ended_on = "ended", datetime.date(2026, 1, 31)
    alliance.save()
    services.alliance_erase_sensitive(alliance=alliance, today=datetime.date(2028, 2, 1))
    html = _get(client, bas, _detail(alliance))
    assert SECRET not in html and "Deze tekst is verwijderd na de bewaartermijn." in html
    assert not AccessRecord.objects.exists()


# Profiles -----------------------------------------------------------------------------------


def _mark(person, *fields, visibility=Visibility.MEMBERS):
    share_everything_with(person, visibility)
    person.lived_experience = f"Ik heb vastgezeten {SECRET}"
    person.sensitive_fields = list(fields)
    person.save()
    return person


def test_a_sensitive_profile_field_seen_by_an_ally_is_recorded_by_name(
    client, alliance, amina, bas
):
    _mark(amina, "lived_experience", visibility=Visibility.ALLIES)
    html = _get(client, bas, reverse("people:person_detail", args=[amina.pk]))
    assert SECRET in html and "Gevoelig" in html
    record = AccessRecord.objects.get()
    assert (record.subject, record.actor, record.actor_role) == (amina, bas, "party")
    assert record.actor_by_name and record.alliance is None
    assert (record.object_type, record.field_name) == ("profile_field", "lived_experience")
    assert record.purpose == "view_profile"


def test_a_stranger_is_recorded_by_role_and_organisation(client, amina, chris, other_org):
    _mark(amina, "lived_experience", "about")
    MembershipFactory(organisation=other_org, person=chris, role=MembershipRole.MEMBER)
    _get(client, chris, reverse("people:person_detail", args=[amina.pk]))
    records = AccessRecord.objects.order_by("field_name")
    assert [r.field_name for r in records] == ["about", "lived_experience"]
    assert {(r.actor_role, r.actor_organisation, r.actor_by_name) for r in records} == {
        ("member", "Welzijn Oost", False)
    }


def test_own_profile_and_unmarked_fields_are_not_recorded(client, amina, chris):
    _mark(amina)  # nothing marked
    _get(client, chris, reverse("people:person_detail", args=[amina.pk]))
    _mark(amina, "lived_experience")
    _get(client, amina, reverse("people:person_detail", args=[amina.pk]))
    assert not AccessRecord.objects.exists()


def test_an_empty_sensitive_field_shows_nothing_and_is_not_recorded(client, amina, chris):
    _mark(amina, "lived_experience")
    amina.lived_experience = ""
    amina.save()
    _get(client, chris, reverse("people:person_detail", args=[amina.pk]))
    assert not AccessRecord.objects.exists()


def test_the_directory_records_only_the_sensitive_fields_its_cards_show(
    client, alliance, amina, bas
):
    _mark(amina, "lived_experience")  # not on a card
    _get(client, bas, reverse("people:directory"))
    assert not AccessRecord.objects.exists()
    _mark(amina, "lived_experience", "strengths")
    html = _get(client, bas, reverse("people:directory"))
    assert "Goed luisteren" in html and "Gevoelig" in html
    record = AccessRecord.objects.get()
    assert (record.subject, record.field_name, record.purpose) == (
        amina,
        "strengths",
        "search_people",
    )


def test_the_directory_writes_one_insert_for_a_whole_page(client, chris):
    together = AllianceFactory()
    PartyFactory(alliance=together, person=chris)

    def allies(n):
        for _ in range(n):
            PartyFactory(alliance=together, person=_mark(PersonFactory(), "strengths", "tags"))

    allies(3)
    client.force_login(chris.user)
    client.get(reverse("people:directory"))
    assert AccessRecord.objects.count() == 3  # strengths (tags are empty)
    allies(12)
    with CaptureQueriesContext(connection) as ctx:
        client.get(reverse("people:directory"))
    inserts = [q for q in ctx.captured_queries if q["sql"].startswith("INSERT")]
    assert len(inserts) == 1 and AccessRecord.objects.count() == 3 + 15


def test_roles_towards_people(alliance_with_org, amina, bas, gijs, chris, dewi, other_alliance):
    assert roles_towards(bas, {amina.pk})[amina.pk].by_name
    via_org = roles_towards(gijs, {amina.pk, bas.pk})
    assert {r.role for r in via_org.values()} == {"coordinator"}
    assert via_org[amina.pk].organisation == "Buurtteam Vlinderbuurt"
    assert roles_towards(amina, {gijs.pk})[gijs.pk].by_name  # gijs acts in her alliance
    stranger = roles_towards(dewi, {amina.pk})[amina.pk]
    assert (stranger.role, stranger.organisation, stranger.by_name) == (
        "coordinator",
        "Welzijn Oost",
        False,
    )
    assert roles_towards(chris, {amina.pk})[amina.pk].role == "neighbour"


def test_profile_marking_is_saved_from_the_form(client, amina):
    client.force_login(amina.user)
    form = client.get(reverse("people:profile_edit")).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update({"lived_experience_sensitive": "on", "neighbourhood": ""})
    response = client.post(reverse("people:profile_edit"), data)
    assert response.status_code == 302
    amina.refresh_from_db()
    assert amina.sensitive_fields == ["lived_experience"]
    html = client.get(reverse("people:profile_edit")).content.decode()
    assert 'name="lived_experience_sensitive" class' in html or "lived_experience_sensitive" in html
    assert people_services.profile_update(person=amina, by=amina, sensitive_fields=[])
    amina.refresh_from_db()
    assert amina.sensitive_fields == []
