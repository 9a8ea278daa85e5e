"""Checkout sessions: creation from API params and the payment state machine.

    open --pay(card)---------> complete/paid          (checkout.session.completed)
    open --pay(delayed card)-> complete/unpaid --settle--> paid  (..async_payment_succeeded)
                                                       \\-> unpaid (..async_payment_failed)
    open --expire or expires_at passed--> expired     (checkout.session.expired)

Functions here run with `FakeStripe`'s lock held and only touch the `Store`.
"""

from __future__ import annotations

from . import objects, payments
from .cards import DELAYED, Card
from .encoding import get_dict, get_expand, get_int, get_list, get_metadata, get_str, reject_unknown
from .errors import StripeError, invalid_param, missing_param
from .store import RequestInfo, Store

MIN_LIFETIME, MAX_LIFETIME = 30 * 60, 24 * 60 * 60
# Real Stripe parameters the fake accepts but does not act on (so the shop may send them unchanged).
_IGNORED = {
    "adaptive_pricing",
    "after_expiration",
    "automatic_tax",
    "billing_address_collection",
    "consent_collection",
    "custom_fields",
    "custom_text",
    "customer_creation",
    "discounts",
    "invoice_creation",
    "payment_method_collection",
    "payment_method_options",
    "phone_number_collection",
    "shipping_address_collection",
    "shipping_options",
    "submit_type",
    "tax_id_collection",
    "allow_promotion_codes",
    "payment_method_types",
    "ui_mode",
    "currency",
}
_HONOURED = {
    "mode",
    "line_items",
    "success_url",
    "cancel_url",
    "client_reference_id",
    "customer_email",
    "metadata",
    "expires_at",
    "locale",
    "payment_intent_data",
    "expand",
}
_LINE_ITEM = {"price_data", "quantity", "metadata", "adjustable_quantity", "tax_rates", "dynamic_tax_rates", "price"}
_PRICE_DATA = {"currency", "unit_amount", "product_data", "tax_behavior", "unit_amount_decimal", "product"}
_PRODUCT_DATA = {"name", "description", "metadata", "images", "tax_code", "unit_label"}
_INTENT_DATA = {
    "metadata",
    "description",
    "receipt_email",
    "statement_descriptor",
    "statement_descriptor_suffix",
    "transfer_group",
    "capture_method",
    "setup_future_usage",
    "application_fee_amount",
    "on_behalf_of",
    "transfer_data",
    "shipping",
}


def create_session(store: Store, params: dict, *, now: int, base_url: str) -> dict:
    reject_unknown(params, _HONOURED | _IGNORED)
    mode = get_str(params, "mode", required=True)
    if mode != "payment":
        raise invalid_param("mode", f"The fake only supports mode=payment, not {mode!r}.")
    if get_str(params, "ui_mode") not in (None, "hosted"):
        raise invalid_param("ui_mode", "The fake only supports the hosted payment page.")
    success_url = get_str(params, "success_url", required=True, max_length=5000)
    expires_at = get_int(params, "expires_at")
    if expires_at is None:
        expires_at = now + MAX_LIFETIME
    elif expires_at < now + MIN_LIFETIME - 60:  # a minute of slack for clock skew between shop and fake
        raise invalid_param(
            "expires_at", "The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation."
        )
    elif expires_at > now + MAX_LIFETIME:
        raise invalid_param(
            "expires_at", "The `expires_at` timestamp must be less than 24 hours from Checkout Session creation."
        )
    intent_data = get_dict(params, "payment_intent_data")
    reject_unknown(intent_data, _INTENT_DATA, "payment_intent_data")
    if get_str(intent_data, "capture_method") not in (None, "automatic", "automatic_async"):
        raise invalid_param("payment_intent_data[capture_method]", "The fake only captures automatically.")

    # Everything is validated before anything is stored, so a refused request leaves no trace.
    session_id = objects.new_id("cs_test_", 58)
    items, catalogue = _line_items(params, now)
    currencies = {item["currency"] for item in items}
    if len(currencies) > 1:
        raise invalid_param("line_items", "All line items must use the same currency.")
    session = objects.checkout_session(
        session_id=session_id,
        created=now,
        expires_at=expires_at,
        currency=currencies.pop(),
        amount=sum(item["amount_total"] for item in items),
        url=f"{base_url}/pay/{session_id}",
        success_url=success_url,
        cancel_url=get_str(params, "cancel_url", max_length=5000),
        client_reference_id=get_str(params, "client_reference_id", max_length=200),
        customer_email=get_str(params, "customer_email", max_length=800),
        locale=get_str(params, "locale"),
        metadata=get_metadata(params),
    )
    extras = {
        "intent_metadata": get_metadata(intent_data, param="payment_intent_data[metadata]"),
        "description": get_str(intent_data, "description", max_length=1000),
        "receipt_email": get_str(intent_data, "receipt_email"),
        "transfer_group": get_str(intent_data, "transfer_group"),
    }
    get_expand(params)
    for obj in catalogue:
        store.add(obj)
    store.add(session)
    store.line_items[session_id] = items
    store.extras[session_id] = extras
    return session


