"""The session cart: add, change, remove, refusals a buyer can read, and items that went away."""

from decimal import Decimal

import pytest

from shop.models import ProductStatus

pytestmark = pytest.mark.django_db


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]] if response.context else []


def test_empty_cart_page_and_header_count(cart_buyer):
    response = cart_buyer.client.get(cart_buyer.url("shop:cart"))
    assert response.status_code == 200
    assert "Your cart is empty" in response.content.decode()
    assert 'class="cart-link__count" aria-hidden="true">(0)' in response.content.decode()


def test_add_shows_item_total_and_header_count(cart_buyer, product_factory):
    bowl = product_factory(title="Blue bowl", price=Decimal("25.00"), stock=5)
    response = cart_buyer.add(bowl, 2)
    assert response.status_code == 302
    page = cart_buyer.client.get(cart_buyer.url("shop:cart"), follow=True)
    html = page.content.decode()
    assert "Blue bowl" in html
    assert "“Blue bowl” is in your cart." in messages_of(page)
    assert "50.00" in html
    assert "(2)" in html  # header count
    assert page.context["ready"] is True


def test_adding_again_adds_up(cart_buyer, product_factory):
    bowl = product_factory(stock=5)
    cart_buyer.add(bowl, 1)
    cart_buyer.add(bowl, 2)
    page = cart_buyer.client.get(cart_buyer.url("shop:cart"))
    assert [line.quantity for line in page.context["lines"]] == [3]


def test_add_more_than_stock_is_refused_with_a_message(cart_buyer, product_factory):
    bowl = product_factory(title="Last bowls", stock=2)
    cart_buyer.add(bowl, 2)
    response = cart_buyer.client.post(cart_buyer.url("shop:cart_add", bowl.pk), {"quantity": 1}, follow=True)
    assert "Only 2 of “Last bowls” available; you cannot add more." in messages_of(response)
    assert [line.quantity for line in response.context["lines"]] == [2]


def test_sold_out_item_cannot_be_added(cart_buyer, product_factory):
    bowl = product_factory(title="Gone bowl", stock=0)
    response = cart_buyer.client.post(cart_buyer.url("shop:cart_add", bowl.pk), {"quantity": 1}, follow=True)
    assert "Sorry, “Gone bowl” is sold out." in messages_of(response)
    assert response.context["lines"] == []


def test_made_to_order_is_capped_at_a_sane_maximum(cart_buyer, product_factory, settings):
    rug = product_factory(title="Rug", stock=0, made_to_order=True, lead_time_days=30)
    assert cart_buyer.add(rug, settings.SHOP_MADE_TO_ORDER_MAX_QUANTITY).status_code == 302
    response = cart_buyer.client.post(cart_buyer.url("shop:cart_add", rug.pk), {"quantity": 1}, follow=True)
    assert f"Only {settings.SHOP_MADE_TO_ORDER_MAX_QUANTITY} of “Rug” available" in messages_of(response)[-1]


def test_update_and_remove(cart_buyer, product_factory):
    bowl = product_factory(stock=5)
    cart_buyer.add(bowl, 1)
    response = cart_buyer.client.post(cart_buyer.url("shop:cart_update", bowl.pk), {"quantity": 4}, follow=True)
    assert [line.quantity for line in response.context["lines"]] == [4]
    response = cart_buyer.client.post(cart_buyer.url("shop:cart_update", bowl.pk), {"quantity": 9}, follow=True)
    assert "Only 5 of" in messages_of(response)[-1]
    assert [line.quantity for line in response.context["lines"]] == [4]
    response = cart_buyer.client.post(cart_buyer.url("shop:cart_remove", bowl.pk), follow=True)
    assert response.context["lines"] == []
    assert "The item was removed from your cart." in messages_of(response)


def test_quantity_zero_removes(cart_buyer, product_factory):
    bowl = product_factory(stock=5)
    cart_buyer.add(bowl, 1)
    response = cart_buyer.client.post(cart_buyer.url("shop:cart_update", bowl.pk), {"quantity": 0}, follow=True)
    assert response.context["lines"] == []


@pytest.mark.parametrize("bad", ["abc", "-1", "1.5", "", "99999999999999999999"])
def test_bad_quantity_is_a_message_not_an_error(cart_buyer, product_factory, bad):
    bowl = product_factory(stock=5)
    response = cart_buyer.client.post(cart_buyer.url("shop:cart_add", bowl.pk), {"quantity": bad}, follow=True)
    assert response.status_code == 200
    if bad == "":
        assert [line.quantity for line in response.context["lines"]] == [1]  # empty means one
    else:
        assert response.context["lines"] == []
        assert messages_of(response)


