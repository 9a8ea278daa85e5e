"""Payment objects (payment intent, payment method, charge, balance transaction, refund) from Stripe's
samples; see `objects` for why every object starts as a copy of its sample."""

from __future__ import annotations

import copy

from .objects import empty_address, fill, from_sample, list_object, new_id, sample_part


def payment_intent(
    *,
    intent_id: str,
    created: int,
    amount: int,
    currency: str,
    status: str,
    payment_method: str,
    latest_charge: str,
    metadata: dict,
    description: str | None,
    receipt_email: str | None,
    transfer_group: str | None,
) -> dict:
    return from_sample(
        "payment_intent",
        id=intent_id,
        amount=amount,
        amount_capturable=0,
        amount_received=amount if status == "succeeded" else 0,
        automatic_payment_methods=None,
        canceled_at=None,
        capture_method="automatic_async",
        client_secret=f"{intent_id}_secret_{new_id('', 25)}",
        created=created,
        currency=currency,
        description=description,
        last_payment_error=None,
        latest_charge=latest_charge,
        managed_payments={"enabled": False},
        metadata=metadata,
        next_action=None,
        payment_method=payment_method,
        payment_method_configuration_details=None,
        processing={"type": "card"} if status == "processing" else None,
        receipt_email=receipt_email,
        shipping=None,
        status=status,
        transfer_data=None,
        transfer_group=transfer_group,
    )


def payment_method(*, method_id: str, created: int, card, email: str, name: str | None) -> dict:
    kind = "payment_method"
    card_sample = sample_part(kind, "card")
    return from_sample(
        kind,
        id=method_id,
        billing_details=fill(
            sample_part(kind, "billing_details"),
            address=empty_address(kind, "billing_details", "address"),
            email=email,
            name=name,
            phone=None,
        ),
        card=fill(
            card_sample,
            brand=card.brand,
            country=card.country,
            display_brand=card.brand,
            exp_month=card.exp_month,
            exp_year=card.exp_year,
            fingerprint=card.fingerprint,
            funding=card.funding,
            generated_from=None,
            last4=card.last4,
            networks=fill(card_sample["networks"], available=[card.brand]),
            wallet=None,
        ),
        created=created,
        metadata={},
    )


def charge(
    *,
    charge_id: str,
    created: int,
    amount: int,
    currency: str,
    status: str,
    intent_id: str,
    method: dict,
    balance_transaction: str | None,
    description: str | None,
) -> dict:
    kind = "charge"
    card = method["card"]
    card_details = sample_part(kind, "payment_method_details", "card")
    succeeded = status == "succeeded"
    return from_sample(
        kind,
        id=charge_id,
        amount=amount,
        amount_captured=amount if status != "failed" else 0,
        amount_refunded=0,
        balance_transaction=balance_transaction,
        billing_details=copy.deepcopy(method["billing_details"]),
        captured=status != "failed",
        created=created,
        currency=currency,
        description=description,
        outcome=outcome(status),
        paid=succeeded,
        payment_intent=intent_id,
        payment_method=method["id"],
        payment_method_details=fill(
            sample_part(kind, "payment_method_details"),
            card=fill(
                card_details,
                brand=card["brand"],
                country=card["country"],
                exp_month=card["exp_month"],
                exp_year=card["exp_year"],
                fingerprint=card["fingerprint"],
                funding=card["funding"],
                installments=None,
                last4=card["last4"],
                network=card["brand"],
                overcapture=fill(card_details["overcapture"], maximum_amount_capturable=amount),
                three_d_secure=None,
                wallet=None,
            ),
        ),
        receipt_url=None,
        refunds=list_object([], f"/v1/charges/{charge_id}/refunds"),
        shipping=None,
        source=None,
        status=status,
        transfer_data=None,
    )


def outcome(status: str) -> dict:
    ok = status != "failed"
    return fill(
        sample_part("charge", "outcome"),
        network_status="approved_by_network" if ok else "declined_by_network",
        reason=None if ok else "generic_decline",
        seller_message="Payment complete." if ok else "The bank did not return any further details.",
        type="authorized" if ok else "issuer_declined",
    )


def balance_transaction(
    *,
    txn_id: str,
    created: int,
    amount: int,
    fee: int,
    currency: str,
    source: str,
    txn_type: str,
    description: str | None,
) -> dict:
    return from_sample(
        "balance_transaction",
        id=txn_id,
        amount=amount,
        available_on=created + 2 * 86400,
        created=created,
        currency=currency,
        description=description,
        fee=fee,
        fee_details=[],
        net=amount - fee,
        reporting_category="charge" if txn_type == "charge" else "refund",
        source=source,
        status="pending",
        type=txn_type,
    )


def refund(
    *,
    refund_id: str,
    created: int,
    amount: int,
    currency: str,
    charge_id: str,
    intent_id: str,
    method_id: str,
    balance_transaction: str,
    metadata: dict,
    reason: str | None,
) -> dict:
    return from_sample(
        "refund",
        id=refund_id,
        amount=amount,
        balance_transaction=balance_transaction,
        charge=charge_id,
        created=created,
        currency=currency,
        destination_details=fill(sample_part("refund", "destination_details"), card={"type": "refund"}),
        metadata=metadata,
        payment_intent=intent_id,
        payment_method=method_id,
        reason=reason,
        status="succeeded",
    )