def _line_items(params: dict, now: int) -> tuple[list[dict], list[dict]]:
    """The session's line items, and the products and prices they were made from (not yet stored)."""
    raw_items = get_list(params, "line_items")
    if not raw_items:
        raise missing_param("line_items")
    items, catalogue = [], []
    for index, raw in enumerate(raw_items):
        prefix = f"line_items[{index}]"
        if not isinstance(raw, dict):
            raise invalid_param(prefix, f"Invalid object: {prefix} must be a hash.")
        reject_unknown(raw, _LINE_ITEM, prefix)
        if "price" in raw:
            raise StripeError(
                f"No such price: '{raw['price']}' (the fake only supports price_data)",
                code="resource_missing",
                param=f"{prefix}[price]",
            )
        price_data = get_dict(raw, "price_data", param=f"{prefix}[price_data]")
        if not price_data:
            raise missing_param(f"{prefix}[price_data]")
        reject_unknown(price_data, _PRICE_DATA, f"{prefix}[price_data]")
        currency = get_str(price_data, "currency", param=f"{prefix}[price_data][currency]", required=True)
        if len(currency) != 3 or not currency.isalpha():
            raise invalid_param(f"{prefix}[price_data][currency]", f"Invalid currency: {currency}.")
        unit_amount = get_int(
            price_data, "unit_amount", param=f"{prefix}[price_data][unit_amount]", required=True, minimum=0
        )
        product_data = get_dict(price_data, "product_data", param=f"{prefix}[price_data][product_data]")
        reject_unknown(product_data, _PRODUCT_DATA, f"{prefix}[price_data][product_data]")
        name = get_str(product_data, "name", param=f"{prefix}[price_data][product_data][name]", required=True)
        quantity = get_int(raw, "quantity", param=f"{prefix}[quantity]", required=True, minimum=1)
        product = objects.product(
            product_id=objects.new_id("prod_", 14),
            created=now,
            name=name,
            description=get_str(product_data, "description"),
            metadata=get_metadata(product_data, param=f"{prefix}[price_data][product_data][metadata]"),
            images=[img for img in get_list(product_data, "images") if isinstance(img, str)],
        )
        price = objects.price(
            price_id=objects.new_id("price_"),
            created=now,
            currency=currency.lower(),
            unit_amount=unit_amount,
            product_id=product["id"],
        )
        catalogue += [product, price]
        items.append(
            objects.line_item(
                item_id=objects.new_id("li_"),
                price_obj=price,
                quantity=quantity,
                description=name,
                metadata=get_metadata(raw, param=f"{prefix}[metadata]"),
            )
        )
    return items, catalogue


