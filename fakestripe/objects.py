"""API objects built by deep-copying Stripe's published samples and overwriting values.

Starting from the sample (never from a hand-written dict) keeps the key set identical to Stripe's, and
`fill` refuses keys the sample lacks, so a typo here fails at once instead of drifting the shape.
`samples.json` is a verbatim copy of the shop's `../shared/stripe/fixtures.json` entries for these kinds
(a test checks they are still equal), so the fake also runs where `../shared` is absent.
"""

from __future__ import annotations

import copy
import functools
import json
import secrets
import string
from pathlib import Path

_ALPHABET = string.ascii_letters + string.digits
# Currencies Stripe counts in whole units (no minor unit); everything else here has two decimals.
ZERO_DECIMAL = frozenset(
    ["bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"]
)


@functools.cache
def samples() -> dict:
    with (Path(__file__).with_name("samples.json")).open(encoding="utf-8") as fh:
        return json.load(fh)["resources"]


def new_id(prefix: str, length: int = 24) -> str:
    return prefix + "".join(secrets.choice(_ALPHABET) for _ in range(length))


def fill(template: dict, **values) -> dict:
    obj = copy.deepcopy(template)
    for key, value in values.items():
        if key not in obj:
            raise KeyError(f"Stripe's sample has no key {key!r}; keys must not drift from it")
        obj[key] = value
    return obj


def from_sample(kind: str, **values) -> dict:
    return fill(samples()[kind], **values)


def sample_part(kind: str, *path: str) -> dict:
    node = samples()[kind]
    for key in path:
        node = node[key]
    return node


def list_object(data: list, url: str, has_more: bool = False) -> dict:
    return {"object": "list", "data": data, "has_more": has_more, "url": url}


def empty_address(kind: str, *path: str) -> dict:
    return fill(sample_part(kind, *path), **dict.fromkeys(sample_part(kind, *path), None))


def checkout_session(
    *,
    session_id: str,
    created: int,
    expires_at: int,
    currency: str,
    amount: int,
    url: str,
    success_url: str,
    cancel_url: str | None,
    client_reference_id: str | None,
    customer_email: str | None,
    locale: str | None,
    metadata: dict,
) -> dict:
    kind = "checkout.session"
    return from_sample(
        kind,
        id=session_id,
        adaptive_pricing={"enabled": False},
        after_expiration=None,
        allow_promotion_codes=None,
        amount_subtotal=amount,
        amount_total=amount,
        automatic_tax=fill(sample_part(kind, "automatic_tax"), enabled=False, liability=None),
        billing_address_collection=None,
        cancel_url=cancel_url,
        client_reference_id=client_reference_id,
        client_secret=None,
        collected_information=None,
        consent=None,
        consent_collection=None,
        created=created,
        currency=currency,
        currency_conversion=None,
        custom_fields=[],
        custom_text=fill(
            sample_part(kind, "custom_text"),
            after_submit=None,
            shipping_address=None,
            submit=None,
            terms_of_service_acceptance=None,
        ),
        customer=None,
        customer_creation="if_required",
        customer_details=None,
        customer_email=customer_email,
        discounts=[],
        expires_at=expires_at,
        invoice_creation=fill(
            sample_part(kind, "invoice_creation"),
            enabled=False,
            invoice_data=fill(
                sample_part(kind, "invoice_creation", "invoice_data"), issuer=None, metadata={}, rendering_options=None
            ),
        ),
        locale=locale,
        managed_payments={"enabled": False},
        metadata=metadata,
        mode="payment",
        payment_intent=None,
        payment_method_collection="if_required",
        payment_method_configuration_details=None,
        payment_method_options={},
        payment_method_types=["card"],
        payment_status="unpaid" if amount else "no_payment_required",
        permissions=None,
        phone_number_collection={"enabled": False},
        saved_payment_method_options=None,
        shipping_address_collection=None,
        shipping_cost=None,
        shipping_options=[],
        status="open",
        success_url=success_url,
        total_details={"amount_discount": 0, "amount_shipping": 0, "amount_tax": 0},
        ui_mode="hosted",
        url=url,
        wallet_options=None,
    )


def customer_details(email: str, name: str | None) -> dict:
    kind = "checkout.session"
    return fill(
        sample_part(kind, "customer_details"),
        address=empty_address(kind, "customer_details", "address"),
        email=email,
        name=name,
        tax_ids=[],
    )


def collected_information() -> dict:
    return fill(sample_part("checkout.session", "collected_information"), shipping_details=None)


def event(
    *,
    event_id: str,
    created: int,
    event_type: str,
    obj: dict,
    api_version: str,
    request_id: str | None,
    idempotency_key: str | None,
) -> dict:
    return from_sample(
        "event",
        id=event_id,
        api_version=api_version,
        created=created,
        data={"object": copy.deepcopy(obj)},
        pending_webhooks=0,
        request={"id": request_id, "idempotency_key": idempotency_key},
        type=event_type,
    )


# Line items, prices and products have no sample in fixtures.json; their keys follow Stripe's API reference.


def product(*, product_id: str, created: int, name: str, description: str | None, metadata: dict, images: list) -> dict:
    return {
        "id": product_id,
        "object": "product",
        "active": True,
        "created": created,
        "default_price": None,
        "description": description,
        "images": images,
        "livemode": False,
        "marketing_features": [],
        "metadata": metadata,
        "name": name,
        "package_dimensions": None,
        "shippable": None,
        "statement_descriptor": None,
        "tax_code": None,
        "unit_label": None,
        "updated": created,
        "url": None,
    }


def price(*, price_id: str, created: int, currency: str, unit_amount: int, product_id: str) -> dict:
    # Prices made from `price_data` are inline: Stripe marks them inactive.
    return {
        "id": price_id,
        "object": "price",
        "active": False,
        "billing_scheme": "per_unit",
        "created": created,
        "currency": currency,
        "custom_unit_amount": None,
        "livemode": False,
        "lookup_key": None,
        "metadata": {},
        "nickname": None,
        "product": product_id,
        "recurring": None,
        "tax_behavior": "unspecified",
        "tiers_mode": None,
        "transform_quantity": None,
        "type": "one_time",
        "unit_amount": unit_amount,
        "unit_amount_decimal": str(unit_amount),
    }


def line_item(*, item_id: str, price_obj: dict, quantity: int, description: str, metadata: dict) -> dict:
    total = price_obj["unit_amount"] * quantity
    return {
        "id": item_id,
        "object": "item",
        "adjustable_quantity": None,
        "amount_discount": 0,
        "amount_subtotal": total,
        "amount_tax": 0,
        "amount_total": total,
        "currency": price_obj["currency"],
        "description": description,
        "metadata": metadata,
        "price": price_obj,
        "quantity": quantity,
    }


def format_amount(minor: int, currency: str) -> str:
    """`1250, "azn"` -> `12.50 AZN`: the shop's own money style, also used in Stripe-like messages."""
    if currency.lower() in ZERO_DECIMAL:
        return f"{minor} {currency.upper()}"
    sign = "-" if minor < 0 else ""
    return f"{sign}{abs(minor) // 100}.{abs(minor) % 100:02d} {currency.upper()}"
