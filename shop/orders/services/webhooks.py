"""Stripe events, each processed once.

The event row is inserted first, inside the same transaction as its effects: a second delivery of the same
event (even at the same moment, from another process) blocks on the unique index until the first commits,
then fails the insert and is answered "already processed". If handling fails, both roll back and Stripe's
retry processes the event again.
"""

from __future__ import annotations

import logging

from django.db import IntegrityError, transaction
from django.utils import timezone

from .. import stripe_gateway as gateway
from ..models import Order, OrderStatusChange, StripeEvent
from ..stripe_gateway import WebhookEvent
from .fulfilment import (
    order_expire,
    order_for_session,
    order_mark_paid,
    order_payment_failed,
    order_payment_processing,
)
from .refunds import refunds_sync_from_charge

logger = logging.getLogger(__name__)
SOURCE = OrderStatusChange.Source.WEBHOOK


class Outcome:
    DUPLICATE = "duplicate"
    IGNORED = "ignored"
    UNKNOWN_ORDER = "unknown order"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    WAITING = "waiting for payment"


def _session_completed(event: WebhookEvent) -> tuple[str, Order | None]:
    session = gateway.session_from_event(event)
    order = order_for_session(session)
    if order is None:
        return Outcome.UNKNOWN_ORDER, None
    if session.is_paid:
        changed = order_mark_paid(order=order, session=session, source=SOURCE)
        return (Outcome.CHANGED if changed else Outcome.UNCHANGED), order
    order_payment_processing(order=order, session=session)
    return Outcome.WAITING, order


def _session_async_succeeded(event: WebhookEvent) -> tuple[str, Order | None]:
    return _session_completed(event)


def _session_async_failed(event: WebhookEvent) -> tuple[str, Order | None]:
    session = gateway.session_from_event(event)
    order = order_for_session(session)
    if order is None:
        return Outcome.UNKNOWN_ORDER, None
    changed = order_payment_failed(order=order, session=session, source=SOURCE)
    return (Outcome.CHANGED if changed else Outcome.UNCHANGED), order


def _session_expired(event: WebhookEvent) -> tuple[str, Order | None]:
    session = gateway.session_from_event(event)
    order = order_for_session(session)
    if order is None:
        return Outcome.UNKNOWN_ORDER, None
    # An expired event can never un-pay: order_expire only touches a pending order and its current session.
    changed = order_expire(order=order, session=session, source=SOURCE, note="Checkout Session expired.")
    return (Outcome.CHANGED if changed else Outcome.UNCHANGED), order


def _charge_refunded(event: WebhookEvent) -> tuple[str, Order | None]:
    charge = gateway.charge_from_event(event)
    order = (
        Order.objects.filter(stripe_payment_intent_id=charge.payment_intent_id).first()
        if charge.payment_intent_id
        else None
    )
    if order is None:
        return Outcome.UNKNOWN_ORDER, None
    changed = refunds_sync_from_charge(
        payment_intent_id=charge.payment_intent_id,
        amount_refunded=charge.amount_refunded,
        charge_id=charge.charge_id,
        source=SOURCE,
    )
    return (Outcome.CHANGED if changed else Outcome.UNCHANGED), order


HANDLERS = {
    "checkout.session.completed": _session_completed,
    "checkout.session.async_payment_succeeded": _session_async_succeeded,
    "checkout.session.async_payment_failed": _session_async_failed,
    "checkout.session.expired": _session_expired,
    "charge.refunded": _charge_refunded,
}


def stripe_event_process(*, event: WebhookEvent) -> str:
    """Handle a verified event once; returns what happened (for logs and the response body)."""
    handler = HANDLERS.get(event.type)
    with transaction.atomic():
        try:
            with transaction.atomic():
                record = StripeEvent.objects.create(
                    event_id=event.id,
                    type=event.type[:100],
                    object_id=str(event.object.get("id", ""))[:255],
                    stripe_created_at=event.created,
                )
        except IntegrityError:
            return Outcome.DUPLICATE
        if handler is None:
            outcome, order = Outcome.IGNORED, None
        else:
            outcome, order = handler(event)
        record.outcome = outcome
        record.order = order
        record.processed_at = timezone.now()
        record.save(update_fields=["outcome", "order", "processed_at"])
    if outcome == Outcome.UNKNOWN_ORDER:
        logger.warning("Stripe event %s (%s) matches no order", event.id, event.type)
    return outcome
