"""Helpers for the shop's pytest fixtures."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from .server import FakeStripeServer
from .state import DEFAULT_WEBHOOK_SECRET


@contextmanager
def running_fake_stripe(
    webhook_url: str | None = None, webhook_secret: str = DEFAULT_WEBHOOK_SECRET, **kwargs
) -> Iterator[FakeStripeServer]:
    """Start a fake Stripe on a free loopback port; yield the server (`.url`, `.state`, `.base_addresses`).

    Extra keyword arguments go to `FakeStripeServer` (host, port, public_base_url, webhook_timeout).
    """
    server = FakeStripeServer(webhook_url=webhook_url, webhook_secret=webhook_secret, **kwargs)
    server.start()
    try:
        yield server
    finally:
        server.stop()
