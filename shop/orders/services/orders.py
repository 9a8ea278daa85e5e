"""Placing orders and moving them through their states: one transitions table, one function that moves."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from shop.catalogue.pricing import price_breakdown

from ..cart import CartLine
from ..models import DeliveryMethod, Order, OrderLine, OrderLineMaker, OrderStatus, OrderStatusChange
from .stock import stock_reserve

S = OrderStatus
REFUND_STATES = {S.REFUNDED, S.PARTIALLY_REFUNDED}

# The whole state machine. expired/cancelled -> paid exists because Stripe may report a payment after the
# session expired or the buyer cancelled (events out of order, a second browser tab): money taken is never
# ignored; `order_mark_paid` takes the stock again or flags the order for staff.
TRANSITIONS: dict[str, set[str]] = {
    S.PENDING_PAYMENT: {S.PAID, S.EXPIRED, S.CANCELLED},
    S.PAID: {S.READY_FOR_PICKUP, S.SHIPPED, *REFUND_STATES},
    S.READY_FOR_PICKUP: {S.COMPLETED, *REFUND_STATES},
    S.SHIPPED: {S.COMPLETED, *REFUND_STATES},
    S.COMPLETED: REFUND_STATES,
    # A partial refund does not stop the rest of the order from being handed over.
    S.PARTIALLY_REFUNDED: {S.REFUNDED, S.READY_FOR_PICKUP, S.SHIPPED, S.COMPLETED},
    S.EXPIRED: {S.PAID},
    S.CANCELLED: {S.PAID},
    S.REFUNDED: set(),
}

# Status changes the buyer hears about by e-mail (payment has its own confirmation e-mail).
NOTIFY_BUYER = {S.READY_FOR_PICKUP, S.SHIPPED, S.REFUNDED, S.PARTIALLY_REFUNDED}


class IllegalTransition(Exception):
    def __init__(self, order: Order, to: str):
        super().__init__(f"Order {order.number} cannot move from {order.status} to {to}")
        self.from_status = order.status
        self.to_status = to


def can_transition(order: Order, to: str) -> bool:
    return to in TRANSITIONS.get(order.status, set())


def order_transition(*, order: Order, to: str, source: str, actor=None, note: str = "", notify: bool = True) -> Order:
    """Move the order to `to` under a row lock, write the audit row and queue the buyer's e-mail on commit.

    Raises IllegalTransition when the table does not allow the move from the order's current (locked) state.
    """
    from ..tasks import enqueue_on_commit, order_confirmation_email, order_status_email

    with transaction.atomic():
        locked = Order.objects.select_for_update().get(pk=order.pk)
        if not can_transition(locked, to):
            raise IllegalTransition(locked, to)
        from_status = locked.status
        locked.status = to
        fields = ["status", "updated_at"]
        if to == S.PAID and locked.paid_at is None:
            locked.paid_at = timezone.now()
            fields.append("paid_at")
        locked.save(update_fields=fields)
        OrderStatusChange.objects.create(
            order=locked, from_status=from_status, to_status=to, source=source, actor=actor, note=note[:500]
        )
        if notify and to == S.PAID:
            enqueue_on_commit(order_confirmation_email, order_id=locked.pk)
        elif notify and to in NOTIFY_BUYER:
            enqueue_on_commit(order_status_email, order_id=locked.pk, status=str(to))
    order.status, order.paid_at = locked.status, locked.paid_at
    return locked


def order_flag_for_staff(*, order: Order, note: str) -> None:
    """Ask a person to look at the order (the caller holds its row lock); the same note is added once."""
    if note in order.staff_note:
        return
    order.needs_attention = True
    order.staff_note = f"{order.staff_note}\n{note}".strip()
    order.save(update_fields=["needs_attention", "staff_note", "updated_at"])


@dataclass(frozen=True)
class BuyerDetails:
    email: str
    name: str
    phone: str
    delivery_method: str
    address_line: str = ""
    city: str = ""
    postal_code: str = ""
    delivery_notes: str = ""
    is_gift: bool = False
    gift_message: str = ""
    gift_hide_prices: bool = False

    def matches(self, order: Order) -> bool:
        return all(getattr(order, field) == value for field, value in self.__dict__.items())


def delivery_fee_for(*, lines: list[CartLine], delivery_method: str) -> Decimal:
    """Courier: one flat fee per centre the items come from; pickup is free."""
    if delivery_method != DeliveryMethod.COURIER:
        return Decimal("0.00")
    centres = {line.product.centre_id: line.product.centre for line in lines}
    return sum((centre.courier_fee for centre in centres.values()), Decimal("0.00"))


def _order_number(order: Order) -> str:
    return f"CM-{order.created_at:%Y}-{order.pk:06d}"


@transaction.atomic
def order_place(*, lines: list[CartLine], buyer: BuyerDetails, language: str, currency: str) -> Order:
    """Create a pending order from the cart, copying prices, titles, commissions and maker shares, and
    reserve its stock. Raises OutOfStock (and leaves nothing behind) when an item ran out meanwhile."""
    subtotal = sum((line.line_total for line in lines), Decimal("0.00"))
    fee = delivery_fee_for(lines=lines, delivery_method=buyer.delivery_method)
    order = Order.objects.create(
        number=f"tmp-{secrets.token_hex(8)}",
        language=language,
        subtotal=subtotal,
        delivery_fee=fee,
        total=subtotal + fee,
        currency=currency,
        **buyer.__dict__,
    )
    order.number = _order_number(order)
    order.save(update_fields=["number"])
    for cart_line in lines:
        product = cart_line.product
        shares = list(product.maker_shares.order_by("pk"))
        split = price_breakdown(
            price=cart_line.unit_price,
            quantity=cart_line.quantity,
            currency=product.currency,
            commission_percent=product.centre.commission_percent,
            shares=shares,
        )
        line = OrderLine.objects.create(
            order=order,
            product=product,
            title=cart_line.title,
            unit_price=cart_line.unit_price,
            quantity=cart_line.quantity,
            line_total=cart_line.line_total,
            currency=product.currency,
            made_to_order=product.made_to_order,
            centre=product.centre,
            centre_commission_percent=product.centre.commission_percent,
            centre_amount=split.centre_amount,
        )
        OrderLineMaker.objects.bulk_create(
            OrderLineMaker(
                line=line,
                maker_id=part.share.maker_id,
                share_percent=part.percent,
                amount=part.amount,
                currency=product.currency,
            )
            for part in split.per_maker
        )
    stock_reserve(order=order)
    return order


@transaction.atomic
def order_details_update(*, order: Order, buyer: BuyerDetails, lines: list[CartLine], language: str) -> Order:
    """The buyer changed contact or delivery details before paying: same lines, maybe a new delivery fee."""
    locked = Order.objects.select_for_update().get(pk=order.pk)
    if locked.status != S.PENDING_PAYMENT:
        raise IllegalTransition(locked, S.PENDING_PAYMENT)
    for field, value in buyer.__dict__.items():
        setattr(locked, field, value)
    locked.language = language
    locked.delivery_fee = delivery_fee_for(lines=lines, delivery_method=buyer.delivery_method)
    locked.total = locked.subtotal + locked.delivery_fee
    locked.save()
    return locked


def order_matches_cart(order: Order, lines: list[CartLine]) -> bool:
    """Same products, quantities and prices: the pending order (and its reservation) can be reused."""
    ordered = sorted((line.product_id, line.quantity, line.unit_price) for line in order.lines.all())
    wanted = sorted((line.product.pk, line.quantity, line.unit_price) for line in lines)
    return ordered == wanted
