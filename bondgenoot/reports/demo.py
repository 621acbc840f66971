"""The demo's verantwoording: Wij in de Wijk over the past year, shared with Ingrid of the
municipality (a demo login), so a newcomer sees both sides. Made through the services."""

from typing import Any

from . import services

ORGANISATION = "wijindewijk"
COORDINATOR = "henk"
FUNDER = "ingrid"


def load(demo: Any) -> None:
    henk = demo.people[COORDINATOR]
    report = services.report_create(
        by=henk,
        organisation=demo.organisations[ORGANISATION],
        title="Wat we samen deden dit jaar",
        period_start=demo.day(364),
        period_end=demo.today,
        introduction=(
            "Wij in de Wijk is een beweging van bewoners. We helpen elkaar als gelijken: wie "
            "vandaag hulp vraagt, geeft morgen zelf iets. We werken in bondgenootschappen met "
            "het buurtteam, de inloop en vrijwilligers."
        ),
        reflection=(
            "Als we terugkijken, zien we vooral vertrouwen groeien. Niet alles lukte: sommige "
            "bondgenootschappen stopten. Volgend jaar willen we meer jongeren erbij betrekken."
        ),
        ask=(
            "We vragen de gemeente om ruimte: laat ons verantwoorden met verhalen en niet alleen "
            "met aantallen, en denk mee over een vaste plek om samen te komen."
        ),
    )
    services.report_share_with_funder(report=report, by=henk, email=demo.people[FUNDER].user.email)
