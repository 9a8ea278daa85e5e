"""The listing form: Azerbaijani title and description required, Russian and English in the same form, several
photos each with alt text, and a preview of the real product page."""

from decimal import Decimal

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from shop.models import Product, ProductTranslation


def listing(
    listing_setup, *, description="Dulus çarxında düzəldilib.", alt_texts=("Blue bowl, top", "Blue bowl, side")
):
    for code in ("ru", "en"):
        Locale.objects.get_or_create(language_code=code)
    return nested_form_data(
        {
            "title": "Mavi kasa",
            "slug": "mavi-kasa",
            "description": description,
            "craft": listing_setup["craft"].pk,
            "centre": listing_setup["centre"].pk,
            "price": "45.00",
            "currency": "AZN",
            "stock": "2",
            "photos": inline_formset(
                [
                    {"image": image.pk, "alt_text": alt, "ORDER": str(index)}
                    for index, (image, alt) in enumerate(zip(listing_setup["images"], alt_texts, strict=True))
                ]
            ),
            "maker_shares": inline_formset([{"maker": listing_setup["maker"].pk, "share_percent": "100"}]),
            "translations": inline_formset(
                [
                    {
                        "locale": Locale.objects.get(language_code="ru").pk,
                        "title": "Синяя чаша",
                        "description": "Сделана на гончарном круге.",
                        "materials": "",
                        "care": "",
                    }
                ]
            ),
        }
    )


def test_one_form_lists_the_item_with_translations_and_two_photos(listing_setup):
    response = listing_setup["client"].post(reverse("wagtailsnippets_shop_product:add"), listing(listing_setup))
    assert response.status_code == 302
    product = Product.objects.get(slug="mavi-kasa")
    assert [p.alt_text for p in product.photos.order_by("sort_order")] == ["Blue bowl, top", "Blue bowl, side"]
    assert ProductTranslation.objects.get(product=product).title == "Синяя чаша"
    assert product.maker_shares.get().share_percent == Decimal("100")


@pytest.mark.parametrize(
    "overrides",
    [{"description": ""}, {"alt_texts": ("Blue bowl, top", "")}],
    ids=["no Azerbaijani description", "a photo without alt text"],
)
def test_required_parts_are_asked_for(listing_setup, overrides):
    response = listing_setup["client"].post(
        reverse("wagtailsnippets_shop_product:add"), listing(listing_setup, **overrides)
    )
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not Product.objects.filter(slug="mavi-kasa").exists()


def test_the_form_explains_good_alt_text(listing_setup):
    page = listing_setup["client"].get(reverse("wagtailsnippets_shop_product:add")).content.decode()
    assert "what the item is, its colour, pattern" in page and "Translations (Russian and English" in page


def test_preview_shows_the_real_product_page_with_the_draft(listing_setup):
    client = listing_setup["client"]
    url = reverse("wagtailsnippets_shop_product:preview_on_add")
    checked = client.post(url, listing(listing_setup))
    assert checked.status_code == 200 and checked.json()["is_valid"]
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="az")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Mavi kasa" in html and "45" in html and 'class="made-by"' in html
    assert not Product.objects.filter(slug="mavi-kasa").exists()  # a preview saves nothing


def test_an_empty_slug_is_made_from_the_title(listing_setup):
    data = listing(listing_setup)
    data["slug"] = ""
    response = listing_setup["client"].post(reverse("wagtailsnippets_shop_product:add"), data)
    assert response.status_code == 302
    assert Product.objects.filter(slug="mavi-kasa").exists()
