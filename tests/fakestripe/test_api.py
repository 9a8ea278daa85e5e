"""The `/v1` API as the shop's SDK client sees it: creation, retrieval, lists, refunds, errors, outages."""

from __future__ import annotations

import json
import time
from urllib.parse import urlencode

import pytest
import stripe

from fakestripe.encoding import parse_params

from .support import http


def test_params_are_decoded_as_the_sdk_encodes_them():
    from stripe._encode import _api_encode  # the SDK's own encoder, so the test tracks SDK changes

    params = {
        "line_items": [
            {
                "price_data": {
                    "currency": "azn",
                    "unit_amount": 1250,
                    "product_data": {"name": "Owl", "metadata": {"line": "1"}},
                },
                "quantity": 2,
            }
        ],
        "metadata": {"order_number": "CR-1"},
        "expand": ["line_items", "payment_intent"],
        "created": {"gte": 100},
        "livemode": False,
    }
    encoded = urlencode(list(_api_encode(params))).replace("%5B", "[").replace("%5D", "]")
    assert "line_items[0][price_data][product_data][name]=Owl" in encoded
    assert parse_params(encoded) == {
        "line_items": [
            {
                "price_data": {
                    "currency": "azn",
                    "unit_amount": "1250",
                    "product_data": {"name": "Owl", "metadata": {"line": "1"}},
                },
                "quantity": "2",
            }
        ],
        "metadata": {"order_number": "CR-1"},
        "expand": ["line_items", "payment_intent"],
        "created": {"gte": "100"},
        "livemode": "false",
    }
    assert parse_params("expand[]=a&expand[]=b") == {"expand": ["a", "b"]}


def test_a_request_without_api_key_is_refused(fake_stripe):
    status, _, body = http("GET", f"{fake_stripe.url}/v1/checkout/sessions")
    assert status == 401
    assert "did not provide an API key" in json.loads(body)["error"]["message"]
    live = stripe.StripeClient(api_key="sk_live_nope", base_addresses=fake_stripe.base_addresses, max_network_retries=0)
    with pytest.raises(stripe.AuthenticationError):
        live.v1.checkout.sessions.list()


def test_session_amounts_url_and_line_items(fake_stripe, stripe_client, make_session):
    session = make_session()
    assert session.id.startswith("cs_test_")
    assert (session.amount_subtotal, session.amount_total, session.currency) == (3000, 3000, "azn")
    assert (session.status, session.payment_status, session.payment_intent) == ("open", "unpaid", None)
    assert session.url == f"{fake_stripe.url}/pay/{session.id}"
    assert session.metadata.order_number == "CR-0042"
    assert session.client_reference_id == "order-42"
    assert session.livemode is False
    items = stripe_client.v1.checkout.sessions.line_items.list(session.id, params={"expand": ["data.price.product"]})
    assert [(i.description, i.quantity, i.amount_total) for i in items.data] == [
        ("Felt owl", 2, 2500),
        ("Clay cup", 1, 500),
    ]
    assert items.data[0].price.product.metadata.order_line == "1"
    assert items.data[1].price.product.description == "Glazed"


def test_bad_params_are_refused_like_stripe(make_session):
    with pytest.raises(stripe.InvalidRequestError) as unknown:
        make_session(colour="blue")
    assert (unknown.value.param, unknown.value.code) == ("colour", "parameter_unknown")
    with pytest.raises(stripe.InvalidRequestError) as missing:
        make_session(line_items=[{"price_data": {"currency": "azn", "product_data": {"name": "x"}}, "quantity": 1}])
    assert missing.value.param == "line_items[0][price_data][unit_amount]"
    with pytest.raises(stripe.InvalidRequestError) as too_soon:
        make_session(expires_at=int(time.time()) + 60)
    assert too_soon.value.param == "expires_at"


def test_unknown_ids_are_404(stripe_client):
    with pytest.raises(stripe.InvalidRequestError) as error:
        stripe_client.v1.checkout.sessions.retrieve("cs_test_nope")
    assert (error.value.http_status, error.value.code) == (404, "resource_missing")


def test_idempotency_key_replays_the_first_response(stripe_client, make_session):
    params = {
        "mode": "payment",
        "success_url": "http://shop.test/ok",
        "line_items": [
            {"price_data": {"currency": "azn", "unit_amount": 700, "product_data": {"name": "Scarf"}}, "quantity": 1}
        ],
    }
    options = {"idempotency_key": "order-7-checkout"}
    first = stripe_client.v1.checkout.sessions.create(params=params, options=options)
    again = stripe_client.v1.checkout.sessions.create(params=params, options=options)
    assert again.id == first.id
    assert again.last_response.headers["Idempotent-Replayed"] == "true"
    assert again.last_response.idempotency_key == "order-7-checkout"
    assert again.last_response.request_id == first.last_response.request_id
    assert len(stripe_client.v1.checkout.sessions.list().data) == 1

    with pytest.raises(stripe.IdempotencyError):
        stripe_client.v1.checkout.sessions.create(params={**params, "client_reference_id": "other"}, options=options)


