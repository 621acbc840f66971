"""search_allies: who can be found, through which words, and how fresh the index is.

The rules under test: only people who gave consent to be findable; only the parts of a profile
that every logged-in neighbour may see and that are not marked sensitive; limits and "not right
now" only take people out and are never quoted; never the viewer; organisations by what they do;
every change counts at the next search, also when made by another process (no signal here).
"""

import dataclasses

import pytest
from django.utils import timezone
from django.utils.translation import override

from bondgenoot.accounts.models import User
from bondgenoot.matching import index_store
from bondgenoot.matching.search import AllyHit, SearchStatus, search_allies
from bondgenoot.people import services as people_services
from bondgenoot.people.models import Capacity, Neighbourhood, Person, Visibility
from bondgenoot.people.tests.factories import NeighbourhoodFactory, OrganisationFactory
from bondgenoot.privacy.models import Consent, Purpose
from bondgenoot.privacy.services import consent_set

from .helpers import findable

pytestmark = pytest.mark.django_db

MATCHING_SYNC_SECONDS = 0.5
DEBTS = "Ik help met brieven van de gemeente en met schulden."


def found(viewer, text: str, **kwargs) -> list[str]:
    result = search_allies(viewer=viewer, text=text, **kwargs)
    assert result.status in (SearchStatus.OK, SearchStatus.TOO_LONG), result.message
    return [hit.name for hit in result.hits]


# Who is found ----------------------------------------------------------------------------------


def test_found_by_own_words_with_reasons_in_words_and_no_score(amina, chris):
    findable(amina, strengths=DEBTS)
    with override("nl"):
        result = search_allies(viewer=chris, text="wie kan helpen met geldzorgen")
    assert result.status == SearchStatus.OK and result.message == ""
    [hit] = result.hits
    assert hit.kind == "person" and hit.object == amina and hit.person == amina
    assert "geldzorgen" in hit.themes
    assert "schulden" in hit.words
    assert hit.fields == ["strengths"]
    assert hit.field_labels == ["Waar ik goed in ben"]
    assert hit.why.startswith("Past bij: ") and "Woorden: " in hit.why
    assert any(r.startswith("Staat bij: ") for r in hit.reasons)
    # Nothing that looks like a number about a person.
    names = {f.name for f in dataclasses.fields(AllyHit)}
    assert not names & {"score", "rank", "relevance", "weight"}


def test_without_consent_nobody_is_found(amina, chris):
    findable(amina, strengths=DEBTS)
    consent_set(person=amina, by=amina, purpose=Purpose.FINDABLE, given=False)
    assert found(chris, "schulden") == []


def test_withdrawing_consent_counts_at_once(amina, chris):
    findable(amina, strengths=DEBTS)
    assert found(chris, "schulden") == ["Amina"]
    consent_set(person=amina, by=amina, purpose=Purpose.FINDABLE, given=False)
    assert found(chris, "schulden") == []


def test_withdrawal_in_another_process_counts_at_once(amina, chris):
    """No signal reaches this process: the check of every hit against the database does it."""
    findable(amina, strengths=DEBTS)
    assert found(chris, "schulden") == ["Amina"]
    Consent.objects.filter(person=amina).update(given=False)
    assert found(chris, "schulden") == []
    assert ("person", amina.pk) not in index_store.get_store().docs


def test_a_changed_profile_is_found_at_once(amina, chris):
    findable(amina, strengths=DEBTS)
    assert found(chris, "fiets repareren") == []
    people_services.profile_update(person=amina, by=amina, strengths="Ik repareer fietsen.")
    assert found(chris, "fiets repareren") == ["Amina"]
    assert found(chris, "schulden") == []


