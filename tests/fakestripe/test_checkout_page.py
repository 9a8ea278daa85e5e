"""The hosted checkout page, driven as a browser would: GET the form, POST it, follow the redirect."""

from __future__ import annotations

import re
import threading
from urllib.parse import urlencode

from .support import http

GOOD_FORM = {
    "email": "buyer@example.com",
    "card_number": "4242 4242 4242 4242",
    "expiry": "12/40",
    "cvc": "123",
    "name": "Aysel",
}


def submit(session, **fields) -> tuple[int, dict, str]:
    status, headers, body = http(
        "POST",
        session.url,
        urlencode({**GOOD_FORM, **fields}).encode(),
        {"Content-Type": "application/x-www-form-urlencoded"},
    )
    return status, headers, body.decode()


def test_the_page_shows_the_order_and_an_accessible_form(make_session, fake_stripe):
    session = make_session()
    status, headers, raw = http("GET", session.url)
    html = raw.decode()
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert '<html lang="en">' in html
    assert re.search(r"<h1>[^<]+</h1>", html)
    assert "Felt owl" in html and "25.00 AZN" in html and "5.00 AZN" in html
    assert '<td class="num" id="total">30.00 AZN</td>' in html
    assert '<label for="cardNumber">Card number</label>' in html and 'id="cardNumber"' in html
    for field in ("email", "cardExpiry", "cardCvc", "cardName"):
        assert f'<label for="{field}">' in html and f'id="{field}"' in html
    assert 'value="buyer@example.com"' in html
    assert '<button type="submit">Pay</button>' in html
    assert '<a href="http://shop.test/checkout/cancelled/">Cancel and return</a>' in html
    assert "<script" not in html and "style=" not in html and "<style" not in html
    assert '<link rel="stylesheet" href="/pay/assets/checkout.css">' in html
    css_status, css_headers, _ = http("GET", f"{fake_stripe.url}/pay/assets/checkout.css")
    assert css_status == 200 and css_headers["Content-Type"].startswith("text/css")


def test_declined_cards_rerender_with_an_alert_and_change_nothing(stripe_client, make_session):
    session = make_session()
    for card in ("4000000000000002", "4000000000009995"):
        status, _, html = submit(session, card_number=card)
        assert status == 402
        assert '<p role="alert" id="payment-error" class="alert">Your card was declined.</p>' in html
        assert 'aria-invalid="true"' in html
    after = stripe_client.v1.checkout.sessions.retrieve(session.id)
    assert (after.status, after.payment_status, after.payment_intent) == ("open", "unpaid", None)
    assert stripe_client.v1.events.list().data == []


def test_a_mistyped_number_is_explained(make_session):
    status, _, html = submit(make_session(), card_number="4242424242424241")
    assert status == 400 and "Your card number is incorrect." in html


def test_paying_redirects_to_success_and_a_second_submit_charges_nothing(stripe_client, make_session):
    session = make_session()
    status, headers, _ = submit(session)
    assert status == 303
    assert headers["Location"] == f"http://shop.test/checkout/success/?session_id={session.id}"
    paid = stripe_client.v1.checkout.sessions.retrieve(session.id)
    assert (paid.status, paid.payment_status) == ("complete", "paid")
    assert paid.customer_details.email == "buyer@example.com"
    intent = stripe_client.v1.payment_intents.retrieve(paid.payment_intent)
    assert (intent.status, intent.amount_received) == ("succeeded", 3000)
    assert intent.metadata.order_number == "CR-0042"
    charge = stripe_client.v1.charges.retrieve(intent.latest_charge)
    assert (charge.paid, charge.captured, charge.amount, charge.payment_method_details.card.last4) == (
        True,
        True,
        3000,
        "4242",
    )

    again_status, again_headers, _ = submit(session)
    assert (again_status, again_headers["Location"]) == (303, headers["Location"])
    assert len(stripe_client.v1.charges.list().data) == 1
    assert len(stripe_client.v1.events.list(params={"type": "checkout.session.completed"}).data) == 1
    status, _, raw = http("GET", session.url)
    assert status == 200 and b"already been paid" in raw


def test_simultaneous_submits_make_one_charge(stripe_client, make_session):
    session = make_session()
    results = []
    threads = [threading.Thread(target=lambda: results.append(submit(session)[0])) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [303] * 4
    assert len(stripe_client.v1.charges.list().data) == 1


def test_expired_and_unknown_sessions(stripe_client, make_session, fake_stripe):
    session = make_session()
    stripe_client.v1.checkout.sessions.expire(session.id)
    assert http("GET", session.url)[0] == 410
    status, _, html = submit(session)
    assert status == 410 and "expired" in html
    assert http("GET", f"{fake_stripe.url}/pay/cs_test_nope")[0] == 404
