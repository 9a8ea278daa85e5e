"""Every `srcset` width descriptor is the real width of the file it names, and no width is listed twice.

Wagtail never enlarges a photo: from a 700 px original `width-800` and `width-1200` are both 700 px wide, and
two candidates with one descriptor make a browser throw the srcset away (issue 11)."""

import html
import io
import re

import pytest
from django.core.files.images import ImageFile
from django.urls import reverse
from PIL import Image
from wagtail.images import get_image_model

from cms.models import HomePage
from shop.models import ProductPhoto

_SRCSET = re.compile(r'\b(?:data-)?srcset="([^"]*)"')


def original(width: int, height: int) -> ImageFile:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (150, 80, 40)).save(buffer, format="PNG")
    return ImageFile(io.BytesIO(buffer.getvalue()), name=f"original-{width}.png")


def srcsets(content: bytes) -> list[list[tuple[str, int]]]:
    """Each srcset on the page as (url, width) pairs."""
    found = []
    for value in _SRCSET.findall(content.decode()):
        candidates = [candidate.split() for candidate in html.unescape(value).split(",") if candidate.strip()]
        found.append([(url, int(descriptor.removesuffix("w"))) for url, descriptor in candidates])
    return found


def file_widths_by_url() -> dict[str, int]:
    widths = {}
    for rendition in get_image_model().get_rendition_model().objects.all():
        with rendition.file.open("rb") as handle:
            widths[rendition.url] = Image.open(handle).width
    return widths


def assert_descriptors_true(content: bytes) -> list[list[int]]:
    pages_srcsets = srcsets(content)
    real = file_widths_by_url()
    for candidates in pages_srcsets:
        descriptors = [width for _url, width in candidates]
        assert len(descriptors) == len(set(descriptors)), candidates  # no width twice
        assert descriptors == sorted(descriptors)
        for url, width in candidates:
            assert real[url] == width, f"{url} is {real[url]} px wide, listed as {width}w"
    return [[width for _url, width in candidates] for candidates in pages_srcsets]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "size, expected_widths",
    [((700, 525), [480, 700]), ((1600, 1200), [480, 800, 1200])],
    ids=["small original", "large original"],
)
def test_product_page_and_card_list_each_photo_at_its_true_widths(
    client, product_factory, image_factory, size, expected_widths
):
    product = product_factory(title="Jug", slug="jug")
    ProductPhoto.objects.create(product=product, image=image_factory(file=original(*size)), alt_text="Jug")

    page = client.get(reverse("shop:product_detail", args=["jug"]))
    catalogue = client.get(reverse("shop:catalogue"))

    assert page.status_code == 200 and catalogue.status_code == 200
    assert assert_descriptors_true(page.content)[0] == expected_widths  # the main photo
    card_widths = assert_descriptors_true(catalogue.content)
    assert card_widths == [[320, 640]] if size[0] > 640 else card_widths == [[320, 700]]


@pytest.mark.django_db
def test_home_hero_from_a_small_original_lists_each_width_once(client, image_factory):
    home = HomePage.objects.get(locale__language_code="az")
    home.hero_image = image_factory(file=original(700, 525))
    home.hero_image_alt = "Workshop"
    home.save_revision().publish()

    response = client.get("/az/")

    # fill-640x480, fill-960x720 and fill-1280x960: the last two are both the 700 px original, so it is listed once.
    assert assert_descriptors_true(response.content) == [[640, 700]]


@pytest.mark.django_db
def test_a_photo_smaller_than_every_size_gets_a_plain_src_without_srcset(client, product_factory, image_factory):
    product = product_factory(title="Tiny", slug="tiny")
    ProductPhoto.objects.create(product=product, image=image_factory(file=original(300, 225)), alt_text="Tiny")

    response = client.get(reverse("shop:product_detail", args=["tiny"]))

    main = re.search(r'<img[^>]*alt="Tiny"[^>]*>', response.content.decode()).group(0)
    assert "srcset=" not in main and "sizes=" not in main
    assert 'width="300"' in main
