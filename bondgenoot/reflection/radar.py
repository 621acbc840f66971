"""The radar chart of the mirror, worked out on the server as numbers for an inline SVG
(``reflection/radar.html``): no JavaScript, no image file.

Six axes, one per row of the schema, clockwise from the top. On every axis the five places:
the centre side is the left statement (rationeel werken), the outer ring the right one
(relationeel werken). Drawn per round: the band from the lowest to the highest place chosen,
a line through the middle (the mean), and a dot on every place that was chosen, as large as the
number of people who chose it. The previous round is drawn as dashed lines, so the movement
shows. The page carries the same figures as a table.
"""

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .schema import STEPS

if TYPE_CHECKING:
    from .selectors import Spread

SIZE = 400
CENTRE = SIZE / 2
RADIUS = 150
LABEL_RADIUS = 178
DOT_MIN = 2.5
DOT_MAX = 10.0


def _angle(index: int, axes: int) -> float:
    return -math.pi / 2 + index * 2 * math.pi / axes


def _point(index: int, axes: int, value: float) -> tuple[float, float]:
    r = RADIUS * value / len(STEPS)
    angle = _angle(index, axes)
    return CENTRE + r * math.cos(angle), CENTRE + r * math.sin(angle)


def _points(values: list[float]) -> str:
    corners = (_point(i, len(values), v) for i, v in enumerate(values))
    return " ".join(f"{_n(x)},{_n(y)}" for x, y in corners)


def _ring_path(values: list[float]) -> str:
    corners = [_point(i, len(values), v) for i, v in enumerate(values)]
    return "M" + " L".join(f"{_n(x)},{_n(y)}" for x, y in corners) + " Z"


def _n(value: float) -> str:
    """A coordinate as SVG wants it: a decimal point, whatever the language of the page."""
    return f"{value:.1f}"


@dataclass(frozen=True)
class Axis:
    number: int
    x: str  # the end of the axis
    y: str
    label_x: str
    label_y: str


@dataclass(frozen=True)
class Dot:
    x: str
    y: str
    r: str
    count: int
    row: int
    step: int


@dataclass(frozen=True)
class Chart:
    size: int
    centre: str
    rings: list[str]
    axes: list[Axis]
    band: str  # the area between the lowest and the highest places (fill-rule evenodd)
    middle: str
    dots: list[Dot]
    before_band: str = ""
    before_middle: str = ""


def _band(spread: "Spread") -> tuple[str, str]:
    lows = [float(r.lowest or 0) for r in spread.rows]
    highs = [float(r.highest or 0) for r in spread.rows]
    means = [r.mean or 0.0 for r in spread.rows]
    return f"{_ring_path(highs)} {_ring_path(lows)}", _points(means)


def chart(spread: "Spread", before: "Spread | None" = None) -> Chart:
    axes_count = len(spread.rows)
    axes = []
    for index, row in enumerate(spread.rows):
        x, y = _point(index, axes_count, len(STEPS))
        angle = _angle(index, axes_count)
        axes.append(
            Axis(
                number=row.row.number,
                x=_n(x),
                y=_n(y),
                label_x=_n(CENTRE + LABEL_RADIUS * math.cos(angle)),
                label_y=_n(CENTRE + LABEL_RADIUS * math.sin(angle)),
            )
        )
    largest = max((n for r in spread.rows for n in r.counts), default=0)
    dots = []
    for index, row in enumerate(spread.rows):
        for step, count in row.steps:
            if not count:
                continue
            x, y = _point(index, axes_count, step)
            size = DOT_MIN + (DOT_MAX - DOT_MIN) * math.sqrt(count / largest)
            dots.append(
                Dot(
                    x=_n(x),
                    y=_n(y),
                    r=_n(size),
                    count=count,
                    row=row.row.number,
                    step=step,
                )
            )
    band, middle = _band(spread)
    before_band, before_middle = _band(before) if before is not None else ("", "")
    return Chart(
        size=SIZE,
        centre=_n(CENTRE),
        rings=[_points([float(step)] * axes_count) for step in STEPS],
        axes=axes,
        band=band,
        middle=middle,
        dots=dots,
        before_band=before_band,
        before_middle=before_middle,
    )
