"""The information pages, the home page hero and checkout's policy links in Chromium at phone and desktop
widths (axe-core, screenshots in test-artifacts/), and the manat sign drawn by the font the shop ships."""

from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import translation

from cms.models import HomePage
from demo import pages as demo_pages
from tests.e2e import browsing

pytestmark = pytest.mark.django_db(transaction=True)

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "trust"
WIDTHS = {"phone": 390, "desktop": 1440}
PAGES = [
    "/az/about/",
    "/az/contact/",
    "/az/delivery-and-returns/",
    "/az/privacy/",
    "/az/terms/",
    "/ru/contact/",
    "/az/",
]


@pytest.fixture
def trust_site(migrated_content, centre_factory, maker_factory, product_factory):
    locales = demo_pages.locales_ensure()
    demo_pages.information_pages_ensure(HomePage.objects.get(locale=locales["az"]), locales)
    centre = centre_factory(name="Bakı mərkəzi", slug="baku", address="Səməd Vurğun 34", courier_fee=Decimal("5.00"))
    maker = maker_factory(centre=centre, public_display_name="Aysel")
    return product_factory(
        title="Mavi kasa",
        slug="mavi-kasa",
        price=Decimal("24.50"),
        stock=3,
        centre=centre,
        photos=1,
        makers=[(maker, Decimal("100"))],
    )


def screenshot(page, name: str) -> None:
    browsing.save_screenshot(page, "trust", name)


@pytest.mark.parametrize("size", list(WIDTHS))
def test_information_pages_and_home_pass_axe_without_sideways_scrolling(
    browser, live_url, trust_site, axe_violations, size
):
    context, page = browsing.open_at(browser, WIDTHS[size])
    try:
        for path in PAGES:
            response = page.goto(live_url + path)
            assert response is not None and response.status == 200, path
            assert page.locator("html").get_attribute("lang") == path.split("/")[1]
            footer = page.get_by_role("contentinfo")
            assert footer.get_by_role(
                "link", name=("Məxfilik" if path.startswith("/az/") else "Конфиденциальность")
            ).is_visible()
            assert axe_violations(page) == [], path
            assert browsing.horizontal_overflow(page) <= 0, path
            screenshot(page, f"{size}{path.rstrip('/').replace('/', '-')}")
        # No hero photo chosen: the pattern fills the desktop hero but is left out on a phone.
        page.goto(f"{live_url}/az/")
        assert page.locator(".hero__media--fallback").is_visible() == (size == "desktop")
    finally:
        context.close()


@pytest.mark.parametrize("size", list(WIDTHS))
def test_checkout_shows_the_policy_links_by_the_pay_button(browser, live_url, trust_site, axe_violations, size):
    context, page = browsing.open_at(browser, WIDTHS[size], locale="en-GB")
    try:
        with translation.override("en"):
            page.goto(live_url + trust_site.get_absolute_url())
        page.get_by_role("button", name="Add to cart").click()
        page.goto(f"{live_url}/en/shop/checkout/")
        policies = page.locator(".checkout__policies")
        for title in ("Delivery and returns", "Privacy", "Terms of sale"):
            assert policies.get_by_role("link", name=title).is_visible()
        assert policies.get_by_text("each opens in a new tab").is_visible()
        assert axe_violations(page) == []
        assert browsing.horizontal_overflow(page) <= 0
        screenshot(page, f"{size}-en-checkout")
        with context.expect_page() as new_tab:
            policies.get_by_role("link", name="Privacy").click()
        assert new_tab.value.url.endswith("/en/privacy/")
        assert page.get_by_label("E-mail").is_visible()  # the form stays where the buyer left it
    finally:
        context.close()


def test_az_price_is_drawn_with_the_shipped_manat_sign_font_on_a_phone(browser, live_url, trust_site):
    context, page = browsing.open_at(browser, WIDTHS["phone"])
    try:
        with translation.override("az"):
            page.goto(live_url + trust_site.get_absolute_url())
        price = page.locator(".product__price")
        assert price.inner_text().replace("\xa0", " ") == "24,50 ₼"
        page.evaluate("() => document.fonts.ready")
        loaded = page.evaluate(
            """() => [...document.fonts].filter(f => f.family.replace(/"/g, '') === 'Manat Sign')
                                         .map(f => f.status)"""
        )
        assert "loaded" in loaded
        # Which font Chromium actually drew each character of the price with: the ₼ must come from the
        # shipped file (a web font whose internal name is Noto Sans), the digits from the system font.
        cdp = context.new_cdp_session(page)
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument")["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": ".product__price"})["nodeId"]
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        web_fonts = [font for font in fonts if font["isCustomFont"]]
        assert [(font["familyName"], font["glyphCount"]) for font in web_fonts] == [("Noto Sans", 1)]
        screenshot(page, "phone-az-product")
        price.screenshot(path=str(ARTIFACTS / "phone-az-price.png"))
    finally:
        context.close()
