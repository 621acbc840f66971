"""Retention: an alliance that ended is archived (read-only) after RETENTION_ARCHIVE_AFTER_DAYS,
and the texts its writers marked as sensitive are erased after
RETENTION_ERASE_SENSITIVE_AFTER_DAYS, by ``manage.py apply_retention`` (safe to run daily)."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from bondgenoot.alliances import services
from bondgenoot.alliances.models import (
    ERASED_TEXT,
    Alliance,
    Contribution,
    Invitation,
    JournalEntry,
    JournalEntryRevision,
    Party,
)
from bondgenoot.core.errors import ServiceError
from bondgenoot.core.models import InvitationStatus

from .conftest import SECRET

pytestmark = pytest.mark.django_db

ENDED = datetime.date(2026, 3, 1)


def day(n: int) -> datetime.date:
    """n days after the alliance ended."""
    return ENDED + datetime.timedelta(days=n)


def _end(alliance):
    alliance.status, alliance.ended_on = "ended", ENDED
    alliance.save()
    return alliance


def _run(*args):
    out = StringIO()
    call_command("apply_retention", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture
def ended(alliance, amina, bas, sensitive_entry, plain_entry):
    """An ended alliance with a sensitive entry (edited once), a plain one, and a plain entry
    whose earlier text was sensitive."""
    services.journal_entry_edit(
        entry=sensitive_entry,
        by=amina,
        expected_version=1,
        what_happened=f"Bijgewerkt {SECRET}",
        what_we_learned="Samen bellen helpt.",
        what_next="",
    )
    was_sensitive = services.journal_entry_add(
        alliance=alliance, author=bas, what_happened=f"Rechtszaak {SECRET}", is_sensitive=True
    )
    services.journal_entry_edit(
        entry=was_sensitive,
        by=bas,
        expected_version=1,
        what_happened="Niet meer van belang.",
        is_sensitive=False,
    )
    services.invitation_create(alliance=alliance, by=amina, email="nieuw@example.org")
    return _end(alliance)


def test_nothing_happens_before_the_first_period(ended):
    assert "Nothing to do." in _run("--today", str(day(364)))
    ended.refresh_from_db()
    assert ended.archived_on is None and not ended.is_archived


def test_after_the_first_period_the_alliance_is_archived_but_nothing_erased(ended):
    out = _run("--today", str(day(365)))
    assert f"Alliance #{ended.pk} (ended 2026-03-01): archived" in out
    assert "Samen de post op orde" not in out  # the log of the server does not get names
    ended.refresh_from_db()
    assert ended.archived_on == day(365) and ended.sensitive_erased_on is None
    assert JournalEntry.objects.filter(what_happened__contains=SECRET).count() == 1
    assert JournalEntryRevision.objects.filter(what_happened__contains=SECRET).count() == 2
    assert not Invitation.objects.filter(status=InvitationStatus.OPEN).exists()


def test_after_the_second_period_sensitive_texts_and_their_versions_are_erased(
    ended, sensitive_entry, plain_entry
):
    _run("--today", str(day(365)))
    out = _run("--today", str(day(730)))
    assert "erased: 1 sensitive entries, 2 earlier versions" in out
    sensitive_entry.refresh_from_db()
    assert sensitive_entry.what_happened == ERASED_TEXT
    assert sensitive_entry.what_we_learned == ERASED_TEXT
    assert sensitive_entry.what_next == ""  # was empty, stays empty
    assert sensitive_entry.sensitive_topics == [] and sensitive_entry.is_sensitive
    assert sensitive_entry.erased_on == day(730)
    assert not JournalEntryRevision.objects.filter(what_happened__contains=SECRET).exists()
    assert not JournalEntry.objects.filter(what_happened__contains=SECRET).exists()
    assert not JournalEntry.objects.filter(what_we_learned__contains="Samen bellen").exists()
    assert not JournalEntryRevision.objects.filter(what_we_learned__contains="Samen").exists()
    plain_entry.refresh_from_db()
    assert plain_entry.what_happened == "We hebben koffie gedronken."
    assert JournalEntry.objects.filter(what_happened="Niet meer van belang.").exists()


def test_running_it_again_the_same_day_or_later_does_nothing_more(ended, sensitive_entry):
    _run("--today", str(day(800)))
    sensitive_entry.refresh_from_db()
    changed = sensitive_entry.updated_at
    assert "Nothing to do." in _run("--today", str(day(800)))
    assert "Nothing to do." in _run("--today", str(day(900)))
    sensitive_entry.refresh_from_db()
    assert sensitive_entry.updated_at == changed


def test_one_run_late_does_both_steps(ended):
    out = _run("--today", str(day(1000)))
    assert "archived; erased: 1 sensitive entries" in out
    ended.refresh_from_db()
    assert ended.archived_on == day(1000) == ended.sensitive_erased_on


def test_a_dry_run_changes_nothing(ended):
    out = _run("--dry-run", "--today", str(day(730)))
    assert "dry run" in out
    assert "would be archived; would be erased: 1 sensitive entries, 2 earlier versions" in out
    ended.refresh_from_db()
    assert ended.archived_on is None and ended.sensitive_erased_on is None
    assert JournalEntry.objects.filter(what_happened__contains=SECRET).count() == 1
    assert JournalEntryRevision.objects.filter(what_happened__contains=SECRET).count() == 2


def test_the_periods_are_settings(ended, settings):
    settings.RETENTION_ARCHIVE_AFTER_DAYS = 30
    settings.RETENTION_ERASE_SENSITIVE_AFTER_DAYS = 60
    _run("--today", str(day(30)))
    ended.refresh_from_db()
    assert ended.is_archived and ended.sensitive_erased_on is None
    _run("--today", str(day(60)))
    ended.refresh_from_db()
    assert ended.sensitive_erased_on == day(60)


def test_only_ended_alliances_are_touched(alliance, sensitive_entry, monkeypatch):
    services.alliance_update(alliance=alliance, by=sensitive_entry.author, status="paused")
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: day(5000))
    assert "Nothing to do." in _run()
    alliance.refresh_from_db()
    assert not alliance.is_archived


def test_each_alliance_in_its_own_transaction(ended, other_alliance, monkeypatch):
    """A failure with one alliance leaves it as it was; the others are still done."""
    _end(other_alliance)
    real = services.alliance_erase_sensitive

    def erase(*, alliance, today):
        if alliance.pk == ended.pk:
            real(alliance=alliance, today=today)
            raise RuntimeError("disk full")
        return real(alliance=alliance, today=today)

    monkeypatch.setattr(services, "alliance_erase_sensitive", erase)
    err = StringIO()
    with pytest.raises(CommandError, match="1 of 2 alliance"):
        call_command("apply_retention", "--today", str(day(730)), stdout=StringIO(), stderr=err)
    assert f"Alliance #{ended.pk}: not done, left as it was: RuntimeError('disk full')" in (
        err.getvalue()
    )
    ended.refresh_from_db()
    other_alliance.refresh_from_db()
    assert ended.archived_on is None and ended.sensitive_erased_on is None
    assert JournalEntry.objects.filter(what_happened__contains=SECRET).count() == 1
    assert JournalEntryRevision.objects.filter(what_happened__contains=SECRET).count() == 2
    assert other_alliance.archived_on == day(730) == other_alliance.sensitive_erased_on
    monkeypatch.setattr(services, "alliance_erase_sensitive", real)
    assert f"Alliance #{ended.pk}" in _run("--today", str(day(731)))  # retried the next day
    assert not JournalEntry.objects.filter(what_happened__contains=SECRET).exists()


def test_a_wrong_date_is_refused_clearly():
    with pytest.raises(CommandError, match="--today must be a date"):
        _run("--today", "gisteren")


# Archived alliances are read-only --------------------------------------------------------------


@pytest.fixture
def archived(ended):
    services.alliance_archive(alliance=ended, today=day(365))
    return ended


def test_services_refuse_changes_to_an_archived_alliance(archived, amina, bas, sensitive_entry):
    mine = Party.objects.get(alliance=archived, person=amina)
    his = Party.objects.get(alliance=archived, person=bas)
    attempts = [
        lambda: services.journal_entry_add(alliance=archived, author=amina, what_happened="x"),
        lambda: services.journal_entry_edit(
            entry=sensitive_entry, by=amina, expected_version=2, what_happened="x"
        ),
        lambda: services.journal_entry_set_milestone(
            entry=sensitive_entry, by=bas, is_milestone=True
        ),
        lambda: services.contribution_add(
            alliance=archived, by=amina, giver=mine, receiver=his, kind="time", description="x"
        ),
        lambda: services.invitation_create(alliance=archived, by=amina),
        lambda: services.alliance_update(alliance=archived, by=amina, status="ongoing"),
        lambda: services.party_update_role(party=mine, by=amina, role="x"),
    ]
    for attempt in attempts:
        with pytest.raises(ServiceError, match="gearchiveerd"):
            attempt()
    assert JournalEntry.objects.filter(alliance=archived).count() == 3
    assert not Contribution.objects.exists()
    archived.refresh_from_db()
    assert archived.status == "ended"


def test_an_invitation_sent_before_archiving_no_longer_works(archived, amina, chris):
    invitation = Invitation.objects.get()
    assert invitation.status == InvitationStatus.WITHDRAWN
    Invitation.objects.filter(pk=invitation.pk).update(status=InvitationStatus.OPEN, email="")
    with pytest.raises(ServiceError, match="gearchiveerd"):
        services.invitation_accept(invitation=invitation, person=chris)
    assert not Party.objects.filter(person=chris).exists()


def test_the_author_can_still_take_back_their_own_words(archived, amina, sensitive_entry):
    services.journal_entry_delete(entry=sensitive_entry, by=amina)
    assert not JournalEntry.objects.filter(pk=sensitive_entry.pk).exists()


def test_the_page_says_it_is_archived_and_offers_no_changes(client, archived, bas, sensitive_entry):
    client.force_login(bas.user)
    html = client.get(reverse("alliances:detail", args=[archived.pk])).content.decode()
    assert "Dit bondgenootschap is gearchiveerd op 1 maart 2027." in html
    assert "Gearchiveerd" in html
    for name in ("journal_entry_add", "contribution_add", "invite", "edit"):
        assert reverse(f"alliances:{name}", args=[archived.pk]) not in html
    assert "Markeer als mijlpaal" not in html and 'name="milestone"' not in html
    assert reverse("alliances:list") in html
    listing = client.get(reverse("alliances:list")).content.decode()
    assert "Gearchiveerd" in listing


def test_forms_of_an_archived_alliance_send_you_back_with_a_message(
    client, archived, amina, sensitive_entry
):
    client.force_login(amina.user)
    for url in (
        reverse("alliances:journal_entry_add", args=[archived.pk]),
        reverse("alliances:contribution_add", args=[archived.pk]),
        reverse("alliances:edit", args=[archived.pk]),
        reverse("alliances:journal_entry_edit", args=[archived.pk, sensitive_entry.pk]),
    ):
        response = client.post(url, {"what_happened": "toch nog iets"}, follow=True)
        assert response.redirect_chain[-1][0] == reverse("alliances:detail", args=[archived.pk])
        assert "je kunt niets meer toevoegen of veranderen" in response.content.decode()
    assert not JournalEntry.objects.filter(what_happened="toch nog iets").exists()
    entry_page = client.get(
        reverse("alliances:journal_entry", args=[archived.pk, sensitive_entry.pk])
    ).content.decode()
    assert reverse("alliances:journal_entry_edit", args=[archived.pk, sensitive_entry.pk]) not in (
        entry_page
    )
    assert reverse("alliances:journal_entry_delete", args=[archived.pk, sensitive_entry.pk]) in (
        entry_page
    )


def test_after_erasure_the_page_shows_the_placeholder(client, ended, bas, sensitive_entry):
    services.alliance_erase_sensitive(alliance=ended, today=day(730))
    client.force_login(bas.user)
    html = client.get(
        reverse("alliances:journal_entry", args=[ended.pk, sensitive_entry.pk])
    ).content.decode()
    assert SECRET not in html and "Samen bellen" not in html
    assert html.count("Deze tekst is verwijderd na de bewaartermijn.") == 2  # entry + version
    assert "Gevoelig" in html and "Gevoelig: geld" not in html
    assert Alliance.objects.get(pk=ended.pk).sensitive_erased_on == day(730)
