"""generate_data: exact counts, valid rows, the same texts for the same seed."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from bondgenoot.accounts.models import User
from bondgenoot.alliances.models import Alliance, Contribution, JournalEntry, Party
from bondgenoot.people.models import Membership, Neighbourhood, Organisation, Person, Tag


def _generate(seed: int = 7, **options: object) -> str:
    out = StringIO()
    arguments = {"people": 40, "alliances": 30, "entries_per_alliance": 4, "organisations": 3}
    arguments.update(options)
    call_command("generate_data", seed=seed, stdout=out, **arguments)
    return out.getvalue()


def _texts() -> dict[str, list[object]]:
    return {
        "people": list(
            Person.objects.order_by("pk").values_list(
                "display_name",
                "about",
                "strengths",
                "aspirations",
                "lived_experience",
                "limits",
                "capacity",
                "languages",
                "about_visibility",
            )
        ),
        "tags": list(Person.tags.through.objects.order_by("pk").values_list("tag__name")),
        "organisations": list(Organisation.objects.order_by("pk").values_list("name", "kind")),
        "alliances": list(
            Alliance.objects.order_by("pk").values_list("name", "intention", "status")
        ),
        "entries": list(
            JournalEntry.objects.order_by("pk").values_list(
                "what_happened", "what_we_learned", "what_next", "is_milestone", "occurred_on"
            )
        ),
        "contributions": list(
            Contribution.objects.order_by("pk").values_list("kind", "description", "hours")
        ),
    }


def _delete_everything() -> None:
    Contribution.objects.all().delete()  # parties are protected by contributions
    Alliance.objects.all().delete()
    Organisation.objects.all().delete()
    User.objects.all().delete()  # and their people
    Neighbourhood.objects.all().delete()
    Tag.objects.all().delete()


@pytest.mark.django_db
def test_exact_counts() -> None:
    output = _generate()
    assert Person.objects.count() == User.objects.count() == 40
    assert Organisation.objects.count() == 3
    assert Alliance.objects.count() == 30
    assert JournalEntry.objects.count() == 30 * 4
    assert Contribution.objects.count() == 60  # about one per two entries
    assert "journal entries" in output
    assert " s" in output


@pytest.mark.django_db
def test_generated_rows_follow_the_rules() -> None:
    _generate(people=30, alliances=20, entries_per_alliance=5, organisations=6)
    for alliance in Alliance.objects.prefetch_related("parties", "journal", "contributions"):
        parties = list(alliance.parties.all())
        assert 2 <= len(parties) <= 4
        people = [p for p in parties if p.person_id]
        assert len(people) >= 2
        person_ids = {p.person_id for p in people}
        party_ids = {p.pk for p in parties}
        end = alliance.ended_on or alliance.started_on.max
        for entry in alliance.journal.all():
            assert entry.author_id in person_ids
            assert alliance.started_on <= entry.occurred_on <= end
            if entry.is_milestone:
                assert entry.milestone_marked_by_id in person_ids
        for contribution in alliance.contributions.all():
            assert {contribution.giver_id, contribution.receiver_id} <= party_ids
            assert contribution.giver_id != contribution.receiver_id
            assert contribution.recorded_by_id in person_ids
            if contribution.kind == "money":
                assert contribution.euros
    # A sample passes model validation (lengths, choices, constraints).
    for model in (Person, Organisation, Membership, Alliance, Party, JournalEntry, Contribution):
        for obj in model._default_manager.order_by("pk")[:25]:
            obj.full_clean()


@pytest.mark.django_db
def test_same_seed_same_texts_other_seed_other_texts() -> None:
    _generate(seed=3)
    first = _texts()
    _delete_everything()
    _generate(seed=3)
    assert _texts() == first
    _delete_everything()
    _generate(seed=4)
    assert _texts()["people"] != first["people"]


@pytest.mark.django_db
def test_refuses_a_database_with_people_unless_forced() -> None:
    _generate(people=5, alliances=2, entries_per_alliance=1)
    with pytest.raises(CommandError, match="already has people"):
        _generate(people=5, alliances=2, entries_per_alliance=1)
    _generate(people=5, alliances=2, entries_per_alliance=1, force=True)
    assert Person.objects.count() == 10
    assert Alliance.objects.count() == 4


@pytest.mark.django_db
def test_defaults_and_zero_entries() -> None:
    _generate(people=20, alliances=None, entries_per_alliance=0, organisations=None)
    assert Alliance.objects.count() == 10  # people / 2
    assert Organisation.objects.count() == 6  # at least 6
    assert not JournalEntry.objects.exists()
    assert not Contribution.objects.exists()
