from decimal import Decimal

from django.utils import translation

from beneficiaries.money import format_money, split_by_percent, to_minor_units


def test_split_adds_up_to_the_qepik():
    parts = split_by_percent(Decimal("10.00"), [Decimal("33.33"), Decimal("33.33"), Decimal("33.34")])
    assert sum(parts) == Decimal("10.00")
    assert parts == [Decimal("3.33"), Decimal("3.33"), Decimal("3.34")]


def test_split_gives_leftover_qepiks_to_the_largest_remainders():
    parts = split_by_percent(Decimal("0.05"), [Decimal("50"), Decimal("50")])
    assert parts == [Decimal("0.03"), Decimal("0.02")]
    assert sum(split_by_percent(Decimal("99.99"), [Decimal("70"), Decimal("20"), Decimal("10")])) == Decimal("99.99")


def test_minor_units_at_the_stripe_boundary():
    assert to_minor_units(Decimal("12.50")) == 1250
    assert to_minor_units(Decimal("0.01")) == 1


def test_money_is_formatted_for_each_language():
    with translation.override("en"):
        assert format_money(Decimal("1234.5"), "AZN") == "AZN\xa01,234.50"
    with translation.override("ru"):
        assert format_money(Decimal("1234.5"), "AZN") == "1\xa0234,50\xa0AZN"
    with translation.override("az"):
        assert format_money(Decimal("1234.5"), "AZN") == "1.234,50\xa0₼"
