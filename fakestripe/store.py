"""In-memory objects, lists and expansion. Not thread-safe on its own: `FakeStripe` holds the lock."""

from __future__ import annotations

import copy
import itertools
from dataclasses import dataclass, field

from . import objects
from .encoding import get_expand, get_int, get_str, reject_unknown
from .errors import StripeError, invalid_param, no_such

# Which URL parameter Stripe names in "No such ..." errors, per object kind.
_ID_PARAMS = {
    "checkout.session": "session",
    "payment_intent": "intent",
    "charge": "charge",
    "refund": "refund",
    "event": "id",
    "payment_method": "payment_method",
    "balance_transaction": "id",
    "product": "id",
}
OBJECT_KINDS = tuple(_ID_PARAMS)
LIST_PARAMS = {"limit", "starting_after", "ending_before", "expand"}


@dataclass
class RequestInfo:
    """Who caused a change; copied into `event.request` as Stripe does (ids are null for customer actions)."""

    request_id: str | None = None
    idempotency_key: str | None = None


@dataclass(frozen=True)
class ApiRequest:
    """One `/v1` request as the fake answered it; `FakeStripe.requests()` and `GET /_control/requests`."""

    method: str
    path: str  # without the query string
    idempotency_key: str | None  # the `Idempotency-Key` header as sent (Stripe only honours it on POST)
    status: int  # the HTTP status answered; with the `drop_response` outage, the one that was never sent
    request_id: str  # the `Request-Id` answered; a replay answers the original request's id
    replayed: bool = False  # answered from the idempotency store (`Idempotent-Replayed: true`)
    outage: str | None = None  # the outage mode that answered (or dropped) it: "500", "503", "timeout", ...


@dataclass
class Store:
    api_version: str
    objects: dict[str, dict] = field(default_factory=dict)
    line_items: dict[str, list[dict]] = field(default_factory=dict)  # checkout session id -> items
    extras: dict[str, dict] = field(default_factory=dict)  # session id -> params with no field on the object
    deliveries: list[dict] = field(default_factory=list)
    requests: list[ApiRequest] = field(default_factory=list)  # oldest first
    outbox: list[dict] = field(default_factory=list)  # events made by the current locked operation
    _order: dict[str, int] = field(default_factory=dict)
    _seq: itertools.count = field(default_factory=itertools.count)

    def add(self, obj: dict) -> dict:
        self.objects[obj["id"]] = obj
        # A sequence number, because `created` has one-second resolution and lists must be newest first.
        self._order[obj["id"]] = next(self._seq)
        return obj

    def get(self, kind: str, object_id: str) -> dict:
        obj = self.objects.get(object_id)
        if obj is None or obj.get("object") != kind:
            raise no_such(kind, object_id, _ID_PARAMS.get(kind, "id"))
        return obj

    def of_kind(self, kind: str) -> list[dict]:
        found = [obj for obj in self.objects.values() if obj.get("object") == kind]
        return sorted(found, key=lambda obj: self._order[obj["id"]], reverse=True)

    def emit(self, event_type: str, obj: dict, now: int, request: RequestInfo | None) -> dict:
        request = request or RequestInfo()
        evt = objects.event(
            event_id=objects.new_id("evt_"),
            created=now,
            event_type=event_type,
            obj=obj,
            api_version=self.api_version,
            request_id=request.request_id,
            idempotency_key=request.idempotency_key,
        )
        self.add(evt)
        self.outbox.append(evt)
        return evt

    # -- reading -----------------------------------------------------------------------------------------

    def expand(self, obj: dict, paths: list[str]) -> dict:
        """A copy of `obj` with the dotted `expand` paths replaced by the objects their ids name."""
        obj = copy.deepcopy(obj)
        for path in paths:
            parts = path.split(".")
            if len(parts) > 4:
                raise invalid_param("expand", f"You cannot expand more than 4 levels of a property: {path}")
            self._expand(obj, parts, path)
        return obj

    def _expand(self, node, parts: list[str], path: str) -> None:
        if isinstance(node, dict) and node.get("object") == "list" and parts[0] == "data":
            for item in node["data"]:
                self._expand(item, parts[1:], path)
            return
        if not parts or not isinstance(node, dict):
            return
        name, rest = parts[0], parts[1:]
        if name == "line_items" and node.get("object") == "checkout.session":
            items = copy.deepcopy(self.line_items.get(node["id"], []))
            node[name] = objects.list_object(items, f"/v1/checkout/sessions/{node['id']}/line_items")
        elif name not in node or (isinstance(node[name], str) and node[name] not in self.objects):
            raise invalid_param("expand", f"This property cannot be expanded ({path}).")
        elif isinstance(node[name], str):
            node[name] = copy.deepcopy(self.objects[node[name]])
        if rest:
            self._expand(node[name], rest, path)

    def page(self, items: list[dict], params: dict, url: str, extra_filters: set[str]) -> dict:
        """Stripe's cursor pagination over `items` (already newest first)."""
        reject_unknown(params, LIST_PARAMS | extra_filters)
        limit = get_int(params, "limit", minimum=1)
        limit = 10 if limit is None else limit
        if limit > 100:
            raise invalid_param("limit", "This value must be less than or equal to 100.")
        if params.get("created") is not None:
            items = [obj for obj in items if _created_matches(obj["created"], params["created"])]
        after, before = get_str(params, "starting_after"), get_str(params, "ending_before")
        ids = [obj["id"] for obj in items]
        for cursor, param in ((after, "starting_after"), (before, "ending_before")):
            if cursor is not None and cursor not in ids:
                raise no_such("object", cursor, param)
        if after is not None:
            items = items[ids.index(after) + 1 :]
            chosen, has_more = items[:limit], len(items) > limit
        elif before is not None:
            items = items[: ids.index(before)]
            chosen, has_more = items[-limit:], len(items) > limit
        else:
            chosen, has_more = items[:limit], len(items) > limit
        paths = get_expand(params)
        for path in paths:
            if not path.startswith("data."):
                raise invalid_param("expand", f"Expand paths on a list must start with 'data.': {path}")
        paths = [path.removeprefix("data.") for path in paths]
        return objects.list_object([self.expand(obj, paths) for obj in chosen], url, has_more)


def _created_matches(created: int, condition) -> bool:
    if isinstance(condition, str):
        return created == _to_int(condition, "created")
    if not isinstance(condition, dict):
        raise invalid_param("created", "Invalid created filter.")
    checks = {"gt": int.__gt__, "gte": int.__ge__, "lt": int.__lt__, "lte": int.__le__}
    for op, value in condition.items():
        if op not in checks:
            raise StripeError(
                f"Received unknown parameter: created[{op}]", code="parameter_unknown", param=f"created[{op}]"
            )
        if not checks[op](created, _to_int(value, f"created[{op}]")):
            return False
    return True


def _to_int(value, param: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise invalid_param(param, f"Invalid integer: {value}", "parameter_invalid_integer") from None
