"""Routes of the `/v1` API: each answers `(status, json body)` or raises `StripeError`."""

from __future__ import annotations

import re
from collections.abc import Callable

from .errors import StripeError
from .store import RequestInfo

_ID = r"(?P<id>[A-Za-z0-9_]+)"
Handler = Callable[..., dict]


def _retrieve(kind: str) -> Handler:
    return lambda state, params, object_id, request: state.retrieve(kind, object_id, params)


def _list(kind: str) -> Handler:
    return lambda state, params, object_id, request: state.list(kind, params)


ROUTES: list[tuple[str, re.Pattern, Handler]] = [
    (method, re.compile(f"^{path}$"), handler)
    for method, path, handler in [
        (
            "POST",
            "/v1/checkout/sessions",
            lambda state, params, object_id, request: state.create_checkout_session(params),
        ),
        ("GET", "/v1/checkout/sessions", _list("checkout.session")),
        ("GET", f"/v1/checkout/sessions/{_ID}", _retrieve("checkout.session")),
        (
            "GET",
            f"/v1/checkout/sessions/{_ID}/line_items",
            lambda state, params, object_id, request: state.list_line_items(object_id, params),
        ),
        (
            "POST",
            f"/v1/checkout/sessions/{_ID}/expire",
            lambda state, params, object_id, request: state.expire_session(object_id, params, request),
        ),
        ("GET", "/v1/payment_intents", _list("payment_intent")),
        ("GET", f"/v1/payment_intents/{_ID}", _retrieve("payment_intent")),
        ("GET", "/v1/charges", _list("charge")),
        ("GET", f"/v1/charges/{_ID}", _retrieve("charge")),
        (
            "GET",
            f"/v1/charges/{_ID}/refunds",
            lambda state, params, object_id, request: state.list_charge_refunds(object_id, params),
        ),
        ("POST", "/v1/refunds", lambda state, params, object_id, request: state.create_refund(params, request)),
        ("GET", "/v1/refunds", _list("refund")),
        ("GET", f"/v1/refunds/{_ID}", _retrieve("refund")),
        ("GET", "/v1/events", _list("event")),
        ("GET", f"/v1/events/{_ID}", _retrieve("event")),
        ("GET", f"/v1/payment_methods/{_ID}", _retrieve("payment_method")),
        ("GET", f"/v1/balance_transactions/{_ID}", _retrieve("balance_transaction")),
        ("GET", f"/v1/products/{_ID}", _retrieve("product")),
    ]
]


def find_route(method: str, path: str) -> tuple[Handler, str | None] | None:
    for route_method, pattern, handler in ROUTES:
        match = pattern.match(path)
        if match and route_method == method:
            return handler, match.groupdict().get("id")
    return None


def call(state, method: str, path: str, params: dict, request: RequestInfo) -> tuple[int, dict]:
    found = find_route(method, path)
    if found is None:
        raise StripeError(
            f"Unrecognized request URL ({method}: {path}). Please see https://stripe.com/docs or we can help "
            "at https://support.stripe.com/.",
            status=404,
        )
    handler, object_id = found
    return 200, handler(state, params, object_id, request)
