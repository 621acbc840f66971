"""The writer marks a journal entry as sensitive, with topics; readers see a discreet marker."""

import pytest
from django.urls import reverse

from bondgenoot.alliances import services
from bondgenoot.alliances.models import JournalEntry, JournalEntryRevision
from bondgenoot.core.errors import ServiceError

pytestmark = pytest.mark.django_db


def test_the_writer_marks_an_entry_with_topics_in_the_form(client, alliance, amina, bas):
    client.force_login(amina.user)
    form = client.get(reverse("alliances:journal_entry_add", args=[alliance.pk])).content.decode()
    assert "Is het gevoelig?" in form and "Dit bericht is gevoelig" in form
    for label in ("Gezondheid", "Geld", "Justitie", "Gezin en familie"):
        assert label in form
    response = client.post(
        reverse("alliances:journal_entry_add", args=[alliance.pk]),
        {
            "occurred_on": "2026-02-01",
            "what_happened": "Brief van de deurwaarder.",
            "sensitive_topics": ["money", "justice"],
        },
    )
    assert response.status_code == 302
    entry = JournalEntry.objects.get()
    assert entry.is_sensitive and entry.sensitive_topics == ["money", "justice"]
    client.force_login(bas.user)
    html = client.get(reverse("alliances:detail", args=[alliance.pk])).content.decode()
    assert "Gevoelig: geld, justitie" in html


def test_sensitive_without_a_topic(alliance, amina, client, bas):
    entry = services.journal_entry_add(
        alliance=alliance, author=amina, what_happened="x", is_sensitive=True
    )
    assert entry.sensitive_topics == []
    client.force_login(bas.user)
    html = client.get(reverse("alliances:journal_entry", args=[alliance.pk, entry.pk])).content
    assert "Gevoelig</span>" in html.decode()


def test_nothing_is_marked_unless_the_writer_does(client, alliance, amina, bas):
    entry = services.journal_entry_add(
        alliance=alliance, author=amina, what_happened="Ik ben ziek en heb schulden."
    )
    assert not entry.is_sensitive and entry.sensitive_topics == []
    client.force_login(bas.user)
    html = client.get(reverse("alliances:detail", args=[alliance.pk])).content.decode()
    assert "Gevoelig" not in html


def test_an_unknown_topic_is_refused(alliance, amina):
    with pytest.raises(ServiceError):
        services.journal_entry_add(
            alliance=alliance, author=amina, what_happened="x", sensitive_topics=["risk"]
        )
    assert not JournalEntry.objects.exists()


def test_editing_changes_the_marking_and_keeps_the_old_one_with_the_old_text(
    client, alliance, amina
):
    entry = services.journal_entry_add(
        alliance=alliance, author=amina, what_happened="Ziekenhuis", sensitive_topics=["health"]
    )
    client.force_login(amina.user)
    url = reverse("alliances:journal_entry_edit", args=[alliance.pk, entry.pk])
    form = client.get(url).content.decode()
    assert 'value="health"' in form and "checked" in form
    response = client.post(
        url,
        {"occurred_on": "2026-02-01", "what_happened": "Alles goed", "version": 1},
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert not entry.is_sensitive and entry.sensitive_topics == []
    revision = JournalEntryRevision.objects.get()
    assert revision.is_sensitive and revision.sensitive_topics == ["health"]
    page = client.get(reverse("alliances:journal_entry", args=[alliance.pk, entry.pk]))
    assert "Gevoelig: gezondheid" in page.content.decode()


def test_a_conflicting_edit_keeps_the_marking_it_was_written_with(alliance, amina):
    entry = services.journal_entry_add(alliance=alliance, author=amina, what_happened="a")
    services.journal_entry_edit(entry=entry, by=amina, expected_version=1, what_happened="b")
    with pytest.raises(Exception, match="stale"):
        services.journal_entry_edit(
            entry=entry,
            by=amina,
            expected_version=1,
            what_happened="c",
            sensitive_topics=["family"],
        )
    conflict = JournalEntryRevision.objects.get(kind="conflict")
    assert conflict.is_sensitive and conflict.sensitive_topics == ["family"]
