"""Centre pages and the curated home page in Chromium at phone and desktop widths (axe-core, no sideways
scrolling, screenshots in test-artifacts/centres/), and Wagtail's userbar accessibility checker under the CSP."""

from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission

from beneficiaries.models import ConsentRecord
from cms.models import HomeFeaturedProduct, HomePage
from demo import centre_pages as demo_centres
from tests.e2e import browsing

pytestmark = pytest.mark.django_db(transaction=True)

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "centres"
WIDTHS = {"phone": 390, "desktop": 1440}


@pytest.fixture
def centre_site(migrated_content, centre_factory, maker_factory, product_factory):
    centres = {
        slug: centre_factory(name=name, slug=slug, city=name)
        for slug, name in (("baku", "Baku"), ("ismayilli", "Ismayilli"), ("barda", "Barda"))
    }
    shown = maker_factory(public_display_name="Aysel M.", slug="baku-usta-01", centre=centres["baku"])
    hidden = maker_factory(public_display_name="Not Named", slug="baku-usta-02", centre=centres["baku"], consents=[])
    product_factory(
        title="Blue bowl", slug="blue-bowl", centre=centres["baku"], photos=1, makers=[(shown, Decimal(100))]
    )
    product_factory(title="Red rug", slug="red-rug", centre=centres["baku"], photos=1, makers=[(hidden, Decimal(100))])
    chosen = product_factory(title="Carved spoon", slug="carved-spoon", centre=centres["barda"], photos=1)
    homes = demo_centres.homes_by_language()
    demo_centres.centre_pages_ensure(homes, centres)
    HomeFeaturedProduct.objects.create(page=HomePage.objects.get(locale__language_code="en"), product=chosen)
    return centres


def open_at(browser, width: int):
    return browsing.open_at(browser, width, locale="en-GB")


def screenshot(page, name: str) -> None:
    browsing.save_screenshot(page, "centres", name)


@pytest.mark.parametrize("size", list(WIDTHS))
def test_a_buyer_goes_from_home_and_product_pages_to_a_centre_page(
    browser, live_url, centre_site, axe_violations, size
):
    context, page = open_at(browser, WIDTHS[size])
    try:
        page.goto(f"{live_url}/en/")
        cards = page.locator(".card__title")
        assert cards.first.inner_text() == "Carved spoon"  # the editor's pick comes first, and alone
        assert cards.count() == 1
        assert axe_violations(page) == []
        assert browsing.horizontal_overflow(page) <= 0
        screenshot(page, f"{size}-home")

        page.get_by_role("link", name="Baku Handmade in Baku").click()
        page.wait_for_url("**/en/centres/baku/")
        assert page.get_by_role("heading", level=1).inner_text() == "Baku centre"
        assert page.get_by_role("link", name="Aysel M.").is_visible()
        assert "Not Named" not in page.content()
        map_link = page.get_by_role("link", name="Show on a map (openstreetmap.org, opens in a new tab)")
        assert map_link.get_attribute("href").startswith("https://www.openstreetmap.org/?mlat=40.379571")
        assert page.locator(".card__title").count() == 2
        assert axe_violations(page) == []
        assert browsing.horizontal_overflow(page) <= 0
        screenshot(page, f"{size}-centre")

        page.goto(f"{live_url}/en/centres/")
        assert page.get_by_role("link", name="Barda centre").is_visible()
        assert axe_violations(page) == []
        screenshot(page, f"{size}-centres-index")

        page.goto(f"{live_url}/ru/shop/p/blue-bowl/")
        page.locator(".product__facts").get_by_role("link", name="Baku").click()
        page.wait_for_url("**/ru/centres/baku/")
        assert page.get_by_role("heading", level=1).inner_text() == "Бакинский центр"
        assert axe_violations(page) == []
    finally:
        context.close()


def test_the_userbar_accessibility_checker_runs_under_the_csp(browser, live_url, centre_site, user_factory):
    editor = user_factory(username="editor-e2e", password="pass-word-123")
    # A transactional test starts with no groups: the one permission the userbar asks for is enough here.
    editor.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    context, page = open_at(browser, 1440)
    blocked = []
    page.on(
        "console", lambda message: blocked.append(message.text) if "Content Security Policy" in message.text else None
    )
    try:
        page.goto(f"{live_url}/admin/login/")
        page.get_by_label("Username").fill("editor-e2e")
        page.get_by_label("Password").fill("pass-word-123")
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url("**/admin/")
        page.goto(f"{live_url}/en/centres/baku/")
        page.get_by_role("button", name="View Wagtail quick actions").click()
        page.get_by_role("menuitem", name="Checks").click()
        dialog = page.get_by_role("dialog", name="Warnings")
        dialog.wait_for(state="visible")
        assert blocked == []
        screenshot(page, "desktop-userbar-checks")
    finally:
        context.close()


def test_makers_without_consent_stay_unnamed_in_the_browser_too(browser, live_url, centre_site):
    assert not ConsentRecord.objects.filter(maker__slug="baku-usta-02").exists()
    context, page = open_at(browser, 390)
    try:
        page.goto(f"{live_url}/en/shop/p/red-rug/")
        assert "Not Named" not in page.content()
        assert page.get_by_text("a maker of Baku").is_visible()
    finally:
        context.close()
