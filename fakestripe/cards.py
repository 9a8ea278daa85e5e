"""Stripe's test card numbers and what each one does in the fake."""

from __future__ import annotations

import hashlib
import re
import time
from dataclasses import dataclass

from .errors import StripeError

SUCCEEDS = "succeeds"
DECLINED = "declined"
DELAYED = "delayed"  # completes the session unpaid; settled later with /_control/.../async_result


@dataclass(frozen=True)
class TestCard:
    __test__ = False  # not a pytest test class, despite the name

    outcome: str
    brand: str = "visa"
    funding: str = "credit"
    decline_code: str | None = None
    message: str = "Your card was declined."


TEST_CARDS = {
    "4242424242424242": TestCard(SUCCEEDS),
    "4000056655665556": TestCard(SUCCEEDS, funding="debit"),
    "5555555555554444": TestCard(SUCCEEDS, brand="mastercard"),
    "4000000000000002": TestCard(DECLINED, decline_code="generic_decline"),
    "4000000000009995": TestCard(
        DECLINED, decline_code="insufficient_funds", message="Your card has insufficient funds."
    ),
    "4000000000000101": TestCard(DELAYED),
}


@dataclass(frozen=True)
class Card:
    """A card as entered, after Stripe-like validation."""

    number: str
    test_card: TestCard
    exp_month: int
    exp_year: int

    @property
    def brand(self) -> str:
        return self.test_card.brand

    @property
    def funding(self) -> str:
        return self.test_card.funding

    @property
    def last4(self) -> str:
        return self.number[-4:]

    @property
    def country(self) -> str:
        return "US"

    @property
    def fingerprint(self) -> str:
        # Stable per number, like Stripe's, so the shop could spot the same card twice.
        return hashlib.sha256(self.number.encode()).hexdigest()[:16]


def card_error(message: str, code: str, decline_code: str | None = None, param: str | None = None):
    return StripeError(message, status=402, error_type="card_error", code=code, decline_code=decline_code, param=param)


def _luhn_ok(number: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(number)):
        digit = int(char)
        if position % 2:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return total % 10 == 0


def read_card(number: str, expiry: str = "", cvc: str = "", *, today: time.struct_time | None = None) -> Card:
    """Validate what was typed; raise a 402 card_error the way Stripe Checkout would refuse it.

    Empty expiry and CVC are accepted (a far-future expiry is assumed) so that tests and the control
    endpoint only need a number; the HTML form still marks both fields as required.
    """
    digits = re.sub(r"[\s-]", "", number or "")
    if not digits.isdigit() or not 12 <= len(digits) <= 19 or not _luhn_ok(digits):
        raise card_error("Your card number is incorrect.", "incorrect_number", param="number")
    today = today or time.gmtime()
    exp_month, exp_year = 12, today.tm_year + 5
    if expiry.strip():
        match = re.fullmatch(r"\s*(\d{1,2})\s*/\s*(\d{2}|\d{4})\s*", expiry)
        if not match or not 1 <= int(match.group(1)) <= 12:
            raise card_error("Your card's expiration date is incomplete.", "invalid_expiry_month", param="exp_month")
        exp_month, exp_year = int(match.group(1)), int(match.group(2))
        exp_year += 2000 if exp_year < 100 else 0
        if (exp_year, exp_month) < (today.tm_year, today.tm_mon):
            raise card_error("Your card's expiration date is in the past.", "invalid_expiry_year", param="exp_year")
    if cvc.strip() and not re.fullmatch(r"\d{3,4}", cvc.strip()):
        raise card_error("Your card's security code is incomplete.", "invalid_cvc", param="cvc")
    test_card = TEST_CARDS.get(digits)
    if test_card is None:
        raise card_error(
            "Your card was declined. Your request was in test mode, but used a non test card. "
            "For a list of valid test cards, visit: https://stripe.com/docs/testing.",
            "card_declined",
            decline_code="test_mode_live_card",
        )
    if test_card.outcome == DECLINED:
        raise card_error(test_card.message, "card_declined", decline_code=test_card.decline_code)
    return Card(number=digits, test_card=test_card, exp_month=exp_month, exp_year=exp_year)
