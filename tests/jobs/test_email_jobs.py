"""Buyer e-mails go out through background jobs: retried when the mail server says "later", sent at most
once per order and kind, and a job that fails for good is there for staff to see (run eagerly here; see
test_real_worker.py for a real worker)."""

import pytest
from django.urls import reverse

from shop.jobs.models import FailedJob
from shop.models import Order, OrderEmail, OrderStatus
from shop.orders import tasks
from shop.orders.services.orders import order_transition


def pay(order, capture):
    with capture(execute=True):
        order_transition(order=order, to=OrderStatus.PAID, source="system")


def test_refused_smtp_connections_are_retried_and_the_confirmation_arrives_once(
    pending_order, smtp_mail, django_capture_on_commit_callbacks
):
    server = smtp_mail(refuse_first=2)
    pay(pending_order, django_capture_on_commit_callbacks)

    assert server.connections == 3
    assert len(server.messages) == 1
    message = server.messages[0]
    assert message["To"] == "leyla@example.az"
    assert pending_order.number in message["Subject"]
    assert Order.objects.get(pk=pending_order.pk).confirmation_email_sent_at is not None
    assert not FailedJob.objects.exists()


def test_an_email_job_delivered_twice_sends_once(pending_order, smtp_mail, django_capture_on_commit_callbacks):
    server = smtp_mail()
    pay(pending_order, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        order_transition(order=pending_order, to=OrderStatus.SHIPPED, source="staff")
    assert len(server.messages) == 2

    # The broker redelivers both jobs (a worker died after sending, before acknowledging).
    tasks.order_confirmation_email.delay(order_id=pending_order.pk)
    tasks.order_status_email.delay(order_id=pending_order.pk, status=OrderStatus.SHIPPED)

    assert len(server.messages) == 2
    assert list(OrderEmail.objects.filter(order=pending_order).values_list("kind", flat=True)) == ["status:shipped"]


def test_a_status_email_that_failed_is_claimed_again_by_its_retry(pending_order, smtp_mail):
    pending_order.status = OrderStatus.SHIPPED
    pending_order.save()
    server = smtp_mail(refuse_first=1)

    tasks.order_status_email.delay(order_id=pending_order.pk, status=OrderStatus.SHIPPED)

    assert server.connections == 2 and len(server.messages) == 1
    assert pending_order.number in server.messages[0].get_body(preferencelist=("plain",)).get_content()
    assert OrderEmail.objects.filter(order=pending_order, kind="status:shipped").count() == 1


@pytest.fixture
def mail_down_for_good(pending_order, smtp_mail, django_capture_on_commit_callbacks):
    server = smtp_mail(refuse_first=1000)
    pay(pending_order, django_capture_on_commit_callbacks)
    return server


def test_a_job_that_fails_for_good_is_recorded_and_the_payment_stands(pending_order, mail_down_for_good):
    assert mail_down_for_good.connections == tasks.EMAIL_RETRY["max_retries"] + 1
    assert mail_down_for_good.messages == []
    order = Order.objects.get(pk=pending_order.pk)
    assert order.status == OrderStatus.PAID
    # The claim was given back, so reconcile_stripe (or a later retry) can still send it.
    assert order.confirmation_email_sent_at is None
    job = FailedJob.objects.get()
    assert job.task_name == "shop.orders.tasks.order_confirmation_email"
    assert job.arguments == {"args": [], "kwargs": {"order_id": order.pk}}
    assert job.error.startswith("SMTPConnectError")
    assert job.retries == tasks.EMAIL_RETRY["max_retries"]


def test_finance_sees_failed_jobs_in_the_admin(pending_order, mail_down_for_good, finance_user_factory, client):
    client.force_login(finance_user_factory())
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("shop_failed_jobs") in dashboard

    response = client.get(reverse("shop_failed_jobs"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Failed jobs" in html
    assert "shop.orders.tasks.order_confirmation_email" in html
    assert f"order_id={pending_order.pk}" in html
    assert "SMTPConnectError" in html and "try again later" in html
    assert f">{tasks.EMAIL_RETRY['max_retries']}<" in html.replace(" ", "").replace("\n", "")


def test_a_superuser_sees_failed_jobs_and_an_instructor_does_not(
    mail_down_for_good, user_factory, centre_member, centre_factory, client
):
    client.force_login(user_factory(is_superuser=True, is_staff=True))
    assert "order_confirmation_email" in client.get(reverse("shop_failed_jobs")).content.decode()

    client.force_login(centre_member(centre_factory()))
    response = client.get(reverse("shop_failed_jobs"))
    assert response.status_code == 403
    assert "order_confirmation_email" not in response.content.decode()
    assert reverse("shop_failed_jobs") not in client.get(reverse("wagtailadmin_home")).content.decode()
