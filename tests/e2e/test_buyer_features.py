"""Gift options, custom-piece requests and favourites in Chromium at a phone's and a desktop's width, with
axe-core on every page and screenshots in test-artifacts/buyer/ for a person to look at."""

import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from shop.models import CommissionRequest, CommissionStatus, Order, OrderStatus

from . import test_checkout
from .test_checkout import fill_card

fake_stripe = test_checkout.fake_stripe  # the same fake Stripe fixture, posting webhooks to the live server

pytestmark = pytest.mark.django_db(transaction=True)

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "buyer"
WIDTHS = [390, 1440]
PASSWORD = "e2e-instructor-pass-2026"


@pytest.fixture(params=WIDTHS, ids=lambda width: f"{width}px")
def sized_page(request, browser):
    context = browser.new_context(locale="en-GB", viewport={"width": request.param, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.width = request.param
    yield page
    context.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}-{page.width}.png"), full_page=True)


def en(path_name: str, *args) -> str:
    with translation.override("en"):
        return reverse(path_name, args=args)


@pytest.fixture
def centre(centre_factory):
    return centre_factory(name="Ismayilli centre", slug="ismayilli", address="Nizami 3")


@pytest.fixture
def products(centre, product_factory, maker_factory):
    maker = maker_factory(centre=centre, public_display_name="Aysel")
    return {
        "bowl": product_factory(
            title="Green bowl", price=Decimal("18.50"), stock=2, centre=centre, makers=[(maker, 100)]
        ),
        "vase": product_factory(
            title="Tall vase",
            slug="tall-vase",
            stock=0,
            made_to_order=True,
            lead_time_days=14,
            centre=centre,
            makers=[(maker, 100)],
        ),
    }


def instructor_signs_in(page, live_url, centre, user_factory):
    """Earlier browser tests flush the migrations' groups, so the instructor gets admin access directly."""
    from django.contrib.auth.models import Permission
    from wagtail.users.models import UserProfile

    from beneficiaries.models import CentreMembership

    user = user_factory(username="instructor-e2e")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    user.set_password(PASSWORD)
    user.save()
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
    CentreMembership.objects.create(user=user, centre=centre, role=CentreMembership.Role.INSTRUCTOR)
    page.goto(f"{live_url}/admin/login/")
    page.fill("#id_username", "instructor-e2e")
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_url(f"{live_url}/admin/")


def test_a_gift_from_checkout_to_the_packing_slip(
    sized_page,
    live_url,
    fake_stripe,
    products,
    centre,
    user_factory,
    axe_violations,
):
    page = sized_page
    page.goto(live_url + en("shop:product_detail", products["bowl"].slug))
    page.get_by_role("button", name="Add to cart").click()
    page.goto(live_url + en("shop:checkout"))
    page.get_by_label("E-mail").fill("rashad@example.az")
    page.get_by_label("Full name").fill("Rashad Aliyev")
    page.get_by_label("Phone").fill("+994 55 765 43 21")
    page.get_by_label("This is a gift").check()
    page.get_by_label("Gift message (optional)").fill("Happy birthday, Nigar! <3")
    page.get_by_label("Hide prices on the packing slip").check()
    shot(page, "gift-checkout")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Continue to payment").click()
    page.wait_for_url(re.compile(r"/pay/cs_test_"))
    fill_card(page, "4242424242424242")
    page.wait_for_url(re.compile(r"/en/shop/checkout/return/CM-"))
    assert page.get_by_text("Happy birthday, Nigar! <3").is_visible()
    shot(page, "gift-confirmation")
    assert axe_violations(page) == []

    order = Order.objects.get()
    assert order.status == OrderStatus.PAID and order.gift_hide_prices
    instructor_signs_in(page, live_url, centre, user_factory)
    page.goto(f"{live_url}/admin/centre-orders/")
    page.get_by_role("link", name=f"Packing slip for order {order.number}").click()
    page.get_by_role("heading", name="A gift for you").wait_for()
    assert page.get_by_text("Happy birthday, Nigar! <3").is_visible()
    assert "18.50" not in page.content() and "18,50" not in page.content()
    shot(page, "gift-packing-slip")
    assert axe_violations(page) == []


def test_asking_the_centre_for_a_custom_piece_and_the_answer(
    sized_page, live_url, products, centre, user_factory, axe_violations, monkeypatch, mailoutbox
):
    monkeypatch.setattr("shop.orders.spam.STAMP_MIN_SECONDS", 0)  # a test types faster than any person
    page = sized_page
    page.goto(live_url + en("shop:product_detail", "tall-vase"))
    page.get_by_role("link", name="Ask for a custom piece").click()
    page.get_by_role("heading", name=re.compile("Ask for a custom piece")).wait_for()
    assert page.get_by_text("Ismayilli centre").first.is_visible()
    assert not page.get_by_label("Leave this field empty").is_visible()  # the honeypot
    page.get_by_role("button", name="Send").click()
    assert page.get_by_role("alert").is_visible()  # empty form: said, not a 500
    shot(page, "commission-errors")
    assert axe_violations(page) == []
    page.get_by_label("What would you like made?").fill("The same vase in blue, 40 cm tall, for a wedding in May.")
    page.get_by_label("Your name").fill("Leyla")
    page.get_by_label("E-mail").fill("leyla@example.az")
    page.get_by_role("button", name="Send").click()
    page.get_by_role("heading", name="Thank you! Your request was sent.").wait_for()
    shot(page, "commission-sent")
    assert axe_violations(page) == []

    commission = CommissionRequest.objects.get()
    instructor_signs_in(page, live_url, centre, user_factory)
    page.goto(f"{live_url}/admin/commission-requests/")
    page.get_by_role("link", name="Tall vase").click()
    page.get_by_label("Answer to the buyer").fill("Yes, about 60 AZN and three weeks.")
    page.get_by_role("button", name="Save and e-mail the answer").click()
    page.get_by_text("Answer saved and e-mailed to the buyer.").wait_for()
    # Wagtail slides its message in; axe would read the colours halfway through the animation.
    page.wait_for_function(
        "() => (document.querySelector('.messages')?.getAnimations({subtree: true}) || []).every("
        "(a) => a.playState !== 'running')"
    )
    shot(page, "commission-admin-answered")
    assert axe_violations(page) == []
    commission.refresh_from_db()
    assert commission.status == CommissionStatus.ANSWERED


def test_saving_favourites_with_and_without_javascript(sized_page, browser, live_url, products, axe_violations):
    page = sized_page
    page.goto(live_url + en("shop:catalogue"))
    card_button = page.get_by_role("button", name="Save Green bowl to favourites")
    card_button.click()
    page.wait_for_selector('button[aria-pressed="true"]')
    menu = page.get_by_role("button", name="Menu")
    if menu.is_visible():  # on a phone the header's links are behind the menu button, as for any buyer
        menu.click()
    header_link = page.get_by_role("link", name=re.compile("Favourites"))
    assert header_link.inner_text().startswith("Favourites (1)") and "1 saved" in header_link.text_content()
    shot(page, "favourites-catalogue")
    assert axe_violations(page) == []
    page.get_by_role("link", name=re.compile("Favourites")).click()
    page.get_by_role("heading", name="Your favourites").wait_for()
    assert page.get_by_role("link", name="Green bowl").is_visible()
    shot(page, "favourites-page")
    assert axe_violations(page) == []

    context = browser.new_context(java_script_enabled=False, viewport={"width": page.width, "height": 900})
    try:
        plain = context.new_page()
        plain.goto(live_url + en("shop:product_detail", "tall-vase"))
        plain.get_by_role("button", name="Save Tall vase to favourites").click()
        plain.get_by_text("“Tall vase” is saved in your favourites.").wait_for()
        assert plain.get_by_role("button", name="Save Tall vase to favourites").get_attribute("aria-pressed") == "true"
    finally:
        context.close()
