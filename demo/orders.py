"""Demo sales history: a few hundred paid orders over the last 18 months, some refunded in part or in full.

Every order goes the way a real one goes: `checkout_start` places it and opens a Checkout Session, the buyer
pays on Stripe's side, `checkout_confirm` (the success redirect) marks it paid, `refund_request` refunds it,
`order_fulfil` hands it over. Stripe is the project's fake, run in-process for the duration, so the demo never
reaches a real account. Each order is placed at its own moment in the past (time-machine), so dates on
orders, status changes and everything posted with them read like a real history.

Safe to run twice: demo buyers have addresses at DEMO_BUYER_DOMAIN, and a second run only adds what is missing.
Stock taken by the history is put back at the end (the makers made more), so the shop still has things to sell.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.test import override_settings
from django.utils import timezone

from config.celery import app as celery_app
from shop.catalogue.selectors import public_products
from shop.catalogue.seo import public_base_url
from shop.models import DeliveryMethod, Order, OrderStatus, Product
from shop.orders.cart import CartLine
from shop.orders.services.checkout import checkout_confirm, checkout_start
from shop.orders.services.fulfilment import order_fulfil
from shop.orders.services.orders import BuyerDetails
from shop.orders.services.refunds import RefundItem, refund_request

DEMO_BUYER_DOMAIN = "buyers.demo.example"
DEFAULT_ORDERS = 300
HISTORY_DAYS = 540  # 18 months
PAYING_CARD = "4242424242424242"
# Credentials of the in-process fake only: nothing real ever sees them.
FAKE_KEY, FAKE_SECRET = "sk_test_demo_history", "whsec_demo_history"  # noqa: S105
BUYER_NAMES = ("Leyla M.", "Anna K.", "Tural H.", "Sevinc Ə.", "John D.", "Maria S.", "Kamal R.", "Olga P.")

Log = Callable[[str], None]


def _urls(order: Order) -> tuple[str, str]:
    base = public_base_url()
    return f"{base}/en/shop/checkout/return/{order.number}/", f"{base}/en/shop/checkout/cancelled/{order.number}/"


def _available(product: Product) -> int:
    return settings.SHOP_MADE_TO_ORDER_MAX_QUANTITY if product.made_to_order else product.stock


def _cart_lines(rng: random.Random, products: list[Product]) -> list[CartLine]:
    lines = []
    in_stock = [product for product in products if _available(product) > 0]
    for product in rng.sample(in_stock, min(len(in_stock), rng.choice((1, 1, 1, 2, 2, 3)))):
        available = _available(product)
        quantity = min(available, rng.choice((1, 1, 1, 1, 2, 3)))
        lines.append(
            CartLine(
                product=product,
                quantity=quantity,
                title=product.title,
                unit_price=product.price,
                currency=product.currency,
                max_quantity=available,
            )
        )
    return lines


def _buyer(rng: random.Random, number: int) -> BuyerDetails:
    courier = rng.random() < 0.4
    return BuyerDetails(
        email=f"buyer{number:04d}@{DEMO_BUYER_DOMAIN}",
        name=rng.choice(BUYER_NAMES),
        phone=f"+994 50 {rng.randrange(100, 999)} {rng.randrange(10, 99)} {rng.randrange(10, 99)}",
        delivery_method=DeliveryMethod.COURIER if courier else DeliveryMethod.PICKUP,
        address_line="Nizami küçəsi 10" if courier else "",
        city="Bakı" if courier else "",
    )


def _after_payment(rng: random.Random, order: Order, *, age_days: int) -> None:
    """What happened next: most older orders were handed over; some were refunded in part or in full."""
    roll = rng.random()
    if roll < 0.05:
        refund_request(order=order, items=None, reason="Demo: the buyer changed their mind")
        return
    if roll < 0.12:
        line = order.lines.order_by("pk").first()
        refund_request(order=order, items=[RefundItem(line_id=line.pk, quantity=1)], reason="Demo: arrived chipped")
        order.refresh_from_db()
    if age_days > 14 and order.status in (OrderStatus.PAID, OrderStatus.PARTIALLY_REFUNDED):
        handover = (
            OrderStatus.SHIPPED if order.delivery_method == DeliveryMethod.COURIER else OrderStatus.READY_FOR_PICKUP
        )
        order_fulfil(order=order, to=handover, note="Demo history")
        order_fulfil(order=order, to=OrderStatus.COMPLETED, note="Demo history")


def _order_one(rng: random.Random, number: int, *, products: list[Product], server, age_days: int) -> bool:
    lines = _cart_lines(rng, products)
    if not lines:
        return False
    taken = [line.product for line in lines]
    start = checkout_start(
        lines=lines,
        buyer=_buyer(rng, number),
        language=rng.choice(("az", "az", "ru", "en")),
        previous_order_number=None,
        urls=_urls,
    )
    order = start.order
    order.refresh_from_db()
    server.state.pay_session(order.stripe_checkout_session_id, card_number=PAYING_CARD)
    checkout_confirm(order=order, session_id=order.stripe_checkout_session_id)
    order.refresh_from_db()
    if not order.is_paid:
        raise RuntimeError(f"demo order {order.number} was not paid")
    _after_payment(rng, order, age_days=age_days)
    for product in taken:  # the next order sees the stock this one took
        product.refresh_from_db(fields=["stock"])
    return True


@contextmanager
def _jobs_run_here():
    """The e-mails these orders queue run at once into the locmem outbox below, instead of piling up in the
    queue for the demo's worker to print hundreds of them later."""
    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    try:
        yield
    finally:
        celery_app.conf.task_always_eager = eager


def orders_ensure(*, count: int = DEFAULT_ORDERS, seed: int, log: Log) -> int:
    """Place the missing demo orders; returns how many were placed now."""
    existing = Order.objects.filter(email__endswith=f"@{DEMO_BUYER_DOMAIN}").count()
    if existing >= count:
        return 0
    # Imported here: only a demo load needs them (time-machine is a development dependency).
    import time_machine

    from fakestripe.testing import running_fake_stripe

    products = list(
        public_products()
        .filter(Q(stock__gt=0) | Q(made_to_order=True))
        .select_related("centre")
        .prefetch_related("maker_shares")
        .order_by("pk")
    )
    if not products:
        return 0
    stock_before = {product.pk: product.stock for product in products}
    now = timezone.now()
    placed = 0
    with (
        running_fake_stripe(webhook_secret=FAKE_SECRET) as server,
        _jobs_run_here(),
        override_settings(
            STRIPE_API_BASE=server.url,
            STRIPE_SECRET_KEY=FAKE_KEY,
            STRIPE_WEBHOOK_SECRET=FAKE_SECRET,
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        ),
    ):
        for number in range(existing, count):
            rng = random.Random(f"{seed}:order:{number}")  # noqa: S311 - demo data
            # Oldest first, spread over the history, at shop hours; the newest are a few days old.
            age_days = HISTORY_DAYS - (number * HISTORY_DAYS) // count
            moment = now - timedelta(days=age_days, hours=rng.randrange(0, 9), minutes=rng.randrange(60))
            # One transaction an order: the services' own atomic blocks nest in it, and the demo does not wait
            # for a disk flush after every step.
            with time_machine.travel(moment, tick=True), transaction.atomic():
                placed += _order_one(rng, number, products=products, server=server, age_days=age_days)
            if (number + 1) % 50 == 0:
                log(f"orders: {number + 1}/{count}")
    for pk, stock in stock_before.items():
        Product.objects.filter(pk=pk, made_to_order=False).update(stock=stock)
    return placed
