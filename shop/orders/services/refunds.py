"""Refunds, full or of chosen lines, through Stripe with an idempotency key derived from the order.

A Refund row (with its key) is committed before Stripe is called. If Stripe cannot be reached the row stays
pending and "send again" repeats the request with the same key, so Stripe refunds at most once; while one is
pending no other refund of the order can start. The order's status moves when Stripe confirms (the refund
comes back succeeded, or `charge.refunded` arrives), whichever is first.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import stripe_gateway as gateway
from ..models import Order, OrderLine, OrderStatus, Refund, RefundLine
from .ledger import refund_ledger_post
from .orders import can_transition, order_transition

logger = logging.getLogger(__name__)
S = OrderStatus
REFUNDABLE = {S.PAID, S.READY_FOR_PICKUP, S.SHIPPED, S.COMPLETED, S.PARTIALLY_REFUNDED}


class RefundNotAllowed(Exception):
    """The message is meant for the staff member who asked."""


@dataclass(frozen=True)
class RefundItem:
    line_id: int
    quantity: int


def _refunded_sum(order: Order, *statuses: str) -> Decimal:
    total = order.refunds.filter(status__in=statuses).aggregate(total=Sum("amount"))["total"]
    return total or Decimal("0.00")


def refund_request(*, order: Order, items: list[RefundItem] | None, actor=None, reason: str = "") -> Refund:
    """Record a refund (None = everything not yet refunded, delivery included) and send it to Stripe."""
    with transaction.atomic():
        locked = Order.objects.select_for_update().get(pk=order.pk)
        if locked.status not in REFUNDABLE or not locked.stripe_payment_intent_id:
            raise RefundNotAllowed(_("Only a paid order that is not fully refunded can be refunded."))
        if locked.refunds.filter(status=Refund.Status.PENDING).exists():
            raise RefundNotAllowed(_("Another refund of this order is still pending; send it again first."))
        lines = {line.pk: line for line in locked.lines.select_for_update().order_by("pk")}
        refund_lines: list[tuple[OrderLine, int]] = []
        if items is None:
            refund_lines = [(line, line.quantity_refundable) for line in lines.values() if line.quantity_refundable]
            amount = locked.total - _refunded_sum(locked, Refund.Status.SUCCEEDED)
        else:
            for item in items:
                line = lines.get(item.line_id)
                if line is None or item.quantity < 0 or item.quantity > line.quantity_refundable:
                    raise RefundNotAllowed(_("A quantity is more than can still be refunded."))
                if item.quantity:
                    refund_lines.append((line, item.quantity))
            amount = sum((line.unit_price * qty for line, qty in refund_lines), Decimal("0.00"))
        if amount <= 0:
            raise RefundNotAllowed(_("Choose at least one item to refund."))
        refund = refund_record(
            order=locked,
            refund_lines=refund_lines,
            amount=amount,
            includes_delivery=items is None and locked.delivery_fee > 0,
            reason=reason,
            actor=actor,
        )
    return refund_send(refund=refund)


def refund_record(
    *,
    order: Order,
    refund_lines: list[tuple[OrderLine, int]],
    amount: Decimal,
    includes_delivery: bool,
    reason: str,
    actor=None,
    sold_elsewhere: bool = False,
) -> Refund:
    """Write a pending refund and its lines; nothing is sent to Stripe yet. The caller holds the order's row lock,
    so the sequence (and with it the idempotency key Stripe sees) is never handed out twice."""
    sequence = order.refunds.count() + 1
    refund = Refund.objects.create(
        order=order,
        sequence=sequence,
        idempotency_key=f"order-{order.number}-refund-{sequence}",
        amount=amount,
        currency=order.currency,
        includes_delivery=includes_delivery,
        reason=reason[:255],
        requested_by=actor,
        sold_elsewhere=sold_elsewhere,
    )
    RefundLine.objects.bulk_create(
        RefundLine(refund=refund, line=line, quantity=qty, amount=line.unit_price * qty) for line, qty in refund_lines
    )
    return refund


def refund_send(*, refund: Refund, source: str = "staff") -> Refund:
    """(Re)send a pending refund to Stripe with its own idempotency key."""
    if refund.status != Refund.Status.PENDING:
        return refund
    order = refund.order
    try:
        result = gateway.refund_create(
            payment_intent_id=order.stripe_payment_intent_id,
            amount=refund.amount,
            currency=refund.currency,
            idempotency_key=refund.idempotency_key,
            metadata={"order_number": order.number, "refund_key": refund.idempotency_key},
        )
    except gateway.PaymentServiceUnavailable as exc:
        Refund.objects.filter(pk=refund.pk).update(last_error=f"Payment service unavailable: {exc}"[:500])
        refund.refresh_from_db()
        return refund
    except gateway.PaymentRequestRejected as exc:
        Refund.objects.filter(pk=refund.pk, status=Refund.Status.PENDING).update(
            status=Refund.Status.FAILED, last_error=str(exc)[:500]
        )
        refund.refresh_from_db()
        return refund
    Refund.objects.filter(pk=refund.pk, stripe_refund_id__isnull=True).update(stripe_refund_id=result.id)
    if result.status == "succeeded":
        refund_mark_succeeded(refund=refund, source=source)
    elif result.status in ("failed", "canceled"):
        Refund.objects.filter(pk=refund.pk, status=Refund.Status.PENDING).update(
            status=Refund.Status.FAILED, last_error=f"Stripe: {result.status}"
        )
    refund.refresh_from_db()
    return refund


def _order_status_after_refunds(order: Order, *, source: str, actor=None, notify: bool = True) -> None:
    refunded = _refunded_sum(order, Refund.Status.SUCCEEDED)
    target = S.REFUNDED if refunded >= order.total else S.PARTIALLY_REFUNDED
    if order.status != target and can_transition(order, target):
        note = f"Refunded {refunded} in total."
        order_transition(order=order, to=target, source=source, actor=actor, note=note, notify=notify)


def refund_mark_succeeded(*, refund: Refund, source: str) -> bool:
    """Stripe confirmed the refund: count the refunded quantities and move the order, exactly once."""
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=refund.order_id)
        locked = Refund.objects.select_for_update().get(pk=refund.pk)
        if locked.status == Refund.Status.SUCCEEDED:
            return False
        locked.status = Refund.Status.SUCCEEDED
        locked.succeeded_at = timezone.now()
        locked.last_error = ""
        locked.save(update_fields=["status", "succeeded_at", "last_error"])
        for refund_line in locked.lines.all():
            OrderLine.objects.filter(pk=refund_line.line_id).update(
                quantity_refunded=F("quantity_refunded") + refund_line.quantity
            )
        # Debited from the makers in the same transaction that records the refund.
        refund_ledger_post(refund=locked)
        # A piece sold elsewhere has its own e-mail to the buyer (sent when the refund was decided).
        _order_status_after_refunds(order, source=source, actor=locked.requested_by, notify=not locked.sold_elsewhere)
    return True


def refunds_sync_from_charge(*, payment_intent_id: str, amount_refunded: Decimal, charge_id: str, source: str) -> bool:
    """`charge.refunded`: Stripe's running total of refunds on the charge. Confirm our pending refunds that it
    covers, oldest first; anything beyond ours was refunded in Stripe's dashboard and is recorded as such."""
    order = Order.objects.filter(stripe_payment_intent_id=payment_intent_id).first()
    if order is None:
        return False
    changed = False
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order.pk)
        known = _refunded_sum(order, Refund.Status.SUCCEEDED)
        for refund in order.refunds.filter(status=Refund.Status.PENDING).order_by("sequence"):
            if known + refund.amount > amount_refunded:
                break
            changed |= refund_mark_succeeded(refund=refund, source=source)
            known += refund.amount
        if amount_refunded > known and order.paid_at is not None:
            sequence = order.refunds.count() + 1
            Refund.objects.create(
                order=order,
                sequence=sequence,
                idempotency_key=f"external-{charge_id}-{sequence}",
                amount=amount_refunded - known,
                currency=order.currency,
                external=True,
                status=Refund.Status.SUCCEEDED,
                succeeded_at=timezone.now(),
                reason="Refunded in Stripe",
            )
            order.refresh_from_db()
            _order_status_after_refunds(order, source=source)
            changed = True
    return changed


