"""When the job queue cannot be reached, nobody gets an error page: the buyer's payment stands (reconcile_stripe
sends the confirmation later) and finance is told plainly that the statements were not queued."""

from datetime import datetime

import time_machine
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.users.models import UserProfile

from shop.models import Order, OrderStatus
from shop.orders.services.orders import order_transition

from .conftest import sending_through

# Nothing listens on port 1: every connection is refused at once.
UNREACHABLE = "redis://127.0.0.1:1/0"


def test_a_payment_commits_when_the_queue_is_down(pending_order, mailoutbox, django_capture_on_commit_callbacks):
    with sending_through(UNREACHABLE), django_capture_on_commit_callbacks(execute=True):
        order_transition(order=pending_order, to=OrderStatus.PAID, source="system")

    order = Order.objects.get(pk=pending_order.pk)
    assert order.status == OrderStatus.PAID
    assert order.confirmation_email_sent_at is None  # unclaimed: reconcile_stripe will send it
    assert mailoutbox == []


@time_machine.travel(datetime(2026, 4, 10, 9, 0), tick=False)
def test_finance_is_told_when_statements_cannot_be_queued(user_factory, client):
    officer = user_factory()
    officer.user_permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_ledger")
    )
    UserProfile.objects.update_or_create(user=officer, defaults={"preferred_language": "en"})
    client.force_login(officer)

    with sending_through(UNREACHABLE):
        response = client.post(reverse("beneficiaries_money:statements_prepare"), {"month": "2026-03"}, follow=True)

    assert response.status_code == 200
    assert "The statements could not be queued just now; please try again in a minute." in response.content.decode()
