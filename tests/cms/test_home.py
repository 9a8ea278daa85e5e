"""Home page and makers' stories in three languages, as created by the data migration."""

import re
from decimal import Decimal

import pytest
from wagtail.models import Page, Site

from beneficiaries.models import ConsentRecord
from cms.models import HomePage, MakerStoryIndexPage
from tests.cms.stories import story_body, story_publish


def add_story(maker, *, title, language="az", **kwargs):
    return story_publish([maker], title=title, language=language, **kwargs)


def test_migration_makes_our_home_page_the_site_root_with_translations(db):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert home.locale.language_code == "az"
    assert home.hero_title == "Əl işləri"
    translations = {page.locale.language_code: page.specific for page in home.get_translations(inclusive=True)}
    assert set(translations) == {"az", "ru", "en"}
    assert translations["ru"].hero_title == "Ручная работа"
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()
    stories = MakerStoryIndexPage.objects.all()
    assert {page.locale.language_code for page in stories} == {"az", "ru", "en"}
    assert len({page.translation_key for page in stories}) == 1


@pytest.mark.parametrize(
    ("language", "hero", "ui_text"),
    [
        ("az", "Əl işləri", "Bütün əl işlərinə baxın"),
        ("ru", "Ручная работа", "Смотреть все изделия"),
        ("en", "Handmade", "Browse all handmade work"),
    ],
)
def test_home_page_in_each_language(client, db, language, hero, ui_text):
    response = client.get(f"/{language}/")
    text = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in text
    assert f'<h1 id="hero-title">{hero}</h1>' in text
    assert ui_text in text
    assert '<a class="skip-link" href="#main">' in text


def test_root_redirects_to_the_default_language(client, db):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/az/"


def test_home_page_shows_featured_products_crafts_and_centres(client, product_factory, centre_factory, craft_factory):
    centre = centre_factory(name="Ismayilli centre", slug="ismayilli", city="Ismayilli")
    craft = craft_factory(name="Wood carving", slug="wood-carving")
    product_factory(title="Carved box", centre=centre, craft=craft, photos=1)
    product_factory(title="Sold-out box", centre=centre, craft=craft, stock=0)
    text = client.get("/en/").content.decode()
    assert '><span lang="az">Carved box</span></a>' in text  # no English title: the az one, marked
    assert "Sold-out box" not in text  # featured items can be bought now
    assert '<a class="tile" href="/en/shop/?craft=wood-carving">' in text
    assert '<a class="tile" href="/en/shop/?centre=ismayilli">' in text


def test_home_page_shows_only_consented_stories_at_most_three(client, maker_factory):
    consented = [maker_factory(consents=[ConsentRecord.Scope.NAME, ConsentRecord.Scope.STORY]) for _ in range(4)]
    for index, maker in enumerate(consented):
        add_story(maker, title=f"Story {index}")
    add_story(maker_factory(), title="Story without consent")
    text = client.get("/az/").content.decode()
    shown = re.findall(r'<h3><a href="[^"]+">(Story[^<]*)</a></h3>', text)
    assert len(shown) == 3
    assert "Story without consent" not in shown


def test_story_pages_and_the_makers_link_to_them(client, maker_factory, product_factory):
    maker = maker_factory(
        public_display_name="Zaur", slug="zaur", consents=[ConsentRecord.Scope.NAME, ConsentRecord.Scope.STORY]
    )
    product_factory(makers=[(maker, Decimal("100"))])
    add_story(maker, title="Zaur and the loom")
    story = client.get("/az/stories/zaur-and-the-loom/")
    assert story.status_code == 200
    assert '<a class="button" href="/az/shop/makers/zaur/">' in story.content.decode()
    profile = client.get("/az/shop/makers/zaur/").content.decode()
    assert 'href="/az/stories/zaur-and-the-loom/"' in profile
    index = client.get("/az/stories/").content.decode()
    assert "Zaur and the loom" in index


def test_makers_profile_has_no_story_link_without_story_consent(client, maker_factory):
    maker = maker_factory(slug="no-story")
    add_story(maker, title="Hidden story")
    assert client.get("/az/stories/hidden-story/").status_code == 404
    assert "hidden-story" not in client.get("/az/shop/makers/no-story/").content.decode()


def test_stories_index_in_every_language(client, db):
    for language, title in (("az", "Ustaların hekayələri"), ("ru", "Истории мастеров"), ("en", "Makers' stories")):
        response = client.get(f"/{language}/stories/")
        assert response.status_code == 200
        assert f"<h1>{title}</h1>" in response.content.decode().replace("&#x27;", "'")


def test_language_switcher_on_an_untranslated_story_goes_to_that_languages_home(client, maker_factory):
    maker = maker_factory(consents=[ConsentRecord.Scope.NAME, ConsentRecord.Scope.STORY])
    add_story(maker, title="Only in Azerbaijani")
    text = client.get("/az/stories/only-in-azerbaijani/").content.decode()
    assert '<a href="/ru/" lang="ru" hreflang="ru">Русский</a>' in text
    assert 'hreflang="ru"' not in text.split("</head>")[0]  # no alternate is claimed for a missing translation
    assert '<link rel="alternate" hreflang="az" href="http://testserver/az/stories/only-in-azerbaijani/">' in text


def test_home_page_query_budget_does_not_grow_with_the_catalogue(
    product_factory, maker_factory, image_factory, django_assert_max_num_queries
):
    from django.test import Client

    for index in range(3):
        maker = maker_factory(consents=[ConsentRecord.Scope.NAME, ConsentRecord.Scope.STORY])
        add_story(
            maker,
            title=f"Story {index}",
            body=story_body(image=image_factory(), image_alt="A maker at work", shows_maker=False),
        )
    for _ in range(20):
        product_factory(photos=2)
    Client().get("/az/")  # renditions are generated once
    # 20 before the editors' choices; reading the chosen products and stories adds one query each.
    with django_assert_max_num_queries(22):
        response = Client().get("/az/")
    assert response.content.decode().count('class="card"') == 8
    assert response.content.decode().count('alt="A maker at work"') == 3
