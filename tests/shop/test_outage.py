"""Stripe down or slow: the buyer is told, nothing is lost, and the next try goes through."""

import socket
from decimal import Decimal

import pytest

from shop.models import Order, OrderStatus, StockReservation

pytestmark = pytest.mark.django_db

MESSAGE = "The payment service is unavailable right now. Your cart is saved — please try again in a few minutes."


@pytest.fixture
def bowl(product_factory):
    return product_factory(title="Bowl", price=Decimal("12.00"), stock=3)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def break_stripe(kind: str, fake_stripe, settings):
    if kind == "refused":
        settings.STRIPE_API_BASE = f"http://127.0.0.1:{closed_port()}"
    elif kind == "timeout":
        settings.STRIPE_TIMEOUT_SECONDS = 0.5
        fake_stripe.outage("timeout")
    else:
        fake_stripe.outage(kind)


def mend_stripe(kind: str, fake_stripe, settings):
    settings.STRIPE_API_BASE = fake_stripe.url
    fake_stripe.outage("off")


@pytest.mark.parametrize("kind", ["500", "503", "timeout", "refused", "drop_response"])
def test_outage_keeps_the_cart_and_the_order_then_retry_goes_through(kind, buyer, bowl, fake_stripe, settings):
    buyer.add(bowl, 2)
    break_stripe(kind, fake_stripe, settings)

    response = buyer.checkout()
    assert response.status_code == 503
    assert MESSAGE in response.content.decode()
    order = Order.objects.get()
    assert order.status == OrderStatus.PENDING_PAYMENT and order.stripe_checkout_session_id == ""
    bowl.refresh_from_db()
    assert bowl.stock == 1  # held for this buyer while they wait
    cart = buyer.client.get(buyer.url("shop:cart"))
    assert [(line.product, line.quantity) for line in cart.context["lines"]] == [(bowl, 2)]

    # Still down on the second try: the same order, nothing reserved twice.
    assert buyer.checkout().status_code == 503
    assert Order.objects.count() == 1

    mend_stripe(kind, fake_stripe, settings)
    response = buyer.checkout()
    order.refresh_from_db()
    bowl.refresh_from_db()
    assert response.status_code == 303
    assert Order.objects.count() == 1
    assert response["Location"] == fake_stripe.session(order.stripe_checkout_session_id)["url"]
    assert bowl.stock == 1
    assert StockReservation.objects.filter(state="reserved").count() == 1

    buyer.pay()
    assert "Thank you! Your order is paid." in buyer.come_back(order).content.decode()


def test_a_session_whose_answer_was_lost_cannot_end_the_order(buyer, bowl, fake_stripe, deliver):
    """Stripe made the session but the shop never heard back: the retry opens another one, and the orphan's
    expiry (it expires by itself; nobody has its URL) leaves the order and its stock alone."""
    buyer.add(bowl, 2)
    fake_stripe.outage("drop_response", count=1)
    assert buyer.checkout().status_code == 503
    [orphan] = fake_stripe.sessions()
    order = buyer.order()
    assert order.stripe_checkout_session_id == ""

    response = buyer.checkout()
    order.refresh_from_db()
    assert response.status_code == 303
    assert [s["id"] for s in fake_stripe.sessions()] == [orphan["id"], order.stripe_checkout_session_id]
    fake_stripe.expire(orphan["id"])
    deliver("checkout.session.expired")
    order.refresh_from_db()
    bowl.refresh_from_db()
    assert order.status == OrderStatus.PENDING_PAYMENT and bowl.stock == 1

    buyer.pay()
    deliver("checkout.session.completed")
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID


def test_a_brief_blip_is_retried_with_the_same_idempotency_key(buyer, bowl, fake_stripe, settings):
    settings.STRIPE_MAX_NETWORK_RETRIES = 2
    fake_stripe.outage("503", count=1)
    buyer.add(bowl)
    response = buyer.checkout()
    assert response.status_code == 303
    assert len(fake_stripe.sessions()) == 1


def test_stripe_down_on_the_way_back_says_we_are_confirming(buyer, bowl, fake_stripe, deliver, mailoutbox):
    order = buyer.buy(bowl)
    fake_stripe.outage("503")
    response = buyer.come_back(order)
    assert response.status_code == 200
    assert "We are confirming your payment" in response.content.decode()
    order.refresh_from_db()
    assert order.status == OrderStatus.PENDING_PAYMENT
    fake_stripe.outage("off")
    deliver("checkout.session.completed")  # the webhook settles it
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID and len(mailoutbox) == 1


def test_stripe_down_when_cancelling_keeps_the_cart(buyer, bowl, fake_stripe):
    buyer.add(bowl)
    buyer.checkout()
    order = buyer.order()
    fake_stripe.outage("500")
    response = buyer.cancel(order)
    page = buyer.client.get(response["Location"])
    order.refresh_from_db()
    assert "Everything is still in your cart." in page.content.decode()
    assert len(page.context["lines"]) == 1
    assert order.status == OrderStatus.PENDING_PAYMENT  # its session expires by itself; the webhook releases
    fake_stripe.outage("off")
    assert buyer.checkout()["Location"] == fake_stripe.session(order.stripe_checkout_session_id)["url"]


def test_a_session_stripe_no_longer_knows_is_replaced(buyer, bowl, fake_stripe):
    """E.g. the shop switched Stripe accounts (or the fake restarted) between two tries of the same cart."""
    buyer.add(bowl)
    buyer.checkout()
    order = buyer.order()
    fake_stripe.state.reset()
    response = buyer.checkout()
    order.refresh_from_db()
    assert response.status_code == 303
    assert response["Location"] == fake_stripe.session(order.stripe_checkout_session_id)["url"]
    assert Order.objects.count() == 1
