"""Checkout through the fake Stripe: what is sent, where the buyer lands, what they receive."""

from decimal import Decimal

import pytest

from shop.models import Order, OrderStatus, StockReservation

from .conftest import DECLINED, DELAYED

pytestmark = pytest.mark.django_db


@pytest.fixture
def bowl(product_factory, maker_factory, centre_factory):
    centre = centre_factory(name="Baku centre", address="Nizami 1", courier_fee=Decimal("5.00"))
    makers = [maker_factory(centre=centre, public_display_name="Aysel"), maker_factory(centre=centre, consents=[])]
    return product_factory(
        title="Blue bowl",
        price=Decimal("19.99"),
        stock=5,
        centre=centre,
        makers=[(makers[0], Decimal("60")), (makers[1], Decimal("40"))],
    )


def test_checkout_page_shows_the_form_and_the_cart(buyer, bowl):
    buyer.add(bowl, 2)
    response = buyer.client.get(buyer.url("shop:checkout"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "2 × Blue bowl" in html
    assert 'name="email"' in html and 'autocomplete="email"' in html
    assert "Nizami 1" in html  # where to pick it up


def test_empty_cart_cannot_check_out(buyer):
    response = buyer.client.get(buyer.url("shop:checkout"), follow=True)
    assert response.redirect_chain[-1][0] == buyer.url("shop:cart")


def test_invalid_details_are_shown_next_to_the_fields(buyer, bowl):
    buyer.add(bowl)
    response = buyer.checkout(email="not-an-email", phone="call me", delivery_method="courier")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in html
    assert 'aria-invalid="true"' in html and 'aria-describedby="id_email_helptext id_email_error"' in html
    assert "Enter the street address for the courier." in html
    assert "Enter a phone number with digits only" in html
    assert not Order.objects.exists()


def test_checkout_creates_pending_order_and_stripe_session(buyer, bowl, fake_stripe):
    buyer.add(bowl, 2)
    response = buyer.checkout()

    order = buyer.order()
    assert response.status_code == 303
    assert response["Location"] == fake_stripe.session(order.stripe_checkout_session_id)["url"]
    assert order.status == OrderStatus.PENDING_PAYMENT
    assert order.number.startswith("CM-") and len(order.access_token) >= 40
    assert (order.subtotal, order.delivery_fee, order.total) == (Decimal("39.98"), Decimal("0"), Decimal("39.98"))

    line = order.lines.get()
    assert (line.title, line.unit_price, line.quantity, line.line_total) == (
        "Blue bowl",
        Decimal("19.99"),
        2,
        Decimal("39.98"),
    )
    # Centre keeps 20 %, the makers share the rest 60/40, to the qəpik, split per unit (19.99 -> 4.00 centre,
    # 9.59 + 6.40 makers) and multiplied by the quantity, as the product page shows it.
    parts = sorted(part.amount for part in line.makers.all())
    assert line.centre_amount + sum(parts) == Decimal("39.98")
    assert parts == [Decimal("12.80"), Decimal("19.18")]

    bowl.refresh_from_db()
    assert bowl.stock == 3
    assert order.lines.get().reservations.get().state == StockReservation.State.RESERVED

    session, items = fake_stripe.state.checkout_view(order.stripe_checkout_session_id)
    assert session["client_reference_id"] == order.number
    assert session["metadata"] == {"order_number": order.number}
    assert session["customer_email"] == "leyla@example.az"
    assert session["currency"] == "azn" and session["amount_total"] == 3998
    assert session["locale"] == "en"
    assert session["success_url"].endswith(
        f"/en/shop/checkout/return/{order.number}/?session_id={{CHECKOUT_SESSION_ID}}"
    )
    assert session["success_url"].startswith("http://testserver/")
    assert session["cancel_url"] == f"http://testserver/en/shop/checkout/cancelled/{order.number}/"
    assert [(i["description"], i["quantity"], i["price"]["unit_amount"]) for i in items] == [("Blue bowl", 2, 1999)]
    posts = [(r.path, r.idempotency_key, r.status) for r in fake_stripe.state.requests() if r.method == "POST"]
    assert posts == [("/v1/checkout/sessions", f"order-{order.number}-session-v1", 200)]


def test_courier_adds_one_flat_fee_per_centre(buyer, product_factory, centre_factory, fake_stripe):
    baku = centre_factory(courier_fee=Decimal("5.00"))
    barda = centre_factory(courier_fee=Decimal("7.50"))
    for product in (
        product_factory(centre=baku, price=Decimal("10")),
        product_factory(centre=baku),
        product_factory(centre=barda, price=Decimal("3")),
    ):
        buyer.add(product)
    response = buyer.checkout(delivery_method="courier", address_line="Fuzuli 5", city="Baku")
    assert response.status_code == 303
    order = buyer.order()
    assert order.delivery_fee == Decimal("12.50")
    assert order.total == order.subtotal + Decimal("12.50")
    session, items = fake_stripe.state.checkout_view(order.stripe_checkout_session_id)
    assert items[-1]["quantity"] == 1 and items[-1]["price"]["unit_amount"] == 1250
    assert session["amount_total"] == int(order.total * 100)


def test_prices_come_from_the_server_not_the_browser(buyer, bowl, fake_stripe):
    buyer.add(bowl)
    buyer.client.post(
        buyer.url("shop:checkout"),
        {
            "email": "a@example.az",
            "name": "A",
            "phone": "+994501234567",
            "delivery_method": "pickup",
            "price": "0.01",
            "total": "0.01",
            "unit_amount": "1",
        },
    )
    session = fake_stripe.session(buyer.order().stripe_checkout_session_id)
    assert session["amount_total"] == 1999


def test_paying_and_coming_back_confirms_and_emails(buyer, bowl, fake_stripe, mailoutbox):
    order = buyer.buy(bowl, 2)
    response = buyer.come_back(order)
    html = response.content.decode()

    order.refresh_from_db()
    assert response.status_code == 200
    assert "Thank you! Your order is paid." in html
    assert order.number in html and order.access_token in html
    assert order.status == OrderStatus.PAID and order.paid_at is not None
    assert order.stripe_payment_intent_id.startswith("pi_")
    assert order.lines.get().reservations.get().state == StockReservation.State.CONSUMED
    assert response["Cache-Control"].startswith("max-age=0") and "noindex" in response["X-Robots-Tag"]

    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["leyla@example.az"]
    assert order.number in mail.subject
    assert "2 × Blue bowl" in mail.body and "Aysel" in mail.body and "a maker of Baku centre" in mail.body
    assert f"http://testserver/en/shop/orders/{order.access_token}/" in mail.body
    html_part, mime = mail.alternatives[0]
    assert mime == "text/html" and "Aysel" in html_part and order.access_token in html_part

    # The cart is emptied once paid.
    cart = buyer.client.get(buyer.url("shop:cart"))
    assert cart.context["lines"] == []


def test_confirmation_email_in_the_buyers_language(buyer, bowl, mailoutbox):
    buyer.language = "ru"
    order = buyer.buy(bowl)
    assert order.language == "ru"
    buyer.come_back(order)
    mail = mailoutbox[0]
    assert "Заказ" in mail.subject and order.number in mail.subject
    assert "Кто сделал" in mail.body
    assert f"/ru/shop/orders/{order.access_token}/" in mail.body
    assert 'lang="ru"' in mail.alternatives[0][0]


def test_coming_back_twice_sends_one_email(buyer, bowl, mailoutbox):
    order = buyer.buy(bowl)
    buyer.come_back(order)
    buyer.come_back(order)
    assert len(mailoutbox) == 1
    assert order.status_changes.filter(to_status=OrderStatus.PAID).count() == 1


def test_return_page_needs_the_matching_session_id(buyer, bowl):
    order = buyer.buy(bowl)
    url = buyer.url("shop:checkout_return", order.number)
    assert buyer.client.get(url).status_code == 404
    assert buyer.client.get(url, {"session_id": "cs_test_someone_else"}).status_code == 404
    assert buyer.client.get(buyer.url("shop:checkout_return", "CM-0000-999999"), {"session_id": "x"}).status_code == 404


def test_order_status_page_by_token(buyer, bowl, client):
    order = buyer.buy(bowl)
    buyer.come_back(order)
    response = client.get(buyer.url("shop:order_status", order.access_token))
    html = response.content.decode()
    assert response.status_code == 200
    assert order.number in html and "Paid" in html and "Blue bowl" in html
    assert "Aysel" in html and "a maker of Baku centre" in html
    assert response["Referrer-Policy"] == "no-referrer"
    assert client.get(buyer.url("shop:order_status", "wrong-token")).status_code == 404
    assert client.get(buyer.url("shop:order_status", order.access_token[:-1])).status_code == 404


def test_cancel_returns_to_the_cart_with_everything_in_it(buyer, bowl, fake_stripe):
    buyer.add(bowl, 2)
    buyer.checkout()
    order = buyer.order()
    response = buyer.cancel(order)
    page = buyer.client.get(response["Location"])

    order.refresh_from_db()
    bowl.refresh_from_db()
    assert response["Location"] == buyer.url("shop:cart")
    assert "Payment cancelled. Everything is still in your cart." in page.content.decode()
    assert [(line.product, line.quantity) for line in page.context["lines"]] == [(bowl, 2)]
    assert order.status == OrderStatus.CANCELLED
    assert bowl.stock == 5
    assert fake_stripe.session(order.stripe_checkout_session_id)["status"] == "expired"
    # Checking out again starts a fresh order.
    assert buyer.checkout().status_code == 303
    assert buyer.order().pk != order.pk


def test_cancel_link_of_someone_elses_order_changes_nothing(buyer, bowl, client):
    buyer.add(bowl)
    buyer.checkout()
    order = buyer.order()
    response = client.get(buyer.url("shop:checkout_cancelled", order.number))
    order.refresh_from_db()
    assert response.status_code == 302
    assert order.status == OrderStatus.PENDING_PAYMENT


def test_declined_card_changes_nothing_in_the_shop(buyer, bowl, fake_stripe, deliver, mailoutbox):
    buyer.add(bowl)
    buyer.checkout()
    order = buyer.order()
    with pytest.raises(Exception, match="declined"):
        buyer.pay(DECLINED)
    deliver()
    order.refresh_from_db()
    bowl.refresh_from_db()
    assert order.status == OrderStatus.PENDING_PAYMENT
    assert bowl.stock == 4
    assert mailoutbox == []
    assert fake_stripe.session(order.stripe_checkout_session_id)["status"] == "open"
    # The buyer tries another card on the same page and it goes through.
    buyer.pay()
    buyer.come_back(order)
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID


def test_going_back_to_checkout_reuses_the_open_session(buyer, bowl, fake_stripe):
    buyer.add(bowl)
    first = buyer.checkout()
    second = buyer.checkout()
    assert first["Location"] == second["Location"]
    assert Order.objects.count() == 1
    bowl.refresh_from_db()
    assert bowl.stock == 4


def test_changed_details_replace_the_session_on_the_same_order(buyer, bowl, fake_stripe):
    buyer.add(bowl)
    buyer.checkout()
    order = buyer.order()
    old_session = order.stripe_checkout_session_id
    response = buyer.checkout(delivery_method="courier", address_line="Fuzuli 5", city="Baku")
    order.refresh_from_db()
    assert response.status_code == 303
    assert Order.objects.count() == 1
    assert order.stripe_checkout_session_id != old_session
    assert order.delivery_fee == Decimal("5.00")
    assert fake_stripe.session(old_session)["status"] == "expired"
    assert fake_stripe.session(order.stripe_checkout_session_id)["amount_total"] == 2499


def test_changed_cart_cancels_the_old_pending_order(buyer, bowl, product_factory, fake_stripe):
    buyer.add(bowl)
    buyer.checkout()
    first = buyer.order()
    buyer.add(product_factory(stock=2))
    buyer.checkout()
    first.refresh_from_db()
    bowl.refresh_from_db()
    assert first.status == OrderStatus.CANCELLED
    assert buyer.order().lines.count() == 2
    assert bowl.stock == 4  # released once by the old order, reserved once by the new one


def test_sold_out_while_in_the_cart(buyer, bowl, fake_stripe):
    buyer.add(bowl, 2)
    type(bowl).objects.filter(pk=bowl.pk).update(stock=1)
    response = buyer.checkout()
    assert response.status_code == 302
    page = buyer.client.get(response["Location"])
    assert "Only 1 left. Please lower the quantity to continue." in page.content.decode()
    assert not Order.objects.exists()


def test_delayed_payment_waits_then_succeeds(buyer, bowl, fake_stripe, deliver, mailoutbox):
    buyer.add(bowl)
    buyer.checkout()
    order = buyer.order()
    buyer.pay(DELAYED)
    response = buyer.come_back(order)
    assert "We are confirming your payment" in response.content.decode()
    deliver("checkout.session.completed")
    order.refresh_from_db()
    assert order.status == OrderStatus.PENDING_PAYMENT and mailoutbox == []
    fake_stripe.settle(order.stripe_checkout_session_id, succeeded=True)
    deliver("checkout.session.async_payment_succeeded")
    order.refresh_from_db()
    bowl.refresh_from_db()
    assert order.status == OrderStatus.PAID
    assert bowl.stock == 4
    assert len(mailoutbox) == 1


def test_delayed_payment_that_fails_cancels_and_releases(buyer, bowl, fake_stripe, deliver, mailoutbox):
    buyer.add(bowl)
    buyer.checkout()
    order = buyer.order()
    buyer.pay(DELAYED)
    deliver("checkout.session.completed")
    fake_stripe.settle(order.stripe_checkout_session_id, succeeded=False)
    deliver("checkout.session.async_payment_failed")
    deliver("checkout.session.async_payment_failed")
    order.refresh_from_db()
    bowl.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    assert bowl.stock == 5
    assert [m.subject for m in mailoutbox] == [f"Payment for order {order.number} did not go through"]


def test_order_pages_do_not_grow_queries_with_lines(buyer, product_factory, client, django_assert_max_num_queries):
    for _ in range(5):
        buyer.add(product_factory(stock=3))
    order = buyer.buy(product_factory(stock=3))
    buyer.come_back(order)
    with django_assert_max_num_queries(5):
        response = client.get(buyer.url("shop:order_status", order.access_token))
    assert response.status_code == 200 and len(response.context["order"].lines.all()) == 6