def test_a_change_made_by_another_process_is_found_within_a_second(amina, chris):
    findable(amina, strengths=DEBTS)
    assert found(chris, "schulden") == ["Amina"]
    store = index_store.get_store()
    upserts = store.upserts
    # As another server process would: the row changes, no signal reaches this process.
    Person.objects.filter(pk=amina.pk).update(
        strengths="Ik repareer fietsen.", updated_at=timezone.now()
    )
    assert found(chris, "schulden") == []  # the check of every hit sees the new words at once
    store.last_sync -= MATCHING_SYNC_SECONDS  # the sync interval (half a second) has passed
    assert found(chris, "fiets repareren") == ["Amina"]
    assert store.upserts == upserts + 1  # one upsert, no rebuild
    assert store.build_seconds is not None


def test_without_an_interval_every_search_syncs(amina, chris, settings):
    settings.MATCHING_SYNC_SECONDS = 0
    findable(amina, strengths=DEBTS)
    assert found(chris, "schulden") == ["Amina"]
    Person.objects.filter(pk=amina.pk).update(
        strengths="Ik repareer fietsen.", updated_at=timezone.now()
    )
    assert found(chris, "fiets repareren") == ["Amina"]


def test_now_and_then_everything_is_compared(amina, bas, chris):
    findable(amina, strengths=DEBTS)
    findable(bas, strengths=DEBTS)
    assert set(found(chris, "schulden")) == {"Amina", "Bas"}
    store = index_store.get_store()
    # Changes that no sync sees: written long ago (a transaction that committed late).
    long_ago = timezone.now() - timezone.timedelta(hours=1)
    Person.objects.filter(pk=amina.pk).update(strengths="Ik repareer fietsen.", updated_at=long_ago)
    Consent.objects.filter(person=bas).delete()
    store.last_reconcile -= 3600
    assert found(chris, "fiets") == ["Amina"]
    assert ("person", bas.pk) not in store.docs


def test_a_new_person_is_found_without_a_rebuild(amina, bas, chris):
    findable(amina, strengths=DEBTS)
    assert found(chris, "schulden") == ["Amina"]
    built = index_store.get_store().index
    findable(bas, strengths="Ik heb zelf schulden gehad en help nu anderen.")
    assert set(found(chris, "schulden")) == {"Amina", "Bas"}
    assert index_store.get_store().index is built


def test_a_part_made_private_no_longer_matches(amina, bas, alliance, chris):
    findable(amina, strengths=DEBTS, about="Ik fiets graag.")
    assert found(chris, "schulden") == ["Amina"]
    people_services.profile_update(person=amina, by=amina, strengths_visibility=Visibility.ALLIES)
    assert found(chris, "schulden") == []
    # Allies neither: the index holds only what everyone logged in may see.
    assert found(bas, "schulden") == []
    assert found(chris, "fietsen") == ["Amina"]


def test_a_part_made_private_in_another_process_does_not_match(amina, chris):
    findable(amina, strengths=DEBTS, about="Ik fiets graag.")
    assert found(chris, "schulden") == ["Amina"]
    Person.objects.filter(pk=amina.pk).update(strengths_visibility=Visibility.ONLY_ME)
    assert found(chris, "schulden") == []


@pytest.mark.parametrize("level", [Visibility.ALLIES, Visibility.ONLY_ME])
def test_a_stranger_finds_only_words_of_parts_shared_with_everyone(amina, chris, level):
    findable(amina, level=level, strengths=DEBTS)
    people_services.profile_update(
        person=amina,
        by=amina,
        about="Ik kook graag voor de buren.",
        about_visibility=Visibility.MEMBERS,
    )
    assert found(chris, "schulden") == []
    result = search_allies(viewer=chris, text="koken")
    [hit] = result.hits
    assert hit.fields == ["about"]
    assert "schulden" not in " ".join(hit.reasons)


def test_sensitive_parts_are_never_indexed(amina, chris):
    findable(
        amina,
        lived_experience="Ik zat in de schuldsanering.",
        strengths="Ik kook graag.",
        sensitive_fields=["lived_experience"],
    )
    assert found(chris, "schuldsanering") == []
    assert found(chris, "koken") == ["Amina"]
    doc = index_store.get_store().docs[("person", amina.pk)]
    assert "lived_experience" not in doc.fields
    assert "schuldsanering" not in repr(doc)


