"""Signing and posting webhook events exactly as Stripe does, so the shop verifies them with the real SDK."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request

USER_AGENT = "Stripe/1.0 (+https://stripe.com/docs/webhooks)"


def encode_event(event: dict) -> bytes:
    # Stripe posts pretty-printed JSON; the signature covers these exact bytes.
    return json.dumps(event, indent=2).encode("utf-8")


def signature_header(payload: bytes, secret: str, timestamp: int | None = None) -> str:
    # Real time, never the fake's adjustable clock: the SDK rejects signatures older than 5 minutes.
    timestamp = int(time.time()) if timestamp is None else timestamp
    signed = f"{timestamp}.".encode() + payload
    digest = hmac.new(secret.encode("utf-8"), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    # Stripe does not follow redirects from a webhook endpoint; a 3xx counts as a failed delivery.
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


# No proxies: deliveries go to a local shop, and a proxy from the environment would swallow them.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirects)


def deliver(url: str, payload: bytes, secret: str, timeout: float) -> tuple[int | None, str | None]:
    """POST one event; return (HTTP status or None, error text). Never raises: delivery must not break
    the payment that caused it."""
    request = urllib.request.Request(  # noqa: S310 - the URL is the operator's configured http(s) endpoint
        url,
        data=payload,
        method="POST",
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "Stripe-Signature": signature_header(payload, secret),
            "User-Agent": USER_AGENT,
        },
    )
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            response.read()
            return response.status, None
    except urllib.error.HTTPError as exc:
        exc.read()
        exc.close()
        return exc.code, None
    except (OSError, ValueError) as exc:  # refused, timed out, reset, malformed URL
        return None, f"{type(exc).__name__}: {exc}"
