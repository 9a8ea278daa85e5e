"""Every object the fake returns has the shape of Stripe's published sample of its kind.

Rule, recursively: the same key set as the sample; where the sample value is non-null, the same JSON type
(int and float differ). The samples are placeholders, so a non-null sample value does not mean the field
is never null on Stripe: a null is accepted only where Stripe's own SDK types the field `Optional`.
Objects without a sample (line items, prices, products) may only use keys Stripe's SDK knows. `metadata`
and dicts that are empty in the sample are free-form.
"""

from __future__ import annotations

import copy
import functools
import json
import typing
from pathlib import Path

import pytest
import stripe
from stripe._stripe_object import StripeObject

FIXTURES = Path(__file__).resolve().parents[3] / "shared" / "stripe" / "fixtures.json"
PRODUCED = {
    "checkout.session": stripe.checkout.Session,
    "payment_intent": stripe.PaymentIntent,
    "charge": stripe.Charge,
    "refund": stripe.Refund,
    "event": stripe.Event,
    "payment_method": stripe.PaymentMethod,
    "balance_transaction": stripe.BalanceTransaction,
}
WITHOUT_SAMPLE = {"item": stripe.LineItem, "price": stripe.Price, "product": stripe.Product}
LIST_KEYS = {"object", "data", "has_more", "url"}


@functools.cache
def load_samples() -> dict:
    if not FIXTURES.is_file():
        pytest.fail(f"Stripe's sample objects are missing: expected {FIXTURES} (../shared beside the repo)")
    return json.loads(FIXTURES.read_text())["resources"]


@pytest.fixture
def samples() -> dict:
    return load_samples()


def _annotations(cls) -> dict:
    merged: dict = {}
    for klass in reversed(cls.__mro__):
        merged.update(getattr(klass, "__annotations__", {}))
    return merged


def _stripe_class(annotation):
    """The nested SDK class inside `Optional[X]`, `List[X]`, `Union[str, X, None]`..., if any."""
    if isinstance(annotation, type) and issubclass(annotation, StripeObject):
        return annotation
    for arg in typing.get_args(annotation):
        found = _stripe_class(arg)
        if found is not None:
            return found
    return None


def _json_type(value) -> str:
    return {
        bool: "boolean",
        int: "integer",
        float: "float",
        str: "string",
        list: "array",
        dict: "object",
        type(None): "null",
    }[type(value)]


def shape_errors(ours, sample, cls=None, path="$", nullable=False) -> list[str]:
    errors: list[str] = []
    _check(ours, sample, cls, path, nullable, errors)
    return errors


def _check(ours, sample, cls, path, nullable, errors) -> None:
    kind = ours.get("object") if isinstance(ours, dict) else None
    kind = kind if isinstance(kind, str) else None  # event.data has an "object" key holding the object
    if kind == "list":
        if set(ours) != LIST_KEYS:
            errors.append(f"{path}: list keys {sorted(ours)} != {sorted(LIST_KEYS)}")
        for index, item in enumerate(ours.get("data", [])):
            _check(item, None, None, f"{path}.data[{index}]", False, errors)
        return
    if kind in WITHOUT_SAMPLE:
        known = {k for k, v in _annotations(WITHOUT_SAMPLE[kind]).items() if "ClassVar" not in str(v)}
        if set(ours) - known:
            errors.append(f"{path}: {kind} keys unknown to Stripe: {sorted(set(ours) - known)}")
        for key, value in ours.items():
            if isinstance(value, dict):
                _check(value, None, None, f"{path}.{key}", True, errors)
        return
    if kind in PRODUCED:  # an embedded or expanded object, or event.data.object: use its own sample
        sample, cls = load_samples()[kind], PRODUCED[kind]
    if sample is None:
        return
    if ours is None:
        if not nullable:
            errors.append(
                f"{path}: null, but the sample has a {_json_type(sample)} and Stripe's SDK "
                "does not type the field as nullable"
            )
        return
    if _json_type(ours) != _json_type(sample):
        errors.append(f"{path}: {_json_type(ours)} {ours!r}, the sample has a {_json_type(sample)}")
        return
    if isinstance(sample, dict) and sample and not path.endswith(".metadata"):  # metadata keys are the user's
        if set(ours) != set(sample):
            errors.append(f"{path}: missing {sorted(set(sample) - set(ours))}, extra {sorted(set(ours) - set(sample))}")
        hints = _annotations(cls) if cls else {}
        for key in sorted(set(ours) & set(sample)):
            hint = hints.get(key)
            _check(
                ours[key],
                sample[key],
                _stripe_class(hint),
                f"{path}.{key}",
                type(None) in typing.get_args(hint),
                errors,
            )
    elif isinstance(sample, list) and sample:
        for index, item in enumerate(ours):
            _check(item, sample[0], cls, f"{path}[{index}]", False, errors)


def assert_shape(body: dict) -> None:
    errors = shape_errors(body, load_samples().get(body.get("object")))
    assert not errors, "\n".join(errors)


def raw(obj) -> dict:
    """The JSON the fake actually sent, not the SDK's view of it."""
    return json.loads(obj.last_response.body)


