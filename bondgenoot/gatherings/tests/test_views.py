import re
import zlib

import pytest
from django.urls import reverse
from django.utils import timezone

from bondgenoot.core.models import Notice
from bondgenoot.core.tests import poppler
from bondgenoot.people.models import MembershipRole
from bondgenoot.people.tests.factories import MembershipFactory, PersonFactory

from .. import services
from ..models import (
    ConversationGroup,
    Gathering,
    GatheringReport,
    GatheringRole,
    GatheringStatus,
    HarvestItem,
    HarvestKind,
    Registration,
    RegistrationStatus,
)
from .factories import (
    ConversationGroupFactory,
    GatheringFactory,
    GatheringRoleFactory,
    HarvestItemFactory,
    RegistrationFactory,
)

pytestmark = pytest.mark.django_db

DASH = "\u2013"  # between a name and a role in the thanks

QUOTE = "Ten eerste contact leggen, luisteren, en vanuit je eigen verhaal antwoorden."


def _client(client, person):
    client.force_login(person.user)
    return client


@pytest.fixture
def published(gathering, gijs, amina, bas):
    """A gathering with a published report: bas's quote (consented) and his thanks."""
    services.registration_register(gathering=gathering, person=amina)
    services.role_consent_set(role=gathering.roles.get(person=bas), by=bas, consent=True)
    quote = services.harvest_add(
        gathering=gathering, by=gijs, kind=HarvestKind.QUOTE, text=QUOTE, speaker=bas
    )
    services.quote_consent_set(item=quote, by=bas, consent=True)
    report = services.report_generate(gathering=gathering, by=gijs)
    services.report_publish(report=report, by=gijs)
    return quote


def _pages(gathering, published_quote=None):
    pk = gathering.pk
    return [
        reverse("gatherings:detail", args=[pk]),
        reverse("gatherings:edit", args=[pk]),
        reverse("gatherings:participants", args=[pk]),
        reverse("gatherings:roles", args=[pk]),
        reverse("gatherings:groups", args=[pk]),
        reverse("gatherings:harvest", args=[pk]),
        reverse("gatherings:report_edit", args=[pk]),
        reverse("gatherings:report", args=[pk]),
        reverse("gatherings:report_pdf", args=[pk]),
    ]


# Who sees what ------------------------------------------------------------------------------


def test_outsiders_get_404_on_every_page(client, gathering, published, gathering_outsiders):
    for role, person in gathering_outsiders.items():
        client.force_login(person.user)
        for url in _pages(gathering):
            assert client.get(url).status_code == 404, (role, url)
        for name in ("register", "withdraw", "groups_random", "report_generate", "report_publish"):
            url = reverse(f"gatherings:{name}", args=[gathering.pk])
            assert client.post(url).status_code == 404, (role, url)
        listed = client.get(reverse("gatherings:list"))
        assert gathering.title not in listed.content.decode(), role


def test_anonymous_visitors_are_sent_to_the_login(client, gathering):
    for url in [*_pages(gathering), reverse("gatherings:list"), reverse("gatherings:my_quotes")]:
        response = client.get(url)
        assert response.status_code == 302 and "/account/" in response["Location"], url


def test_members_participants_and_speakers_read_but_do_not_manage(
    client, gathering, published, amina, bas
):
    for person in (amina, bas):
        client.force_login(person.user)
        for url in _pages(gathering)[:1] + _pages(gathering)[-2:]:
            assert client.get(url).status_code == 200, url
        for url in _pages(gathering)[1:-2]:
            assert client.get(url).status_code == 403, url


def test_a_registered_participant_outside_the_organisation_sees_it(client, gathering, chris):
    RegistrationFactory(gathering=gathering, person=chris)
    assert _client(client, chris).get(_pages(gathering)[0]).status_code == 200


def test_a_withdrawn_participant_outside_the_organisation_no_longer_sees_it(
    client, gathering, chris
):
    RegistrationFactory(gathering=gathering, person=chris, status=RegistrationStatus.WITHDRAWN)
    assert _client(client, chris).get(_pages(gathering)[0]).status_code == 404


