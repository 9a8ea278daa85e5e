"""The logo, the favicon, the editor-chosen home page hero and the Open Graph tags a shared link shows."""

import re
from decimal import Decimal

import pytest
from django.contrib.staticfiles import finders

from beneficiaries.models import ConsentRecord
from cms.models import HomePage, InformationPage
from demo import pages as demo_pages
from tests.cms.stories import story_body

from .test_home import add_story

pytestmark = pytest.mark.django_db


def meta(html: str) -> dict[str, list[str]]:
    """{property or name: [content, ...]} of the page's <meta> tags."""
    found: dict[str, list[str]] = {}
    for key, content in re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)">', html):
        found.setdefault(key, []).append(content)
    return found


def test_header_shows_the_logo_beside_the_name_and_the_favicon_is_linked(client):
    html = client.get("/en/").content.decode()
    brand = re.search(r'<a class="brand"[^>]*>(.*?)</a>', html, re.S).group(1)
    # The name is the logo's text alternative, so the image itself is marked decorative.
    assert '<img class="brand__logo" src="/static/img/logo.svg" alt=""' in brand
    assert '<span class="brand__name">Əl işləri</span>' in brand
    assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in html
    for name in ("img/favicon.svg", "img/logo.svg", "img/og-default.png", "img/apple-touch-icon.png"):
        assert finders.find(name), name


@pytest.mark.parametrize(
    ("language", "locale", "alternates"), [("az", "az_AZ", ["ru_RU", "en_GB"]), ("ru", "ru_RU", ["az_AZ", "en_GB"])]
)
def test_home_page_shares_the_shop_card_with_absolute_urls(client, language, locale, alternates):
    tags = meta(client.get(f"/{language}/").content.decode())
    assert tags["og:url"] == [f"http://testserver/{language}/"]
    assert tags["og:image"] == ["http://testserver/static/img/og-default.png"]
    assert tags["og:image:alt"]
    assert tags["og:locale"] == [locale]
    assert tags["og:locale:alternate"] == alternates
    assert tags["og:title"] == [HomePage.objects.get(locale__language_code=language).hero_title]
    assert tags["og:description"][0]
    assert tags["twitter:card"] == ["summary_large_image"]


def test_home_hero_falls_back_to_a_pattern_and_the_catalogue_when_editors_chose_nothing(client):
    html = client.get("/en/").content.decode()
    hero = re.search(r'<section class="hero".*?</section>', html, re.S).group(0)
    assert '<img src="/static/img/hero-fallback.svg" alt=""' in hero
    assert '<a class="button button--large" href="/en/shop/">Browse all handmade work</a>' in hero


def test_home_hero_shows_the_chosen_photo_and_links_to_the_chosen_page_in_the_buyers_language(client, image_factory):
    locales = demo_pages.locales_ensure()
    demo_pages.information_pages_ensure(HomePage.objects.get(locale=locales["az"]), locales)
    about_az = InformationPage.objects.get(purpose="about", locale=locales["az"])
    for home in HomePage.objects.all():
        home.hero_image, home.hero_image_alt = image_factory(), "Carpets on the loom in Barda"
        home.hero_link_page = about_az  # chosen once; each language links to its own translation
        home.save_revision().publish()

    html = client.get("/ru/").content.decode()
    hero = re.search(r'<section class="hero".*?</section>', html, re.S).group(0)
    assert 'alt="Carpets on the loom in Barda"' in hero
    assert "hero-fallback.svg" not in hero
    assert '<a class="button button--large" href="/ru/about/">О центре</a>' in hero
    tags = meta(html)
    assert re.fullmatch(r"http://testserver/media/images/.*\.fill-1200x630.*\.jpg", tags["og:image"][0])
    assert tags["og:image:alt"] == ["Carpets on the loom in Barda"]


def test_product_page_shares_its_first_photo(client, product_factory, maker_factory):
    maker = maker_factory()
    product = product_factory(
        title="Blue bowl", slug="blue-bowl", photos=2, centre=maker.centre, makers=[(maker, Decimal("100"))]
    )
    tags = meta(client.get("/en/shop/p/blue-bowl/").content.decode())
    first = product.photos.order_by("sort_order").first()
    assert tags["og:title"] == ["Blue bowl"]
    assert tags["og:url"] == ["http://testserver/en/shop/p/blue-bowl/"]
    assert tags["og:image"] == [f"http://testserver{first.image.get_rendition('fill-1200x630|format-jpeg').url}"]
    assert tags["og:image:alt"] == ["Blue bowl, view 1"]


def test_product_without_photos_shares_the_shop_card(client, product_factory, maker_factory):
    maker = maker_factory()
    product_factory(slug="no-photo", centre=maker.centre, makers=[(maker, Decimal("100"))])
    assert meta(client.get("/en/shop/p/no-photo/").content.decode())["og:image"] == [
        "http://testserver/static/img/og-default.png"
    ]


def test_story_page_shares_the_story_image_as_an_article(client, maker_factory, image_factory):
    maker = maker_factory(consents=[ConsentRecord.Scope.NAME, ConsentRecord.Scope.STORY])
    picture = story_body(image=image_factory(), image_alt="Hands shaping a bowl", shows_maker=False)
    story = add_story(maker, title="Clay and patience", language="en", body=picture)
    tags = meta(client.get(story.url).content.decode())
    assert tags["og:type"] == ["article"]
    assert tags["og:url"] == [f"http://testserver{story.url}"]
    assert tags["og:image"][0].startswith("http://testserver/media/images/")
    assert tags["og:image:alt"] == ["Hands shaping a bowl"]
