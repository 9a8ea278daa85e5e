"""The product page: what a buyer reads about an item, who made it and how much of the price they get."""

import html
import io
import json
import re
from decimal import Decimal

import pytest
from django.core.files.images import ImageFile
from wagtail.models import Locale

from shop.models import ProductPhoto, ProductStatus, ProductTranslation
from tests.factories import png_bytes

JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
MAKER_AMOUNT = re.compile(r'class="made-by__amount">AZN\xa0([\d,.]+)</span>')


def page_text(client, product, language="en") -> str:
    response = client.get(f"/{language}/shop/p/{product.slug}/")
    assert response.status_code == 200
    return response.content.decode()


def amount(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def test_shows_price_stock_facts_and_centre(client, product_factory, centre_factory):
    centre = centre_factory(name="Barda centre", slug="barda", city="Barda")
    product = product_factory(
        title="Walnut box",
        price=Decimal("1234.50"),
        stock=5,
        materials="walnut, beeswax",
        dimensions="20 x 12 x 8 cm",
        care="Wipe with a dry cloth",
        centre=centre,
    )
    text = page_text(client, product)
    # Only the Azerbaijani text exists, so the English page shows it marked as Azerbaijani.
    assert '<h1><span lang="az">Walnut box</span></h1>' in text
    assert "AZN\xa01,234.50" in text
    assert "5 in stock" in text
    for fact in ("walnut, beeswax", "20 x 12 x 8 cm", "Wipe with a dry cloth", "Barda centre"):
        assert fact in text
    assert "1.234,50" in page_text(client, product, "az")  # money formatted for the buyer's language


def test_sold_out_and_made_to_order(client, product_factory):
    assert "Sold out" in page_text(client, product_factory(stock=0))
    made_to_order = product_factory(stock=0, made_to_order=True, lead_time_days=14)
    assert "Made to order, ready in 14 days" in page_text(client, made_to_order)
    assert "На заказ, будет готово через 14 дней" in page_text(client, made_to_order, "ru")


def test_maker_shares_add_up_to_the_makers_part_of_the_price(client, product_factory, centre_factory, maker_factory):
    centre = centre_factory(commission_percent=Decimal("17.50"))
    makers = [maker_factory(centre=centre) for _ in range(3)]
    product = product_factory(
        price=Decimal("99.99"),
        centre=centre,
        makers=[(makers[0], Decimal("33.33")), (makers[1], Decimal("33.33")), (makers[2], Decimal("33.34"))],
    )
    text = page_text(client, product)
    # 99.99 × 82.5 % = 82.49175 → 82.49 to the makers, 17.50 to the centre: together exactly the price.
    assert "<strong>AZN\xa082.49</strong> (82.5%) of the price goes to the makers." in text
    assert "keeps AZN\xa017.50 (17.5%)" in text
    parts = [amount(value) for value in MAKER_AMOUNT.findall(text)]
    assert parts == [Decimal("27.50"), Decimal("27.49"), Decimal("27.50")]
    assert sum(parts) == Decimal("82.49")


def test_made_by_links_only_makers_who_consented_to_their_name(client, product_factory, centre_factory, maker_factory):
    centre = centre_factory(name="Ismayilli centre")
    named = maker_factory(public_display_name="Leyla", slug="leyla", centre=centre)
    unnamed = maker_factory(public_display_name="Secret Name", slug="secret-name", centre=centre, consents=[])
    product = product_factory(centre=centre, makers=[(named, Decimal("70")), (unnamed, Decimal("30"))])
    text = page_text(client, product)
    assert '<a href="/en/shop/makers/leyla/">Leyla</a>' in text
    assert 'a maker of <span lang="az">Ismayilli centre</span>' in text  # no English name for the centre yet
    assert "Secret Name" not in text
    assert "secret-name" not in text


@pytest.mark.parametrize("status", [ProductStatus.DRAFT, ProductStatus.IN_REVIEW, ProductStatus.ARCHIVED])
def test_non_public_products_are_not_found(client, product_factory, status):
    product = product_factory(status=status)
    assert client.get(f"/en/shop/p/{product.slug}/").status_code == 404


def test_product_of_an_inactive_maker_is_not_found(client, product_factory, maker_factory):
    product = product_factory(
        makers=[(maker_factory(), Decimal("50")), (maker_factory(is_active=False), Decimal("50"))]
    )
    assert client.get(f"/en/shop/p/{product.slug}/").status_code == 404
    assert client.get("/en/shop/p/no-such-thing/").status_code == 404


def test_json_ld_product_with_price_and_availability(client, product_factory):
    product = product_factory(title="Copper tray", price=Decimal("40"), stock=0, made_to_order=True, lead_time_days=7)
    data = json.loads(JSONLD.search(page_text(client, product)).group(1))
    assert data["@type"] == "Product"
    assert data["name"] == "Copper tray"
    assert data["sku"]
    assert data["offers"]["price"] == "40.00"
    assert data["offers"]["priceCurrency"] == "AZN"
    assert data["offers"]["availability"] == "https://schema.org/PreOrder"
    assert data["offers"]["url"] == f"http://testserver/en/shop/p/{product.slug}/"


@pytest.mark.parametrize(
    ("stock", "made_to_order", "availability"),
    [(3, False, "https://schema.org/InStock"), (0, False, "https://schema.org/OutOfStock")],
)
def test_json_ld_availability(client, product_factory, stock, made_to_order, availability):
    product = product_factory(stock=stock, made_to_order=made_to_order)
    data = json.loads(JSONLD.search(page_text(client, product)).group(1))
    assert data["offers"]["availability"] == availability


def test_json_ld_cannot_be_broken_out_of_by_product_text(client, product_factory):
    nasty = '</script><script>alert("x")</script> & <!--'
    product = product_factory(title=nasty, description=nasty, photos=1)
    text = page_text(client, product)
    block = JSONLD.search(text).group(1)
    assert "<" not in block and ">" not in block and "&" not in block
    data = json.loads(block)
    assert data["name"] == nasty
    assert data["image"][0].startswith("http://testserver/media/")
    assert '<script>alert("x")' not in text


def test_gallery_uses_responsive_webp_with_alt_text_and_lazy_loading(client, product_factory, image_factory):
    product = product_factory(title="Jug")
    for index in range(3):  # large enough originals that each size is its own file (a srcset of real choices)
        image = image_factory(file=ImageFile(io.BytesIO(png_bytes(size=(1300, 975))), name="jug.png"))
        ProductPhoto.objects.create(product=product, image=image, alt_text=f"Jug, view {index + 1}", sort_order=index)
    text = page_text(client, product)
    gallery = text.split("data-gallery>")[1].split("<dialog")[0]
    main, *thumbnails = re.findall(r"<img [^>]*>", gallery)
    assert "srcset=" in main and ".webp" in main and "sizes=" in main
    assert 'alt="Jug, view 1"' in main and 'loading="lazy"' not in main
    assert len(thumbnails) == 3
    assert all(".webp" in img and 'loading="lazy"' in img for img in thumbnails)
    assert [re.search(r'alt="([^"]*)"', img).group(1) for img in thumbnails] == [f"Jug, view {n}" for n in (1, 2, 3)]


def test_without_javascript_the_main_photo_and_thumbnails_link_to_the_larger_photo(
    client, product_factory, image_factory
):
    product = product_factory(title="Jug")
    for index in range(2):
        image = image_factory(file=ImageFile(io.BytesIO(png_bytes(size=(1700, 1275))), name="jug.png"))
        ProductPhoto.objects.create(product=product, image=image, alt_text=f"Jug, view {index + 1}", sort_order=index)
    text = page_text(client, product)
    zoom = re.search(r'<a class="gallery__zoom" href="([^"]+)"', text).group(1)
    thumbnails = re.findall(r'<a class="gallery__thumb" href="([^"]+)"( aria-current="true")?', text)
    assert [current for _href, current in thumbnails] == [' aria-current="true"', ""]  # the shown one is marked
    assert zoom == thumbnails[0][0] and thumbnails[0][0] != thumbnails[1][0]
    assert "Open a larger photo" in text and "Photo 2 of 2:" in text
    large = product.photos.first().image.renditions.get(filter_spec="width-1600|format-webp")
    assert zoom == large.url and large.width == 1600  # the larger photo, not the 1200 px main view


def test_translated_text_for_the_active_language(client, product_factory):
    product = product_factory(title="Blue bowl", description="Glazed by hand.")
    ProductTranslation.objects.create(
        product=product, locale=Locale.objects.get(language_code="ru"), title="Синяя чаша", description=""
    )
    ru = page_text(client, product, "ru")
    assert "<h1>Синяя чаша</h1>" in ru
    assert "Glazed by hand." in ru  # an empty translated field falls back to the original
    assert '<h1><span lang="az">Blue bowl</span></h1>' in page_text(client, product, "en")  # no English: az, marked


def test_related_items_by_the_same_makers(client, product_factory, maker_factory):
    maker = maker_factory()
    product = product_factory(title="Main piece", makers=[(maker, Decimal("100"))])
    for index in range(5):
        product_factory(title=f"Sibling {index}", makers=[(maker, Decimal("100"))])
    product_factory(title="Hidden sibling", status=ProductStatus.DRAFT, makers=[(maker, Decimal("100"))])
    product_factory(title="Someone else's")
    text = page_text(client, product)
    related = text.split('id="related-heading"')[1]
    titles = [
        html.unescape(t)
        for t in re.findall(r'class="card__title"><a href="[^"]+">(?:<span lang="az">)?([^<]+)', related)
    ]
    assert titles == ["Sibling 4", "Sibling 3", "Sibling 2", "Sibling 1"]
