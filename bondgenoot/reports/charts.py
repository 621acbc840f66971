"""Charts as SVG made on the server (no JavaScript, the same in the page and the PDF).

Every chart has a <title> and <desc>, and the page shows the same numbers in a table.
"""

from typing import Any

from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 40, 16, 56
SERIES = (
    ("alliances", "#1b5e8a", ""),
    ("connections", "#8a3b12", "6 4"),
)


def month_label(iso: str) -> str:
    import datetime

    return date_format(datetime.date.fromisoformat(iso), "M Y")


def network_chart(months: list[dict[str, Any]], *, chart_id: str = "network-chart") -> SafeString:
    """Two lines over the months of the period: alliances started and new connections, both
    counted up from the start of the period."""
    if not months:
        return mark_safe("")
    top = max([1] + [m["alliances"] for m in months] + [m["connections"] for m in months])
    inner_w, inner_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = inner_w / max(1, len(months) - 1)

    def x(i: int) -> float:
        return LEFT + (i * step if len(months) > 1 else inner_w / 2)

    def y(value: int) -> float:
        return TOP + inner_h - (value / top) * inner_h

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" class="bondgenoot-chart">',
        f'<title id="{chart_id}-title">{escape(_("How the network grew"))}</title>',
        f'<desc id="{chart_id}-desc">'
        + escape(
            _(
                "Counted from the start of the period: %(alliances)s new alliances and "
                "%(connections)s new connections by the end. The table below gives the "
                "numbers per month."
            )
            % {"alliances": months[-1]["alliances"], "connections": months[-1]["connections"]}
        )
        + "</desc>",
        f'<line x1="{LEFT}" y1="{TOP + inner_h}" x2="{WIDTH - RIGHT}" y2="{TOP + inner_h}" '
        'stroke="#595959" stroke-width="1"/>',
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + inner_h}" stroke="#595959" '
        'stroke-width="1"/>',
        f'<text x="{LEFT - 8}" y="{TOP + 4}" text-anchor="end" font-size="12" fill="#1a1a1a">'
        f"{top}</text>",
        f'<text x="{LEFT - 8}" y="{TOP + inner_h + 4}" text-anchor="end" font-size="12" '
        'fill="#1a1a1a">0</text>',
    ]
    every = max(1, len(months) // 6)
    for i, month in enumerate(months):
        if i % every == 0 or i == len(months) - 1:
            parts.append(
                f'<text x="{x(i):.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle" '
                f'font-size="12" fill="#1a1a1a">{escape(month_label(month["month"]))}</text>'
            )
    labels = {"alliances": _("New alliances"), "connections": _("New connections")}
    for n, (key, colour, dash) in enumerate(SERIES):
        points = " ".join(f"{x(i):.1f},{y(m[key]):.1f}" for i, m in enumerate(months))
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="3"'
            f"{dash_attr}/>"
        )
        legend_y = HEIGHT - 14
        legend_x = LEFT + n * 220
        parts.append(
            f'<line x1="{legend_x}" y1="{legend_y - 4}" x2="{legend_x + 28}" y2="{legend_y - 4}" '
            f'stroke="{colour}" stroke-width="3"{dash_attr}/>'
            f'<text x="{legend_x + 36}" y="{legend_y}" font-size="12" fill="#1a1a1a">'
            f"{escape(labels[key])}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 (every text in it is escaped above)
