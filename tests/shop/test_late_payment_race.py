"""Races for the last unique piece on PostgreSQL (real row locks, real commits): a late payment for a released
hold against other buyers checking out and paying. Never more sold than there is; a payment that lost the race
is refunded exactly once, at Stripe too.
"""

from decimal import Decimal

import pytest
from django.core import mail

from shop.models import Order, OrderStatus, Refund, StockReservation
from tests.concurrency import at_once

from .conftest import Buyer, OnCommitClient, signed_post
from .test_late_payment import completed_event_of, expired_first

RUNS = 3


@pytest.fixture
def pg(requires_postgres, transactional_db):
    """PostgreSQL, with real commits so every thread sees the others' work."""


@pytest.fixture
def carpet(pg, product_factory):
    return product_factory(title="Silk carpet", slug="silk-carpet", price=Decimal("300.00"), stock=1)


def new_buyer(fake_stripe, number: int) -> Buyer:
    buyer = Buyer(client=OnCommitClient(), fake=fake_stripe)
    buyer.email = f"buyer{number}@example.az"
    return buyer


def errors_in(results) -> list:
    return [r for r in results if isinstance(r, BaseException) or getattr(r, "status_code", 200) >= 500]


def sold_units(product) -> int:
    return StockReservation.objects.filter(product=product, state="consumed").count()


def assert_never_oversold(product) -> None:
    product.refresh_from_db()
    live = StockReservation.objects.filter(product=product, state="reserved").count()
    assert product.stock + live + sold_units(product) == 1, (product.stock, live, sold_units(product))


@pytest.mark.parametrize("run", range(RUNS))
def test_late_payment_loses_to_the_buyer_holding_the_piece_and_is_refunded_once(run, carpet, fake_stripe):
    first, second, *others = [new_buyer(fake_stripe, i) for i in range(4)]
    for buyer in (first, second, *others):
        assert buyer.add(carpet).status_code == 302  # still on the shelf: everyone may put it in the cart
    late_order = first.buy(carpet, email=first.email)
    late_event = completed_event_of(fake_stripe, late_order)
    signed_post(OnCommitClient(), expired_first(late_event))  # the first buyer's hold ends before the news
    second_order = second.buy(carpet, email=second.email)  # the second buyer takes it and pays
    second_event = completed_event_of(fake_stripe, second_order)

    def work(i: int):
        if i < 2:
            return signed_post(OnCommitClient(), late_event)  # the late payment, delivered twice
        if i == 2:
            return signed_post(OnCommitClient(), second_event)
        return others[i - 3].checkout(email=others[i - 3].email)  # two more buyers try for it

    results = at_once(5, work)

    assert errors_in(results) == []
    assert sorted(r.content for r in results[:2]) == [b"changed", b"duplicate"]
    assert [r.status_code for r in results[3:]] == [302, 302]  # back to the cart: sold out
    assert_never_oversold(carpet)
    assert sold_units(carpet) == 1
    assert Order.objects.get(pk=second_order.pk).status == OrderStatus.PAID
    late_order.refresh_from_db()
    assert late_order.status == OrderStatus.REFUNDED
    assert late_order.refunds.get().status == Refund.Status.SUCCEEDED
    [at_stripe] = fake_stripe.state.objects("refund")
    assert at_stripe["payment_intent"] == late_order.stripe_payment_intent_id
    to_first = [m for m in mail.outbox if m.to == [first.email]]
    assert len(to_first) == 1 and "sold to someone else" in to_first[0].subject


@pytest.mark.parametrize("run", range(RUNS))
def test_expiry_late_payment_and_new_buyers_at_once_never_oversell(run, carpet, fake_stripe):
    """The first buyer's session expires while their payment's news arrives and two others check out, all at
    once. Whoever ends up holding the piece pays too; every payment but one is refunded, each exactly once."""
    first, *others = [new_buyer(fake_stripe, i) for i in range(3)]
    for buyer in (first, *others):
        buyer.add(carpet)
    late_order = first.buy(carpet, email=first.email)
    late_event = completed_event_of(fake_stripe, late_order)

    def work(i: int):
        if i == 0:
            return signed_post(OnCommitClient(), expired_first(late_event))
        if i == 1:
            return signed_post(OnCommitClient(), late_event)
        return others[i - 2].checkout(email=others[i - 2].email)

    results = at_once(4, work)

    assert errors_in(results) == []
    assert_never_oversold(carpet)
    # Anyone who got a Checkout Session now pays for it, and Stripe tells the shop.
    for buyer, response in zip(others, results[2:], strict=True):
        if response.status_code == 303:
            order = Order.objects.get(email=buyer.email)
            buyer.pay(order=order)
            signed_post(OnCommitClient(), completed_event_of(fake_stripe, order))

    assert_never_oversold(carpet)
    assert sold_units(carpet) == 1
    paid = list(Order.objects.exclude(paid_at=None))
    refunded = [order for order in paid if order.status == OrderStatus.REFUNDED]
    assert len(refunded) == len(paid) - 1
    assert all(order.refunds.filter(status=Refund.Status.SUCCEEDED).count() == 1 for order in refunded)
    assert len(fake_stripe.state.objects("refund")) == len(refunded)
