"""Refunds from the admin through the fake Stripe: full, partial, idempotent, confirmed once."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from fakestripe.store import RequestInfo
from shop.models import OrderStatus, Refund

from .conftest import OnCommitClient

pytestmark = pytest.mark.django_db


@pytest.fixture
def paid_order(buyer, product_factory, centre_factory, deliver):
    centre = centre_factory(courier_fee=Decimal("5.00"))
    bowl = product_factory(title="Bowl", price=Decimal("20.00"), stock=5, centre=centre)
    cup = product_factory(title="Cup", price=Decimal("7.50"), stock=5, centre=centre)
    buyer.add(bowl, 2)
    buyer.add(cup, 1)
    assert buyer.checkout(delivery_method="courier", address_line="Fuzuli 5", city="Baku").status_code == 303
    buyer.pay()
    deliver("checkout.session.completed")
    order = buyer.order()
    assert order.status == OrderStatus.PAID and order.total == Decimal("52.50")
    return order


@pytest.fixture
def staff(user_factory):
    user = user_factory(username="finance", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=["view_order", "change_order", "refund_order"]))
    client = OnCommitClient(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def refund_url(order):
    return reverse("admin:shop_order_refund", args=[order.pk])


def lines(order):
    return {line.title: line for line in order.lines.all()}


def stripe_refunds(fake_stripe):
    """The refunds Stripe holds, oldest first."""
    return fake_stripe.state.objects("refund")


def test_admin_order_pages_open(staff, paid_order):
    assert staff.get(reverse("admin:shop_order_changelist")).status_code == 200
    page = staff.get(reverse("admin:shop_order_change", args=[paid_order.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert paid_order.number in html and "Audit trail" in html and refund_url(paid_order) in html
    assert staff.get(refund_url(paid_order)).status_code == 200


def test_refund_needs_the_permission(user_factory, client, paid_order):
    user = user_factory(username="packer", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_order"))
    client.force_login(user)
    assert client.get(refund_url(paid_order)).status_code == 403
    assert client.post(refund_url(paid_order), {"full": "on"}).status_code == 403
    assert not Refund.objects.exists()


def test_full_refund(staff, paid_order, fake_stripe, deliver, mailoutbox):
    response = staff.post(refund_url(paid_order), {"full": "on", "reason": "Broken in transit"}, follow=True)
    assert "Refunded 52.50 AZN." in response.content.decode()

    paid_order.refresh_from_db()
    refund = paid_order.refunds.get()
    assert paid_order.status == OrderStatus.REFUNDED
    assert (refund.status, refund.amount, refund.includes_delivery) == (Refund.Status.SUCCEEDED, Decimal("52.50"), True)
    assert {t: line.quantity_refunded for t, line in lines(paid_order).items()} == {"Bowl": 2, "Cup": 1}
    [stripe_refund] = stripe_refunds(fake_stripe)
    assert (stripe_refund["id"], stripe_refund["amount"]) == (refund.stripe_refund_id, 5250)
    assert stripe_refund["metadata"]["order_number"] == paid_order.number

    event = fake_stripe.event("charge.refunded")
    assert event["request"]["idempotency_key"] == f"order-{paid_order.number}-refund-1"
    deliver("charge.refunded")  # Stripe's confirmation arrives after the API answer: nothing more happens
    deliver(event)
    paid_order.refresh_from_db()
    assert paid_order.status == OrderStatus.REFUNDED
    assert paid_order.status_changes.filter(to_status=OrderStatus.REFUNDED).count() == 1
    assert paid_order.refunds.count() == 1
    assert [m.subject for m in mailoutbox[1:]] == [f"Order {paid_order.number}: Refunded"]


def test_partial_refunds_then_the_rest(staff, paid_order, fake_stripe, deliver):
    bowl = lines(paid_order)["Bowl"]
    response = staff.post(refund_url(paid_order), {f"line_{bowl.pk}": "1", "reason": "one chipped"})
    assert response.status_code == 302
    paid_order.refresh_from_db()
    assert paid_order.status == OrderStatus.PARTIALLY_REFUNDED
    assert paid_order.refunds.get().amount == Decimal("20.00")
    assert lines(paid_order)["Bowl"].quantity_refunded == 1

    # Refunding more than is left is refused on the form.
    response = staff.post(refund_url(paid_order), {f"line_{bowl.pk}": "2"})
    assert response.status_code == 200 and "errorlist" in response.content.decode()
    assert paid_order.refunds.count() == 1

    # The rest, delivery included.
    staff.post(refund_url(paid_order), {"full": "on"})
    paid_order.refresh_from_db()
    assert paid_order.status == OrderStatus.REFUNDED
    assert [r.amount for r in paid_order.refunds.order_by("sequence")] == [Decimal("20.00"), Decimal("32.50")]
    assert [r["amount"] for r in stripe_refunds(fake_stripe)] == [2000, 3250]
    deliver("charge.refunded")
    paid_order.refresh_from_db()
    assert paid_order.status == OrderStatus.REFUNDED
    assert paid_order.refunds.count() == 2
    assert [c.to_status for c in paid_order.status_changes.order_by("pk")][-2:] == ["partially_refunded", "refunded"]


def test_refund_during_an_outage_is_kept_pending_and_sent_again_once(staff, paid_order, fake_stripe, deliver):
    fake_stripe.outage("503")
    response = staff.post(refund_url(paid_order), {"full": "on"}, follow=True)
    assert "refund is saved as pending" in response.content.decode()
    refund = paid_order.refunds.get()
    assert refund.status == Refund.Status.PENDING and stripe_refunds(fake_stripe) == []
    paid_order.refresh_from_db()
    assert paid_order.status == OrderStatus.PAID

    # While one is pending, no second refund can start.
    page = staff.get(refund_url(paid_order)).content.decode()
    assert "Send again" in page

    fake_stripe.outage("off")
    staff.post(refund_url(paid_order), {"resend": str(refund.pk)})
    staff.post(refund_url(paid_order), {"resend": str(refund.pk)})  # a double click
    refund.refresh_from_db()
    paid_order.refresh_from_db()
    assert refund.status == Refund.Status.SUCCEEDED
    assert len(stripe_refunds(fake_stripe)) == 1
    assert paid_order.status == OrderStatus.REFUNDED


def test_lost_answer_is_resent_with_the_same_key_and_refunds_once(paid_order, fake_stripe, deliver):
    """Stripe made the refund but its answer never arrived: sending again replays it instead of refunding twice."""
    from shop.orders.services.refunds import refund_request, refund_send

    fake_stripe.outage("drop_response", count=1)  # processed in full, then the connection closes unanswered
    refund = refund_request(order=paid_order, items=None)
    assert refund.status == Refund.Status.PENDING and len(stripe_refunds(fake_stripe)) == 1

    refund_send(refund=refund)
    deliver("charge.refunded")
    [stripe_refund] = stripe_refunds(fake_stripe)
    refund.refresh_from_db()
    paid_order.refresh_from_db()
    assert (refund.status, refund.stripe_refund_id) == (Refund.Status.SUCCEEDED, stripe_refund["id"])
    assert paid_order.status == OrderStatus.REFUNDED
    assert {t: line.quantity_refunded for t, line in lines(paid_order).items()} == {"Bowl": 2, "Cup": 1}
    refund_posts = [
        (r.idempotency_key, r.replayed, r.outage) for r in fake_stripe.state.requests() if r.path == "/v1/refunds"
    ]
    assert refund_posts == [(refund.idempotency_key, False, "drop_response"), (refund.idempotency_key, True, None)]


def test_refund_made_in_the_stripe_dashboard(paid_order, fake_stripe, deliver):
    fake_stripe.state.create_refund(
        {"payment_intent": paid_order.stripe_payment_intent_id, "amount": "1000"}, RequestInfo()
    )
    deliver("charge.refunded")
    deliver("charge.refunded")
    paid_order.refresh_from_db()
    refund = paid_order.refunds.get()
    assert (refund.external, refund.amount, refund.status) == (True, Decimal("10.00"), Refund.Status.SUCCEEDED)
    assert paid_order.status == OrderStatus.PARTIALLY_REFUNDED


def test_unpaid_order_cannot_be_refunded(staff, buyer, product_factory):
    buyer.add(product_factory())
    buyer.checkout()
    order = buyer.order()
    response = staff.post(refund_url(order), {"full": "on"})
    assert "Only a paid order that is not fully refunded can be refunded." in response.content.decode()
    assert not Refund.objects.exists()


def test_fulfilment_actions_follow_the_table(staff, paid_order, mailoutbox):
    changelist = reverse("admin:shop_order_changelist")
    staff.post(changelist, {"action": "mark_completed", "_selected_action": [paid_order.pk]})
    paid_order.refresh_from_db()
    assert paid_order.status == OrderStatus.PAID  # paid -> completed is not allowed
    staff.post(changelist, {"action": "mark_shipped", "_selected_action": [paid_order.pk]})
    staff.post(changelist, {"action": "mark_completed", "_selected_action": [paid_order.pk]})
    paid_order.refresh_from_db()
    assert paid_order.status == OrderStatus.COMPLETED
    changes = list(paid_order.status_changes.values_list("to_status", "source", "actor__username"))
    assert changes[-2:] == [("shipped", "staff", "finance"), ("completed", "staff", "finance")]
    assert mailoutbox[-1].subject == f"Order {paid_order.number}: Shipped"
