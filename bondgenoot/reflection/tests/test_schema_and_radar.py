"""The six rows are the reports' own words, and the radar chart is drawn from the spread."""

import pytest

from bondgenoot.reflection import radar
from bondgenoot.reflection.schema import LEFT_FRAME, LEFT_HEADING, RIGHT_FRAME, RIGHT_HEADING, ROWS
from bondgenoot.reflection.selectors import RowSpread, Spread

# The table as it stands in both seed reports (webinar 2021, masterclass 2023), tab-separated.
REPORT_TABLE = """\trationeel werken\trelationeel werken\t
uniform\tdenk in doelgroepen cohorten, labels (gevaarlijk, hulpbehoevend)\tdenk vanuit mensen als sociale wezens en cultuurproducenten\tpluriform
\tfocus op de zorgbehoefte van de klant (wat kan hij niet): zorg voor\tfocus op ontwikkelbehoefte van mensen (wat kunnen ze wel): zorg dat\t
\tzeker weten neem het zekere voor het onzekere (evidence based, kpi's)\tonzeker weten reflecteer vanuit ervaringen, netwerken, aspiraties\t
\tverantwoord productgericht via wat meetbaar is in eenheden. Wat niet in cijfers te vangen is, is niet geldig\tverantwoord procesgericht (vanuit een samenspel van krachten: schiet vooral aan je doelen voorbij)\t
\twerk van buitenaf bovenaf en (gefragmenteerd) specialistisch\twerk van binnenuit onderaf en samen (BOS)\t
\tcontroleren\tleren\t"""  # noqa: E501


def test_the_six_rows_are_quoted_verbatim_left_rationeel_right_relationeel():
    header, *lines = REPORT_TABLE.split("\n")
    assert header.split("\t")[1:3] == [LEFT_HEADING, RIGHT_HEADING]
    assert lines[0].split("\t")[0] == LEFT_FRAME and lines[0].split("\t")[3] == RIGHT_FRAME
    assert len(ROWS) == 6
    for row, line in zip(ROWS, lines, strict=True):
        assert line.split("\t")[1:3] == [row.left, row.right]
    assert [row.number for row in ROWS] == [1, 2, 3, 4, 5, 6]


def spread(counts: list[list[int]]) -> Spread:
    rows = [RowSpread(row=r, counts=c) for r, c in zip(ROWS, counts, strict=True)]
    return Spread(round=None, answers=sum(counts[0]), rows=rows)


def test_the_chart_has_six_axes_five_rings_a_band_and_a_dot_per_chosen_place():
    now = spread([[0, 0, 1, 1, 1]] * 3 + [[3, 0, 0, 0, 0]] * 3)
    chart = radar.chart(now)
    assert len(chart.axes) == 6 and len(chart.rings) == 5
    assert chart.axes[0].x == "200.0" and chart.axes[0].y == "50.0"  # row 1 straight up
    assert chart.band.count("M") == 2  # the highest places, and the lowest ones inside
    assert len(chart.dots) == 3 * 3 + 3
    assert {d.count for d in chart.dots} == {1, 3}
    assert max(float(d.r) for d in chart.dots) == pytest.approx(radar.DOT_MAX)
    assert chart.before_band == ""


def test_the_previous_round_is_drawn_too():
    now = spread([[0, 0, 0, 3, 0]] * 6)
    before = spread([[0, 3, 0, 0, 0]] * 6)
    chart = radar.chart(now, before)
    assert chart.before_band and chart.before_middle
    assert chart.middle != chart.before_middle
