"""`python manage.py reconcile_stripe --days 3`: repair orders whose webhook never arrived."""

from django.core.management.base import BaseCommand, CommandError

from shop.orders.services.reconcile import stripe_reconcile
from shop.orders.stripe_gateway import PaymentRequestRejected, PaymentServiceUnavailable


class Command(BaseCommand):
    help = "List Stripe Checkout Sessions of the last N days and bring their orders up to date (paid, expired)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=3, help="How far back to look (default 3 days).")

    def handle(self, *args, days: int, **options):
        if days < 1 or days > 90:
            raise CommandError("--days must be between 1 and 90.")
        try:
            report = stripe_reconcile(days=days)
        except (PaymentServiceUnavailable, PaymentRequestRejected) as exc:
            raise CommandError(f"Stripe could not be asked: {exc}") from exc
        for change in report.changes:
            self.stdout.write(change)
        self.stdout.write(self.style.SUCCESS(report.summary))
