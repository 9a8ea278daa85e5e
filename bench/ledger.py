"""The makers' ledger at scale: finance dashboard, reconciliation totals, statement PDF (a benchmark, not a test).

    uv run python bench/ledger.py                 # throwaway SQLite database
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ledger uv run python bench/ledger.py

Like bench/catalogue_queries.py it creates its own test database (`bench_<name>` next to DATABASE_URL's),
fills it with bulk inserts (the ledger refuses updates and deletes, not inserts), measures, and drops it.
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")


def build_ledger(makers_count: int, entries_target: int) -> dict:
    from django.apps import apps
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from beneficiaries.models import Centre, LedgerEntry, Maker, Payout

    Order, OrderLine = apps.get_model("shop", "Order"), apps.get_model("shop", "OrderLine")
    Refund, RefundLine = apps.get_model("shop", "Refund"), apps.get_model("shop", "RefundLine")
    rng = random.Random(7)
    now = timezone.now()
    officer = get_user_model().objects.create_user("bench-finance", password="x", is_superuser=True, is_staff=True)
    centres = Centre.objects.bulk_create(
        Centre(name=name, slug=name.lower(), city=name) for name in ("Baku", "Ismayilli", "Barda")
    )
    makers = Maker.objects.bulk_create(
        Maker(public_display_name=f"Maker {i:03d}", slug=f"maker-{i}", centre=centres[i % 3])
        for i in range(makers_count)
    )
    # Shares of the target: 80 % sale credits (two makers a line), 8 % refund debits, 6 % payouts, 6 % adjustments.
    lines_count = int(entries_target * 0.4)
    orders = Order.objects.bulk_create(
        Order(
            number=f"B-{i:06d}",
            email="b@example.az",
            name="B",
            phone="1",
            delivery_method="pickup",
            subtotal=Decimal("50"),
            total=Decimal("50"),
            status="paid",
            paid_at=now,
        )
        for i in range(lines_count // 10)
    )
    lines = OrderLine.objects.bulk_create(
        OrderLine(
            order=orders[i // 10],
            title=f"Item {i}",
            unit_price=Decimal("25.00"),
            quantity=2,
            line_total=Decimal("50.00"),
            centre=centres[i % 3],
            centre_commission_percent=Decimal("20"),
            centre_amount=Decimal("10.00"),
        )
        for i in range(lines_count)
    )
    day = timedelta(days=1)
    entries, owed = [], {m.pk: Decimal(0) for m in makers}
    line_makers = {}
    for line in lines:
        pair = rng.sample(makers, 2)
        line_makers[line.pk] = pair
        when = now - rng.randint(0, 540) * day
        for maker, amount in zip(pair, (Decimal("24.00"), Decimal("16.00")), strict=True):
            entries.append(
                LedgerEntry(
                    maker=maker,
                    centre_id=maker.centre_id,
                    kind="sale_credit",
                    amount=amount,
                    quantity=2,
                    order_line=line,
                    created_at=when,
                )
            )
            owed[maker.pk] += amount
    # One refund of one unit on the first line of the first orders (a refund's sequence is per order).
    refunded = [lines[i * 10] for i in range(min(len(orders), int(entries_target * 0.04)))]
    refunds = Refund.objects.bulk_create(
        Refund(
            order_id=line.order_id,
            sequence=1,
            idempotency_key=f"bench-{line.pk}",
            amount=Decimal("25"),
            status="succeeded",
        )
        for line in refunded
    )
    refund_lines = RefundLine.objects.bulk_create(
        RefundLine(refund=refund, line=line, quantity=1, amount=Decimal("25"))
        for refund, line in zip(refunds, refunded, strict=True)
    )
    for refund_line in refund_lines:
        for maker, amount in zip(line_makers[refund_line.line_id], (Decimal("-12.00"), Decimal("-8.00")), strict=True):
            entries.append(
                LedgerEntry(
                    maker=maker,
                    centre_id=maker.centre_id,
                    kind="refund_debit",
                    amount=amount,
                    quantity=1,
                    order_line_id=refund_line.line_id,
                    refund_line=refund_line,
                    created_at=now - rng.randint(0, 60) * day,
                )
            )
            owed[maker.pk] += amount
    payouts = Payout.objects.bulk_create(
        Payout(
            maker=maker,
            payee_name=maker.public_display_name,
            method="cash",
            reference=f"R{i}",
            amount=Decimal("5.00"),
            status="paid",
            created_by=officer,
        )
        for i, maker in enumerate(rng.choices(makers, k=int(entries_target * 0.06)))
    )
    for payout in payouts:
        entries.append(
            LedgerEntry(
                maker=payout.maker,
                centre_id=payout.maker.centre_id,
                kind="payout",
                amount=-payout.amount,
                payout=payout,
                created_by=officer,
                created_at=now - rng.randint(0, 540) * day,
            )
        )
    while len(entries) < entries_target:
        maker = rng.choice(makers)
        entries.append(
            LedgerEntry(
                maker=maker,
                centre_id=maker.centre_id,
                kind="adjustment",
                amount=Decimal("0.50"),
                reason="bench",
                created_by=officer,
                created_at=now - rng.randint(0, 540) * day,
            )
        )
    LedgerEntry.objects.bulk_create(entries, batch_size=2000)
    busiest = max(makers, key=lambda m: owed[m.pk])
    return {"officer": officer, "maker": busiest, "entries": LedgerEntry.objects.count()}


def median_ms(work, repeats: int) -> float:
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--makers", type=int, default=400)
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment, teardown_test_environment
    from django.urls import reverse
    from django.utils import translation

    from beneficiaries.ledger.checks import ledger_totals
    from beneficiaries.ledger.selectors import maker_statement, statement_period
    from beneficiaries.ledger.statements import statement_pdf

    setup_test_environment()
    if connection.vendor != "sqlite":
        connection.settings_dict["TEST"]["NAME"] = f"bench_{connection.settings_dict['NAME']}"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        print(f"Building {args.makers} makers and {args.entries} entries on {connection.vendor} ...", flush=True)
        start = time.perf_counter()
        data = build_ledger(args.makers, args.entries)
        print(f"  built {data['entries']} entries in {time.perf_counter() - start:.1f} s", flush=True)
        client = Client()
        client.force_login(data["officer"])
        rows = []
        for label, url in (
            ("dashboard, first page", reverse("beneficiaries_money:dashboard")),
            ("dashboard, one centre", reverse("beneficiaries_money:dashboard") + f"?centre={data['maker'].centre_id}"),
            ("dashboard, CSV of all", reverse("beneficiaries_money:dashboard") + "?export=csv"),
        ):
            assert client.get(url).status_code == 200
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
                if response.streaming:
                    b"".join(response.streaming_content)
            rows.append((label, len(queries), median_ms(lambda url=url: _get(client, url), args.repeats)))
        with CaptureQueriesContext(connection) as queries:
            totals = ledger_totals()
        rows.append(("ledger totals (reconcile pass)", len(queries), median_ms(ledger_totals, args.repeats)))
        year = statement_period("year", data["maker"].created_at.year)

        def render_pdf():
            with translation.override("az"):
                statement_pdf(maker_statement(maker=data["maker"], start=year[0], end=year[1]))

        rows.append(("statement PDF, busiest maker, year", "-", median_ms(render_pdf, args.repeats)))

        print(f"\n{'what':<36} {'queries':>8} {'median ms':>10}")
        print("-" * 56)
        for label, queries, ms in rows:
            print(f"{label:<36} {queries!s:>8} {ms:>10.1f}")
        negative = len(totals.negative_balances)
        print(f"\n{totals.entries} entries, balanced: {totals.balanced}, negative balances: {negative}")
        print(f"{args.repeats} runs each after one warm-up; a finance officer signed in to the Wagtail admin.")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


def _get(client, url):
    response = client.get(url)
    if response.streaming:
        b"".join(response.streaming_content)


if __name__ == "__main__":
    main()
