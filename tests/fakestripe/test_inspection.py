"""What tests may ask the fake: its request log, its stored objects by kind, and the "drop_response"
outage (Stripe did the work, the answer never arrived)."""

from __future__ import annotations

import dataclasses
import time

import pytest
import stripe

from fakestripe.errors import StripeError

from .support import http

PAID = "4242424242424242"


def logged(fake_stripe) -> list[tuple]:
    return [(r.method, r.path, r.idempotency_key, r.status, r.replayed, r.outage) for r in fake_stripe.state.requests()]


def paid_intent(stripe_client, make_session, control) -> str:
    session = make_session()
    control("POST", f"/sessions/{session.id}/pay", {"card": PAID})
    return stripe_client.v1.checkout.sessions.retrieve(session.id).payment_intent


def test_the_request_log_has_every_api_request_as_answered(fake_stripe, stripe_client, make_session, control):
    assert http("GET", f"{fake_stripe.url}/v1/charges")[0] == 401
    first = make_session(client_reference_id="order-1")  # without a key of ours the SDK makes one up
    second = make_session(client_reference_id="order-2")
    key = {"idempotency_key": "order-3-session-v1"}
    with pytest.raises(stripe.InvalidRequestError):
        stripe_client.v1.checkout.sessions.create(params={"mode": "payment"}, options=key)
    params = {
        "mode": "payment",
        "success_url": "http://shop.test/ok",
        "line_items": [
            {"price_data": {"currency": "azn", "unit_amount": 700, "product_data": {"name": "Scarf"}}, "quantity": 1}
        ],
    }
    made = stripe_client.v1.checkout.sessions.create(params=params, options=key)
    again = stripe_client.v1.checkout.sessions.create(params=params, options=key)
    stripe_client.v1.checkout.sessions.retrieve(first.id, params={"expand": ["line_items"]})
    control("POST", "/outage", {"mode": "503", "count": 1})
    with pytest.raises(stripe.APIError):
        stripe_client.v1.events.list()

    session_key = key["idempotency_key"]
    assert None not in {first.last_response.idempotency_key, second.last_response.idempotency_key, session_key}
    assert logged(fake_stripe) == [
        ("GET", "/v1/charges", None, 401, False, None),
        ("POST", "/v1/checkout/sessions", first.last_response.idempotency_key, 200, False, None),
        ("POST", "/v1/checkout/sessions", second.last_response.idempotency_key, 200, False, None),
        ("POST", "/v1/checkout/sessions", session_key, 400, False, None),  # not saved: the corrected retry runs
        ("POST", "/v1/checkout/sessions", session_key, 200, False, None),
        ("POST", "/v1/checkout/sessions", session_key, 200, True, None),
        ("GET", f"/v1/checkout/sessions/{first.id}", None, 200, False, None),
        ("GET", "/v1/events", None, 503, False, "503"),
    ]
    requests = fake_stripe.state.requests()
    assert requests[4].request_id == made.last_response.request_id
    assert requests[5].request_id == again.last_response.request_id == made.last_response.request_id
    assert requests[7].request_id.startswith("req_") and requests[7].request_id != requests[6].request_id

    status, body = control("GET", "/requests")
    assert status == 200 and body == [dataclasses.asdict(r) for r in requests]  # control calls are not logged
    assert body[5] == {
        "method": "POST",
        "path": "/v1/checkout/sessions",
        "idempotency_key": session_key,
        "status": 200,
        "request_id": made.last_response.request_id,
        "replayed": True,
        "outage": None,
    }
    control("POST", "/reset")
    assert fake_stripe.state.requests() == [] and control("GET", "/requests") == (200, [])


def test_a_hanging_request_is_logged_before_the_client_gives_up(fake_stripe, stripe_client, control):
    control("POST", "/outage", {"mode": "timeout", "count": 1})
    with pytest.raises(stripe.APIConnectionError):
        stripe_client.v1.refunds.list()
    assert logged(fake_stripe) == [("GET", "/v1/refunds", None, 503, False, "timeout")]


def test_objects_of_one_kind_oldest_first_as_copies(fake_stripe, stripe_client, make_session, control):
    first, second = make_session(), make_session()
    control("POST", f"/sessions/{first.id}/pay", {"card": PAID})
    intent_id = stripe_client.v1.checkout.sessions.retrieve(first.id).payment_intent
    part = stripe_client.v1.refunds.create(params={"payment_intent": intent_id, "amount": 1000})
    rest = stripe_client.v1.refunds.create(params={"payment_intent": intent_id})
    state = fake_stripe.state

    sessions = state.objects("checkout.session")
    assert [(s["id"], s["status"]) for s in sessions] == [(first.id, "complete"), (second.id, "open")]
    [intent] = state.objects("payment_intent")
    assert (intent["id"], intent["status"], intent["amount"]) == (intent_id, "succeeded", 3000)
    [charge] = state.objects("charge")
    assert (charge["payment_intent"], charge["amount_refunded"], charge["refunded"]) == (intent_id, 3000, True)
    assert [(r["id"], r["amount"]) for r in state.objects("refund")] == [(part.id, 1000), (rest.id, 2000)]
    assert [e["id"] for e in state.objects("event")] == [e["id"] for e in state.events()]
    assert [e["type"] for e in state.objects("event")][-2:] == ["refund.created", "charge.refunded"]

    sessions[0]["status"] = "open"  # a copy: the fake is not changed through it
    assert state.objects("checkout.session")[0]["status"] == "complete"

    status, body = control("GET", "/objects/checkout.session")
    assert status == 200 and [s["id"] for s in body] == [first.id, second.id]
    assert control("GET", "/objects/refund")[1] == state.objects("refund")
    status, body = control("GET", "/objects/customer")
    assert status == 400 and body["error"]["param"] == "kind"
    with pytest.raises(StripeError):
        state.objects("transfer")
    assert len(fake_stripe.state.requests()) == 5  # reading objects is not an API request


