"""The shop's background jobs. Each takes ids (never model instances) and calls a service.

E-mail jobs retry with exponential back-off when the mail server cannot be reached or refuses for now; the
services claim each e-mail in the database, so a retry or a second delivery never sends it twice. A job that
fails for good is recorded for staff (`shop.jobs`).
"""

from __future__ import annotations

import logging
from smtplib import SMTPException

from celery import shared_task
from django.db import transaction

from .services import emails

logger = logging.getLogger(__name__)

# OSError covers refused connections, timeouts and name lookups; SMTPException a server that said no for now.
MAIL_ERRORS = (SMTPException, OSError)
EMAIL_RETRY = {
    "autoretry_for": MAIL_ERRORS,
    "retry_backoff": 30,  # 30 s, 60 s, 120 s ... (with jitter), so a mail server back in minutes gets them all
    "retry_backoff_max": 30 * 60,
    "retry_jitter": True,
    "max_retries": 6,
}


def enqueue_on_commit(task, **kwargs) -> None:
    """Queue `task` once the current transaction commits (at once outside one).

    `robust`: a broker that cannot be reached is logged instead of turning the buyer's committed request into a
    500; reconcile_stripe resends a confirmation that was never sent.
    """
    transaction.on_commit(lambda: task.delay(**kwargs), robust=True)


@shared_task(name="shop.orders.tasks.order_confirmation_email", **EMAIL_RETRY)
def order_confirmation_email(*, order_id: int) -> bool:
    return emails.order_confirmation_send(order_id=order_id)


@shared_task(name="shop.orders.tasks.order_status_email", **EMAIL_RETRY)
def order_status_email(*, order_id: int, status: str) -> bool:
    return emails.order_status_email_send(order_id=order_id, status=status)


@shared_task(name="shop.orders.tasks.order_payment_failed_email", **EMAIL_RETRY)
def order_payment_failed_email(*, order_id: int) -> bool:
    return emails.order_payment_failed_email_send(order_id=order_id)


@shared_task(name="shop.orders.tasks.order_lines_on_the_way_email", **EMAIL_RETRY)
def order_lines_on_the_way_email(*, order_id: int, line_ids: list[int]) -> bool:
    return emails.order_lines_on_the_way_email_send(order_id=order_id, line_ids=line_ids)


@shared_task(name="shop.orders.tasks.order_sold_elsewhere_email", **EMAIL_RETRY)
def order_sold_elsewhere_email(*, order_id: int, refund_id: int) -> bool:
    return emails.order_sold_elsewhere_email_send(order_id=order_id, refund_id=refund_id)


@shared_task(name="shop.orders.tasks.commission_answer_email", **EMAIL_RETRY)
def commission_answer_email(*, commission_id: int) -> bool:
    return emails.commission_answer_send(commission_id=commission_id)


@shared_task(name="shop.orders.tasks.stripe_reconcile_job")
def stripe_reconcile_job(*, days: int = 3) -> str:
    """`manage.py reconcile_stripe` on beat: a Stripe outage fails the job, which is recorded for staff."""
    from .services.reconcile import stripe_reconcile

    report = stripe_reconcile(days=days)
    for change in report.changes:
        logger.info("reconcile_stripe: %s", change)
    return report.summary


@shared_task(name="shop.orders.tasks.stale_reservations_release_job")
def stale_reservations_release_job(*, minutes: int = 60) -> int:
    from .services.reconcile import stale_orders_expire

    return len(stale_orders_expire(older_than_minutes=minutes))


class LedgerDifference(Exception):
    """The makers' ledger disagrees with the orders: raised so the job shows up as failed for finance."""


@shared_task(name="shop.orders.tasks.ledger_reconcile_job")
def ledger_reconcile_job() -> int:
    from .services.ledger import ledger_reconcile

    report = ledger_reconcile(repair=False)
    if report.problems:
        raise LedgerDifference("; ".join(report.problems))
    return len(report.totals)
