"""Stories of change in the site-wide suites (contract: ``bondgenoot/core/tests/suites.py``).

Every page about one story, one organisation's domains or one selection round is a 404 for
every outsider (also the funder and the site admin). The list of stories and the pages that ask
where to tell a story are one's own: an outsider gets their own (empty) ones, or is sent on to
their one place.

The default domains are made for every organisation of a world before the suites run, as the
story pages do the first time they are used (a GET): so no GET of the suites writes.
"""

import datetime
from typing import Any

from django.utils import timezone

from bondgenoot.core.tests.outsider_kit import (
    AMINA,
    GIJS,
    NOT_FOUND,
    OK,
    REDIRECT,
    SECRET,
    Target,
    none,
)
from bondgenoot.people.models import Organisation
from bondgenoot.stories import services
from bondgenoot.stories.models import Domain, RoundTier, StoryUse


def _domain(organisation: Any, name: str) -> Domain:
    return Domain.objects.get(organisation=organisation, name=name)


def _ensure_all_domains() -> None:
    for organisation in Organisation.objects.all():
        services.domains_ensure_defaults(organisation=organisation)


def _period() -> dict[str, datetime.date]:
    today = timezone.localdate()
    return {"period_start": today - datetime.timedelta(days=60), "period_end": today}


def build(
    *,
    organisation: Any,
    coordinator: Any,
    teller: Any,
    alliance: Any,
    ally: Any,
    member: Any | None = None,
    secret: str = "",
) -> dict[str, Any]:
    """``teller`` tells a story in ``alliance`` (only there) and ``ally`` writes one down for
    them (waiting); ``coordinator`` tells one in ``organisation`` (or ``member`` does), opens a
    round in which it is chosen for Meedoen with reasons, and writes a note; Netwerk is still
    open to choose; Gezondheid is unused."""

    def s(text: str) -> str:
        return f"{text} {secret}".strip()

    _ensure_all_domains()
    in_alliance = services.story_tell(
        by=teller,
        alliance=alliance,
        title=s("Ik open mijn post weer"),
        what_changed=s("Ik maak mijn brieven zelf open."),
        why_important=s("Ik schaam me niet meer."),
        use=StoryUse.ALLIANCE,
    )
    awaiting = services.story_write_down(
        by=ally,
        storyteller=teller,
        alliance=alliance,
        title=s("Zelf gebeld"),
        what_changed=s("Ze belde zelf de woningcorporatie."),
        why_important=s("Ze voelt zich sterker."),
    )
    meedoen = _domain(organisation, "Meedoen")
    in_organisation = services.story_tell(
        by=member or coordinator,
        organisation=organisation,
        title=s("Weer aan het werk"),
        what_changed=s("Ik help twee dagen in de keuken."),
        why_important=s("Ik hoor erbij."),
        domain=meedoen,
        use=StoryUse.REPORT_ANONYMOUS,
    )
    services.story_tell(
        by=member or coordinator,
        organisation=organisation,
        title=s("Een buurvrouw erbij"),
        what_changed=s("Ik drink nu koffie bij de buurvrouw."),
        why_important=s("Ik ben minder alleen."),
    )
    closed = services.round_open(
        organisation=organisation,
        by=coordinator,
        title=s("Team, vorige keer"),
        tier=RoundTier.TEAM,
        **_period(),
    )
    services.round_close(selection_round=closed, by=coordinator)
    selection_round = services.round_open(
        organisation=organisation,
        by=coordinator,
        title=s("Voorjaar"),
        tier=RoundTier.ORGANISATION,
        **_period(),
    )
    choice = services.round_choose(
        selection_round=selection_round,
        by=coordinator,
        domain=meedoen,
        story=in_organisation,
        reasons=s("Het laat zien dat meedoen begint met een kleine stap."),
    )
    services.round_note(
        selection_round=selection_round,
        by=coordinator,
        story=in_organisation,
        text=s("Dit raakt me omdat ik het herken."),
    )
    return {
        "in_alliance": in_alliance,
        "awaiting": awaiting,
        "in_organisation": in_organisation,
        "round": selection_round,
        "choice": choice,
        "open_domain": _domain(organisation, "Netwerk"),
        "unused_domain": _domain(organisation, "Gezondheid"),
    }


# The outsider matrix -------------------------------------------------------------------------


def outsiders(w: Any) -> None:
    """amina tells in ``w.alliance``, bas writes one down for her; gijs runs ``w.org``."""
    w.extra["stories"] = build(
        organisation=w.org,
        coordinator=w.people["gijs"],
        teller=w.amina,
        alliance=w.alliance,
        ally=w.people["bas"],
        secret=SECRET,
    )


def _x(w: Any) -> dict[str, Any]:
    return dict(w.extra["stories"])


def _story(key: str) -> Any:
    return lambda w: {"pk": _x(w)[key].pk}


def _org(w: Any) -> dict[str, Any]:
    return {"pk": _x(w)["round"].organisation_id}


