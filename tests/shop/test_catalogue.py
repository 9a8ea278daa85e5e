"""The catalogue as a buyer uses it: filters, sorting, search, pagination, bad input and languages."""

import html
import re
from decimal import Decimal

import pytest
from wagtail.models import Locale

from beneficiaries.models import ConsentRecord
from beneficiaries.services import consent_withdraw
from shop.models import Product, ProductStatus, ProductTranslation

CARD_TITLE = re.compile(r'class="card__title"><a href="[^"]+">(.+?)</a></h3>')


def card_titles(response) -> list[str]:
    """The card titles as a buyer reads them (search marks matched words with <mark>)."""
    assert response.status_code == 200
    return [
        html.unescape(re.sub(r"</?(?:mark|span)[^>]*>", "", title))
        for title in CARD_TITLE.findall(response.content.decode())
    ]


@pytest.fixture
def shop(centre_factory, maker_factory, craft_factory, product_factory):
    """Four public products (created oldest first) and one of each kind that must never be listed."""
    baku = centre_factory(name="Baku centre", slug="baku")
    ismayilli = centre_factory(name="Ismayilli centre", slug="ismayilli")
    pottery = craft_factory(name="Pottery", slug="pottery")
    carpets = craft_factory(name="Carpets and rugs", slug="carpets")
    aysel = maker_factory(public_display_name="Aysel", slug="aysel", centre=baku)
    rashad = maker_factory(public_display_name="Rəşad", slug="rashad", centre=ismayilli)
    hidden = maker_factory(public_display_name="Gizli", slug="gizli", centre=baku, consents=[])
    inactive = maker_factory(public_display_name="Former", slug="former", centre=baku, is_active=False)

    def make(title, craft, centre, maker, price, **extra):
        defaults = {"description": "Handmade.", "materials": "", "stock": 1}
        defaults.update(extra)
        return product_factory(
            title=title, craft=craft, centre=centre, price=Decimal(price), makers=[(maker, Decimal("100"))], **defaults
        )

    make("Blue bowl", pottery, baku, aysel, "20.00", description="Thrown on the wheel.", materials="clay, cobalt glaze")
    make("Red carpet", carpets, ismayilli, rashad, "300.00", stock=0, made_to_order=True, lead_time_days=30)
    make("Small rug", carpets, baku, aysel, "120.00", materials="wool, madder dye")
    make("Clay jug", pottery, baku, hidden, "45.00", stock=2)
    for status in (ProductStatus.DRAFT, ProductStatus.IN_REVIEW, ProductStatus.ARCHIVED):
        make(f"Vase {status}", pottery, baku, aysel, "10.00", status=status)
    make("Vase by a former maker", pottery, baku, inactive, "10.00")
    return {"aysel": aysel, "rashad": rashad, "hidden": hidden}


PUBLIC_NEWEST_FIRST = ["Clay jug", "Small rug", "Red carpet", "Blue bowl"]


def test_lists_only_public_products_newest_first(client, shop):
    assert card_titles(client.get("/en/shop/")) == PUBLIC_NEWEST_FIRST


def test_product_with_one_inactive_maker_among_several_is_not_listed(client, shop, product_factory, maker_factory):
    former = maker_factory(is_active=False)
    product_factory(title="Shared work", makers=[(shop["aysel"], Decimal("50")), (former, Decimal("50"))])
    assert "Shared work" not in card_titles(client.get("/en/shop/"))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("craft=pottery", ["Clay jug", "Blue bowl"]),
        ("craft=carpets", ["Small rug", "Red carpet"]),
        ("centre=ismayilli", ["Red carpet"]),
        ("maker=aysel", ["Small rug", "Blue bowl"]),
        ("min_price=100", ["Small rug", "Red carpet"]),
        ("max_price=45", ["Clay jug", "Blue bowl"]),
        ("min_price=30&max_price=200", ["Clay jug", "Small rug"]),
        ("min_price=200&max_price=30", ["Clay jug", "Small rug"]),  # swapped bounds still mean the range
        ("availability=in_stock", ["Clay jug", "Small rug", "Blue bowl"]),
        ("availability=made_to_order", ["Red carpet"]),
    ],
)
def test_each_filter(client, shop, query, expected):
    assert card_titles(client.get(f"/en/shop/?{query}")) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("craft=carpets&centre=baku", ["Small rug"]),
        ("craft=pottery&availability=in_stock&max_price=30", ["Blue bowl"]),
        ("maker=aysel&q=wool", ["Small rug"]),
        ("centre=baku&q=clay&sort=price_desc", ["Clay jug", "Blue bowl"]),
        ("craft=carpets&centre=ismayilli&availability=in_stock", []),
    ],
)
def test_filters_and_search_combine(client, shop, query, expected):
    assert card_titles(client.get(f"/en/shop/?{query}")) == expected


def test_sorting(client, shop):
    assert card_titles(client.get("/en/shop/?sort=price_asc")) == ["Blue bowl", "Clay jug", "Small rug", "Red carpet"]
    assert card_titles(client.get("/en/shop/?sort=price_desc")) == ["Red carpet", "Small rug", "Clay jug", "Blue bowl"]
    assert card_titles(client.get("/en/shop/?sort=newest")) == PUBLIC_NEWEST_FIRST


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("bowl", ["Blue bowl"]),  # title
        ("WHEEL", ["Blue bowl"]),  # description, any case
        ("cobalt", ["Blue bowl"]),  # materials
        ("aysel", ["Small rug", "Blue bowl"]),  # maker's public name
        ("rəşad", ["Red carpet"]),  # non-ASCII maker name, lower case
        ("RƏŞAD", ["Red carpet"]),  # ... and upper case, on SQLite too
        ("wool madder", ["Small rug"]),  # every word must match somewhere
        ("wool cobalt", []),
        ("  bowl   ", ["Blue bowl"]),
    ],
)
def test_search_over_title_description_materials_and_maker_names(client, shop, q, expected):
    assert card_titles(client.get("/en/shop/", {"q": q})) == expected


