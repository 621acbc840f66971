"""Gatherings in the site-wide suites (contract: ``bondgenoot/core/tests/suites.py``).

A gathering of an organisation is for its members, its participants, its speakers and guests;
the organiser and the organisation's coordinators manage it. Every outsider gets a 404 on every
page of it, also the site admin and the funder. The list, the form to organise a gathering and
"My quotes" are one's own: outsiders get their own (empty) ones.
"""

import datetime
from typing import Any

from django.utils import timezone

from bondgenoot.core.tests.outsider_kit import AMINA, GIJS, NOT_FOUND, OK, SECRET, Target, none
from bondgenoot.gatherings import services
from bondgenoot.gatherings.models import GatheringStatus, HarvestKind, RoleKind


def build(
    *, organisation: Any, organiser: Any, speaker: Any, participant: Any, secret: str = ""
) -> dict[str, Any]:
    """A masterclass of ``organisation``: ``speaker`` (with an account) and ``participant``
    (a guest who also registered) take part, in one pair; a quote of each (consented), the
    other kinds of harvest, a published report (version 1) and a draft (version 2)."""

    def s(text: str) -> str:
        return f"{text} {secret}".strip()

    starts_at = timezone.now() + datetime.timedelta(days=14)
    gathering = services.gathering_create(
        by=organiser,
        kind="masterclass",
        title=s("Masterclass samen leren"),
        theme="bondgenootschappelijk samenwerken",
        question=s("Wanneer leren we het nu eens?"),
        description=s("Een middag met een gastspreker."),
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=2),
        place="Buurthuis De Linde",
        organisation=organisation,
        max_participants=20,
        status=GatheringStatus.OPEN,
    )
    host = services.role_add(
        gathering=gathering,
        by=organiser,
        role=RoleKind.HOST,
        person=speaker,
        introduction="ervaringsdeskundige",
        contribution=s("Hij vertelde over drie zakken post."),
    )
    services.role_consent_set(role=host, by=speaker, consent=True)
    guest = services.role_add(
        gathering=gathering, by=organiser, role=RoleKind.GUEST, person=participant
    )
    services.role_consent_set(role=guest, by=participant, consent=True)
    named_guest = services.role_add(
        gathering=gathering,
        by=organiser,
        role=RoleKind.GUEST,
        name_text="Karel Jansen",
        introduction="oud-lector",
        contribution=s("Van rationeel naar relationeel."),
        consent_to_name=True,
    )
    services.registration_register(gathering=gathering, person=speaker)
    registration = services.registration_register(gathering=gathering, person=participant)
    services.registration_consent_set(registration=registration, by=participant, consent=True)
    group = services.group_save(
        gathering=gathering,
        by=organiser,
        name="Tweetal 1",
        members=[speaker, participant],
        discussed=s("Over geld."),
    )
    quotes = []
    for person in (speaker, participant):
        quote = services.harvest_add(
            gathering=gathering,
            by=organiser,
            kind=HarvestKind.QUOTE,
            text=s(f"Samen doen, zei {person.display_name}."),
            speaker=person,
            group=group if person == participant else None,
        )
        services.quote_consent_set(item=quote, by=person, consent=True)
        quotes.append(quote)
    insight = services.harvest_add(
        gathering=gathering, by=organiser, kind=HarvestKind.INSIGHT, text=s("Geld ontbreekt.")
    )
    for kind in (HarvestKind.QUESTION, HarvestKind.AGREEMENT, HarvestKind.CASE):
        services.harvest_add(gathering=gathering, by=organiser, kind=kind, text=s(kind.label))
    published = services.report_generate(gathering=gathering, by=organiser)
    services.report_publish(report=published, by=organiser)
    draft = services.report_generate(gathering=gathering, by=organiser)
    return {
        "gathering": gathering,
        "host": host,
        "guest": guest,
        "named_guest": named_guest,
        "group": group,
        "quotes": quotes,
        "insight": insight,
        "published": published,
        "draft": draft,
    }


# The outsider matrix -------------------------------------------------------------------------


def outsiders(w: Any) -> None:
    """Gijs organises for ``w.org``; bas speaks; amina is a guest who registered."""
    w.extra["gatherings"] = build(
        organisation=w.org,
        organiser=w.people["gijs"],
        speaker=w.people["bas"],
        participant=w.amina,
        secret=SECRET,
    )


def _g(w: Any) -> dict[str, Any]:
    return {"pk": w.extra["gatherings"]["gathering"].pk}


