"""What the makers' ledger (in beneficiaries) hears from the shop, and the check that it heard everything.

Sales are credited inside the transaction that marks an order paid (`order_mark_paid`), refunds are debited
inside the one that records them (`refund_mark_succeeded`): the order and the money move together or not at
all. Posting is idempotent (unique constraints in the ledger), so a replayed webhook, a redirect racing its
webhook or a re-run of `reconcile_stripe` or `reconcile_ledger --repair` never posts twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.db.models import Prefetch, Sum

from beneficiaries.ledger.checks import ledger_sums_by_order_line, ledger_totals, payout_mismatches
from beneficiaries.ledger.services import SaleLine, ledger_credit_sales, ledger_debit_refund

from ..models import Order, OrderLine, OrderLineMaker, Refund, RefundLine

ZERO = Decimal("0.00")


def order_ledger_post(*, order: Order, created_by=None) -> int:
    """Credit every maker of every line of a paid order with the part copied on the order; 0 on a replay."""
    lines = order.lines.order_by("pk").prefetch_related(
        Prefetch("makers", queryset=OrderLineMaker.objects.order_by("maker_id"))
    )
    sales = [
        SaleLine(
            order_line_id=line.pk,
            parts=[(part.maker_id, part.amount) for part in line.makers.all()],
            currency=line.currency,
            quantity=line.quantity,
        )
        for line in lines
    ]
    return ledger_credit_sales(lines=sales, created_by=created_by)


def refund_ledger_post(*, refund: Refund) -> int:
    """Debit the makers of each refunded line in the proportions they were credited; the delivery fee is not
    theirs, so it is never debited. A refund without lines (made in Stripe's dashboard) debits nobody: finance
    sees it in `reconcile_ledger` and records an adjustment."""
    with transaction.atomic():
        # An order paid before its credits existed (or whose posting was lost) is credited first, so the debit
        # always has something to debit; crediting twice is impossible.
        order_ledger_post(order=refund.order)
        posted = 0
        for refund_line in refund.lines.select_related("line").order_by("line_id"):
            posted += ledger_debit_refund(
                refund_line_id=refund_line.pk,
                order_line_id=refund_line.line_id,
                quantity=refund_line.quantity,
                line_quantity=refund_line.line.quantity,
                currency=refund_line.line.currency,
                created_by=refund.requested_by,
            )
    return posted


@dataclass
class LedgerReport:
    """Totals to print, and every difference found, each naming the order or the maker."""

    totals: dict[str, Decimal] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)
    # Worth a person's look but not a ledger error, e.g. a refund made in Stripe's dashboard without items.
    notes: list[str] = field(default_factory=list)


def _expected_parts() -> dict[int, tuple[Order, Decimal, Decimal, Decimal]]:
    """Per paid order line: (order, line total, centre's part, makers' parts as copied on the order)."""
    lines = (
        OrderLine.objects.filter(order__paid_at__isnull=False)
        .select_related("order")
        .annotate(makers_total=Sum("makers__amount"))
        .order_by("pk")
    )
    return {line.pk: (line.order, line.line_total, line.centre_amount, line.makers_total or ZERO) for line in lines}


def ledger_reconcile(*, repair: bool = False) -> LedgerReport:
    """Compare the ledger with the orders and refunds; with `repair`, post missing sale credits (once)."""
    report = LedgerReport()
    expected = _expected_parts()
    posted = ledger_sums_by_order_line()
    missing_orders: dict[int, Order] = {}
    for line_id, (order, line_total, centre_amount, makers_total) in expected.items():
        credited = posted.credits.get(line_id)
        if credited is None and makers_total > 0:
            missing_orders[order.pk] = order
            continue
        if centre_amount + makers_total != line_total:
            report.problems.append(f"order {order.number}: line {line_id} splits {line_total} into more or less")
        if credited is not None and credited != makers_total:
            report.problems.append(
                f"order {order.number}: line {line_id} credited {credited}, the order gives makers {makers_total}"
            )
    for order in missing_orders.values():
        if repair:
            order_ledger_post(order=order)
            report.repaired.append(f"order {order.number}: sale credits posted")
        else:
            report.problems.append(f"order {order.number}: paid but its makers were never credited")
    _check_refunds(report, posted)
    totals = ledger_totals()
    for maker_id, name, balance in totals.negative_balances:
        report.problems.append(f"maker {name} (#{maker_id}): balance {balance} is negative")
    paid_lines = list(expected.values())
    report.totals = {
        "paid for items": sum((total for _o, total, _c, _m in paid_lines), ZERO),
        "centres' commission": sum((centre for _o, _t, centre, _m in paid_lines), ZERO),
        "makers' part of sales": sum((makers for _o, _t, _c, makers in paid_lines), ZERO),
        **{f"ledger: {kind}": amount for kind, amount in totals.by_kind.items()},
        "ledger: owed to makers": totals.total,
    }
    report.problems += payout_mismatches()
    if not totals.balanced:
        report.problems.append("ledger: the sum of entries differs from the sum of its kinds")
    return report


def _check_refunds(report: LedgerReport, posted) -> None:
    """Each refunded line's units are debited; a fully refunded line is debited exactly what was credited."""
    refund_lines = RefundLine.objects.filter(refund__status=Refund.Status.SUCCEEDED).select_related(
        "refund__order", "line"
    )
    for refund_line in refund_lines.order_by("pk"):
        if refund_line.pk not in posted.debited_refund_lines:
            report.problems.append(
                f"order {refund_line.refund.order.number}: refund {refund_line.refund.sequence} of line "
                f"{refund_line.line_id} was never debited from its makers"
            )
        line = refund_line.line
        credited = posted.credits.get(line.pk, ZERO)
        debited = -posted.debits.get(line.pk, ZERO)
        if debited > credited or (line.quantity_refunded == line.quantity and debited != credited):
            report.problems.append(
                f"order {refund_line.refund.order.number}: line {line.pk} debited {debited} of {credited} credited"
            )
    external = Refund.objects.filter(status=Refund.Status.SUCCEEDED, external=True).select_related("order")
    for refund in external.order_by("pk"):
        report.notes.append(
            f"order {refund.order.number}: {refund.amount} refunded in Stripe's dashboard without items, so no "
            "maker was debited; record an adjustment if it was for their work"
        )