def test_search_ignores_names_of_makers_without_name_consent(client, shop):
    assert card_titles(client.get("/en/shop/", {"q": "Gizli"})) == []


def test_search_stops_matching_a_name_once_consent_is_withdrawn(client, shop):
    consent_withdraw(maker=shop["rashad"], scope=ConsentRecord.Scope.NAME)
    assert card_titles(client.get("/en/shop/", {"q": "Rəşad"})) == []


def test_search_matches_translated_text_and_folds_cyrillic_case(client, shop):
    bowl = Product.objects.get(title="Blue bowl")
    ProductTranslation.objects.create(product=bowl, locale=Locale.objects.get(language_code="ru"), title="Синяя чаша")
    assert card_titles(client.get("/ru/shop/", {"q": "ЧАША"})) == ["Синяя чаша"]


def test_nothing_found_state_offers_to_reset_filters(client, shop):
    response = client.get("/en/shop/", {"q": "submarine", "craft": "pottery"})
    text = response.content.decode()
    assert card_titles(response) == []
    assert "Nothing found." in text
    assert 'href="/en/shop/">Reset all filters</a>' in text


@pytest.mark.parametrize(
    "query",
    [
        "craft=nonexistent",
        "centre=atlantis",
        "maker=gizli",  # a maker without name consent is not a filter option
        "min_price=abc&max_price=NaN",
        "min_price=1e999",
        "availability=soon",
        "sort=evil",
        "sort=price_asc;DROP TABLE shop_product",
    ],
)
def test_unknown_filter_values_are_ignored(client, shop, query):
    titles = card_titles(client.get(f"/en/shop/?{query}"))
    assert sorted(titles) == sorted(PUBLIC_NEWEST_FIRST)


def test_invalid_price_is_reported_next_to_its_field(client, shop):
    text = client.get("/en/shop/?min_price=abc").content.decode()
    assert 'aria-describedby="id_min_price_error"' in text
    assert 'id="id_min_price_error" role="alert">Enter a number.' in text


@pytest.mark.parametrize(("page", "expected"), [("-1", 1), ("0", 1), ("abc", 1), ("", 1), ("2", 2), ("9999", 2)])
def test_page_numbers_are_clamped(client, shop, settings, page, expected):
    settings.SHOP_CATALOGUE_PAGE_SIZE = 3
    response = client.get("/en/shop/", {"page": page})
    titles = card_titles(response)
    assert titles == (PUBLIC_NEWEST_FIRST[:3] if expected == 1 else PUBLIC_NEWEST_FIRST[3:])
    assert f'aria-current="page"><span class="visually-hidden">Page </span>{expected}</a>' in response.content.decode()


def test_pagination_links_keep_filters_and_search(client, shop, settings):
    settings.SHOP_CATALOGUE_PAGE_SIZE = 1
    text = client.get("/en/shop/", {"craft": "pottery", "q": "clay", "sort": "price_asc"}).content.decode()
    assert 'href="?craft=pottery&amp;q=clay&amp;sort=price_asc&amp;page=2" rel="next"' in text


def test_a_very_long_search_is_cut_and_still_works(client, shop):
    response = client.get("/en/shop/", {"q": "bowl " + "x" * 1995})
    assert response.status_code == 200
    value = re.search(r'name="q" value="([^"]*)"', response.content.decode()).group(1)
    assert len(value) == 200
    assert value.startswith("bowl xxx")


def test_html_in_search_is_escaped_when_echoed(client, shop):
    text = client.get("/en/shop/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_sql_metacharacters_in_search_are_plain_text(client, shop):
    response = client.get("/en/shop/", {"q": "' OR 1=1 --"})
    assert card_titles(response) == []
    assert "&#x27; OR 1=1 --" in response.content.decode()
    assert card_titles(client.get("/en/shop/", {"q": "%"})) == []
    assert card_titles(client.get("/en/shop/", {"q": "_"})) == []


@pytest.mark.parametrize(
    ("language", "ui_text"),
    [("az", "Bütün əl işləri"), ("ru", "Все изделия ручной работы"), ("en", "All handmade work")],
)
def test_catalogue_in_each_language(client, shop, language, ui_text):
    response = client.get(f"/{language}/shop/")
    text = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in text
    assert f"<h1>{ui_text}</h1>" in text


def test_language_switcher_keeps_the_filters(client, shop):
    text = client.get("/en/shop/?craft=pottery").content.decode()
    assert '<a href="/ru/shop/?craft=pottery" lang="ru" hreflang="ru">Русский</a>' in text
    assert 'lang="en" hreflang="en" aria-current="true">English</a>' in text


def test_active_craft_is_marked_current(client, shop):
    text = client.get("/en/shop/?craft=carpets").content.decode()
    # The craft has no English name, so its Azerbaijani one is shown, marked as such.
    assert '<a href="?craft=carpets" aria-current="true"><span lang="az">Carpets and rugs</span></a>' in text
    assert '<h1 lang="az">Carpets and rugs</h1>' in text


def test_server_error_page_renders_without_any_context(rf):
    from django.utils import translation
    from django.views.defaults import server_error

    with translation.override("ru"):  # LocaleMiddleware has activated the buyer's language by then
        response = server_error(rf.get("/ru/shop/"))
    assert response.status_code == 500
    assert '<html lang="ru">' in response.content.decode()
    assert "Что-то пошло не так" in response.content.decode()
