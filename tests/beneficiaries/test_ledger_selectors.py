"""Balances for many makers in constant queries, statements, monthly series, impact folding, totals."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from beneficiaries.ledger.checks import ledger_totals
from beneficiaries.ledger.impact import impact_by_centre, impact_by_month
from beneficiaries.ledger.models import LedgerEntry, Payout
from beneficiaries.ledger.selectors import balances, centre_monthly_series, maker_statement, statement_period
from beneficiaries.ledger.services import ledger_credit_sale, ledger_debit_refund, payout_record

D = Decimal


def at(year, month, day=15):
    return timezone.make_aware(datetime(year, month, day, 12))


def sell(maker, order_line_factory, amount, when, quantity=1, title=None):
    line = order_line_factory(centre=maker.centre, quantity=quantity, **({"title": title} if title else {}))
    ledger_credit_sale(order_line_id=line.pk, parts=[(maker.pk, D(amount))], currency="AZN", quantity=quantity, at=when)
    return line


def test_balances_of_many_makers_take_a_constant_number_of_queries(
    maker_factory, centre_factory, order_line_factory, user_factory, django_assert_max_num_queries
):
    centre = centre_factory()
    makers = [maker_factory(centre=centre) for _ in range(30)]
    now = timezone.now()
    for index, maker in enumerate(makers):
        sell(maker, order_line_factory, f"{10 + index}.00", now)
    officer = user_factory()
    payout_record(
        maker=makers[0],
        amount=D("5.00"),
        payee_kind="maker",
        payee_name="M0",
        method="cash",
        reference="R1",
        created_by=officer,
    )
    with django_assert_max_num_queries(1):
        rows = list(balances(centre=centre))
    assert len(rows) == 30
    assert rows[0].owed == D("39.00") and rows[-1].owed == D("5.00")
    top = {row.pk: row for row in rows}[makers[0].pk]
    assert (top.owed, top.earned_month, top.earned_year) == (D("5.00"), D("10.00"), D("10.00"))
    assert top.last_payout_at is not None


def test_statement_has_opening_lines_totals_and_closing(
    maker_factory, order_line_factory, refund_line_factory, user_factory
):
    maker = maker_factory()
    sell(maker, order_line_factory, "50.00", at(2026, 1))
    line = sell(maker, order_line_factory, "40.00", at(2026, 2, 3), quantity=2, title="Blue carpet")
    refund = refund_line_factory(line=line, quantity=1)
    ledger_debit_refund(
        refund_line_id=refund.pk,
        order_line_id=line.pk,
        quantity=1,
        line_quantity=2,
        currency="AZN",
        at=at(2026, 2, 10),
    )
    payout = payout_record(
        maker=maker,
        amount=D("30.00"),
        payee_kind=Payout.PayeeKind.GUARDIAN,
        payee_name="Leyla",
        method="bank_transfer",
        reference="TR-9",
        created_by=user_factory(),
    )
    start, end = statement_period("month", 2026, 2)
    statement = maker_statement(maker=maker, start=start, end=end)
    assert statement.opening == D("50.00")
    assert [(line.kind, line.title, line.quantity, line.amount) for line in statement.lines] == [
        ("sale_credit", "Blue carpet", 2, D("40.00")),
        ("refund_debit", "Blue carpet", 1, D("-20.00")),
    ]
    assert statement.closing == D("70.00")
    assert statement.earned == D("20.00")
    payout_month = timezone.localdate(payout.created_at)
    current = maker_statement(maker=maker, start=date(2026, 1, 1), end=date(payout_month.year + 1, 1, 1))
    assert current.paid == D("30.00")
    assert current.closing == D("40.00")


def test_statement_periods():
    assert statement_period("month", 2026, 12) == (date(2026, 12, 1), date(2027, 1, 1))
    assert statement_period("quarter", 2026, 2) == (date(2026, 4, 1), date(2026, 7, 1))
    assert statement_period("year", 2026) == (date(2026, 1, 1), date(2027, 1, 1))
    with pytest.raises(ValueError):
        statement_period("month", 2026, 13)


def test_centre_series_has_every_month_even_without_sales(maker_factory, order_line_factory):
    maker = maker_factory()
    sell(maker, order_line_factory, "10.00", at(2026, 1))
    sell(maker, order_line_factory, "15.00", at(2026, 3))
    series = centre_monthly_series(centre=maker.centre, start=date(2026, 1, 1), end=date(2026, 4, 1))
    assert series == [
        (date(2026, 1, 1), D("10.00"), D("0.00")),
        (date(2026, 2, 1), D("0.00"), D("0.00")),
        (date(2026, 3, 1), D("15.00"), D("0.00")),
    ]


def test_impact_folds_centres_with_fewer_than_three_makers_into_other(
    maker_factory, centre_factory, order_line_factory
):
    big, small_a, small_b = centre_factory(name="Baku"), centre_factory(name="Barda"), centre_factory(name="Qax")
    for _index in range(3):
        sell(maker_factory(centre=big), order_line_factory, "10.00", at(2026, 5))
    sell(maker_factory(centre=small_a), order_line_factory, "7.00", at(2026, 5))
    sell(maker_factory(centre=small_b), order_line_factory, "8.00", at(2026, 5))
    groups = impact_by_centre()
    assert [(g.label, g.makers, g.earned) for g in groups] == [("Baku", 3, D("30.00"))]
    sell(maker_factory(centre=small_b), order_line_factory, "9.00", at(2026, 6))
    groups = impact_by_centre()
    assert [(g.label, g.makers, g.earned) for g in groups] == [("Baku", 3, D("30.00")), ("other", 3, D("24.00"))]
    months = impact_by_month(start=date(2026, 5, 1), end=date(2026, 7, 1))
    assert [(g.label, g.earned) for g in months] == [("2026-05", D("45.00"))]


def test_ledger_totals_sum_every_kind_and_list_negative_balances(
    maker_factory, order_line_factory, refund_line_factory, user_factory
):
    maker = maker_factory()
    line = sell(maker, order_line_factory, "20.00", at(2026, 1))
    payout_record(
        maker=maker,
        amount=D("20.00"),
        payee_kind="maker",
        payee_name="A",
        method="cash",
        reference="1",
        created_by=user_factory(),
    )
    refund = refund_line_factory(line=line)
    # A refund after the money was paid out leaves the maker owing it: reconciliation must name them.
    ledger_debit_refund(refund_line_id=refund.pk, order_line_id=line.pk, quantity=1, line_quantity=1, currency="AZN")
    totals = ledger_totals()
    assert totals.by_kind[LedgerEntry.Kind.SALE_CREDIT] == D("20.00")
    assert totals.by_kind[LedgerEntry.Kind.PAYOUT] == D("-20.00")
    assert totals.by_kind[LedgerEntry.Kind.REFUND_DEBIT] == D("-20.00")
    assert totals.total == D("-20.00") and totals.entries == 3 and totals.balanced
    assert totals.negative_balances == [(maker.pk, maker.public_display_name, D("-20.00"))]
