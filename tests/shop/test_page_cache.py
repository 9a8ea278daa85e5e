"""The page cache (config.page_cache): anonymous visitors share one copy of each public page, a shared cache may
keep it, and every change a page shows replaces it at once; a sold-out item is never offered from the cache."""

import re
from decimal import Decimal

import pytest
from django.test import Client
from wagtail.models import Locale

from beneficiaries.models import ConsentRecord
from beneficiaries.services import consent_withdraw
from shop.models import ProductPhoto, ProductTranslation
from tests import factories

pytestmark = pytest.mark.django_db

HELD = "Reserved in someone's basket"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def bowl(product_factory):
    return product_factory(title="Blue bowl", slug="blue-bowl", price=Decimal("25.00"), stock=1)


def get(path: str):
    return Client().get(path)


def page(path: str) -> str:
    response = get(path)
    assert response.status_code == 200
    return response.content.decode()


def cart_count(text: str) -> str:
    return re.search(r'class="cart-link__count"[^>]*>\((\d+)\)', text).group(1)


def product_path(product, language: str = "en") -> str:
    return f"/{language}/shop/p/{product.slug}/"


def test_second_anonymous_view_is_served_from_the_cache_without_a_query(bowl, django_assert_num_queries):
    first = get(product_path(bowl))
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = get(product_path(bowl))
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


@pytest.mark.parametrize("path", ["/en/", "/en/shop/", "/en/shop/p/blue-bowl/", "/az/shop/?craft=x&page=2"])
def test_a_shared_cache_may_keep_anonymous_pages(bowl, path):
    for response in (get(path), get(path)):
        assert response.status_code == 200
        control = response["Cache-Control"]
        assert "public" in control and "s-maxage=" in control and "private" not in control
        assert not response.cookies, "no Set-Cookie: a CDN would refuse to store the page"
        assert "cookie" not in response.get("Vary", "").lower()
        assert "accept-language" not in response.get("Vary", "").lower()  # the language is in the path


def test_each_language_and_query_is_its_own_page(bowl):
    assert 'lang="en"' in page("/en/shop/")
    assert 'lang="ru"' in page("/ru/shop/")
    assert get("/en/shop/?sort=price_asc")["X-Page-Cache"] == "miss"


def test_a_buyer_with_a_cart_sees_their_own_count_never_the_shared_page(bowl):
    get(product_path(bowl))  # the shared copy exists
    buyer = Client()
    buyer.post(f"/en/shop/cart/add/{bowl.pk}/", {"quantity": 1})
    response = buyer.get(product_path(bowl))
    assert "X-Page-Cache" not in response
    assert cart_count(response.content.decode()) == "1"
    assert cart_count(page(product_path(bowl))) == "0"


def test_pages_with_personal_forms_or_state_are_never_stored(bowl):
    for path in ("/en/shop/cart/", "/en/shop/favourites/", f"/en/shop/p/{bowl.slug}/custom-piece/"):
        get(path)
        assert "X-Page-Cache" not in get(path), path
    assert "X-Page-Cache" not in get("/en/shop/p/no-such-thing/")  # a 404 is not kept


def test_with_the_cache_off_nothing_is_stored(bowl, settings):
    settings.PAGE_CACHE_ENABLED = False
    get(product_path(bowl))
    assert "X-Page-Cache" not in get(product_path(bowl))


def _cached(path: str) -> str:
    text = page(path)
    assert get(path)["X-Page-Cache"] == "hit"
    return text


def test_a_new_price_shows_at_once(bowl):
    assert "25.00" in _cached(product_path(bowl))
    bowl.price = Decimal("31.00")
    bowl.save()
    response = get(product_path(bowl))
    assert response["X-Page-Cache"] == "miss"
    assert "31.00" in response.content.decode()


def test_stock_photos_and_translations_show_at_once(bowl):
    assert "1 in stock" in _cached(product_path(bowl))
    bowl.stock = 3
    bowl.save(update_fields=["stock"])
    assert "3 in stock" in _cached(product_path(bowl))
    ProductPhoto.objects.create(product=bowl, image=factories.ImageFactory(), alt_text="The bowl from above")
    assert "The bowl from above" in _cached(product_path(bowl))
    ru = Locale.objects.get(language_code="ru")
    assert "Синяя чаша" not in _cached(product_path(bowl, "ru"))
    ProductTranslation.objects.create(product=bowl, locale=ru, title="Синяя чаша")
    assert "Синяя чаша" in page(product_path(bowl, "ru"))


