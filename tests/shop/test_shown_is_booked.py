"""What the buyer is shown is what gets booked: the makers' part on the product page, in the cart, on the
order, on the confirmation page and in the confirmation e-mail is one and the same figure.

12.35 with the centre keeping 20 % gives three makers 3.30 + 3.29 + 3.29 of one unit, as the product page
says. Three units book 9.90 + 9.87 + 9.87: splitting the 37.05 line afresh would have booked 9.88 for each,
so the second and third makers would get a qəpik more than the page promised and the first two less.
"""

from decimal import Decimal

import pytest

from shop.models import OrderLineMaker

pytestmark = pytest.mark.django_db


@pytest.fixture
def vase(product_factory, maker_factory, centre_factory):
    centre = centre_factory(commission_percent=Decimal("20.00"))
    makers = [maker_factory(centre=centre, public_display_name=name) for name in ("Aysel", "Nigar", "Rauf")]
    return product_factory(
        title="Clay vase",
        price=Decimal("12.35"),
        stock=5,
        centre=centre,
        makers=[(makers[0], Decimal("33.34")), (makers[1], Decimal("33.33")), (makers[2], Decimal("33.33"))],
    )


def test_product_page_cart_order_and_email_agree(buyer, vase, deliver, mailoutbox):
    product_page = buyer.client.get(buyer.url("shop:product_detail", vase.slug)).content.decode()
    # One unit: 9.88 to the makers (3.30 + 3.29 + 3.29), 2.47 to the centre.
    assert "9.88" in product_page and "3.30" in product_page and "3.29" in product_page

    buyer.add(vase, 3)
    cart_page = buyer.client.get(buyer.url("shop:cart")).content.decode()
    assert "29.64 goes to the makers" in cart_page.replace("AZN\xa0", "")

    response = buyer.checkout()
    assert response.status_code == 303
    buyer.pay()
    deliver("checkout.session.completed")
    order = buyer.order()
    order.refresh_from_db()
    assert order.is_paid

    line = order.lines.get()
    parts = {part.maker.public_display_name: part.amount for part in OrderLineMaker.objects.filter(line=line)}
    assert parts == {"Aysel": Decimal("9.90"), "Nigar": Decimal("9.87"), "Rauf": Decimal("9.87")}
    assert sum(parts.values()) == Decimal("29.64")
    assert line.centre_amount == Decimal("7.41") and line.centre_amount + sum(parts.values()) == line.line_total

    status_page = buyer.client.get(buyer.url("shop:order_status", order.access_token)).content.decode()
    assert "29.64 goes to the makers" in status_page.replace("AZN\xa0", "")
    email = mailoutbox[-1]
    assert "29.64 goes to the makers" in email.body.replace("AZN\xa0", "")
    assert "29.64 goes to the makers" in email.alternatives[0][0].replace("AZN\xa0", "")
