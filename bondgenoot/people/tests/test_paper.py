"""The profile on paper: the printable form (PDF) and typing it in by an ally with consent."""

import json
import time
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from bondgenoot.alliances.models import Party
from bondgenoot.core.errors import NotAllowed
from bondgenoot.core.models import Notice
from bondgenoot.core.paper_forms import PAPER_FORM_TEMPLATE, paper_form_context
from bondgenoot.people import paper, permissions
from bondgenoot.people.models import (
    Capacity,
    ConsentHow,
    Person,
    ProfileEntryByAlly,
    Visibility,
)
from bondgenoot.privacy import exports
from bondgenoot.privacy import selectors as privacy_selectors
from bondgenoot.privacy.services import account_delete

pytestmark = pytest.mark.django_db

DUTCH_QUESTIONS = [
    "Over mij",
    "Waar ik goed in ben",
    "Wat ik wil bereiken of leren",
    "Wat ik heb meegemaakt",
    "Wat ik niet doe of niet kan",
    "Hoeveel tijd ik heb",
    "Talen die ik spreek",
    "Mijn eigen woorden (tags)",
]
VISIBILITY_TICKS = ["Alleen ik", "Mijn bondgenoten", "Ingelogde buurtgenoten"]


def pdf_text(response: Any) -> str:
    """The text on the pages of the PDF that the view made (pypdf is not installed here): the
    form the view rendered, laid out again by WeasyPrint into pages, and the text of every
    box on them."""
    import weasyprint

    html = render_to_string(PAPER_FORM_TEMPLATE, paper_form_context(response.context["form"]))
    document = weasyprint.HTML(string=html).render()
    texts: list[str] = []

    def walk(box: Any) -> None:
        if getattr(box, "text", None):
            texts.append(box.text)
        for child in getattr(box, "children", None) or []:
            walk(child)

    for page in document.pages:
        walk(page._page_box)
    return " ".join(" ".join(texts).split())


def assert_real_pdf(response: Any, filename: str) -> None:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f'filename="{filename}"' in response["Content-Disposition"]
    assert response["Cache-Control"] == "no-store"
    assert response.content.startswith(b"%PDF-")
    assert response.content.rstrip().endswith(b"%%EOF")


# The printable form ----------------------------------------------------------------------------


def test_blank_form_is_a_real_pdf_with_the_dutch_questions_and_a_consent_box(client, chris):
    client.force_login(chris.user)
    started = time.perf_counter()
    response = client.get(reverse("people:profile_paper_blank"))
    took = time.perf_counter() - started
    assert_real_pdf(response, "bondgenoot-profiel-leeg.pdf")
    text = pdf_text(response)
    for question in DUTCH_QUESTIONS:
        assert question in text
    assert text.count("Wie mag dit zien? Kruis er één aan.") == len(DUTCH_QUESTIONS)
    for tick in VISIBILITY_TICKS:
        assert text.count(f"☐ {tick}") == len(DUTCH_QUESTIONS)
    assert "☐ Ik heb tijd" in text and "☒" not in text  # nothing ticked on a blank form
    assert "Ik vind het goed dat" in text and "dit voor mij intypt" in text
    assert "Datum" in text and "Handtekening" in text
    assert chris.display_name not in text  # a blank form carries nobody's data
    print(f"\nblank profile form: {len(response.content)} bytes, {took * 1000:.0f} ms")


