"""The ledger is append-only in the model, the queryset and (on PostgreSQL) the database itself."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.db import DatabaseError, IntegrityError, connection, transaction

from beneficiaries.ledger.models import AppendOnlyError, LedgerEntry, Payout
from beneficiaries.ledger.services import ledger_credit_sale


@pytest.fixture
def credited(maker_factory, order_line_factory):
    maker = maker_factory()
    line = order_line_factory(centre=maker.centre)
    ledger_credit_sale(order_line_id=line.pk, parts=[(maker.pk, Decimal("20.00"))], currency="AZN")
    return LedgerEntry.objects.get(maker=maker)


def test_an_entry_cannot_be_changed_or_deleted_through_the_model(credited):
    credited.amount = Decimal("999.00")
    with pytest.raises(AppendOnlyError):
        credited.save()
    with pytest.raises(AppendOnlyError):
        credited.delete()
    assert LedgerEntry.objects.get(pk=credited.pk).amount == Decimal("20.00")


def test_bulk_updates_and_deletes_are_refused_but_bulk_inserts_work(credited):
    with pytest.raises(AppendOnlyError):
        LedgerEntry.objects.filter(pk=credited.pk).update(amount=Decimal("1.00"))
    with pytest.raises(AppendOnlyError):
        LedgerEntry.objects.all().delete()
    LedgerEntry.objects.bulk_create(
        [
            LedgerEntry(
                maker=credited.maker,
                centre=credited.centre,
                kind=LedgerEntry.Kind.ADJUSTMENT,
                amount=Decimal("1.00"),
                reason="opening balance from the paper ledger",
                created_by=credited.created_by or _someone(),
            )
        ]
    )
    assert LedgerEntry.objects.filter(maker=credited.maker).count() == 2
    assert LedgerEntry.objects.get(pk=credited.pk).amount == Decimal("20.00")


def _someone():
    from tests.factories import UserFactory

    return UserFactory()


def test_postgres_trigger_refuses_update_and_delete_in_raw_sql(requires_postgres, credited):
    for sql in (
        "UPDATE beneficiaries_ledgerentry SET amount = 1 WHERE id = %s",
        "DELETE FROM beneficiaries_ledgerentry WHERE id = %s",
    ):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [credited.pk])
    assert LedgerEntry.objects.get(pk=credited.pk).amount == Decimal("20.00")


def test_an_adjustment_without_reason_or_user_is_refused_by_the_database(credited, user_factory):
    base = {"maker": credited.maker, "centre": credited.centre, "kind": LedgerEntry.Kind.ADJUSTMENT}
    for fields in ({"amount": Decimal("5"), "reason": ""}, {"amount": Decimal("5"), "reason": "typo"}):
        with pytest.raises(IntegrityError), transaction.atomic():
            LedgerEntry.objects.create(**base, **fields)
    LedgerEntry.objects.create(**base, amount=Decimal("5"), reason="typo", created_by=user_factory())


def test_a_sale_credit_must_be_positive_and_point_at_its_line(credited):
    with pytest.raises(IntegrityError), transaction.atomic():
        LedgerEntry.objects.create(
            maker=credited.maker, centre=credited.centre, kind=LedgerEntry.Kind.SALE_CREDIT, amount=Decimal("5")
        )


def test_the_creator_of_a_payout_cannot_be_its_approver_in_the_database(maker_factory, user_factory):
    officer = user_factory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Payout.objects.create(
            maker=maker_factory(),
            payee_name="Aysel",
            method=Payout.Method.CASH,
            reference="R-1",
            amount=Decimal("10"),
            status=Payout.Status.PAID,
            created_by=officer,
            approved_by=officer,
        )


def test_a_payout_needs_a_receipt_or_reference(maker_factory, user_factory):
    with pytest.raises(IntegrityError), transaction.atomic():
        Payout.objects.create(
            maker=maker_factory(),
            payee_name="Aysel",
            method=Payout.Method.BANK_TRANSFER,
            reference="",
            amount=Decimal("10"),
            status=Payout.Status.PAID,
            created_by=user_factory(),
        )


def test_the_migration_creates_the_finance_group_with_money_permissions(db):
    codenames = set(Group.objects.get(name="Finance").permissions.values_list("codename", flat=True))
    assert {"view_ledger", "record_payout", "approve_payout", "access_admin"} <= codenames
