"""A payment that succeeds after its hold was released never oversells: the stock is taken again if it is
still free, otherwise the shop refunds the piece itself (once, at Stripe) and tells the buyer in their language.

The hold is released first by Stripe's `checkout.session.expired` event arriving before the (slow) event for
the payment, as Stripe may deliver them; everything else goes through the shop's pages and the fake Stripe.
"""

import copy
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from beneficiaries.ledger.selectors import maker_balance
from shop.models import Order, OrderLineMaker, OrderStatus, Refund, StockReservation

from .conftest import Buyer, OnCommitClient

pytestmark = pytest.mark.django_db


@pytest.fixture
def carpet(product_factory):
    """One of a kind."""
    return product_factory(title="Silk carpet", slug="silk-carpet", price=Decimal("300.00"), stock=1)


def expired_first(completed: dict) -> dict:
    """Stripe's `expired` event for the same session, delivered before the payment's own event."""
    expired = copy.deepcopy(completed)
    expired["id"] = completed["id"] + "expired"
    expired["type"] = "checkout.session.expired"
    expired["data"]["object"].update(status="expired", payment_status="unpaid")
    return expired


def completed_event_of(fake_stripe, order: Order) -> dict:
    order.refresh_from_db()
    return next(
        event
        for event in fake_stripe.events("checkout.session.completed")
        if event["data"]["object"]["id"] == order.stripe_checkout_session_id
    )


def paid_then_released(buyer, product, fake_stripe, deliver) -> tuple[Order, dict]:
    """The buyer pays on Stripe's page, but the shop hears of the expiry first and releases the hold."""
    order = buyer.buy(product)
    completed = completed_event_of(fake_stripe, order)
    deliver(expired_first(completed))
    order.refresh_from_db()
    assert order.status == OrderStatus.EXPIRED
    return order, completed


def reconcile() -> str:
    out = StringIO()
    call_command("reconcile_stripe", "--days", "3", stdout=out)
    return out.getvalue()


def stripe_refunds(fake_stripe) -> list[dict]:
    return fake_stripe.state.objects("refund")


def refund_posts(fake_stripe) -> list:
    return [r for r in fake_stripe.state.requests() if r.method == "POST" and r.path == "/v1/refunds"]


def mails_to(mailoutbox, address: str) -> list:
    return [message for message in mailoutbox if message.to == [address]]


def test_late_payment_for_a_piece_sold_meanwhile_is_refunded_once_and_told_in_russian(
    buyer_client, carpet, fake_stripe, deliver, mailoutbox
):
    late = Buyer(client=buyer_client, fake=fake_stripe, language="ru")
    order, completed = paid_then_released(late, carpet, fake_stripe, deliver)
    other = Buyer(client=OnCommitClient(), fake=fake_stripe)
    other_order = other.buy(carpet, email="rashad@example.az")
    deliver(completed_event_of(fake_stripe, other_order))  # the other buyer's payment is confirmed

    assert [r.status_code for r in deliver(completed)] == [200]  # the late buyer's payment, at last

    order.refresh_from_db()
    carpet.refresh_from_db()
    assert order.status == OrderStatus.REFUNDED
    assert Order.objects.get(pk=other_order.pk).status == OrderStatus.PAID
    assert carpet.stock == 0
    assert StockReservation.objects.filter(product=carpet, state="consumed").get().line.order == other_order
    [at_stripe] = stripe_refunds(fake_stripe)
    assert (at_stripe["amount"], at_stripe["payment_intent"]) == (30000, order.stripe_payment_intent_id)
    [refund] = order.refunds.all()
    assert (refund.status, refund.sold_elsewhere, refund.stripe_refund_id) == ("succeeded", True, at_stripe["id"])
    assert order.lines.get().quantity_refunded == 1
    assert not order.needs_attention

    [mail] = mails_to(mailoutbox, "leyla@example.az")
    assert mail.subject == f"Заказ {order.number}: изделие продано другому покупателю, деньги возвращаются вам"
    assert "«Silk carpet» продали другому покупателю" in mail.body
    assert "300.00" in mail.body.replace("\xa0", " ").replace(",", ".")
    assert f"/ru/shop/orders/{order.access_token}/" in mail.body
    assert len(mails_to(mailoutbox, "rashad@example.az")) == 1  # the other buyer's confirmation

    # The maker keeps only what the buyer who got the carpet paid: the late sale was credited and debited.
    maker = carpet.maker_shares.get().maker
    assert maker_balance(maker) == sum(p.amount for p in OrderLineMaker.objects.filter(line__order=other_order))

    page = late.client.get(late.url("shop:order_status", order.access_token)).content.decode()
    assert "Извините: пока ваш платёж задерживался, одно из изделий продали другому покупателю." in page
    assert "Продано другому покупателю, пока ваш платёж задерживался" in page

    # Stripe's resend, its own `charge.refunded` and the nightly reconciliation change nothing more.
    deliver(completed)
    deliver("charge.refunded")
    reconcile()
    assert len(stripe_refunds(fake_stripe)) == 1 and len(refund_posts(fake_stripe)) == 1
    assert order.refunds.count() == 1
    assert len(mails_to(mailoutbox, "leyla@example.az")) == 1


