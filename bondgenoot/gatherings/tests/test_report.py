"""The verslag: drafted from the gathering, shown with the consent that holds at that moment."""

import pytest

from bondgenoot.people.models import MembershipRole
from bondgenoot.people.tests.factories import MembershipFactory, PersonFactory

from .. import report as report_text
from .. import services
from ..models import GatheringReport, HarvestKind
from ..selectors import shown_report
from .factories import GatheringFactory, HarvestItemFactory

pytestmark = pytest.mark.django_db

DASH = "\u2013"  # between a name and a role in the thanks

QUOTE = "Ik werd echt voor de leeuwen gegooid, dus ik begon een eigen inloop."


def _text(report: GatheringReport) -> str:
    """Everything a reader sees of the report, as one string."""
    parts = []
    for section in shown_report(report).sections:
        parts.append(section.heading)
        for block in section.blocks:
            parts.extend([block.text, block.by, *block.items])
    return "\n".join(parts)


@pytest.fixture
def harvested(gathering, gijs, amina, bas):
    """bas spoke (a quote, consented), amina took part in a pair; a guest without account."""
    services.registration_register(gathering=gathering, person=amina)
    services.role_consent_set(role=gathering.roles.get(person=bas), by=bas, consent=True)
    services.role_add(
        gathering=gathering,
        by=gijs,
        role="guest",
        name_text="Burcu Kirca",
        introduction="coördinator bij Samen aan de Slag",
        contribution="We begeleiden bewoners naar werk.",
        consent_to_name=True,
    )
    quote = services.harvest_add(
        gathering=gathering, by=gijs, kind=HarvestKind.QUOTE, text=QUOTE, speaker=bas
    )
    services.quote_consent_set(item=quote, by=bas, consent=True)
    group = services.group_save(
        gathering=gathering, by=gijs, name="Tweetal 1", members=[amina, bas], discussed="Geld."
    )
    services.harvest_add(
        gathering=gathering, by=gijs, kind="insight", text="Geld ontbreekt in het schema."
    )
    services.harvest_add(
        gathering=gathering, by=gijs, kind="agreement", text="We zien elkaar in mei.", group=group
    )
    return quote


def test_the_draft_has_the_structure_of_the_seed_reports(gathering, gijs, harvested):
    report = services.report_generate(gathering=gathering, by=gijs)
    assert report.version == 1
    assert report.title == "Verslag masterclass: Masterclass bondgenootschappelijk samenwerken"
    assert report.question == "Wanneer leren we het nu eens?"
    shown = shown_report(report)
    assert [s.key for s in shown.sections] == [
        "introduction",
        "question",
        "hosts",
        "guests",
        "groups",
        "closing",
        "thanks",
    ]
    text = _text(report)
    assert QUOTE in text
    assert f"Burcu Kirca {DASH} coördinator bij Samen aan de Slag" in text
    assert "Bas" in text
    assert "Geld ontbreekt in het schema." in text
    assert "We zien elkaar in mei." in text


def test_a_withdrawn_quote_disappears_from_a_published_report(gathering, gijs, bas, harvested):
    report = services.report_generate(gathering=gathering, by=gijs)
    services.report_publish(report=report, by=gijs)
    assert QUOTE in _text(report)

    services.quote_consent_set(item=harvested, by=bas, consent=False)

    report.refresh_from_db()
    assert QUOTE not in _text(report)
    again = services.report_generate(gathering=gathering, by=gijs)
    assert f"[citaat {harvested.pk}]" not in again.hosts
    assert QUOTE not in _text(again)


def test_a_quote_typed_into_the_text_is_taken_out_too(gathering, gijs, bas, harvested):
    report = services.report_generate(gathering=gathering, by=gijs)
    services.report_update(report=report, by=gijs, closing=f"Bas zei: “{QUOTE}” Mooi.")
    services.quote_consent_set(item=harvested, by=bas, consent=False)

    report.refresh_from_db()
    assert QUOTE not in report.closing  # the stored copy became a reference
    assert f"[citaat {harvested.pk}]" in report.closing
    assert QUOTE not in _text(report)
    assert "Bas zei: Mooi." in _text(report)

    services.quote_consent_set(item=harvested, by=bas, consent=True)
    assert QUOTE in _text(report)  # back only because he agrees again


def test_a_quote_without_consent_is_never_shown_even_when_typed_in(gathering, gijs, bas):
    quote = services.harvest_add(
        gathering=gathering, by=gijs, kind=HarvestKind.QUOTE, text=QUOTE, speaker=bas
    )
    report = services.report_generate(gathering=gathering, by=gijs)
    services.report_update(report=report, by=gijs, closing=f"[citaat {quote.pk}]\n\n{QUOTE}")
    assert QUOTE not in _text(report)


