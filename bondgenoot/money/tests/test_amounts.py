from decimal import Decimal

import pytest
from django.utils import translation

from bondgenoot.money.amounts import AmountError, format_euro, input_value, parse_amount
from bondgenoot.money.forms import AmountField


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("12,50", "12.50"),
        ("12.50", "12.50"),
        ("1.234,50", "1234.50"),
        ("1234,50", "1234.50"),
        ("1.234", "1234.00"),
        ("1.234.567,89", "1234567.89"),
        ("1,234.50", "1234.50"),
        ("€ 1.234,50", "1234.50"),
        ("€12,50", "12.50"),
        ("12,50 euro", "12.50"),
        ("1 234,50", "1234.50"),
        ("12,5", "12.50"),
        ("12", "12.00"),
        ("12,-", "12.00"),
        (",50", "0.50"),
        ("  7 ", "7.00"),
        ("-12,50", "-12.50"),
        ("€ -5", "-5.00"),
        ("0", "0.00"),
    ],
)
def test_dutch_and_english_ways_of_writing_an_amount(typed, amount):
    assert parse_amount(typed) == Decimal(amount)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", "invalid"),
        ("abc", "invalid"),
        ("12,50,0", "invalid"),
        ("1.23,4", "invalid"),
        ("12.345.67", "invalid"),
        ("12 euro 50", "invalid"),
        ("0,125", "decimals"),
        ("12,505", "decimals"),
        ("100000000", "too_big"),
    ],
)
def test_what_is_not_an_amount_says_why(typed, code):
    with pytest.raises(AmountError) as error:
        parse_amount(typed)
    assert error.value.code == code


def test_amounts_are_shown_in_dutch_and_in_english():
    with translation.override("nl"):
        assert format_euro(Decimal("1234.5")) == "€\u00a01.234,50"
        assert format_euro(Decimal("0")) == "€\u00a00,00"
        assert format_euro(Decimal("-12")) == "-€\u00a012,00"
        assert format_euro(Decimal("1234567.891")) == "€\u00a01.234.567,89"
        assert input_value(Decimal("1234.5")) == "1234,50"
    with translation.override("en"):
        assert format_euro(Decimal("1234.5")) == "€1,234.50"
        assert input_value(Decimal("1234.5")) == "1234.50"


def test_the_form_field_gives_a_dutch_message():
    field = AmountField(label="Bedrag")
    with translation.override("nl"):
        with pytest.raises(Exception) as error:
            field.clean("twaalf")
        assert "Vul een bedrag in euro's in, bijvoorbeeld 12,50." in error.value.messages
        with pytest.raises(Exception) as error:
            field.clean("12,505")
        assert (
            "Gebruik hoogstens 2 cijfers na de komma, bijvoorbeeld 12,50." in error.value.messages
        )
    assert field.clean("1.234,50") == Decimal("1234.50")