def test_the_organiser_and_coordinators_manage(client, gathering, published, gijs, org):
    other_coordinator = PersonFactory()
    MembershipFactory(organisation=org, person=other_coordinator, role=MembershipRole.COORDINATOR)
    for person in (gijs, other_coordinator):
        client.force_login(person.user)
        for url in _pages(gathering):
            assert client.get(url).status_code == 200, url


def test_a_draft_is_only_for_those_who_manage_it(client, gathering, gijs, amina, bas):
    services.gathering_update(gathering=gathering, by=gijs, status=GatheringStatus.DRAFT)
    assert _client(client, amina).get(_pages(gathering)[0]).status_code == 404
    assert _client(client, gijs).get(_pages(gathering)[0]).status_code == 200


def test_an_open_gathering_without_organisation_is_for_everyone_logged_in(client, chris, funder):
    gathering = GatheringFactory(is_open=True)
    closed = GatheringFactory(is_open=False)
    for person in (chris, funder):
        client.force_login(person.user)
        assert client.get(reverse("gatherings:detail", args=[gathering.pk])).status_code == 200
        assert client.get(reverse("gatherings:detail", args=[closed.pk])).status_code == 404


def test_no_report_page_before_publishing(client, gathering, gijs, amina):
    services.report_generate(gathering=gathering, by=gijs)
    client.force_login(amina.user)
    assert client.get(reverse("gatherings:report", args=[gathering.pk])).status_code == 404
    assert client.get(reverse("gatherings:report_pdf", args=[gathering.pk])).status_code == 404


# The list -----------------------------------------------------------------------------------


def test_list_shows_upcoming_and_past(client, gathering, amina, org):
    past = GatheringFactory(
        organisation=org,
        title="Webinar van vorig jaar",
        starts_at=timezone.now() - timezone.timedelta(days=300),
    )
    client.force_login(amina.user)
    upcoming = client.get(reverse("gatherings:list")).content.decode()
    assert gathering.title in upcoming and past.title not in upcoming
    earlier = client.get(reverse("gatherings:list") + "?wanneer=voorbij").content.decode()
    assert past.title in earlier and gathering.title not in earlier


def test_list_empty_state(client, chris):
    content = _client(client, chris).get(reverse("gatherings:list")).content.decode()
    assert (
        "No gatherings coming up" in content
        or "Er zijn nog geen" in content
        or (reverse("gatherings:create") in content)
    )


def test_list_queries_do_not_grow(client, django_assert_max_num_queries, amina, org):
    MembershipFactory(organisation=org, person=amina)
    for _ in range(3):
        GatheringFactory(organisation=org)
    client.force_login(amina.user)
    client.get(reverse("gatherings:list"))
    with django_assert_max_num_queries(9) as few:
        client.get(reverse("gatherings:list"))
    baseline = len(few.captured_queries)
    for _ in range(9):
        gathering = GatheringFactory(organisation=org)
        RegistrationFactory.create_batch(3, gathering=gathering)
    with django_assert_max_num_queries(baseline):
        response = client.get(reverse("gatherings:list"))
    assert len(response.context["page"].object_list) == 12


def test_detail_queries_do_not_grow(client, django_assert_max_num_queries, gathering, gijs, org):
    people = PersonFactory.create_batch(6)
    services.gathering_update(gathering=gathering, by=gijs, max_participants=None)
    for person in people[:2]:
        MembershipFactory(organisation=org, person=person)
        services.registration_register(gathering=gathering, person=person)
    client.force_login(people[0].user)
    client.get(reverse("gatherings:detail", args=[gathering.pk]))
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("gatherings:detail", args=[gathering.pk]))
    baseline = len(few.captured_queries)  # read now: every request empties Django's query log
    for person in people[2:]:
        MembershipFactory(organisation=org, person=person)
        services.registration_register(gathering=gathering, person=person)
    services.groups_form_random(gathering=gathering, by=gijs)
    with django_assert_max_num_queries(baseline + 1):  # + her group's members
        client.get(reverse("gatherings:detail", args=[gathering.pk]))


# Registering through the page ---------------------------------------------------------------