def test_sensitive_tags_and_languages_are_not_indexed(amina, chris):
    findable(amina, strengths="Ik kook graag.", tags="rouw", languages="Arabisch")
    assert found(chris, "rouw") == ["Amina"]
    people_services.profile_update(person=amina, by=amina, sensitive_fields=["tags", "languages"])
    assert found(chris, "rouw") == []
    doc = index_store.get_store().docs[("person", amina.pk)]
    assert doc.languages == ()


def test_the_viewer_never_finds_themself(amina, chris):
    findable(amina, strengths=DEBTS)
    findable(chris, strengths=DEBTS)
    assert found(amina, "schulden") == ["Chris"]
    assert found(chris, "schulden") == ["Amina"]


def test_an_inactive_or_deleted_account_is_not_found(amina, bas, chris):
    findable(amina, strengths=DEBTS)
    findable(bas, strengths=DEBTS)
    assert set(found(chris, "schulden")) == {"Amina", "Bas"}
    User.objects.filter(pk=amina.user_id).update(is_active=False)  # no signal
    assert found(chris, "schulden") == ["Bas"]
    bas.user.delete()
    assert found(chris, "schulden") == []


def test_limits_exclude_and_are_never_quoted(amina, bas, chris):
    findable(
        amina,
        strengths="Ik help met formulieren.",
        lived_experience="Ik had zelf schulden.",
        limits="Ik help niet met schulden.",
    )
    findable(bas, lived_experience="Ik had zelf schulden.")
    assert found(chris, "schulden") == ["Bas"]
    result = search_allies(viewer=chris, text="formulieren en schulden")
    hits = {hit.name: hit for hit in result.hits}
    assert set(hits) == {"Amina", "Bas"}
    assert hits["Amina"].words == ["formulieren"]  # not "schulden": her limit switches it off
    for hit in result.hits:
        assert "niet met" not in " ".join(hit.reasons)
        assert "limits" not in hit.fields


def test_limits_count_even_when_they_are_private(amina, chris):
    findable(amina, lived_experience="Ik had zelf schulden.", limits="Ik help niet met schulden.")
    people_services.profile_update(person=amina, by=amina, limits_visibility=Visibility.ONLY_ME)
    assert found(chris, "schulden") == []


def test_not_right_now_takes_a_person_out(amina, chris):
    findable(amina, strengths=DEBTS, capacity=Capacity.NOT_NOW)
    assert found(chris, "schulden") == []
    people_services.profile_update(person=amina, by=amina, capacity=Capacity.SOME)
    assert found(chris, "schulden") == ["Amina"]


def test_languages_are_mapped_and_said(amina, bas, chris):
    findable(amina, strengths=DEBTS, languages="Nederlands, Arabisch")
    findable(bas, strengths=DEBTS, languages="Nederlands")
    with override("nl"):
        result = search_allies(viewer=chris, text="hulp met schulden, iemand die Arabisch spreekt")
    assert result.hits[0].name == "Amina"
    assert result.hits[0].languages == ["ar"]
    assert "Spreekt: Arabisch" in result.hits[0].reasons


def test_the_same_neighbourhood_is_a_little_higher(amina, bas, chris):
    north = NeighbourhoodFactory(name="Noord")
    south = NeighbourhoodFactory(name="Zuid")
    findable(amina, strengths=DEBTS, neighbourhood=north)
    findable(bas, strengths=DEBTS, neighbourhood=south)
    people_services.profile_update(person=chris, by=chris, neighbourhood=south)
    chris.refresh_from_db()
    with override("nl"):
        mine = search_allies(viewer=chris, text="schulden")
        chosen = search_allies(viewer=chris, text="schulden", neighbourhood=north)
    assert [h.name for h in mine.hits] == ["Bas", "Amina"]
    assert mine.hits[0].notes == ["In jouw wijk"] and mine.neighbourhood == south
    assert [h.name for h in chosen.hits] == ["Amina", "Bas"]
    assert chosen.hits[0].notes == ["In Noord"]
    by_id = search_allies(viewer=chris, text="schulden", neighbourhood=str(north.pk))
    assert [h.name for h in by_id.hits] == ["Amina", "Bas"]