def pay(store: Store, session: dict, card: Card, *, email: str, name: str | None, now: int) -> None:
    """Charge an open session. Card refusals were raised by `read_card` before anything changed."""
    extras = store.extras[session["id"]]
    amount, currency = session["amount_total"], session["currency"]
    delayed = card.test_card.outcome == DELAYED
    method = store.add(
        payments.payment_method(method_id=objects.new_id("pm_"), created=now, card=card, email=email, name=name)
    )
    intent_id, charge_id = objects.new_id("pi_"), objects.new_id("ch_")
    txn = None if delayed else _charge_txn(store, charge_id, amount, currency, extras["description"], now)
    charge = store.add(
        payments.charge(
            charge_id=charge_id,
            created=now,
            amount=amount,
            currency=currency,
            status="pending" if delayed else "succeeded",
            intent_id=intent_id,
            method=method,
            balance_transaction=txn,
            description=extras["description"],
        )
    )
    intent = store.add(
        payments.payment_intent(
            intent_id=intent_id,
            created=now,
            amount=amount,
            currency=currency,
            status="processing" if delayed else "succeeded",
            payment_method=method["id"],
            latest_charge=charge_id,
            metadata=dict(extras["intent_metadata"]),
            description=extras["description"],
            receipt_email=extras["receipt_email"],
            transfer_group=extras["transfer_group"],
        )
    )
    session.update(
        status="complete",
        payment_status="unpaid" if delayed else "paid",
        payment_intent=intent_id,
        customer_details=objects.customer_details(email, name),
        collected_information=objects.collected_information(),
        url=None,
    )
    if delayed:
        store.emit("charge.pending", charge, now, None)
        store.emit("payment_intent.processing", intent, now, None)
    else:
        store.emit("charge.succeeded", charge, now, None)
        store.emit("payment_intent.succeeded", intent, now, None)
    store.emit("checkout.session.completed", session, now, None)


def _charge_txn(store: Store, charge_id: str, amount: int, currency: str, description, now: int) -> str:
    # Stripe's standard card pricing (2.9% + 0.30) so the shop sees a realistic, non-zero fee.
    fee = amount * 29 // 1000 + (0 if currency in objects.ZERO_DECIMAL else 30)
    txn = store.add(
        payments.balance_transaction(
            txn_id=objects.new_id("txn_"),
            created=now,
            amount=amount,
            fee=min(fee, amount),
            currency=currency,
            source=charge_id,
            txn_type="charge",
            description=description,
        )
    )
    return txn["id"]


def settle(store: Store, session: dict, *, succeeded: bool, now: int) -> None:
    intent = store.objects.get(session["payment_intent"] or "")
    if session["status"] != "complete" or intent is None or intent["status"] != "processing":
        raise StripeError(
            "This Checkout Session has no delayed payment waiting to be settled.",
            code="payment_intent_unexpected_state",
            param="session",
        )
    charge = store.objects[intent["latest_charge"]]
    intent["processing"] = None
    if succeeded:
        charge.update(
            status="succeeded",
            paid=True,
            balance_transaction=_charge_txn(
                store, charge["id"], charge["amount"], charge["currency"], charge["description"], now
            ),
        )
        intent.update(status="succeeded", amount_received=intent["amount"])
        session["payment_status"] = "paid"
        store.emit("charge.succeeded", charge, now, None)
        store.emit("payment_intent.succeeded", intent, now, None)
        store.emit("checkout.session.async_payment_succeeded", session, now, None)
    else:
        charge.update(
            status="failed",
            captured=False,
            amount_captured=0,
            failure_code="card_declined",
            failure_message="Your card was declined.",
            outcome=payments.outcome("failed"),
        )
        intent.update(
            status="requires_payment_method", last_payment_error={"type": "card_error"}, latest_charge=charge["id"]
        )
        store.emit("charge.failed", charge, now, None)
        store.emit("payment_intent.payment_failed", intent, now, None)
        store.emit("checkout.session.async_payment_failed", session, now, None)


def expire(store: Store, session: dict, *, now: int, request: RequestInfo | None) -> None:
    if session["status"] != "open":
        raise StripeError(
            'Only Checkout Sessions with a status in ["open"] can be expired.',
            code="checkout_session_not_open",
            param="session",
        )
    session.update(status="expired", url=None)
    store.emit("checkout.session.expired", session, now, request)


def expire_due(store: Store, now: int) -> None:
    """Stripe expires sessions on its own once `expires_at` passes; the fake does it when next looked at."""
    for session in store.of_kind("checkout.session"):
        if session["status"] == "open" and session["expires_at"] <= now:
            expire(store, session, now=now, request=None)
