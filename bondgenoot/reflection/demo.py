"""The mirror and intervisie in the demo (``bondgenoot/demo/loader.py`` calls ``load``).

Buurtteam Vlinderbuurt holds up the mirror as a team of all its members (Sanne, Jeroen, Kevin
and Fatma): a round in the winter, closed, whose summary the team chose to share in reports, and
a round now, still open, in which the four moved towards relationeel werken. Kevin brought in a
situation that went through every step; Sanne brought in one that is at the questions now.
Everything is made through the services. Log in as sanne@example.org or kevin@example.org.
"""

import datetime
from typing import Any

from django.utils import timezone

from . import services
from .models import CasePhase
from .services import RowAnswer

TEAM_ORGANISATION = "buurtteam"

# Per person: (places on rows 1-6, {row: note}, rows to talk about, show name with notes).
WINTER: dict[str, "Spec"] = {
    "sanne": ([2, 2, 1, 1, 2, 2], {4: "We tellen vooral contacten en trajecten."}, {4}, True),
    "jeroen": ([3, 2, 2, 1, 3, 2], {2: "Het intakeformulier vraagt wat niet lukt."}, {2}, False),
    "kevin": ([3, 3, 2, 2, 2, 1], {6: "Ik voel me soms gecontroleerd, niet gesteund."}, {6}, False),
    "fatma": ([2, 1, 2, 2, 3, 2], {}, set(), False),
}
NOW: dict[str, "Spec"] = {
    "sanne": (
        [3, 4, 3, 2, 3, 4],
        {4: "Ons verhaal in de verantwoording wordt gelezen, de cijfers minder."},
        {4},
        True,
    ),
    "jeroen": (
        [4, 4, 3, 2, 4, 3],
        {2: "We vragen nu eerst: wat wil je bereiken?", 5: "De tandem met Kevin helpt."},
        set(),
        False,
    ),
    "kevin": (
        [4, 5, 4, 3, 4, 3],
        {1: "In de inloop zie ik buren, geen doelgroepen."},
        {3, 6},
        True,
    ),
    "fatma": ([3, 3, 3, 2, 4, 4], {3: "Ik durf vaker te zeggen dat ik het niet weet."}, {4}, False),
}


def _moment(demo: Any, days_ago: int, hour: int = 10) -> datetime.datetime:
    day = demo.day(days_ago)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


Spec = tuple[list[int], dict[int, str], set[int], bool]


def _answer(round: Any, person: Any, spec: Spec) -> None:
    places, notes, talk, show_name = spec
    rows = {
        number: RowAnswer(position=place, note=notes.get(number, ""), want_to_talk=number in talk)
        for number, place in enumerate(places, start=1)
    }
    services.answer_save(round=round, person=person, rows=rows, show_name=show_name, submit=True)


def load(demo: Any) -> None:
    people = demo.people
    sanne, jeroen, kevin, fatma = (people[k] for k in ("sanne", "jeroen", "kevin", "fatma"))
    team = services.team_create_for_organisation(
        by=sanne, organisation=demo.organisations[TEAM_ORGANISATION]
    )

    winter = services.round_open(
        team=team, by=sanne, title="Spiegel winter", opened_at=_moment(demo, 120)
    )
    for key, spec in WINTER.items():
        _answer(winter, people[key], spec)
    services.round_close(round=winter, by=sanne)
    services.round_share_in_report(
        round=winter,
        by=sanne,
        summary=(
            "In de winter zagen we dat we vooral verantwoorden in aantallen. We willen meer "
            "vertellen over wat er in de buurt verandert, en meer van elkaar leren."
        ),
        team_decided=True,
    )

    spring = services.round_open(
        team=team, by=kevin, title="Spiegel voorjaar", opened_at=_moment(demo, 10)
    )
    for key, spec in NOW.items():
        _answer(spring, people[key], spec)
    # Closed, so the team sees its overview (an open round shows each person only their own).
    services.round_close(round=spring, by=kevin)

    # A situation that went through every step.
    done = services.case_create(
        owner=kevin,
        title="Een moeder die het buurtteam niet meer vertrouwt",
        what_happens=(
            "Een moeder in de Vlinderbuurt wil niet meer met het buurtteam praten. Haar kinderen "
            "zijn vroeger uit huis geplaatst en ze denkt dat wij weer komen controleren. Met mij "
            "praat ze wel, in de inloop, omdat ik zelf ook zoiets heb meegemaakt."
        ),
        my_question=(
            "Hoe kan ik haar bondgenoot blijven zonder dat ze denkt dat ik het buurtteam naar "
            "binnen smokkel?"
        ),
        team=team,
    )
    steps = (
        (
            CasePhase.QUESTIONS,
            [
                (sanne, "Wat wil zij zelf bereiken, als je het haar vraagt?"),
                (kevin, "Dat haar jongste weer bij haar mag logeren."),
                (fatma, "Weet zij dat jij ook bij het buurtteam werkt?"),
                (kevin, "Ja. Ik heb het meteen verteld, dat vond ze eerlijk."),
            ],
        ),
        (
            CasePhase.ADVICE,
            [
                (jeroen, "Vraag haar wie zij zelf als bondgenoot zou willen, en wie niet."),
                (sanne, "Spreek samen af wat je wel en niet doorvertelt, en houd je daaraan."),
                (fatma, "Erken dat je niet alles kunt. Dat maakt je juist betrouwbaar."),
            ],
        ),
    )
    for phase, responses in steps:
        services.case_move_on(case=done, by=kevin, from_phase=phase - 1)
        for author, text in responses:
            services.case_respond(case=done, by=author, phase=phase, text=text)
    services.case_move_on(case=done, by=kevin, from_phase=CasePhase.ADVICE)
    services.case_takeaway_save(
        case=done,
        by=kevin,
        takeaway=(
            "Ik vraag haar wat zij wil en wie ze erbij wil. We schrijven samen op wat ik "
            "doorvertel. En ik zeg eerlijker wat ik niet kan."
        ),
    )

    # A situation at the questions now: try it as kevin, fatma or jeroen.
    open_case = services.case_create(
        owner=sanne,
        title="Een controle door de gemeente bij de buurtkeuken",
        what_happens=(
            "Volgende week komen ambtenaren kijken wat de buurtkeuken heeft gepresteerd. Ze "
            "vragen aantallen maaltijden en bezoekers. Ik voorzie dat iedereen gefrustreerd raakt."
        ),
        my_question="Hoe open ik het gesprek, zodat het over meer gaat dan cijfers?",
        team=team,
    )
    services.case_move_on(case=open_case, by=sanne, from_phase=CasePhase.SITUATION)
    services.case_respond(
        case=open_case,
        by=jeroen,
        phase=CasePhase.QUESTIONS,
        text="Wie van de bewoners wil zelf vertellen wat de keuken voor hen betekent?",
    )
