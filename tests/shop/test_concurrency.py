"""Races on PostgreSQL with real row locks: threads with their own connections, released together.

SQLite serialises every write, so these only prove something on PostgreSQL (`requires_postgres` skips them
elsewhere; CI runs them). Each thread closes its connection when done.
"""

from decimal import Decimal

import pytest
from django.core import mail

from beneficiaries.ledger.models import LedgerEntry
from shop.models import Order, OrderLineMaker, OrderStatus, StockReservation, StripeEvent
from tests.concurrency import at_once

from .conftest import CHECKOUT_DATA, Buyer, OnCommitClient, signed_post

BUYERS = 24
RUNS = 5


@pytest.fixture
def pg(requires_postgres, transactional_db):
    """PostgreSQL, with real commits so every thread sees the others' work."""


def assert_credited_once(order) -> None:
    """Each maker's part of each line is in the ledger exactly once, however many deliveries raced."""
    parts = sorted(OrderLineMaker.objects.filter(line__order=order).values_list("line_id", "maker_id", "amount"))
    credits = sorted(
        LedgerEntry.objects.filter(order_line__order=order, kind="sale_credit").values_list(
            "order_line_id", "maker_id", "amount"
        )
    )
    assert credits == parts and parts


def errors_in(results) -> list:
    return [r for r in results if isinstance(r, BaseException) or getattr(r, "status_code", 200) >= 500]


@pytest.mark.parametrize("run", range(RUNS))
def test_last_three_items_go_to_exactly_three_buyers(run, pg, fake_stripe, product_factory):
    product = product_factory(title="Last teapot", price=Decimal("40.00"), stock=3)
    buyers = [Buyer(client=OnCommitClient(), fake=fake_stripe) for _ in range(BUYERS)]
    for buyer in buyers:
        assert buyer.add(product, 1).status_code == 302  # three left: everyone may put one in the cart

    results = at_once(BUYERS, lambda i: buyers[i].checkout(email=f"buyer{i}@example.az"))

    assert errors_in(results) == []
    codes = [response.status_code for response in results]
    assert codes.count(303) == 3, codes
    assert codes.count(302) == BUYERS - 3, codes
    for buyer, response in zip(buyers, results, strict=True):
        if response.status_code == 302:
            page = buyer.client.get(response["Location"]).content.decode()
            assert "sold out" in page, page[:500]
    product.refresh_from_db()
    assert product.stock == 0
    assert StockReservation.objects.filter(product=product, state="reserved").count() == 3
    assert Order.objects.filter(status=OrderStatus.PENDING_PAYMENT).count() == 3
    assert len(fake_stripe.sessions()) == 3


@pytest.fixture
def paid_on_stripe(pg, buyer, product_factory):
    product = product_factory(title="Bowl", stock=2)
    order = buyer.buy(product, 1)
    return order, product


@pytest.mark.parametrize("run", range(3))
def test_same_event_from_two_threads_pays_once(run, paid_on_stripe, fake_stripe, mailoutbox):
    order, product = paid_on_stripe
    event = fake_stripe.event("checkout.session.completed")
    clients = [OnCommitClient(), OnCommitClient()]

    results = at_once(2, lambda i: signed_post(clients[i], event))

    assert errors_in(results) == []
    assert sorted(r.content for r in results) == [b"changed", b"duplicate"]
    order.refresh_from_db()
    product.refresh_from_db()
    assert order.status == OrderStatus.PAID
    assert order.status_changes.filter(to_status=OrderStatus.PAID).count() == 1
    assert StripeEvent.objects.filter(event_id=event["id"]).count() == 1
    assert product.stock == 1
    assert StockReservation.objects.get(line__order=order).state == "consumed"
    assert len(mail.outbox) == 1
    assert_credited_once(order)


@pytest.mark.parametrize("run", range(3))
def test_webhook_and_redirect_at_once_fulfil_once(run, paid_on_stripe, buyer, fake_stripe, mailoutbox):
    order, product = paid_on_stripe
    event = fake_stripe.event("checkout.session.completed")
    webhook_clients = [OnCommitClient(), OnCommitClient()]
    elsewhere = Buyer(client=OnCommitClient(), fake=fake_stripe)

    def work(i: int):
        if i < 2:
            return signed_post(webhook_clients[i], event)  # Stripe delivering (and retrying) the webhook
        # The buyer's redirect, and the same confirmation link opened in another browser.
        return (buyer if i == 2 else elsewhere).come_back(Order.objects.get(pk=order.pk))

    results = at_once(4, work)

    assert errors_in(results) == []
    assert all(r.status_code == 200 for r in results)
    assert "Thank you! Your order is paid." in results[2].content.decode()
    order.refresh_from_db()
    product.refresh_from_db()
    assert order.status == OrderStatus.PAID
    assert order.status_changes.filter(to_status=OrderStatus.PAID).count() == 1
    assert product.stock == 1
    assert len(mail.outbox) == 1
    assert buyer.client.get(buyer.url("shop:cart")).context["lines"] == []
    assert_credited_once(order)


def test_checkout_reuse_and_expiry_at_once_never_lose_stock(pg, buyer, product_factory, fake_stripe, deliver):
    """The buyer retries checkout while Stripe's `expired` event for their session arrives."""
    product = product_factory(stock=2)
    buyer.add(product, 2)
    buyer.checkout()
    order = buyer.order()
    fake_stripe.expire(order.stripe_checkout_session_id)
    expired = fake_stripe.event("checkout.session.expired")

    results = at_once(
        2, lambda i: signed_post(OnCommitClient(), expired) if i == 0 else buyer.checkout(**CHECKOUT_DATA)
    )

    assert errors_in(results) == []
    product.refresh_from_db()
    live = StockReservation.objects.filter(product=product, state="reserved").count()
    # Whichever came first, the buyer's retry holds both units (the reused order under a new session, or a new
    # order after the old one expired) and nothing is on the shelf twice or lost.
    assert (product.stock, live) == (0, 1)
    holder = StockReservation.objects.get(product=product, state="reserved").line.order
    assert holder.status == OrderStatus.PENDING_PAYMENT and holder.stripe_checkout_session_id
