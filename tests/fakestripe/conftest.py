"""Fixtures for the fake Stripe's own tests: a running fake, a real SDK client pointed at it, a webhook
receiver. Nothing here needs Django; the suite's top-level conftest does, so they run with the rest."""

from __future__ import annotations

import json

import pytest
import stripe

from fakestripe.testing import running_fake_stripe

from .support import WEBHOOK_SECRET, WebhookReceiver, http


@pytest.fixture
def webhook_receiver():
    receiver = WebhookReceiver()
    yield receiver
    receiver.close()


@pytest.fixture
def fake_stripe():
    with running_fake_stripe(webhook_secret=WEBHOOK_SECRET) as server:
        yield server


@pytest.fixture
def stripe_client(fake_stripe):
    return stripe.StripeClient(
        api_key="sk_test_fake",
        base_addresses=fake_stripe.base_addresses,
        max_network_retries=0,
        http_client=stripe.RequestsClient(timeout=2),
    )


@pytest.fixture
def control(fake_stripe):
    """`control("POST", "/sessions/cs_.../pay", {"card": ...})` -> (status, decoded JSON)."""

    def call(method: str, path: str, body: dict | None = None):
        data = json.dumps(body).encode() if body is not None else b""
        status, _, raw = http(
            method,
            f"{fake_stripe.url}/_control{path}",
            data if method == "POST" else None,
            {"Content-Type": "application/json"},
        )
        return status, json.loads(raw)

    return call


@pytest.fixture
def wired(fake_stripe, webhook_receiver, control):
    """The suite's fake, now posting its webhooks to the receiver."""
    control("POST", "/webhooks", {"url": webhook_receiver.url})
    return webhook_receiver


@pytest.fixture
def make_session(stripe_client):
    """Create an AZN checkout session for 2 x 12.50 + 1 x 5.00 through the SDK; keyword args override."""

    def create(**overrides):
        params = {
            "mode": "payment",
            "success_url": "http://shop.test/checkout/success/?session_id={CHECKOUT_SESSION_ID}",
            "cancel_url": "http://shop.test/checkout/cancelled/",
            "client_reference_id": "order-42",
            "customer_email": "buyer@example.com",
            "metadata": {"order_number": "CR-0042"},
            "payment_intent_data": {"metadata": {"order_number": "CR-0042"}},
            "line_items": [
                {
                    "price_data": {
                        "currency": "azn",
                        "unit_amount": 1250,
                        "product_data": {"name": "Felt owl", "metadata": {"order_line": "1"}},
                    },
                    "quantity": 2,
                },
                {
                    "price_data": {
                        "currency": "azn",
                        "unit_amount": 500,
                        "product_data": {"name": "Clay cup", "description": "Glazed"},
                    },
                    "quantity": 1,
                },
            ],
            **overrides,
        }
        return stripe_client.v1.checkout.sessions.create(params=params)

    return create
