"""The shop tells the makers' ledger: a paid order credits its makers in the same transaction, a refund debits
them in their proportions, replays post nothing, and `reconcile_ledger` finds and repairs what is missing."""

from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from beneficiaries.ledger.models import LedgerEntry
from beneficiaries.ledger.selectors import maker_balance
from shop.models import OrderStatus
from shop.orders.services import fulfilment
from shop.orders.services.refunds import RefundItem, refund_request

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.fixture
def makers(maker_factory, centre_factory):
    centre = centre_factory(commission_percent=D("20.00"), courier_fee=D("5.00"))
    return maker_factory(centre=centre, public_display_name="Aysel"), maker_factory(centre=centre)


@pytest.fixture
def paid_order(buyer, makers, product_factory, deliver):
    aysel, other = makers
    bowl = product_factory(
        title="Bowl", price=D("20.00"), stock=5, centre=aysel.centre, makers=[(aysel, D("60")), (other, D("40"))]
    )
    cup = product_factory(title="Cup", price=D("7.50"), stock=5, centre=aysel.centre, makers=[(aysel, D("100"))])
    buyer.add(bowl, 3)
    buyer.add(cup, 1)
    assert buyer.checkout(delivery_method="courier", address_line="Fuzuli 5", city="Baku").status_code == 303
    buyer.pay()
    deliver("checkout.session.completed")
    order = buyer.order()
    assert order.status == OrderStatus.PAID and order.total == D("72.50")
    return order


def credits(order):
    return sorted(
        LedgerEntry.objects.filter(order_line__order=order, kind="sale_credit").values_list("maker_id", "amount")
    )


def test_paying_credits_each_maker_their_part_once(paid_order, makers, deliver, buyer, fake_stripe):
    aysel, other = makers
    # Bowl: 16.00 a unit to the makers (9.60 + 6.40), three units; cup: 6.00 to Aysel. The fee stays out.
    assert credits(paid_order) == sorted([(aysel.pk, D("28.80")), (other.pk, D("19.20")), (aysel.pk, D("6.00"))])
    assert maker_balance(aysel) == D("34.80") and maker_balance(other) == D("19.20")

    deliver(fake_stripe.event("checkout.session.completed"))  # Stripe retries the webhook
    buyer.come_back(paid_order)  # and the buyer's redirect arrives late
    assert LedgerEntry.objects.filter(order_line__order=paid_order).count() == 3


def test_a_failed_posting_leaves_the_order_unpaid_and_the_retry_pays_and_credits(
    buyer, makers, product_factory, deliver, fake_stripe, monkeypatch
):
    """Paid and credited, or neither: the webhook answers 500 so Stripe sends it again."""
    product = product_factory(price=D("10.00"), stock=2, centre=makers[0].centre, makers=[(makers[0], D("100"))])
    buyer.add(product)
    buyer.checkout()
    buyer.pay()

    def ledger_down(**kwargs):
        raise RuntimeError("ledger unavailable")

    monkeypatch.setattr(fulfilment, "order_ledger_post", ledger_down)
    with pytest.raises(RuntimeError):
        deliver("checkout.session.completed")
    order = buyer.order()
    assert order.status == OrderStatus.PENDING_PAYMENT and order.paid_at is None
    assert not LedgerEntry.objects.exists()

    monkeypatch.undo()
    deliver(fake_stripe.event("checkout.session.completed"))
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    assert credits(order) == [(makers[0].pk, D("8.00"))]


def test_refunds_debit_the_same_makers_in_proportion_and_never_the_delivery_fee(paid_order, makers):
    aysel, other = makers
    bowl = paid_order.lines.get(title="Bowl")
    refund_request(order=paid_order, items=[RefundItem(line_id=bowl.pk, quantity=1)])
    # One of three bowls: a third of each maker's credit.
    assert maker_balance(aysel) == D("34.80") - D("9.60") and maker_balance(other) == D("19.20") - D("6.40")

    refund_request(order=paid_order, items=None)  # everything left, delivery fee included
    paid_order.refresh_from_db()
    assert paid_order.status == OrderStatus.REFUNDED
    assert maker_balance(aysel) == 0 and maker_balance(other) == 0
    debits = LedgerEntry.objects.filter(order_line__order=paid_order, kind="refund_debit")
    assert sum(entry.amount for entry in debits) == D("-54.00")  # 72.50 paid - 5.00 fee - 13.50 commission


def test_reconcile_ledger_prints_totals_and_passes_when_everything_is_posted(paid_order, capsys):
    call_command("reconcile_ledger")
    out = capsys.readouterr().out
    assert "The ledger reconciles" in out
    assert "paid for items" in out and "67.50" in out and "ledger: owed to makers" in out and "54.00" in out


def test_reconcile_ledger_names_an_order_paid_without_credits_and_repairs_it_once(
    buyer, makers, product_factory, deliver, monkeypatch, capsys
):
    product = product_factory(price=D("10.00"), stock=2, centre=makers[0].centre, makers=[(makers[0], D("100"))])
    buyer.add(product)
    buyer.checkout()
    buyer.pay()
    # An order paid while the posting was lost (or before the ledger existed).
    monkeypatch.setattr(fulfilment, "order_ledger_post", lambda **kwargs: 0)
    deliver("checkout.session.completed")
    monkeypatch.undo()
    order = buyer.order()
    assert order.status == OrderStatus.PAID and not credits(order)

    with pytest.raises(CommandError) as error:
        call_command("reconcile_ledger")
    assert error.value.returncode == 1
    assert f"order {order.number}: paid but its makers were never credited" in capsys.readouterr().err

    call_command("reconcile_ledger", repair=True)
    assert f"repaired: order {order.number}: sale credits posted" in capsys.readouterr().out
    call_command("reconcile_ledger", repair=True)
    out = capsys.readouterr().out
    assert "repaired" not in out and "The ledger reconciles" in out
    assert credits(order) == [(makers[0].pk, D("8.00"))]
