"""From a cart to a Stripe Checkout Session, back again, or cancelled.

No database transaction is held while Stripe is called: the order and its reservation are committed first,
so an outage or a slow Stripe leaves a pending order that the buyer's next attempt reuses.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import stripe_gateway as gateway
from ..cart import CartLine, cart_is_ready
from ..models import Order, OrderStatus, OrderStatusChange
from .fulfilment import order_cancel, order_mark_paid
from .orders import BuyerDetails, IllegalTransition, order_details_update, order_matches_cart, order_place

logger = logging.getLogger(__name__)

# (order) -> (success_url, cancel_url); the view builds them from the request so they are absolute.
UrlBuilder = Callable[[Order], tuple[str, str]]


class CartNotReady(Exception):
    """Empty, or holding items that cannot be bought as asked."""


@dataclass(frozen=True)
class CheckoutStart:
    order: Order
    redirect_url: str
    # Paid already, or a delayed payment is under way: show the confirmation page, not Stripe's.
    to_confirmation: bool = False


def _line_items(order: Order) -> list[gateway.LineItem]:
    items = [
        gateway.LineItem(name=line.title, unit_amount=line.unit_price, quantity=line.quantity, currency=order.currency)
        for line in order.lines.all()
    ]
    if order.delivery_fee:
        items.append(
            gateway.LineItem(
                name=_("Courier delivery"), unit_amount=order.delivery_fee, quantity=1, currency=order.currency
            )
        )
    return items


def _session_open(order: Order, urls: UrlBuilder) -> gateway.CheckoutSession:
    """Ask Stripe for a new Checkout Session. Every request gets a fresh idempotency key (the attempt is
    counted before the call), so the SDK's own retries of one request can never create two sessions."""
    Order.objects.filter(pk=order.pk).update(checkout_attempt=F("checkout_attempt") + 1)
    order.refresh_from_db(fields=["checkout_attempt"])
    success_url, cancel_url = urls(order)
    expires_at = timezone.now() + timedelta(minutes=settings.SHOP_CHECKOUT_SESSION_MINUTES)
    session = gateway.checkout_session_create(
        order_number=order.number,
        lines=_line_items(order),
        customer_email=order.email,
        language=order.language,
        success_url=success_url,
        cancel_url=cancel_url,
        expires_at=expires_at,
        idempotency_key=f"order-{order.number}-session-v{order.checkout_attempt}",
    )
    saved = Order.objects.filter(pk=order.pk, status=OrderStatus.PENDING_PAYMENT).update(
        stripe_checkout_session_id=session.id, stripe_checkout_url=session.url or "", checkout_expires_at=expires_at
    )
    if not saved:
        # The order ended while Stripe was answering (the stale-order job): nobody may pay this session.
        _expire_quietly(session.id)
        raise OrderEnded
    order.stripe_checkout_session_id, order.stripe_checkout_url = session.id, session.url or ""
    return session


class OrderEnded(Exception):
    """The pending order expired or was cancelled meanwhile; a new one has to be placed."""


def _forget_session(order: Order) -> None:
    """Detach a session we are about to replace, so its `expired` event cannot end the order."""
    Order.objects.filter(pk=order.pk, stripe_checkout_session_id=order.stripe_checkout_session_id).update(
        stripe_checkout_session_id="", stripe_checkout_url=""
    )
    order.stripe_checkout_session_id = order.stripe_checkout_url = ""


def _reusable(order_number: str | None, lines: list[CartLine]) -> Order | None:
    if not order_number:
        return None
    order = Order.objects.filter(number=order_number).prefetch_related("lines").first()
    if order is None or order.status != OrderStatus.PENDING_PAYMENT:
        return None
    if order_matches_cart(order, lines):
        return order
    # The cart changed: the old pending order gives its stock back (best effort; expiry catches the rest).
    checkout_cancel(order=order, source=OrderStatusChange.Source.BUYER, quiet=True)
    return None


class CheckoutInterrupted(Exception):
    """Stripe failed (see __cause__) after the order was placed: it stays pending, ready for a retry."""

    def __init__(self, order: Order):
        super().__init__(f"checkout of order {order.number} interrupted")
        self.order = order


def checkout_start(
    *,
    lines: list[CartLine],
    buyer: BuyerDetails,
    language: str,
    previous_order_number: str | None,
    urls: UrlBuilder,
) -> CheckoutStart:
    """Place (or reuse) the pending order and return where to send the buyer: Stripe's page, normally.

    Raises CartNotReady, OutOfStock (nothing reserved), or CheckoutInterrupted when Stripe is down or refuses
    (the order stays pending with its reservation; calling again with the same cart reuses both).
    """
    if not cart_is_ready(lines):
        raise CartNotReady
    order = _reusable(previous_order_number, lines)
    for _attempt in range(2):
        if order is None:
            order = order_place(lines=lines, buyer=buyer, language=language, currency=settings.SHOP_CURRENCY)
        try:
            return _checkout_session_for(order, lines=lines, buyer=buyer, language=language, urls=urls)
        except (OrderEnded, IllegalTransition):
            order = None
        except (gateway.PaymentServiceUnavailable, gateway.PaymentRequestRejected) as exc:
            logger.warning("Checkout of order %s interrupted: %s", order.number, exc)
            raise CheckoutInterrupted(order) from exc
    raise CartNotReady