def test_my_own_form_is_filled_in_with_my_data_only(client, alliance, amina, bas):
    amina.about = "Ik woon hier al twintig jaar."
    amina.lived_experience = "Alleen-voor-mij ervaring"
    amina.lived_experience_visibility = Visibility.ONLY_ME
    amina.capacity = Capacity.NOT_NOW
    amina.capacity_note = "Na de zomer weer"
    amina.languages = ["Nederlands", "Arabisch"]
    amina.save()
    bas.strengths = "Bas-zijn-talent"
    bas.strengths_visibility = Visibility.MEMBERS
    bas.save()

    client.force_login(amina.user)
    started = time.perf_counter()
    response = client.get(reverse("people:profile_paper"))
    took = time.perf_counter() - started
    assert_real_pdf(response, "bondgenoot-mijn-profiel.pdf")
    text = pdf_text(response)
    assert "Ik woon hier al twintig jaar." in text
    assert "Alleen-voor-mij ervaring" in text  # her own form shows her own 'only me' parts
    assert "☒ Nu even niet" in text and "Na de zomer weer" in text
    assert "Nederlands, Arabisch" in text
    assert "☒ Alleen ik" in text  # her choice for what she lived through
    assert "Amina" in text
    # Nothing of anyone else, not even what her ally shows to everyone.
    assert "Bas-zijn-talent" not in text and "Bas" not in text
    assert "bas@example.org" not in text and "amina@example.org" not in text
    print(f"\npre-filled profile form: {len(response.content)} bytes, {took * 1000:.0f} ms")

    # The same URL for bas gives his form, never hers.
    client.force_login(bas.user)
    text = pdf_text(client.get(reverse("people:profile_paper")))
    assert "Bas-zijn-talent" in text
    assert "twintig jaar" not in text and "Alleen-voor-mij" not in text


