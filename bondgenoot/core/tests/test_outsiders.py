"""The outsider matrix: nobody sees an alliance, its journal, contributions or invitations, or a
profile field, that is not theirs.

Every URL pattern of the alliances and people apps is discovered from the URL conf; the test
fails when a pattern has no entry in ``TARGETS`` below, so a new view cannot be forgotten.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from bondgenoot.alliances import services
from bondgenoot.alliances.models import Contribution, ContributionKind, JournalEntry, Party
from bondgenoot.people import services as people_services
from bondgenoot.people.models import Membership, Visibility
from bondgenoot.people.tests.factories import share_everything_with

pytestmark = pytest.mark.django_db

SECRET = "GEHEIM-7f3a"  # appears in every private text of the alliance and profile under test


@dataclass
class World:
    alliance: Any
    entry: Any
    contribution: Any
    invitation: Any
    amina_party: Any
    amina: Any
    org: Any
    membership: Any
    org_invitation: Any


@pytest.fixture
def world(alliance_with_org, amina, bas, gijs, org) -> World:
    alliance = alliance_with_org
    alliance.intention = f"Intentie {SECRET}"
    alliance.save()
    mine = Party.objects.get(alliance=alliance, person=amina)
    his = Party.objects.get(alliance=alliance, person=bas)
    entry = services.journal_entry_add(
        alliance=alliance, author=amina, what_happened=f"Logboek {SECRET}"
    )
    contribution = services.contribution_add(
        alliance=alliance,
        by=amina,
        giver=mine,
        receiver=his,
        kind=ContributionKind.TIME,
        description=f"Bijdrage {SECRET}",
    )
    invitation, _ = services.invitation_create(alliance=alliance, by=amina, message=f"Kom {SECRET}")
    for name in ("about", "strengths", "aspirations", "lived_experience", "limits"):
        setattr(amina, name, f"{name} {SECRET}")
    share_everything_with(amina, Visibility.ALLIES)

    org_invitation, _ = people_services.organisation_invitation_create(organisation=org, by=gijs)
    return World(
        alliance=alliance,
        entry=entry,
        contribution=contribution,
        invitation=invitation,
        amina_party=mine,
        amina=amina,
        org=org,
        membership=Membership.objects.get(organisation=org, person=gijs),
        org_invitation=org_invitation,
    )


# URL name -> (kwargs from the world, what an outsider who is logged in must get)
NOT_FOUND = {404}
REFUSED = {403, 404}
TARGETS: dict[str, tuple[Callable[[World], dict[str, Any]], set[int]]] = {
    "alliances:list": (lambda w: {}, {200}),
    "alliances:start": (lambda w: {}, {200}),
    "alliances:detail": (lambda w: {"pk": w.alliance.pk}, NOT_FOUND),
    "alliances:edit": (lambda w: {"pk": w.alliance.pk}, NOT_FOUND),
    "alliances:party_role": (
        lambda w: {"pk": w.alliance.pk, "party_pk": w.amina_party.pk},
        NOT_FOUND,
    ),
    "alliances:party_leave": (
        lambda w: {"pk": w.alliance.pk, "party_pk": w.amina_party.pk},
        NOT_FOUND,
    ),
    "alliances:organisation_join": (lambda w: {"pk": w.alliance.pk}, NOT_FOUND),
    "alliances:invite": (lambda w: {"pk": w.alliance.pk}, NOT_FOUND),
    "alliances:invitation_withdraw": (
        lambda w: {"pk": w.alliance.pk, "invitation_pk": w.invitation.pk},
        NOT_FOUND,
    ),
    # Without the secret from the link, a guessed secret finds nothing.
    "alliances:invitation": (lambda w: {"secret": "geraden-geheim"}, NOT_FOUND),
    "alliances:invitation_by_id": (lambda w: {"invitation_pk": w.invitation.pk}, NOT_FOUND),
    "alliances:journal_entry_add": (lambda w: {"pk": w.alliance.pk}, NOT_FOUND),
    "alliances:journal_entry": (lambda w: {"pk": w.alliance.pk, "entry_pk": w.entry.pk}, NOT_FOUND),
    "alliances:journal_entry_edit": (
        lambda w: {"pk": w.alliance.pk, "entry_pk": w.entry.pk},
        NOT_FOUND,
    ),
    "alliances:journal_entry_milestone": (
        lambda w: {"pk": w.alliance.pk, "entry_pk": w.entry.pk},
        NOT_FOUND,
    ),
    "alliances:journal_entry_delete": (
        lambda w: {"pk": w.alliance.pk, "entry_pk": w.entry.pk},
        NOT_FOUND,
    ),
    "alliances:contributions": (lambda w: {"pk": w.alliance.pk}, NOT_FOUND),
    "alliances:contribution_add": (lambda w: {"pk": w.alliance.pk}, NOT_FOUND),
    "alliances:contribution_delete": (
        lambda w: {"pk": w.alliance.pk, "contribution_pk": w.contribution.pk},
        NOT_FOUND,
    ),
    "people:directory": (lambda w: {}, {200}),
    "people:person_detail": (lambda w: {"pk": w.amina.pk}, NOT_FOUND),
    "people:profile_edit": (lambda w: {}, {200}),  # always one's own profile
    "people:organisation_list": (lambda w: {}, {200}),
    "people:organisation_create": (lambda w: {}, {200}),
    "people:organisation_detail": (lambda w: {"pk": w.org.pk}, {200}),
    "people:organisation_edit": (lambda w: {"pk": w.org.pk}, REFUSED),
    "people:organisation_invite": (lambda w: {"pk": w.org.pk}, REFUSED),
    "people:organisation_invitation_withdraw": (
        lambda w: {"pk": w.org.pk, "invitation_pk": w.org_invitation.pk},
        REFUSED,
    ),
    "people:membership_role": (
        lambda w: {"pk": w.org.pk, "membership_pk": w.membership.pk},
        REFUSED,
    ),
    "people:membership_end": (
        lambda w: {"pk": w.org.pk, "membership_pk": w.membership.pk},
        REFUSED,
    ),
    "people:organisation_invitation": (lambda w: {"secret": "geraden-geheim"}, NOT_FOUND),
}


def walk(patterns: list[Any], namespace: str = "") -> Iterator[str]:
    for item in patterns:
        if isinstance(item, URLResolver):
            inner = f"{namespace}{item.namespace}:" if item.namespace else namespace
            yield from walk(item.url_patterns, inner)
        elif isinstance(item, URLPattern) and item.name:
            yield f"{namespace}{item.name}"


COVERED_NAMESPACES = ("alliances:", "people:")


def test_every_alliance_and_people_url_is_in_the_matrix():
    names = {n for n in walk(get_resolver().url_patterns) if n.startswith(COVERED_NAMESPACES)}
    assert names - set(TARGETS) == set(), "add the new URL to TARGETS in this test"
    assert set(TARGETS) - names == set()


@pytest.mark.parametrize("method", ["get", "post"])
def test_no_outsider_sees_or_changes_what_is_not_theirs(client, world, outsiders, method):
    checked = 0
    before = (
        JournalEntry.objects.count(),
        Contribution.objects.count(),
        Party.objects.count(),
        Membership.objects.count(),
    )
    for role, person in outsiders.items():
        client.logout()
        if person is not None:
            client.force_login(person.user)
        for name, (kwargs, expected) in TARGETS.items():
            url = reverse(name, kwargs=kwargs(world))
            response = getattr(client, method)(url)
            body = response.content.decode()
            assert SECRET not in body, f"{role} saw private text at {url}"
            if person is None:
                assert response.status_code == 302, f"anonymous got {response.status_code} at {url}"
                assert response["Location"].startswith(reverse("accounts:login"))
            elif response.status_code not in expected | {405}:
                if method == "post" and response.status_code in {200, 302} and expected == {200}:
                    pass  # a public form that answers a POST with validation or its own result
                else:
                    pytest.fail(f"{role}: {method.upper()} {url} gave {response.status_code}")
            checked += 1
    after = (
        JournalEntry.objects.count(),
        Contribution.objects.count(),
        Party.objects.count(),
        Membership.objects.count(),
    )
    assert after == before
    world.alliance.refresh_from_db()
    assert SECRET in world.alliance.intention
    print(f"\noutsider matrix ({method.upper()}): {checked} (URL, role) pairs checked")


INSIDER_GET = {
    "alliances:detail",
    "alliances:edit",
    "alliances:party_role",
    "alliances:party_leave",
    "alliances:invite",
    "alliances:invitation_withdraw",
    "alliances:journal_entry_add",
    "alliances:journal_entry",
    "alliances:journal_entry_edit",
    "alliances:journal_entry_delete",
    "alliances:contributions",
    "alliances:contribution_add",
    "alliances:contribution_delete",
    "people:person_detail",
    "people:organisation_detail",
}


def test_the_people_it_belongs_to_do_see_it(client, world):
    """The other half of the matrix: the same URLs open for a party (so a 404 is meaningful)."""
    client.force_login(world.amina.user)
    for name in INSIDER_GET:
        url = reverse(name, kwargs=TARGETS[name][0](world))
        response = client.get(url)
        assert response.status_code == 200, f"party got {response.status_code} at {url}"
