"""The Wagtail product editor: makers' shares must add up to exactly 100 % with no maker twice."""

from decimal import Decimal

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data
from wagtail.users.models import UserProfile

from beneficiaries.models import ConsentRecord
from shop.models import Product


@pytest.fixture
def admin_client(client, user_factory):
    user = user_factory(username="editor", is_staff=True, is_superuser=True)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return client


@pytest.fixture
def setup(centre_factory, craft_factory, maker_factory, image_factory):
    centre = centre_factory()
    return {
        "centre": centre,
        "craft": craft_factory(),
        "makers": [maker_factory(centre=centre) for _ in range(3)],
        "image": image_factory(),
    }


def product_form(setup, shares, **overrides):
    data = {
        "title": "Carved spoon",
        "slug": "carved-spoon",
        "status": "in_review",
        "craft": setup["craft"].pk,
        "centre": setup["centre"].pk,
        "description": "Walnut.",
        "materials": "walnut",
        "dimensions": "20 cm",
        "care": "Oil now and then",
        "price": "15.00",
        "currency": "AZN",
        "stock": "2",
        "lead_time_days": "",
        "photos": inline_formset([{"image": setup["image"].pk, "alt_text": "A walnut spoon"}]),
        "translations": inline_formset([]),
        "maker_shares": inline_formset(
            [{"maker": maker.pk, "share_percent": str(percent)} for maker, percent in shares]
        ),
    }
    data.update(overrides)
    return nested_form_data(data)


def post_new_product(admin_client, data):
    return admin_client.post(reverse("wagtailsnippets_shop_product:add"), data)


def test_product_with_shares_adding_up_to_100_is_saved(admin_client, setup):
    a, b, _c = setup["makers"]
    response = post_new_product(admin_client, product_form(setup, [(a, "62.50"), (b, "37.50")]))
    assert response.status_code == 302
    product = Product.objects.get(slug="carved-spoon")
    assert sorted(s.share_percent for s in product.maker_shares.all()) == [Decimal("37.50"), Decimal("62.50")]
    assert product.photos.get().alt_text == "A walnut spoon"


@pytest.mark.parametrize(
    ("shares", "message"),
    [
        ([(0, "60"), (1, "30")], "must add up to exactly 100.00 %; they add up to 90.00 %"),
        ([(0, "60"), (1, "40.01")], "they add up to 100.01 %"),
        ([(0, "50"), (0, "50")], "Please correct the duplicate data for product and maker"),
    ],
)
def test_shares_that_do_not_add_up_are_rejected_with_a_clear_error(admin_client, setup, shares, message):
    makers = setup["makers"]
    response = post_new_product(admin_client, product_form(setup, [(makers[i], p) for i, p in shares]))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Product.objects.filter(slug="carved-spoon").exists()


def test_product_needs_at_least_one_maker(admin_client, setup):
    response = post_new_product(admin_client, product_form(setup, []))
    assert response.status_code == 200
    assert not Product.objects.filter(slug="carved-spoon").exists()


def test_editing_keeps_the_rule(admin_client, setup, product_factory):
    a, b, _c = setup["makers"]
    product = product_factory(makers=[(a, Decimal("100"))], centre=setup["centre"], craft=setup["craft"])
    url = reverse("wagtailsnippets_shop_product:edit", args=[product.pk])
    share = product.maker_shares.get()
    data = product_form(setup, [], slug=product.slug)
    data.update(
        nested_form_data(
            {
                "maker_shares": inline_formset(
                    [
                        {"id": share.pk, "maker": a.pk, "share_percent": "80"},
                        {"maker": b.pk, "share_percent": "30"},
                    ],
                    initial=1,
                )
            }
        )
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "they add up to 110.00 %" in response.content.decode()
    assert product.maker_shares.get().share_percent == Decimal("100")


def test_admin_listing_and_maker_consent_pages_open(admin_client, setup):
    maker = setup["makers"][0]
    assert admin_client.get(reverse("wagtailsnippets_shop_product:list")).status_code == 200
    assert admin_client.get(reverse("wagtailsnippets_shop_craft:list")).status_code == 200
    response = admin_client.get(reverse("wagtailsnippets_beneficiaries_maker:edit", args=[maker.pk]))
    assert response.status_code == 200
    assert "Display name and profile" in response.content.decode()  # the maker's consent records are listed


def test_consent_recorded_and_withdrawn_through_the_admin(admin_client, setup):
    maker = setup["makers"][0]
    add_url = reverse("wagtailsnippets_beneficiaries_consentrecord:add")
    response = admin_client.post(
        add_url,
        {
            "maker": maker.pk,
            "scope": "photo",
            "given_by": "guardian",
            "guardian_name": "",
            "given_at": "2026-01-05 10:00",
        },
    )
    assert response.status_code == 200  # a guardian's consent must name the guardian
    response = admin_client.post(
        add_url,
        {
            "maker": maker.pk,
            "scope": "photo",
            "given_by": "guardian",
            "guardian_name": "Aynur",
            "given_at": "2026-01-05 10:00",
        },
    )
    assert response.status_code == 302
    record = ConsentRecord.objects.get(maker=maker, scope="photo")
    assert record.guardian_name == "Aynur"

    edit_url = reverse("wagtailsnippets_beneficiaries_consentrecord:edit", args=[record.pk])
    response = admin_client.post(edit_url, {"withdraw": "on"})
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.withdrawn_at is not None


def test_share_rule_itself_names_duplicates_and_totals():
    from django.core.exceptions import ValidationError
    from django.utils import translation

    from shop.catalogue.pricing import validate_maker_shares

    validate_maker_shares([(1, Decimal("33.33")), (2, Decimal("33.33")), (3, Decimal("33.34"))])
    with translation.override("en"), pytest.raises(ValidationError) as error:
        validate_maker_shares([(1, Decimal("50")), (1, Decimal("40"))])
    assert error.value.messages == [
        "Each maker can be listed only once; merge their shares into one row.",
        "The makers' shares must add up to exactly 100.00 %; they add up to 90.00 %.",
    ]
