"""Fixtures for background-job tests: a real SMTP server, and a pending order ready to be paid."""

from contextlib import contextmanager

import pytest

from config.celery import app as celery_app
from shop.models import Order, OrderStatus

from .smtp import running_smtp_server


@pytest.fixture
def smtp_mail(settings):
    """`smtp_mail(refuse_first=n)`: Django sends through its real SMTP backend to a loopback server."""
    servers = []

    def start(*, refuse_first: int = 0):
        context = running_smtp_server(refuse_first=refuse_first)
        server = context.__enter__()
        servers.append(context)
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = server.host, server.port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.EMAIL_TIMEOUT = 5
        return server

    yield start
    for context in servers:
        context.__exit__(None, None, None)


@pytest.fixture
def pending_order(order_line_factory):
    line = order_line_factory(order__status=OrderStatus.PENDING_PAYMENT, order__email="leyla@example.az")
    return Order.objects.get(pk=line.order_id)


@contextmanager
def sending_through(broker_url: str, queue: str = "celery"):
    """This process queues jobs on `broker_url` instead of running them eagerly, for the length of the block."""
    keys = ("task_always_eager", "broker_url", "task_default_queue", "broker_transport_options")
    saved = {key: celery_app.conf[key] for key in keys}
    celery_app.conf.update(
        task_always_eager=False, broker_url=broker_url, task_default_queue=queue, broker_transport_options={}
    )
    # Connections are pooled per app; drop the pool so the new broker URL is used (and dropped again after).
    celery_app._after_fork()
    try:
        yield
    finally:
        celery_app.conf.update(saved)
        celery_app._after_fork()
