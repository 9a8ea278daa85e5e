"""Phone-first layout in Chromium: the cart and every page fit a 320-390 px screen and 200% zoom without
sideways scrolling, and the header is one row with a menu button on a phone (issue 11)."""

import pytest

from tests.e2e.phone_shop import DESKTOP, PHONE, has_no_sideways_scroll, screenshot, scroll_width

pytestmark = pytest.mark.django_db(transaction=True)

# 200% zoom of a 1280 px window lays the page out in 640 CSS px, drawn with two device pixels for each.
ZOOMED_DESKTOP = {"width": 640, "height": 450}
TOUCHED_PAGES = [("home", "/"), ("catalogue", "/shop/"), ("product", "/shop/p/jug/"), ("cart", "/shop/cart/")]


@pytest.fixture
def shop(phone_shop):
    return phone_shop


def open_page(browser, viewport, **options):
    context = browser.new_context(viewport=viewport, **options)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def fill_cart(page, live_url, shop) -> None:
    for product in (shop["jug"], shop["rug"]):
        page.goto(f"{live_url}/en/shop/p/{product.slug}/")
        page.get_by_role("button", name="Add to cart").click()
        page.wait_for_url(f"**/p/{product.slug}/")


@pytest.mark.parametrize(
    "viewport, scale",
    [({"width": 320, "height": 700}, 1), ({"width": 375, "height": 812}, 1), (PHONE, 3), (ZOOMED_DESKTOP, 2)],
    ids=["320", "375", "390", "1280-at-200%"],
)
def test_the_cart_is_stacked_rows_without_sideways_scrolling_on_narrow_screens(
    browser, live_url, shop, viewport, scale
):
    context, page = open_page(browser, viewport, device_scale_factor=scale)
    try:
        fill_cart(page, live_url, shop)
        for language in ("az", "ru", "en"):
            page.goto(f"{live_url}/{language}/shop/cart/")
            screenshot(page, f"cart-{language}-{viewport['width']}")
            assert has_no_sideways_scroll(page), f"{language}: {scroll_width(page)} px wide"
            assert header_height(page) < 80  # brand and menu button in one row, even at 320 px
            first_line = page.locator(".cart-line").first
            title = first_line.locator(".cart-line__item a").bounding_box()
            quantity = first_line.locator("input[name=quantity]").bounding_box()
            remove = first_line.locator("form:not(.cart-line__update) button").bounding_box()
            for line in page.locator(".cart-line").all():  # a short title must not let "Price" float up
                photo, price = line.locator(".cart-line__photo"), line.locator("td[data-label]").first
                assert price.bounding_box()["y"] >= photo.bounding_box()["y"] + photo.bounding_box()["height"]
            assert quantity["y"] > title["y"] + title["height"] - 1  # the quantity sits under the title
            assert remove["x"] + remove["width"] <= viewport["width"]  # remove is reachable on screen
            assert page.locator(".cart-table thead").bounding_box()["height"] <= 1  # headings only for readers
    finally:
        context.close()


def test_on_a_desktop_the_cart_stays_a_table(browser, live_url, shop):
    context, page = open_page(browser, DESKTOP)
    try:
        fill_cart(page, live_url, shop)
        page.goto(f"{live_url}/ru/shop/cart/")
        screenshot(page, "cart-ru-1440")
        assert has_no_sideways_scroll(page)
        assert page.get_by_role("columnheader", name="Количество").is_visible()
        line = page.locator(".cart-line").first
        title, quantity = line.locator(".cart-line__item a"), line.locator("input[name=quantity]")
        assert abs(title.bounding_box()["y"] - quantity.bounding_box()["y"]) < 40  # one row per line
    finally:
        context.close()


def header_height(page) -> float:
    return page.locator(".site-header").bounding_box()["height"]


