"""Stock held by a checkout: other buyers see when it may come back, and it comes back as soon as Stripe or the
buyer ends the checkout. Driven through the shop's pages and the fake Stripe, webhooks signed for real."""

from decimal import Decimal

import pytest
from django.test import Client

from shop.models import OrderStatus

from .conftest import DECLINED

pytestmark = pytest.mark.django_db

HELD_31 = "Reserved in someone's basket — check back in 31 minutes"
ADD_TO_CART = 'class="add-to-cart"'


@pytest.fixture
def carpet(product_factory):
    """One of a kind."""
    return product_factory(title="Silk carpet", slug="silk-carpet", price=Decimal("300.00"), stock=1)


def product_page(product, language: str = "en") -> str:
    response = Client().get(f"/{language}/shop/p/{product.slug}/")
    assert response.status_code == 200
    return response.content.decode()


def catalogue_card(product, language: str = "en") -> str:
    text = Client().get(f"/{language}/shop/").content.decode()
    start = text.index(product.title)
    return text[start : text.index("</article>", start)]


def test_declined_card_keeps_the_hold_until_stripe_expires_the_session(buyer, carpet, fake_stripe, deliver):
    buyer.add(carpet)
    buyer.checkout()
    order = buyer.order()
    with pytest.raises(Exception, match="declined"):
        buyer.pay(DECLINED)
    deliver()  # a declined card sends nothing; the buyer may still try another card

    page = product_page(carpet)
    assert HELD_31 in page
    assert "Sold out" not in page
    assert ADD_TO_CART not in page
    assert HELD_31 in catalogue_card(carpet)

    fake_stripe.state.advance_clock(31 * 60 + 1)
    assert fake_stripe.session(order.stripe_checkout_session_id)["status"] == "expired"
    assert [response.status_code for response in deliver("checkout.session.expired")] == [200]

    page = product_page(carpet)
    assert "1 in stock" in page and ADD_TO_CART in page
    assert "Reserved in someone" not in page
    order.refresh_from_db()
    assert order.status == OrderStatus.EXPIRED


def test_cancel_and_return_frees_the_piece_at_once_and_the_session_cannot_be_paid(buyer, carpet, fake_stripe):
    buyer.add(carpet)
    buyer.checkout()
    order = buyer.order()
    assert HELD_31 in product_page(carpet)

    buyer.cancel(order)

    page = product_page(carpet)
    assert "1 in stock" in page and ADD_TO_CART in page
    with pytest.raises(Exception, match="expired"):
        buyer.pay(order=order)
    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    assert not fake_stripe.events("checkout.session.completed")


def test_hold_notice_names_the_earliest_expiry_and_speaks_the_buyers_language(
    buyer, product_factory, fake_stripe, settings
):
    vase = product_factory(title="Vase", slug="vase", stock=2)
    settings.SHOP_CHECKOUT_SESSION_MINUTES = 45
    buyer.add(vase)
    buyer.checkout()
    other = type(buyer)(client=type(buyer.client)(), fake=fake_stripe)
    settings.SHOP_CHECKOUT_SESSION_MINUTES = 90
    other.add(vase)
    other.checkout()

    assert "Reserved in someone's basket — check back in 45 minutes" in product_page(vase)
    assert "Зарезервировано в чужой корзине — загляните через 45 минут" in product_page(vase, "ru")
    assert "Kiminsə səbətində rezerv olunub — 45 dəqiqədən sonra yenidən baxın" in catalogue_card(vase, "az")


def test_sold_out_without_a_hold_still_says_sold_out(carpet, buyer, deliver):
    buyer.buy(carpet)
    deliver("checkout.session.completed")

    page = product_page(carpet)
    assert "Sold out" in page
    assert "Reserved in someone" not in page and ADD_TO_CART not in page


def test_a_free_unit_shows_the_normal_form_even_while_another_is_held(buyer, product_factory):
    jug = product_factory(title="Jug", slug="jug", stock=2)
    buyer.add(jug)
    buyer.checkout()

    page = product_page(jug)
    assert "1 in stock" in page and ADD_TO_CART in page
    assert "Reserved in someone" not in page
