"""Renditions are made when a photo is stored, never during a public page request."""

import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.models import Filter

from cms.models import HomePage
from shop.catalogue.renditions import ALL_PUBLIC_SPECS, image_renditions_prepare
from tests.cms.stories import story_body, story_publish

# `{% image photo.image fill-96x96 alt="" %}` / `{% srcset_image page.image width-{480,800} format-webp sizes=... %}`
_IMAGE_TAG = re.compile(r"{%\s*(?:srcset_image|image|picture)\s+(\S+)\s+(.*?)%}")


def rendition_count() -> int:
    return get_image_model().get_rendition_model().objects.count()


def template_specs() -> set[str]:
    specs = set()
    for template in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        for _image, rest in _IMAGE_TAG.findall(template.read_text(encoding="utf-8")):
            filters = []
            for token in rest.split():
                if "=" in token or token == "as":
                    break
                filters.append(token)
            specs.update(Filter.expand_spec(filters))
    return specs


def test_every_spec_a_public_template_asks_for_is_prepared_at_upload():
    specs = template_specs()
    assert "fill-96x96" in specs and "width-800|format-webp" in specs  # the parser finds the tags it is for
    assert specs - set(ALL_PUBLIC_SPECS) == set()


def make_public_pages(product_factory, maker_factory, image_factory) -> dict[str, str]:
    """A product with photos by a maker with a portrait, the maker's story with a picture, a home hero."""
    maker = maker_factory(consents=["name", "photo", "story"])
    maker.photo = image_factory(title="Portrait")
    maker.save(update_fields=["photo"])
    product = product_factory(title="Jug", photos=2, centre=maker.centre, makers=[(maker, 100)])
    story = story_publish(
        [maker],
        title="Clay",
        slug="clay",
        body=story_body(image=image_factory(title="Story picture"), image_alt="Clay"),
    )
    home = HomePage.objects.get(locale__language_code="az")
    home.hero_image = image_factory(title="Hero")
    home.save_revision().publish()
    return {
        "product": reverse("shop:product_detail", args=[product.slug]),
        "catalogue": reverse("shop:catalogue"),
        "maker": reverse("shop:maker_detail", args=[maker.slug]),
        "story": story.url,
        "home": "/az/",
        "cart": reverse("shop:cart"),
        "add": reverse("shop:cart_add", args=[product.pk]),
    }


@pytest.fixture
def public_pages(product_factory, maker_factory, image_factory):
    return make_public_pages(product_factory, maker_factory, image_factory)


def visit_cold(client, urls) -> list[bytes]:
    cache.clear()  # cold: no page and no rendition in any cache
    client.post(urls["add"], {"quantity": 1})  # the cart page shows the line's thumbnail
    pages = []
    for name in ("product", "catalogue", "maker", "story", "home", "cart"):
        response = client.get(urls[name])
        assert response.status_code == 200, name
        pages.append(response.content)
    return pages


def test_cold_public_pages_make_no_renditions_when_images_were_stored_normally(
    client, django_capture_on_commit_callbacks, product_factory, maker_factory, image_factory
):
    # The images are saved (and committed) as any upload is: that is when their renditions are made.
    with django_capture_on_commit_callbacks(execute=True):
        urls = make_public_pages(product_factory, maker_factory, image_factory)
    made_at_upload = rendition_count()
    assert made_at_upload == 5 * len(ALL_PUBLIC_SPECS)  # 2 product photos, portrait, story picture, hero

    pages = visit_cold(client, urls)

    assert rendition_count() == made_at_upload
    assert all(b".webp" in page for page in pages[:5]), "every page shows its photos"


def test_without_upload_time_renditions_the_same_visit_would_make_them(client, public_pages):
    """The control for the test above: nothing committed, nothing prepared, so the pages make renditions."""
    assert rendition_count() == 0
    visit_cold(client, public_pages)
    assert rendition_count() > 0


def test_preparing_is_idempotent_and_skips_a_deleted_image(image_factory):
    image = image_factory()
    assert image_renditions_prepare(image_id=image.pk) == len(ALL_PUBLIC_SPECS)
    assert image_renditions_prepare(image_id=image.pk) == 0
    image_id = image.pk
    image.delete()
    assert image_renditions_prepare(image_id=image_id) == 0


def test_a_title_change_prepares_nothing_and_a_full_save_prepares_everything(
    django_capture_on_commit_callbacks, image_factory
):
    image = image_factory()
    with django_capture_on_commit_callbacks(execute=True):
        image.title = "Renamed"
        image.save(update_fields=["title"])
    assert rendition_count() == 0  # a title change does not touch the picture
    with django_capture_on_commit_callbacks(execute=True):
        image.save()
    assert rendition_count() == len(ALL_PUBLIC_SPECS)


def test_prepare_renditions_backfills_images_stored_before_and_then_makes_nothing(image_factory):
    image_factory(), image_factory()  # saved in the test transaction: their after-commit work never ran
    out = io.StringIO()
    call_command("prepare_renditions", stdout=out)
    assert rendition_count() == 2 * len(ALL_PUBLIC_SPECS)
    assert f"Made {2 * len(ALL_PUBLIC_SPECS)} renditions." in out.getvalue()
    call_command("prepare_renditions", stdout=out)
    assert "Made 0 renditions." in out.getvalue()


def test_the_demo_loader_leaves_every_photo_with_its_public_renditions(
    db, django_capture_on_commit_callbacks, settings
):
    settings.DEBUG = True  # the loader refuses to run without it
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_data", products=2, makers=3, orders=0, stdout=io.StringIO())
    images = get_image_model().objects.count()
    assert images >= 3
    assert rendition_count() == images * len(ALL_PUBLIC_SPECS)
