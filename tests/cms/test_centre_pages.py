"""Centre pages: what a buyer reads about a centre, who is named there, and how the shop's pages lead to it."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from beneficiaries.models import ConsentRecord
from cms.models import CentrePage
from shop.models import ProductStatus

from .centre_helpers import add_centre_page, centres_index

HOURS = [
    ("hours", {"days": "Monday to Friday", "hours": "10:00–18:00"}),
    ("hours", {"days": "Sunday", "hours": "Closed"}),
]


@pytest.fixture
def english():
    """Model validation speaks the active language (az outside a request); these tests read it in English."""
    with translation.override("en"):
        yield


@pytest.fixture
def baku(centre_factory):
    # English names, so the /en/ pages show them without the lang="az" fallback mark.
    return centre_factory(name="Baku", slug="baku", city="Baku", name_en="Baku", city_en="Baku")


def test_centre_page_shows_what_it_teaches_where_it_is_and_when_it_is_open(client, baku):
    add_centre_page(
        baku,
        phone="+994 12 555 01 23",
        opening_hours=HOURS,
        latitude=Decimal("40.379571"),
        longitude=Decimal("49.853475"),
    )
    response = client.get("/en/centres/baku/")
    text = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Baku centre</h1>" in text
    assert "Pottery, carpet weaving and wood carving" in text
    assert "<address>34 Samad Vurgun street<br>Baku AZ1022</address>" in text
    assert '<a href="tel:+994125550123">+994 12 555 01 23</a>' in text
    assert "<dt>Monday to Friday</dt><dd>10:00–18:00</dd>" in text
    assert "<dt>Sunday</dt><dd>Closed</dd>" in text
    # A link that says where it goes, not an embedded third-party map.
    assert 'href="https://www.openstreetmap.org/?mlat=40.379571&amp;mlon=49.853475#map=17/40.379571/49.853475"' in text
    assert "Show on a map (openstreetmap.org, opens in a new tab)" in text
    assert "<iframe" not in text


def test_an_editor_given_map_link_names_its_host(client, baku):
    add_centre_page(baku, map_url="https://maps.example.az/place/42")
    text = client.get("/en/centres/baku/").content.decode()
    assert 'href="https://maps.example.az/place/42"' in text
    assert "(maps.example.az, opens in a new tab)" in text


def test_without_coordinates_or_link_there_is_no_map_link(client, baku):
    add_centre_page(baku)
    assert "Show on a map" not in client.get("/en/centres/baku/").content.decode()


def test_only_makers_who_consented_to_their_name_are_named(client, baku, maker_factory, centre_factory):
    maker_factory(public_display_name="Aysel M.", slug="baku-usta-01", centre=baku)
    maker_factory(public_display_name="Hidden Person", slug="baku-usta-02", centre=baku, consents=[])
    maker_factory(public_display_name="Left Centre", slug="baku-usta-03", centre=baku, is_active=False)
    maker_factory(public_display_name="Elsewhere", slug="barda-usta-01", centre=centre_factory(slug="barda"))
    withdrawn = maker_factory(public_display_name="Withdrew Consent", slug="baku-usta-04", centre=baku)
    ConsentRecord.objects.filter(maker=withdrawn).update(withdrawn_at="2026-01-01T00:00:00Z")
    add_centre_page(baku)
    text = client.get("/en/centres/baku/").content.decode()
    assert '<a href="/en/shop/makers/baku-usta-01/">Aysel M.</a>' in text
    for name in ("Hidden Person", "Left Centre", "Elsewhere", "Withdrew Consent"):
        assert name not in text
    assert "baku-usta-02" not in text


def test_centre_page_lists_the_centres_work_on_sale_and_links_to_the_rest(
    client, baku, product_factory, centre_factory, settings
):
    for index in range(9):
        product_factory(title=f"Baku bowl {index}", centre=baku)
    product_factory(title="Draft bowl", centre=baku, status=ProductStatus.DRAFT)
    product_factory(title="Barda rug", centre=centre_factory(slug="barda"))
    add_centre_page(baku)
    text = client.get("/en/centres/baku/").content.decode()
    assert text.count('class="card"') == 8  # the newest eight; the rest are in the catalogue
    # The factory's titles are Azerbaijani text with no English translation, so they carry lang="az".
    assert ">Baku bowl 8</span></a>" in text and "Baku bowl 0<" not in text
    assert "Draft bowl" not in text and "Barda rug" not in text
    assert '<a href="/en/shop/?centre=baku">See all 9 items from this centre</a>' in text


def test_a_centre_without_products_says_so(client, baku):
    add_centre_page(baku)
    assert "No items for sale right now." in client.get("/en/centres/baku/").content.decode()


def test_product_maker_and_home_pages_link_to_the_centre_page(client, baku, maker_factory, product_factory):
    maker = maker_factory(public_display_name="Aysel M.", slug="aysel", centre=baku)
    product_factory(title="Blue bowl", slug="blue-bowl", centre=baku, makers=[(maker, Decimal("100"))])
    add_centre_page(baku)
    product = client.get("/en/shop/p/blue-bowl/").content.decode()
    assert '<dd><a href="/en/centres/baku/">Baku</a>, Baku</dd>' in product
    profile = client.get("/en/shop/makers/aysel/").content.decode()
    assert '<p class="maker__centre">Maker at <a href="/en/centres/baku/">Baku</a></p>' in profile
    home = client.get("/en/").content.decode()
    assert '<a class="tile" href="/en/centres/baku/">' in home


def test_without_a_page_in_the_language_the_links_lead_to_the_centres_work(
    client, baku, maker_factory, product_factory
):
    maker = maker_factory(public_display_name="Aysel M.", slug="aysel", centre=baku)
    product_factory(slug="blue-bowl", centre=baku, makers=[(maker, Decimal("100"))])
    add_centre_page(baku, language="en")
    product = client.get("/ru/shop/p/blue-bowl/").content.decode()
    assert '<a href="/ru/shop/?centre=baku"><span lang="az">Baku</span></a>' in product
    assert "/centres/" not in product
    assert '<a class="tile" href="/ru/shop/?centre=baku">' in client.get("/ru/").content.decode()
    assert "/centres/" not in client.get("/ru/shop/makers/aysel/").content.decode()


def test_unpublishing_a_centre_page_removes_the_links_at_once(client, baku, product_factory):
    product_factory(slug="blue-bowl", centre=baku)
    page = add_centre_page(baku)
    assert 'href="/en/centres/baku/"' in client.get("/en/shop/p/blue-bowl/").content.decode()
    page.unpublish()
    assert client.get("/en/centres/baku/").status_code == 404
    assert 'href="/en/centres/baku/"' not in client.get("/en/shop/p/blue-bowl/").content.decode()


def test_centres_index_lists_the_live_centre_pages(client, baku, centre_factory):
    add_centre_page(baku, intro="Our main workshop.")
    add_centre_page(centre_factory(name="Barda", slug="barda"), publish=False)
    text = client.get("/en/centres/").content.decode()
    assert '<h2><a href="/en/centres/baku/">Baku centre</a></h2>' in text
    assert "Our main workshop." in text
    assert "Barda centre" not in text


@pytest.mark.parametrize("path", ["/en/centres/nowhere/", "/en/centres/baku/extra/", "/xx/centres/baku/"])
def test_unknown_centre_addresses_answer_not_found(client, baku, path):
    add_centre_page(baku)
    response = client.get(path, follow=True)  # an unknown language prefix is first sent to the default one
    assert response.status_code == 404
    assert "<html" in response.content.decode()


def test_one_page_per_centre_and_language(baku, english):
    add_centre_page(baku, language="en")
    add_centre_page(baku, language="ru", slug="baku")  # another language: fine
    duplicate = CentrePage(title="Again", slug="baku-again", centre=baku, teaches="<p>x</p>", address="x")
    duplicate.locale = centres_index("en").locale
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "This language already has a page for the centre “Baku”." in error.value.message_dict["centre"]


def test_coordinates_come_in_pairs_and_a_photo_needs_alt_text(baku, image_factory, english):
    page = CentrePage(title="Baku", slug="baku", centre=baku, teaches="<p>x</p>", address="x", latitude=Decimal("40.1"))
    page.locale = centres_index("en").locale
    page.image = image_factory()
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert error.value.message_dict["longitude"] == ["Give both latitude and longitude, or neither."]
    assert error.value.message_dict["image_alt"] == ["Describe the photo for people who cannot see it."]