def test_the_packaged_samples_are_still_stripes(samples):
    packaged = json.loads((Path(__file__).resolve().parents[2] / "fakestripe" / "samples.json").read_text())
    for kind, sample in packaged["resources"].items():
        assert sample == samples[kind], f"fakestripe/samples.json[{kind}] drifted from {FIXTURES}; recopy it"


def test_the_shape_check_catches_drift(samples):
    charge = copy.deepcopy(samples["charge"])
    charge["amount"] = 12.5
    charge["surprise"] = 1
    del charge["paid"]
    charge["billing_details"] = None  # not Optional in the SDK
    charge["review"] = "prv_123"  # null in the sample: anything goes
    charge["receipt_url"] = None  # Optional in the SDK
    errors = shape_errors(charge, samples["charge"])
    assert len(errors) == 3, errors
    assert any("$.amount: float" in e for e in errors)
    assert any("extra ['surprise']" in e and "missing ['paid']" in e for e in errors)
    assert any("$.billing_details: null" in e for e in errors)


def test_open_and_expired_sessions(stripe_client, make_session):
    session = make_session()
    assert_shape(raw(session))
    assert_shape(raw(stripe_client.v1.checkout.sessions.retrieve(session.id)))
    assert_shape(raw(stripe_client.v1.checkout.sessions.expire(session.id)))


def test_paid_session_and_everything_it_created(stripe_client, make_session, control):
    session = make_session()
    assert control("POST", f"/sessions/{session.id}/pay", {"card": "4242424242424242"})[0] == 200
    paid = stripe_client.v1.checkout.sessions.retrieve(session.id)
    assert_shape(raw(paid))
    intent = stripe_client.v1.payment_intents.retrieve(paid.payment_intent)
    assert_shape(raw(intent))
    charge = stripe_client.v1.charges.retrieve(intent.latest_charge)
    assert_shape(raw(charge))
    assert_shape(raw(stripe_client.v1.payment_methods.retrieve(charge.payment_method)))
    assert_shape(raw(stripe_client.v1.balance_transactions.retrieve(charge.balance_transaction)))
    refund = stripe_client.v1.refunds.create(params={"payment_intent": intent.id, "amount": 500})
    assert_shape(raw(refund))
    assert_shape(raw(stripe_client.v1.refunds.retrieve(refund.id)))
    refunded = stripe_client.v1.charges.retrieve(charge.id)
    assert refunded.refunds.data[0].id == refund.id
    assert_shape(raw(refunded))
    expanded = stripe_client.v1.checkout.sessions.retrieve(
        session.id, params={"expand": ["payment_intent.latest_charge", "line_items.data.price.product"]}
    )
    body = raw(expanded)
    del body["line_items"]  # only present when expanded, as on Stripe; checked below as a list
    assert_shape(body)
    assert_shape(raw(expanded)["line_items"])


def test_delayed_payments_settled_both_ways(stripe_client, make_session, control):
    for succeeded in (True, False):
        session = make_session()
        control("POST", f"/sessions/{session.id}/pay", {"card": "4000000000000101"})
        intent_id = stripe_client.v1.checkout.sessions.retrieve(session.id).payment_intent
        intent = stripe_client.v1.payment_intents.retrieve(intent_id)
        assert intent.status == "processing"
        assert_shape(raw(intent))
        assert_shape(raw(stripe_client.v1.charges.retrieve(intent.latest_charge)))
        control("POST", f"/sessions/{session.id}/async_result", {"succeeded": succeeded})
        settled = stripe_client.v1.payment_intents.retrieve(intent.id)
        assert settled.status == ("succeeded" if succeeded else "requires_payment_method")
        assert_shape(raw(settled))
        assert_shape(raw(stripe_client.v1.charges.retrieve(intent.latest_charge)))


def test_events_and_lists(stripe_client, make_session, control):
    session = make_session()
    control("POST", f"/sessions/{session.id}/pay", {"card": "4242424242424242"})
    paid = stripe_client.v1.checkout.sessions.retrieve(session.id)
    stripe_client.v1.refunds.create(params={"payment_intent": paid.payment_intent})
    delayed = make_session()
    control("POST", f"/sessions/{delayed.id}/pay", {"card": "4000000000000101"})
    control("POST", f"/sessions/{delayed.id}/async_result", {"succeeded": True})
    stripe_client.v1.checkout.sessions.expire(make_session().id)

    events = stripe_client.v1.events.list(params={"limit": 100})
    assert_shape(raw(events))
    types = {event.type for event in events.data}
    assert {
        "checkout.session.completed",
        "checkout.session.expired",
        "charge.refunded",
        "payment_intent.succeeded",
        "checkout.session.async_payment_succeeded",
    } <= types
    for event in events.data:
        assert_shape(raw(stripe_client.v1.events.retrieve(event.id)))
    for listed in (
        stripe_client.v1.checkout.sessions.list(),
        stripe_client.v1.payment_intents.list(),
        stripe_client.v1.charges.list(),
        stripe_client.v1.refunds.list(),
        stripe_client.v1.checkout.sessions.line_items.list(session.id),
    ):
        assert listed.data, listed.url
        assert_shape(raw(listed))
