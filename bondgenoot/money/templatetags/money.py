from decimal import Decimal
from typing import Any

from django import template

from bondgenoot.money.amounts import format_euro

register = template.Library()


@register.filter
def euro(amount: Decimal | int | None) -> str:
    """€ 1.234,50 (Dutch) or €1,234.50 (English)."""
    return format_euro(amount)


@register.filter
def sub(amount: Decimal | None, other: Decimal | None) -> Decimal:
    """``amount - other`` (for "left" = budgeted - spent)."""
    return Decimal(amount or 0) - Decimal(other or 0)


@register.inclusion_tag("money/bar.html")
def spent_bar(row: Any, key: str, name: str) -> dict[str, Any]:
    """A bar of what was spent of a budgeted amount, as an inline SVG with a text alternative.

    ``row`` has ``budgeted``, ``spent``, ``share`` (0-100) and ``is_over``; ``key`` makes the
    ids unique on the page; ``name`` is what the bar is about (a line, or the whole budget).
    """
    return {"row": row, "key": key, "name": name}
