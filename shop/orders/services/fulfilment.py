"""What happens when Stripe reports on a Checkout Session: paid, expired, payment failed.

The success redirect, the webhook and the reconciliation command all call these; each takes the order's row
lock and decides from the state it finds, so whichever comes first does the work and the rest do nothing.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone

from ..models import LineFulfilment, Order, OrderLine, OrderStatus
from ..stripe_gateway import CheckoutSession
from .ledger import order_ledger_post
from .orders import order_flag_for_staff, order_transition
from .oversold import oversold_refund_record
from .stock import stock_consume, stock_release, stock_take_again

logger = logging.getLogger(__name__)
S = OrderStatus


def order_for_session(session: CheckoutSession) -> Order | None:
    number = session.order_number or session.client_reference_id
    if number:
        order = Order.objects.filter(number=number).first()
        if order is not None:
            return order
    return Order.objects.filter(stripe_checkout_session_id=session.id).first() if session.id else None


def order_mark_paid(*, order: Order, session: CheckoutSession, source: str) -> bool:
    """Record a paid Checkout Session. True if this call paid the order, False if it already was."""
    if not session.is_paid:
        raise ValueError(f"session {session.id} is not paid")
    with transaction.atomic():
        locked = Order.objects.select_for_update().get(pk=order.pk)
        if locked.paid_at is not None:
            if session.id != locked.stripe_checkout_session_id:
                logger.warning("Order %s paid twice (sessions %s)", locked.number, session.id)
                order_flag_for_staff(
                    order=locked, note=f"Paid a second time with Checkout Session {session.id}: refund one payment."
                )
            return False
        notes, oversold = [], []
        if locked.status == S.PENDING_PAYMENT:
            stock_consume(order=locked)
        else:
            # Expired or cancelled meanwhile: its reservation went back to stock. Take it again if still there;
            # what was sold to someone else meanwhile is refunded once the order is recorded as paid (below).
            oversold = stock_take_again(order=locked)
            notes.append(f"Paid after the order was {locked.status}.")
        if session.amount_total is not None and (
            session.amount_total != locked.total or (session.currency or locked.currency) != locked.currency
        ):
            note = f"Stripe charged {session.amount_total} {session.currency}, order total {locked.total}."
            order_flag_for_staff(order=locked, note=note)
        locked.stripe_checkout_session_id = session.id
        locked.stripe_payment_intent_id = session.payment_intent_id or locked.stripe_payment_intent_id
        locked.save(update_fields=["stripe_checkout_session_id", "stripe_payment_intent_id", "updated_at"])
        order_transition(order=locked, to=S.PAID, source=source, note=" ".join(notes))
        # The makers' credits are posted in the same transaction: paid and credited, or neither.
        order_ledger_post(order=locked)
        if oversold:
            oversold_refund_record(order=locked, lines=oversold)
    order.refresh_from_db()
    return True


def order_payment_processing(*, order: Order, session: CheckoutSession) -> None:
    """Completed with a delayed payment method: keep the reservation and wait for the async result."""
    with transaction.atomic():
        locked = Order.objects.select_for_update().get(pk=order.pk)
        if session.payment_intent_id and not locked.stripe_payment_intent_id:
            locked.stripe_payment_intent_id = session.payment_intent_id
            locked.save(update_fields=["stripe_payment_intent_id", "updated_at"])


def _end_unpaid(*, order: Order, session: CheckoutSession | None, to: str, source: str, note: str) -> bool:
    with transaction.atomic():
        locked = Order.objects.select_for_update().get(pk=order.pk)
        if locked.status != S.PENDING_PAYMENT:
            return False
        # An event about a session this order has since replaced must not end the order; without a session,
        # only an order that never got one may end (a retry may have opened one meanwhile).
        if (session.id if session else "") != locked.stripe_checkout_session_id:
            return False
        stock_release(order=locked)
        order_transition(order=locked, to=to, source=source, note=note)
    order.refresh_from_db()
    return True


def order_expire(*, order: Order, session: CheckoutSession | None, source: str, note: str = "") -> bool:
    """The Checkout Session expired unpaid (or never got created): release the stock. True if changed."""
    return _end_unpaid(order=order, session=session, to=S.EXPIRED, source=source, note=note)


def order_cancel(*, order: Order, session: CheckoutSession | None, source: str, note: str = "") -> bool:
    return _end_unpaid(order=order, session=session, to=S.CANCELLED, source=source, note=note)


def order_payment_failed(*, order: Order, session: CheckoutSession, source: str) -> bool:
    from ..tasks import enqueue_on_commit, order_payment_failed_email

    changed = _end_unpaid(order=order, session=session, to=S.CANCELLED, source=source, note="Payment failed.")
    if changed:
        enqueue_on_commit(order_payment_failed_email, order_id=order.pk)
    return changed


def order_fulfil(*, order: Order, to: str, actor=None, note: str = "") -> Order:
    """Staff moves: ready for pickup, shipped, completed (the table decides what is allowed)."""
    return order_transition(order=order, to=to, source="staff", actor=actor, note=note)


# Orders whose lines a centre works on: paid, and not refunded or cancelled as a whole.
FULFILLABLE = (OrderStatus.PAID, OrderStatus.READY_FOR_PICKUP, OrderStatus.SHIPPED, OrderStatus.PARTIALLY_REFUNDED)
LINE_FULFILMENT_FIELDS = ("fulfilment", "tracking_note", "fulfilment_updated_at", "on_the_way_email_sent_at")
ON_THE_WAY = (LineFulfilment.READY_FOR_PICKUP, LineFulfilment.SHIPPED)


class LineNotYours(Exception):
    """A line of another centre, or of an order that is not paid."""


def order_lines_fulfil(*, line_ids: list[int], to: str, user, tracking_note: str = "") -> list[OrderLine]:
    """Mark paid lines of the user's centres packed, ready for pickup or shipped. The buyer gets one e-mail
    for the lines this call puts on their way (never twice for a line)."""
    from beneficiaries.admin_scoping import scope_queryset

    from ..tasks import enqueue_on_commit, order_lines_on_the_way_email

    if to not in LineFulfilment.values:
        raise ValueError(f"unknown fulfilment state {to!r}")
    with transaction.atomic():
        visible = scope_queryset(OrderLine.objects.filter(order__status__in=FULFILLABLE), user)
        lines = list(visible.select_for_update().filter(pk__in=line_ids).order_by("pk"))
        if len(lines) != len(set(line_ids)):
            raise LineNotYours
        now = timezone.now()
        to_notify: dict[int, list[int]] = {}
        for line in lines:
            line.fulfilment = to
            line.tracking_note = tracking_note or line.tracking_note
            line.fulfilment_updated_at = now
            if to in ON_THE_WAY and line.on_the_way_email_sent_at is None:
                line.on_the_way_email_sent_at = now
                to_notify.setdefault(line.order_id, []).append(line.pk)
            line.save(
                update_fields=["fulfilment", "tracking_note", "fulfilment_updated_at", "on_the_way_email_sent_at"]
            )
        for order_id, ids in to_notify.items():
            enqueue_on_commit(order_lines_on_the_way_email, order_id=order_id, line_ids=ids)
    return lines
