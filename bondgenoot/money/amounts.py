"""Amounts in euros as people write them, and as the pages show them.

``parse_amount`` reads what someone typed: "12,50", "12.50", "1.234,50", "€ 1.234", "1,234.50"
(when both appear, the last one is the decimal mark; a comma alone is the decimal mark; dots
alone followed by groups of three digits separate thousands: "1.234" is 1234).
``format_euro`` writes "€ 1.234,50" in Dutch and "€1,234.50" in English.
"""

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils import translation

from .models import AMOUNT_DIGITS

_CURRENCY = re.compile(r"^(?:€|eur(?:o|os)?)|(?:€|eur(?:o|os)?)$", re.IGNORECASE)
_SPACES = re.compile(r"[\s\u00a0\u202f']+")
_GROUPED = re.compile(r"^[1-9]\d{0,2}(?:[.,]\d{3})+$")


class AmountError(ValueError):
    """Not an amount. ``code`` says why: "invalid", "decimals" or "too_big"."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def parse_amount(text: str) -> Decimal:
    """The amount in ``text``; a minus sign is kept (the rules say what a negative means)."""
    value = _SPACES.sub("", text or "")
    negative = value.startswith(("-", "\u2212"))
    if negative:
        value = value[1:]
    value = _CURRENCY.sub("", value)
    if value.startswith(("-", "\u2212")) and not negative:  # "€ -12,50"
        negative, value = True, value[1:]
    if value.endswith((",-", ".-", ",--", ".--")):  # "12,-": whole euros
        value = value.rstrip("-")[:-1]
    if value[:1] in (".", ","):  # ",50"
        value = f"0{value}"
    if not value or not re.fullmatch(r"[\d.,]+", value) or not value[0].isdigit():
        raise AmountError("invalid")

    separators = [c for c in value if c in ".,"]
    if not separators:
        number = value
    elif set(separators) == {"."} and _GROUPED.match(value):
        number = value.replace(".", "")  # "1.234" or "1.234.567": thousands, as in Dutch
    else:
        decimal_mark = separators[-1]
        whole, _, fraction = value.rpartition(decimal_mark)
        thousands = "," if decimal_mark == "." else "."
        if decimal_mark in whole:  # "1,2,3" or "1.2.3,4"
            raise AmountError("invalid")
        if thousands in whole and not _GROUPED.match(whole):
            raise AmountError("invalid")
        whole = whole.replace(thousands, "")
        if not whole or not fraction.isdigit():
            raise AmountError("invalid")
        number = f"{whole}.{fraction}"
    try:
        amount = Decimal(number)
    except InvalidOperation as error:
        raise AmountError("invalid") from error
    if amount != amount.quantize(Decimal("0.01")):
        raise AmountError("decimals")
    amount = amount.quantize(Decimal("0.01"))
    if amount >= Decimal(10) ** (AMOUNT_DIGITS - 2):
        raise AmountError("too_big")
    return -amount if negative else amount


def format_euro(amount: Decimal | int | None) -> str:
    """ "€ 1.234,50" (Dutch) or "€1,234.50" (English); a negative amount as "-€ 12,50"."""
    value = Decimal(amount or 0).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "-" if value < 0 else ""
    whole, fraction = f"{abs(value):.2f}".split(".")
    groups = f"{int(whole):,}"
    if (translation.get_language() or "nl").startswith("en"):
        return f"{sign}€{groups}.{fraction}"
    return f"{sign}€\u00a0{groups.replace(',', '.')},{fraction}"


def input_value(amount: Decimal | None) -> str:
    """An amount as it is put back in a form field: "1234,50" in Dutch, "1234.50" in English."""
    if amount is None:
        return ""
    text = f"{Decimal(amount):.2f}"
    if (translation.get_language() or "nl").startswith("en"):
        return text
    return text.replace(".", ",")
