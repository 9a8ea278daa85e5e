"""Repair what missed webhooks left behind, by asking Stripe what happened to recent Checkout Sessions.

Uses the same services as the webhook, so running it twice (or while webhooks arrive) changes nothing more.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from smtplib import SMTPException

from django.utils import timezone

from .. import stripe_gateway as gateway
from ..models import Order, OrderStatus, OrderStatusChange
from .emails import order_confirmation_send
from .fulfilment import order_expire, order_for_session, order_mark_paid
from .refunds import refunds_pending_resend

SOURCE = OrderStatusChange.Source.RECONCILE


@dataclass
class ReconcileReport:
    checked: int = 0
    paid: int = 0
    expired: int = 0
    unmatched: int = 0
    emails: int = 0
    refunds_sent: int = 0
    changes: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        unchanged = self.checked - self.paid - self.expired - self.unmatched
        return (
            f"Checked {self.checked} Checkout Sessions: {self.paid} orders marked paid, {self.expired} expired, "
            f"{self.unmatched} without an order here, {unchanged} unchanged; "
            f"{self.emails} confirmation e-mails resent; {self.refunds_sent} pending refunds sent again."
        )


def stripe_reconcile(*, days: int, page_size: int = 100) -> ReconcileReport:
    """Raises PaymentServiceUnavailable if Stripe cannot be listed; changes made before that stay made."""
    report = ReconcileReport()
    since = timezone.now() - timedelta(days=days)
    for session in gateway.checkout_sessions_list(created_since=since, page_size=page_size):
        report.checked += 1
        order = order_for_session(session)
        if order is None:
            report.unmatched += 1
            continue
        before = order.status
        if session.is_paid:
            if order_mark_paid(order=order, session=session, source=SOURCE):
                report.paid += 1
                report.changes.append(f"{order.number}: {before} -> {order.status} (session {session.id} paid)")
        elif session.status == "expired" and order_expire(
            order=order, session=session, source=SOURCE, note="Session expired (reconcile)."
        ):
            report.expired += 1
            report.changes.append(f"{order.number}: {before} -> {order.status} (session {session.id} expired)")
    # A confirmation whose sending failed gave its claim back; try it again now (orders paid just above have
    # theirs queued for the commit already).
    paid_now = [change.split(":", 1)[0] for change in report.changes]
    unsent = Order.objects.filter(paid_at__gte=since, confirmation_email_sent_at__isnull=True).exclude(
        number__in=paid_now
    )
    for order in unsent.order_by("pk"):
        try:
            sent = order_confirmation_send(order_id=order.pk)
        except (SMTPException, OSError) as exc:
            # The mail server is still down: the claim was given back, the next run tries again.
            report.changes.append(f"{order.number}: confirmation e-mail failed again ({exc})")
            continue
        if sent:
            report.emails += 1
            report.changes.append(f"{order.number}: confirmation e-mail sent")
    # A refund Stripe could not take when it was made (automatic ones for pieces sold elsewhere, or staff's).
    for refund in refunds_pending_resend(source=SOURCE):
        report.refunds_sent += 1
        report.changes.append(f"{refund.order.number}: refund {refund.sequence} sent again, now {refund.status}")
    return report


def stale_orders_expire(*, older_than_minutes: int) -> list[Order]:
    """Pending orders that never got a Checkout Session (Stripe was down and the buyer gave up) still hold
    stock; once old enough, expire them and give it back."""
    cutoff = timezone.now() - timedelta(minutes=older_than_minutes)
    expired = []
    stale = Order.objects.filter(
        status=OrderStatus.PENDING_PAYMENT, stripe_checkout_session_id="", created_at__lt=cutoff
    ).order_by("pk")
    for order in stale:
        if order_expire(
            order=order,
            session=None,
            source=OrderStatusChange.Source.SYSTEM,
            note="No payment started; reservation released.",
        ):
            expired.append(order)
    return expired
