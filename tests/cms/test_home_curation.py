"""The home page shows what editors chose, in their order, and never something a buyer cannot have or see."""

import re

from beneficiaries.models import ConsentRecord
from cms.models import HomeFeaturedProduct, HomeFeaturedStory, HomePage
from shop.models import ProductStatus

from .test_home import add_story

# A title without an English translation is the Azerbaijani one, marked <span lang="az">.
CARD_TITLE = re.compile(r'<h3 class="card__title"><a href="[^"]+">(?:<span lang="az">)?([^<]+)(?:</span>)?</a>')
STORY_TITLE = re.compile(r'<h3><a href="[^"]+">([^<]+)</a></h3>')


def choose(language="en", *, products=(), stories=()):
    home = HomePage.objects.get(locale__language_code=language)
    for order, product in enumerate(products):
        HomeFeaturedProduct.objects.create(page=home, product=product, sort_order=order)
    for order, story in enumerate(stories):
        HomeFeaturedStory.objects.create(page=home, story=story, sort_order=order)


def shown_products(client, language="en"):
    return CARD_TITLE.findall(client.get(f"/{language}/").content.decode())


def test_chosen_products_are_shown_in_the_editors_order(client, product_factory):
    first, second, third = (product_factory(title=title) for title in ("Old rug", "Clay jug", "Carved spoon"))
    product_factory(title="Not chosen")
    choose(products=[third, first, second])
    assert shown_products(client) == ["Carved spoon", "Old rug", "Clay jug"]


def test_unpublished_and_sold_out_choices_are_skipped(client, product_factory):
    kept = product_factory(title="Clay jug")
    draft = product_factory(title="Draft jug", status=ProductStatus.DRAFT)
    sold_out = product_factory(title="Sold jug", stock=0)
    to_order = product_factory(title="Made to order jug", stock=0, made_to_order=True, lead_time_days=10)
    choose(products=[draft, sold_out, kept, to_order])
    assert shown_products(client) == ["Clay jug", "Made to order jug"]


def test_without_choices_the_newest_products_are_shown(client, product_factory):
    for index in range(10):
        product_factory(title=f"Piece {index}")
    shown = shown_products(client)
    assert shown == [f"Piece {index}" for index in range(9, 1, -1)]


def test_when_no_choice_can_be_shown_the_newest_are_shown_instead(client, product_factory):
    product_factory(title="Newest available")
    choose(products=[product_factory(title="Gone", stock=0)])
    assert shown_products(client) == ["Newest available"]


def test_each_language_has_its_own_choices(client, product_factory):
    rug, jug = product_factory(title="Rug"), product_factory(title="Jug")
    choose("en", products=[rug])
    choose("ru", products=[jug])
    assert shown_products(client, "en") == ["Rug"]
    assert shown_products(client, "ru") == ["Jug"]


def test_chosen_stories_in_order_and_never_without_consent(client, maker_factory):
    consented = [maker_factory(consents=[ConsentRecord.Scope.NAME, ConsentRecord.Scope.STORY]) for _ in range(3)]
    first, second, third = (add_story(maker, title=f"Story {i}", language="en") for i, maker in enumerate(consented))
    hidden = add_story(maker_factory(), title="No consent story", language="en")
    choose(stories=[third, hidden, first])
    text = client.get("/en/").content.decode()
    assert STORY_TITLE.findall(text) == ["Story 2", "Story 0"]
    assert "No consent story" not in text


def test_without_chosen_stories_the_newest_consented_are_shown(client, maker_factory):
    for index in range(4):
        maker = maker_factory(consents=[ConsentRecord.Scope.NAME, ConsentRecord.Scope.STORY])
        add_story(maker, title=f"Story {index}", language="en")
    assert STORY_TITLE.findall(client.get("/en/").content.decode()) == ["Story 3", "Story 2", "Story 1"]


def test_erasing_a_chosen_story_removes_the_choice(client, maker_factory):
    from beneficiaries.services import consent_withdraw

    maker = maker_factory(consents=[ConsentRecord.Scope.NAME, ConsentRecord.Scope.STORY])
    story = add_story(maker, title="Erased story", language="en")
    choose(stories=[story])
    consent_withdraw(maker=maker, scope=ConsentRecord.Scope.STORY)
    assert not HomeFeaturedStory.objects.exists()
    assert "Erased story" not in client.get("/en/").content.decode()


def test_home_page_queries_stay_flat_with_choices(client, product_factory, django_assert_max_num_queries):
    choose(products=[product_factory(photos=1) for _ in range(8)])
    client.get("/en/")  # renditions and cached links are made once
    with django_assert_max_num_queries(22):
        response = client.get("/en/")
    assert response.content.decode().count('class="card"') == 8
