"""The gathering of the demo: one masterclass with the structure of the 2023 masterclass report
(a guest speaker who brings an expert by experience, questions to her, two groups on the
schema, a case from practice, a closing and thanks), with invented people from the demo.

Built through the services (the loader is in ``bondgenoot/demo/loader.py``): the organiser
makes the gathering and opens registration, people register, the speakers and a guest are
added, groups are made by hand, the harvest is written down, the people concerned give their
consent on their own page, and the report is generated, edited and published.

The loader gets ``demo.gatherings["masterclass"]`` for apps that run after this one (a case
brought in at the masterclass, for example).
"""

import datetime
from typing import Any

from django.utils import timezone, translation

from . import services
from .models import GatheringKind, GatheringStatus, HarvestKind, RoleKind

ORGANISER = "peter"  # coordinator of Welzijn Lindendaal
DAYS_AGO = 40
TITLE = "Masterclass bondgenootschappelijk samenwerken"

# Registered in this order (Bas, a speaker, too); the last two were too late and stayed on the
# waiting list.
PARTICIPANTS = (
    "bas", "sanne", "jeroen", "kevin", "fatma", "henk", "layla", "amina", "anouk", "lotte",
    "ruth", "esra", "ricardo", "marieke", "mirjam", "joyce", "dirk",
)  # fmt: skip
MAX_PARTICIPANTS = 15
# Who agreed that their name may be in the report with their group (the others are counted).
NAMED = ("sanne", "henk", "layla", "anouk", "lotte", "kevin", "jeroen")

GROUP_ONE = ("sanne", "henk", "amina", "anouk", "kevin", "fatma", "jeroen")
GROUP_TWO = ("layla", "lotte", "ruth", "esra", "ricardo", "marieke", "mirjam")

QUESTIONS_TO_BAS = (
    (
        "Hoe werd je verwelkomd in het buurtteam?",
        "In het begin wist niemand wat ze met me aan moesten. Ik ben gewoon een inloop "
        "begonnen en heb collega's gevraagd om mee te doen. Zo ontstond de samenwerking.",
    ),
    (
        "Wat betekent bondgenootschappelijk voor jou?",
        "Eerst contact maken en luisteren. Dan vanuit je eigen verhaal antwoord geven, niet "
        "vanuit een protocol.",
    ),
    (
        "Hoe heb je geleerd om je grenzen aan te geven?",
        "Ik kon geen nee zeggen. Ik heb het geleerd doordat anderen het me lieten zien, en "
        "door er elke week even bij stil te staan.",
    ),
)


def load(demo: Any) -> None:
    with translation.override("nl"):
        _load(demo)


