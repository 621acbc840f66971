"""The demo neighbourhood: loaded once per module through the services, then inspected."""

from collections.abc import Iterator
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count, F, Prefetch
from django.utils import timezone
from pytest_django import DjangoDbBlocker

from bondgenoot.accounts.models import User
from bondgenoot.alliances.models import (
    Alliance,
    AllianceStatus,
    Contribution,
    Invitation,
    JournalEntry,
    JournalEntryRevision,
    Party,
    RevisionKind,
)
from bondgenoot.core.models import InvitationStatus
from bondgenoot.demo import content
from bondgenoot.demo.loader import load_demo
from bondgenoot.people.models import (
    Capacity,
    MembershipRole,
    Organisation,
    OrganisationKind,
    Person,
    Visibility,
)
from bondgenoot.people.profile import PROFILE_FIELDS


@pytest.fixture(scope="module")
def demo_output(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[str]:
    """Load the demo once for this module, inside a transaction that is rolled back after."""
    with django_db_blocker.unblock(), transaction.atomic():
        out = StringIO()
        call_command("load_demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_output: str) -> str:
    return demo_output


def _alliances() -> list[Alliance]:
    return list(
        Alliance.objects.prefetch_related(
            Prefetch("parties", queryset=Party.objects.select_related("person", "organisation"))
        )
    )


def _person(key: str) -> Person:
    return Person.objects.get(user__email=f"{key}@example.org")


@pytest.mark.django_db
def test_counts(demo: str) -> None:
    assert Person.objects.count() == len(content.PEOPLE) == 30
    assert Organisation.objects.count() == 6
    assert Alliance.objects.count() == 15
    assert JournalEntry.objects.count() == sum(len(a.entries) for a in content.ALLIANCES)
    assert Contribution.objects.count() == sum(len(a.contributions) for a in content.ALLIANCES)
    assert "Demo loaded: 30 people, 6 organisations, 15 alliances" in demo


@pytest.mark.django_db
def test_exactly_two_tandems_of_an_expert_by_experience_and_a_professional(demo: str) -> None:
    tandems = [a for a in _alliances() if a.is_tandem]
    assert sorted(a.name for a in tandems) == ["Tandem Kevin en Jeroen", "Tandem Ricardo en Mirjam"]


@pytest.mark.django_db
def test_statuses_are_mixed(demo: str) -> None:
    statuses = dict(
        Alliance.objects.values("status").annotate(n=Count("id")).values_list("status", "n")
    )
    assert statuses == {
        AllianceStatus.ONGOING: 11,
        AllianceStatus.PAUSED: 2,
        AllianceStatus.ENDED: 2,
    }
    for alliance in Alliance.objects.filter(status=AllianceStatus.ENDED):
        assert alliance.ended_on is not None
        assert alliance.ended_on < timezone.localdate()


@pytest.mark.django_db
def test_every_alliance_has_a_journal_and_reciprocity_both_ways(demo: str) -> None:
    for alliance in _alliances():
        entries = alliance.journal.count()
        assert 3 <= entries <= 15, alliance.name
        assert len({e.author_id for e in alliance.journal.all()}) >= 2, alliance.name
        pairs = set(alliance.contributions.values_list("giver_id", "receiver_id"))
        assert any((receiver, giver) in pairs for giver, receiver in pairs), alliance.name
        for party in alliance.parties.all():
            assert party.role, f"{alliance.name}: {party.name} has no role in own words"


@pytest.mark.django_db
def test_residents_give_too(demo: str) -> None:
    professional = [
        OrganisationKind.NEIGHBOURHOOD_TEAM,
        OrganisationKind.MUNICIPAL_TEAM,
        OrganisationKind.WELFARE,
        OrganisationKind.COOPERATIVE,
    ]
    given_by_residents = Contribution.objects.filter(giver__person__isnull=False).exclude(
        giver__person__memberships__organisation__kind__in=professional
    )
    assert given_by_residents.exists()
    assert Contribution.objects.filter(giver__person=_person("amina")).count() >= 3
    assert Contribution.objects.filter(hours__isnull=False).exists()
    assert Contribution.objects.filter(euros__isnull=False).exists()
    assert Contribution.objects.filter(giver__organisation__isnull=False).exists()
    assert Contribution.objects.filter(receiver__organisation__isnull=False).exists()
    kinds = set(Contribution.objects.values_list("kind", flat=True))
    assert kinds == {"time", "knowledge", "experience", "network", "money", "goods", "other"}


@pytest.mark.django_db
def test_journal_has_history_and_milestones(demo: str) -> None:
    assert JournalEntryRevision.objects.filter(kind=RevisionKind.EARLIER).count() == 1
    edited = JournalEntry.objects.get(version=2)
    assert "stickers" in edited.what_happened
    milestones = JournalEntry.objects.filter(is_milestone=True)
    assert milestones.count() >= 10
    assert milestones.exclude(milestone_marked_by=F("author")).exists()


@pytest.mark.django_db
def test_invitations_open_and_declined(demo: str) -> None:
    open_links = Invitation.objects.filter(status=InvitationStatus.OPEN, email="")
    assert open_links.count() == 1
    assert "Open invitation link: /bondgenootschappen/uitnodiging/" in demo
    declined = Invitation.objects.get(status=InvitationStatus.DECLINED)
    assert declined.responded_by == _person("wim")
    assert Invitation.objects.filter(status=InvitationStatus.ACCEPTED).count() == sum(
        len(a.joins) for a in content.ALLIANCES
    )


@pytest.mark.django_db
def test_the_demo_log_ins(demo: str) -> None:
    amina, bas, sanne, noor = (_person(k) for k in ("amina", "bas", "sanne", "noor"))
    amina_alliances = set(Party.objects.filter(person=amina).values_list("alliance", flat=True))
    assert len(amina_alliances) >= 3
    assert Party.objects.filter(person=bas, alliance__in=amina_alliances).exists()
    assert sanne.memberships.get(organisation__name="Buurtteam Vlinderbuurt").role == (
        MembershipRole.COORDINATOR
    )
    assert not Party.objects.filter(person=noor).exists()
    for login in content.DEMO_LOGINS:
        user = User.objects.get(email=login.email)
        assert user.check_password(settings.DEMO_LOGIN_PASSWORD)
        assert login.email in demo
    assert settings.DEMO_LOGIN_PASSWORD in demo


@pytest.mark.django_db
def test_profiles_are_in_own_words_with_mixed_visibility(demo: str) -> None:
    people = list(Person.objects.prefetch_related("tags"))
    assert all(p.about and p.strengths and p.aspirations and p.limits for p in people)
    assert all(p.tags.all() for p in people)
    visibilities = {getattr(p, f.visibility_attr) for p in people for f in PROFILE_FIELDS}
    assert visibilities == set(Visibility.values)
    assert {p.capacity for p in people} == set(Capacity.values)
    languages = {language for p in people for language in p.languages}
    assert {"Arabisch", "Turks", "Papiaments", "Engels", "Sranantongo", "Pools"} <= languages
    neighbourhoods = set(Person.objects.values_list("neighbourhood__name", flat=True))
    assert neighbourhoods == {*content.NEIGHBOURHOODS, None}


@pytest.mark.django_db
def test_organisations_have_coordinators_and_members(demo: str) -> None:
    kinds = set(Organisation.objects.values_list("kind", flat=True))
    assert kinds == set(OrganisationKind.values)
    for organisation in Organisation.objects.all():
        roles = list(organisation.memberships.values_list("role", flat=True))
        assert MembershipRole.COORDINATOR in roles
        assert MembershipRole.MEMBER in roles


@pytest.mark.django_db
def test_dates_tell_a_consistent_story(demo: str) -> None:
    today = timezone.localdate()
    for alliance in _alliances():
        end = alliance.ended_on or today
        joined = {p.person_id: p.joined_on for p in alliance.parties.all() if p.person_id}
        joined_party = {p.pk: p.joined_on for p in alliance.parties.all()}
        assert all(alliance.started_on <= d <= today for d in joined_party.values())
        for entry in alliance.journal.all():
            assert entry.author_id is not None
            assert joined[entry.author_id] <= entry.occurred_on <= end, alliance.name
        for c in alliance.contributions.all():
            assert joined_party[c.giver_id] <= c.given_on <= end, alliance.name
            assert joined_party[c.receiver_id] <= c.given_on, alliance.name


@pytest.mark.django_db
def test_no_names_from_the_seed_reports(demo: str) -> None:
    seed_names = {
        "Bianca", "Astrid", "Vincent", "Patrick", "Burcu", "Yvonne", "Willy", "Firoez",
        "Martin", "Corine", "Karin", "Rob", "Rody", "Kim", "Rijk", "Fay", "Mathijs", "Julia",
        "Eefje",
    }  # fmt: skip
    first_names = {p.display_name.split()[0] for p in Person.objects.all()}
    assert not first_names & seed_names


@pytest.mark.django_db
def test_loading_twice_does_not_duplicate(demo: str) -> None:
    assert load_demo().loaded is False
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "Skipped" in out.getvalue()
    assert Person.objects.count() == 30
    assert Alliance.objects.count() == 15