def test_register_and_withdraw_on_the_page(client, gathering, org, amina):
    first, second = PersonFactory.create_batch(2)
    for person in (first, second):
        MembershipFactory(organisation=org, person=person)
        services.registration_register(gathering=gathering, person=person)
    client.force_login(amina.user)
    url = reverse("gatherings:detail", args=[gathering.pk])
    assert "Put me on the waiting list" in client.get(url).content.decode() or (
        "wachtlijst" in client.get(url).content.decode()
    )
    client.post(reverse("gatherings:register", args=[gathering.pk]))
    registration = Registration.objects.get(person=amina)
    assert registration.status == RegistrationStatus.WAITING
    page = client.get(url)
    assert page.context["waiting_position"] == 1

    client.force_login(first.user)
    client.post(reverse("gatherings:withdraw", args=[gathering.pk]))
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.REGISTERED
    assert Notice.objects.filter(person=amina).exists()


def test_register_is_refused_while_closed(client, gathering, gijs, amina):
    services.gathering_update(gathering=gathering, by=gijs, status=GatheringStatus.HELD)
    response = _client(client, amina).post(reverse("gatherings:register", args=[gathering.pk]))
    assert response.status_code == 403
    assert not Registration.objects.exists()


def test_register_is_post_only(client, gathering, amina):
    response = _client(client, amina).get(reverse("gatherings:register", args=[gathering.pk]))
    assert response.status_code == 405


# Organising through the pages ---------------------------------------------------------------


def test_create_a_gathering(client, amina, org):
    MembershipFactory(organisation=org, person=amina)
    response = _client(client, amina).post(
        reverse("gatherings:create"),
        {
            "kind": "webinar",
            "title": "Wanneer leren we het nu eens?",
            "starts_at": "2031-05-17T14:00",
            "ends_at": "2031-05-17T16:00",
            "place": "online",
            "organisation": org.pk,
            "max_participants": "20",
            "status": "open",
        },
    )
    gathering = Gathering.objects.get()
    assert response.status_code == 302
    assert gathering.organiser == amina and gathering.organisation == org
    assert timezone.localtime(gathering.starts_at).hour == 14


def test_create_refuses_an_organisation_of_someone_else(client, chris, org):
    response = _client(client, chris).post(
        reverse("gatherings:create"),
        {
            "kind": "webinar",
            "title": "Webinar",
            "starts_at": "2031-05-17T14:00",
            "place": "online",
            "organisation": org.pk,
            "status": "open",
        },
    )
    assert response.status_code == 200  # not a choice: the form says so
    assert not Gathering.objects.exists()


def test_edit_cannot_end_before_start(client, gathering, gijs):
    response = _client(client, gijs).post(
        reverse("gatherings:edit", args=[gathering.pk]),
        {
            "kind": "webinar",
            "title": "Webinar",
            "starts_at": "2031-05-17T14:00",
            "ends_at": "2031-05-17T13:00",
            "place": "online",
            "organisation": gathering.organisation_id,
            "status": "open",
        },
    )
    assert response.status_code == 200
    assert "The end cannot be before the start." in response.content.decode() or (
        response.context["form"].errors
    )


def test_groups_at_random_and_by_hand(client, gathering, gijs, amina, bas):
    services.registration_register(gathering=gathering, person=amina)
    client.force_login(gijs.user)
    client.post(reverse("gatherings:groups_random", args=[gathering.pk]), {"size": "2"})
    assert ConversationGroup.objects.get().members.get() == amina
    group = ConversationGroup.objects.get()
    response = client.post(
        reverse("gatherings:group_edit", args=[gathering.pk, group.pk]),
        {"name": "Tweetal 1", "members": [amina.pk, bas.pk], "discussed": "Over geld."},
    )
    assert response.status_code == 302
    group.refresh_from_db()
    assert set(group.members.all()) == {amina, bas} and group.discussed == "Over geld."


