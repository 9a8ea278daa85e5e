"""Search with two filters over 10,000 products on PostgreSQL, at 1 and 8 concurrent clients (a benchmark, not a test).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test uv run python bench/search.py

Creates a throwaway database (`<name>_bench_search`, next to DATABASE_URL's), fills it with 10,000 published
products (Azerbaijani titles with Russian and English translations, 400 makers, 3 centres, 10 crafts) by bulk
inserts, then writes every search document with the shop's own indexing code (`search.documents_rebuild`).
Each client is a thread with its own database connection. "query" times the search itself: the count and one
page of 24 cards with everything a card shows (`catalogue_search` + `with_card_data`); "page" times the whole
catalogue page through Django's test client (query, template, 24 cards); "sql" is PostgreSQL's own execution
time of the page-of-24 query (EXPLAIN ANALYZE) and whether a GIN search index served it. Prints p50/p95 in ms
and the rows found. Threads share one Python process (and its GIL), so "page" at 8 clients measures Python
more than the database: production runs several gunicorn processes.
"""

import argparse
import os
import statistics
import sys
import threading
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

NOUNS = [  # (az, ru, en, craft)
    ("xalça", "ковёр", "carpet", "carpets"),
    ("kilim", "килим", "kilim", "carpets"),
    ("kasa", "чаша", "bowl", "pottery"),
    ("dolça", "кувшин", "jug", "pottery"),
    ("şərf", "шарф", "scarf", "textiles"),
    ("yastıq", "подушка", "cushion", "sewing"),
    ("qutu", "шкатулка", "box", "wood"),
    ("tablo", "картина", "painting", "painting"),
    ("səbət", "корзина", "basket", "weaving"),
    ("kukla", "кукла", "doll", "toys"),
    ("nimçə", "тарелка", "plate", "ceramics"),
    ("muncuq", "бусы", "beads", "jewellery"),
]
ADJECTIVES = [
    ("göy", "синий", "blue"),
    ("qırmızı", "красный", "red"),
    ("yaşıl", "зелёный", "green"),
    ("ağ", "белый", "white"),
    ("qara", "чёрный", "black"),
    ("böyük", "большой", "large"),
    ("kiçik", "маленький", "small"),
    ("ipək", "шёлковый", "silk"),
]
MATERIALS = ["yun, təbii boya", "gil, şirə", "ipək", "qoz ağacı", "pambıq", "muncuq, mis"]

SCENARIOS = [  # (label, language, query string)
    ("xalça + craft + max price", "az", "q=xalça&craft=carpets&max_price=300"),
    ("kasa + centre + in stock", "az", "q=kasa&centre=baku&availability=in_stock"),
    ("ковёр + craft + min price (ru)", "ru", "q=ковёр&craft=carpets&min_price=50"),
    ("silk scarf + centre + price (en)", "en", "q=silk+scarf&centre=barda&max_price=400"),
    ("prefix 'xal' + craft + in stock", "az", "q=xal&craft=carpets&availability=in_stock"),
    ("typo 'xalka' + centre + max price", "az", "q=xalka&centre=ismayilli&max_price=250"),
]


