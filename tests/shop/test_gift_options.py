"""Gift options: the buyer's message and "no prices" travel from checkout to the order page, the centre's
order list and the packing slip the instructor prints; another centre's instructor cannot open that slip."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from shop.models import Order, OrderStatus

from .conftest import OnCommitClient

pytestmark = pytest.mark.django_db

MESSAGE = "Happy birthday, Nigar!\n<b>With love</b>"


@pytest.fixture
def bowl(product_factory, maker_factory, centre_factory):
    centre = centre_factory(name="Baku centre", slug="baku")
    maker = maker_factory(centre=centre, public_display_name="Aysel")
    return product_factory(title="Blue bowl", price=Decimal("19.99"), stock=5, centre=centre, makers=[(maker, 100)])


def _paid_gift(buyer, bowl, deliver, **gift) -> Order:
    order = buyer.buy(bowl, **{"is_gift": "on", "gift_message": MESSAGE, **gift})
    deliver("checkout.session.completed")
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    return order


def _instructor(centre_member, centre, username="instructor") -> OnCommitClient:
    client = OnCommitClient()
    client.force_login(centre_member(centre, username=username))
    return client


def test_gift_details_are_stored_and_the_buyer_sees_the_message_escaped(buyer, bowl, deliver):
    order = _paid_gift(buyer, bowl, deliver, gift_hide_prices="on")
    assert (order.is_gift, order.gift_message, order.gift_hide_prices) == (True, MESSAGE, True)

    html = buyer.come_back(order).content.decode()
    assert "Happy birthday, Nigar!" in html and "&lt;b&gt;With love&lt;/b&gt;" in html
    assert "<b>With love</b>" not in html
    assert "the packing slip in the parcel shows no prices" in html
    with translation.override("en"):
        status = buyer.client.get(order.get_absolute_url()).content.decode()
    assert "Your gift message:" in status and "Happy birthday, Nigar!" in status


def test_the_checkout_form_remembers_the_gift_when_the_buyer_comes_back(buyer, bowl):
    buyer.add(bowl)
    buyer.checkout(is_gift="on", gift_message="For Mum")
    html = buyer.client.get(buyer.url("shop:checkout")).content.decode()
    assert 'name="is_gift" id="id_is_gift" checked' in html
    assert "For Mum</textarea>" in html


def test_a_too_long_gift_message_is_a_form_error_and_no_order(buyer, bowl):
    buyer.add(bowl)
    response = buyer.checkout(is_gift="on", gift_message="x" * 301)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Please shorten the gift message to 300 characters (it has 301)." in html
    assert not Order.objects.exists()


def test_unticking_gift_drops_the_message(buyer, bowl):
    buyer.add(bowl)
    buyer.checkout(gift_message="Left over", gift_hide_prices="on")
    order = buyer.order()
    assert (order.is_gift, order.gift_message, order.gift_hide_prices) == (False, "", False)


def test_the_instructor_sees_the_gift_and_a_slip_without_prices(buyer, bowl, deliver, centre_member):
    order = _paid_gift(buyer, bowl, deliver, gift_hide_prices="on")
    instructor = _instructor(centre_member, bowl.centre)
    listing = instructor.get(reverse("shop_centre_orders")).content.decode()
    assert "Happy birthday, Nigar!" in listing and "no prices on the packing slip" in listing

    slip = instructor.get(reverse("shop_packing_slip", args=[order.pk]))
    html = slip.content.decode()
    assert slip.status_code == 200
    assert "Blue bowl" in html and "Happy birthday, Nigar!" in html and "&lt;b&gt;" in html
    assert "19.99" not in html and "19,99" not in html


def test_the_slip_shows_prices_when_not_hidden(buyer, bowl, deliver, centre_member):
    order = _paid_gift(buyer, bowl, deliver)
    html = _instructor(centre_member, bowl.centre).get(reverse("shop_packing_slip", args=[order.pk])).content.decode()
    assert "Blue bowl" in html and ("19.99" in html or "19,99" in html)


def test_another_centres_instructor_cannot_open_the_slip(buyer, bowl, deliver, centre_member, centre_factory):
    order = _paid_gift(buyer, bowl, deliver)
    outsider = _instructor(centre_member, centre_factory(name="Barda centre", slug="barda"), username="barda")
    # The admin's 404 is handed on to the public site's language prefix, which does not know it either.
    slip = outsider.get(reverse("shop_packing_slip", args=[order.pk]), follow=True)
    assert slip.status_code == 404 and "Happy birthday" not in slip.content.decode()
    assert "Happy birthday" not in outsider.get(reverse("shop_centre_orders")).content.decode()


def test_finance_sees_the_gift_in_the_django_order_admin(buyer, bowl, deliver, admin_client):
    order = _paid_gift(buyer, bowl, deliver, gift_hide_prices="on")
    html = admin_client.get(reverse("admin:shop_order_change", args=[order.pk])).content.decode()
    assert "Happy birthday, Nigar!" in html and "&lt;b&gt;With love" in html
