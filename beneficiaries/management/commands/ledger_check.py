"""Check the makers' ledger on its own: totals per kind, payouts against their entries, negative balances.

Exits 1 (naming the maker or payout) on any difference. The order-side checks (every paid order has its
credits, credits plus the centre's part equal what was paid) need shop's orders and live in shop's
`reconcile_ledger`, which can call this command's checks through `beneficiaries.ledger_selectors`.
"""

from django.core.management.base import BaseCommand

from beneficiaries.ledger_selectors import ledger_totals, payout_mismatches


class Command(BaseCommand):
    help = "Check the makers' ledger: totals per kind, payouts against entries, negative balances."

    def handle(self, *args, **options):
        totals = ledger_totals()
        self.stdout.write(f"{'kind':<20} {'total':>14}")
        self.stdout.write("-" * 35)
        for kind, amount in totals.by_kind.items():
            self.stdout.write(f"{kind:<20} {amount:>14}")
        self.stdout.write(f"{'all entries':<20} {totals.total:>14}  ({totals.entries} entries)")
        problems = list(payout_mismatches())
        if not totals.balanced:
            problems.append("the sum of the kinds differs from the sum of all entries")
        problems += [
            f"maker {maker_id} ({name}) has a negative balance: {balance}"
            for maker_id, name, balance in totals.negative_balances
        ]
        for problem in problems:
            self.stderr.write(problem)
        if problems:
            raise SystemExit(1)
        self.stdout.write(self.style.SUCCESS("The ledger balances."))
