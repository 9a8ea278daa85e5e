"""Writes to the makers' ledger and payouts. Nothing else creates a `LedgerEntry` or moves a `Payout`.

`shop` calls `ledger_credit_sale` in the transaction that marks an order paid and `ledger_debit_refund` in the
one that records a refund, so the money and the order move together or not at all. Both are idempotent: the
unique constraints decide, and a duplicate becomes "already done" inside a savepoint, so the caller's
transaction survives it. Payouts lock the maker row first (then the payout), always in that order.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_DOWN, Decimal

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Maker
from ..money import QEPIK, quantize
from .impact import IMPACT_CACHE_KEY
from .models import LedgerEntry, Payout, PayoutAuditEvent, PayoutReceipt
from .selectors import maker_available_balance, money_sum

Kind = LedgerEntry.Kind


class PayoutNotAllowed(ValidationError):
    """A payout (or its approval) that would break a rule finance must see: the message says which."""


def _post_once(entry: LedgerEntry, **identity) -> bool:
    """Insert `entry` unless an entry with `identity` exists; True if it was posted now.

    The insert runs in a savepoint, so a duplicate raced in by another process rolls back only the savepoint,
    never the caller's transaction (shop posts inside the one that marks the order paid).
    """
    if LedgerEntry.objects.filter(**identity).exists():
        return False
    try:
        with transaction.atomic():
            entry.save()
            _money_moved()
    except IntegrityError:
        if LedgerEntry.objects.filter(**identity).exists():
            return False
        raise
    return True


@dataclass(frozen=True)
class SaleLine:
    """One paid order line for `ledger_credit_sales`: its makers' parts as `(maker_id, amount)`."""

    order_line_id: int
    parts: list[tuple[int, Decimal]]
    currency: str
    quantity: int | None = None


def _checked_parts(parts) -> list[tuple[int, Decimal]]:
    parts = [(maker_id, Decimal(amount)) for maker_id, amount in parts]
    maker_ids = [maker_id for maker_id, _amount in parts]
    if len(set(maker_ids)) != len(maker_ids):
        raise ValueError("each maker may appear once in a line's parts")
    for _maker_id, amount in parts:
        if amount < 0 or amount != quantize(amount):
            raise ValueError(f"a maker's part must be a non-negative amount in whole qəpiks, not {amount}")
    return parts


def ledger_credit_sales(*, lines: Iterable[SaleLine], created_by=None, at: datetime | None = None) -> int:
    """Credit the makers of several paid order lines at once (an order's), in a constant number of queries;
    returns how many entries were posted now (0 on replay). A zero part posts nothing.

    Entries already posted are skipped; the rest go in one insert inside a savepoint. If another process raced
    the same posting in meanwhile, the savepoint rolls back and each entry is posted one by one, once.
    """
    lines = [SaleLine(line.order_line_id, _checked_parts(line.parts), line.currency, line.quantity) for line in lines]
    wanted = {(line.order_line_id, maker_id) for line in lines for maker_id, amount in line.parts if amount}
    if not wanted:
        return 0
    posted = set(
        LedgerEntry.objects.filter(
            kind=Kind.SALE_CREDIT, order_line_id__in={line_id for line_id, _maker in wanted}
        ).values_list("order_line_id", "maker_id")
    )
    centres = dict(Maker.objects.filter(pk__in={maker for _line, maker in wanted}).values_list("pk", "centre_id"))
    entries = [
        LedgerEntry(
            maker_id=maker_id,
            centre_id=centres[maker_id],
            kind=Kind.SALE_CREDIT,
            amount=amount,
            currency=line.currency,
            quantity=line.quantity,
            order_line_id=line.order_line_id,
            created_by=created_by,
            created_at=at or timezone.now(),
        )
        for line in lines
        for maker_id, amount in line.parts
        if amount and (line.order_line_id, maker_id) not in posted
    ]
    if not entries:
        return 0
    try:
        with transaction.atomic():
            LedgerEntry.objects.bulk_create(entries)
            _money_moved()
        return len(entries)
    except IntegrityError:
        identity = ("order_line_id", "maker_id", "kind")
        return sum(_post_once(entry, **{field: getattr(entry, field) for field in identity}) for entry in entries)


def ledger_credit_sale(
    *,
    order_line_id: int,
    parts: Iterable[tuple[int, Decimal]],
    currency: str,
    quantity: int | None = None,
    created_by=None,
    at: datetime | None = None,
) -> int:
    """Credit each maker their part of one paid order line; returns how many entries were posted now.

    `parts` are `(maker_id, amount)` as copied on the order (`OrderLineMaker`); see `ledger_credit_sales`.
    """
    line = SaleLine(order_line_id, list(parts), currency, quantity)
    return ledger_credit_sales(lines=[line], created_by=created_by, at=at)


