"""Refunds against a succeeded charge, with Stripe's checks on the refundable amount."""

from __future__ import annotations

from . import objects, payments
from .encoding import get_expand, get_int, get_metadata, get_str, reject_unknown
from .errors import StripeError, invalid_param
from .store import RequestInfo, Store

_PARAMS = {
    "payment_intent",
    "charge",
    "amount",
    "metadata",
    "reason",
    "expand",
    "refund_application_fee",
    "reverse_transfer",
    "instructions_email",
    "origin",
}
_REASONS = {"duplicate", "fraudulent", "requested_by_customer"}


def create_refund(store: Store, params: dict, *, now: int, request: RequestInfo) -> dict:
    reject_unknown(params, _PARAMS)
    get_expand(params)
    charge = _charge_to_refund(store, get_str(params, "payment_intent"), get_str(params, "charge"))
    remaining = charge["amount"] - charge["amount_refunded"]
    if remaining <= 0:
        raise StripeError(f"Charge {charge['id']} has already been refunded.", code="charge_already_refunded")
    amount = get_int(params, "amount", minimum=1)
    amount = remaining if amount is None else amount
    if amount > remaining:
        raise StripeError(
            f"Refund amount ({objects.format_amount(amount, charge['currency'])}) is greater than unrefunded "
            f"amount on charge ({objects.format_amount(remaining, charge['currency'])})",
            code="amount_too_large",
            param="amount",
        )
    metadata = get_metadata(params)
    reason = get_str(params, "reason")
    if reason is not None and reason not in _REASONS:
        raise invalid_param("reason", f"Invalid reason: must be one of {', '.join(sorted(_REASONS))}")

    refund_id = objects.new_id("re_")
    txn = store.add(
        payments.balance_transaction(
            txn_id=objects.new_id("txn_"),
            created=now,
            amount=-amount,
            fee=0,
            currency=charge["currency"],
            source=refund_id,
            txn_type="refund",
            description="REFUND FOR CHARGE",
        )
    )
    refund = store.add(
        payments.refund(
            refund_id=refund_id,
            created=now,
            amount=amount,
            currency=charge["currency"],
            charge_id=charge["id"],
            intent_id=charge["payment_intent"],
            method_id=charge["payment_method"],
            balance_transaction=txn["id"],
            metadata=metadata,
            reason=reason,
        )
    )
    charge["amount_refunded"] += amount
    charge["refunded"] = charge["amount_refunded"] == charge["amount"]
    charge["refunds"] = objects.list_object(
        [obj for obj in store.of_kind("refund") if obj["charge"] == charge["id"]], f"/v1/charges/{charge['id']}/refunds"
    )
    store.emit("refund.created", refund, now, request)
    store.emit("charge.refunded", charge, now, request)
    return refund


def _charge_to_refund(store: Store, intent_id: str | None, charge_id: str | None) -> dict:
    if intent_id is None and charge_id is None:
        raise StripeError(
            "One of the following params should be provided for this request: payment_intent or charge.",
            code="parameter_missing",
        )
    if intent_id is not None:
        intent = store.get("payment_intent", intent_id)
        if intent["status"] != "succeeded":
            raise StripeError(
                f"PaymentIntent {intent_id} does not have a successful charge to refund.",
                code="charge_not_refundable",
                param="payment_intent",
            )
        if charge_id is not None and charge_id != intent["latest_charge"]:
            raise invalid_param("charge", "The charge does not belong to this PaymentIntent.")
        charge_id = intent["latest_charge"]
    charge = store.get("charge", charge_id)
    if charge["status"] != "succeeded":
        raise StripeError(
            f"Charge {charge['id']} has not succeeded and cannot be refunded.",
            code="charge_not_refundable",
            param="charge",
        )
    return charge