def _role(w: Any) -> dict[str, Any]:
    return {**_g(w), "role_pk": w.extra["gatherings"]["host"].pk}


def _group(w: Any) -> dict[str, Any]:
    return {**_g(w), "group_pk": w.extra["gatherings"]["group"].pk}


def _item(w: Any) -> dict[str, Any]:
    return {**_g(w), "item_pk": w.extra["gatherings"]["insight"].pk}


OUTSIDER_TARGETS = {
    # One's own list (empty for an outsider) and one's own form.
    "gatherings:list": Target(none, OK, only="GET", insider=(AMINA, 200)),
    "gatherings:create": Target(none, OK, insider=(GIJS, 200)),
    # One's own quotes; a POST without a quote of one's own is a 404.
    "gatherings:my_quotes": Target(none, OK, post=NOT_FOUND, insider=(AMINA, 200)),
    "gatherings:detail": Target(_g, NOT_FOUND, only="GET", insider=(AMINA, 200)),
    "gatherings:edit": Target(_g, NOT_FOUND, insider=(GIJS, 200)),
    "gatherings:register": Target(_g, NOT_FOUND, only="POST"),
    "gatherings:withdraw": Target(_g, NOT_FOUND, only="POST"),
    "gatherings:participants": Target(_g, NOT_FOUND, only="GET", insider=(GIJS, 200)),
    "gatherings:roles": Target(_g, NOT_FOUND, insider=(GIJS, 200)),
    "gatherings:role_edit": Target(_role, NOT_FOUND, insider=(GIJS, 200)),
    "gatherings:role_remove": Target(_role, NOT_FOUND, insider=(GIJS, 200)),  # asks first
    "gatherings:groups": Target(_g, NOT_FOUND, insider=(GIJS, 200)),
    "gatherings:groups_random": Target(_g, NOT_FOUND, only="POST"),
    "gatherings:group_edit": Target(_group, NOT_FOUND, insider=(GIJS, 200)),
    "gatherings:group_remove": Target(_group, NOT_FOUND, insider=(GIJS, 200)),  # asks first
    "gatherings:harvest": Target(_g, NOT_FOUND, insider=(GIJS, 200)),
    "gatherings:harvest_remove": Target(_item, NOT_FOUND, insider=(GIJS, 200)),  # asks first
    "gatherings:report": Target(_g, NOT_FOUND, only="GET", insider=(AMINA, 200)),
    "gatherings:report_pdf": Target(_g, NOT_FOUND, only="GET", insider=(AMINA, 200)),
    "gatherings:report_edit": Target(_g, NOT_FOUND, insider=(GIJS, 200)),
    "gatherings:report_generate": Target(_g, NOT_FOUND, only="POST"),
    "gatherings:report_publish": Target(_g, NOT_FOUND, only="POST"),
}

INSIDER_SEES_SECRET = {
    "gatherings:detail",
    "gatherings:edit",
    "gatherings:roles",
    "gatherings:role_edit",
    "gatherings:groups",
    "gatherings:group_edit",
    "gatherings:harvest",
    "gatherings:report",
    "gatherings:report_edit",
    "gatherings:my_quotes",
}


# Every page in the browser (amina coordinates ``w.own_org``, bas is a member) ------------------


def every_page(w: Any) -> None:
    w.extra["gatherings"] = build(
        organisation=w.own_org, organiser=w.amina, speaker=w.bas, participant=w.amina
    )


EVERY_PAGE_KWARGS = {
    "gatherings:detail": _g,
    "gatherings:edit": _g,
    "gatherings:register": _g,
    "gatherings:withdraw": _g,
    "gatherings:participants": _g,
    "gatherings:roles": _g,
    "gatherings:role_edit": _role,
    "gatherings:role_remove": _role,
    "gatherings:groups": _g,
    "gatherings:groups_random": _g,
    "gatherings:group_edit": _group,
    "gatherings:group_remove": _group,
    "gatherings:harvest": _g,
    "gatherings:harvest_remove": _item,
    "gatherings:report": _g,
    "gatherings:report_pdf": _g,
    "gatherings:report_edit": _g,
    "gatherings:report_generate": _g,
    "gatherings:report_publish": _g,
}


# Hostile input (amina coordinates ``w.org``) ---------------------------------------------------


def hostile(w: Any) -> None:
    bas = w.alliance.parties.exclude(person=w.amina).filter(person__isnull=False).first().person
    w.extra["gatherings"] = build(
        organisation=w.org, organiser=w.amina, speaker=bas, participant=w.amina
    )


HOSTILE_KWARGS = EVERY_PAGE_KWARGS
