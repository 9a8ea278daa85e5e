"""The only module that talks to Stripe. Everything else sees plain dataclasses and our own exceptions.

Amounts cross this boundary as Decimal + currency; conversion to minor units happens here and only here.
`STRIPE_API_BASE` points the SDK at the project's fake Stripe; unset, a real `sk_test_` key talks to Stripe's
test mode unchanged.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import stripe
from django.conf import settings

from beneficiaries.money import from_minor_units, to_minor_units

# Stripe Checkout has no Azerbaijani; "auto" lets Stripe follow the browser's language instead.
CHECKOUT_LOCALES = {"ru": "ru", "en": "en"}


class PaymentServiceUnavailable(Exception):
    """Stripe could not be reached, timed out or answered 5xx: try again later; nothing was decided."""


class PaymentRequestRejected(Exception):
    """Stripe understood the request and refused it (4xx): retrying the same request will not help."""

    def __init__(self, message: str, *, code: str | None = None):
        super().__init__(message)
        self.code = code


class InvalidWebhook(Exception):
    """Bad payload or signature (wrong secret, tampered body, or too old)."""


@dataclass(frozen=True)
class LineItem:
    name: str
    unit_amount: Decimal
    quantity: int
    currency: str


@dataclass(frozen=True)
class CheckoutSession:
    id: str
    url: str | None
    status: str  # open / complete / expired
    payment_status: str  # paid / unpaid / no_payment_required
    payment_intent_id: str | None
    client_reference_id: str | None
    order_number: str | None
    amount_total: Decimal | None
    currency: str | None
    created: datetime | None

    @property
    def is_paid(self) -> bool:
        return self.payment_status in ("paid", "no_payment_required")


@dataclass(frozen=True)
class RefundResult:
    id: str
    status: str  # pending / requires_action / succeeded / failed / canceled
    amount: Decimal
    currency: str
    payment_intent_id: str | None
    metadata: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class WebhookEvent:
    id: str
    type: str
    created: datetime | None
    object: dict[str, Any]


_clients: dict[tuple, stripe.StripeClient] = {}
_clients_lock = threading.Lock()


def _client() -> stripe.StripeClient:
    """One client per configuration (tests repoint STRIPE_API_BASE at a fake per test); reused for pooling."""
    base = settings.STRIPE_API_BASE or None
    key = (settings.STRIPE_SECRET_KEY, base, settings.STRIPE_TIMEOUT_SECONDS, settings.STRIPE_MAX_NETWORK_RETRIES)
    with _clients_lock:
        client = _clients.get(key)
        if client is None:
            client = stripe.StripeClient(
                api_key=settings.STRIPE_SECRET_KEY,
                base_addresses={"api": base} if base else None,
                http_client=stripe.RequestsClient(timeout=settings.STRIPE_TIMEOUT_SECONDS),
                max_network_retries=settings.STRIPE_MAX_NETWORK_RETRIES,
            )
            _clients[key] = client
    return client


def _call(fn, *args, **kwargs):
    """Run one SDK call, turning Stripe's errors into ours: unavailable (retry later) or rejected (don't)."""
    try:
        return fn(*args, **kwargs)
    except stripe.APIConnectionError as exc:  # refused, reset, timed out
        raise PaymentServiceUnavailable(str(exc)) from exc
    except stripe.RateLimitError as exc:
        raise PaymentServiceUnavailable(str(exc)) from exc
    except stripe.StripeError as exc:
        status = exc.http_status or 0
        if status >= 500 or status in (409,):
            raise PaymentServiceUnavailable(str(exc)) from exc
        raise PaymentRequestRejected(exc.user_message or str(exc), code=exc.code) from exc


def _when(timestamp: int | None) -> datetime | None:
    return datetime.fromtimestamp(timestamp, tz=UTC) if timestamp else None


def _plain(obj: Any) -> dict[str, Any]:
    """StripeObject is not a dict (SDK 15+); everything below works on plain dicts."""
    return obj.to_dict() if hasattr(obj, "to_dict") else dict(obj or {})


def _id_of(value: Any) -> str | None:
    """Expandable fields arrive as an id or as an object."""
    if value is None or isinstance(value, str):
        return value
    return value.get("id")


def _session(obj: Any) -> CheckoutSession:
    obj = _plain(obj)
    currency = obj.get("currency")
    amount_total = obj.get("amount_total")
    metadata = obj.get("metadata") or {}
    return CheckoutSession(
        id=obj["id"],
        url=obj.get("url"),
        status=obj.get("status") or "",
        payment_status=obj.get("payment_status") or "",
        payment_intent_id=_id_of(obj.get("payment_intent")),
        client_reference_id=obj.get("client_reference_id"),
        order_number=metadata.get("order_number"),
        amount_total=from_minor_units(amount_total) if amount_total is not None else None,
        currency=currency.upper() if currency else None,
        created=_when(obj.get("created")),
    )


def session_from_event(event: WebhookEvent) -> CheckoutSession:
    return _session(event.object)


@dataclass(frozen=True)
class ChargeRefunds:
    charge_id: str
    payment_intent_id: str | None
    amount_refunded: Decimal
    currency: str


def charge_from_event(event: WebhookEvent) -> ChargeRefunds:
    obj = event.object
    return ChargeRefunds(
        charge_id=obj.get("id") or "",
        payment_intent_id=_id_of(obj.get("payment_intent")),
        amount_refunded=from_minor_units(int(obj.get("amount_refunded") or 0)),
        currency=(obj.get("currency") or "").upper(),
    )


def _refund(obj: Any) -> RefundResult:
    obj = _plain(obj)
    return RefundResult(
        id=obj["id"],
        status=obj.get("status") or "",
        amount=from_minor_units(obj["amount"]),
        currency=(obj.get("currency") or "").upper(),
        payment_intent_id=_id_of(obj.get("payment_intent")),
        metadata=dict(obj.get("metadata") or {}),
    )


def checkout_session_create(
    *,
    order_number: str,
    lines: Sequence[LineItem],
    customer_email: str,
    language: str,
    success_url: str,
    cancel_url: str,
    expires_at: datetime,
    idempotency_key: str,
) -> CheckoutSession:
    params: dict[str, Any] = {
        "mode": "payment",
        "line_items": [
            {
                "price_data": {
                    "currency": line.currency.lower(),
                    "unit_amount": to_minor_units(line.unit_amount),
                    "product_data": {"name": line.name[:250]},
                },
                "quantity": line.quantity,
            }
            for line in lines
        ],
        "client_reference_id": order_number,
        "metadata": {"order_number": order_number},
        "payment_intent_data": {"metadata": {"order_number": order_number}},
        "customer_email": customer_email,
        "locale": CHECKOUT_LOCALES.get(language, "auto"),
        "success_url": success_url,
        "cancel_url": cancel_url,
        "expires_at": int(expires_at.timestamp()),
    }
    obj = _call(_client().v1.checkout.sessions.create, params=params, options={"idempotency_key": idempotency_key})
    return _session(obj)


def checkout_session_retrieve(session_id: str) -> CheckoutSession:
    return _session(_call(_client().v1.checkout.sessions.retrieve, session_id))


def checkout_session_expire(session_id: str) -> CheckoutSession:
    """Expire an open session. Raises PaymentRequestRejected when it is no longer open (paid or expired)."""
    return _session(_call(_client().v1.checkout.sessions.expire, session_id))


def checkout_sessions_list(*, created_since: datetime, page_size: int = 100) -> Iterator[CheckoutSession]:
    """Every session created since then, newest first, following Stripe's pagination."""
    client = _client()
    params: dict[str, Any] = {"limit": page_size, "created": {"gte": int(created_since.timestamp())}}
    while True:
        page = _plain(_call(client.v1.checkout.sessions.list, params=params))
        data = page.get("data") or []
        for obj in data:
            yield _session(obj)
        if not page.get("has_more") or not data:
            return
        params = {**params, "starting_after": data[-1]["id"]}