def test_changes_need_post(cart_buyer, product_factory):
    bowl = product_factory(stock=5)
    assert cart_buyer.client.get(cart_buyer.url("shop:cart_add", bowl.pk)).status_code == 405
    assert cart_buyer.client.get(cart_buyer.url("shop:cart_remove", bowl.pk)).status_code == 405


def test_unknown_product_is_404(cart_buyer):
    assert cart_buyer.client.post(cart_buyer.url("shop:cart_add", 999999), {"quantity": 1}).status_code == 404


def test_next_must_stay_on_this_site(cart_buyer, product_factory):
    bowl = product_factory(stock=5)
    response = cart_buyer.client.post(
        cart_buyer.url("shop:cart_add", bowl.pk), {"quantity": 1, "next": "https://evil.example/"}
    )
    assert response["Location"] == cart_buyer.url("shop:cart")
    response = cart_buyer.client.post(
        cart_buyer.url("shop:cart_add", bowl.pk), {"quantity": 1, "next": bowl.get_absolute_url()}
    )
    assert response["Location"] == bowl.get_absolute_url()


@pytest.mark.parametrize(
    "change, message",
    [
        ({"status": ProductStatus.ARCHIVED}, "This item is no longer available. Please remove it to continue."),
        ({"status": ProductStatus.DRAFT}, "This item is no longer available. Please remove it to continue."),
        ({"stock": 0}, "Sorry, this item has just sold out. Please remove it to continue."),
    ],
)
def test_item_that_became_unavailable_is_flagged_and_blocks_checkout(cart_buyer, product_factory, change, message):
    bowl = product_factory(title="Fragile bowl", stock=3)
    cart_buyer.add(bowl, 1)
    for field, value in change.items():
        setattr(bowl, field, value)
    bowl.save()
    page = cart_buyer.client.get(cart_buyer.url("shop:cart"))
    html = page.content.decode()
    assert message in html
    assert page.context["ready"] is False
    assert cart_buyer.url("shop:checkout") not in html
    response = cart_buyer.client.get(cart_buyer.url("shop:checkout"), follow=True)
    assert response.redirect_chain[-1][0] == cart_buyer.url("shop:cart")
    assert "Some items in your cart cannot be bought as they are." in messages_of(response)[-1]
    response = cart_buyer.client.post(cart_buyer.url("shop:cart_remove", bowl.pk), follow=True)
    assert response.context["lines"] == []


def test_inactive_maker_makes_item_unavailable(cart_buyer, product_factory):
    bowl = product_factory(stock=3)
    cart_buyer.add(bowl, 1)
    maker = bowl.maker_shares.get().maker
    maker.is_active = False
    maker.save()
    page = cart_buyer.client.get(cart_buyer.url("shop:cart"))
    assert page.context["lines"][0].problem == "unavailable"


def test_stock_dropping_below_cart_quantity_asks_to_lower_it(cart_buyer, product_factory):
    bowl = product_factory(stock=5)
    cart_buyer.add(bowl, 4)
    bowl.stock = 2
    bowl.save()
    page = cart_buyer.client.get(cart_buyer.url("shop:cart"))
    assert "Only 2 left. Please lower the quantity to continue." in page.content.decode()
    assert page.context["ready"] is False
    response = cart_buyer.client.post(cart_buyer.url("shop:cart_update", bowl.pk), {"quantity": 2}, follow=True)
    assert response.context["ready"] is True


def test_deleted_product_drops_out_of_the_cart(cart_buyer, product_factory):
    bowl = product_factory(stock=5)
    cup = product_factory(stock=5)
    cart_buyer.add(bowl, 1)
    cart_buyer.add(cup, 1)
    cup.delete()
    page = cart_buyer.client.get(cart_buyer.url("shop:cart"))
    assert [line.product for line in page.context["lines"]] == [bowl]
    assert "(1)" in page.content.decode()


def test_header_count_needs_no_query_for_a_new_visitor(django_assert_num_queries, rf):
    from shop.orders.context_processors import cart_summary

    request = rf.get("/")
    from django.contrib.sessions.backends.db import SessionStore

    request.session = SessionStore()
    with django_assert_num_queries(0):
        assert cart_summary(request) == {"cart_count": 0}


def test_cart_page_query_count_does_not_grow_with_items(cart_buyer, product_factory, django_assert_max_num_queries):
    for _ in range(6):
        cart_buyer.add(product_factory(stock=5, photos=1), 1)
    cart_buyer.client.get(cart_buyer.url("shop:cart"))  # the first view makes the thumbnails once
    with django_assert_max_num_queries(8):
        response = cart_buyer.client.get(cart_buyer.url("shop:cart"))
    assert len(response.context["lines"]) == 6
