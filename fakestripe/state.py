"""`FakeStripe`: all state behind one lock, plus webhook dispatch, idempotency, outages and a clock.

Events made while the lock is held are delivered after it is released, in the same thread: the shop's
webhook handler may call back into the fake (to retrieve the session, say) and must not deadlock.
"""

from __future__ import annotations

import copy
import fnmatch
import json
import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from . import checkout, refunds, webhooks
from .cards import read_card
from .encoding import get_expand, get_list, get_str
from .errors import StripeError
from .store import OBJECT_KINDS, ApiRequest, RequestInfo, Store

logger = logging.getLogger("fakestripe")

DEFAULT_API_VERSION = "2026-10-28.endive"
DEFAULT_WEBHOOK_SECRET = "whsec_test_fake"  # noqa: S105 - a well-known test value, not a secret
# "drop_response" runs the request (objects, idempotency, webhooks) and then hangs up without answering:
# what a client sees when Stripe did the work but the answer was lost on the way back.
OUTAGE_MODES = ("500", "503", "timeout", "drop_response")
_KEEP = object()
# Filters each list endpoint honours on top of created, limit, starting_after, ending_before and expand.
_LIST_FILTERS = {
    "checkout.session": {"status", "payment_intent"},
    "payment_intent": set(),
    "charge": {"payment_intent"},
    "refund": {"charge", "payment_intent"},
    "event": {"type", "types"},
}
_LIST_URLS = {
    "checkout.session": "/v1/checkout/sessions",
    "payment_intent": "/v1/payment_intents",
    "charge": "/v1/charges",
    "refund": "/v1/refunds",
    "event": "/v1/events",
}


@dataclass
class _IdempotentResult:
    fingerprint: str
    response: tuple[int, dict, str] | None = None  # (status, body, request id); None while running