def _load(demo: Any) -> None:
    people = demo.people
    peter = people[ORGANISER]
    day: datetime.date = demo.day(DAYS_AGO)
    starts_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(14, 0)))

    gathering = services.gathering_create(
        by=peter,
        kind=GatheringKind.MASTERCLASS,
        title=TITLE,
        theme="bondgenootschappelijk samenwerken",
        question=(
            "Hoe komen we van werken vanuit regels en controle naar werken vanuit de relatie, "
            "en wat hebben we daarvoor van elkaar nodig?"
        ),
        description=(
            "De tweede masterclass van Welzijn Lindendaal. Een gastspreker en een "
            "ervaringsdeskundige gaan met elkaar en met ons in gesprek. Daarna praten we in "
            "twee groepen verder over het schema van rationeel naar relationeel werken."
        ),
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=3),
        place="Buurthuis De Linde, Lindendaal",
        max_participants=MAX_PARTICIPANTS,
        is_open=True,
        status=GatheringStatus.OPEN,
    )
    registrations = {
        key: services.registration_register(gathering=gathering, person=people[key])
        for key in PARTICIPANTS
    }
    for key in NAMED:
        services.registration_consent_set(
            registration=registrations[key], by=people[key], consent=True
        )

    speaker = services.role_add(
        gathering=gathering,
        by=peter,
        role=RoleKind.HOST,
        name_text="Karel Jansen",
        introduction="oud-lector outreachend werken",
        contribution=(
            "Karel liet zien hoe het denken in producten en cijfers overal in het sociale "
            "domein voet aan de grond heeft gekregen. “We zijn allemaal boekhouders "
            "geworden,” zei hij. Het begint te dagen dat dit niet werkt. Hij deelde het schema "
            "van rationeel naar relationeel werken: we staan nu vooral aan de linkerkant, en "
            "we willen naar rechts.\n\n"
            "- Van uniform naar pluriform: niet denken in doelgroepen, maar in mensen.\n"
            "- Van zorg voor naar zorg dat: kijken naar wat iemand wel kan.\n"
            "- Van controleren naar leren."
        ),
        consent_to_name=True,  # he told the organiser so; he has no account
    )
    bas = services.role_add(
        gathering=gathering,
        by=peter,
        role=RoleKind.HOST,
        person=people["bas"],
        introduction="ervaringsdeskundige, Inloop De Open Deur",
        contribution=(
            "Bas vertelde over de jaren dat hij schulden had en de post zich opstapelde in "
            "zijn gang. Een maatschappelijk werker ging naast hem zitten en sorteerde mee. "
            "Nu zet hij die ervaring in, in de inloop die hij zelf opzette."
        ),
    )
    services.role_consent_set(role=bas, by=people["bas"], consent=True)
    guest = services.role_add(
        gathering=gathering,
        by=peter,
        role=RoleKind.GUEST,
        person=people["esra"],
        introduction="coördinator van Werkcoöperatie De Werkplaats",
        contribution=(
            "Esra vertelde hoe De Werkplaats bewoners naar werk begeleidt, samen met "
            "ervaringsdeskundigen uit de wijk. Zij zoeken naar wat mensen kunnen en willen."
        ),
    )
    services.role_consent_set(role=guest, by=people["esra"], consent=True)

    one = services.group_save(
        gathering=gathering,
        by=peter,
        name="Groep 1",
        members=[people[key] for key in GROUP_ONE],
        discussed=(
            "Henk bracht een situatie uit de praktijk in: Wij in de Wijk wordt volgende "
            "week bezocht door ambtenaren van de gemeente, die willen zien wat het initiatief "
            "heeft gepresteerd. Hij vroeg de groep om raad."
        ),
    )
    two = services.group_save(
        gathering=gathering,
        by=peter,
        name="Groep 2",
        members=[people[key] for key in GROUP_TWO],
        discussed=(
            "De groep zocht voorbeelden van elke rij van het schema in het eigen werk, en "
            "vroeg zich af wat er nodig is om het leren vast te houden."
        ),
    )

    quotes = []
    for _question, answer in QUESTIONS_TO_BAS:
        quotes.append(
            services.harvest_add(
                gathering=gathering,
                by=peter,
                kind=HarvestKind.QUOTE,
                text=answer,
                speaker=people["bas"],
            )
        )
    henk_quote = services.harvest_add(
        gathering=gathering,
        by=peter,
        kind=HarvestKind.QUOTE,
        text="Ik wil het gesprek openbreken: waar sta je, waar kom je vandaan, wat is voor "
        "jou de zin van je werk?",
        speaker=people["henk"],
        group=one,
    )
    kevin_quote = services.harvest_add(
        gathering=gathering,
        by=peter,
        kind=HarvestKind.QUOTE,
        text="Mijn leidinggevende zegt: we verantwoorden het wel. Dat geeft ruimte.",
        speaker=people["kevin"],
        group=one,
    )
    for quote, said_by in [*((q, people["bas"]) for q in quotes), (henk_quote, people["henk"])]:
        services.quote_consent_set(item=quote, by=said_by, consent=True)
    # Kevin has not answered yet: his quote stays out of the report until he agrees.
    del kevin_quote

    for kind, text, group in (
        (
            HarvestKind.CASE,
            "Wij in de Wijk wordt gecontroleerd: hoe laat je zien wat je "
            "doet, zonder dat iedereen gefrustreerd raakt?",
            one,
        ),
        (HarvestKind.INSIGHT, "Geld ontbreekt in de twee rijtjes van het schema.", one),
        (HarvestKind.INSIGHT, "Leiderschap dat ruimte maakt, helpt het meest.", one),
        (
            HarvestKind.INSIGHT,
            "Mensen willen wel veranderen, maar in de praktijk is het moeilijk.",
            two,
        ),
        (HarvestKind.QUESTION, "Hoe houden we het leren vast als het druk wordt?", two),
        (HarvestKind.INSIGHT, "Een visie ontwikkelen en daar samen draagvlak voor krijgen.", None),
        (
            HarvestKind.AGREEMENT,
            "Henk nodigt de ambtenaren uit voor een buurtavond in plaats "
            "van een controle op kantoor.",
            None,
        ),
        (HarvestKind.AGREEMENT, "In het voorjaar volgt een derde masterclass, over geld.", None),
    ):
        services.harvest_add(gathering=gathering, by=peter, kind=kind, text=text, group=group)

    services.gathering_update(gathering=gathering, by=peter, status=GatheringStatus.HELD)
    report = services.report_generate(gathering=gathering, by=peter)
    services.report_update(
        report=report,
        by=peter,
        title="Verslag masterclass bondgenootschappelijk samenwerken",
        introduction=(
            f"Het thema van de tweede masterclass was bondgenootschappelijk samenwerken. "
            f"[naam {speaker.pk}] (oud-lector outreachend werken) was gastspreker, en had "
            f"ervaringsdeskundige [naam {bas.pk}] meegenomen om samen in gesprek te gaan."
        ),
        hosts=_hosts_text(speaker.pk, bas.pk, [q.pk for q in quotes]),
        groups=(
            "Twee groepen bespraken het schema van rationeel naar relationeel werken.\n\n"
            f"## Groep 1\n\n[groep {one.pk}]\n\n{one.discussed}\n\n"
            f"[citaat {henk_quote.pk}]\n\n"
            "Reacties op de situatie van Henk:\n\n"
            "- Leiderschap dat ruimte maakt, helpt het meest.\n"
            "- Ontwikkel een visie en krijg daar draagvlak voor.\n"
            "- Geld ontbreekt in de twee rijtjes van het schema.\n\n"
            f"## Groep 2\n\n[groep {two.pk}]\n\n{two.discussed}\n\n"
            "- Mensen willen wel veranderen, maar in de praktijk is het moeilijk.\n"
            "- Hoe houden we het leren vast als het druk wordt?"
        ),
    )
    services.report_publish(report=report, by=peter)
    demo.gatherings = {**getattr(demo, "gatherings", {}), "masterclass": gathering}


def _hosts_text(speaker_pk: int, bas_pk: int, quote_pks: list[int]) -> str:
    parts = [
        "## Van rationeel naar relationeel",
        f"[naam {speaker_pk}] deelde het schema van rationeel naar relationeel werken. "
        "We staan nu vooral aan de rationele kant: denken in doelgroepen, in cijfers en in "
        "controle. We willen naar de relationele kant: denken vanuit mensen, onzeker durven "
        "weten en samen leren.",
        f"## Het verhaal van [naam {bas_pk}]",
        f"[naam {bas_pk}] vertelde over de jaren dat hij schulden had. De post stapelde zich "
        "op in zijn gang. Een maatschappelijk werker ging naast hem zitten en sorteerde mee. "
        "Nu zet hij die ervaring in, in de inloop die hij zelf opzette.",
        f"## Vragen aan [naam {bas_pk}]",
    ]
    for (question, _answer), pk in zip(QUESTIONS_TO_BAS, quote_pks, strict=True):
        parts.extend([question, f"[citaat {pk}]"])
    return "\n\n".join(parts)
