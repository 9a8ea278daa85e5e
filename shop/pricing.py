"""How a product's price divides between its makers and the centre, to the qəpik.

The product page shows this to buyers, so it must match what the ledger later books: the centre keeps its
commission, the rest is split between the makers by their shares, both with the largest-remainder rule.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from beneficiaries.money import split_by_percent

HUNDRED = Decimal("100")


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


def price_breakdown(*, price: Decimal, currency: str, commission_percent: Decimal, shares: Sequence) -> PriceBreakdown:
    """`shares` are ProductMaker-like rows with `share_percent`; their amounts add up to `makers_amount`."""
    makers_percent = HUNDRED - commission_percent
    makers_amount, centre_amount = split_by_percent(price, [makers_percent, commission_percent])
    amounts = split_by_percent(makers_amount, [share.share_percent for share in shares]) if shares else []
    return PriceBreakdown(
        price=price,
        currency=currency,
        commission_percent=commission_percent,
        centre_amount=centre_amount,
        makers_amount=makers_amount,
        makers_percent=makers_percent,
        per_maker=[
            MakerAmount(share=share, percent=share.share_percent, amount=amount)
            for share, amount in zip(shares, amounts, strict=True)
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