def _alliance(w: Any) -> dict[str, Any]:
    return {"pk": _x(w)["in_alliance"].alliance_id}


def _domain_kwargs(w: Any) -> dict[str, Any]:
    return {**_org(w), "domain_pk": _x(w)["unused_domain"].pk}


def _round(w: Any) -> dict[str, Any]:
    return {"pk": _x(w)["round"].pk}


def _round_domain(w: Any) -> dict[str, Any]:
    return {**_round(w), "domain_pk": _x(w)["open_domain"].pk}


def _round_story(w: Any) -> dict[str, Any]:
    return {**_round(w), "story_pk": _x(w)["in_organisation"].pk}


# Where to tell: one's own places; with exactly one place, straight on to it.
_OWN_PLACES = OK | REDIRECT

OUTSIDER_TARGETS = {
    "stories:list": Target(none, OK, only="GET", insider=(AMINA, 200)),
    "stories:tell": Target(none, _OWN_PLACES, only="GET", insider=(GIJS, 200)),
    "stories:write_down": Target(none, _OWN_PLACES, only="GET", insider=(GIJS, 200)),
    "stories:tell_alliance": Target(_alliance, NOT_FOUND, insider=(AMINA, 200)),
    "stories:tell_organisation": Target(_org, NOT_FOUND, insider=(GIJS, 200)),
    "stories:write_down_alliance": Target(_alliance, NOT_FOUND, insider=(AMINA, 200)),
    "stories:write_down_organisation": Target(_org, NOT_FOUND, insider=(GIJS, 200)),
    "stories:detail": Target(_story("in_alliance"), NOT_FOUND, only="GET", insider=(AMINA, 200)),
    "stories:confirm": Target(_story("awaiting"), NOT_FOUND, insider=(AMINA, 200)),
    "stories:decline": Target(_story("awaiting"), NOT_FOUND, insider=(AMINA, 200)),
    "stories:use": Target(_story("in_alliance"), NOT_FOUND, insider=(AMINA, 200)),
    "stories:domains": Target(_org, NOT_FOUND, insider=(GIJS, 200)),
    "stories:domain_edit": Target(_domain_kwargs, NOT_FOUND, insider=(GIJS, 200)),
    "stories:domain_move": Target(_domain_kwargs, NOT_FOUND, only="POST", insider=(GIJS, 405)),
    "stories:domain_remove": Target(_domain_kwargs, NOT_FOUND, insider=(GIJS, 200)),
    "stories:rounds": Target(_org, NOT_FOUND, only="GET", insider=(GIJS, 200)),
    "stories:round_open": Target(_org, NOT_FOUND, insider=(GIJS, 200)),
    "stories:round": Target(_round, NOT_FOUND, only="GET", insider=(GIJS, 200)),
    "stories:round_choose": Target(_round_domain, NOT_FOUND, insider=(GIJS, 200)),
    "stories:round_close": Target(_round, NOT_FOUND, insider=(GIJS, 200)),
    "stories:round_note": Target(_round_story, NOT_FOUND, insider=(GIJS, 200)),
}

INSIDER_SEES_SECRET = {
    "stories:list",
    "stories:detail",
    "stories:confirm",
    "stories:use",
    "stories:rounds",
    "stories:round",
    "stories:round_note",
}


# Every page in the browser (amina coordinates ``w.own_org``, bas is a member) ------------------


def every_page(w: Any) -> None:
    """bas tells in ``w.own_org``; amina tells in ``w.alliance`` and bas writes one down for
    her (the page to confirm it); amina runs the rounds of her organisation."""
    w.extra["stories"] = build(
        organisation=w.own_org,
        coordinator=w.amina,
        member=w.bas,
        teller=w.amina,
        alliance=w.alliance,
        ally=w.bas,
    )


EVERY_PAGE_KWARGS = {
    "stories:tell_alliance": _alliance,
    "stories:tell_organisation": _org,
    "stories:write_down_alliance": _alliance,
    "stories:write_down_organisation": _org,
    "stories:detail": _story("in_alliance"),
    "stories:confirm": _story("awaiting"),
    "stories:decline": _story("awaiting"),
    "stories:use": _story("in_alliance"),
    "stories:domains": _org,
    "stories:domain_edit": _domain_kwargs,
    "stories:domain_move": _domain_kwargs,
    "stories:domain_remove": _domain_kwargs,
    "stories:rounds": _org,
    "stories:round_open": _org,
    "stories:round": _round,
    "stories:round_choose": _round_domain,
    "stories:round_close": _round,
    "stories:round_note": _round_story,
}


# Hostile input (amina coordinates ``w.org`` and is a party of ``w.alliance``) ----------------


def hostile(w: Any) -> None:
    bas = w.alliance.parties.exclude(person=w.amina).filter(person__isnull=False).first().person
    w.extra["stories"] = build(
        organisation=w.org, coordinator=w.amina, teller=w.amina, alliance=w.alliance, ally=bas
    )


HOSTILE_KWARGS = EVERY_PAGE_KWARGS
