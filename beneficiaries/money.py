"""Exact money: Decimal amounts, largest-remainder splits, Babel formatting per locale."""

from collections.abc import Sequence
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from babel.numbers import format_currency
from django.conf import settings
from django.db import models
from django.utils.translation import get_language, to_locale

QEPIK = Decimal("0.01")
HUNDRED = Decimal("100")


def default_currency() -> str:
    """The shop's currency, from the one setting every money row defaults to."""
    return settings.SHOP_CURRENCY


class CurrencyField(models.CharField):
    """A 3-letter ISO 4217 code beside every amount; defaults to `SHOP_CURRENCY`."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 3)
        kwargs.setdefault("default", default_currency)
        super().__init__(*args, **kwargs)


def quantize(amount: Decimal) -> Decimal:
    return amount.quantize(QEPIK, rounding=ROUND_HALF_UP)


def split_by_percent(total: Decimal, percents: Sequence[Decimal]) -> list[Decimal]:
    """Split `total` by `percents` (summing to 100) so the parts add up to it to the qəpik.

    Largest-remainder rule: round every part down, then give the leftover qəpiks one by one to the parts
    that lost the most to rounding (ties go to the earlier part, so the result is deterministic).
    Raises ValueError unless the percentages are non-negative and add up to exactly 100: a split that silently
    hands out more or less than the whole would book money nobody has.
    """
    if not percents or sum((Decimal(p) for p in percents), Decimal(0)) != HUNDRED:
        raise ValueError(f"percentages must add up to exactly 100, not {sum(Decimal(p) for p in percents)}")
    if any(Decimal(p) < 0 for p in percents):
        raise ValueError("percentages must not be negative")
    if total < 0 or total != quantize(total):
        raise ValueError(f"only a non-negative amount in whole qəpiks can be split, not {total}")
    total_minor = int((total / QEPIK).to_integral_value())
    exact = [Decimal(total_minor) * Decimal(p) / Decimal(100) for p in percents]
    floors = [int(x.to_integral_value(rounding=ROUND_DOWN)) for x in exact]
    leftover = total_minor - sum(floors)
    by_remainder = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in by_remainder[:leftover]:
        floors[i] += 1
    return [Decimal(f) * QEPIK for f in floors]


def to_minor_units(amount: Decimal) -> int:
    """Qəpiks for the Stripe boundary; AZN has two decimal places."""
    return int((quantize(amount) / QEPIK).to_integral_value())


def from_minor_units(minor: int) -> Decimal:
    return Decimal(minor) * QEPIK


def format_money(amount: Decimal, currency: str | None = None, language: str | None = None) -> str:
    currency = currency or default_currency()
    locale = to_locale(language or get_language() or "az")
    text = format_currency(amount, currency, locale=locale)
    # Babel does not apply CLDR's currency spacing, so English gives "AZN1,234.50"; CLDR wants a space.
    if text.startswith(currency) and text[len(currency) : len(currency) + 1].isdigit():
        text = f"{currency}\xa0{text[len(currency) :]}"
    return text
