"""Webhooks: signed as Stripe signs them (checked with the SDK's real `construct_event`), delivered before
the triggering call returns, recorded, switchable off, resendable, and never fatal to a payment."""

from __future__ import annotations

import socket

import pytest
import stripe

from fakestripe.testing import running_fake_stripe

from .support import WEBHOOK_SECRET, http


def test_events_verify_with_the_sdk_and_only_with_the_right_secret(webhook_receiver):
    with running_fake_stripe(webhook_url=webhook_receiver.url, webhook_secret="whsec_shop") as server:
        client = stripe.StripeClient(api_key="sk_test_x", base_addresses=server.base_addresses, max_network_retries=0)
        session = client.v1.checkout.sessions.create(
            params={
                "mode": "payment",
                "success_url": "http://shop.test/ok",
                "metadata": {"order_number": "CR-9"},
                "line_items": [
                    {
                        "price_data": {"currency": "azn", "unit_amount": 4200, "product_data": {"name": "Rug"}},
                        "quantity": 1,
                    }
                ],
            }
        )
        session_after, _ = server.state.pay_session(
            session.id, card_number="4242424242424242", email="buyer@example.com"
        )

    # Delivered synchronously: everything is here as soon as the payment call returned.
    assert [t for t in webhook_receiver.types()] == [
        "charge.succeeded",
        "payment_intent.succeeded",
        "checkout.session.completed",
    ]
    body, headers = webhook_receiver.received[-1]
    assert headers["Content-Type"].startswith("application/json")
    event = stripe.Webhook.construct_event(body, headers["Stripe-Signature"], "whsec_shop")
    assert event.type == "checkout.session.completed"
    completed = event.data.object
    assert (completed.id, completed.payment_status, completed.metadata.order_number) == (session.id, "paid", "CR-9")
    assert completed.payment_intent == session_after["payment_intent"]
    assert completed.customer_details.email == "buyer@example.com"
    assert event.livemode is False and event.id.startswith("evt_")

    with pytest.raises(stripe.SignatureVerificationError):
        stripe.Webhook.construct_event(body, headers["Stripe-Signature"], "whsec_wrong")
    with pytest.raises(stripe.SignatureVerificationError):
        stripe.Webhook.construct_event(body.replace(b"CR-9", b"CR-1"), headers["Stripe-Signature"], "whsec_shop")


def test_deliveries_are_recorded_and_resend_duplicates(wired, stripe_client, make_session, control):
    session = make_session()
    control("POST", f"/sessions/{session.id}/pay", {"card": "4242424242424242"})
    completed = stripe_client.v1.events.list(params={"type": "checkout.session.completed"}).data[0]
    assert completed.pending_webhooks == 0  # delivered and answered 2xx

    status, body = control("POST", f"/events/{completed.id}/resend")
    assert (status, body) == (200, {"status": 200})
    ids = [event["id"] for event in wired.events()]
    assert ids.count(completed.id) == 2
    _, deliveries = control("GET", "/deliveries")
    assert {"event_id": completed.id, "type": "checkout.session.completed", "status": 200, "error": None} in deliveries
    assert len(deliveries) == 4


def test_switched_off_webhooks_still_record_events(wired, stripe_client, make_session, control):
    control("POST", "/webhooks", {"enabled": False})
    session = make_session()
    assert control("POST", f"/sessions/{session.id}/pay", {"card": "4242424242424242"})[0] == 200
    assert wired.received == []
    assert control("GET", "/deliveries")[1] == []
    event = stripe_client.v1.events.list(params={"type": "checkout.session.completed"}).data[0]
    assert event.data.object.id == session.id
    # The "late webhook" scenario: resending works even while deliveries are off.
    assert control("POST", f"/events/{event.id}/resend")[1] == {"status": 200}
    assert wired.types() == ["checkout.session.completed"]


def test_a_failing_or_absent_shop_does_not_break_the_payment(wired, stripe_client, make_session, control):
    wired.status = 500
    first = make_session()
    _, paid = control("POST", f"/sessions/{first.id}/pay", {"card": "4242424242424242"})
    assert paid["status"] == "complete"
    assert {d["status"] for d in control("GET", "/deliveries")[1]} == {500}
    completed = stripe_client.v1.events.list(params={"type": "checkout.session.completed"}).data[0]
    assert completed.pending_webhooks == 1

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        closed_url = f"http://127.0.0.1:{sock.getsockname()[1]}/stripe/webhook/"
    control("POST", "/webhooks", {"url": closed_url})
    second = make_session()
    status, headers, _ = http("POST", second.url, b"card_number=4242424242424242&email=a%40b.test")
    assert status == 303
    assert stripe_client.v1.checkout.sessions.retrieve(second.id).payment_status == "paid"
    refused = control("GET", "/deliveries")[1][-1]
    assert refused["status"] is None and "refused" in refused["error"].lower()


def test_refund_sends_charge_refunded_with_the_refund(wired, stripe_client, make_session, control):
    session = make_session()
    control("POST", f"/sessions/{session.id}/pay", {"card": "4242424242424242"})
    intent_id = stripe_client.v1.checkout.sessions.retrieve(session.id).payment_intent
    refund = stripe_client.v1.refunds.create(params={"payment_intent": intent_id, "amount": 1250})
    body, headers = wired.received[-1]
    event = stripe.Webhook.construct_event(body, headers["Stripe-Signature"], WEBHOOK_SECRET)
    assert event.type == "charge.refunded"
    charge = event.data.object
    assert (charge.amount_refunded, charge.refunded, charge.payment_intent) == (1250, False, intent_id)
    assert [r.id for r in charge.refunds.data] == [refund.id]
    assert event.request.id == refund.last_response.request_id


def test_delayed_payment_events(wired, stripe_client, make_session, control):
    for succeeded, final_type, final_status in (
        (True, "checkout.session.async_payment_succeeded", "paid"),
        (False, "checkout.session.async_payment_failed", "unpaid"),
    ):
        session = make_session()
        _, paid = control("POST", f"/sessions/{session.id}/pay", {"card": "4000000000000101"})
        assert (paid["status"], paid["payment_status"]) == ("complete", "unpaid")
        completed = wired.events()[-1]
        assert completed["type"] == "checkout.session.completed"
        assert completed["data"]["object"]["payment_status"] == "unpaid"

        _, settled = control("POST", f"/sessions/{session.id}/async_result", {"succeeded": succeeded})
        assert settled["payment_status"] == final_status
        last = wired.events()[-1]
        assert (last["type"], last["data"]["object"]["payment_status"]) == (final_type, final_status)
        status, body = control("POST", f"/sessions/{session.id}/async_result", {"succeeded": True})
        assert status == 400  # already settled
