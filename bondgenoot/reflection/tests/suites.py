"""The mirror and intervisie in the site-wide suites (contract: ``core/tests/suites.py``).

Every team, round and case is for its members only: every outsider gets a 404, also the site
admin and the funder (a funder sees at most a summary the team chose to share, in a report,
never these pages). The lists and the forms to make a team or bring in a situation are one's
own: outsiders get their own, empty ones.
"""

import datetime
from typing import Any

from django.utils import timezone

from bondgenoot.core.tests.outsider_kit import AMINA, GIJS, NOT_FOUND, OK, SECRET, Target, none
from bondgenoot.reflection import services
from bondgenoot.reflection.models import CasePhase

from .factories import answer


def build(*, amina: Any, bas: Any, gijs: Any, secret: str = "") -> dict[str, Any]:
    """Amina's group team with bas and gijs: a closed round (three answers, a shared summary)
    and an open one (three answers), a case in the step of questions and one that is done."""

    def s(text: str) -> str:
        return f"{text} {secret}".strip()

    team = services.team_create(by=amina, name=s("De dinsdaggroep"), members=[bas, gijs])
    earlier = services.round_open(
        team=team,
        by=amina,
        title="Spiegel winter",
        opened_at=timezone.now() - datetime.timedelta(days=60),
    )
    answer(earlier, amina, [2, 2, 1, 2, 3, 2], notes={1: s("Ik denk nog vaak in doelgroepen.")})
    answer(earlier, bas, [3, 2, 2, 1, 3, 2], notes={6: s("Er is veel controle.")}, talk={6})
    answer(earlier, gijs, [2, 3, 2, 2, 2, 1])
    services.round_close(round=earlier, by=amina)
    services.round_share_in_report(
        round=earlier,
        by=amina,
        summary=s("We willen meer leren dan controleren."),
        team_decided=True,
    )
    current = services.round_open(team=team, by=bas, title="Spiegel voorjaar")
    answer(
        current,
        amina,
        [3, 4, 3, 3, 4, 4],
        notes={1: s("Ik kijk nu meer naar wat mensen kunnen.")},
        talk={4},
        show_name=True,
    )
    answer(current, bas, [4, 4, 3, 2, 5, 4], notes={4: s("Verantwoorden blijft lastig.")}, talk={4})
    answer(current, gijs, [3, 5, 4, 2, 4, 3])

    case = services.case_create(
        owner=amina,
        title=s("Een buurman die de deur niet opendoet"),
        what_happens=s("Ik bel al drie weken aan, maar hij doet niet open."),
        my_question=s("Hoe kom ik weer in contact?"),
        team=team,
    )
    services.case_move_on(case=case, by=amina, from_phase=CasePhase.SITUATION)
    services.case_respond(case=case, by=bas, phase=CasePhase.QUESTIONS, text=s("Sinds wanneer?"))

    finished = services.case_create(
        owner=amina,
        title="Een controle door de gemeente",
        what_happens=s("Het initiatief moet laten zien wat het deed."),
        my_question="Hoe voorkom ik dat iedereen gefrustreerd raakt?",
        team=team,
    )
    for phase, by, text in (
        (CasePhase.QUESTIONS, gijs, "Wat wil de gemeente weten?"),
        (CasePhase.ADVICE, bas, s("Begin met: waar kom je vandaan?")),
    ):
        services.case_move_on(case=finished, by=amina, from_phase=phase - 1)
        services.case_respond(case=finished, by=by, phase=phase, text=text)
    services.case_move_on(case=finished, by=amina, from_phase=CasePhase.ADVICE)
    services.case_takeaway_save(case=finished, by=amina, takeaway=s("Ik open het gesprek."))
    return {"team": team, "earlier": earlier, "current": current, "case": case, "done": finished}


def _pk(key: str) -> Any:
    return lambda w: {"pk": w.extra["reflection"][key].pk}


# The outsider matrix ---------------------------------------------------------------------------