def refunds_pending_resend(*, source: str) -> list[Refund]:
    """Send every refund still pending (Stripe was down, or the process stopped before sending) again.

    Stripe keeps an idempotency key for 24 hours only, so first look for a refund Stripe already made with
    this one's key in its metadata and adopt it: a retry days later can never refund twice.
    """
    sent = []
    pending = Refund.objects.filter(status=Refund.Status.PENDING, external=False).exclude(
        order__stripe_payment_intent_id=""
    )
    for refund in pending.select_related("order").order_by("pk"):
        try:
            at_stripe = gateway.refunds_for_payment(refund.order.stripe_payment_intent_id)
        except gateway.PaymentRequestRejected as exc:
            # One payment Stripe will not list (another account, say) must not hold up the others.
            logger.warning("Cannot list refunds of order %s: %s", refund.order.number, exc)
            continue
        known = next((found for found in at_stripe if found.metadata.get("refund_key") == refund.idempotency_key), None)
        if known is None:
            refund = refund_send(refund=refund, source=source)
        else:
            Refund.objects.filter(pk=refund.pk, stripe_refund_id__isnull=True).update(stripe_refund_id=known.id)
            if known.status == "succeeded":
                refund_mark_succeeded(refund=refund, source=source)
            refund.refresh_from_db()
        sent.append(refund)
    return sent