def test_late_payment_takes_the_piece_again_while_it_is_still_free(buyer, carpet, fake_stripe, deliver, mailoutbox):
    order, completed = paid_then_released(buyer, carpet, fake_stripe, deliver)
    carpet.refresh_from_db()
    assert carpet.stock == 1  # back on the shelf for a moment

    deliver(completed)

    order.refresh_from_db()
    carpet.refresh_from_db()
    assert order.status == OrderStatus.PAID and not order.needs_attention
    assert carpet.stock == 0
    assert StockReservation.objects.get(line__order=order, state="consumed")
    assert stripe_refunds(fake_stripe) == []
    [mail] = mailoutbox
    assert "Your payment has been received." in mail.body


def test_stripe_down_keeps_the_refund_pending_and_flagged_until_reconcile_sends_it(
    buyer, carpet, product_factory, fake_stripe, deliver, mailoutbox
):
    order, completed = paid_then_released(buyer, carpet, fake_stripe, deliver)
    type(carpet).objects.filter(pk=carpet.pk).update(stock=0)  # sold in the shop meanwhile
    fake_stripe.outage("503")

    deliver(completed)

    order.refresh_from_db()
    [refund] = order.refunds.all()
    assert refund.status == Refund.Status.PENDING and "unavailable" in refund.last_error
    assert order.status == OrderStatus.PAID
    assert order.needs_attention
    assert "Automatic refund 1 of 300.00 AZN could not reach Stripe" in order.staff_note
    assert "reconcile_stripe sends it again" in order.staff_note
    assert len(mailoutbox) == 1  # the buyer is told the money is coming back; the retry makes sure it does

    fake_stripe.outage("off")
    assert "1 pending refunds sent again" in reconcile()
    assert "0 pending refunds sent again" in reconcile()

    order.refresh_from_db()
    refund.refresh_from_db()
    assert refund.status == Refund.Status.SUCCEEDED
    assert order.status == OrderStatus.REFUNDED
    assert len(stripe_refunds(fake_stripe)) == 1
    assert len(mailoutbox) == 1


def test_a_lost_answer_is_found_at_stripe_not_refunded_twice(buyer, carpet, fake_stripe, deliver):
    """Stripe made the refund but its answer never arrived; later the retry finds it by the key in its
    metadata (Stripe forgets idempotency keys after 24 hours) instead of asking again."""
    order, completed = paid_then_released(buyer, carpet, fake_stripe, deliver)
    type(carpet).objects.filter(pk=carpet.pk).update(stock=0)
    fake_stripe.outage("drop_response", count=1)

    deliver(completed)

    order.refresh_from_db()
    assert order.refunds.get().status == Refund.Status.PENDING and order.needs_attention
    assert len(stripe_refunds(fake_stripe)) == 1

    reconcile()

    order.refresh_from_db()
    refund = order.refunds.get()
    assert refund.status == Refund.Status.SUCCEEDED
    assert refund.stripe_refund_id == stripe_refunds(fake_stripe)[0]["id"]
    assert order.status == OrderStatus.REFUNDED
    assert len(refund_posts(fake_stripe)) == 1  # found, not requested again


def test_only_the_lines_sold_elsewhere_are_refunded(buyer, carpet, product_factory, fake_stripe, deliver, mailoutbox):
    jug = product_factory(title="Jug", slug="jug", price=Decimal("40.00"), stock=3)
    buyer.add(jug)
    order, completed = paid_then_released(buyer, carpet, fake_stripe, deliver)
    type(carpet).objects.filter(pk=carpet.pk).update(stock=0)

    deliver(completed)

    order.refresh_from_db()
    jug.refresh_from_db()
    assert order.status == OrderStatus.PARTIALLY_REFUNDED
    assert [r["amount"] for r in stripe_refunds(fake_stripe)] == [30000]
    assert jug.stock == 2
    assert {line.title: line.quantity_refunded for line in order.lines.all()} == {"Silk carpet": 1, "Jug": 0}
    subjects = sorted(m.subject for m in mailoutbox)
    assert len(subjects) == 2  # the confirmation of what is coming, and why the carpet is not
    sold = next(m for m in mailoutbox if "sold to someone else" in m.subject)
    assert "The rest of your order goes ahead as planned." in sold.body