def test_references_only_resolve_within_the_gathering(gathering, gijs):
    elsewhere = GatheringFactory()
    speaker = PersonFactory()
    secret_text = "Een citaat van een andere bijeenkomst."
    secret = HarvestItemFactory(
        gathering=elsewhere,
        kind=HarvestKind.QUOTE,
        speaker=speaker,
        speaker_consent=True,
        text=secret_text,
    )
    role = elsewhere.roles.create(role="host", name_text="Iemand Anders", consent_to_name=True)
    report = services.report_generate(gathering=gathering, by=gijs)
    services.report_update(
        report=report, by=gijs, closing=f"[citaat {secret.pk}] [naam {role.pk}] [dank {role.pk}]"
    )
    text = _text(report)
    assert secret_text not in text
    assert "Iemand Anders" not in text


def test_names_and_thanks_only_with_consent(gathering, gijs, bas, amina, harvested):
    services.role_consent_set(role=gathering.roles.get(person=bas), by=bas, consent=False)
    report = services.report_generate(gathering=gathering, by=gijs)
    thanks = shown_report(report).sections[-1]
    assert thanks.key == "thanks"
    assert thanks.blocks[0].items == [f"Burcu Kirca {DASH} coördinator bij Samen aan de Slag"]
    hosts = next(s for s in shown_report(report).sections if s.key == "hosts")
    assert hosts.blocks[0].text == "Een spreker"  # his heading, without his name


def test_a_thank_you_disappears_when_consent_is_withdrawn(gathering, gijs, bas, harvested):
    report = services.report_generate(gathering=gathering, by=gijs)
    assert f"Bas {DASH} oud-lector outreachend werken" in _text(report)
    services.role_consent_set(role=gathering.roles.get(person=bas), by=bas, consent=False)
    thanks = next(s for s in shown_report(report).sections if s.key == "thanks")
    assert all("Bas" not in item for item in thanks.blocks[0].items)
    assert f"Bas {DASH} oud-lector" not in _text(report)
    hosts = next(s for s in shown_report(report).sections if s.key == "hosts")
    assert hosts.blocks[0].text == "Een spreker"
    # His quote keeps his name: he agreed to that quote "with my name", separately.
    assert hosts.blocks[-1].by == "Bas"


def test_group_members_are_named_only_with_consent(gathering, gijs, amina, bas, harvested):
    report = services.report_generate(gathering=gathering, by=gijs)
    groups = next(s for s in shown_report(report).sections if s.key == "groups")
    members = groups.blocks[2].text
    assert members == "Bas en 1 andere deelnemer"  # bas agreed as a speaker; amina did not
    registration = amina.registrations.get()
    services.registration_consent_set(registration=registration, by=amina, consent=True)
    groups = next(s for s in shown_report(report).sections if s.key == "groups")
    assert groups.blocks[2].text == "Amina en Bas"


def test_pairs_are_called_pairs(gathering, gijs, harvested):
    report = services.report_generate(gathering=gathering, by=gijs)
    assert report.groups.startswith("We praatten in 1 tweetal.")


def test_a_quote_whose_speaker_left_is_not_shown(gathering, gijs, bas, harvested):
    report = services.report_generate(gathering=gathering, by=gijs)
    bas.user.delete()
    report.refresh_from_db()
    assert QUOTE not in _text(report)


def test_text_structure(gathering):
    data = report_text.ReportData(quotes={}, roles={}, groups={}, named_person_ids=set())
    blocks = report_text._blocks("## Kop\nEen\nregel\n\n- een\n- twee\n\nSlot", data)
    assert [(b.kind, b.text, b.items) for b in blocks] == [
        ("h", "Kop", []),
        ("p", "Een\nregel", []),
        ("ul", "", ["een", "twee"]),
        ("p", "Slot", []),
    ]


def test_report_data_takes_five_queries(django_assert_num_queries, gathering, harvested):
    with django_assert_num_queries(5):
        data = report_text.load_report_data(gathering)
        report_text.render_sections(GatheringReport(gathering=gathering, groups="[groep 1]"), data)


def test_organisation_member_cannot_be_fooled_by_a_guessed_marker(gathering, org):
    MembershipFactory(organisation=org, person=PersonFactory(), role=MembershipRole.MEMBER)
    assert report_text.resolve("[citaat 999999]", report_text.load_report_data(gathering)) == ""
