"""Fixtures for background-job tests: a real SMTP server, and a pending order ready to be paid."""

import pytest

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
