"""E-mails to buyers, in the buyer's language, HTML with a plain-text alternative.

They are sent by background jobs (`shop.orders.tasks`) queued from `transaction.on_commit`, so nothing is sent
for a change that was rolled back and a slow SMTP server never holds up a buyer's request. Each e-mail is
claimed in the database before it is sent (the confirmation on `Order.confirmation_email_sent_at`, the others
as an `OrderEmail` row unique per order and kind): a job that is retried or delivered twice, or the redirect
and the webhook both paying the order, send it at most once. A send that fails gives its claim back and
raises, so the job retries it later.
"""

from __future__ import annotations

from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from ...catalogue.seo import absolute_url
from ..commission_models import CommissionRequest
from ..models import Order, OrderEmail
from ..selectors import order_for_email, pickup_centres


def _absolute(path: str) -> str:
    # No request here (on_commit or a background job): SHOP_BASE_URL, else the default Wagtail Site.
    return absolute_url(path)


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
    """Send the paid order's confirmation once. True if this call sent it, False if it was sent already.

    Raises what the mail backend raised (after giving the claim back) so the job can retry.
    """
    claimed = Order.objects.filter(pk=order_id, confirmation_email_sent_at__isnull=True).update(
        confirmation_email_sent_at=timezone.now()
    )
    if not claimed:
        return False
    try:
        _send(order=order_for_email(order_id), template="order_confirmation")
    except Exception:
        # Give the claim back so the retry (or reconcile_stripe) can send it; the payment itself stands.
        Order.objects.filter(pk=order_id).update(confirmation_email_sent_at=None)
        raise
    return True


def _send_once(*, order_id: int, kind: str, template: str, extra=None) -> bool:
    """Claim (order, kind), send, and give the claim back if sending fails. True if this call sent it."""
    try:
        with transaction.atomic():
            claim = OrderEmail.objects.create(order_id=order_id, kind=kind)
    except IntegrityError:
        return False
    try:
        order = order_for_email(order_id)
        _send(order=order, template=template, extra=extra(order) if extra else None)
    except Exception:
        claim.delete()
        raise
    return True


def order_status_email_send(*, order_id: int, status: str) -> bool:
    return _send_once(
        order_id=order_id,
        kind=f"status:{status}",
        template="order_status",
        extra=lambda order: {"new_status": status},
    )


def order_payment_failed_email_send(*, order_id: int) -> bool:
    return _send_once(order_id=order_id, kind="payment_failed", template="payment_failed")


def order_lines_on_the_way_email_send(*, order_id: int, line_ids: list[int]) -> bool:
    """One e-mail for the lines a centre has just sent off or made ready for pickup.

    A line is put on its way once (`OrderLine.on_the_way_email_sent_at`), so the smallest line id names the batch.
    """
    wanted = set(line_ids)
    return _send_once(
        order_id=order_id,
        kind=f"on_the_way:{min(wanted)}",
        template="order_on_the_way",
        extra=lambda order: {"on_the_way": [line for line in order.lines.all() if line.pk in wanted]},
    )


def order_sold_elsewhere_email_send(*, order_id: int, refund_id: int) -> bool:
    """The buyer paid after their hold ended and the piece went to someone else: say so, and that the
    money is on its way back. Once per refund."""

    def extra(order):
        lines = list(order.lines.all())
        return {
            "refund": order.refunds.get(pk=refund_id),
            "titles": ", ".join(line.title for line in lines if line.oversold),
            "everything": all(line.oversold for line in lines),
        }

    return _send_once(order_id=order_id, kind=f"sold_elsewhere:{refund_id}", template="sold_elsewhere", extra=extra)


def commission_answer_send(*, commission_id: int) -> bool:
    """E-mail the centre's answer once, in the buyer's language, in the centre's name (never the maker's).

    Claimed on `answer_email_sent_at` like the order confirmation; a failed send gives the claim back.
    """
    claimed = CommissionRequest.objects.filter(
        pk=commission_id, answer_email_sent_at__isnull=True, status="answered"
    ).update(answer_email_sent_at=timezone.now())
    if not claimed:
        return False
    commission = CommissionRequest.objects.select_related("centre").get(pk=commission_id)
    try:
        with translation.override(commission.language):
            context = {"commission": commission, "centre": commission.centre}
            subject = " ".join(render_to_string("shop/emails/commission_answer_subject.txt", context).split())
            text = render_to_string("shop/emails/commission_answer.txt", context)
            html = render_to_string("shop/emails/commission_answer.html", context)
        sender = formataddr((commission.centre.name, parseaddr(settings.DEFAULT_FROM_EMAIL)[1]))
        message = EmailMultiAlternatives(subject=subject, body=text, from_email=sender, to=[commission.email])
        message.attach_alternative(html, "text/html")
        message.send()
    except Exception:
        CommissionRequest.objects.filter(pk=commission_id).update(answer_email_sent_at=None)
        raise
    return True