class FakeStripe:
    def __init__(
        self,
        *,
        webhook_url: str | None = None,
        webhook_secret: str = DEFAULT_WEBHOOK_SECRET,
        public_base_url: str = "http://127.0.0.1",
        webhook_timeout: float = 10.0,
        api_version: str = DEFAULT_API_VERSION,
    ):
        self._lock = threading.Lock()
        self._initial_webhook = (webhook_url, webhook_secret)
        self.public_base_url = public_base_url.rstrip("/")
        self.webhook_timeout = webhook_timeout
        self.api_version = api_version
        self._reset_locked()

    def _reset_locked(self) -> None:
        self._store = Store(api_version=self.api_version)
        self.webhook_url, self.webhook_secret = self._initial_webhook
        self.webhooks_enabled = True
        self._clock_offset = 0
        self._idempotency: dict[tuple[str, str], _IdempotentResult] = {}
        self._settled: dict[str, threading.Event] = {}  # session id -> its payment's webhooks are done
        self._outage: str | None = None
        self._outage_left: int | None = None
        self._outage_wake = getattr(self, "_outage_wake", threading.Event())
        self._outage_wake.set()  # release anyone sleeping in a "timeout" outage
        self._outage_wake = threading.Event()

    # -- configuration and test controls -----------------------------------------------------------------

    def reset(self) -> None:
        """Forget every object, event, delivery and idempotency key; webhooks back to the start-up config."""
        with self._lock:
            self._reset_locked()

    def now(self) -> int:
        return int(time.time()) + self._clock_offset

    def advance_clock(self, seconds: int) -> int:
        """Move the fake's clock (object timestamps, session expiry); webhook signatures keep real time."""
        with self._lock:
            self._clock_offset += int(seconds)
        return self.now()

    def configure_webhooks(self, *, url=_KEEP, secret=_KEEP, enabled: bool | None = None) -> None:
        with self._lock:
            if url is not _KEEP:
                if url is not None and not str(url).startswith(("http://", "https://")):
                    raise StripeError("The webhook URL must start with http:// or https://.", param="url")
                self.webhook_url = url
            if secret is not _KEEP:
                self.webhook_secret = secret
            if enabled is not None:
                self.webhooks_enabled = bool(enabled)

    def set_outage(self, mode: str, count: int | None = None) -> None:
        if mode not in (*OUTAGE_MODES, "off"):
            raise StripeError(
                f"Unknown outage mode {mode!r}; use 500, 503, timeout, drop_response or off.", param="mode"
            )
        with self._lock:
            self._outage = None if mode == "off" or count == 0 else mode
            self._outage_left = count
            if self._outage is None:
                self._outage_wake.set()
                self._outage_wake = threading.Event()

    def take_outage(self) -> tuple[str | None, threading.Event]:
        """Called once per API request: the failure to simulate (if any) and an event that ends a sleep."""
        with self._lock:
            mode, wake = self._outage, self._outage_wake
            if mode is not None and self._outage_left is not None:
                self._outage_left -= 1
                if self._outage_left <= 0:
                    self._outage = None
            return mode, wake

    def close(self) -> None:
        with self._lock:
            self._outage_wake.set()

    # -- webhooks ----------------------------------------------------------------------------------------

    @contextmanager
    def _change(self) -> Iterator[Store]:
        """Hold the lock for one operation, then deliver the events it produced (even if it failed after
        producing some, e.g. a lazily expired session)."""
        pending: list[dict] = []
        target = (None, "")
        try:
            with self._lock:
                self._store.outbox = []
                try:
                    yield self._store
                finally:
                    active = bool(self.webhook_url) and self.webhooks_enabled
                    for evt in self._store.outbox:
                        evt["pending_webhooks"] = 1 if active else 0
                        if active:
                            pending.append(copy.deepcopy(evt))
                    self._store.outbox = []
                    target = (self.webhook_url, self.webhook_secret)
        finally:
            for evt in pending:
                self._deliver(evt, *target)

    def _deliver(self, evt: dict, url: str, secret: str) -> int | None:
        status, error = webhooks.deliver(url, webhooks.encode_event(evt), secret, self.webhook_timeout)
        ok = status is not None and 200 <= status < 300
        if not ok:
            logger.warning("webhook %s (%s) to %s failed: %s", evt["id"], evt["type"], url, error or status)
        with self._lock:
            self._store.deliveries.append(
                {"event_id": evt["id"], "type": evt["type"], "status": status, "error": error}
            )
            stored = self._store.objects.get(evt["id"])
            if ok and stored is not None:
                stored["pending_webhooks"] = 0
        return status

    def resend_event(self, event_id: str) -> int | None:
        """Deliver a stored event again (even with deliveries switched off), as Stripe's "Resend" does."""
        with self._lock:
            evt = copy.deepcopy(self._store.get("event", event_id))
            url, secret = self.webhook_url, self.webhook_secret
        if not url:
            raise StripeError("No webhook URL is configured.", param="webhook_url")
        return self._deliver(evt, url, secret)

    def deliveries(self) -> list[dict]:
        with self._lock:
            return copy.deepcopy(self._store.deliveries)

    def events(self, event_type: str | None = None) -> list[dict]:
        """Stored events, oldest first (unlike /v1/events), optionally of one type."""
        with self._lock:
            found = reversed(self._store.of_kind("event"))
            return [copy.deepcopy(e) for e in found if event_type in (None, e["type"])]

    def objects(self, kind: str) -> list[dict]:
        """Copies of every stored object of one kind (`checkout.session`, `payment_intent`, `charge`, `refund`,
        `event`, ...), oldest first. Reading expires overdue sessions first, as an API read would."""
        if kind not in OBJECT_KINDS:
            raise StripeError(f"Unknown object kind {kind!r}; use one of {', '.join(OBJECT_KINDS)}.", param="kind")
        with self._change() as store:
            checkout.expire_due(store, self.now())
            return [copy.deepcopy(obj) for obj in reversed(store.of_kind(kind))]

    def requests(self) -> list[ApiRequest]:
        """Every `/v1` request since the last reset, in the order they were answered (an outage's first)."""
        with self._lock:
            return list(self._store.requests)

    def record_request(self, request: ApiRequest) -> None:
        with self._lock:
            self._store.requests.append(request)

    # -- API operations ----------------------------------------------------------------------------------

    def run_idempotent(
        self, scope: str, key: str, fingerprint: dict, compute: Callable[[], tuple[int, dict, str]]
    ) -> tuple[tuple[int, dict, str], bool]:
        """Replay the saved response for a reused key and the same request; refuse it for another request.

        Like Stripe, only results of requests that ran are saved: 2xx and card errors, not validation
        errors or outages, so a corrected retry with the same key still goes through.
        """
        fingerprint_json = json.dumps(fingerprint, sort_keys=True)
        with self._lock:
            saved = self._idempotency.get((scope, key))
            if saved is not None and saved.fingerprint != fingerprint_json:
                raise StripeError(
                    "Keys for idempotent requests can only be used with the same parameters they were first "
                    f"used with. Try using a key other than '{key}' if you meant to execute a different "
                    "request.",
                    error_type="idempotency_error",
                )
            if saved is not None and saved.response is None:
                raise StripeError(
                    "There is currently another in-progress request using this Idempotent Key (that probably "
                    f"means you submitted twice, and the other request is still going through): {key}. "
                    "Please try again later.",
                    status=409,
                    error_type="idempotency_error",
                )
            if saved is not None:
                return saved.response, True
            saved = self._idempotency[(scope, key)] = _IdempotentResult(fingerprint_json)
        response = None
        try:
            response = compute()
        finally:
            with self._lock:
                keep = response is not None and (response[0] < 400 or response[0] == 402)
                if keep:
                    saved.response = response
                elif self._idempotency.get((scope, key)) is saved:
                    del self._idempotency[(scope, key)]
        return response, False

    def create_checkout_session(self, params: dict) -> dict:
        with self._change() as store:
            session = checkout.create_session(store, params, now=self.now(), base_url=self.public_base_url)
            return store.expand(session, get_expand(params))

    def retrieve(self, kind: str, object_id: str, params: dict) -> dict:
        with self._change() as store:
            checkout.expire_due(store, self.now())
            return store.expand(store.get(kind, object_id), get_expand(params))

    def list(self, kind: str, params: dict) -> dict:
        filters = _LIST_FILTERS[kind]
        with self._change() as store:
            checkout.expire_due(store, self.now())
            items = store.of_kind(kind)
            for name in filters - {"type", "types"}:
                wanted = get_str(params, name)
                if wanted is not None:
                    items = [obj for obj in items if obj.get(name) == wanted]
            if kind == "event":
                items = _filter_event_types(items, get_str(params, "type"), get_list(params, "types"))
            return store.page(items, params, _LIST_URLS[kind], filters | {"created"})

    def list_line_items(self, session_id: str, params: dict) -> dict:
        with self._lock:
            self._store.get("checkout.session", session_id)
            items = self._store.line_items[session_id]
            return self._store.page(items, params, f"/v1/checkout/sessions/{session_id}/line_items", set())

    def list_charge_refunds(self, charge_id: str, params: dict) -> dict:
        with self._lock:
            self._store.get("charge", charge_id)
            items = [r for r in self._store.of_kind("refund") if r["charge"] == charge_id]
            return self._store.page(items, params, f"/v1/charges/{charge_id}/refunds", set())

    def expire_session(self, session_id: str, params: dict | None = None, request: RequestInfo | None = None) -> dict:
        with self._change() as store:
            checkout.expire_due(store, self.now())
            session = store.get("checkout.session", session_id)
            checkout.expire(store, session, now=self.now(), request=request)
            return store.expand(session, get_expand(params or {}))

    def create_refund(self, params: dict, request: RequestInfo) -> dict:
        with self._change() as store:
            refund = refunds.create_refund(store, params, now=self.now(), request=request)
            return store.expand(refund, get_expand(params))

    # -- customer actions (hosted page and control endpoints) --------------------------------------------

    def checkout_view(self, session_id: str) -> tuple[dict, list[dict]]:
        with self._change() as store:
            checkout.expire_due(store, self.now())
            session = store.get("checkout.session", session_id)
            return copy.deepcopy(session), copy.deepcopy(store.line_items[session_id])

    def pay_session(
        self,
        session_id: str,
        *,
        card_number: str,
        expiry: str = "",
        cvc: str = "",
        email: str | None = None,
        name: str | None = None,
    ) -> tuple[dict, bool]:
        """Pay an open session; returns (session, paid_now). Paying a completed session again charges
        nothing and waits until the first payment's webhooks were delivered, so both callers see the same."""
        settled = already = None
        try:
            with self._change() as store:
                checkout.expire_due(store, self.now())
                session = store.get("checkout.session", session_id)
                if session["status"] == "expired":
                    raise StripeError(
                        "This Checkout Session has expired.", code="checkout_session_expired", param="session"
                    )
                if session["status"] == "complete":
                    already = self._settled.get(session_id)
                else:
                    card = read_card(card_number, expiry, cvc)
                    email = (email or "").strip() or session["customer_email"]
                    if not email:
                        raise StripeError("Your email is incomplete.", code="email_invalid", param="email")
                    checkout.pay(store, session, card, email=email, name=(name or "").strip() or None, now=self.now())
                    settled = self._settled[session_id] = threading.Event()
                result = copy.deepcopy(session)
        finally:
            if settled is not None:
                settled.set()
        if already is not None:
            already.wait(self.webhook_timeout * 8)
        return result, settled is not None

    def settle_async_payment(self, session_id: str, *, succeeded: bool) -> dict:
        with self._change() as store:
            session = store.get("checkout.session", session_id)
            checkout.settle(store, session, succeeded=succeeded, now=self.now())
            return copy.deepcopy(session)


def _filter_event_types(items: list[dict], event_type: str | None, types: list) -> list[dict]:
    if event_type is not None and types:
        raise StripeError("You may pass either `type` or `types`, but not both.", param="types")
    if event_type is not None:
        # Stripe allows one `*` wildcard, e.g. `checkout.session.*`.
        return [evt for evt in items if fnmatch.fnmatchcase(evt["type"], event_type)]
    if types:
        return [evt for evt in items if evt["type"] in types]
    return items
