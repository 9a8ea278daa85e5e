"""`python manage.py release_stale_reservations --minutes 60`: give back stock held by abandoned checkouts.

Orders whose Checkout Session exists are settled by Stripe's `expired` webhook (or `reconcile_stripe`); this
covers orders that never got a session because Stripe was down and the buyer did not try again.
"""

from django.core.management.base import BaseCommand, CommandError

from shop.orders.services.reconcile import stale_orders_expire


class Command(BaseCommand):
    help = "Expire pending orders that never reached Stripe and release their reserved stock."

    def add_arguments(self, parser):
        parser.add_argument("--minutes", type=int, default=60, help="Only orders older than this (default 60).")

    def handle(self, *args, minutes: int, **options):
        if minutes < 5:
            raise CommandError("--minutes must be at least 5 so a buyer still on the checkout page keeps the stock.")
        expired = stale_orders_expire(older_than_minutes=minutes)
        for order in expired:
            self.stdout.write(f"{order.number}: pending_payment -> expired (never reached Stripe)")
        self.stdout.write(self.style.SUCCESS(f"Released the stock of {len(expired)} abandoned orders."))
