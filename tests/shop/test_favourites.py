"""Favourites in the session: saving and removing from a card or a product page, the header count, the
favourites page (sold-out shown as such, unpublished dropped with a note), and a language switch keeping them."""

import pytest
from django.urls import reverse
from django.utils import translation

from shop.models import ProductStatus

pytestmark = pytest.mark.django_db


def _url(name, *args, language="en"):
    with translation.override(language):
        return reverse(name, args=args)


@pytest.fixture
def bowl(product_factory):
    return product_factory(title="Blue bowl", stock=3)


def test_saving_shows_on_the_button_the_header_and_the_page(client, bowl):
    product_url = _url("shop:product_detail", bowl.slug)
    response = client.post(_url("shop:favourite_toggle", bowl.pk), {"next": product_url}, follow=True)
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == product_url
    assert "“Blue bowl” is saved in your favourites." in html
    assert 'aria-pressed="true"' in html and "1 saved" in html

    page = client.get(_url("shop:favourites")).content.decode()
    assert "Blue bowl" in page


def test_pressing_again_removes_it(client, bowl):
    client.post(_url("shop:favourite_toggle", bowl.pk))
    response = client.post(_url("shop:favourite_toggle", bowl.pk), follow=True)
    html = response.content.decode()
    assert "no longer in your favourites" in html and "Nothing saved yet" in html and "0 saved" in html


def test_the_script_gets_json_and_no_flash_message(client, bowl):
    response = client.post(_url("shop:favourite_toggle", bowl.pk), HTTP_ACCEPT="application/json")
    assert response.json()["saved"] is True and response.json()["count"] == 1
    assert response.json()["count_text"] == "1 saved"
    assert "is saved in your favourites" not in client.get(_url("shop:catalogue")).content.decode()


def test_favourites_survive_a_language_switch(client, bowl):
    client.post(_url("shop:favourite_toggle", bowl.pk, language="az"))
    html = client.get(_url("shop:favourites", language="ru")).content.decode()
    assert "Blue bowl" in html and 'lang="ru"' in html


def test_sold_out_is_shown_and_unpublished_drops_out_with_a_note(client, bowl, product_factory):
    gone = product_factory(title="Old rug", stock=1)
    for product in (bowl, gone):
        client.post(_url("shop:favourite_toggle", product.pk), follow=True)
    bowl.stock = 0
    bowl.save()
    gone.status = ProductStatus.DRAFT
    gone.save()

    response = client.get(_url("shop:favourites"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Blue bowl" in html and "Sold out" in html
    assert "Old rug" not in html
    assert "1 saved item is no longer in the shop" in html
    assert "no longer in the shop" not in client.get(_url("shop:favourites")).content.decode()  # said once


def test_an_unknown_or_hidden_product_cannot_be_saved(client, product_factory):
    draft = product_factory(status=ProductStatus.DRAFT)
    assert client.post(_url("shop:favourite_toggle", draft.pk)).status_code == 404
    assert client.post(_url("shop:favourite_toggle", 999999)).status_code == 404
    assert client.get(_url("shop:favourite_toggle", draft.pk)).status_code == 405


def test_a_foreign_next_address_is_not_followed(client, bowl):
    response = client.post(_url("shop:favourite_toggle", bowl.pk), {"next": "https://evil.example/"})
    assert response["Location"] == _url("shop:favourites")


def test_cards_in_the_catalogue_carry_the_toggle(client, bowl):
    html = client.get(_url("shop:catalogue")).content.decode()
    assert _url("shop:favourite_toggle", bowl.pk) in html and 'aria-pressed="false"' in html
