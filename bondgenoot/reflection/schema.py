"""The schema "van rationeel naar relationeel werken" of both seed reports, as data.

The six rows are quotations: the statements are stored exactly as they stand in the reports
(the 2021 webinar and the 2023 masterclass have the same table), in Dutch, and shown as they
are. Only the short title of each row and everything around it go through gettext.
Left is *rationeel werken*, right is *relationeel werken*; the table is framed by
*uniform* (left) and *pluriform* (right).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrPromise

LEFT_HEADING = "rationeel werken"
RIGHT_HEADING = "relationeel werken"
LEFT_FRAME = "uniform"
RIGHT_FRAME = "pluriform"


@dataclass(frozen=True)
class SchemaRow:
    number: int
    title: StrPromise  # a short name of the row for headings and the chart (not a quotation)
    left: str  # rationeel werken, verbatim
    right: str  # relationeel werken, verbatim


ROWS: tuple[SchemaRow, ...] = (
    SchemaRow(
        1,
        _("Target groups or people"),
        "denk in doelgroepen cohorten, labels (gevaarlijk, hulpbehoevend)",
        "denk vanuit mensen als sociale wezens en cultuurproducenten",
    ),
    SchemaRow(
        2,
        _("What someone cannot do or can do"),
        "focus op de zorgbehoefte van de klant (wat kan hij niet): zorg voor",
        "focus op ontwikkelbehoefte van mensen (wat kunnen ze wel): zorg dat",
    ),
    SchemaRow(
        3,
        _("Certain or uncertain knowing"),
        "zeker weten neem het zekere voor het onzekere (evidence based, kpi's)",
        "onzeker weten reflecteer vanuit ervaringen, netwerken, aspiraties",
    ),
    SchemaRow(
        4,
        _("Accountable for products or for the process"),
        "verantwoord productgericht via wat meetbaar is in eenheden. Wat niet in cijfers te "
        "vangen is, is niet geldig",
        "verantwoord procesgericht (vanuit een samenspel van krachten: schiet vooral aan je "
        "doelen voorbij)",
    ),
    SchemaRow(
        5,
        _("From outside and above, or from inside and below"),
        "werk van buitenaf bovenaf en (gefragmenteerd) specialistisch",
        "werk van binnenuit onderaf en samen (BOS)",
    ),
    SchemaRow(6, _("Controlling or learning"), "controleren", "leren"),
)

ROW_NUMBERS = tuple(row.number for row in ROWS)
BY_NUMBER = {row.number: row for row in ROWS}

# The five steps between the two statements: 1 is the left statement, 5 the right one.
STEPS = (1, 2, 3, 4, 5)
STEP_LABELS = {
    1: _("Completely left"),
    2: _("More left"),
    3: _("In the middle"),
    4: _("More right"),
    5: _("Completely right"),
}