def test_outages_raise_api_errors_until_they_end(stripe_client, control):
    assert control("POST", "/outage", {"mode": "500", "count": 1})[0] == 200
    with pytest.raises(stripe.APIError) as error:
        stripe_client.v1.checkout.sessions.list()
    assert error.value.http_status == 500
    stripe_client.v1.checkout.sessions.list()  # count used up

    control("POST", "/outage", {"mode": "503"})
    for _ in range(2):
        with pytest.raises(stripe.APIError):
            stripe_client.v1.checkout.sessions.list()
    control("POST", "/outage", {"mode": "off"})
    stripe_client.v1.checkout.sessions.list()


def test_timeout_outage_makes_the_client_give_up(stripe_client, control):
    control("POST", "/outage", {"mode": "timeout", "count": 1})
    started = time.monotonic()
    with pytest.raises(stripe.APIConnectionError):
        stripe_client.v1.checkout.sessions.list()
    assert time.monotonic() - started < 10
    assert stripe_client.v1.checkout.sessions.list().data == []


def test_refunds_stop_at_the_refundable_amount(stripe_client, make_session, control):
    session = make_session()
    control("POST", f"/sessions/{session.id}/pay", {"card": "4242424242424242"})
    intent_id = stripe_client.v1.checkout.sessions.retrieve(session.id).payment_intent

    part = stripe_client.v1.refunds.create(
        params={
            "payment_intent": intent_id,
            "amount": 2000,
            "reason": "requested_by_customer",
            "metadata": {"order_number": "CR-0042"},
        }
    )
    assert (part.amount, part.status, part.metadata.order_number) == (2000, "succeeded", "CR-0042")
    with pytest.raises(stripe.InvalidRequestError) as too_much:
        stripe_client.v1.refunds.create(params={"payment_intent": intent_id, "amount": 1500})
    assert (too_much.value.code, too_much.value.param) == ("amount_too_large", "amount")
    assert "10.00 AZN" in too_much.value.user_message

    rest = stripe_client.v1.refunds.create(params={"charge": part.charge})
    assert rest.amount == 1000
    charge = stripe_client.v1.charges.retrieve(part.charge)
    assert (charge.amount_refunded, charge.refunded) == (3000, True)
    assert [r.id for r in charge.refunds.data] == [rest.id, part.id]
    with pytest.raises(stripe.InvalidRequestError) as done:
        stripe_client.v1.refunds.create(params={"charge": part.charge})
    assert done.value.code == "charge_already_refunded"


def test_list_is_newest_first_with_created_filter_and_cursor(stripe_client, make_session, control):
    make_session()
    _, clock = control("POST", "/clock", {"advance": 100})
    later = [make_session() for _ in range(3)]
    page = stripe_client.v1.checkout.sessions.list(params={"created": {"gte": clock["now"]}, "limit": 2})
    assert [s.id for s in page.data] == [later[2].id, later[1].id]
    assert page.has_more is True and page.url == "/v1/checkout/sessions"
    rest = stripe_client.v1.checkout.sessions.list(
        params={"created": {"gte": clock["now"]}, "limit": 2, "starting_after": page.data[-1].id}
    )
    assert [s.id for s in rest.data] == [later[0].id]
    assert rest.has_more is False
    auto = stripe_client.v1.checkout.sessions.list(params={"limit": 1}).auto_paging_iter()
    assert len(list(auto)) == 4
    control("POST", f"/sessions/{later[0].id}/pay", {"card": "4242424242424242"})
    complete = stripe_client.v1.checkout.sessions.list(params={"status": "complete"})
    assert [s.id for s in complete.data] == [later[0].id]


def test_expire_an_open_session(stripe_client, make_session, control):
    session = make_session()
    expired = stripe_client.v1.checkout.sessions.expire(session.id)
    assert (expired.status, expired.url) == ("expired", None)
    events = stripe_client.v1.events.list(params={"type": "checkout.session.*"})
    assert [(e.type, e.data.object.id) for e in events.data] == [("checkout.session.expired", session.id)]
    assert events.data[0].request.idempotency_key == expired.last_response.idempotency_key
    with pytest.raises(stripe.InvalidRequestError):
        stripe_client.v1.checkout.sessions.expire(session.id)
    status, body = control("POST", f"/sessions/{session.id}/pay", {"card": "4242424242424242"})
    assert status == 400 and body["error"]["code"] == "checkout_session_expired"


def test_sessions_expire_on_their_own_when_expires_at_passes(stripe_client, make_session, control):
    session = make_session(expires_at=int(time.time()) + 1800)
    control("POST", "/clock", {"advance": 1801})
    assert stripe_client.v1.checkout.sessions.retrieve(session.id).status == "expired"
    assert [e.type for e in stripe_client.v1.events.list().data] == ["checkout.session.expired"]


def test_reset_forgets_everything(stripe_client, make_session, control):
    make_session()
    control("POST", "/outage", {"mode": "503"})
    control("POST", "/webhooks", {"enabled": False, "url": "http://127.0.0.1:9/hook/"})
    assert control("POST", "/reset") == (200, {"ok": True})
    assert stripe_client.v1.checkout.sessions.list().data == []
    assert control("POST", "/webhooks", {}) == (200, {"enabled": True, "url": None})