@pytest.mark.parametrize("language, menu_name", [("az", "Menyu"), ("ru", "Меню"), ("en", "Menu")])
def test_on_a_phone_the_header_is_one_row_and_the_menu_opens_and_closes_by_keyboard(
    browser, live_url, shop, language, menu_name
):
    context, page = open_page(browser, PHONE)
    try:
        fill_cart(page, live_url, shop)
        page.goto(f"{live_url}/{language}/shop/")
        menu_button = page.get_by_role("button", name=menu_name)
        brand = page.locator(".brand").bounding_box()
        assert header_height(page) < 80  # one row: it took 216-264 px before the menu button
        assert abs(menu_button.bounding_box()["y"] - brand["y"]) < brand["height"]  # beside the brand
        assert menu_button.get_attribute("aria-expanded") == "false"
        assert not page.locator(".site-menu").is_visible()
        screenshot(page, f"header-closed-{language}-390")

        page.keyboard.press("Tab")  # the skip link
        page.keyboard.press("Tab")  # the brand
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.dataset.menuToggle") == ""  # the menu button has focus
        assert page.evaluate("document.activeElement.matches(':focus-visible')")
        page.keyboard.press("Enter")
        assert menu_button.get_attribute("aria-expanded") == "true"
        assert page.locator(".cart-link").is_visible() and "(2)" in page.locator(".cart-link").inner_text()
        assert page.locator(".language-switcher a").nth(2).is_visible()  # every language is within reach
        assert has_no_sideways_scroll(page)
        screenshot(page, f"header-open-{language}-390")
        page.keyboard.press("Tab")
        assert page.evaluate("!!document.activeElement.closest('#site-menu')")  # next stop: the first link

        page.keyboard.press("Escape")
        assert menu_button.get_attribute("aria-expanded") == "false"
        assert not page.locator(".site-menu").is_visible()
        assert page.evaluate("document.activeElement.dataset.menuToggle") == ""  # focus back on the button
    finally:
        context.close()


def test_without_javascript_a_phone_shows_every_header_link(browser, live_url, shop):
    context, page = open_page(browser, PHONE, java_script_enabled=False)
    try:
        page.goto(f"{live_url}/ru/")
        assert not page.locator(".menu-toggle").is_visible()
        for name in ("Магазин", "Истории мастеров", "Azərbaycanca", "English"):
            assert page.locator(".site-header").get_by_role("link", name=name).is_visible()
        assert page.locator(".cart-link").is_visible()
        assert has_no_sideways_scroll(page)
        screenshot(page, "header-no-js-ru-390")
    finally:
        context.close()


@pytest.mark.parametrize("language", ["az", "ru", "en"])
def test_on_a_desktop_the_header_shows_its_links_without_a_menu_button(browser, live_url, shop, language):
    context, page = open_page(browser, DESKTOP)
    try:
        page.goto(f"{live_url}/{language}/")
        assert not page.locator(".menu-toggle").is_visible()
        assert header_height(page) < 110  # brand and links in one row (ru took two rows, 139 px, before)
        assert page.locator(".main-nav a").first.is_visible() and page.locator(".cart-link").is_visible()
        assert page.locator(".language-switcher a").first.is_visible()
        assert has_no_sideways_scroll(page)
        screenshot(page, f"header-{language}-1440")
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP, ZOOMED_DESKTOP], ids=["390", "1440", "1280-at-200%"])
@pytest.mark.parametrize("language", ["az", "ru"])
def test_touched_pages_fit_the_screen_and_have_no_serious_accessibility_violations(
    browser, live_url, shop, axe_violations, viewport, language
):
    context, page = open_page(browser, viewport)
    try:
        fill_cart(page, live_url, shop)
        for name, path in TOUCHED_PAGES:
            response = page.goto(f"{live_url}/{language}{path}")
            assert response is not None and response.status == 200
            assert has_no_sideways_scroll(page), f"{path}: {scroll_width(page)} px wide"
            assert axe_violations(page) == [], path
            if page.locator(".menu-toggle").is_visible():
                page.locator(".menu-toggle").click()  # the open menu is checked too
                assert axe_violations(page) == [], f"{path} with the menu open"
            screenshot(page, f"{name}-{language}-{viewport['width']}")
    finally:
        context.close()