def test_organisations_are_found_by_what_they_do(amina, chris):
    initiative = OrganisationFactory(
        name="Geldmaatjes Noord", description="Wij helpen bewoners met hun administratie."
    )
    OrganisationFactory(name="Zonder woorden", description="")
    with override("nl"):
        result = search_allies(viewer=chris, text="hulp bij de post en papieren")
    [hit] = result.hits
    assert hit.kind == "organisation" and hit.object == initiative and hit.organisation
    assert hit.field_labels == ["Wat we doen"]
    initiative.description = "Wij koken samen."
    initiative.save()
    assert found(chris, "administratie") == []


# Bad questions ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "status", "dutch"),
    [
        ("", SearchStatus.EMPTY, "Typ waar je hulp bij zoekt."),
        ("   ", SearchStatus.EMPTY, "Typ waar je hulp bij zoekt."),
        ("🙂🙂🙂 👍", SearchStatus.NO_WORDS, "woorden"),
        ("de het een en of", SearchStatus.ONLY_COMMON_WORDS, "gewone woorden"),
    ],
)
def test_a_question_that_cannot_be_searched_gets_a_dutch_answer(chris, text, status, dutch):
    with override("nl"):
        result = search_allies(viewer=chris, text=text)
    assert result.status == status and not result.searched
    assert dutch in result.message
    assert result.hits == []


def test_a_very_long_question_is_searched_with_its_start_and_says_so(amina, chris):
    findable(amina, strengths=DEBTS)
    text = "schulden " + "bla " * 500  # 2,009 characters
    with override("nl"):
        result = search_allies(viewer=chris, text=text)
    assert result.status == SearchStatus.TOO_LONG and result.searched
    assert "1000" in result.message and "lang" in result.message
    assert [h.name for h in result.hits] == ["Amina"]


@pytest.mark.parametrize("value", ["999999", "Atlantis", "12abc", "x" * 5000])
def test_an_unknown_neighbourhood_gets_a_dutch_answer(chris, value):
    with override("nl"):
        result = search_allies(viewer=chris, text="schulden", neighbourhood=value)
    assert result.status == SearchStatus.UNKNOWN_NEIGHBOURHOOD
    assert "buurt" in result.message and result.hits == []


def test_an_unsaved_or_deleted_neighbourhood_is_unknown(chris):
    gone = NeighbourhoodFactory(name="Verdwenen")
    gone.delete()
    for value in (Neighbourhood(name="Nergens"), gone):
        result = search_allies(viewer=chris, text="schulden", neighbourhood=value)
        assert result.status == SearchStatus.UNKNOWN_NEIGHBOURHOOD


def test_limit(amina, bas, chris):
    findable(amina, strengths=DEBTS)
    findable(bas, strengths=DEBTS)
    assert len(search_allies(viewer=chris, text="schulden", limit=1).hits) == 1
    assert search_allies(viewer=chris, text="schulden", limit=0).hits == []
    assert len(search_allies(viewer=chris, text="schulden", limit=10**9).hits) == 2


def test_a_search_takes_a_fixed_number_of_queries(amina, bas, chris, django_assert_max_num_queries):
    findable(amina, strengths=DEBTS, tags="koken")
    findable(bas, strengths=DEBTS)
    OrganisationFactory(description="Wij helpen met schulden.")
    search_allies(viewer=chris, text="schulden")  # builds the index
    with django_assert_max_num_queries(6):
        result = search_allies(viewer=chris, text="schulden")
    assert len(result.hits) == 3
