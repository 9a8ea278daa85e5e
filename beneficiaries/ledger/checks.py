"""Reads for reconciliation: the ledger's totals, payouts against their entries, and sums per order line for
shop's `reconcile_ledger`, which compares them with the orders."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q

from .models import LedgerEntry, Payout
from .selectors import ZERO, Kind, money_sum


@dataclass
class LedgerTotals:
    by_kind: dict[str, Decimal]
    total: Decimal
    entries: int
    negative_balances: list[tuple[int, str, Decimal]]

    @property
    def balanced(self) -> bool:
        return self.total == sum(self.by_kind.values(), ZERO)


def ledger_totals() -> LedgerTotals:
    """Sums per kind, the grand total, and every maker whose balance is negative (two queries)."""
    sums = LedgerEntry.objects.aggregate(
        total=money_sum(), entries=Count("pk"), **{kind: money_sum(kind=kind) for kind in Kind.values}
    )
    negative = (
        LedgerEntry.objects.values("maker_id", "maker__public_display_name")
        .order_by("maker_id")
        .annotate(balance=money_sum())
        .filter(balance__lt=0)
    )
    return LedgerTotals(
        by_kind={kind: sums[kind] for kind in Kind.values},
        total=sums["total"],
        entries=sums["entries"],
        negative_balances=[(r["maker_id"], r["maker__public_display_name"], r["balance"]) for r in negative],
    )


def payout_mismatches() -> list[str]:
    """Payouts whose entries disagree with their status: paid without a payout entry, reversed without its
    reversal, pending with an entry. Empty when the payouts and the ledger agree."""
    problems = []
    entries = LedgerEntry.objects.filter(payout__isnull=False).values_list("payout_id", "kind")
    posted = {(payout_id, kind) for payout_id, kind in entries}
    for payout in Payout.objects.only("pk", "status", "approved_at", "created_at").iterator():
        has_payout, has_reversal = (payout.pk, Kind.PAYOUT) in posted, (payout.pk, Kind.PAYOUT_REVERSAL) in posted
        if payout.status == Payout.Status.PAID and (not has_payout or has_reversal):
            problems.append(f"payout {payout.pk} is paid but its ledger entries do not say so")
        elif payout.status == Payout.Status.PENDING_APPROVAL and (has_payout or has_reversal):
            problems.append(f"payout {payout.pk} waits for approval but is already posted")
        elif payout.status == Payout.Status.REVERSED and has_payout != has_reversal:
            problems.append(f"payout {payout.pk} is reversed but its payout and reversal entries do not pair up")
    return problems


@dataclass
class OrderLineSums:
    """What the ledger holds per order line, for the shop's reconciliation: sale credits (positive), refund
    debits (negative) and which refund lines were debited at all."""

    credits: dict[int, Decimal]
    debits: dict[int, Decimal]
    debited_refund_lines: set[int]


def ledger_sums_by_order_line() -> OrderLineSums:
    """Three grouped queries, whatever the number of orders."""
    rows = LedgerEntry.objects.filter(order_line__isnull=False).values("order_line_id").order_by("order_line_id")
    credits = rows.annotate(total=money_sum(kind=Kind.SALE_CREDIT), n=Count("pk", filter=Q(kind=Kind.SALE_CREDIT)))
    debits = rows.filter(kind=Kind.REFUND_DEBIT).annotate(total=money_sum())
    refund_lines = LedgerEntry.objects.filter(kind=Kind.REFUND_DEBIT).values_list("refund_line_id", flat=True)
    return OrderLineSums(
        credits={row["order_line_id"]: row["total"] for row in credits if row["n"]},
        debits={row["order_line_id"]: row["total"] for row in debits},
        debited_refund_lines=set(refund_lines.distinct()),
    )
