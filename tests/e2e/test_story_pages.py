"""A maker story and the story index in Chromium at phone and desktop widths: every block shows, axe-core finds
no serious problem, nothing scrolls sideways, and the index's filter form filters and keeps the choice."""

import os
from decimal import Decimal
from pathlib import Path

import pytest
from wagtail.rich_text import RichText

from beneficiaries.models import ConsentRecord
from tests.cms.stories import story_publish

pytestmark = pytest.mark.django_db(transaction=True)

# Screenshots go where the reviewer looks (STORY_SHOTS) or into test-artifacts/.
ARTIFACTS = Path(os.environ.get("STORY_SHOTS", Path(__file__).resolve().parents[2] / "test-artifacts" / "stories"))
SIZES = {"phone": (390, 844), "desktop": (1440, 900)}
CONSENTED = [ConsentRecord.Scope.NAME, ConsentRecord.Scope.STORY]


@pytest.fixture
def story_site(migrated_content, centre_factory, craft_factory, maker_factory, product_factory, image_factory):
    baku = centre_factory(name="Bakı mərkəzi", slug="baku")
    barda = centre_factory(name="Bərdə mərkəzi", slug="barda")
    pottery = craft_factory(name="Dulusçuluq", slug="pottery")
    carpets = craft_factory(name="Xalçaçılıq", slug="carpets")
    aysel = maker_factory(public_display_name="Aysel", slug="aysel", centre=baku, consents=CONSENTED)
    nigar = maker_factory(public_display_name="Nigar", slug="nigar", centre=baku, consents=CONSENTED)
    weaver = maker_factory(public_display_name="Leyla", slug="leyla", centre=barda, consents=CONSENTED)
    for title, maker in (("Mavi kasa", aysel), ("Gil küp", nigar)):
        product_factory(title=title, centre=baku, craft=pottery, photos=1, makers=[(maker, Decimal("100"))])
    product_factory(title="Kiçik xalça", centre=barda, craft=carpets, photos=1, makers=[(weaver, Decimal("100"))])

    def picture(alt):
        return {"image": image_factory(), "alt": alt, "caption": "Emalatxanada", "shows_maker": False}

    body = [
        ("image", picture("Dulus çarxında mavi kasa")),
        ("heading", "Gildən doğan formalar"),
        ("paragraph", RichText("<p>Hər səhər çarxın arxasına oturur və gildən yeni formalar yaradır.</p>")),
        ("quote", {"text": "Hər iş mənə bir az daha cəsarət verir.", "attribution": "Aysel"}),
        ("gallery", {"heading": "Emalatxanadan", "images": [picture("Qurumağa qoyulmuş küplər"), picture("Şirli")]}),
        ("makers_products", {"heading": ""}),
    ]
    group = story_publish([aysel, nigar], title="Bir emalatxana", slug="bir-emalatxana", body=body)
    story_publish([weaver], title="Xalçanın naxışı", slug="xalcanin-naxisi")
    return group


@pytest.mark.parametrize("size", SIZES)
def test_story_page_and_index_are_accessible_and_filter(browser, live_url, axe_violations, story_site, size):
    width, height = SIZES[size]
    context = browser.new_context(locale="az-AZ", viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(15_000)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    try:
        page.goto(f"{live_url}/az/stories/bir-emalatxana/")
        assert page.locator("h1").inner_text() == "Bir emalatxana"
        assert page.locator(".story__makers a").all_inner_texts() == ["Aysel", "Nigar"]
        assert page.locator("blockquote").inner_text().startswith("Hər iş")
        assert page.locator(".story-gallery img").count() == 2
        assert page.locator(".story-products .card").count() == 2  # both makers' work, listed by itself
        assert axe_violations(page) == []
        assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
        page.screenshot(path=str(ARTIFACTS / f"story-{size}.png"), full_page=True)

        page.goto(f"{live_url}/az/stories/")
        assert page.locator(".story-card").count() == 2
        page.locator("#id_craft").select_option("carpets")
        page.locator(".story-filters button[type=submit]").click()
        page.wait_for_url("**craft=carpets**")
        assert page.locator(".story-card h3").all_inner_texts() == ["Xalçanın naxışı"]
        assert page.locator("#id_craft").input_value() == "carpets"
        assert axe_violations(page) == []
        page.screenshot(path=str(ARTIFACTS / f"index-filtered-{size}.png"), full_page=True)
    finally:
        context.close()
