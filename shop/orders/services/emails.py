"""E-mails to buyers, in the buyer's language, HTML with a plain-text alternative.

They run from `transaction.on_commit`, so nothing is sent for a change that was rolled back. The confirmation
is claimed with a conditional UPDATE on `confirmation_email_sent_at` before sending: the redirect and the
webhook may both pay the order's way here, and only one of them wins the claim.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone, translation

from ..models import Order
from ..selectors import order_for_email, pickup_centres

logger = logging.getLogger(__name__)


def _absolute(path: str) -> str:
    return settings.SHOP_BASE_URL.rstrip("/") + path


def _send(*, order: Order, template: str, extra: dict | None = None) -> None:
    with translation.override(order.language):
        context = {
            "order": order,
            "status_url": _absolute(order.get_absolute_url()),
            "pickup_centres": pickup_centres(order),
            **(extra or {}),
        }
        subject = " ".join(render_to_string(f"shop/emails/{template}_subject.txt", context).split())
        text = render_to_string(f"shop/emails/{template}.txt", context)
        html = render_to_string(f"shop/emails/{template}.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=[order.email])
    message.attach_alternative(html, "text/html")
    message.send()


def order_confirmation_send(*, order_id: int) -> bool:
    """Send the paid order's confirmation once. True if this call sent it."""
    claimed = Order.objects.filter(pk=order_id, confirmation_email_sent_at__isnull=True).update(
        confirmation_email_sent_at=timezone.now()
    )
    if not claimed:
        return False
    order = order_for_email(order_id)
    try:
        _send(order=order, template="order_confirmation")
    except Exception:
        # Give the claim back so a retry (reconcile, staff) can send it; the payment itself stands.
        Order.objects.filter(pk=order_id).update(confirmation_email_sent_at=None)
        logger.exception("Confirmation e-mail for order %s failed", order.number)
        return False
    return True


def order_status_email_send(*, order_id: int, status: str) -> None:
    order = order_for_email(order_id)
    try:
        _send(order=order, template="order_status", extra={"new_status": status})
    except Exception:
        logger.exception("Status e-mail for order %s failed", order.number)


def order_payment_failed_email_send(*, order_id: int) -> None:
    order = order_for_email(order_id)
    try:
        _send(order=order, template="payment_failed")
    except Exception:
        logger.exception("Payment-failed e-mail for order %s failed", order.number)


def order_lines_on_the_way_email_send(*, order_id: int, line_ids: list[int]) -> None:
    """One e-mail for the lines a centre has just sent off or made ready for pickup."""
    order = order_for_email(order_id)
    lines = [line for line in order.lines.all() if line.pk in set(line_ids)]
    try:
        _send(order=order, template="order_on_the_way", extra={"on_the_way": lines})
    except Exception:
        logger.exception("On-the-way e-mail for order %s failed", order.number)


def order_sold_elsewhere_email_send(*, order_id: int, refund_id: int) -> None:
    """The buyer paid after their hold ended and the piece went to someone else: say so, and that the
    money is on its way back."""
    order = order_for_email(order_id)
    refund = order.refunds.get(pk=refund_id)
    titles = ", ".join(line.title for line in order.lines.all() if line.oversold)
    everything = all(line.oversold for line in order.lines.all())
    try:
        _send(
            order=order, template="sold_elsewhere", extra={"refund": refund, "titles": titles, "everything": everything}
        )
    except Exception:
        logger.exception("Sold-elsewhere e-mail for order %s failed", order.number)
