"""`manage.py load_demo_data`: what a newcomer gets after `make demo`, and that running it twice is harmless."""

import hashlib
import io
import re
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.http import HttpRequest
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from beneficiaries.ledger.models import Payout
from beneficiaries.models import Centre, CentreMembership, ConsentRecord, Maker
from cms.models import HomePage, MakerStoryIndexPage, MakerStoryPage
from demo.people import DEMO_ACCOUNTS
from shop.models import (
    Craft,
    Order,
    OrderStatusChange,
    Product,
    ProductMaker,
    ProductPhoto,
    ProductStatus,
    ProductTranslation,
    Refund,
)

PRODUCTS, MAKERS, ORDERS = 12, 9, 8


@pytest.fixture
def demo_settings(settings, tmp_path):
    settings.DEBUG = True
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings


def load(**options) -> str:
    out = io.StringIO()
    # The sales history is left out unless a test asks for it: placing orders through Stripe takes time.
    options = {"products": PRODUCTS, "makers": MAKERS, "orders": 0, **options}
    call_command("load_demo_data", stdout=out, **options)
    return out.getvalue()


def counts() -> dict[str, int]:
    models = (Centre, Maker, ConsentRecord, CentreMembership, Craft, Product, ProductMaker, ProductPhoto)
    result = {model.__name__: model.objects.count() for model in models}
    result |= {
        "translations": ProductTranslation.objects.count(),
        "images": get_image_model().objects.count(),
        "pages": Page.objects.count(),
        "users": get_user_model().objects.count(),
        "orders": Order.objects.count(),
        "refunds": Refund.objects.count(),
        "status changes": OrderStatusChange.objects.count(),
    }
    return result


@pytest.mark.django_db
def test_refuses_to_run_with_debug_off(settings, tmp_path):
    settings.DEBUG = False
    settings.MEDIA_ROOT = tmp_path

    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo_data", products=2, makers=3, stdout=io.StringIO())

    assert Product.objects.count() == 0
    assert not get_user_model().objects.filter(username="admin").exists()


@pytest.mark.django_db
def test_builds_centres_makers_and_products(demo_settings):
    output = load()

    centres = {c.slug: c for c in Centre.objects.all()}
    assert set(centres) == {"baku", "ismayilli", "barda"}
    assert centres["baku"].name == "Bakı" and centres["baku"].commission_percent == Decimal("20.00")
    assert centres["barda"].address and centres["barda"].courier_fee > 0
    assert Maker.objects.count() == MAKERS
    assert Product.objects.count() == PRODUCTS
    assert Craft.objects.count() == 8
    assert Product.objects.filter(status=ProductStatus.PUBLISHED).exists()
    assert ProductTranslation.objects.filter(locale__language_code="en").exists()
    assert f"products {PRODUCTS}/{PRODUCTS} created" in output  # progress is shown


@pytest.mark.django_db
def test_every_product_has_makers_of_its_centre_whose_shares_add_up_to_100(demo_settings):
    load()

    for product in Product.objects.prefetch_related("maker_shares__maker"):
        shares = list(product.maker_shares.all())
        assert 1 <= len(shares) <= 3
        assert sum(share.share_percent for share in shares) == Decimal("100")
        assert {share.maker.centre_id for share in shares} == {product.centre_id}
        assert product.price >= Decimal("8.50")
        assert not product.made_to_order or product.lead_time_days


@pytest.mark.django_db
def test_every_product_has_one_to_four_distinct_photos_with_alt_text_and_no_exif(demo_settings):
    load()

    for product in Product.objects.prefetch_related("photos__image"):
        photos = list(product.photos.all())
        assert 1 <= len(photos) <= 4, product.slug
        digests = set()
        for photo in photos:
            assert photo.alt_text.startswith(product.title)
            with photo.image.file.open("rb") as handle:
                data = handle.read()
            digests.add(hashlib.sha256(data).hexdigest())
            with PILImage.open(io.BytesIO(data)) as picture:
                assert picture.format == "JPEG"
                assert picture.size == (800, 800)
                assert not picture.getexif()
                assert "exif" not in picture.info and "xmp" not in picture.info
        assert len(digests) == len(photos), f"{product.slug} has two identical photos"


@pytest.mark.django_db
def test_makers_are_pseudonymous_with_recorded_consents(demo_settings):
    load()

    field_names = [field.name for field in Maker._meta.get_fields()]
    assert not [name for name in field_names if re.search("diagnos|disab|health|illness", name)]
    makers = list(Maker.objects.all())
    for maker in makers:
        assert re.fullmatch(r"\w+ \w\.", maker.public_display_name), maker.public_display_name
        assert re.fullmatch(r"(baku|ismayilli|barda)-usta-\d\d", maker.slug)  # nothing of a name in the URL
    consented = {c.maker_id for c in ConsentRecord.objects.filter(scope=ConsentRecord.Scope.NAME)}
    assert 0 < len(consented) < len(makers)  # some makers chose not to be named
    guardian = ConsentRecord.objects.filter(given_by=ConsentRecord.GivenBy.GUARDIAN)
    assert guardian.exists() and not guardian.filter(guardian_name="").exists()
    with_photo_consent = Maker.objects.filter(consents__scope=ConsentRecord.Scope.PHOTO)
    assert with_photo_consent.exists()
    assert not Maker.objects.exclude(pk__in=with_photo_consent).filter(photo__isnull=False).exists()


