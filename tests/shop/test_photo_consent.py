"""A photo that shows a maker is listed only with their recorded photo consent, and hidden once it is withdrawn."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from beneficiaries.models import ConsentRecord
from beneficiaries.services import consent_record, consent_withdraw
from shop.catalogue.selectors import product_for_page
from shop.models import Product, ProductPhoto


@pytest.fixture
def setup(centre_factory, maker_factory, craft_factory, centre_member, centre_image, client):
    centre = centre_factory(name="Bakı", slug="baku")
    client.force_login(centre_member(centre, username="instructor"))
    return {
        "client": client,
        "centre": centre,
        "craft": craft_factory(),
        "maker": maker_factory(centre=centre, public_display_name="Nərmin D.", consents=["name"]),
        "image": centre_image(centre),
    }


def listing(setup, *, shows_maker: bool):
    photo = {"image": setup["image"].pk, "alt_text": "Nərmin at the wheel", "ORDER": "0"}
    if shows_maker:
        photo["shows_maker"] = "on"
    return nested_form_data(
        {
            "title": "Mavi kasa",
            "slug": "mavi-kasa",
            "description": "Dulus çarxında düzəldilib.",
            "craft": setup["craft"].pk,
            "centre": setup["centre"].pk,
            "price": "45.00",
            "currency": "AZN",
            "stock": "2",
            "photos": inline_formset([photo]),
            "maker_shares": inline_formset([{"maker": setup["maker"].pk, "share_percent": "100"}]),
            "translations": inline_formset([]),
        }
    )


def test_a_photo_showing_a_maker_without_photo_consent_is_refused_naming_them(setup):
    response = setup["client"].post(reverse("wagtailsnippets_shop_product:add"), listing(setup, shows_maker=True))
    assert response.status_code == 200
    assert "Nərmin D. has no recorded consent to be shown in a photo" in response.content.decode()
    assert not Product.objects.filter(slug="mavi-kasa").exists()


def test_with_consent_it_is_listed_and_a_withdrawal_hides_it_from_the_shop(setup, product_factory):
    consent_record(maker=setup["maker"], scope=ConsentRecord.Scope.PHOTO)
    response = setup["client"].post(reverse("wagtailsnippets_shop_product:add"), listing(setup, shows_maker=True))
    assert response.status_code == 302
    assert ProductPhoto.objects.get(product__slug="mavi-kasa").shows_maker

    # On a published product, the photo is public while the consent lasts and hidden the moment it is withdrawn.
    product = product_factory(centre=setup["centre"], makers=[(setup["maker"], 100)])
    ProductPhoto.objects.create(product=product, image=setup["image"], alt_text="Nərmin", shows_maker=True)
    ProductPhoto.objects.create(product=product, image=setup["image"], alt_text="The bowl alone")
    assert len(product_for_page(product.slug).photos.all()) == 2
    consent_withdraw(maker=setup["maker"], scope=ConsentRecord.Scope.PHOTO)
    assert [photo.alt_text for photo in product_for_page(product.slug).photos.all()] == ["The bowl alone"]
