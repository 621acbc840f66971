import pytest
from django.urls import reverse

from bondgenoot.people.models import Visibility
from bondgenoot.people.tests.factories import PersonFactory, share_everything_with
from bondgenoot.privacy.models import Purpose
from bondgenoot.privacy.services import consent_set

pytestmark = pytest.mark.django_db


def test_directory_shows_only_people_who_share_and_only_what_they_share(
    client, alliance, amina, bas, chris
):
    bas.strengths = "Brieven lezen en uitleggen"
    bas.strengths_visibility = Visibility.ALLIES
    bas.save()
    share_everything_with(chris)
    chris.strengths = "Fietsen repareren"
    chris.save()
    # Not an ally of amina: listed only because he chose to be findable (privacy app).
    consent_set(person=chris, by=chris, purpose=Purpose.FINDABLE, given=True)
    hidden = PersonFactory(display_name="Verborgen Persoon")
    for field in (
        "about",
        "strengths",
        "aspirations",
        "lived_experience",
        "limits",
        "capacity",
        "languages",
        "tags",
    ):
        setattr(hidden, f"{field}_visibility", Visibility.ONLY_ME)
    hidden.save()

    client.force_login(amina.user)
    html = client.get(reverse("people:directory")).content.decode()
    assert "Brieven lezen" in html  # ally sees allies-field
    assert "Fietsen repareren" in html  # shared with all neighbours
    assert "Verborgen Persoon" not in html

    client.force_login(chris.user)
    html = client.get(reverse("people:directory")).content.decode()
    assert "Brieven lezen" not in html


def test_directory_search_does_not_match_hidden_words(client, amina, chris):
    amina.lived_experience = "schulden gehad"
    amina.lived_experience_visibility = Visibility.ONLY_ME
    amina.about_visibility = Visibility.MEMBERS
    amina.save()
    consent_set(person=amina, by=amina, purpose=Purpose.FINDABLE, given=True)
    client.force_login(chris.user)
    html = client.get(reverse("people:directory"), {"q": "schulden"}).content.decode()
    assert amina.display_name not in html
    html = client.get(reverse("people:directory")).content.decode()
    assert amina.display_name in html  # findable: only the hidden words do not find her


def test_profile_page_of_someone_who_shares_nothing_with_you_is_not_found(client, amina, chris):
    for field in (
        "about",
        "strengths",
        "aspirations",
        "lived_experience",
        "limits",
        "capacity",
        "languages",
        "tags",
    ):
        setattr(amina, f"{field}_visibility", Visibility.ALLIES)
    amina.save()
    client.force_login(chris.user)
    assert client.get(reverse("people:person_detail", args=[amina.pk])).status_code == 404


def test_edit_own_profile_with_visibility_per_field(client, amina):
    client.force_login(amina.user)
    data = {
        "display_name": "Amina",
        "neighbourhood": "",
        "about": "Ik woon hier al 20 jaar.",
        "about_visibility": "members",
        "strengths": "<b>Koken</b>",
        "strengths_visibility": "allies",
        "aspirations": "",
        "aspirations_visibility": "allies",
        "lived_experience": "",
        "lived_experience_visibility": "me",
        "limits": "Niet op vrijdag",
        "limits_visibility": "allies",
        "capacity": "some",
        "capacity_note": "dinsdag",
        "capacity_visibility": "allies",
        "languages": "Nederlands, Arabisch",
        "languages_visibility": "members",
        "tags": "koken, buurt",
        "tags_visibility": "members",
    }
    response = client.post(reverse("people:profile_edit"), data)
    assert response.status_code == 302
    amina.refresh_from_db()
    assert amina.about_visibility == "members"
    assert amina.strengths == "<b>Koken</b>"
    html = client.get(reverse("people:person_detail", args=[amina.pk])).content.decode()
    assert "&lt;b&gt;Koken&lt;/b&gt;" in html


def test_profile_form_keeps_everything_on_an_error(client, amina):
    client.force_login(amina.user)
    data = {
        "display_name": "",
        "about": "Mijn verhaal",
        "about_visibility": "members",
        "capacity": "some",
        "languages": "",
        "tags": "",
    }
    response = client.post(reverse("people:profile_edit"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Mijn verhaal" in html
    assert "Dit veld is verplicht." in html


def test_organisation_members_are_shown_to_members_only(client, org, gijs, chris):
    url = reverse("people:organisation_detail", args=[org.pk])
    client.force_login(chris.user)
    html = client.get(url).content.decode()
    assert "Buurtteam Vlinderbuurt" in html and "Alleen leden zien deze lijst." not in html
    client.force_login(gijs.user)
    assert "Alleen leden zien deze lijst." in client.get(url).content.decode()


def test_only_a_coordinator_edits_the_organisation(client, org, chris):
    client.force_login(chris.user)
    assert client.get(reverse("people:organisation_edit", args=[org.pk])).status_code == 403


def test_profile_page_query_count_does_not_grow(
    client, alliance, amina, bas, django_assert_max_num_queries
):
    share_everything_with(bas)
    client.force_login(amina.user)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("people:person_detail", args=[bas.pk])).status_code == 200
