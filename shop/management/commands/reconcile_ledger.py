"""`python manage.py reconcile_ledger [--repair]`: does the makers' ledger agree with the orders and refunds?"""

from django.core.management.base import BaseCommand, CommandError

from beneficiaries.money import format_money
from shop.orders.services.ledger import ledger_reconcile


class Command(BaseCommand):
    help = (
        "Check that every paid order credited its makers (makers' parts plus the centre's commission equal what "
        "was paid for the items), refunds debited them, no balance is negative and the entries add up. Prints a "
        "table; exits 1 on any difference, naming the order or maker. --repair posts missing sale credits once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--repair", action="store_true", help="post sale credits that are missing (once)")

    def handle(self, *args, repair: bool, **options):
        report = ledger_reconcile(repair=repair)
        width = max(len(name) for name in report.totals)
        for name, amount in report.totals.items():
            self.stdout.write(f"{name:<{width}}  {format_money(amount, language='en'):>16}")
        for line in report.repaired:
            self.stdout.write(self.style.WARNING(f"repaired: {line}"))
        for line in report.notes:
            self.stdout.write(f"note: {line}")
        for line in report.problems:
            self.stderr.write(self.style.ERROR(f"difference: {line}"))
        if report.problems:
            raise CommandError(f"{len(report.problems)} difference(s) between the ledger and the orders.", returncode=1)
        self.stdout.write(self.style.SUCCESS("The ledger reconciles with every paid order and refund."))