def refund_debit_amounts(
    credits: dict[int, Decimal], debited: dict[int, Decimal], refunded_before: int, quantity: int, line_quantity: int
) -> dict[int, Decimal]:
    """What to debit each maker (as negative amounts) for `quantity` more units of a line of `line_quantity`.

    Each maker's cumulative debit after this refund is their credit × (units refunded so far) / line quantity,
    rounded by the largest-remainder rule across makers so the parts add up to the rounded total. Because the
    target is cumulative, a run of partial refunds never debits more than was credited and the last unit
    debits exactly what is left: refunding every unit debits exactly the credit.
    """
    after = refunded_before + quantity
    if quantity <= 0 or after > line_quantity:
        raise ValueError(f"cannot refund {quantity} more of {line_quantity} units ({refunded_before} refunded)")
    makers = sorted(credits)
    if after == line_quantity:
        targets = {m: credits[m] for m in makers}
    else:
        exact = {m: credits[m] / QEPIK * after / line_quantity for m in makers}
        floors = {m: exact[m].to_integral_value(rounding=ROUND_DOWN) for m in makers}
        total = quantize(sum(exact.values(), Decimal(0)) * QEPIK) / QEPIK
        leftover = int(total - sum(floors.values(), Decimal(0)))
        for m in sorted(makers, key=lambda m: (-(exact[m] - floors[m]), m))[:leftover]:
            floors[m] += 1
        targets = {m: floors[m] * QEPIK for m in makers}
    # Never credit back: a maker whose rounding went their way last time just gets no debit this time.
    return {m: -max(targets[m] - debited.get(m, Decimal(0)), Decimal(0)) for m in makers}


def ledger_debit_refund(
    *,
    refund_line_id: int,
    order_line_id: int,
    quantity: int,
    line_quantity: int,
    currency: str,
    created_by=None,
    at: datetime | None = None,
) -> int:
    """Debit the makers credited for an order line, in their proportions, for `quantity` refunded units.

    Returns how many entries were posted now (0 when this refund line was already debited). The delivery fee
    is never part of a maker's credit, so it is never debited either.
    """
    with transaction.atomic():
        # Lock the line's credits so two refunds of the same line compute their cumulative targets in turn.
        credit_rows = list(
            LedgerEntry.objects.select_for_update()
            .filter(order_line_id=order_line_id, kind=Kind.SALE_CREDIT)
            .order_by("pk")
            .values_list("maker_id", "amount", "centre_id")
        )
        if LedgerEntry.objects.filter(refund_line_id=refund_line_id, kind=Kind.REFUND_DEBIT).exists():
            return 0
        if not credit_rows:
            raise ValueError(f"order line {order_line_id} has no sale credits to refund")
        credits = {maker_id: amount for maker_id, amount, _centre in credit_rows}
        previous = LedgerEntry.objects.filter(order_line_id=order_line_id, kind=Kind.REFUND_DEBIT)
        debited = {row["maker_id"]: -row["total"] for row in previous.values("maker_id").annotate(total=money_sum())}
        # Every refund line posts one entry per credited maker, so any maker's entries count the units.
        first_maker = min(credits)
        refunded_before = previous.filter(maker_id=first_maker).aggregate(units=Sum("quantity"))["units"] or 0
        amounts = refund_debit_amounts(credits, debited, refunded_before, quantity, line_quantity)
        centres = dict(Maker.objects.filter(pk__in=credits).values_list("pk", "centre_id"))
        posted = 0
        for maker_id, amount in amounts.items():
            entry = LedgerEntry(
                maker_id=maker_id,
                centre_id=centres[maker_id],
                kind=Kind.REFUND_DEBIT,
                amount=amount,
                currency=currency,
                quantity=quantity,
                order_line_id=order_line_id,
                refund_line_id=refund_line_id,
                created_by=created_by,
                created_at=at or timezone.now(),
            )
            posted += _post_once(entry, refund_line_id=refund_line_id, maker_id=maker_id, kind=Kind.REFUND_DEBIT)
        return posted


def _money_moved() -> None:
    """The public impact figures are cached; drop them once the money that changed them is committed."""
    transaction.on_commit(lambda: cache.delete(IMPACT_CACHE_KEY))


def _audit(payout: Payout, action: str, actor, note: str = "", at: datetime | None = None) -> None:
    PayoutAuditEvent.objects.create(payout=payout, action=action, actor=actor, note=note, at=at or timezone.now())


def _post_payout_entry(payout: Payout, kind: str, amount: Decimal, user, maker: Maker, reason: str = "") -> None:
    _money_moved()
    LedgerEntry.objects.create(
        maker=maker,
        centre_id=maker.centre_id,
        kind=kind,
        amount=amount,
        currency=payout.currency,
        payout=payout,
        reason=reason,
        created_by=user,
    )


def _lock_maker(maker_id: int) -> Maker:
    return Maker.objects.select_for_update().get(pk=maker_id)


