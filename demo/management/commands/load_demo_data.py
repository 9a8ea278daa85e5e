"""`manage.py load_demo_data`: the demo shop for a newcomer's machine. The work is done in the `demo` package."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from demo.builder import DEFAULT_MAKERS, DEFAULT_PRODUCTS, DEFAULT_SEED, MIN_MAKERS, demo_data_load
from demo.orders import DEFAULT_ORDERS
from demo.people import DEMO_ACCOUNTS


class Command(BaseCommand):
    help = (
        "Load demo centres, makers, products with drawn photos, maker stories, a paid sales history and demo "
        "accounts. Safe to rerun."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--products", type=int, default=DEFAULT_PRODUCTS, help="number of products (300)")
        parser.add_argument("--makers", type=int, default=DEFAULT_MAKERS, help="number of makers (44)")
        parser.add_argument("--orders", type=int, default=DEFAULT_ORDERS, help="paid orders in the history (300)")
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed; the same seed, the same shop")

    def handle(self, *args, products: int, makers: int, orders: int, seed: int, **options) -> None:
        # The accounts below have passwords printed in the README: they must never exist on a real server.
        if not settings.DEBUG:
            raise CommandError(
                "load_demo_data creates accounts with publicly known passwords, so it runs only with DEBUG on "
                "(set DJANGO_DEBUG=1 on a development machine)."
            )
        if products < 0:
            raise CommandError("--products cannot be negative.")
        if orders < 0:
            raise CommandError("--orders cannot be negative.")
        if makers < MIN_MAKERS:
            raise CommandError(f"--makers must be at least {MIN_MAKERS} (one per centre).")
        started = time.monotonic()
        summary = demo_data_load(products=products, makers=makers, orders=orders, seed=seed, log=self.stdout.write)
        self.stdout.write(self.style.SUCCESS(f"Demo data ready in {time.monotonic() - started:.1f} s:"))
        for name, count in summary.items():
            self.stdout.write(f"  {name}: {count}")
        self.stdout.write("Demo accounts (sign in at /admin/):")
        for username, password, role in DEMO_ACCOUNTS:
            self.stdout.write(f"  {username:<22} {password:<22} {role}")
