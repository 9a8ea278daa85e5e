"""Query counts and response times of the storefront's busiest pages (a benchmark, not a test).

    uv run python bench/catalogue_queries.py                 # throwaway in-memory SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test uv run python bench/catalogue_queries.py

Like the test runner, it creates a throwaway test database (SQLite in memory, or `test_<name>` next to
DATABASE_URL's database), fills it through the test factories, measures, and drops it again. Each scenario is
requested once to warm image renditions, then N times by a fresh anonymous client; the table shows the
queries of one request and the median time.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")


def build_catalogue(products: int) -> dict:
    from wagtail.models import Locale

    from beneficiaries.models import ConsentRecord
    from shop.models import ProductTranslation
    from tests import factories

    centres = [
        factories.CentreFactory(name=name, slug=slug, city=name)
        for name, slug in (("Baku", "baku"), ("Ismayilli", "ismayilli"), ("Barda", "barda"))
    ]
    crafts = [factories.CraftFactory(name=f"Craft {i}", slug=f"craft-{i}") for i in range(8)]
    makers = [
        factories.MakerFactory(
            centre=centres[i % 3],
            consents=[ConsentRecord.Scope.NAME, ConsentRecord.Scope.PHOTO] if i % 4 else [],
        )
        for i in range(40)
    ]
    ru = Locale.objects.get(language_code="ru")
    created = []
    for i in range(products):
        first, second = makers[i % 40], makers[(i + 7) % 40]
        product = factories.ProductFactory(
            centre=first.centre,
            craft=crafts[i % 8],
            price=Decimal(10 + (i * 37) % 490),
            stock=i % 4,
            made_to_order=i % 4 == 0,
            lead_time_days=21 if i % 4 == 0 else None,
            materials="clay, glaze" if i % 2 else "wool, natural dyes",
            photos=1 + i % 3,
            makers=[(first, Decimal("70")), (second, Decimal("30"))],
        )
        if i % 3 == 0:
            ProductTranslation.objects.create(product=product, locale=ru, title=f"Изделие {i}")
        created.append(product)
    # craft 1 in Baku has items in stock, so the filtered scenario renders cards too.
    return {"product": created[0], "maker": makers[1], "craft": crafts[1], "centre": centres[0]}


def measure(url: str, repeats: int) -> tuple[int, float]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    response = Client().get(url)  # warm-up: renditions are generated once per image and size
    assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        Client().get(url)
    count = len(queries)  # read now: the log is cleared by the next request
    timings = []
    for _ in range(repeats):
        client = Client()
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    return count, statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--products", type=int, default=150, help="public products to create (default 150)")
    parser.add_argument("--repeats", type=int, default=15, help="timed requests per scenario (default 15)")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import override_settings, setup_test_environment, teardown_test_environment

    media = tempfile.TemporaryDirectory(prefix="bench-media-")
    settings.MEDIA_ROOT = media.name
    setup_test_environment()
    if connection.vendor != "sqlite":
        # Its own database, so it can run while the test suite uses test_<name>.
        connection.settings_dict["TEST"]["NAME"] = f"bench_{connection.settings_dict['NAME']}"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        print(f"Building {args.products} products on {connection.vendor} ...", flush=True)
        data = build_catalogue(args.products)
        search = "?q=clay+glaze"
        filters = f"?craft={data['craft'].slug}&centre={data['centre'].slug}&availability=in_stock&sort=price_asc"
        scenarios = [
            ("catalogue", ""),
            ("catalogue, filtered", filters),
            ("catalogue, search", search),
            ("catalogue, search + filters", f"{search}&min_price=20&max_price=400&sort=price_desc"),
        ]
        rows: list[tuple] = []
        for page_size in (24, 48):
            with override_settings(SHOP_CATALOGUE_PAGE_SIZE=page_size):
                for name, query in scenarios:
                    rows.append((name, page_size, *measure(f"/az/shop/{query}", args.repeats)))
        rows.append(("product page", "-", *measure(f"/ru/shop/p/{data['product'].slug}/", args.repeats)))
        rows.append(("maker page", 24, *measure(f"/en/shop/makers/{data['maker'].slug}/", args.repeats)))
        rows.append(("home page", "-", *measure("/az/", args.repeats)))

        print(f"\n{'page':<30} {'page size':>9} {'queries':>8} {'median ms':>10}")
        print("-" * 60)
        for name, size, queries, ms in rows:
            print(f"{name:<30} {size!s:>9} {queries:>8} {ms:>10.1f}")
        print(f"\n{args.repeats} requests each, anonymous buyer, fresh client, after one warm-up request.")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
        media.cleanup()


if __name__ == "__main__":
    main()
