"""A payment that arrives after its hold was released (a delayed method, a slow or out-of-order webhook) for a
piece that was sold to someone else meanwhile: the shop refunds those lines itself and tells the buyer why.

The refund is recorded (a Refund row with its idempotency key) in the same transaction that marks the order
paid, so it cannot be forgotten, and sent to Stripe only after that commits: no row lock is held while Stripe
answers (Stripe may call our webhook meanwhile). If Stripe cannot be reached the refund stays pending, the
order is flagged for staff, and `reconcile_stripe` sends it again (`refunds_pending_resend`), never twice.
"""

from __future__ import annotations

import logging
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from ..models import Order, OrderLine, OrderStatusChange, Refund
from .orders import order_flag_for_staff
from .refunds import refund_record

logger = logging.getLogger(__name__)
REASON = "Sold to someone else while the payment was delayed."


def oversold_refund_record(*, order: Order, lines: list[OrderLine]) -> Refund | None:
    """Record the refund of lines paid for after their stock went to another buyer. Runs inside the caller's
    transaction with the order locked and just marked paid; sending and the e-mail follow the commit."""
    titles = ", ".join(line.title for line in lines)
    if not order.stripe_payment_intent_id:
        order_flag_for_staff(order=order, note=f"Oversold: no stock left for {titles}, and no payment to refund.")
        return None
    everything = len(lines) == order.lines.count()
    # Nothing left to deliver: the delivery fee goes back too.
    amount = order.total if everything else sum((line.unit_price * line.quantity for line in lines), Decimal("0"))
    refund = refund_record(
        order=order,
        refund_lines=[(line, line.quantity) for line in lines],
        amount=amount,
        includes_delivery=everything and order.delivery_fee > 0,
        reason=REASON,
        sold_elsewhere=True,
    )
    note = (
        f"Oversold: no stock left for {titles}; refund {refund.sequence} of {amount} {order.currency} "
        "made automatically."
    )
    order.staff_note = f"{order.staff_note}\n{note}".strip()
    order.save(update_fields=["staff_note", "updated_at"])
    if everything:
        # The buyer gets one e-mail, the one that explains; "thank you, your order is paid" would mislead.
        Order.objects.filter(pk=order.pk, confirmation_email_sent_at__isnull=True).update(
            confirmation_email_sent_at=timezone.now()
        )
    transaction.on_commit(lambda: oversold_refund_send(refund_id=refund.pk))
    transaction.on_commit(lambda: _buyer_tell(order_id=order.pk, refund_id=refund.pk))
    return refund


def oversold_refund_send(*, refund_id: int) -> Refund:
    """Send the recorded refund to Stripe (through the refund service: idempotency key, refund lines, ledger
    debit, order status). If Stripe is down or refuses, the order is flagged with what staff need to know."""
    from .refunds import refund_send

    refund = Refund.objects.select_related("order").get(pk=refund_id)
    try:
        refund = refund_send(refund=refund, source=OrderStatusChange.Source.SYSTEM)
    except Exception:
        # After the commit nothing may undo the payment: log it and leave the refund pending for the retry.
        logger.exception("Automatic refund %s could not be sent", refund.idempotency_key)
        refund.refresh_from_db()
    if refund.status == Refund.Status.PENDING and not refund.stripe_refund_id:
        _flag(refund, f"could not reach Stripe ({refund.last_error or 'not sent'}); reconcile_stripe sends it again.")
    elif refund.status == Refund.Status.FAILED:
        _flag(refund, f"was refused by Stripe ({refund.last_error}); refund the buyer by hand.")
    return refund


def _flag(refund: Refund, problem: str) -> None:
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=refund.order_id)
        note = f"Automatic refund {refund.sequence} of {refund.amount} {refund.currency} {problem}"
        order_flag_for_staff(order=order, note=note)


def _buyer_tell(*, order_id: int, refund_id: int) -> None:
    from ..tasks import enqueue_on_commit, order_sold_elsewhere_email

    enqueue_on_commit(order_sold_elsewhere_email, order_id=order_id, refund_id=refund_id)
