"""The story index filters by craft and centre and pages through twelve at a time; odd input gives a normal page.
Editors who press Publish or Approve beyond consent are told which maker lacks which consent."""

from decimal import Decimal

import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from beneficiaries.models import ConsentRecord
from cms.models import MakerStoryIndexPage, MakerStoryPage
from tests.cms.stories import story_body, story_publish

CONSENTED = [ConsentRecord.Scope.NAME, ConsentRecord.Scope.STORY]


@pytest.fixture
def two_centres(centre_factory, craft_factory, maker_factory, product_factory):
    baku = centre_factory(name="Baku centre", slug="baku")
    barda = centre_factory(name="Barda centre", slug="barda")
    pottery = craft_factory(name="Pottery", slug="pottery")
    carpets = craft_factory(name="Carpets", slug="carpets")
    potter = maker_factory(public_display_name="Potter", centre=baku, consents=CONSENTED)
    weaver = maker_factory(public_display_name="Weaver", centre=barda, consents=CONSENTED)
    product_factory(title="Clay jug", centre=baku, craft=pottery, makers=[(potter, Decimal("100"))])
    product_factory(title="Small rug", centre=barda, craft=carpets, makers=[(weaver, Decimal("100"))])
    story_publish([potter], title="The potter")
    story_publish([weaver], title="The weaver")
    return {"potter": potter, "weaver": weaver}


def titles(response) -> list[str]:
    import re

    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', response.content.decode())


def test_stories_filter_by_craft_and_centre_with_the_choice_kept(client, two_centres):
    assert sorted(titles(client.get("/az/stories/"))) == ["The potter", "The weaver"]
    by_craft = client.get("/az/stories/?craft=carpets")
    assert titles(by_craft) == ["The weaver"]
    assert '<option value="carpets" selected>' in by_craft.content.decode()
    assert titles(client.get("/az/stories/?centre=baku")) == ["The potter"]
    empty = client.get("/az/stories/?craft=carpets&centre=baku").content.decode()
    assert "No story matches these filters yet." in empty or "filters" in empty


@pytest.mark.parametrize("query", ["?craft=no-such-craft", "?centre=%00", "?page=abc", "?page=-3", "?page=999"])
def test_odd_filters_and_page_numbers_give_a_normal_page(client, two_centres, query):
    response = client.get(f"/az/stories/{query}")
    assert response.status_code == 200
    assert sorted(titles(response)) == ["The potter", "The weaver"]


def test_stories_are_paginated_by_twelve_keeping_the_filter(client, maker_factory, centre_factory):
    centre = centre_factory(slug="ismayilli", name="Ismayilli")
    for number in range(14):
        story_publish([maker_factory(centre=centre, consents=CONSENTED)], title=f"Story {number:02d}")
    first = client.get("/az/stories/?centre=ismayilli")
    assert len(titles(first)) == 12
    text = first.content.decode()
    assert 'href="?centre=ismayilli&amp;page=2"' in text
    assert 'aria-current="page"' in text
    second = client.get("/az/stories/?centre=ismayilli&page=2")
    assert len(titles(second)) == 2


def test_empty_story_and_missing_picture_render_a_sensible_page(client, maker_factory, image_factory):
    maker = maker_factory(consents=CONSENTED)
    empty = story_publish([maker], title="Empty", body=[])
    picture = image_factory()
    with_picture = story_publish(
        [maker],
        title="Picture gone",
        body=story_body(image=picture, image_alt="A jug", shows_maker=False)
        + [("video", {"video": "https://example.com/not-a-video", "title": "At the wheel"}), ("makers_products", {})],
    )
    picture.delete()

    response = client.get(empty.url)
    assert response.status_code == 200
    assert "Bu hekayənin hələ mətni yoxdur." in response.content.decode()  # "This story has no text yet." (az page)
    response = client.get(with_picture.url)
    text = response.content.decode()
    assert response.status_code == 200
    assert '<figure class="story__image">' not in text
    assert (
        "Videoya baxın: At the wheel</a>" in text
    )  # "Watch the video": the embed could not be fetched: a link instead
    assert 'alt="A jug"' not in client.get("/az/stories/").content.decode()


def test_made_by_this_maker_lists_the_makers_published_work(client, maker_factory, product_factory):
    maker = maker_factory(consents=CONSENTED)
    product_factory(title="Green bowl", makers=[(maker, Decimal("100"))], centre=maker.centre)
    product_factory(title="Draft bowl", makers=[(maker, Decimal("100"))], centre=maker.centre, status="draft")
    story = story_publish([maker], title="Bowls", body=story_body() + [("makers_products", {"heading": ""})])
    text = client.get(story.url).content.decode()
    assert "Bu hekayədəki ustaların işləri" in text  # "Made by the makers in this story" (az page)
    assert "Green bowl" in text and "Draft bowl" not in text


def _story_form(maker, **extra):
    return nested_form_data(
        {
            "title": "Aynur's carpets",
            "slug": "aynurs-carpets",
            "summary": "Carpets.",
            "story_makers": inline_formset([{"maker": maker.pk}]),
            "body": streamfield([("paragraph", rich_text("<p>Her carpets.</p>"))]),
            "comments": inline_formset([]),
            **extra,
        }
    )


def test_the_editors_publish_button_names_the_missing_consent(client, maker_factory, user_factory):
    admin = user_factory(username="editor-admin", is_staff=True, is_superuser=True)
    client.force_login(admin)
    aynur = maker_factory(public_display_name="Aynur", consents=[ConsentRecord.Scope.NAME])
    index = Page.objects.get(pk=MakerStoryIndexPage.objects.get(locale__language_code="az").pk)
    add_url = f"/admin/pages/add/cms/makerstorypage/{index.pk}/"

    refused = client.post(add_url, _story_form(aynur, **{"action-publish": "action-publish"}))
    assert refused.status_code == 200, refused
    form = refused.context["form"]
    assert form.non_field_errors() == ["Cannot publish: Aynur has no recorded consent for the story text."], (
        form.errors,
        [f.errors for fs in form.formsets.values() for f in fs.forms],
    )
    assert "Cannot publish: Aynur has no recorded consent for the story text." in refused.content.decode()
    assert not MakerStoryPage.objects.filter(slug="aynurs-carpets").exists()

    saved = client.post(add_url, _story_form(aynur))  # a draft may be saved without consent
    assert saved.status_code == 302
    draft = MakerStoryPage.objects.get(slug="aynurs-carpets")
    assert not draft.live
    preview = client.post(f"/admin/pages/{draft.pk}/edit/preview/", _story_form(aynur))
    assert preview.json()["is_valid"]
    assert "Her carpets." in client.get(f"/admin/pages/{draft.pk}/edit/preview/").content.decode()