def _checkout_session_for(
    order: Order, *, lines: list[CartLine], buyer: BuyerDetails, language: str, urls: UrlBuilder
) -> CheckoutStart:
    if order.stripe_checkout_session_id:
        try:
            session = gateway.checkout_session_retrieve(order.stripe_checkout_session_id)
        except gateway.PaymentRequestRejected:
            # Stripe does not know it (another account or mode, e.g. after switching keys): start afresh.
            session = gateway.CheckoutSession(
                id=order.stripe_checkout_session_id,
                url=None,
                status="unknown",
                payment_status="",
                payment_intent_id=None,
                client_reference_id=None,
                order_number=None,
                amount_total=None,
                currency=None,
                created=None,
            )
        if session.is_paid:
            order_mark_paid(order=order, session=session, source=OrderStatusChange.Source.REDIRECT)
            return CheckoutStart(order=order, redirect_url="", to_confirmation=True)
        if session.status == "complete":
            return CheckoutStart(order=order, redirect_url="", to_confirmation=True)
        if session.status == "open" and buyer.matches(order) and order.language == language:
            return CheckoutStart(order=order, redirect_url=session.url or order.stripe_checkout_url)
        _forget_session(order)
        if session.status == "open":
            _expire_quietly(session.id)
    if not buyer.matches(order) or order.language != language:
        order = order_details_update(order=order, buyer=buyer, lines=lines, language=language)
    return CheckoutStart(order=order, redirect_url=_session_open(order, urls).url or "")


def _expire_quietly(session_id: str) -> gateway.CheckoutSession | None:
    """Expire a session we are replacing. A session that is no longer open is fine; an outage propagates."""
    try:
        return gateway.checkout_session_expire(session_id)
    except gateway.PaymentRequestRejected:
        return None


class CancelOutcome:
    CANCELLED = "cancelled"
    PAID = "paid"
    UNCHANGED = "unchanged"


def checkout_cancel(*, order: Order, source: str, quiet: bool = False) -> str:
    """The buyer left Stripe's page (or changed the cart): expire the session, cancel, release the stock.

    The session is detached from the order first, so the `expired` event our own request triggers cannot
    overtake us and record the order as expired instead of cancelled. If Stripe says the session was paid
    after all, the order is paid instead. With Stripe unreachable the order stays pending with its session,
    which expires by itself (the `expired` webhook then releases the stock).
    """
    if order.status != OrderStatus.PENDING_PAYMENT:
        return CancelOutcome.UNCHANGED
    session_id = order.stripe_checkout_session_id
    if session_id:
        _forget_session(order)
        try:
            try:
                session = gateway.checkout_session_expire(session_id)
            except gateway.PaymentRequestRejected:
                session = gateway.checkout_session_retrieve(session_id)
        except (gateway.PaymentServiceUnavailable, gateway.PaymentRequestRejected):
            _reattach_session(order, session_id)
            if not quiet:
                raise
            logger.warning("Could not expire session of order %s; it will expire by itself", order.number)
            return CancelOutcome.UNCHANGED
        if session.is_paid:
            order_mark_paid(order=order, session=session, source=source)
            return CancelOutcome.PAID
        if session.status == "complete":
            _reattach_session(order, session_id)
            return CancelOutcome.UNCHANGED  # a delayed payment is under way; its result decides
    changed = order_cancel(order=order, session=None, source=source, note="Buyer left the payment page.")
    if session_id:
        _reattach_session(order, session_id)  # for the record; a cancelled order ignores its events
    return CancelOutcome.CANCELLED if changed else CancelOutcome.UNCHANGED


def _reattach_session(order: Order, session_id: str) -> None:
    Order.objects.filter(pk=order.pk, stripe_checkout_session_id="").update(stripe_checkout_session_id=session_id)
    order.stripe_checkout_session_id = session_id


def checkout_confirm(*, order: Order, session_id: str) -> str:
    """The buyer is back from Stripe: fulfil now if paid instead of waiting for the webhook.

    Returns the order's status afterwards; raises PaymentServiceUnavailable if Stripe cannot say.
    """
    if order.paid_at is None:
        session = gateway.checkout_session_retrieve(session_id)
        if session.is_paid:
            order_mark_paid(order=order, session=session, source=OrderStatusChange.Source.REDIRECT)
    order.refresh_from_db()
    return order.status
