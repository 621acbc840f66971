import datetime

from django import template

register = template.Library()


@register.filter
def isodate(value: str) -> datetime.date | None:
    """A date kept as text in a frozen report ("2026-03-01"), back to a date to format."""
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@register.filter
def isodatetime(value: str) -> datetime.datetime | None:
    try:
        return datetime.datetime.fromisoformat(str(value))
    except ValueError:
        return None
