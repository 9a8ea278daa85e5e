"""`/_control/...`: test-only endpoints (JSON in, JSON out, no auth) that drive the fake from outside."""

from __future__ import annotations

import dataclasses
import json
import re

from .errors import StripeError

_ID = r"(?P<id>[A-Za-z0-9_]+)"


def _body(raw: bytes) -> dict:
    if not raw.strip():
        return {}
    try:
        data = json.loads(raw)
    except ValueError:
        raise StripeError("The control endpoints take a JSON body.") from None
    if not isinstance(data, dict):
        raise StripeError("The control endpoints take a JSON object.")
    return data


def _reset(state, body, object_id):
    state.reset()
    return {"ok": True}


def _outage(state, body, object_id):
    count = body.get("count")
    if count is not None and (not isinstance(count, int) or count < 0):
        raise StripeError("count must be a non-negative integer.", param="count")
    state.set_outage(str(body.get("mode", "")), count)
    return {"ok": True, "mode": body.get("mode"), "count": count}


def _webhooks(state, body, object_id):
    kwargs = {key: body[key] for key in ("url", "secret") if key in body}
    state.configure_webhooks(enabled=body.get("enabled"), **kwargs)
    return {"enabled": state.webhooks_enabled, "url": state.webhook_url}


def _clock(state, body, object_id):
    advance = body.get("advance", 0)
    if not isinstance(advance, int):
        raise StripeError("advance must be a whole number of seconds.", param="advance")
    return {"now": state.advance_clock(advance)}


def _pay(state, body, object_id):
    session, _ = state.pay_session(
        object_id,
        card_number=str(body.get("card", "4242424242424242")),
        expiry=str(body.get("expiry", "")),
        cvc=str(body.get("cvc", "")),
        email=body.get("email"),
        name=body.get("name"),
    )
    return session


def _expire(state, body, object_id):
    return state.expire_session(object_id)


def _async_result(state, body, object_id):
    if not isinstance(body.get("succeeded"), bool):
        raise StripeError("succeeded must be true or false.", param="succeeded")
    return state.settle_async_payment(object_id, succeeded=body["succeeded"])


def _resend(state, body, object_id):
    return {"status": state.resend_event(object_id)}


def _deliveries(state, body, object_id):
    return state.deliveries()


def _requests(state, body, object_id):
    return [dataclasses.asdict(request) for request in state.requests()]


def _objects(state, body, kind):
    return state.objects(kind)


ROUTES = [
    (method, re.compile(f"^/_control{path}$"), handler)
    for method, path, handler in [
        ("POST", "/reset", _reset),
        ("POST", "/outage", _outage),
        ("POST", "/webhooks", _webhooks),
        ("POST", "/clock", _clock),
        ("POST", f"/sessions/{_ID}/pay", _pay),
        ("POST", f"/sessions/{_ID}/expire", _expire),
        ("POST", f"/sessions/{_ID}/async_result", _async_result),
        ("POST", f"/events/{_ID}/resend", _resend),
        ("GET", "/deliveries", _deliveries),
        ("GET", "/requests", _requests),
        ("GET", "/objects/(?P<id>[a-z_.]+)", _objects),
    ]
]


def call(state, method: str, path: str, raw_body: bytes):
    for route_method, pattern, handler in ROUTES:
        match = pattern.match(path)
        if match and route_method == method:
            return handler(state, _body(raw_body), match.groupdict().get("id"))
    raise StripeError(f"Unknown control endpoint ({method}: {path}).", status=404)
