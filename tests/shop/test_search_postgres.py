"""What only PostgreSQL's search does: ranking, stemming in Russian and English, near spellings, the indexes.

Each test asks for `requires_postgres`, so with REQUIRE_POSTGRES_TESTS=1 a skip fails the run.
"""

from decimal import Decimal

import pytest
from django.db import connection
from wagtail.models import Locale

from shop.models import ProductTranslation
from tests.shop import test_search
from tests.shop.test_search import search, titles

crafts_shop = test_search.crafts_shop  # the same five items, as a fixture of this module too


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("xalka", ["Qarabağ xalçası"]),  # one wrong letter
        ("qarabah", ["Qarabağ xalçası"]),
        ("kovor", ["Qarabağ xalçası"]),  # ковёр misspelt, in Latin letters
        ("ipeg", ["İpək şərf"]),
    ],
)
def test_near_spellings_are_found_when_nothing_matches_exactly(client, requires_postgres, crafts_shop, q, expected):
    response = search(client, q)
    assert titles(response) == expected
    # "Nothing matches «q» exactly; these items have a similar spelling." on the az page
    note = f"«{q}» ilə tam üst-üstə düşən heç nə tapılmadı; bu məhsulların yazılışı oxşardır."
    assert note in response.content.decode()


def test_near_spellings_keep_the_filters(client, requires_postgres, crafts_shop):
    assert titles(search(client, "xalka", craft="pottery")) == []


@pytest.mark.parametrize(
    ("q", "language", "expected"),
    [
        ("carpets", "en", ["Karabakh carpet"]),  # English stemming
        ("carpet scarf", "en", []),  # every word must still match
        ("шарфы", "ru", ["Шёлковый шарф"]),  # Russian stemming
        ("шёлкового", "ru", ["Шёлковый шарф"]),
    ],
)
def test_russian_and_english_words_match_other_forms(client, requires_postgres, crafts_shop, q, language, expected):
    assert titles(search(client, q, language=language)) == expected


def test_best_match_comes_first(client, requires_postgres, crafts_shop, product_factory):
    """A title match outranks a match in the description, even for an older item; an explicit order wins."""
    newer = product_factory(
        title="Mütəkkə", description="Köhnə xalça parçasından tikilib.", makers=[(crafts_shop["gunay"], Decimal(100))]
    )
    assert titles(search(client, "xalça")) == ["Qarabağ xalçası", "Mütəkkə"]
    assert titles(search(client, "xalça", sort="newest")) == ["Mütəkkə", "Qarabağ xalçası"]
    ru = Locale.objects.get(language_code="ru")
    ProductTranslation.objects.create(product=newer, locale=ru, title="Подушка", description="Ковёр, ковёр, ковёр.")
    assert titles(search(client, "ковёр", language="ru")) == ["Карабахский ковёр", "Подушка"]


def test_the_search_indexes_exist(requires_postgres):
    """The migration makes them on PostgreSQL only; bench/search.py shows the plans using them at 10,000 items."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'shop_productsearchdocument'")
        indexes = dict(cursor.fetchall())
    assert "USING gin (vector)" in indexes["product_search_vector"]
    assert "USING gin (words gin_trgm_ops)" in indexes["product_search_words_trgm"]
