"""The public impact page: totals per centre, craft and month, never one maker's income, updated when money moves."""

from decimal import Decimal

import pytest
from wagtail.models import Site

from beneficiaries.ledger.services import ledger_credit_sale, payout_record
from cms.models import ImpactPage

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.fixture
def impact_page(db):
    home = Site.objects.get(is_default_site=True).root_page
    page = ImpactPage(title="Our impact", slug="impact", intro="<p>What the makers earned.</p>")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def sell(order_line_factory, product_factory, django_capture_on_commit_callbacks):
    def run(maker, amount, *, craft):
        product = product_factory(craft=craft, centre=maker.centre, makers=[(maker, D("100"))])
        line = order_line_factory(centre=maker.centre, product=product)
        with django_capture_on_commit_callbacks(execute=True):
            ledger_credit_sale(order_line_id=line.pk, parts=[(maker.pk, D(amount))], currency="AZN", quantity=1)

    return run


def test_totals_per_centre_and_craft_with_small_groups_folded(
    impact_page, sell, maker_factory, centre_factory, craft_factory, client
):
    baku, barda = centre_factory(name="Baku centre"), centre_factory(name="Barda centre")
    pottery, carpets = craft_factory(name="Pottery"), craft_factory(name="Carpets")
    for amount in ("10.00", "20.00", "30.00"):
        sell(maker_factory(centre=baku), amount, craft=pottery)
    lonely = maker_factory(centre=barda)
    sell(lonely, "77.77", craft=carpets)  # the only maker in Barda and in carpets: never shown on their own

    html = client.get("/az/impact/").content.decode()

    assert "Baku centre" in html and "Pottery" in html
    assert "Barda centre" not in html and "Carpets" not in html
    assert "77,77" not in html  # az formats 77.77 as 77,77
    assert "137,77" in html  # but the total earned by all makers includes it


def test_figures_follow_money_as_it_moves(
    impact_page, sell, maker_factory, centre_factory, craft_factory, user_factory, client
):
    centre, craft = centre_factory(name="Baku centre"), craft_factory(name="Pottery")
    makers = [maker_factory(centre=centre) for _ in range(3)]
    for maker in makers:
        sell(maker, "10.00", craft=craft)
    assert "30,00" in client.get("/az/impact/").content.decode()

    sell(makers[0], "5.00", craft=craft)
    payout_record(
        maker=makers[0],
        amount=D("12.00"),
        payee_kind="maker",
        payee_name="A.",
        method="cash",
        reference="R-1",
        created_by=user_factory(),
    )
    html = client.get("/az/impact/").content.decode()
    assert "35,00" in html and "12,00" in html


def test_page_without_sales_says_so(impact_page, client):
    response = client.get("/az/impact/")
    assert response.status_code == 200
    assert "<h1>Our impact</h1>" in response.content.decode()
    assert "impact-table" not in response.content.decode()
