"""The webhook endpoint: real signatures, each event once, any order of arrival."""

import copy
import time
from decimal import Decimal

import pytest

from beneficiaries.ledger.models import LedgerEntry
from fakestripe.webhooks import encode_event, signature_header
from shop.models import Order, OrderStatus, StockReservation, StripeEvent

from .conftest import WEBHOOK_SECRET, signed_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def bowl(product_factory):
    return product_factory(title="Blue bowl", price=Decimal("25.00"), stock=3)


@pytest.fixture
def paid_session(buyer, bowl):
    """A pending order whose session the buyer paid on Stripe's page; no webhook delivered yet."""
    order = buyer.buy(bowl, 1)
    return order


def states(order):
    order.refresh_from_db()
    return order.status, [r.state for r in StockReservation.objects.filter(line__order=order).order_by("pk")]


def variant(event: dict, *, type: str, **session_changes) -> dict:
    """Another event about the same session, as Stripe could send it (new id, signed for real when posted)."""
    other = copy.deepcopy(event)
    other["id"] = event["id"] + "x" + type.rsplit(".", 1)[-1]
    other["type"] = type
    other["data"]["object"].update(session_changes)
    return other


# -- signature --------------------------------------------------------------------------------------------


def test_bad_signature_is_rejected_and_changes_nothing(paid_session, fake_stripe, buyer_client, mailoutbox):
    event = fake_stripe.event("checkout.session.completed")
    payload = encode_event(event)

    def post(body: bytes, **headers):
        return buyer_client.post("/stripe/webhook/", data=body, content_type="application/json", **headers)

    assert signed_post(buyer_client, event, secret="whsec_wrong").status_code == 400
    assert signed_post(buyer_client, event, timestamp=int(time.time()) - 600).status_code == 400  # stale
    tampered = payload.replace(b'"amount_total": ', b'"amount_total": 1')
    assert post(tampered, HTTP_STRIPE_SIGNATURE=signature_header(payload, WEBHOOK_SECRET)).status_code == 400
    assert post(payload).status_code == 400  # no signature at all
    assert post(b"not json", HTTP_STRIPE_SIGNATURE=signature_header(b"not json", WEBHOOK_SECRET)).status_code == 400
    assert states(paid_session)[0] == OrderStatus.PENDING_PAYMENT
    assert not StripeEvent.objects.exists()
    assert mailoutbox == []


def test_only_post(buyer_client):
    assert buyer_client.get("/stripe/webhook/").status_code == 405


def test_unhandled_type_is_accepted_and_recorded(paid_session, fake_stripe, buyer_client):
    event = variant(fake_stripe.event("checkout.session.completed"), type="customer.created")
    response = signed_post(buyer_client, event)
    assert response.status_code == 200
    assert StripeEvent.objects.get(event_id=event["id"]).outcome == "ignored"
    assert states(paid_session)[0] == OrderStatus.PENDING_PAYMENT


def test_event_for_an_unknown_order_is_accepted(paid_session, fake_stripe, buyer_client):
    event = copy.deepcopy(fake_stripe.event("checkout.session.completed"))
    event["data"]["object"].update(metadata={"order_number": "CM-1999-000001"}, client_reference_id="nope", id="cs_x")
    assert signed_post(buyer_client, event).status_code == 200
    assert states(paid_session)[0] == OrderStatus.PENDING_PAYMENT


# -- completed, once --------------------------------------------------------------------------------------


def test_completed_webhook_pays_without_the_redirect(paid_session, deliver, mailoutbox, bowl):
    responses = deliver("checkout.session.completed")
    assert [r.status_code for r in responses] == [200]
    assert states(paid_session) == (OrderStatus.PAID, ["consumed"])
    bowl.refresh_from_db()
    assert bowl.stock == 2
    assert len(mailoutbox) == 1


def test_cart_is_emptied_on_the_next_visit_when_the_webhook_paid(paid_session, buyer, deliver):
    deliver("checkout.session.completed")  # the buyer closed the tab on Stripe's page
    page = buyer.client.get(buyer.url("shop:cart"))
    assert page.context["lines"] == []
    assert f"Your order {paid_session.number} is paid, so your cart was emptied." in page.content.decode()


def test_duplicate_event_pays_once_and_sends_one_email(paid_session, fake_stripe, deliver, mailoutbox, bowl):
    event = fake_stripe.event("checkout.session.completed")
    first, second = deliver(event)[0], deliver(event)[0]
    assert (first.status_code, second.status_code) == (200, 200)
    assert second.content == b"duplicate"
    assert StripeEvent.objects.filter(event_id=event["id"]).count() == 1
    assert states(paid_session) == (OrderStatus.PAID, ["consumed"])
    assert paid_session.status_changes.filter(to_status=OrderStatus.PAID).count() == 1
    bowl.refresh_from_db()
    assert bowl.stock == 2
    assert len(mailoutbox) == 1


