"""Orders of a centre in the Wagtail admin: only the centre's own paid lines, the buyer's contact for
delivering them, marking lines packed / ready / shipped, the buyer's view of each line, one e-mail."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from shop.models import DeliveryMethod, LineFulfilment, Order, OrderLine, OrderStatus
from tests.shop.conftest import OnCommitClient


@pytest.fixture
def order(centre_factory):
    baku, barda = centre_factory(name="Bakı", slug="baku"), centre_factory(name="Bərdə", slug="barda")
    order = Order.objects.create(
        number="CR-0001",
        email="buyer@example.az",
        name="Leyla",
        phone="+994501234567",
        language="en",
        delivery_method=DeliveryMethod.COURIER,
        address_line="Nizami 10",
        city="Bakı",
        subtotal=Decimal("70"),
        total=Decimal("75"),
        status=OrderStatus.PAID,
    )
    for title, centre in (("Blue bowl", baku), ("Small rug", barda)):
        OrderLine.objects.create(
            order=order,
            title=title,
            unit_price=Decimal("35"),
            quantity=1,
            line_total=Decimal("35"),
            centre=centre,
            centre_commission_percent=Decimal("20"),
            centre_amount=Decimal("7"),
        )
    return order


@pytest.fixture
def instructor_client(order, centre_member):
    client = OnCommitClient()
    client.force_login(centre_member(order.lines.get(title="Blue bowl").centre, username="instructor"))
    return client


def test_instructor_sees_only_their_centres_lines_with_the_buyers_contact(instructor_client, order):
    page = instructor_client.get(reverse("shop_centre_orders"))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Blue bowl" in html and "Small rug" not in html
    assert "+994501234567" in html and "Nizami 10" in html


def test_marking_shipped_shows_on_the_order_page_and_sends_one_email(instructor_client, order, mailoutbox, client):
    line = order.lines.get(title="Blue bowl")
    data = {"lines": [line.pk], "to": LineFulfilment.SHIPPED, "tracking_note": "AzerPost RR123"}
    assert instructor_client.post(reverse("shop_centre_orders"), data).status_code == 302
    instructor_client.post(reverse("shop_centre_orders"), data)  # pressed twice: still one e-mail
    line.refresh_from_db()
    assert line.fulfilment == LineFulfilment.SHIPPED and line.tracking_note == "AzerPost RR123"
    assert len(mailoutbox) == 1
    assert "Blue bowl" in mailoutbox[0].body and "AzerPost RR123" in mailoutbox[0].body
    assert "Small rug" not in mailoutbox[0].body
    with translation.override("en"):
        status = client.get(order.get_absolute_url()).content.decode()
    assert "Shipped: AzerPost RR123" in status and "Being prepared" in status  # the other centre's line


def test_another_centres_line_cannot_be_marked(instructor_client, order, mailoutbox):
    other = order.lines.get(title="Small rug")
    response = instructor_client.post(reverse("shop_centre_orders"), {"lines": [other.pk], "to": "shipped"})
    assert response.status_code in (302, 403) and response.get("Location") != reverse("shop_centre_orders")
    other.refresh_from_db()
    assert other.fulfilment == LineFulfilment.WAITING and mailoutbox == []


def test_unpaid_orders_are_not_shown(instructor_client, order):
    Order.objects.filter(pk=order.pk).update(status=OrderStatus.PENDING_PAYMENT)
    assert "Blue bowl" not in instructor_client.get(reverse("shop_centre_orders")).content.decode()


def test_finance_sees_every_centre_and_strangers_see_nothing(client, order, user_factory):
    finance = user_factory(username="finance-officer")
    finance.groups.add(Group.objects.get(name="Finance"))
    client.force_login(finance)
    html = client.get(reverse("shop_centre_orders")).content.decode()
    assert "Blue bowl" in html and "Small rug" in html
    stranger = user_factory(username="nobody")
    stranger.groups.add(Group.objects.get(name="Editor"))
    client.force_login(stranger)
    assert client.get(reverse("shop_centre_orders")).status_code in (302, 403)