@pytest.mark.django_db
def test_stories_are_published_only_for_makers_who_consented(demo_settings, client):
    load()

    stories = MakerStoryPage.objects.live()
    assert stories.exists()
    for story in stories:
        for link in story.story_makers.all():
            assert link.maker.consents.filter(scope=ConsentRecord.Scope.STORY, withdrawn_at__isnull=True).exists()
        assert story.get_parent().specific_class is MakerStoryIndexPage
        assert client.get(story.url).status_code == 200


@pytest.mark.django_db
def test_second_run_creates_nothing_and_redraws_nothing(demo_settings):
    load(orders=ORDERS)
    before = counts()
    files_before = sorted(p.name for p in (demo_settings.MEDIA_ROOT / "original_images").iterdir())

    output = load(orders=ORDERS)

    assert counts() == before
    assert sorted(p.name for p in (demo_settings.MEDIA_ROOT / "original_images").iterdir()) == files_before
    assert f"products: {PRODUCTS} already there" in output


@pytest.mark.django_db
def test_demo_accounts_can_sign_in_and_are_printed(demo_settings, client):
    output = load()

    for username, password, _role in DEMO_ACCOUNTS:
        assert username in output and password in output
        assert client.login(request=HttpRequest(), username=username, password=password), username
        client.logout()
    membership = CentreMembership.objects.get(user__username="instructor-ismayilli")
    assert membership.centre.slug == "ismayilli" and membership.role == CentreMembership.Role.INSTRUCTOR
    instructor = get_user_model().objects.get(username="instructor-baku")
    assert instructor.has_perms(["shop.add_product", "shop.change_product", "wagtailadmin.access_admin"])
    assert get_user_model().objects.get(username="editor").groups.filter(name="Editor").exists()
    assert get_user_model().objects.get(username="finance").has_perm("wagtailadmin.access_admin")
    assert get_user_model().objects.get(username="admin").is_superuser

    client.login(request=HttpRequest(), username="instructor-baku", password="demo-instructor-2026")
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_shop_pages_answer_after_loading(demo_settings, client):
    load()

    home = client.get("/az/")
    assert home.status_code == 200
    product = Product.objects.filter(status=ProductStatus.PUBLISHED).first()
    assert client.get(f"/az/shop/p/{product.slug}/").status_code == 200
    assert client.get("/en/").status_code == 200
    assert client.get("/ru/").status_code == 200


@pytest.mark.django_db
def test_creates_the_home_and_stories_pages_when_they_are_missing(demo_settings, client):
    for home in HomePage.objects.all():
        home.delete()  # takes its stories index and the default site with it
    assert not Site.objects.exists()

    load()

    homes = HomePage.objects.all()
    assert sorted(home.locale.language_code for home in homes) == ["az", "en", "ru"]
    assert len({home.translation_key for home in homes}) == 1
    assert MakerStoryIndexPage.objects.count() == 3
    assert Site.objects.get(is_default_site=True).root_page.specific.locale.language_code == "az"
    assert client.get("/az/").status_code == 200
    assert client.get("/en/").status_code == 200


@pytest.mark.django_db
def test_sales_history_is_paid_through_checkout_spread_over_months_and_leaves_stock(demo_settings, client):
    load()
    stock_before = dict(Product.objects.values_list("pk", "stock"))

    output = load(orders=ORDERS)

    orders = list(Order.objects.all())
    assert len(orders) == ORDERS and f"sales history: {ORDERS} orders placed and paid now" in output
    assert all(order.is_paid and order.stripe_payment_intent_id.startswith("pi_") for order in orders)
    # Each order went through the state machine (paid, then maybe handed over or refunded), with its audit rows.
    for order in orders:
        assert order.status_changes.filter(to_status="paid").count() == 1
        assert order.created_at <= order.paid_at
    ages = sorted((timezone.now() - order.paid_at).days for order in orders)
    assert ages[0] < 90 and ages[-1] > 400, ages  # spread over the last 18 months
    assert dict(Product.objects.values_list("pk", "stock")) == stock_before  # the makers made more
    call_command("reconcile_ledger", stdout=io.StringIO())  # every order credited, every refund debited


@pytest.mark.django_db
def test_payouts_quarterly_some_waiting_for_the_other_officer(demo_settings, settings):
    settings.LEDGER_PAYOUT_APPROVAL_THRESHOLD = Decimal("40.00")  # the small demo sells little; make some wait
    load(orders=ORDERS * 2)

    payouts = list(Payout.objects.select_related("created_by", "approved_by"))
    assert payouts, "the demo records payouts"
    waiting = [p for p in payouts if p.status == Payout.Status.PENDING_APPROVAL]
    assert waiting and all(p.created_by.username == "finance-2" for p in waiting)  # `finance` approves them
    assert all(p.approved_by != p.created_by for p in payouts if p.approved_by)
    assert all(p.payee_name and p.reference for p in payouts)
    out = io.StringIO()
    call_command("reconcile_ledger", stdout=out)  # no balance negative, payouts match their entries
    assert "The ledger reconciles" in out.getvalue()
