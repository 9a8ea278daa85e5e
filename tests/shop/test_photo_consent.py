"""A photo that shows a maker is listed only with their recorded photo consent, and hidden once it is withdrawn."""

from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from beneficiaries.models import ConsentRecord
from beneficiaries.services import consent_record, consent_withdraw
from shop.catalogue.selectors import product_for_page
from shop.models import Product, ProductPhoto


def listing(listing_setup, *, shows_maker: bool):
    photo = {"image": listing_setup["images"][0].pk, "alt_text": "Nərmin at the wheel", "ORDER": "0"}
    if shows_maker:
        photo["shows_maker"] = "on"
    return nested_form_data(
        {
            "title": "Mavi kasa",
            "slug": "mavi-kasa",
            "description": "Dulus çarxında düzəldilib.",
            "craft": listing_setup["craft"].pk,
            "centre": listing_setup["centre"].pk,
            "price": "45.00",
            "currency": "AZN",
            "stock": "2",
            "photos": inline_formset([photo]),
            "maker_shares": inline_formset([{"maker": listing_setup["maker"].pk, "share_percent": "100"}]),
            "translations": inline_formset([]),
        }
    )


def test_a_photo_showing_a_maker_without_photo_consent_is_refused_naming_them(listing_setup):
    listing_setup["maker"].public_display_name = "Nərmin D."
    listing_setup["maker"].save(update_fields=["public_display_name"])
    response = listing_setup["client"].post(
        reverse("wagtailsnippets_shop_product:add"), listing(listing_setup, shows_maker=True)
    )
    assert response.status_code == 200
    assert "Nərmin D. has no recorded consent to be shown in a photo" in response.content.decode()
    assert not Product.objects.filter(slug="mavi-kasa").exists()


def test_with_consent_it_is_listed_and_a_withdrawal_hides_it_from_the_shop(listing_setup, product_factory):
    listing_setup["image"] = listing_setup["images"][0]
    consent_record(maker=listing_setup["maker"], scope=ConsentRecord.Scope.PHOTO)
    response = listing_setup["client"].post(
        reverse("wagtailsnippets_shop_product:add"), listing(listing_setup, shows_maker=True)
    )
    assert response.status_code == 302
    assert ProductPhoto.objects.get(product__slug="mavi-kasa").shows_maker

    # On a published product, the photo is public while the consent lasts and hidden the moment it is withdrawn.
    product = product_factory(centre=listing_setup["centre"], makers=[(listing_setup["maker"], 100)])
    ProductPhoto.objects.create(product=product, image=listing_setup["image"], alt_text="Nərmin", shows_maker=True)
    ProductPhoto.objects.create(product=product, image=listing_setup["image"], alt_text="The bowl alone")
    assert len(product_for_page(product.slug).photos.all()) == 2
    consent_withdraw(maker=listing_setup["maker"], scope=ConsentRecord.Scope.PHOTO)
    assert [photo.alt_text for photo in product_for_page(product.slug).photos.all()] == ["The bowl alone"]
