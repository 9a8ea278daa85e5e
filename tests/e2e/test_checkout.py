"""A buyer in Chromium: cart, checkout, the fake Stripe's payment page, and back; axe on our pages.

The fake Stripe posts its signed webhooks to the live server, so the redirect and the webhook really do race.
"""

import re
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import translation

from fakestripe.testing import running_fake_stripe
from shop.models import Order, OrderStatus

WEBHOOK_SECRET = "whsec_test_fake"


@pytest.fixture
def fake_stripe(live_server, settings):
    with running_fake_stripe(webhook_url=f"{live_server.url}/stripe/webhook/", webhook_secret=WEBHOOK_SECRET) as server:
        settings.STRIPE_API_BASE = server.url
        settings.STRIPE_SECRET_KEY = "sk_test_fake"
        settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
        settings.STRIPE_MAX_NETWORK_RETRIES = 0
        yield server


@pytest.fixture
def bowl(product_factory, centre_factory, maker_factory):
    centre = centre_factory(name="Barda centre", address="Heydar Aliyev 12")
    maker = maker_factory(centre=centre, public_display_name="Nigar")
    return product_factory(
        title="Green bowl", price=Decimal("18.50"), stock=2, centre=centre, makers=[(maker, Decimal("100"))]
    )


def url(live_url: str, path_name: str, *args) -> str:
    from django.urls import reverse

    with translation.override("en"):
        return live_url + reverse(path_name, args=args)


def add_to_cart_and_check_out(page, live_url, bowl, axe_violations):
    with translation.override("en"):
        page.goto(live_url + bowl.get_absolute_url())
    page.get_by_role("button", name="Add to cart").click()
    page.goto(url(live_url, "shop:cart"))
    assert page.get_by_role("link", name="Green bowl").is_visible()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Go to checkout").click()
    page.wait_for_url(re.compile(r"/en/shop/checkout/$"))
    assert axe_violations(page) == []
    page.get_by_label("E-mail").fill("rashad@example.az")
    page.get_by_label("Full name").fill("Rashad Aliyev")
    page.get_by_label("Phone").fill("+994 55 765 43 21")
    page.get_by_label("Pick up at the maker's centre").check()
    page.get_by_role("button", name="Continue to payment").click()
    page.wait_for_url(re.compile(r"/pay/cs_test_"))


def fill_card(page, number: str):
    page.get_by_label("Card number").fill(number)
    page.get_by_label("Expiry date (MM/YY)").fill("12/34")
    page.get_by_label("Security code (CVC)").fill("123")
    page.get_by_role("button", name="Pay").click()


def test_buyer_pays_and_lands_on_the_confirmation(page, live_url, fake_stripe, bowl, axe_violations, mailoutbox):
    add_to_cart_and_check_out(page, live_url, bowl, axe_violations)
    fill_card(page, "4242424242424242")
    page.wait_for_url(re.compile(r"/en/shop/checkout/return/CM-"))
    assert page.get_by_role("heading", name="Thank you! Your order is paid.").is_visible()
    assert axe_violations(page) == []

    order = Order.objects.get()
    assert order.status == OrderStatus.PAID
    assert order.status_changes.filter(to_status=OrderStatus.PAID).count() == 1
    assert len(mail.outbox) == 1 and order.number in mail.outbox[0].subject
    deliveries = fake_stripe.state.deliveries()
    assert ("checkout.session.completed", 200) in [(d["type"], d["status"]) for d in deliveries]
    assert all(d["status"] == 200 for d in deliveries)  # types the shop does not handle are acknowledged too

    with page.expect_navigation():
        page.get_by_role("link", name=re.compile(order.access_token)).click()
    assert order.access_token in page.url and page.get_by_text(order.number).first.is_visible()
    assert axe_violations(page) == []
    bowl.refresh_from_db()
    assert bowl.stock == 1


def test_declined_card_shows_the_error_and_the_order_waits(page, live_url, fake_stripe, bowl, axe_violations):
    add_to_cart_and_check_out(page, live_url, bowl, axe_violations)
    fill_card(page, "4000000000000002")
    assert page.get_by_role("alert").inner_text().startswith("Your card was declined")
    order = Order.objects.get()
    assert order.status == OrderStatus.PENDING_PAYMENT
    assert mail.outbox == []


def test_cancel_returns_to_the_cart_with_the_item(page, live_url, fake_stripe, bowl, axe_violations):
    add_to_cart_and_check_out(page, live_url, bowl, axe_violations)
    page.get_by_role("link", name="Cancel and return").click()
    page.wait_for_url(re.compile(r"/en/shop/cart/$"))
    assert page.get_by_text("Payment cancelled. Everything is still in your cart.").is_visible()
    assert page.get_by_role("link", name="Green bowl").is_visible()
    assert Order.objects.get().status == OrderStatus.CANCELLED
    bowl.refresh_from_db()
    assert bowl.stock == 2
