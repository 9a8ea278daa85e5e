"""Stock reservations: taken when a Checkout Session is created, released or consumed exactly once.

`Product.stock` counts units nobody holds. Reserving is a conditional UPDATE (`stock >= qty`) so two buyers
can never both take the last unit, whatever the isolation level; products are always updated in primary-key
order so concurrent checkouts cannot deadlock. Release and consume flip the reservation's state under
`select_for_update`, so a redelivered webhook or a racing redirect finds nothing left to do.
"""

from __future__ import annotations

from collections import defaultdict

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from shop.catalogue.models import Product
from shop.catalogue.page_cache import page_cache_bump

from ..models import Order, OrderLine, StockReservation


class OutOfStock(Exception):
    """Not enough free stock for a line; the message is meant for the buyer."""

    def __init__(self, *, title: str, available: int):
        self.title = title
        self.available = available
        if available <= 0:
            message = _("Sorry, “%(title)s” has just sold out.") % {"title": title}
        else:
            message = _("Sorry, only %(count)s of “%(title)s” left. Please lower the quantity.") % {
                "count": available,
                "title": title,
            }
        super().__init__(message)


def _take(product_id: int, quantity: int) -> bool:
    return Product.objects.filter(pk=product_id, stock__gte=quantity).update(stock=F("stock") - quantity) == 1


def _stocked_lines(order: Order) -> list[OrderLine]:
    return sorted(
        (line for line in order.lines.all() if not line.made_to_order and line.product_id is not None),
        key=lambda line: (line.product_id, line.pk),
    )


def stock_reserve(*, order: Order) -> None:
    """Reserve every stocked line of a new order, all or nothing (raises OutOfStock; the caller's
    transaction then rolls back every UPDATE already made)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("stock_reserve must run inside transaction.atomic()")
    lines = _stocked_lines(order)
    wanted: dict[int, int] = defaultdict(int)
    for line in lines:
        wanted[line.product_id] += line.quantity
    for product_id in sorted(wanted):
        if not _take(product_id, wanted[product_id]):
            title = next(line.title for line in lines if line.product_id == product_id)
            available = Product.objects.filter(pk=product_id).values_list("stock", flat=True).first() or 0
            raise OutOfStock(title=title, available=available)
    StockReservation.objects.bulk_create(
        StockReservation(line=line, product_id=line.product_id, quantity=line.quantity) for line in lines
    )
    # Queryset updates send no signals: cached pages offering these units must go now, not at their timeout.
    page_cache_bump()


def _live_reservations(order: Order) -> list[StockReservation]:
    return list(
        StockReservation.objects.select_for_update()
        .filter(line__order=order, state=StockReservation.State.RESERVED)
        .order_by("product_id", "pk")
    )


@transaction.atomic
def stock_release(*, order: Order) -> int:
    """Give every live reservation of the order back to stock; returns the units released."""
    released = 0
    for reservation in _live_reservations(order):
        Product.objects.filter(pk=reservation.product_id).update(stock=F("stock") + reservation.quantity)
        reservation.state = StockReservation.State.RELEASED
        reservation.save(update_fields=["state", "updated_at"])
        released += reservation.quantity
    if released:
        page_cache_bump()  # the units are on sale again
    return released


@transaction.atomic
def stock_consume(*, order: Order) -> int:
    """The order is paid: its reserved units are sold. Returns the units consumed."""
    reservations = _live_reservations(order)
    StockReservation.objects.filter(pk__in=[r.pk for r in reservations]).update(state=StockReservation.State.CONSUMED)
    if reservations:
        page_cache_bump()  # "reserved in someone's basket" becomes "sold out"
    return sum(r.quantity for r in reservations)


@transaction.atomic
def stock_take_again(*, order: Order) -> list[OrderLine]:
    """A payment arrived after the order's reservation was released (expired or cancelled).

    Take the stock again line by line where it is still free and record it as consumed; lines that cannot be
    covered any more are returned (and flagged `oversold`) so staff can refund or make the item.
    """
    oversold = []
    for line in _stocked_lines(order):
        if StockReservation.objects.filter(line=line, state=StockReservation.State.CONSUMED).exists():
            continue
        if _take(line.product_id, line.quantity):
            StockReservation.objects.create(
                line=line, product_id=line.product_id, quantity=line.quantity, state=StockReservation.State.CONSUMED
            )
        else:
            oversold.append(line)
    if oversold:
        OrderLine.objects.filter(pk__in=[line.pk for line in oversold]).update(oversold=True)
    page_cache_bump()
    return oversold