def payout_record(
    *,
    maker: Maker,
    amount: Decimal,
    payee_kind: str,
    payee_name: str,
    method: str,
    reference: str,
    created_by,
    currency: str | None = None,
) -> Payout:
    """Record money handed to a maker or their guardian.

    Up to `LEDGER_PAYOUT_APPROVAL_THRESHOLD` it is paid (and posted) at once; above it, it waits for a second
    finance officer, and meanwhile reserves its amount so no other payout can spend the same money.
    Raises `PayoutNotAllowed` when the amount exceeds what the maker has available.
    """
    amount = Decimal(amount)
    if amount <= 0 or amount != quantize(amount):
        raise PayoutNotAllowed(_("A payout must be a positive amount in whole qəpiks."))
    if not payee_name.strip() or not reference.strip():
        raise PayoutNotAllowed(_("Name the payee and give the receipt number or bank reference."))
    with transaction.atomic():
        locked = _lock_maker(maker.pk)
        available = maker_available_balance(locked)
        if amount > available:
            raise PayoutNotAllowed(
                _("%(maker)s has %(available)s available; a payout of %(amount)s would exceed it.")
                % {"maker": locked, "available": available, "amount": amount}
            )
        needs_approval = amount > settings.LEDGER_PAYOUT_APPROVAL_THRESHOLD
        payout = Payout.objects.create(
            maker=locked,
            payee_kind=payee_kind,
            payee_name=payee_name.strip(),
            method=method,
            reference=reference.strip(),
            amount=amount,
            currency=currency or locked.centre.currency,
            status=Payout.Status.PENDING_APPROVAL if needs_approval else Payout.Status.PAID,
            created_by=created_by,
        )
        _audit(payout, PayoutAuditEvent.Action.RECORDED, created_by)
        if not needs_approval:
            _post_payout_entry(payout, Kind.PAYOUT, -amount, created_by, locked)
            _audit(payout, PayoutAuditEvent.Action.PAID, created_by)
        return payout


def payout_approve(*, payout: Payout, approved_by) -> Payout:
    """The second finance officer's approval: re-checks the balance under the lock, then posts the payout."""
    with transaction.atomic():
        maker = _lock_maker(payout.maker_id)
        payout = Payout.objects.select_for_update().get(pk=payout.pk)
        if payout.status != Payout.Status.PENDING_APPROVAL:
            raise PayoutNotAllowed(_("This payout is not waiting for approval."))
        if payout.created_by_id == approved_by.pk:
            raise PayoutNotAllowed(_("A second finance officer must approve a payout you recorded yourself."))
        # This payout's own reservation is part of what is no longer available; add it back before comparing.
        if payout.amount > maker_available_balance(maker) + payout.amount:
            raise PayoutNotAllowed(_("The maker's available balance no longer covers this payout."))
        payout.status = Payout.Status.PAID
        payout.approved_by = approved_by
        payout.approved_at = timezone.now()
        payout.save(update_fields=["status", "approved_by", "approved_at"])
        _post_payout_entry(payout, Kind.PAYOUT, -payout.amount, approved_by, maker)
        _audit(payout, PayoutAuditEvent.Action.APPROVED, approved_by)
        return payout


def payout_reverse(*, payout: Payout, reversed_by, reason: str) -> Payout:
    """Undo a payout (the money did not reach the payee): a positive entry, never a delete.

    A payout still waiting for approval had posted nothing, so reversing it only releases its reservation.
    """
    if not reason.strip():
        raise PayoutNotAllowed(_("Give the reason for the reversal."))
    with transaction.atomic():
        maker = _lock_maker(payout.maker_id)
        payout = Payout.objects.select_for_update().get(pk=payout.pk)
        if payout.status == Payout.Status.REVERSED:
            raise PayoutNotAllowed(_("This payout was already reversed."))
        if payout.status == Payout.Status.PAID:
            _post_payout_entry(payout, Kind.PAYOUT_REVERSAL, payout.amount, reversed_by, maker, reason.strip())
        payout.status = Payout.Status.REVERSED
        payout.reversed_by = reversed_by
        payout.reversed_at = timezone.now()
        payout.reversal_reason = reason.strip()
        payout.save(update_fields=["status", "reversed_by", "reversed_at", "reversal_reason"])
        _audit(payout, PayoutAuditEvent.Action.REVERSED, reversed_by, reason.strip())
        return payout


def ledger_adjust(*, maker: Maker, amount: Decimal, reason: str, created_by) -> LedgerEntry:
    """A correction by a person, with the reason; a debit may not take more than the maker has available."""
    amount = Decimal(amount)
    if created_by is None or not reason.strip():
        raise ValidationError(_("An adjustment needs a reason and the person making it."))
    if amount == 0 or amount != quantize(amount):
        raise ValidationError(_("An adjustment must be a non-zero amount in whole qəpiks."))
    with transaction.atomic():
        locked = _lock_maker(maker.pk)
        if amount < 0 and -amount > maker_available_balance(locked):
            raise ValidationError(_("This adjustment would take more than the maker has available."))
        _money_moved()
        return LedgerEntry.objects.create(
            maker=locked,
            centre_id=locked.centre_id,
            kind=Kind.ADJUSTMENT,
            amount=amount,
            currency=locked.centre.currency,
            reason=reason.strip(),
            created_by=created_by,
        )


def payout_receipt_add(*, payout: Payout, stored_name: str, uploaded_by) -> PayoutReceipt:
    """Record a receipt already put on the private storage (`beneficiaries.services.private_file_store`)."""
    return PayoutReceipt.objects.create(payout=payout, file=stored_name, uploaded_by=uploaded_by)
