"""`reconcile_stripe` repairs what missed webhooks left behind, once; `release_stale_reservations` too."""

from datetime import timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from shop.models import Order, OrderStatus, StockReservation
from shop.orders.services.reconcile import stripe_reconcile

pytestmark = pytest.mark.django_db


def reconcile(*args) -> str:
    out = StringIO()
    call_command("reconcile_stripe", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def bowl(product_factory):
    return product_factory(title="Bowl", price=Decimal("30.00"), stock=4)


def test_pays_an_order_whose_webhook_never_arrived_once(buyer, bowl, django_capture_on_commit_callbacks, mailoutbox):
    order = buyer.buy(bowl, 2)  # paid on Stripe; the buyer closed the tab and the webhook was lost
    with django_capture_on_commit_callbacks(execute=True):
        first = reconcile("--days", "2")
    order.refresh_from_db()
    assert f"{order.number}: pending_payment -> paid (session {order.stripe_checkout_session_id} paid)" in first
    assert "Checked 1 Checkout Sessions: 1 orders marked paid, 0 expired, 0 without an order here, 0 unchanged" in first
    assert order.status == OrderStatus.PAID
    assert order.status_changes.get(to_status=OrderStatus.PAID).source == "reconcile"
    assert order.lines.get().reservations.get().state == StockReservation.State.CONSUMED
    assert len(mailoutbox) == 1

    with django_capture_on_commit_callbacks(execute=True):
        second = reconcile("--days", "2")
    assert order.number not in second
    assert "0 orders marked paid, 0 expired, 0 without an order here, 1 unchanged; 0 confirmation" in second
    bowl.refresh_from_db()
    assert bowl.stock == 2
    assert len(mailoutbox) == 1


def test_resends_a_confirmation_that_failed_to_send(buyer, bowl, deliver, mailoutbox, monkeypatch):
    from django.core.mail import EmailMultiAlternatives

    real_send = EmailMultiAlternatives.send

    def smtp_down(self, fail_silently=False):
        raise ConnectionRefusedError("smtp down")

    monkeypatch.setattr(EmailMultiAlternatives, "send", smtp_down)
    order = buyer.buy(bowl)
    deliver("checkout.session.completed")
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID and order.confirmation_email_sent_at is None

    monkeypatch.setattr(EmailMultiAlternatives, "send", real_send)
    output = reconcile("--days", "1")
    assert f"{order.number}: confirmation e-mail sent" in output
    assert "1 confirmation e-mails resent" in output
    assert len(mailoutbox) == 1
    assert "0 confirmation e-mails resent" in reconcile("--days", "1")


def test_expires_an_order_whose_expired_webhook_was_lost(buyer, bowl, fake_stripe):
    buyer.add(bowl, 3)
    buyer.checkout()
    order = buyer.order()
    fake_stripe.expire(order.stripe_checkout_session_id)
    output = reconcile("--days", "1")
    order.refresh_from_db()
    bowl.refresh_from_db()
    assert f"{order.number}: pending_payment -> expired" in output
    assert order.status == OrderStatus.EXPIRED and bowl.stock == 4
    assert "0 expired" in reconcile("--days", "1")


def test_follows_pagination_and_counts_unknown_sessions(buyer, product_factory, fake_stripe):
    from shop.orders import stripe_gateway

    for _ in range(3):
        buyer.client.cookies.clear()
        buyer.buy(product_factory())
    stripe_gateway.checkout_session_create(
        order_number="OTHER-SHOP-1",
        lines=[stripe_gateway.LineItem(name="x", unit_amount=Decimal("1"), quantity=1, currency="AZN")],
        customer_email="x@example.az",
        language="en",
        success_url="http://x/",
        cancel_url="http://x/",
        expires_at=timezone.now() + timedelta(hours=1),
        idempotency_key="other-1",
    )
    report = stripe_reconcile(days=1, page_size=2)
    assert (report.checked, report.paid, report.unmatched) == (4, 3, 1)
    assert Order.objects.filter(status=OrderStatus.PAID).count() == 3


def test_stripe_down_is_a_clear_error(buyer, bowl, fake_stripe):
    fake_stripe.outage("503")
    with pytest.raises(CommandError, match="Stripe could not be asked"):
        reconcile("--days", "1")


def test_days_must_be_sane():
    with pytest.raises(CommandError):
        reconcile("--days", "0")


def test_release_stale_reservations(buyer, bowl, fake_stripe):
    fake_stripe.outage("503")
    buyer.add(bowl, 2)
    assert buyer.checkout().status_code == 503  # the order exists, Stripe never saw it
    order = buyer.order()
    out = StringIO()
    call_command("release_stale_reservations", "--minutes", "60", stdout=out)
    assert "Released the stock of 0 abandoned orders." in out.getvalue()
    Order.objects.filter(pk=order.pk).update(created_at=timezone.now() - timedelta(hours=2))
    call_command("release_stale_reservations", "--minutes", "60", stdout=out)
    order.refresh_from_db()
    bowl.refresh_from_db()
    assert f"{order.number}: pending_payment -> expired" in out.getvalue()
    assert order.status == OrderStatus.EXPIRED and bowl.stock == 4
