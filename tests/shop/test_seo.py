"""What search engines see: titles, descriptions, canonical and alternate links, sitemap.xml, robots.txt."""

import re
from decimal import Decimal

import pytest

from shop.models import ProductStatus
from tests.sitemaps import sitemap_locations, sitemap_pages, sitemap_text


@pytest.fixture
def catalogue(product_factory, maker_factory, centre_factory):
    centre = centre_factory(slug="baku")
    named = maker_factory(slug="named-maker", centre=centre)
    unnamed = maker_factory(slug="unnamed-maker", centre=centre, consents=[])
    inactive = maker_factory(slug="inactive-maker", centre=centre, is_active=False)
    return {
        "public": product_factory(slug="public-bowl", title="Public bowl", makers=[(named, Decimal("100"))]),
        "other": product_factory(slug="other-bowl", title="Other bowl", makers=[(unnamed, Decimal("100"))]),
        "draft": product_factory(slug="draft-bowl", status=ProductStatus.DRAFT, makers=[(named, Decimal("100"))]),
        "orphan": product_factory(slug="orphan-bowl", makers=[(inactive, Decimal("100"))]),
    }


def head(client, url) -> dict:
    response = client.get(url)
    assert response.status_code == 200
    text = response.content.decode()
    return {
        "title": re.search(r"<title>(.*?)</title>", text, re.S).group(1),
        "description": re.search(r'<meta name="description" content="([^"]*)">', text).group(1),
        "canonical": re.search(r'<link rel="canonical" href="([^"]+)">', text).group(1),
        "alternates": dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', text)),
    }


def test_every_page_has_its_own_title_and_a_description(client, catalogue):
    urls = [
        "/en/",
        "/en/stories/",
        "/en/shop/",
        "/en/shop/?craft=" + catalogue["public"].craft.slug,
        "/en/shop/p/public-bowl/",
        "/en/shop/p/other-bowl/",
        "/en/shop/makers/named-maker/",
    ]
    heads = [head(client, url) for url in urls]
    titles = [h["title"] for h in heads]
    assert len(set(titles)) == len(titles), titles
    assert all(len(h["description"]) > 20 for h in heads)


def test_canonical_is_absolute_and_drops_filters_and_sorting(client, catalogue, settings):
    settings.SHOP_CATALOGUE_PAGE_SIZE = 1
    assert (
        head(client, "/en/shop/?sort=price_asc&utm_source=x&page=2")["canonical"] == "http://testserver/en/shop/?page=2"
    )
    assert head(client, "/en/shop/?page=1")["canonical"] == "http://testserver/en/shop/"
    assert head(client, "/ru/shop/p/public-bowl/")["canonical"] == "http://testserver/ru/shop/p/public-bowl/"


def test_hreflang_alternates_for_every_language(client, catalogue):
    alternates = head(client, "/ru/shop/p/public-bowl/")["alternates"]
    assert alternates == {
        "az": "http://testserver/az/shop/p/public-bowl/",
        "x-default": "http://testserver/az/shop/p/public-bowl/",
        "ru": "http://testserver/ru/shop/p/public-bowl/",
        "en": "http://testserver/en/shop/p/public-bowl/",
    }
    home = head(client, "/en/")["alternates"]
    assert home["az"] == "http://testserver/az/" and home["ru"] == "http://testserver/ru/"


def test_sitemap_lists_every_public_product_maker_and_page_in_every_language(client, catalogue):
    sitemap = sitemap_text(client)
    locations = set(re.findall(r"<loc>([^<]+)</loc>", sitemap))
    for language in ("az", "ru", "en"):
        assert f"http://testserver/{language}/shop/p/public-bowl/" in locations
        assert f"http://testserver/{language}/shop/p/other-bowl/" in locations
        assert f"http://testserver/{language}/shop/makers/named-maker/" in locations
        assert f"http://testserver/{language}/shop/" in locations
        assert f"http://testserver/{language}/" in locations
        assert f"http://testserver/{language}/stories/" in locations
    text = " ".join(locations)
    for hidden in ("draft-bowl", "orphan-bowl", "unnamed-maker", "inactive-maker", "/cart/", "/checkout/"):
        assert hidden not in text
    assert 'hreflang="ru" href="http://testserver/ru/shop/p/public-bowl/"' in sitemap


def test_sitemap_ignores_the_host_header(client, catalogue):
    assert "evil.example" not in client.get("/sitemap.xml", HTTP_HOST="evil.example").content.decode()
    assert "evil.example" not in client.get("/sitemap-products.xml", HTTP_HOST="evil.example").content.decode()


def test_sitemap_index_splits_sections_into_pages_that_list_every_product_in_every_language(
    client, catalogue, product_factory, monkeypatch
):
    from shop.catalogue.seo import ProductSitemap

    monkeypatch.setattr(ProductSitemap, "limit", 4)  # (product, language) entries a page
    slugs = ["public-bowl", "other-bowl"] + [product_factory(slug=f"extra-{i}").slug for i in range(5)]
    pages = [url for url in sitemap_pages(client) if "/sitemap-products.xml" in url]
    assert pages == [
        "http://testserver/sitemap-products.xml",
        *[f"http://testserver/sitemap-products.xml?p={n}" for n in range(2, 7)],
    ]  # 7 products x 3 languages = 21 entries, 4 a page
    locations = sitemap_locations(client)
    for slug in slugs:
        for language in ("az", "ru", "en"):
            assert f"http://testserver/{language}/shop/p/{slug}/" in locations
    for query in ({"p": "7"}, {"p": "abc"}, {"p": "-1"}):
        assert client.get("/sitemap-products.xml", query).status_code == 404, query
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_a_sitemap_page_holds_at_most_10000_addresses():
    from cms.seo import SITEMAPS

    # A page's <url> entries are its limit (Django pages (item, language) pairs); alternates sit inside them.
    assert all(section.limit <= 10_000 for section in SITEMAPS.values())


def test_robots_txt(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for path in ("/admin/", "/django-admin/", "/az/shop/cart/", "/ru/shop/checkout/", "/en/shop/orders/"):
        assert f"Disallow: {path}" in lines
    assert "Disallow: /" not in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_not_found_page_is_not_indexed(client, db):
    response = client.get("/en/shop/p/nothing-here/")
    assert response.status_code == 404
    text = response.content.decode()
    assert '<meta name="robots" content="noindex">' in text
    assert "Page not found" in text
