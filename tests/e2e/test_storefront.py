"""The storefront in a real browser: keyboard use, the filter form and the back button, axe-core checks.

The live server runs in its own thread, so these tests are transactional: the database is flushed after
every test, which also removes what the migrations created (locales, the root collection, the page tree).
`serialized_rollback` cannot bring that back once an earlier flush has re-created the content types, so the
fixture below rebuilds it with the data migration's own function.
"""

from decimal import Decimal

import pytest

from beneficiaries.models import ConsentRecord

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def storefront(migrated_content, centre_factory, craft_factory, maker_factory, product_factory, image_factory):
    baku = centre_factory(name="Baku centre", slug="baku", city="Baku")
    pottery = craft_factory(name="Pottery", slug="pottery")
    carpets = craft_factory(name="Carpets and rugs", slug="carpets")
    maker = maker_factory(
        public_display_name="Aysel",
        slug="aysel",
        centre=baku,
        photo=image_factory(),
        consents=[ConsentRecord.Scope.NAME, ConsentRecord.Scope.PHOTO],
    )
    shy = maker_factory(public_display_name="Hidden", centre=baku, consents=[])
    bowl = product_factory(
        title="Blue bowl",
        slug="blue-bowl",
        craft=pottery,
        centre=baku,
        photos=2,
        makers=[(maker, Decimal("60")), (shy, Decimal("40"))],
    )
    product_factory(title="Small rug", slug="small-rug", craft=carpets, centre=baku, photos=1, makers=[(maker, 100)])
    product_factory(title="Tall jug", slug="tall-jug", craft=pottery, centre=baku, photos=1, stock=0)
    return {"product": bowl, "maker": maker}


def active_element(page) -> dict:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            return {tag: el.tagName, id: el.id, cls: el.className, text: el.textContent.trim(),
                    inMain: !!el.closest('main'), top: el.getBoundingClientRect().top};
        }"""
    )


def test_keyboard_user_skips_to_main_content(page, live_url, storefront):
    page.goto(f"{live_url}/en/shop/")
    page.keyboard.press("Tab")
    focused = active_element(page)
    assert focused["cls"] == "skip-link"
    assert focused["text"] == "Skip to main content"
    assert focused["top"] >= 0  # visible on screen once focused
    page.keyboard.press("Enter")
    page.wait_for_url("**#main")  # the URL is reported asynchronously; on a busy machine it lagged the key press
    assert active_element(page)["id"] == "main"
    page.keyboard.press("Tab")
    assert active_element(page)["inMain"]  # the next stop is inside main, past the header


def test_filter_form_puts_filters_in_the_url_and_back_button_restores(page, live_url, storefront):
    page.goto(f"{live_url}/en/shop/")
    assert page.locator(".card").count() == 3
    page.get_by_label("Craft", exact=True).select_option("pottery")
    page.get_by_label("Search", exact=True).fill("blue")
    page.get_by_role("button", name="Show results").click()
    page.wait_for_url("**/en/shop/?*")
    assert "craft=pottery" in page.url and "q=blue" in page.url
    assert "centre=" not in page.url and "sort=" not in page.url  # empty fields stay out of shared links
    assert page.locator(".card__title").all_inner_texts() == ["Blue bowl"]

    page.get_by_label("Sort by", exact=True).select_option("price_desc")
    page.get_by_role("button", name="Show results").click()
    page.wait_for_url("**sort=price_desc*")

    page.go_back()
    page.wait_for_url("**q=blue*")
    assert "sort=price_desc" not in page.url
    assert page.get_by_label("Craft", exact=True).input_value() == "pottery"
    page.go_back()
    page.wait_for_url(f"{live_url}/en/shop/")
    assert page.locator(".card").count() == 3
    assert page.get_by_label("Search", exact=True).input_value() == ""


def test_language_switcher_keeps_the_page(page, live_url, storefront):
    page.goto(f"{live_url}/en/shop/p/blue-bowl/")
    page.get_by_role("link", name="Русский").click()
    page.wait_for_url("**/ru/shop/p/blue-bowl/")
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.get_by_role("heading", name="Куда идут ваши деньги").is_visible()


@pytest.mark.parametrize(
    "path",
    [
        "/en/",
        "/az/",
        "/en/shop/",
        "/ru/shop/?craft=nope&min_price=abc",
        "/en/shop/p/blue-bowl/",
        "/en/shop/makers/aysel/",
    ],
)
def test_no_serious_accessibility_violations(page, live_url, storefront, axe_violations, path):
    response = page.goto(f"{live_url}{path}")
    assert response is not None and response.status == 200
    assert axe_violations(page) == []


def test_on_a_phone_results_come_first_and_the_filters_open_on_demand(browser, live_url, storefront):
    context = browser.new_context(locale="en-GB", viewport={"width": 390, "height": 844})
    phone = context.new_page()
    try:
        phone.goto(f"{live_url}/en/shop/")
        assert not phone.get_by_label("Craft", exact=True).is_visible()
        assert phone.locator(".card").first.is_visible()
        phone.get_by_text("Search, filters and sorting").click()
        assert phone.get_by_label("Craft", exact=True).is_visible()
        phone.goto(f"{live_url}/en/shop/?min_price=abc")  # an error keeps the filters open
        assert phone.get_by_text("Enter a number.").is_visible()
    finally:
        context.close()
