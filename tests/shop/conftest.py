"""Shop fixtures: a fake Stripe for the whole session (reset per test), signed webhook delivery, a buyer.

Webhooks are signed exactly as Stripe signs them (by the fake's own signer) and verified by the SDK's real
`construct_event` in the view; nothing about signatures is mocked.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from django.test import Client, TestCase
from django.urls import reverse

from fakestripe.testing import running_fake_stripe
from fakestripe.webhooks import encode_event, signature_header
from shop.models import Order

WEBHOOK_SECRET = "whsec_test_fake"
SUCCEEDS = "4242424242424242"
DECLINED = "4000000000000002"
DELAYED = "4000000000000101"


class OnCommitClient(Client):
    """Inside the `db` fixture's test transaction nothing commits, so `on_commit` work (e-mails) would never
    run; this client runs it at the end of each request, as a real commit would."""

    def request(self, **request):
        with TestCase.captureOnCommitCallbacks(execute=True):
            return super().request(**request)


@pytest.fixture
def buyer_client():
    return OnCommitClient()


@pytest.fixture(autouse=True)
def _no_real_stripe(settings):
    """No test may reach api.stripe.com: without the fake, Stripe calls go to a closed local port."""
    settings.STRIPE_API_BASE = "http://127.0.0.1:9"
    settings.STRIPE_SECRET_KEY = "sk_test_fake"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_MAX_NETWORK_RETRIES = 0
    settings.STRIPE_TIMEOUT_SECONDS = 2.0


@pytest.fixture(scope="session")
def fake_stripe_server():
    with running_fake_stripe(webhook_secret=WEBHOOK_SECRET) as server:
        yield server


@dataclass
class FakeStripe:
    server: object
    delivered: set[str] = field(default_factory=set)

    @property
    def state(self):
        return self.server.state

    @property
    def url(self) -> str:
        return self.server.url

    def session(self, session_id: str) -> dict:
        return self.state.checkout_view(session_id)[0]

    def sessions(self) -> list[dict]:
        return self.state.objects("checkout.session")

    def pay(self, session_id: str, card: str = SUCCEEDS) -> dict:
        return self.state.pay_session(session_id, card_number=card)[0]

    def expire(self, session_id: str) -> dict:
        return self.state.expire_session(session_id)

    def settle(self, session_id: str, *, succeeded: bool) -> dict:
        return self.state.settle_async_payment(session_id, succeeded=succeeded)

    def outage(self, mode: str, count: int | None = None) -> None:
        self.state.set_outage(mode, count)

    def events(self, event_type: str | None = None) -> list[dict]:
        return self.state.events(event_type)

    def event(self, event_type: str) -> dict:
        found = self.events(event_type)
        assert len(found) == 1, f"expected one {event_type} event, got {len(found)}"
        return found[0]


def signed_post(client, event: dict, *, secret: str = WEBHOOK_SECRET, timestamp: int | None = None):
    payload = encode_event(event)
    return client.post(
        "/stripe/webhook/",
        data=payload,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=signature_header(payload, secret, timestamp),
    )


@pytest.fixture
def fake_stripe(fake_stripe_server, settings):
    """The fake, emptied, with the shop's Stripe client pointed at it; webhooks are delivered by the test."""
    fake_stripe_server.state.reset()
    settings.STRIPE_API_BASE = fake_stripe_server.url
    yield FakeStripe(fake_stripe_server)
    fake_stripe_server.state.set_outage("off")
    fake_stripe_server.state.reset()


@pytest.fixture
def deliver(buyer_client, fake_stripe):
    """`deliver(event_type)` posts every stored event of that type not yet delivered (signed) to the shop;
    `deliver(event_dict)` posts one event as it is (again, if it was delivered before)."""

    def run(what: str | dict | None = None):
        if isinstance(what, dict):
            return [signed_post(buyer_client, what)]
        responses = []
        for event in fake_stripe.events(what):
            if event["id"] in fake_stripe.delivered:
                continue
            fake_stripe.delivered.add(event["id"])
            responses.append(signed_post(buyer_client, event))
        return responses

    return run


CHECKOUT_DATA = {
    "email": "leyla@example.az",
    "name": "Leyla Mammadova",
    "phone": "+994 50 123 45 67",
    "delivery_method": "pickup",
}


@dataclass
class Buyer:
    """A browser-less buyer going through the shop's pages with the Django test client."""

    client: Client
    fake: FakeStripe | None
    language: str = "en"

    def url(self, name: str, *args) -> str:
        from django.utils import translation

        with translation.override(self.language):
            return reverse(name, args=args)

    def add(self, product, quantity: int = 1):
        return self.client.post(self.url("shop:cart_add", product.pk), {"quantity": quantity})

    def checkout(self, **data):
        return self.client.post(self.url("shop:checkout"), {**CHECKOUT_DATA, **data})

    def order(self) -> Order:
        return Order.objects.order_by("-pk").first()

    def session_id(self, order: Order | None = None) -> str:
        order = order or self.order()
        order.refresh_from_db()
        return order.stripe_checkout_session_id

    def pay(self, card: str = SUCCEEDS, order: Order | None = None) -> dict:
        return self.fake.pay(self.session_id(order), card)

    def come_back(self, order: Order | None = None):
        order = order or self.order()
        order.refresh_from_db()
        return self.client.get(
            self.url("shop:checkout_return", order.number), {"session_id": order.stripe_checkout_session_id}
        )

    def cancel(self, order: Order | None = None):
        order = order or self.order()
        return self.client.get(self.url("shop:checkout_cancelled", order.number))

    def buy(self, product, quantity: int = 1, **data) -> Order:
        """Add, check out and pay with the success card; the webhook is left to the test."""
        self.add(product, quantity)
        response = self.checkout(**data)
        assert response.status_code == 303, response.content[:2000]
        self.pay()
        return self.order()


@pytest.fixture
def buyer(buyer_client, fake_stripe) -> Buyer:
    return Buyer(client=buyer_client, fake=fake_stripe)


@pytest.fixture
def cart_buyer(buyer_client) -> Buyer:
    return Buyer(client=buyer_client, fake=None)


@pytest.fixture
def listing_setup(centre_factory, maker_factory, craft_factory, centre_member, centre_image, client):
    """An instructor of the Baku centre signed in, with a craft, a maker of the centre and two of its photos."""
    centre = centre_factory(name="Bakı", slug="baku")
    client.force_login(centre_member(centre, username="instructor"))
    return {
        "client": client,
        "centre": centre,
        "craft": craft_factory(),
        "maker": maker_factory(centre=centre),
        "images": [centre_image(centre) for _ in range(2)],
    }