def build(products: int) -> None:
    from wagtail.models import Locale

    from beneficiaries.models import ConsentRecord, Maker
    from shop.catalogue.search import documents_rebuild
    from shop.models import Craft, Product, ProductMaker, ProductStatus, ProductTranslation
    from tests import factories

    centres = [
        factories.CentreFactory(name=name, slug=slug, city=name)
        for name, slug in (("Bakı", "baku"), ("İsmayıllı", "ismayilli"), ("Bərdə", "barda"))
    ]
    crafts = {}
    for index, slug in enumerate(sorted({noun[3] for noun in NOUNS})):
        crafts[slug] = Craft.objects.create(name=slug.title(), slug=slug, sort_order=index)
    makers = Maker.objects.bulk_create(
        Maker(centre=centres[i % 3], public_display_name=f"Usta {i}", slug=f"usta-{i}") for i in range(400)
    )
    ConsentRecord.objects.bulk_create(
        ConsentRecord(maker=maker, scope=ConsentRecord.Scope.NAME) for maker in makers[::2]
    )  # half the makers may be named
    rows = []
    for i in range(products):
        noun, adjective = NOUNS[i % len(NOUNS)], ADJECTIVES[(i // len(NOUNS)) % len(ADJECTIVES)]
        rows.append(
            Product(
                title=f"{adjective[0].capitalize()} {noun[0]} {i}",
                slug=f"item-{i}",
                description=f"Əl ilə hazırlanmış {adjective[0]} {noun[0]}. Hər biri təkdir.",
                materials=MATERIALS[i % len(MATERIALS)],
                price=Decimal(10 + (i * 37) % 490),
                stock=(i // 5) % 4,
                made_to_order=(i // 5) % 4 == 0,
                lead_time_days=21 if (i // 5) % 4 == 0 else None,
                status=ProductStatus.PUBLISHED,
                live=True,
                centre=centres[i % 3],
                craft=crafts[noun[3]],
            )
        )
    created = Product.objects.bulk_create(rows, batch_size=1000)
    ProductMaker.objects.bulk_create(
        (ProductMaker(product=p, maker=makers[(i * 3 + p.centre_id) % 400]) for i, p in enumerate(created)),
        batch_size=2000,
    )
    ru, en = Locale.objects.get(language_code="ru"), Locale.objects.get(language_code="en")
    translations = []
    for i, product in enumerate(created):
        noun, adjective = NOUNS[i % len(NOUNS)], ADJECTIVES[(i // len(NOUNS)) % len(ADJECTIVES)]
        translations += [
            ProductTranslation(product=product, locale=ru, title=f"{adjective[1].capitalize()} {noun[1]} {i}"),
            ProductTranslation(product=product, locale=en, title=f"{adjective[2].capitalize()} {noun[2]} {i}"),
        ]
    ProductTranslation.objects.bulk_create(translations, batch_size=2000)
    # Makers are given to the centre's products only loosely here; search does not care whose centre it is.
    start = time.perf_counter()
    written = documents_rebuild()
    print(f"  {written} search documents written in {time.perf_counter() - start:.0f} s", flush=True)


def run(scenario, clients: int, repeats: int, mode: str) -> tuple[float, float, int]:
    from django.db import connection
    from django.http import QueryDict
    from django.test import Client
    from django.utils import translation

    from shop.catalogue.forms import CatalogueFilterForm
    from shop.catalogue.selectors import catalogue_search, filter_options, with_card_data

    _label, language, query = scenario
    timings: list[float] = []
    found: list[int] = []
    lock = threading.Lock()

    def one_client():
        client = Client()
        mine = []
        for _ in range(repeats):
            start = time.perf_counter()
            if mode == "page":
                response = client.get(f"/{language}/shop/?{query}")
                assert response.status_code == 200
            else:
                with translation.override(language):
                    form = CatalogueFilterForm(QueryDict(query), options=filter_options())
                    form.is_valid()
                    products, _fuzzy = catalogue_search(form.catalogue_query())
                    count = products.count()
                    list(with_card_data(products, language=language)[:24])
                with lock:
                    found.append(count)
            mine.append((time.perf_counter() - start) * 1000)
        connection.close()
        with lock:
            timings.extend(mine)

    threads = [threading.Thread(target=one_client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    timings.sort()
    p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
    return statistics.median(timings), p95, (found[0] if found else -1)


def database_ms(scenario) -> tuple[float, bool]:
    """PostgreSQL's own execution time for the page of 24 (EXPLAIN ANALYZE), and whether a GIN index served it."""
    from django.db import connection
    from django.http import QueryDict
    from django.utils import translation

    from shop.catalogue.forms import CatalogueFilterForm
    from shop.catalogue.selectors import catalogue_search, filter_options

    _label, language, query = scenario
    with translation.override(language):
        form = CatalogueFilterForm(QueryDict(query), options=filter_options())
        form.is_valid()
        products, _fuzzy = catalogue_search(form.catalogue_query())
        sql, params = products[:24].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    plan = plan[0] if isinstance(plan, list) else plan
    text = str(plan)
    return plan["Execution Time"], "product_search_vector" in text or "product_search_words_trgm" in text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--products", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=40, help="timed requests per client and scenario")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    if connection.vendor != "postgresql":
        sys.exit("bench/search.py measures PostgreSQL's search: set DATABASE_URL=postgres://...")
    setup_test_environment()
    connection.settings_dict["TEST"]["NAME"] = f"{connection.settings_dict['NAME']}_bench_search"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        print(f"Building {args.products} products ...", flush=True)
        build(args.products)
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        print(f"\n{'search + two filters':<36} {'mode':<6} {'clients':>7} {'p50 ms':>8} {'p95 ms':>8} {'rows':>6}")
        print("-" * 76)
        for scenario in SCENARIOS:
            run(scenario, 1, 3, "page")  # warm-up: caches, plans
            ms, indexed = database_ms(scenario)
            print(f"{scenario[0]:<36} {'sql':<6} {'-':>7} {ms:>8.1f} {'':>8} {'GIN' if indexed else 'scan':>6}")
            for mode in ("query", "page"):
                for clients in (1, 8):
                    p50, p95, rows = run(scenario, clients, args.repeats, mode)
                    print(f"{scenario[0]:<36} {mode:<6} {clients:>7} {p50:>8.1f} {p95:>8.1f} {rows:>6}", flush=True)
        print(f"\n{args.repeats} requests per client; rows = products found (the page shows the first 24).")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


if __name__ == "__main__":
    main()
