"""How a product's price divides between its makers and the centre, to the qəpik.

The product page shows this to buyers, so it must match what the ledger later books: the centre keeps its
commission, the rest is split between the makers by their shares, both with the largest-remainder rule.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from beneficiaries.money import HUNDRED, split_by_percent


@dataclass(frozen=True)
class MakerAmount:
    share: object  # the ProductMaker row, so templates can reach maker and consent flags
    percent: Decimal
    amount: Decimal


@dataclass(frozen=True)
class PriceBreakdown:
    price: Decimal
    currency: str
    commission_percent: Decimal
    centre_amount: Decimal
    makers_amount: Decimal
    makers_percent: Decimal
    per_maker: list[MakerAmount]


def price_breakdown(
    *, price: Decimal, currency: str, commission_percent: Decimal, shares: Sequence, quantity: int = 1
) -> PriceBreakdown:
    """Split one unit's `price`, then multiply every part by `quantity`.

    Splitting per unit is what makes the product page (one unit) and the order (the whole line) agree: a buyer
    shown 3.29 for the maker of one 12.35 item sees 3 x 3.29 = 9.87 booked for three, never a rounding of
    the line total. Per-unit parts add up to the unit price, so the line's parts still add up to the line.
    `shares` are ProductMaker-like rows with `share_percent`; their amounts add up to `makers_amount`.
    """
    makers_percent = HUNDRED - commission_percent
    makers_unit, centre_unit = split_by_percent(price, [makers_percent, commission_percent])
    unit_amounts = split_by_percent(makers_unit, [share.share_percent for share in shares]) if shares else []
    return PriceBreakdown(
        price=price * quantity,
        currency=currency,
        commission_percent=commission_percent,
        centre_amount=centre_unit * quantity,
        makers_amount=makers_unit * quantity,
        makers_percent=makers_percent,
        per_maker=[
            MakerAmount(share=share, percent=share.share_percent, amount=amount * quantity)
            for share, amount in zip(shares, unit_amounts, strict=True)
        ],
    )


def product_price_breakdown(product) -> PriceBreakdown:
    shares = list(product.maker_shares.all())
    return price_breakdown(
        price=product.price,
        currency=product.currency,
        commission_percent=product.centre.commission_percent,
        shares=shares,
    )


def validate_maker_shares(shares: Iterable[tuple[object, Decimal | None]]) -> None:
    """Raise ValidationError unless every maker appears once and the shares add up to exactly 100.00."""
    shares = list(shares)
    errors = []
    if not shares:
        errors.append(_("Add at least one maker and their share."))
    makers = [maker for maker, _percent in shares]
    if len(set(makers)) != len(makers):
        errors.append(_("Each maker can be listed only once; merge their shares into one row."))
    total = sum((percent or Decimal(0) for _maker, percent in shares), Decimal(0))
    if shares and total != HUNDRED:
        errors.append(
            _("The makers' shares must add up to exactly 100.00 %%; they add up to %(total)s %%.")
            % {"total": f"{total:.2f}"}
        )
    if errors:
        raise ValidationError(errors)
