"""Consent per purpose: opt-in, an append-only history, and withdrawal that counts at once."""

import pytest
from django.urls import reverse

from bondgenoot.core.errors import NotAllowed
from bondgenoot.people.models import Visibility
from bondgenoot.people.tests.factories import PersonFactory, share_everything_with
from bondgenoot.privacy import services
from bondgenoot.privacy.models import ConsentChange, Purpose
from bondgenoot.privacy.selectors import has_consent, persons_with_consent

from .helpers import login

pytestmark = pytest.mark.django_db


def test_nothing_is_given_until_the_person_says_yes(amina):
    for purpose in Purpose.values:
        assert not has_consent(amina, purpose)
        assert amina not in persons_with_consent(purpose)


def test_give_and_withdraw_keeps_every_change_in_the_history(amina):
    assert services.consent_set(person=amina, by=amina, purpose=Purpose.FINDABLE, given=True)
    assert has_consent(amina, Purpose.FINDABLE)
    assert list(persons_with_consent(Purpose.FINDABLE)) == [amina]
    # The same answer again changes nothing and adds nothing to the history.
    assert not services.consent_set(person=amina, by=amina, purpose=Purpose.FINDABLE, given=True)
    assert services.consent_set(person=amina, by=amina, purpose=Purpose.FINDABLE, given=False)
    assert not has_consent(amina, Purpose.FINDABLE)
    assert list(persons_with_consent(Purpose.FINDABLE)) == []

    history = list(ConsentChange.objects.filter(person=amina).order_by("id"))
    assert [(h.purpose, h.given, h.changed_by_id) for h in history] == [
        (Purpose.FINDABLE, True, amina.pk),
        (Purpose.FINDABLE, False, amina.pk),
    ]
    assert all(h.changed_at is not None for h in history)


def test_history_cannot_be_changed_through_the_application(amina):
    services.consent_set(person=amina, by=amina, purpose=Purpose.QUOTE_IN_REPORT, given=True)
    change = ConsentChange.objects.get(person=amina)
    change.given = False
    with pytest.raises(ValueError, match="append-only"):
        change.save()
    assert ConsentChange.objects.get(person=amina).given is True


def test_nobody_answers_for_someone_else(amina, bas):
    with pytest.raises(NotAllowed):
        services.consent_set(person=amina, by=bas, purpose=Purpose.FINDABLE, given=True)
    assert not has_consent(amina, Purpose.FINDABLE)


def test_consent_page_gives_and_withdraws_in_dutch(client, amina):
    login(client, amina)
    page = client.get(reverse("privacy:consents")).content.decode()
    assert "Vindbaar als bondgenoot" in page
    assert 'type="checkbox"' in page
    assert "checked" not in page  # opt-in: nothing ticked

    response = client.post(
        reverse("privacy:consents"), {"findable": "on", "contact_by_organisations": "on"}
    )
    assert response.status_code == 302
    assert has_consent(amina, Purpose.FINDABLE)
    assert has_consent(amina, Purpose.CONTACT_BY_ORGANISATIONS)
    assert not has_consent(amina, Purpose.QUOTE_IN_REPORT)

    page = client.get(reverse("privacy:consents")).content.decode()
    assert "Je keuzes zijn opgeslagen" in page
    assert "gegeven" in page  # the history on the page

    client.post(reverse("privacy:consents"), {"contact_by_organisations": "on"})
    assert not has_consent(amina, Purpose.FINDABLE)
    assert ConsentChange.objects.filter(person=amina).count() == 3


def _directory(client, viewer, **params):
    login(client, viewer)
    return client.get(reverse("people:directory"), params).content.decode()


def test_directory_lists_non_allies_only_with_findable_consent(client, alliance, amina, bas, chris):
    share_everything_with(chris)
    chris.strengths = "Fietsen repareren"
    chris.save()
    # Chris shares with every neighbour, but did not say he wants to be found.
    assert "Fietsen repareren" not in _directory(client, amina)

    services.consent_set(person=chris, by=chris, purpose=Purpose.FINDABLE, given=True)
    assert "Fietsen repareren" in _directory(client, amina)
    assert "Fietsen repareren" in _directory(client, amina, q="Fietsen")

    # Withdrawn: gone at once, from the list and from the search.
    services.consent_set(person=chris, by=chris, purpose=Purpose.FINDABLE, given=False)
    assert "Fietsen repareren" not in _directory(client, amina)
    assert "Fietsen repareren" not in _directory(client, amina, q="Fietsen")


def test_allies_always_see_each_other_in_the_directory(client, alliance, amina, bas):
    bas.strengths = "Brieven lezen en uitleggen"
    bas.strengths_visibility = Visibility.ALLIES
    bas.save()
    assert not has_consent(bas, Purpose.FINDABLE)
    assert "Brieven lezen" in _directory(client, amina)


def test_findable_consent_does_not_show_hidden_fields(client, amina, chris):
    hidden = PersonFactory(display_name="Stille Sanne")
    for name in ("about", "strengths", "aspirations", "lived_experience", "limits", "tags"):
        setattr(hidden, f"{name}_visibility", Visibility.ONLY_ME)
    hidden.languages_visibility = Visibility.ONLY_ME
    hidden.capacity_visibility = Visibility.ONLY_ME
    hidden.strengths = "Geheime kracht"
    hidden.save()
    services.consent_set(person=hidden, by=hidden, purpose=Purpose.FINDABLE, given=True)
    html = _directory(client, chris)
    # Findable, but nothing shared with neighbours: still not listed, and nothing leaks.
    assert "Stille Sanne" not in html
    assert "Geheime kracht" not in html


def test_directory_query_count_does_not_grow_with_findable_people(
    client, amina, django_assert_max_num_queries
):
    for _ in range(30):
        person = share_everything_with(PersonFactory())
        services.consent_set(person=person, by=person, purpose=Purpose.FINDABLE, given=True)
    login(client, amina)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("people:directory"))
    assert response.status_code == 200


def test_unticking_every_box_withdraws_everything(client, amina):
    services.consent_set(person=amina, by=amina, purpose=Purpose.FINDABLE, given=True)
    services.consent_set(person=amina, by=amina, purpose=Purpose.QUOTE_IN_REPORT, given=True)
    login(client, amina)
    assert client.post(reverse("privacy:consents"), {}).status_code == 302
    assert not any(has_consent(amina, purpose) for purpose in Purpose.values)


def test_the_demo_gives_consent_through_the_service_so_its_directory_is_not_empty(client):
    from bondgenoot.demo.content import CONSENTS
    from bondgenoot.demo.loader import load_demo
    from bondgenoot.people.models import Person

    load_demo()
    noor = Person.objects.get(user__email="noor@example.org")  # new here, no allies yet
    html = _directory(client, noor)
    findable = persons_with_consent(Purpose.FINDABLE)
    assert findable.count() == sum(Purpose.FINDABLE in p for p in CONSENTS.values())
    assert "Bas Hoekstra" in html
    # Peter and Sevda show their basics to every neighbour, but did not ask to be found.
    assert "Peter Kok" not in html
    assert "Sevda Kaya" not in html
    assert ConsentChange.objects.filter(changed_by__isnull=True).count() == 0