def test_pdf_urls_need_a_login_and_only_get(client, amina):
    for name in ("people:profile_paper", "people:profile_paper_blank"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    client.force_login(amina.user)
    assert client.post(reverse("people:profile_paper")).status_code == 405


def test_profile_edit_links_to_the_printable_versions(client, amina):
    client.force_login(amina.user)
    html = client.get(reverse("people:profile_edit")).content.decode()
    assert "Printbare versie (PDF)" in html
    assert reverse("people:profile_paper") in html
    assert reverse("people:profile_paper_blank") in html


# Typing it in ----------------------------------------------------------------------------------


def entry_url(person: Person) -> str:
    return reverse("people:profile_paper_entry", args=[person.pk])


def filled(**extra: Any) -> dict[str, Any]:
    data = {
        "strengths": "Ik kan goed koken voor veel mensen.",
        "strengths_visibility": Visibility.MEMBERS,
        "capacity": Capacity.AVAILABLE,
        "tags": "koken, buurthuis",
        "consent": "on",
        "consent_how": ConsentHow.SIGNED_ON_PAPER,
    }
    data.update(extra)
    return data


@pytest.fixture
def amina_before(amina):
    amina.about = "Wat er al stond over mij."
    amina.limits = "Niet op zondag."
    amina.lived_experience = "GEHEIM-alleen-ik"
    amina.lived_experience_visibility = Visibility.ONLY_ME
    amina.sensitive_fields = ["lived_experience"]
    amina.save()
    return amina


def test_an_ally_types_in_the_paper_form_with_consent(client, alliance, amina_before, bas):
    amina = amina_before
    client.force_login(bas.user)
    page = client.get(entry_url(amina))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Lege velden blijven zoals ze waren." in html
    assert "Amina heeft me toestemming gegeven om dit in te typen" in html
    # The form starts empty: the ally does not see what the profile says now.
    assert "GEHEIM-alleen-ik" not in html and "Wat er al stond" not in html

    response = client.post(entry_url(amina), filled())
    assert response.status_code == 302
    assert response["Location"] == reverse("people:person_detail", args=[amina.pk])

    amina.refresh_from_db()
    assert amina.strengths == "Ik kan goed koken voor veel mensen."
    assert amina.strengths_visibility == Visibility.MEMBERS
    assert amina.capacity == Capacity.AVAILABLE
    assert sorted(t.name for t in amina.tags.all()) == ["buurthuis", "koken"]
    # Empty on paper: as it was.
    assert amina.about == "Wat er al stond over mij."
    assert amina.limits == "Niet op zondag."
    assert amina.lived_experience == "GEHEIM-alleen-ik"
    assert amina.lived_experience_visibility == Visibility.ONLY_ME
    assert amina.sensitive_fields == ["lived_experience"]  # her own marking, untouched

    entry = ProfileEntryByAlly.objects.get()
    assert entry.person == amina and entry.entered_by == bas
    assert entry.consent_how == ConsentHow.SIGNED_ON_PAPER
    assert entry.fields_changed == ["strengths", "capacity", "tags"]
    stored = json.dumps(
        [str(getattr(entry, f.attname)) for f in ProfileEntryByAlly._meta.concrete_fields]
    )
    assert "koken" not in stored  # no profile text in the record

    notice = Notice.objects.get(person=amina)
    assert notice.text == "Bas heeft je profiel van papier ingetypt. Klopt iets niet? Pas het aan."
    assert notice.link == reverse("people:profile_edit")
    assert not Notice.objects.filter(person=bas).exists()


def test_a_part_is_emptied_only_when_asked(client, alliance, amina_before, bas):
    amina = amina_before
    amina.capacity_note = "Dinsdagmiddag"
    amina.save()
    client.force_login(bas.user)
    data = filled(about_clear="on", capacity_note_clear="on", limits="")
    response = client.post(entry_url(amina), data)
    assert response.status_code == 302
    amina.refresh_from_db()
    assert amina.about == ""
    assert amina.capacity_note == ""
    assert amina.limits == "Niet op zondag."
    assert ProfileEntryByAlly.objects.get().fields_changed == [
        "about",
        "strengths",
        "capacity",
        "tags",
    ]


def test_typed_answer_and_empty_tick_together_is_refused(client, alliance, amina_before, bas):
    client.force_login(bas.user)
    response = client.post(entry_url(amina_before), filled(about="Nieuw", about_clear="on"))
    assert response.status_code == 200
    assert "Kies een van de twee." in str(response.context["form"].errors["about_clear"])
    assert not ProfileEntryByAlly.objects.exists()


def test_without_consent_nothing_is_saved_and_nothing_is_lost(client, alliance, amina_before, bas):
    amina = amina_before
    client.force_login(bas.user)
    data = filled()
    del data["consent"]
    response = client.post(entry_url(amina), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["consent"] == [
        "Typ dit alleen in als Amina je toestemming heeft gegeven. "
        "Zonder toestemming slaan we niets op."
    ]
    html = response.content.decode()
    assert "Ik kan goed koken voor veel mensen." in html  # what was typed is still there
    amina.refresh_from_db()
    assert amina.strengths != "Ik kan goed koken voor veel mensen."
    assert not amina.tags.exists()
    assert not ProfileEntryByAlly.objects.exists()
    assert not Notice.objects.exists()

    data = filled(consent_how="")
    response = client.post(entry_url(amina), data)
    assert response.context["form"].errors["consent_how"] == [
        "Kies hoe Amina toestemming heeft gegeven."
    ]
    assert not ProfileEntryByAlly.objects.exists()


def test_an_empty_paper_saves_nothing(client, alliance, amina_before, bas):
    client.force_login(bas.user)
    response = client.post(
        entry_url(amina_before), {"consent": "on", "consent_how": ConsentHow.SPOKEN}
    )
    assert response.status_code == 200
    assert "Er is niets ingevuld." in response.content.decode()
    assert not ProfileEntryByAlly.objects.exists()
    assert not Notice.objects.exists()


def test_a_coordinator_of_an_organisation_in_the_alliance_is_an_ally_too(
    client, alliance_with_org, amina, gijs
):
    client.force_login(gijs.user)
    assert client.post(entry_url(amina), filled()).status_code == 302
    assert ProfileEntryByAlly.objects.get().entered_by == gijs


def test_the_person_page_of_an_ally_links_to_typing_in(client, alliance, amina, bas, chris):
    for field in ("about", "strengths"):
        setattr(amina, f"{field}_visibility", Visibility.MEMBERS)
    amina.save()
    client.force_login(bas.user)
    html = client.get(reverse("people:person_detail", args=[amina.pk])).content.decode()
    assert entry_url(amina) in html
    client.force_login(chris.user)
    html = client.get(reverse("people:person_detail", args=[amina.pk])).content.decode()
    assert entry_url(amina) not in html
    client.force_login(amina.user)
    html = client.get(reverse("people:person_detail", args=[amina.pk])).content.decode()
    assert entry_url(amina) not in html


def test_typing_in_ones_own_paper_form_goes_to_the_profile_page(client, amina):
    client.force_login(amina.user)
    response = client.post(entry_url(amina), filled())
    assert response.status_code == 302
    assert response["Location"] == reverse("people:profile_edit")
    assert not ProfileEntryByAlly.objects.exists()


# Who may not -----------------------------------------------------------------------------------


@pytest.fixture
def former_ally(alliance, amina):
    """Fleur took part in amina's alliance and left it."""
    from bondgenoot.alliances.tests.factories import PartyFactory
    from bondgenoot.people.tests.factories import PersonFactory

    fleur = PersonFactory(display_name="Fleur", user__email="fleur-oud@example.org")
    PartyFactory(alliance=alliance, person=fleur, left_on=timezone.localdate())
    return fleur


def test_nobody_else_can_open_or_save_the_entry_screen(
    client, alliance, amina_before, bas, outsiders, former_ally
):
    amina = amina_before
    before = Person.objects.values().get(pk=amina.pk)
    others = {**outsiders, "former party": former_ally}
    for role, person in others.items():
        client.logout()
        if person is not None:
            client.force_login(person.user)
        for method in ("get", "post"):
            response = getattr(client, method)(entry_url(amina), filled())
            body = response.content.decode()
            assert "GEHEIM" not in body
            if person is None:
                assert response.status_code == 302, role
                assert response["Location"].startswith(reverse("accounts:login"))
            else:
                assert response.status_code == 404, f"{role}: {method} {response.status_code}"
    assert Person.objects.values().get(pk=amina.pk) == before
    assert not amina.tags.exists()
    assert not ProfileEntryByAlly.objects.exists()
    assert not Notice.objects.exists()


def test_a_party_who_left_is_no_ally_any_more(alliance, amina, bas):
    assert permissions.can_enter_paper_profile(bas.user, amina)
    Party.objects.filter(alliance=alliance, person=bas).update(left_on=timezone.localdate())
    assert not permissions.can_enter_paper_profile(bas.user, amina)


def test_a_get_changes_nothing(client, alliance, amina_before, bas):
    amina = amina_before
    before = Person.objects.values().get(pk=amina.pk)
    client.force_login(bas.user)
    assert client.get(entry_url(amina), filled()).status_code == 200
    assert Person.objects.values().get(pk=amina.pk) == before
    assert not ProfileEntryByAlly.objects.exists()
    assert not Notice.objects.exists()


def test_the_service_checks_the_rule_and_consent_itself(alliance, amina, bas, chris):
    arguments: dict[str, Any] = {
        "consent_given": True,
        "consent_how": ConsentHow.SPOKEN,
        "answers": {"about": "Hallo"},
    }
    with pytest.raises(NotAllowed):
        paper.profile_enter_from_paper(person=amina, by=chris, **arguments)
    with pytest.raises(NotAllowed):
        paper.profile_enter_from_paper(person=amina, by=amina, **arguments)
    with pytest.raises(ValidationError) as refused:
        paper.profile_enter_from_paper(
            person=amina, by=bas, **{**arguments, "consent_given": False}
        )
    assert "consent" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        paper.profile_enter_from_paper(person=amina, by=bas, **{**arguments, "consent_how": "x"})
    assert "consent_how" in refused.value.message_dict
    assert not ProfileEntryByAlly.objects.exists()
    entry = paper.profile_enter_from_paper(person=amina, by=bas, **arguments)
    assert entry.fields_changed == ["about"]


# Mijn gegevens ---------------------------------------------------------------------------------


def test_my_data_shows_who_typed_in_my_profile(alliance, amina, bas):
    paper.profile_enter_from_paper(
        person=amina,
        by=bas,
        consent_given=True,
        consent_how=ConsentHow.SPOKEN,
        answers={"strengths": "Tekst-van-papier"},
    )
    data = json.loads(exports.render_json(privacy_selectors.my_data(amina)).decode("utf-8"))
    [row] = data["profile"]["typed_in_by_allies"]
    assert row["typed_in_by"] == "Bas"
    assert row["consent_how"] == "spoken"
    assert row["parts"] == ["Waar ik goed in ben"]
    assert "Tekst-van-papier" not in json.dumps(row)
    html = exports.render_html(privacy_selectors.my_data(amina)).decode("utf-8")
    assert "Ingetypt van papier" in html
    assert "ingetypt door Bas, met jouw toestemming (mondeling gezegd)" in html
    # Bas's own data do not list it: it is about amina's profile.
    assert privacy_selectors.my_data(bas)["profile"]["typed_in_by_allies"] == []
    # When bas's account is gone, the record stays for amina, without his name.
    account_delete(person=bas, by=bas, keep_history=True)
    [row] = privacy_selectors.my_data(amina)["profile"]["typed_in_by_allies"]
    assert row["typed_in_by"] is None


# In a real browser -----------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_in_the_browser_print_then_type_in_with_consent(
    live_server: Any, alliance: Any, amina: Any, bas: Any, open_page: Any, check_page: Any
) -> None:
    import re

    from playwright.sync_api import expect

    def url(name: str, *args: Any) -> str:
        return f"{live_server.url}{reverse(name, args=args)}"

    def clean(page: Any, name: str) -> None:
        violations = check_page(page, name)
        assert violations == [], [v["id"] for v in violations]

    page = open_page()
    page.goto(url("accounts:login"))
    page.get_by_label(re.compile(r"^\s*E-mailadres")).fill("bas@example.org")
    page.get_by_label(re.compile(r"^\s*Wachtwoord")).fill("geheim-wachtwoord-123")
    page.get_by_role("main").get_by_role("button", name=re.compile("Inloggen")).click()

    # His own profile page offers the printable versions.
    page.goto(url("people:profile_edit"))
    with page.expect_download() as download:
        page.get_by_role("link", name="Printbare versie (PDF)").click()
    assert download.value.suggested_filename == "bondgenoot-mijn-profiel.pdf"
    with open(download.value.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"

    # Amina's page leads her ally to the entry screen.
    page.goto(url("people:person_detail", amina.pk))
    page.get_by_role("link", name="Papieren formulier van Amina intypen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Papieren formulier van Amina intypen"
    )
    clean(page, "entry")
    page.get_by_role("group", name="Waar ik goed in ben").get_by_role("textbox").fill(
        "Soep koken voor de hele straat."
    )
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text(re.compile("Typ dit alleen in als Amina"))).to_be_visible()
    clean(page, "entry-without-consent")
    assert not ProfileEntryByAlly.objects.exists()
    expect(
        page.get_by_role("group", name="Waar ik goed in ben").get_by_role("textbox")
    ).to_have_value("Soep koken voor de hele straat.")

    page.get_by_label("Amina heeft me toestemming gegeven om dit in te typen").check()
    page.get_by_label("Hoe heeft Amina toestemming gegeven?").select_option(ConsentHow.SPOKEN)
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text(re.compile("Opgeslagen. Amina krijgt een bericht"))).to_be_visible()
    amina.refresh_from_db()
    assert amina.strengths == "Soep koken voor de hele straat."
    assert ProfileEntryByAlly.objects.get().entered_by == bas

    phone = open_page(viewport={"width": 320, "height": 800})
    phone.context.add_cookies(page.context.cookies())
    phone.goto(url("people:profile_paper_entry", amina.pk))
    width = phone.evaluate("document.scrollingElement.scrollWidth")
    assert width <= 320, f"the entry screen scrolls sideways at 320px ({width})"
    clean(phone, "entry-320px")


def test_without_weasyprint_the_page_says_so(client, amina, monkeypatch):
    from bondgenoot.core.pdf import PdfUnavailable
    from bondgenoot.people import views

    def unavailable(*args: Any, **kwargs: Any) -> bytes:
        raise PdfUnavailable("no pango")

    monkeypatch.setattr(views, "render_paper_form", unavailable)
    client.force_login(amina.user)
    response = client.get(reverse("people:profile_paper_blank"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("people:profile_edit")
    assert "Er kan nu geen PDF worden gemaakt" in response.content.decode()
