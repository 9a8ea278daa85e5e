"""The search results page in Chromium at phone and desktop widths: a buyer types without Azerbaijani letters
or in Latin letters for a Russian word, submits with Enter, and reads highlighted results with the filters kept;
a search that finds nothing suggests crafts. axe-core finds no serious problem and nothing scrolls sideways."""

from decimal import Decimal

import pytest
from wagtail.models import Locale

from shop.models import ProductTranslation
from tests.e2e import browsing

pytestmark = pytest.mark.django_db(transaction=True)

SIZES = {"phone": 390, "desktop": 1440}


@pytest.fixture
def search_shop(migrated_content, centre_factory, craft_factory, maker_factory, product_factory):
    baku = centre_factory(name="Bakı mərkəzi", name_ru="Бакинский центр", slug="baku")
    carpets = craft_factory(name="Xalça və kilim", name_ru="Ковры и килимы", slug="carpets")
    pottery = craft_factory(name="Dulusçuluq", name_ru="Гончарное дело", slug="pottery")
    maker = maker_factory(centre=baku)
    rug = product_factory(title="Qırmızı xalça", centre=baku, craft=carpets, makers=[(maker, Decimal("100"))])
    ProductTranslation.objects.create(
        product=rug, locale=Locale.objects.get(language_code="ru"), title="Красный ковёр", description="Шерсть."
    )
    product_factory(title="Mavi kasa", centre=baku, craft=pottery, makers=[(maker, Decimal("100"))])
    return rug


@pytest.mark.parametrize("size", SIZES)
def test_typed_without_accents_found_highlighted_and_nothing_found_suggests_crafts(
    browser, live_url, axe_violations, search_shop, size
):
    context, page = browsing.open_at(browser, SIZES[size])
    try:
        page.goto(f"{live_url}/az/shop/?craft=carpets")
        box = page.locator("form.filters input[name=q]")
        if not box.is_visible():  # on a phone the filters start folded under their summary
            page.locator("details.filters-panel summary").click()
        box.fill("xalca")
        with page.expect_navigation():
            box.press("Enter")
        assert "q=xalca" in page.url and "craft=carpets" in page.url
        assert page.locator("h1").inner_text() == "«xalca» üzrə 1 nəticə"  # "1 result for «xalca»"
        assert page.locator(".card__title mark").all_inner_texts() == ["xalça"]
        assert page.locator("form.filters select[name=craft]").input_value() == "carpets"  # the filter is kept
        assert axe_violations(page) == []
        assert browsing.horizontal_overflow(page) <= 0
        browsing.save_screenshot(page, "search", f"{size}-az-xalca")

        page.goto(f"{live_url}/ru/shop/?q=kover")  # a Russian word typed in Latin letters
        assert page.locator(".card__title").all_inner_texts() == ["Красный ковёр"]
        assert page.locator(".card__title mark").all_inner_texts() == ["ковёр"]
        assert axe_violations(page) == []
        browsing.save_screenshot(page, "search", f"{size}-ru-kover")

        page.goto(f"{live_url}/ru/shop/?q=zzzqqq")
        assert page.locator(".card").count() == 0
        # Every craft with work on sale, named in Russian.
        assert sorted(page.locator(".craft-suggestions a").all_inner_texts()) == ["Гончарное дело", "Ковры и килимы"]
        assert axe_violations(page) == []
        assert browsing.horizontal_overflow(page) <= 0
        browsing.save_screenshot(page, "search", f"{size}-ru-nothing")
    finally:
        context.close()
