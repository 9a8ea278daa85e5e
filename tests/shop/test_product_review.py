"""Review: instructors save drafts and submit; a centre lead (or an editor) approves or sends back with a
comment; only approved products are in the shop; a change to a live product waits for review while buyers
keep seeing the live version."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry, TaskState
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from shop.catalogue.services import product_create, product_submit
from shop.models import Product, ProductStatus


@pytest.fixture
def centre(centre_factory):
    return centre_factory(name="Bakı", slug="baku")


@pytest.fixture
def people(centre, centre_member):
    return {
        "instructor": centre_member(centre, username="instructor"),
        "lead": centre_member(centre, role="Centre lead", username="lead"),
    }


@pytest.fixture
def maker(centre, maker_factory):
    return maker_factory(centre=centre)


def form_data(*, centre, craft, maker, price="40.00", share_id=None, **extra):
    share = {"maker": maker.pk, "share_percent": "100"}
    if share_id:
        share["id"] = share_id
    data = {
        "title": "Blue bowl",
        "slug": "blue-bowl",
        "craft": craft.pk,
        "centre": centre.pk,
        "description": "Thrown on the wheel.",
        "price": price,
        "currency": "AZN",
        "stock": "3",
        "photos": inline_formset([]),
        "translations": inline_formset([]),
        "maker_shares": inline_formset([share], initial=1 if share_id else 0),
    }
    return nested_form_data(data) | extra


def shop_page(client, product):
    return client.get(reverse("shop:product_detail", kwargs={"slug": product.slug}), HTTP_ACCEPT_LANGUAGE="en")


def approve_url(product, action="approve"):
    task_state = TaskState.objects.get(workflow_state__object_id=str(product.pk), status="in_progress")
    return reverse("wagtailsnippets_shop_product:workflow_action", args=[product.pk, action, task_state.pk])


def test_instructor_submits_lead_approves_and_only_then_it_is_in_the_shop(client, centre, people, maker, craft_factory):
    craft = craft_factory()
    client.force_login(people["instructor"])
    add = reverse("wagtailsnippets_shop_product:add")
    response = client.post(add, form_data(centre=centre, craft=craft, maker=maker, **{"action-publish": "on"}))
    product = Product.objects.get(slug="blue-bowl")
    assert response.status_code == 302
    assert not product.live and product.status == ProductStatus.DRAFT  # an instructor cannot publish
    assert shop_page(client, product).status_code == 404

    edit = reverse("wagtailsnippets_shop_product:edit", args=[product.pk])
    share_id = product.maker_shares.get().pk
    data = form_data(centre=centre, craft=craft, maker=maker, share_id=share_id, **{"action-submit": "on"})
    assert client.post(edit, data).status_code == 302
    product.refresh_from_db()
    assert product.workflow_in_progress and product.status == ProductStatus.IN_REVIEW
    assert client.post(approve_url(product)).status_code in (302, 403)  # the instructor cannot approve
    product.refresh_from_db()
    assert not product.live

    client.force_login(people["lead"])
    assert client.post(approve_url(product)).status_code == 302
    product.refresh_from_db()
    assert product.live and product.status == ProductStatus.PUBLISHED
    assert shop_page(client, product).status_code == 200
    actions = set(ModelLogEntry.objects.filter(object_id=str(product.pk)).values_list("action", "user__username"))
    assert ("wagtail.create", "instructor") in actions
    assert ("wagtail.workflow.start", "instructor") in actions
    assert ("wagtail.workflow.approve", "lead") in actions and ("wagtail.publish", "lead") in actions


def test_a_price_change_waits_for_review_while_buyers_see_the_live_price(
    client, centre, people, maker, product_factory
):
    product = product_factory(centre=centre, makers=[(maker, Decimal("100"))], price=Decimal("25.00"))
    client.force_login(people["instructor"])
    edit = reverse("wagtailsnippets_shop_product:edit", args=[product.pk])
    data = form_data(
        centre=centre,
        craft=product.craft,
        maker=maker,
        price="99.00",
        share_id=product.maker_shares.get().pk,
        slug=product.slug,
        **{"action-submit": "on"},
    )
    data["slug"] = product.slug
    assert client.post(edit, data).status_code == 302
    product.refresh_from_db()
    assert product.live and product.price == Decimal("25.00") and product.status == ProductStatus.PUBLISHED
    assert "25.00" in shop_page(client, product).content.decode()

    client.force_login(people["lead"])
    client.post(approve_url(product))
    product.refresh_from_db()
    assert product.price == Decimal("99.00") and product.status == ProductStatus.PUBLISHED


def test_lead_sends_it_back_with_a_comment_the_instructor_sees(client, centre, people, maker, craft_factory):
    product = product_create(
        user=people["instructor"],
        centre=centre,
        craft=craft_factory(),
        title="Rug",
        price=Decimal("90"),
        makers=[maker],
    )
    product_submit(product=product, user=people["instructor"])
    client.force_login(people["lead"])
    response = client.post(approve_url(product, "reject"), {"comment": "Please add a photo of the back."})
    assert response.status_code == 302
    product.refresh_from_db()
    assert not product.live and not product.workflow_in_progress
    client.force_login(people["instructor"])
    history = client.get(reverse("wagtailsnippets_shop_product:workflow_history", args=[product.pk]))
    assert history.status_code == 200
    detail = client.get(
        reverse(
            "wagtailsnippets_shop_product:workflow_history_detail",
            args=[product.pk, product.workflow_states.get().pk],
        )
    )
    assert "Please add a photo of the back." in detail.content.decode()


def test_product_create_holds_the_makers_rules(centre, people, maker, maker_factory, craft_factory, centre_factory):
    craft = craft_factory()
    product = product_create(
        user=people["instructor"], centre=centre, craft=craft, title="Spoon", price=Decimal("12"), makers=[maker]
    )
    assert product.maker_shares.get().share_percent == Decimal("100")  # one maker: all of the makers' part
    assert not product.live and product.latest_revision is not None

    stranger = maker_factory(centre=centre_factory(slug="barda"))
    with translation.override("en"):
        with pytest.raises(ValidationError, match="belong to the product's centre"):
            product_create(
                user=people["instructor"],
                centre=centre,
                craft=craft,
                title="Cup",
                price=Decimal("9"),
                makers=[stranger],
            )
        with pytest.raises(ValidationError, match="add up to exactly 100"):
            product_create(
                user=people["instructor"],
                centre=centre,
                craft=craft,
                title="Cup",
                price=Decimal("9"),
                makers=[(maker, Decimal("60")), (maker_factory(centre=centre), Decimal("30"))],
            )
    assert Product.objects.filter(title="Cup").count() == 0


def test_product_submit_refuses_another_centre(people, product_factory, centre_factory):
    from django.core.exceptions import PermissionDenied

    product = product_factory(centre=centre_factory(slug="ismayilli"))
    with pytest.raises(PermissionDenied):
        product_submit(product=product, user=people["instructor"])
    assert not product.workflow_in_progress
