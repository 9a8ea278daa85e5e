"""Every admin URL registered for products, makers and images, tried by staff of another centre.

The URLs are read from the resolver, so a view Wagtail (or we) add later is walked too. For each URL, object
and role the test sends a GET and a POST; the answer must be a refusal (403, 404, or Wagtail's and Django's
"no permission" redirects) or, for URLs without an object, must not show the other centre's object, and no
request may change anything.
"""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.forms.models import model_to_dict
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.models import UploadedFile

from beneficiaries.models import ConsentRecord, Maker
from shop.catalogue.services import product_submit
from shop.models import Product, ProductMaker, ProductPhoto

NAMESPACES = ("shop_product", "beneficiaries_maker", "wagtailimages")
ROLES = ("Instructor", "Centre lead")


def admin_urls():
    """(name, route, argument names) of every URL the project registers for the scoped models."""

    def walk(resolver, prefix, namespace):
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
                yield from walk(entry, prefix + str(entry.pattern), inner)
            elif isinstance(entry, URLPattern) and entry.name:
                name = namespace + entry.name
                if any(key in name for key in NAMESPACES):
                    yield name, prefix + str(entry.pattern), tuple(entry.pattern.regex.groupindex)

    return list(walk(get_resolver(), "", ""))


def snapshot():
    """Everything an isolation leak could change, as plain data."""
    from wagtail.images import get_image_model

    rows = []
    from wagtail.models import Revision, TaskState, WorkflowState

    models = (Product, ProductMaker, ProductPhoto, Maker, ConsentRecord, get_image_model(), UploadedFile)
    for model in (*models, Revision, WorkflowState, TaskState):
        rows.append(sorted((obj.pk, sorted(model_to_dict(obj).items(), key=str)) for obj in model.objects.all()))
    return repr(rows)


@pytest.fixture
def other_centre(centre_factory, maker_factory, product_factory, centre_image, centre_member):
    centre = centre_factory(name="Other centre", slug="other")
    maker = maker_factory(centre=centre, public_display_name="Other maker")
    product = product_factory(centre=centre, title="Other product", makers=[(maker, Decimal("100"))])
    image = centre_image(centre, title="Other photo")
    ProductPhoto.objects.create(product=product, image=image, alt_text="A bowl", sort_order=0)
    uploader = centre_member(centre, username="other-instructor")
    upload = UploadedFile.objects.create(file="uploaded_images/x.png", uploaded_by_user=uploader)
    # A draft waiting in review, so revision, lock and workflow URLs have something to point at.
    revision = product.save_revision(user=uploader)
    workflow_state = product_submit(product=product, user=uploader)
    return {
        "product": product,
        "maker": maker,
        "image": image,
        "upload": upload,
        "revision": revision,
        "workflow_state": workflow_state,
    }


@pytest.fixture
def own_centre(centre_factory, centre_member):
    centre = centre_factory(name="Own centre", slug="own")
    return {role: centre_member(centre, role=role, username=f"own-{index}") for index, role in enumerate(ROLES)}


def url_arguments(name, arguments, objects):
    target = (
        objects["product"]
        if "shop_product" in name
        else objects["maker"]
        if "beneficiaries_maker" in name
        else objects["image"]
    )
    values = {
        "pk": target.pk,
        "image_id": objects["image"].pk,
        "object_id": target.pk,
        "uploaded_file_id": objects["upload"].pk,
        "filter_spec": "max-165x165",
        "revision_id": objects["revision"].pk,
        "workflow_state_id": objects["workflow_state"].pk,
        "task_state_id": objects["workflow_state"].current_task_state_id,
        "action_name": "approve",
        "task_id": objects["workflow_state"].current_task_state.task_id,
        "revision_id_a": objects["revision"].pk,
        "revision_id_b": "latest",
    }
    return {argument: values[argument] for argument in arguments}


def refused(response, url) -> bool:
    if 400 <= response.status_code < 500:  # 403 and 404, or 400/405 for a request the view does not take
        return True
    if response.status_code == 302:
        location = response["Location"]
        # Django's LocaleMiddleware answers an admin 404 with a redirect to /<language>/<same path>, which
        # only the public site's catch-all could serve (and it answers 404 too).
        return location == reverse("wagtailadmin_home") or "login" in location or location.endswith(url)
    return False


def test_no_admin_url_lets_another_centre_see_or_change_anything(client, own_centre, other_centre, capsys):
    urls = admin_urls()
    assert len(urls) >= 40  # products, makers, their choosers, images and their choosers
    titles = ("Other product", "Other maker", "Other photo")
    before = snapshot()
    cases, leaks = 0, []
    for role, user in own_centre.items():
        client.force_login(user)
        for name, _route, arguments in urls:
            url = reverse(name, kwargs=url_arguments(name, arguments, other_centre))
            for method in ("get", "post"):
                response = getattr(client, method)(url)
                cases += 1
                body = response.content.decode(errors="replace") if response.status_code == 200 else ""
                if arguments and not refused(response, url):
                    leaks.append((role, method, name, response.status_code, response.get("Location")))
                elif not arguments and any(title in body for title in titles):
                    leaks.append((role, method, name, "shows another centre's object"))
                if snapshot() != before:
                    leaks.append((role, method, name, "changed data"))
                    before = snapshot()
    with capsys.disabled():
        print(
            f"\ncentre isolation: {cases} cases ({len(urls)} URLs, each with the other centre's product, maker or "
            f"photo, x GET/POST x {len(ROLES)} roles), {len(leaks)} leaks"
        )
    assert leaks == [], "\n".join(map(str, leaks))


def test_the_walk_sees_views_that_are_added_later():
    names = {name for name, _route, _arguments in admin_urls()}
    assert {"wagtailsnippets_shop_product:edit", "wagtailsnippets_beneficiaries_maker:history"} <= names
    assert {"wagtailimages:edit", "wagtailimages_chooser:chosen", "wagtailimages:add_multiple"} <= names


def test_superuser_is_not_refused(client, other_centre, user_factory):
    client.force_login(user_factory(is_superuser=True, is_staff=True))
    url = reverse("wagtailsnippets_shop_product:edit", args=[other_centre["product"].pk])
    assert client.get(url).status_code == 200
    assert get_user_model().objects.filter(is_superuser=True).count() == 1


def test_the_dashboard_does_not_offer_another_centres_review(client, own_centre, other_centre):
    for user in own_centre.values():
        client.force_login(user)
        response = client.get(reverse("wagtailadmin_home"))
        assert response.status_code == 200
        assert "Other product" not in response.content.decode()