def test_objects_expire_overdue_sessions_as_an_api_read_would(fake_stripe, make_session, control):
    session = make_session(expires_at=int(time.time()) + 1800)
    assert [s["status"] for s in fake_stripe.state.objects("checkout.session")] == ["open"]
    control("POST", "/clock", {"advance": 1801})
    assert [s["status"] for s in fake_stripe.state.objects("checkout.session")] == ["expired"]
    [expired] = fake_stripe.state.events("checkout.session.expired")
    assert expired["data"]["object"]["id"] == session.id


def test_a_dropped_answer_still_did_everything(wired, fake_stripe, stripe_client, make_session, control):
    intent_id = paid_intent(stripe_client, make_session, control)
    assert control("POST", "/outage", {"mode": "drop_response", "count": 1}) == (
        200,
        {"ok": True, "mode": "drop_response", "count": 1},
    )
    params = {"payment_intent": intent_id, "amount": 1250, "metadata": {"order_number": "CR-0042"}}
    options = {"idempotency_key": "order-CR-0042-refund-1"}
    with pytest.raises(stripe.APIConnectionError):
        stripe_client.v1.refunds.create(params=params, options=options)

    [refund] = fake_stripe.state.objects("refund")
    assert (refund["amount"], refund["status"]) == (1250, "succeeded")
    assert wired.types()[-2:] == ["refund.created", "charge.refunded"]  # webhooks went out before the hang-up
    assert wired.events()[-1]["request"]["idempotency_key"] == "order-CR-0042-refund-1"

    again = stripe_client.v1.refunds.create(params=params, options=options)  # the outage was for one request
    assert again.id == refund["id"]
    assert again.last_response.headers["Idempotent-Replayed"] == "true"
    assert len(fake_stripe.state.objects("refund")) == 1
    assert wired.types().count("charge.refunded") == 1
    assert logged(fake_stripe)[-2:] == [
        ("POST", "/v1/refunds", "order-CR-0042-refund-1", 200, False, "drop_response"),
        ("POST", "/v1/refunds", "order-CR-0042-refund-1", 200, True, None),
    ]
    dropped, replayed = fake_stripe.state.requests()[-2:]
    assert dropped.request_id == replayed.request_id == again.last_response.request_id


def test_drop_response_lasts_until_off_and_the_sdks_own_retry_gets_the_replay(fake_stripe, stripe_client, make_session):
    state = fake_stripe.state
    state.set_outage("drop_response")
    for _ in range(2):
        with pytest.raises(stripe.APIConnectionError):
            stripe_client.v1.checkout.sessions.list()
    with pytest.raises(stripe.APIConnectionError):
        make_session()
    assert len(state.objects("checkout.session")) == 1  # made, though nobody heard about it
    state.set_outage("off")
    assert [s.id for s in stripe_client.v1.checkout.sessions.list().data] == [
        s["id"] for s in state.objects("checkout.session")
    ]

    state.reset()
    state.set_outage("drop_response", count=1)
    retrying = stripe.StripeClient(
        api_key="sk_test_fake",
        base_addresses=fake_stripe.base_addresses,
        max_network_retries=1,
        http_client=stripe.RequestsClient(timeout=2),
    )
    session = retrying.v1.checkout.sessions.create(
        params={
            "mode": "payment",
            "success_url": "http://shop.test/ok",
            "line_items": [
                {"price_data": {"currency": "azn", "unit_amount": 900, "product_data": {"name": "Rug"}}, "quantity": 1}
            ],
        }
    )
    assert [s["id"] for s in state.objects("checkout.session")] == [session.id]
    first, retry = state.requests()
    assert first.idempotency_key and retry.idempotency_key == first.idempotency_key  # the SDK made the key
    assert (first.outage, retry.outage, retry.replayed) == ("drop_response", None, True)


def test_unknown_outage_modes_are_refused(fake_stripe, control):
    status, body = control("POST", "/outage", {"mode": "drop"})
    assert status == 400 and "drop_response" in body["error"]["message"]
    with pytest.raises(StripeError):
        fake_stripe.state.set_outage("lost")
    assert control("GET", "/requests") == (200, [])