def test_a_quote_needs_a_speaker_on_the_harvest_page(client, gathering, gijs, bas):
    client.force_login(gijs.user)
    url = reverse("gatherings:harvest", args=[gathering.pk])
    response = client.post(url, {"kind": "quote", "text": "Samen doen!"})
    assert response.status_code == 200 and not HarvestItem.objects.exists()
    client.post(url, {"kind": "quote", "text": "Samen doen!", "speaker": bas.pk})
    assert HarvestItem.objects.get().speaker == bas


def test_the_harvest_page_offers_no_one_from_outside(client, gathering, gijs, chris):
    client.force_login(gijs.user)
    url = reverse("gatherings:harvest", args=[gathering.pk])
    client.post(url, {"kind": "quote", "text": "Samen doen!", "speaker": chris.pk})
    assert not HarvestItem.objects.exists()
    assert chris.display_name not in client.get(url).content.decode()


def test_a_harvest_item_of_another_gathering_is_404(client, gathering, gijs):
    item = HarvestItemFactory(gathering=GatheringFactory(organiser=gijs))
    client.force_login(gijs.user)
    url = reverse("gatherings:harvest_remove", args=[gathering.pk, item.pk])
    assert client.post(url).status_code == 404


def test_write_and_publish_the_report(client, gathering, gijs, bas):
    client.force_login(gijs.user)
    client.post(reverse("gatherings:report_generate", args=[gathering.pk]))
    report = GatheringReport.objects.get()
    edit = reverse("gatherings:report_edit", args=[gathering.pk])
    data = {
        "title": "Verslag masterclass",
        "introduction": "Het thema was samenwerken.",
        "question": "Wanneer leren we?",
        "hosts": report.hosts,
        "guests": "",
        "groups": "",
        "closing": "## Afsluiting\n\n- Geen weg terug.",
        "thanks": report.thanks,
    }
    assert client.post(edit, data).status_code == 302
    page = client.get(edit).content.decode()
    assert "Geen weg terug." in page
    client.post(reverse("gatherings:report_publish", args=[gathering.pk]))
    report.refresh_from_db()
    assert report.is_published and report.title == "Verslag masterclass"
    client.force_login(bas.user)
    shown = client.get(reverse("gatherings:report", args=[gathering.pk])).content.decode()
    assert "Verslag masterclass" in shown and "Geen weg terug." in shown


# My quotes ----------------------------------------------------------------------------------


def test_my_quotes_shows_only_my_own(client, gathering, published, bas, amina):
    assert QUOTE in _client(client, bas).get(reverse("gatherings:my_quotes")).content.decode()
    assert QUOTE not in _client(client, amina).get(reverse("gatherings:my_quotes")).content.decode()


def test_nobody_answers_for_someone_elses_quote(client, gathering, published, amina, gijs):
    for person in (amina, gijs):
        response = _client(client, person).post(
            reverse("gatherings:my_quotes"), {"what": "quote", "pk": published.pk, "consent": "no"}
        )
        assert response.status_code == 404
    published.refresh_from_db()
    assert published.speaker_consent


# The PDF ------------------------------------------------------------------------------------


def _pdf_text(response) -> str:
    return poppler.pdf_text(response.content)


def test_the_pdf_leaves_out_a_withdrawn_quote_and_thanks_only_with_consent(
    client, gathering, published, gijs, bas, amina
):
    services.role_add(
        gathering=gathering,
        by=gijs,
        role="guest",
        name_text="Yvonne Cornelisse",
        introduction="programmamanager sociaal domein",
        consent_to_name=True,
    )
    services.role_add(
        gathering=gathering,
        by=gijs,
        role="guest",
        name_text="Willy Koperberg",
        introduction="participatiecoach",
        consent_to_name=False,
    )
    client.force_login(gijs.user)
    client.post(reverse("gatherings:report_generate", args=[gathering.pk]))
    client.post(reverse("gatherings:report_publish", args=[gathering.pk]))
    url = reverse("gatherings:report_pdf", args=[gathering.pk])

    client.force_login(amina.user)
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(_pdf_text(response).split())
    assert "Ten eerste contact leggen" in text
    assert f"Yvonne Cornelisse {DASH} programmamanager sociaal domein" in text
    assert "Willy Koperberg" not in text
    assert f"Bas {DASH} oud-lector outreachend werken" in text

    client.force_login(bas.user)
    my_quotes = reverse("gatherings:my_quotes")
    client.post(my_quotes, {"what": "quote", "pk": published.pk, "consent": "no"})
    role = gathering.roles.get(person=bas)
    client.post(reverse("gatherings:my_quotes"), {"what": "role", "pk": role.pk, "consent": "no"})

    client.force_login(amina.user)
    text = " ".join(_pdf_text(client.get(url)).split())
    assert "Ten eerste contact leggen" not in text
    assert f"Bas {DASH} oud-lector" not in text
    assert "Yvonne Cornelisse" in text


