"""Two buyers in Chromium want the same one-of-a-kind piece: while the first one is on Stripe's page, the second
is told it is reserved and when to come back; when the first presses "Cancel and return", it is for sale again.
At 390 and 1440 px, checked with axe; screenshots in test-artifacts/buyer/."""

from decimal import Decimal

import pytest
from django.utils import translation

from . import test_checkout
from .test_buyer_features import WIDTHS, shot

fake_stripe = test_checkout.fake_stripe  # posts its signed webhooks to the live server
pytestmark = pytest.mark.django_db(transaction=True)

RESERVED = "Reserved in someone's basket — check back in 31 minutes"


@pytest.fixture
def bowl(product_factory, centre_factory, maker_factory):
    centre = centre_factory(name="Barda centre", address="Heydar Aliyev 12")
    maker = maker_factory(centre=centre, public_display_name="Nigar")
    return product_factory(
        title="Green bowl", price=Decimal("240.00"), stock=1, centre=centre, makers=[(maker, Decimal("100"))]
    )


@pytest.mark.parametrize("width", WIDTHS, ids=lambda width: f"{width}px")
def test_a_held_piece_says_when_to_come_back_and_returns_when_the_first_buyer_cancels(
    browser, live_url, fake_stripe, bowl, axe_violations, width
):
    first = browser.new_context(locale="en-GB", viewport={"width": width, "height": 900}).new_page()
    second = browser.new_context(locale="en-GB", viewport={"width": width, "height": 900}).new_page()
    second.width = width
    try:
        test_checkout.add_to_cart_and_check_out(first, live_url, bowl, axe_violations)  # now on Stripe's page

        with translation.override("en"):
            product_url = live_url + bowl.get_absolute_url()
        second.goto(product_url)
        notice = second.get_by_text(RESERVED)
        assert notice.first.is_visible()
        assert second.get_by_role("button", name="Add to cart").count() == 0
        assert axe_violations(second) == []
        shot(second, "held-piece")

        with first.expect_navigation():
            first.get_by_role("link", name="Cancel and return").click()
        assert first.url.startswith(live_url)  # back in the shop, the session expired at Stripe

        second.reload()
        assert second.get_by_role("button", name="Add to cart").is_visible()
        assert second.get_by_text(RESERVED).count() == 0
        shot(second, "held-piece-released")
    finally:
        first.context.close()
        second.context.close()
