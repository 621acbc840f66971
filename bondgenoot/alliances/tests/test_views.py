import re

import pytest
from django.urls import reverse

from bondgenoot.alliances import services
from bondgenoot.alliances.models import Contribution, ContributionKind, JournalEntry, Party
from bondgenoot.alliances.tests.factories import JournalEntryFactory
from bondgenoot.core.models import InvitationStatus

pytestmark = pytest.mark.django_db


def login(client, person):
    client.force_login(person.user)
    return client


def test_start_an_alliance_and_land_on_the_invite_page(client, amina):
    login(client, amina)
    response = client.post(
        reverse("alliances:start"),
        {
            "name": "Samen koken",
            "intention": "Elke week samen eten",
            "way_of_working": "",
            "started_on": "2026-11-01",
            "role": "kok",
        },
    )
    alliance = amina.parties.get().alliance
    assert response.status_code == 302
    assert response["Location"] == reverse("alliances:invite", args=[alliance.pk])
    page = client.get(reverse("alliances:detail", args=[alliance.pk]))
    assert "Samen koken" in page.content.decode()


def test_an_empty_intention_gets_a_dutch_message_and_keeps_the_rest(client, amina):
    login(client, amina)
    response = client.post(
        reverse("alliances:start"),
        {
            "name": "Samen koken",
            "intention": "",
            "started_on": "2026-11-01",
            "way_of_working": "Op dinsdag",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dit veld is verplicht." in html
    assert "Op dinsdag" in html and "Samen koken" in html


def test_alliance_page_shows_intention_parties_journal_and_reciprocity(
    client, alliance, amina, bas
):
    mine = Party.objects.get(alliance=alliance, person=amina)
    his = Party.objects.get(alliance=alliance, person=bas)
    services.journal_entry_add(
        alliance=alliance, author=amina, what_happened="Post gesorteerd", is_milestone=True
    )
    services.contribution_add(
        alliance=alliance,
        by=amina,
        giver=mine,
        receiver=his,
        kind=ContributionKind.KNOWLEDGE,
        description="Recept gedeeld",
    )
    html = login(client, bas).get(reverse("alliances:detail", args=[alliance.pk])).content.decode()
    assert "Samen de post op orde krijgen." in html
    assert "Tandem" in html
    assert "Post gesorteerd" in html
    assert "bondgenoot-timeline__item--milestone" in html
    assert "Recept gedeeld" in html
    assert "Wat we elkaar geven" in html


def test_html_in_a_journal_entry_is_shown_escaped(client, alliance, amina):
    services.journal_entry_add(
        alliance=alliance, author=amina, what_happened='<script>alert("x")</script><b>vet</b>'
    )
    html = (
        login(client, amina).get(reverse("alliances:detail", args=[alliance.pk])).content.decode()
    )
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;vet&lt;/b&gt;" in html


def test_overlong_journal_text_is_refused_in_dutch_and_kept(client, alliance, amina):
    long_text = "woord " * 500
    response = login(client, amina).post(
        reverse("alliances:journal_entry_add", args=[alliance.pk]),
        {"occurred_on": "2026-11-01", "what_happened": long_text},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "gebruik maximaal 2000 tekens" in html
    assert long_text.strip() in html
    assert not JournalEntry.objects.exists()


def test_stale_edit_tells_the_second_writer_and_keeps_both_texts(client, alliance, amina):
    entry = services.journal_entry_add(alliance=alliance, author=amina, what_happened="Begin")
    url = reverse("alliances:journal_entry_edit", args=[alliance.pk, entry.pk])
    login(client, amina)
    first = {"occurred_on": "2026-11-01", "what_happened": "Van de laptop", "version": 1}
    second = {"occurred_on": "2026-11-01", "what_happened": "Van de telefoon", "version": 1}
    assert client.post(url, first).status_code == 302
    response = client.post(url, second)
    html = response.content.decode()
    assert response.status_code == 200
    assert "intussen aangepast" in html or "was changed while you were writing" in html
    assert "Van de laptop" in html and "Van de telefoon" in html
    entry.refresh_from_db()
    assert entry.what_happened == "Van de laptop"
    assert entry.revisions.filter(what_happened="Van de telefoon").exists()
    # saving again from the refreshed form works
    version = re.search(r'name="version" value="(\d+)"', html)
    assert version and version.group(1) == "2"
    second["version"] = 2
    assert client.post(url, second).status_code == 302
    entry.refresh_from_db()
    assert entry.what_happened == "Van de telefoon"


def test_milestone_toggle_is_a_post_and_answers_htmx_with_the_entry(client, alliance, amina, bas):
    entry = JournalEntryFactory(alliance=alliance, author=amina)
    url = reverse("alliances:journal_entry_milestone", args=[alliance.pk, entry.pk])
    login(client, bas)
    assert client.get(url).status_code == 405
    response = client.post(url, {"milestone": "1"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.strip().startswith(f'<li id="entry-{entry.pk}"')
    assert "Mijlpaal" in html
    entry.refresh_from_db()
    assert entry.is_milestone


def test_invite_accept_flow_over_http(client, alliance, amina, chris):
    login(client, amina)
    response = client.post(reverse("alliances:invite", args=[alliance.pk]), {"email": ""})
    link = re.search(
        r'value="(http://testserver/bondgenootschappen/uitnodiging/[^"]+)"',
        response.content.decode(),
    ).group(1)
    path = link.removeprefix("http://testserver")
    client.logout()
    # anonymous: asked to log in first, and comes back
    assert client.get(path)["Location"].startswith(reverse("accounts:login"))
    login(client, chris)
    page = client.get(path).content.decode()
    assert "Samen de post op orde" in page
    response = client.post(path, {"answer": "accept", "role": "buurman"})
    assert response["Location"] == reverse("alliances:detail", args=[alliance.pk])
    assert Party.objects.filter(alliance=alliance, person=chris, role="buurman").exists()
    # second use of the same link: a clear message, nothing changes
    again = client.post(path, {"answer": "accept"}, follow=True).content.decode()
    assert "al gebruikt" in again


def test_the_wrong_person_is_told_the_invitation_is_for_someone_else(client, alliance, amina, eva):
    _invitation, secret = services.invitation_create(
        alliance=alliance, by=amina, email="chris@example.org"
    )
    path = reverse("alliances:invitation", args=[secret])
    html = login(client, eva).get(path).content.decode()
    assert "iemand anders" in html
    client.post(path, {"answer": "accept"})
    assert not Party.objects.filter(alliance=alliance, person=eva).exists()


def test_home_shows_my_alliances_and_invitations_for_my_address(
    client, alliance, amina, bas, chris
):
    services.invitation_create(alliance=alliance, by=amina, email="chris@example.org")
    html = login(client, chris).get(reverse("core:home")).content.decode()
    assert "Uitnodigingen voor jou" in html
    assert "Samen de post op orde" in html
    html = login(client, bas).get(reverse("core:home")).content.decode()
    assert "Samen de post op orde" in html


def test_declining_from_home(client, alliance, amina, chris):
    invitation, _ = services.invitation_create(
        alliance=alliance, by=amina, email="chris@example.org"
    )
    login(client, chris)
    client.post(reverse("alliances:invitation_by_id", args=[invitation.pk]), {"answer": "decline"})
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.DECLINED


def test_contribution_form_offers_only_parties_of_this_alliance(
    client, alliance, amina, other_alliance
):
    html = (
        login(client, amina)
        .get(reverse("alliances:contribution_add", args=[alliance.pk]))
        .content.decode()
    )
    assert ">Bas</option>" in html
    assert ">Eva</option>" not in html


def test_contribution_to_yourself_gets_a_message(client, alliance, amina):
    mine = Party.objects.get(alliance=alliance, person=amina)
    response = login(client, amina).post(
        reverse("alliances:contribution_add", args=[alliance.pk]),
        {
            "giver": mine.pk,
            "receiver": mine.pk,
            "kind": "time",
            "description": "x",
            "given_on": "2026-11-01",
        },
    )
    assert "Kies iemand anders dan de gever." in response.content.decode()
    assert not Contribution.objects.exists()


def test_leave_asks_for_confirmation_first(client, alliance, bas):
    party = Party.objects.get(alliance=alliance, person=bas)
    url = reverse("alliances:party_leave", args=[alliance.pk, party.pk])
    login(client, bas)
    html = client.get(url).content.decode()
    assert "Ja, verlaat het bondgenootschap" in html
    party.refresh_from_db()
    assert party.left_on is None
    client.post(url)
    assert client.get(reverse("alliances:detail", args=[alliance.pk])).status_code == 404


class TestQueryCounts:
    """Pages must not grow an N+1: the count is the same with 3 or 30 entries and parties."""

    def grow(self, alliance, amina, bas, n):
        mine = Party.objects.get(alliance=alliance, person=amina)
        his = Party.objects.get(alliance=alliance, person=bas)
        for i in range(n):
            JournalEntryFactory(alliance=alliance, author=amina if i % 2 else bas)
            Contribution.objects.create(
                alliance=alliance, giver=mine, receiver=his, kind="time", description=f"keer {i}"
            )

    def count(self, client, url, django_assert_max_num_queries):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    def test_alliance_page(self, client, alliance, amina, bas, django_assert_max_num_queries):
        login(client, amina)
        url = reverse("alliances:detail", args=[alliance.pk])
        self.grow(alliance, amina, bas, 3)
        small = self.count(client, url, django_assert_max_num_queries)
        self.grow(alliance, amina, bas, 30)
        assert self.count(client, url, django_assert_max_num_queries) == small
        assert small <= 13

    def test_alliance_page_with_sensitive_entries_read_by_another_party(
        self, client, alliance, amina, bas, django_assert_max_num_queries
    ):
        """Each sensitive entry shown is recorded for its writer: one insert for the whole page
        (the viewer's role comes from the parties the page loaded already), so one query more
        than ``test_alliance_page``, whatever the number of entries."""
        from bondgenoot.audit.models import AccessRecord

        def grow_sensitive(n):
            self.grow(alliance, amina, bas, n)
            JournalEntry.objects.filter(author=amina).update(
                is_sensitive=True, sensitive_topics=["money"]
            )

        login(client, bas)
        url = reverse("alliances:detail", args=[alliance.pk])
        grow_sensitive(3)
        small = self.count(client, url, django_assert_max_num_queries)
        assert AccessRecord.objects.count() == 1
        grow_sensitive(30)
        assert self.count(client, url, django_assert_max_num_queries) == small
        assert AccessRecord.objects.count() == 1 + 10  # a page shows 20 entries, half hers
        assert small <= 13 + 1

    def test_home_page(self, client, amina, bas, django_assert_max_num_queries):
        login(client, amina)
        url = reverse("core:home")
        for i in range(2):
            services.alliance_start(by=amina, name=f"A{i}", intention="x")
        small = self.count(client, url, django_assert_max_num_queries)
        for i in range(12):
            alliance = services.alliance_start(by=amina, name=f"B{i}", intention="x")
            services.journal_entry_add(alliance=alliance, author=amina, what_happened="x")
        assert self.count(client, url, django_assert_max_num_queries) == small
        assert small <= 10


def test_alliance_list_filters_by_status_with_counts(client, alliance, amina):
    ended = services.alliance_start(by=amina, name="Oude klus", intention="x")
    services.alliance_update(alliance=ended, by=amina, status="ended")
    login(client, amina)
    html = client.get(reverse("alliances:list")).content.decode()
    assert "Alle (2)" in html and "Afgerond (1)" in html
    html = client.get(reverse("alliances:list"), {"status": "ended"}).content.decode()
    assert "Oude klus" in html and "Samen de post op orde" not in html
