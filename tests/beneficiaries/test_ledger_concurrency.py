"""Real concurrency on PostgreSQL: officers paying the same maker at once, and a paid webhook racing a redirect."""

from decimal import Decimal

import pytest

from beneficiaries.ledger.checks import ledger_totals
from beneficiaries.ledger.models import LedgerEntry, Payout
from beneficiaries.ledger.selectors import maker_balance
from beneficiaries.ledger.services import PayoutNotAllowed, ledger_credit_sale, payout_record
from tests.concurrency import at_once

OFFICERS = 8


@pytest.mark.postgres
@pytest.mark.parametrize("attempt", range(5))
def test_officers_paying_the_same_maker_at_once_never_exceed_the_balance(
    attempt, transactional_db, requires_postgres, maker_factory, order_line_factory, user_factory, settings
):
    settings.LEDGER_PAYOUT_APPROVAL_THRESHOLD = Decimal("1000.00")
    maker = maker_factory()
    line = order_line_factory(centre=maker.centre, unit_price=Decimal("125.00"))
    ledger_credit_sale(order_line_id=line.pk, parts=[(maker.pk, Decimal("100.00"))], currency="AZN")
    officers = [user_factory() for _ in range(OFFICERS)]

    def pay(index):
        return payout_record(
            maker=maker,
            amount=Decimal("30.00"),
            payee_kind=Payout.PayeeKind.MAKER,
            payee_name="Aysel M.",
            method=Payout.Method.CASH,
            reference=f"R-{attempt}-{index}",
            created_by=officers[index],
        )

    outcomes = at_once(OFFICERS, pay)
    paid = [o for o in outcomes if isinstance(o, Payout)]
    refused = [o for o in outcomes if isinstance(o, PayoutNotAllowed)]
    assert len(paid) == 3 and len(refused) == OFFICERS - 3, outcomes
    assert maker_balance(maker) == Decimal("10.00")
    assert ledger_totals().negative_balances == []


@pytest.mark.postgres
@pytest.mark.parametrize("attempt", range(3))
def test_a_paid_webhook_racing_the_redirect_credits_the_makers_once(
    attempt, transactional_db, requires_postgres, maker_factory, order_line_factory
):
    first, second = maker_factory(), maker_factory()
    line = order_line_factory(centre=first.centre, quantity=2)
    parts = [(first.pk, Decimal("24.00")), (second.pk, Decimal("16.00"))]

    outcomes = at_once(6, lambda _i: ledger_credit_sale(order_line_id=line.pk, parts=parts, currency="AZN", quantity=2))
    assert all(isinstance(o, int) for o in outcomes), outcomes
    assert sum(outcomes) == 2
    assert LedgerEntry.objects.count() == 2
    assert (maker_balance(first), maker_balance(second)) == (Decimal("24.00"), Decimal("16.00"))