def outsiders(w: Any) -> None:
    """Amina and bas (parties of ``w.alliance``) and gijs (its organisation's coordinator)."""
    people = w.people
    w.extra["reflection"] = build(
        amina=people["amina"], bas=people["bas"], gijs=people["gijs"], secret=SECRET
    )


OUTSIDER_TARGETS: dict[str, Target] = {
    # One's own lists and forms: an outsider gets their own, empty.
    "reflection:team_list": Target(none, OK, only="GET", insider=(AMINA, 200)),
    "reflection:team_create": Target(none, OK, insider=(AMINA, 200)),
    "reflection:team_create_for_organisation": Target(none, OK, insider=(GIJS, 200)),
    "reflection:case_list": Target(none, OK, only="GET", insider=(AMINA, 200)),
    "reflection:case_create": Target(none, OK, insider=(AMINA, 200)),
    # A team, its rounds and its cases: members only.
    "reflection:team_detail": Target(_pk("team"), NOT_FOUND, only="GET", insider=(AMINA, 200)),
    "reflection:team_leave": Target(_pk("team"), NOT_FOUND, insider=(AMINA, 200)),
    # The team has an open round: opening another one sends you to it.
    "reflection:round_open": Target(_pk("team"), NOT_FOUND, insider=(AMINA, 302)),
    # The closed round: its team view has everyone's notes (an open one shows only one's own).
    "reflection:round_detail": Target(_pk("earlier"), NOT_FOUND, only="GET", insider=(GIJS, 200)),
    "reflection:round_fill": Target(_pk("current"), NOT_FOUND, insider=(AMINA, 200)),
    "reflection:round_close": Target(_pk("current"), NOT_FOUND, insider=(AMINA, 200)),
    "reflection:round_share": Target(_pk("earlier"), NOT_FOUND, insider=(AMINA, 200)),
    "reflection:case_detail": Target(_pk("case"), NOT_FOUND, only="GET", insider=("bas", 200)),
    "reflection:case_respond": Target(_pk("case"), NOT_FOUND, only="POST", insider=("bas", 405)),
    "reflection:case_move_on": Target(_pk("case"), NOT_FOUND, insider=(AMINA, 200)),
    "reflection:case_takeaway": Target(_pk("done"), NOT_FOUND, insider=(AMINA, 200)),
}
INSIDER_SEES_SECRET = {"reflection:round_detail"}


# Axe on every page (opened as amina) -----------------------------------------------------------


def every_page(w: Any) -> None:
    """Amina's team with bas and gijs (as above), and the team of her own organisation (no
    round yet, so opening one shows the form)."""
    from bondgenoot.people.models import Membership

    gijs = Membership.objects.filter(organisation=w.other_org, role="coordinator").first().person
    built = build(amina=w.amina, bas=w.bas, gijs=gijs)
    built["org_team"] = services.team_create_for_organisation(by=w.amina, organisation=w.own_org)
    w.extra["reflection"] = built


EVERY_PAGE_KWARGS = {
    "reflection:team_detail": _pk("team"),
    "reflection:team_leave": _pk("team"),
    "reflection:round_open": _pk("org_team"),
    "reflection:round_detail": _pk("earlier"),  # closed: the team view with the chart
    "reflection:round_fill": _pk("current"),
    "reflection:round_close": _pk("current"),
    "reflection:round_share": _pk("earlier"),
    "reflection:case_detail": _pk("case"),
    "reflection:case_respond": _pk("case"),
    "reflection:case_move_on": _pk("case"),
    "reflection:case_takeaway": _pk("done"),
}


# Hostile input (amina coordinates ``w.org`` and is a party of ``w.alliance``) ------------------


def hostile(w: Any) -> None:
    from bondgenoot.alliances.models import Party

    bas = (
        Party.objects.exclude(person=w.amina).get(alliance=w.alliance, person__isnull=False).person
    )
    built = build(amina=w.amina, bas=bas, gijs=w.membership.person)
    built["org_team"] = services.team_create_for_organisation(by=w.amina, organisation=w.org)
    w.extra["reflection"] = built


HOSTILE_KWARGS = EVERY_PAGE_KWARGS