def refund_create(
    *,
    payment_intent_id: str,
    amount: Decimal,
    currency: str,
    idempotency_key: str,
    metadata: dict[str, str],
) -> RefundResult:
    del currency  # a refund is always in the charge's currency; kept in the signature to state the intent
    params = {"payment_intent": payment_intent_id, "amount": to_minor_units(amount), "metadata": metadata}
    obj = _call(_client().v1.refunds.create, params=params, options={"idempotency_key": idempotency_key})
    return _refund(obj)


def refunds_for_payment(payment_intent_id: str) -> list[RefundResult]:
    """Every refund Stripe holds for a payment, following pagination."""
    client = _client()
    params: dict[str, Any] = {"payment_intent": payment_intent_id, "limit": 100}
    found: list[RefundResult] = []
    while True:
        page = _plain(_call(client.v1.refunds.list, params=params))
        data = page.get("data") or []
        found.extend(_refund(obj) for obj in data)
        if not page.get("has_more") or not data:
            return found
        params = {**params, "starting_after": data[-1]["id"]}


def refund_retrieve(refund_id: str) -> RefundResult:
    return _refund(_call(_client().v1.refunds.retrieve, refund_id))


def webhook_event_construct(*, payload: bytes, signature: str | None) -> WebhookEvent:
    """Verify the signature with the SDK (tolerance 5 minutes) and parse the event."""
    if not settings.STRIPE_WEBHOOK_SECRET:
        raise InvalidWebhook("STRIPE_WEBHOOK_SECRET is not set")
    try:
        event = stripe.Webhook.construct_event(payload, signature or "", settings.STRIPE_WEBHOOK_SECRET)
    except (ValueError, stripe.SignatureVerificationError) as exc:
        raise InvalidWebhook(str(exc)) from exc
    event_data = _plain(event)
    return WebhookEvent(
        id=event_data["id"],
        type=event_data.get("type") or "",
        created=_when(event_data.get("created")),
        object=(event_data.get("data") or {}).get("object") or {},
    )
