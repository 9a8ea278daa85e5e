from decimal import Decimal

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from beneficiaries.money import QEPIK, format_money, split_by_percent, to_minor_units


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


@pytest.mark.parametrize(
    "percents",
    [[Decimal("30"), Decimal("30")], [Decimal("60"), Decimal("50")], [], [Decimal("120"), Decimal("-20")]],
)
def test_split_refuses_percentages_that_do_not_make_exactly_100(percents):
    with pytest.raises(ValueError, match="100|negative"):
        split_by_percent(Decimal("1.00"), percents)


def test_split_refuses_fractions_of_a_qepik_and_negative_totals():
    with pytest.raises(ValueError, match="qəpik"):
        split_by_percent(Decimal("1.005"), [Decimal("100")])
    with pytest.raises(ValueError, match="qəpik"):
        split_by_percent(Decimal("-1.00"), [Decimal("100")])


# Shares as an admin enters them: 0.01 to 100.00 with two decimals, completed to exactly 100 by the last one.
amounts = st.integers(min_value=0, max_value=10_000_000).map(lambda minor: Decimal(minor) * QEPIK)
share_lists = (
    st.lists(st.integers(min_value=1, max_value=5_000), min_size=1, max_size=6)
    .filter(lambda parts: sum(parts) < 10_000)
    .map(lambda parts: [Decimal(p) / 100 for p in parts] + [Decimal(10_000 - sum(parts)) / 100])
)


@given(total=amounts, percents=share_lists)
def test_split_parts_always_sum_to_the_whole_and_are_never_negative(total, percents):
    parts = split_by_percent(total, percents)
    assert sum(parts, Decimal(0)) == total
    assert all(part >= 0 for part in parts)
    assert all(part == part.quantize(QEPIK) for part in parts)
    # No part is more than one qəpik away from its exact share.
    for part, percent in zip(parts, percents, strict=True):
        assert abs(part - total * percent / 100) < QEPIK


@given(total=amounts, percents=share_lists)
def test_split_is_deterministic(total, percents):
    assert split_by_percent(total, percents) == split_by_percent(total, list(percents))


@given(total=amounts, count=st.integers(min_value=2, max_value=7))
def test_split_gives_ties_to_the_earlier_parts(total, count):
    """Equal shares differ by at most one qəpik, and the extra qəpiks go to the first parts, in order."""
    hundredths = 10_000 // count
    percents = [Decimal(hundredths) / 100] * (count - 1) + [Decimal(10_000 - hundredths * (count - 1)) / 100]
    equal = split_by_percent(total, percents)[:-1]
    assert equal == sorted(equal, reverse=True)
    assert max(equal) - min(equal) <= QEPIK
