"""Posting sales and refunds, payouts and adjustments: balances, idempotency, four eyes, reversals."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation

from beneficiaries.ledger.models import LedgerEntry, Payout, PayoutAuditEvent
from beneficiaries.ledger.selectors import maker_available_balance, maker_balance
from beneficiaries.ledger.services import (
    PayoutNotAllowed,
    ledger_adjust,
    ledger_credit_sale,
    ledger_debit_refund,
    payout_approve,
    payout_record,
    payout_reverse,
    refund_debit_amounts,
)
from beneficiaries.money import split_by_percent

D = Decimal


@pytest.fixture
def two_makers(maker_factory, centre_factory):
    centre = centre_factory()
    return maker_factory(centre=centre), maker_factory(centre=centre)


def credit(line, parts, quantity=None):
    return ledger_credit_sale(
        order_line_id=line.pk, parts=[(m.pk, a) for m, a in parts], currency="AZN", quantity=quantity
    )


def test_a_sale_credits_each_maker_their_part_once_even_when_replayed(two_makers, order_line_factory):
    first, second = two_makers
    line = order_line_factory(centre=first.centre, quantity=3, unit_price=D("10.00"))
    assert credit(line, [(first, D("14.40")), (second, D("9.60"))], quantity=3) == 2
    assert credit(line, [(first, D("14.40")), (second, D("9.60"))], quantity=3) == 0
    assert maker_balance(first) == D("14.40")
    assert maker_balance(second) == D("9.60")
    entry = LedgerEntry.objects.get(maker=first)
    assert (entry.kind, entry.centre, entry.order_line) == (LedgerEntry.Kind.SALE_CREDIT, first.centre, line)


def test_a_replay_inside_the_callers_transaction_keeps_that_transaction_usable(two_makers, order_line_factory):
    first, _second = two_makers
    line = order_line_factory(centre=first.centre)
    with transaction.atomic():
        credit(line, [(first, D("20.00"))])
        assert credit(line, [(first, D("20.00"))]) == 0
        assert LedgerEntry.objects.count() == 1
    assert maker_balance(first) == D("20.00")


def test_a_partial_refund_debits_the_same_makers_in_proportion(two_makers, order_line_factory, refund_line_factory):
    first, second = two_makers
    line = order_line_factory(centre=first.centre, quantity=4, unit_price=D("25.00"))
    per_unit = split_by_percent(D("20.00"), [D("60"), D("40")])  # 12.00 + 8.00 per unit after commission
    credit(line, [(first, per_unit[0] * 4), (second, per_unit[1] * 4)], quantity=4)
    refund = refund_line_factory(line=line, quantity=1)
    posted = ledger_debit_refund(
        refund_line_id=refund.pk, order_line_id=line.pk, quantity=1, line_quantity=4, currency="AZN"
    )
    assert posted == 2
    assert (maker_balance(first), maker_balance(second)) == (D("36.00"), D("24.00"))
    again = ledger_debit_refund(
        refund_line_id=refund.pk, order_line_id=line.pk, quantity=1, line_quantity=4, currency="AZN"
    )
    assert again == 0
    assert maker_balance(first) == D("36.00")


def test_refunding_every_unit_in_odd_steps_debits_exactly_what_was_credited(
    two_makers, order_line_factory, refund_line_factory
):
    first, second = two_makers
    line = order_line_factory(centre=first.centre, quantity=3, unit_price=D("3.33"))
    credit(line, [(first, D("0.01")), (second, D("7.98"))], quantity=3)  # not a per-unit split on purpose
    for units in (1, 1, 1):
        refund = refund_line_factory(line=line, quantity=units)
        ledger_debit_refund(
            refund_line_id=refund.pk, order_line_id=line.pk, quantity=units, line_quantity=3, currency="AZN"
        )
        assert maker_balance(first) >= 0 and maker_balance(second) >= 0
    assert (maker_balance(first), maker_balance(second)) == (D("0.00"), D("0.00"))


def test_refunding_more_units_than_the_line_has_is_refused(two_makers, order_line_factory, refund_line_factory):
    first, _ = two_makers
    line = order_line_factory(centre=first.centre, quantity=1)
    credit(line, [(first, D("20.00"))], quantity=1)
    refund_line_factory(line=line)
    with pytest.raises(ValueError):
        ledger_debit_refund(
            refund_line_id=refund_line_factory(line=line).pk,
            order_line_id=line.pk,
            quantity=2,
            line_quantity=1,
            currency="AZN",
        )


def test_refund_debit_amounts_never_exceed_credits_and_end_exact():
    credits = {1: D("0.05"), 2: D("0.02"), 3: D("10.00")}
    debited: dict[int, Decimal] = {}
    refunded = 0
    for step in (2, 1, 3, 1):
        amounts = refund_debit_amounts(credits, debited, refunded, step, 7)
        refunded += step
        for maker, amount in amounts.items():
            assert amount <= 0
            debited[maker] = debited.get(maker, D(0)) - amount
            assert debited[maker] <= credits[maker]
    assert debited == credits


@pytest.fixture
def paid_maker(maker_factory, order_line_factory):
    maker = maker_factory()
    line = order_line_factory(centre=maker.centre, unit_price=D("1000.00"), quantity=1)
    credit(line, [(maker, D("800.00"))])
    return maker


def pay(maker, amount, officer, **kwargs):
    return payout_record(
        maker=maker,
        amount=D(amount),
        payee_kind=kwargs.get("payee_kind", Payout.PayeeKind.MAKER),
        payee_name=kwargs.get("payee_name", "Aysel M."),
        method=Payout.Method.CASH,
        reference="R-0001",
        created_by=officer,
    )


def test_a_small_payout_is_posted_at_once_and_audited(paid_maker, user_factory):
    officer = user_factory()
    payout = pay(paid_maker, "300.00", officer)
    assert payout.status == Payout.Status.PAID
    assert maker_balance(paid_maker) == D("500.00")
    assert list(payout.audit_events.values_list("action", flat=True)) == ["recorded", "paid"]


def test_a_payout_above_the_balance_is_refused_with_a_message(paid_maker, user_factory):
    with pytest.raises(PayoutNotAllowed, match="800"):
        pay(paid_maker, "800.01", user_factory())
    assert not Payout.objects.exists()
    assert maker_balance(paid_maker) == D("800.00")


def test_a_large_payout_waits_for_a_second_officer_and_reserves_the_money(paid_maker, user_factory, settings):
    settings.LEDGER_PAYOUT_APPROVAL_THRESHOLD = D("500.00")
    creator, approver = user_factory(), user_factory()
    payout = pay(paid_maker, "600.00", creator)
    assert payout.status == Payout.Status.PENDING_APPROVAL
    assert maker_balance(paid_maker) == D("800.00")
    assert maker_available_balance(paid_maker) == D("200.00")
    with pytest.raises(PayoutNotAllowed):
        pay(paid_maker, "200.01", approver)
    with pytest.raises(PayoutNotAllowed, match="second finance officer"), translation.override("en"):
        payout_approve(payout=payout, approved_by=creator)
    payout_approve(payout=payout, approved_by=approver)
    payout.refresh_from_db()
    assert (payout.status, payout.approved_by) == (Payout.Status.PAID, approver)
    assert maker_balance(paid_maker) == D("200.00")
    with pytest.raises(PayoutNotAllowed):
        payout_approve(payout=payout, approved_by=approver)
    assert list(PayoutAuditEvent.objects.values_list("action", "actor")) == [
        ("recorded", creator.pk),
        ("approved", approver.pk),
    ]


def test_a_reversal_credits_the_payout_back_with_its_reason(paid_maker, user_factory):
    officer = user_factory()
    payout = pay(paid_maker, "100.00", officer, payee_kind=Payout.PayeeKind.GUARDIAN, payee_name="Leyla M.")
    with pytest.raises(PayoutNotAllowed):
        payout_reverse(payout=payout, reversed_by=officer, reason="  ")
    payout_reverse(payout=payout, reversed_by=officer, reason="Bank returned the transfer")
    assert maker_balance(paid_maker) == D("800.00")
    reversal = LedgerEntry.objects.get(kind=LedgerEntry.Kind.PAYOUT_REVERSAL)
    assert (reversal.amount, reversal.reason) == (D("100.00"), "Bank returned the transfer")
    with pytest.raises(PayoutNotAllowed):
        payout_reverse(payout=payout, reversed_by=officer, reason="again")


def test_reversing_a_pending_payout_releases_its_reservation_without_an_entry(paid_maker, user_factory):
    payout = pay(paid_maker, "700.00", user_factory())
    payout_reverse(payout=payout, reversed_by=user_factory(), reason="Recorded for the wrong maker")
    assert maker_available_balance(paid_maker) == D("800.00")
    assert not LedgerEntry.objects.filter(payout=payout).exists()


def test_an_adjustment_needs_a_reason_and_a_person(paid_maker, user_factory):
    with pytest.raises(ValidationError):
        ledger_adjust(maker=paid_maker, amount=D("5.00"), reason="", created_by=user_factory())
    with pytest.raises(ValidationError):
        ledger_adjust(maker=paid_maker, amount=D("5.00"), reason="Paper ledger", created_by=None)
    with pytest.raises(ValidationError):
        ledger_adjust(maker=paid_maker, amount=D("-800.01"), reason="Too much", created_by=user_factory())
    ledger_adjust(maker=paid_maker, amount=D("-0.50"), reason="Rounding on the paper ledger", created_by=user_factory())
    assert maker_balance(paid_maker) == D("799.50")
