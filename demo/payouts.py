"""Demo payouts: the centre pays its makers every quarter of the sales history, as a finance office would.

Each run pays every maker what they had earned by then (in whole manats), in cash with a receipt number or by
bank transfer with a reference, to the maker or to their guardian. Payouts above the approval threshold wait
for a second finance officer; the older ones were approved by the other officer, the latest run's are left
waiting so the demo `finance` account has approvals to make. One bank transfer came back and was reversed.
All through `beneficiaries.ledger.services`, dated with time-machine like the orders. Safe to run twice.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from decimal import ROUND_DOWN, Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from beneficiaries.ledger.models import LedgerEntry, Payout
from beneficiaries.ledger.selectors import money_sum
from beneficiaries.ledger.services import payout_approve, payout_record, payout_reverse
from beneficiaries.models import ConsentRecord, Maker

RUN_AGES_DAYS = (450, 360, 270, 180, 90, 12)  # quarterly, the last one a dozen days ago
SMALLEST_PAYOUT = Decimal("15.00")

Log = Callable[[str], None]


def _payee(maker: Maker) -> tuple[str, str]:
    guardian = (
        ConsentRecord.objects.filter(maker=maker, given_by=ConsentRecord.GivenBy.GUARDIAN)
        .exclude(guardian_name="")
        .values_list("guardian_name", flat=True)
        .first()
    )
    if guardian:
        return Payout.PayeeKind.GUARDIAN, guardian
    return Payout.PayeeKind.MAKER, maker.public_display_name


def _owed_by(moment) -> dict[int, Decimal]:
    """Each maker's balance from the entries posted before `moment` (the history is dated)."""
    rows = (
        LedgerEntry.objects.filter(created_at__lt=moment)
        .values("maker_id")
        .order_by("maker_id")
        .annotate(balance=money_sum())
    )
    return {row["maker_id"]: row["balance"] for row in rows}


def payouts_ensure(*, log: Log) -> int:
    """Record the quarterly payout runs once; returns how many payouts were recorded now."""
    if Payout.objects.exists():
        return 0
    import time_machine  # a development dependency, like the rest of the demo's time travel

    users = get_user_model().objects.in_bulk(["finance", "finance-2"], field_name="username")
    first, second = users.get("finance"), users.get("finance-2")
    if first is None or second is None:
        return 0
    makers = Maker.objects.in_bulk()
    now = timezone.now()
    recorded = 0
    for run, age in enumerate(RUN_AGES_DAYS):
        moment = now - timedelta(days=age)
        latest_run = run == len(RUN_AGES_DAYS) - 1
        # The latest run is recorded by the second officer, so the demo `finance` account can approve it.
        recorder, approver = (second, first) if latest_run else (first, second)
        with time_machine.travel(moment, tick=True), transaction.atomic():
            for maker_id, owed in sorted(_owed_by(moment).items()):
                amount = owed.quantize(Decimal("1"), rounding=ROUND_DOWN)
                if amount < SMALLEST_PAYOUT:
                    continue
                maker = makers[maker_id]
                payee_kind, payee_name = _payee(maker)
                by_bank = amount > 100
                payout = payout_record(
                    maker=maker,
                    amount=amount,
                    payee_kind=payee_kind,
                    payee_name=payee_name,
                    method=Payout.Method.BANK_TRANSFER if by_bank else Payout.Method.CASH,
                    reference=f"{'TRF' if by_bank else 'KQ'}-{moment:%Y%m}-{maker_id:04d}",
                    created_by=recorder,
                )
                recorded += 1
                if payout.status == Payout.Status.PENDING_APPROVAL and not latest_run:
                    payout_approve(payout=payout, approved_by=approver)
        if run == 1:
            _reverse_one_transfer(moment, officer=second)
        log(f"payouts: run {run + 1}/{len(RUN_AGES_DAYS)} recorded")
    return recorded


def _reverse_one_transfer(moment, *, officer) -> None:
    """A bank returned one transfer (a mistyped account number): reversed, so the money is owed again."""
    import time_machine

    transfer = Payout.objects.filter(method=Payout.Method.BANK_TRANSFER, status=Payout.Status.PAID).first()
    if transfer is None:
        return
    with time_machine.travel(moment + timedelta(days=5), tick=True):
        payout_reverse(
            payout=transfer, reversed_by=officer, reason="The bank returned the transfer: wrong account number."
        )
