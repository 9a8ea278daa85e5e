"""The demo's crafts: each is one thing with one name (issue 11: "Pottery" and "Ceramics" read as one craft)."""

import pytest

from demo.builder import crafts_ensure
from demo.catalogue_data import CRAFTS
from shop.models import Craft


@pytest.mark.django_db
def test_pottery_and_the_painted_ceramics_are_told_apart_in_every_language():
    crafts = crafts_ensure()
    assert crafts["pottery"].name == "Dulusçuluq"
    assert crafts["ceramics"].name == "Naxışlı keramika"
    by_slug = {data.slug: data.name for data in CRAFTS}
    assert (by_slug["pottery"].en, by_slug["ceramics"].en) == ("Pottery", "Painted ceramics")
    assert (by_slug["pottery"].ru, by_slug["ceramics"].ru) == ("Гончарное дело", "Расписная керамика")
    for language in ("az", "en", "ru"):
        names = [getattr(data.name, language).casefold() for data in CRAFTS]
        assert len(names) == len(set(names)), language


@pytest.mark.django_db
def test_a_second_load_renames_the_old_demo_name_creates_nothing_and_keeps_an_editors_name():
    Craft.objects.create(slug="ceramics", name="Keramika")  # what an earlier demo load made
    Craft.objects.create(slug="pottery", name="Gil qablar")  # renamed by an editor in the admin

    crafts_ensure()
    crafts_ensure()

    assert Craft.objects.count() == len(CRAFTS)
    assert Craft.objects.get(slug="ceramics").name == "Naxışlı keramika"
    assert Craft.objects.get(slug="pottery").name == "Gil qablar"