def _pdf_languages(pdf: bytes) -> set[bytes]:
    """The /Lang entries of a PDF, also those inside compressed object streams."""
    found = set(re.findall(rb"/Lang\s*\(([^)]*)\)", pdf))
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            found.update(re.findall(rb"/Lang\s*\(([^)]*)\)", zlib.decompress(match.group(1))))
        except zlib.error:
            continue
    return found


def test_the_pdf_is_tagged_dutch_with_headings(client, gathering, published, amina):
    amina.user.language = "nl"
    client.force_login(amina.user)
    client.cookies["django_language"] = "nl"
    response = client.get(reverse("gatherings:report_pdf", args=[gathering.pk]))
    pdf = response.content
    assert pdf.startswith(b"%PDF")
    assert response["Content-Disposition"] == (
        'attachment; filename="verslag-masterclass-bondgenootschappelijk-samenwerken.pdf"'
    )
    assert _pdf_languages(pdf) == {b"nl"}
    info = poppler.run("pdfinfo", "-", pdf=pdf)
    assert "Tagged:          yes" in info
    structure = poppler.run("pdfinfo", "-struct", "-", pdf=pdf)
    tags = [line.split()[0] for line in structure.splitlines() if line.strip()]
    assert tags.count("H1") == 1
    assert {"H2", "H3", "BlockQuote", "L"} <= set(tags)
    assert "Wat de sprekers vertelden" in " ".join(_pdf_text(response).split())


def test_report_page_queries_do_not_grow(
    client, django_assert_max_num_queries, gathering, published, gijs, org, amina
):
    url = reverse("gatherings:report", args=[gathering.pk])
    client.force_login(amina.user)
    client.get(url)
    with django_assert_max_num_queries(20) as few:
        client.get(url)
    baseline = len(few.captured_queries)  # read now: every request empties Django's query log
    for person in PersonFactory.create_batch(6):
        RegistrationFactory(gathering=gathering, person=person, consent_to_name=True)
        quote = services.harvest_add(
            gathering=gathering, by=gijs, kind="quote", text=f"Iets van {person}", speaker=person
        )
        services.quote_consent_set(item=quote, by=person, consent=True)
    services.groups_form_random(gathering=gathering, by=gijs)
    client.force_login(gijs.user)
    client.post(reverse("gatherings:report_generate", args=[gathering.pk]))
    client.post(reverse("gatherings:report_publish", args=[gathering.pk]))
    client.force_login(amina.user)
    client.get(url)  # the first request after logging in also touches the session
    with django_assert_max_num_queries(baseline + 1):  # + the members of the groups, now there
        response = client.get(url)
    assert "Iets van" in response.content.decode()


@pytest.mark.parametrize(
    ("name", "make", "model"),
    [
        ("gatherings:role_remove", GatheringRoleFactory, GatheringRole),
        ("gatherings:group_remove", ConversationGroupFactory, ConversationGroup),
        ("gatherings:harvest_remove", HarvestItemFactory, HarvestItem),
    ],
)
def test_removing_asks_first_then_removes(client, gathering, gijs, name, make, model):
    thing = make(gathering=gathering)
    client.force_login(gijs.user)
    url = reverse(name, args=[gathering.pk, thing.pk])
    page = client.get(url)
    assert page.status_code == 200 and "Ja, verwijderen" in page.content.decode()
    assert model.objects.filter(pk=thing.pk).exists()  # asking changes nothing
    assert client.post(url).status_code == 302
    assert not model.objects.filter(pk=thing.pk).exists()