def test_resent_by_stripe_after_the_redirect_paid(paid_session, buyer, fake_stripe, deliver, mailoutbox):
    buyer.come_back(paid_session)
    deliver("checkout.session.completed")
    deliver(fake_stripe.event("checkout.session.completed"))  # Stripe's "resend"
    assert states(paid_session) == (OrderStatus.PAID, ["consumed"])
    assert len(mailoutbox) == 1
    assert paid_session.status_changes.get(to_status=OrderStatus.PAID).source == "redirect"


# -- out of order -----------------------------------------------------------------------------------------


def test_expired_after_completed_does_not_unpay(paid_session, fake_stripe, deliver, bowl):
    completed = fake_stripe.event("checkout.session.completed")
    deliver(completed)
    deliver(variant(completed, type="checkout.session.expired", status="expired", payment_status="unpaid"))
    assert states(paid_session) == (OrderStatus.PAID, ["consumed"])
    bowl.refresh_from_db()
    assert bowl.stock == 2


def test_completed_after_expired_pays_and_takes_the_stock_again(paid_session, fake_stripe, deliver, bowl, mailoutbox):
    completed = fake_stripe.event("checkout.session.completed")
    deliver(variant(completed, type="checkout.session.expired", status="expired", payment_status="unpaid"))
    assert states(paid_session) == (OrderStatus.EXPIRED, ["released"])
    bowl.refresh_from_db()
    assert bowl.stock == 3
    deliver(completed)
    status, reservations = states(paid_session)
    assert status == OrderStatus.PAID
    assert sorted(reservations) == ["consumed", "released"]
    bowl.refresh_from_db()
    assert bowl.stock == 2
    assert not paid_session.needs_attention
    assert len(mailoutbox) == 1


def test_completed_after_expired_without_stock_is_refunded(paid_session, fake_stripe, deliver, bowl):
    """The whole story (e-mail, ledger, Stripe down) is in test_late_payment.py."""
    completed = fake_stripe.event("checkout.session.completed")
    deliver(variant(completed, type="checkout.session.expired", status="expired", payment_status="unpaid"))
    type(bowl).objects.filter(pk=bowl.pk).update(stock=0)  # someone else bought the rest meanwhile
    deliver(completed)
    paid_session.refresh_from_db()
    bowl.refresh_from_db()
    assert paid_session.status == OrderStatus.REFUNDED
    assert "Oversold" in paid_session.staff_note and not paid_session.needs_attention
    assert paid_session.lines.get().oversold
    assert [r["amount"] for r in fake_stripe.state.objects("refund")] == [2500]
    assert bowl.stock == 0


def test_async_succeeded_before_completed(buyer, bowl, fake_stripe, deliver, mailoutbox):
    buyer.add(bowl)
    buyer.checkout()
    order = buyer.order()
    buyer.pay("4000000000000101")
    fake_stripe.settle(order.stripe_checkout_session_id, succeeded=True)
    deliver("checkout.session.async_payment_succeeded")
    deliver("checkout.session.completed")  # the older event, carrying payment_status "unpaid"
    assert states(order) == (OrderStatus.PAID, ["consumed"])
    assert len(mailoutbox) == 1


# -- expiry -----------------------------------------------------------------------------------------------


def test_expired_session_releases_stock_once(buyer, bowl, fake_stripe, deliver):
    buyer.add(bowl, 2)
    buyer.checkout()
    order = buyer.order()
    bowl.refresh_from_db()
    assert bowl.stock == 1
    fake_stripe.expire(order.stripe_checkout_session_id)
    expired = fake_stripe.event("checkout.session.expired")
    deliver(expired)
    deliver(expired)
    deliver(variant(expired, type="checkout.session.expired"))  # a different event id, same news
    bowl.refresh_from_db()
    assert states(order) == (OrderStatus.EXPIRED, ["released"])
    assert bowl.stock == 3
    assert order.status_changes.filter(to_status=OrderStatus.EXPIRED).count() == 1


def test_expiry_of_a_replaced_session_leaves_the_order_alone(buyer, bowl, fake_stripe, deliver):
    buyer.add(bowl)
    buyer.checkout()
    buyer.checkout(delivery_method="courier", address_line="Fuzuli 5", city="Baku")  # replaces the session
    deliver("checkout.session.expired")
    order = buyer.order()
    assert Order.objects.count() == 1
    assert states(order) == (OrderStatus.PENDING_PAYMENT, ["reserved"])


def test_webhook_query_count_is_pinned(buyer, product_factory, fake_stripe, deliver, django_assert_max_num_queries):
    for _ in range(4):
        buyer.add(product_factory(stock=3))
    order = buyer.buy(product_factory(stock=3))
    event = fake_stripe.event("checkout.session.completed")
    # The same with one line: event row, order lock, reservations, audit row, e-mail reads, and the makers'
    # credits (lines, parts, what is posted already, makers' centres, one insert in a savepoint). Not per line.
    with django_assert_max_num_queries(34):
        deliver(event)
    assert states(order)[0] == OrderStatus.PAID
    assert LedgerEntry.objects.filter(order_line__order=order, kind="sale_credit").count() == 5
