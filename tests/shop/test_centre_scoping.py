"""Roles come from a migration; instructors and centre leads work on their own centre's makers, products and
photos, and pick only those in choosers and forms. Finance reaches orders and refunds."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupCollectionPermission
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from beneficiaries.admin_scoping import user_centre_ids
from shop.catalogue.permissions import centre_collection
from shop.models import Product
from tests.factories import png_bytes


def perms(group_name):
    group = Group.objects.get(name=group_name)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}


@pytest.mark.django_db
def test_the_migration_creates_the_four_roles_with_their_permissions():
    assert {"wagtailadmin.access_admin", "shop.add_product", "shop.change_product"} <= perms("Instructor")
    assert "shop.delete_product" not in perms("Instructor")
    assert {"shop.delete_product", "beneficiaries.add_maker"} <= perms("Centre lead")
    assert {"wagtailadmin.access_admin", "beneficiaries.add_consentrecord"} <= perms("Editor")
    assert {"shop.view_order", "shop.change_order", "shop.refund_order", "shop.view_refund"} <= perms("Finance")
    assert "shop.add_product" not in perms("Finance")


@pytest.fixture
def two_centres(centre_factory, maker_factory, product_factory, centre_image, centre_member):
    own, other = centre_factory(name="Bakı", slug="baku"), centre_factory(name="Bərdə", slug="barda")
    data = {}
    for key, centre in (("own", own), ("other", other)):
        maker = maker_factory(centre=centre, public_display_name=f"{key} maker")
        data[key] = {
            "centre": centre,
            "maker": maker,
            "product": product_factory(centre=centre, title=f"{key} product", makers=[(maker, Decimal("100"))]),
            "image": centre_image(centre, title=f"{key} photo"),
        }
    data["instructor"] = centre_member(own, username="instructor-baku")
    return data


def test_every_centre_gets_its_own_collection_with_instructor_permissions(two_centres):
    collection = centre_collection(two_centres["own"]["centre"].pk)
    assert collection.name == "Bakı" and not collection.is_root()
    granted = GroupCollectionPermission.objects.filter(collection=collection, group__name="Instructor")
    assert {g.permission.codename for g in granted} == {"add_image", "change_image", "choose_image"}


def test_lists_and_choosers_show_only_the_own_centre(client, two_centres):
    client.force_login(two_centres["instructor"])
    pages = {
        "wagtailsnippets_shop_product:list": ("own product", "other product"),
        "wagtailsnippets_beneficiaries_maker:list": ("own maker", "other maker"),
        "wagtailsnippetchoosers_beneficiaries_maker:choose": ("own maker", "other maker"),
        "wagtailimages:index": ("own photo", "other photo"),
        "wagtailimages_chooser:choose": ("own photo", "other photo"),
    }
    for name, (shown, hidden) in pages.items():
        response = client.get(reverse(name))
        body = response.content.decode()
        assert response.status_code == 200, name
        assert shown in body and hidden not in body, name


def test_instructor_edits_their_own_centre_product(client, two_centres):
    own = two_centres["own"]
    client.force_login(two_centres["instructor"])
    url = reverse("wagtailsnippets_shop_product:edit", args=[own["product"].pk])
    assert client.get(url).status_code == 200
    response = client.post(url, product_data(own, price="31.00", makers=[own["maker"]], existing=True))
    assert response.status_code == 302
    own["product"].refresh_from_db()
    # The product is live: the change waits for review as a draft while buyers still see the old price.
    assert own["product"].price == Decimal("25.00")
    assert own["product"].get_latest_revision_as_object().price == Decimal("31.00")


def product_data(side, *, price, makers, centre=None, existing=False):
    product = side["product"]
    shares = [{"maker": maker.pk, "share_percent": str(Decimal("100") / len(makers))} for maker in makers]
    if existing:
        shares[0]["id"] = product.maker_shares.get().pk
    return nested_form_data(
        {
            "title": product.title,
            "slug": product.slug,
            "status": product.status,
            "craft": product.craft_id,
            "centre": (centre or side["centre"]).pk,
            "description": "Walnut.",
            "price": price,
            "currency": "AZN",
            "stock": "2",
            "photos": inline_formset([]),
            "translations": inline_formset([]),
            "maker_shares": inline_formset(shares, initial=1 if existing else 0),
        }
    )


def test_a_form_cannot_pick_another_centres_maker_or_centre(client, two_centres):
    own, other = two_centres["own"], two_centres["other"]
    client.force_login(two_centres["instructor"])
    url = reverse("wagtailsnippets_shop_product:edit", args=[own["product"].pk])
    for data in (
        product_data(own, price="99.00", makers=[other["maker"]], existing=True),
        product_data(own, price="99.00", makers=[own["maker"]], centre=other["centre"], existing=True),
    ):
        response = client.post(url, data)
        assert response.status_code == 200
        assert "Select a valid choice" in response.content.decode()
    assert Product.objects.get(pk=own["product"].pk).price == Decimal("25.00")


def test_an_instructors_upload_lands_in_their_centre_collection(client, two_centres):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.images import get_image_model

    client.force_login(two_centres["instructor"])
    upload = SimpleUploadedFile("bowl.png", png_bytes(), content_type="image/png")
    response = client.post(reverse("wagtailimages:add"), {"title": "New bowl", "file": upload})
    assert response.status_code == 302
    image = get_image_model().objects.get(title="New bowl")
    assert image.collection == centre_collection(two_centres["own"]["centre"].pk)


def test_editors_and_finance_are_not_limited_to_a_centre(user_factory, two_centres):
    editor = user_factory(username="ed")
    editor.groups.add(Group.objects.get(name="Editor"))
    assert user_centre_ids(editor) is None
    assert user_centre_ids(two_centres["instructor"]) == {two_centres["own"]["centre"].pk}
    stranger = user_factory(username="nobody")
    assert user_centre_ids(stranger) == frozenset()


def test_finance_reaches_orders_and_refunds(client, user_factory):
    finance = user_factory(username="finance-officer", is_staff=True)
    finance.groups.add(Group.objects.get(name="Finance"))
    client.force_login(finance)
    assert client.get(reverse("admin:shop_order_changelist")).status_code == 200
    assert finance.has_perm("shop.refund_order")  # the refund page of an order asks exactly this
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