def test_unpublishing_removes_the_product_from_cached_pages(bowl):
    assert "Blue bowl" in _cached("/en/shop/")
    bowl.status = "draft"
    bowl.save()
    assert "Blue bowl" not in page("/en/shop/")
    assert get(product_path(bowl)).status_code == 404


def test_a_withdrawn_name_consent_shows_at_once(product_factory, maker_factory):
    maker = maker_factory(public_display_name="Aysel", consents=[ConsentRecord.Scope.NAME])
    bowl = product_factory(makers=[(maker, Decimal("100"))])
    assert "Aysel" in _cached(product_path(bowl))
    consent_withdraw(maker=maker, scope=ConsentRecord.Scope.NAME)
    assert "Aysel" not in page(product_path(bowl))


def test_a_published_page_shows_at_once(db):
    from cms.models import HomePage

    assert "A fresh hero" not in _cached("/en/")
    home = HomePage.objects.get(locale__language_code="en")
    home.hero_title = "A fresh hero"
    home.save_revision().publish()
    assert "A fresh hero" in page("/en/")


def test_the_last_unit_reserved_at_checkout_is_never_offered_from_the_cache(buyer, bowl):
    assert "add-to-cart" in _cached(product_path(bowl))
    assert "In stock" in _cached("/en/shop/")
    buyer.add(bowl)
    assert buyer.checkout().status_code == 303  # checkout reserves the one unit
    text = page(product_path(bowl))
    assert HELD in text and 'class="add-to-cart"' not in text
    assert HELD in page("/en/shop/")


def test_a_released_hold_puts_the_item_back_on_sale_at_once(buyer, bowl):
    buyer.add(bowl)
    buyer.checkout()
    assert HELD in _cached(product_path(bowl))
    assert buyer.cancel().status_code in (200, 302, 303)
    text = page(product_path(bowl))
    assert "1 in stock" in text and HELD not in text


# --- the add-to-cart and favourite buttons carry no CSRF token; their origin is checked instead ---


def test_cached_pages_carry_no_csrf_token(bowl):
    assert "csrfmiddlewaretoken" not in page(product_path(bowl))


@pytest.mark.parametrize("action", ["cart/add", "favourites/toggle"])
def test_a_cross_site_post_is_refused_with_a_403_page(bowl, action):
    browser = Client(enforce_csrf_checks=True)
    url = f"/en/shop/{action}/{bowl.pk}/"
    for headers in ({"HTTP_ORIGIN": "https://evil.example"}, {"HTTP_REFERER": "https://evil.example/x"}, {}):
        response = browser.post(url, {"quantity": 1}, **headers)
        assert response.status_code == 403, headers
        assert "session" not in response.cookies or not response.cookies["sessionid"].value
    assert not browser.get("/en/shop/cart/").context["cart_count"]


@pytest.mark.parametrize("headers", [{"HTTP_ORIGIN": "http://testserver"}, {"HTTP_REFERER": "http://testserver/en/"}])
def test_a_same_origin_post_adds_to_the_cart(bowl, headers):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(f"/en/shop/cart/add/{bowl.pk}/", {"quantity": 1}, **headers)
    assert response.status_code == 302
    assert browser.get("/en/shop/cart/").context["cart_count"] == 1
    toggled = browser.post(f"/en/shop/favourites/toggle/{bowl.pk}/", **headers)
    assert toggled.status_code == 302


def test_other_forms_keep_the_csrf_token(bowl):
    browser = Client(enforce_csrf_checks=True)
    browser.post(f"/en/shop/cart/add/{bowl.pk}/", {"quantity": 1}, HTTP_ORIGIN="http://testserver")
    refused = browser.post(f"/en/shop/cart/remove/{bowl.pk}/", HTTP_ORIGIN="http://testserver")
    assert refused.status_code == 403
