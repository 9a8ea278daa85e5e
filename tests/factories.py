"""factory_boy factories shared by every test; exposed as fixtures in conftest.py."""

import io
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from beneficiaries.models import Centre, ConsentRecord, Maker
from shop.models import Craft, Order, OrderLine, Product, ProductMaker, ProductPhoto, ProductStatus, Refund, RefundLine


def png_bytes(color=(180, 90, 40), size=(64, 48)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, format="PNG")
    return buffer.getvalue()


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.az")
    password = factory.django.Password("pass-word-123")

    @factory.post_generation
    def admin_in_english(user, create, extracted, **kwargs):
        # The tests read the Wagtail admin in English (its default for a user is the site's az).
        if create:
            from wagtail.users.models import UserProfile

            UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_image_model()

    title = factory.Sequence(lambda n: f"Photo {n}")
    file = factory.LazyFunction(lambda: ImageFile(io.BytesIO(png_bytes()), name="photo.png"))


class CentreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Centre
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Centre {n}")
    slug = factory.Sequence(lambda n: f"centre-{n}")
    city = "Baku"
    commission_percent = Decimal("20.00")
    courier_fee = Decimal("5.00")


class MakerFactory(factory.django.DjangoModelFactory):
    """A maker who consented to a public profile (name); pass `consents=[]` for one who did not."""

    class Meta:
        model = Maker
        skip_postgeneration_save = True

    public_display_name = factory.Sequence(lambda n: f"Maker {n}")
    slug = factory.Sequence(lambda n: f"maker-{n}")
    public_bio = "Works with clay and colour."
    centre = factory.SubFactory(CentreFactory)
    is_active = True

    @factory.post_generation
    def consents(self, create, extracted, **kwargs):
        if not create:
            return
        scopes = [ConsentRecord.Scope.NAME] if extracted is None else extracted
        for scope in scopes:
            ConsentRecord.objects.create(maker=self, scope=scope)


class CraftFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Craft
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Craft {n}")
    slug = factory.Sequence(lambda n: f"craft-{n}")


class ProductFactory(factory.django.DjangoModelFactory):
    """A published, in-stock product made by one maker (100 %) of its centre."""

    class Meta:
        model = Product
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Handmade item {n}")
    slug = factory.Sequence(lambda n: f"handmade-item-{n}")
    description = "A bowl thrown on the wheel and glazed by hand."
    materials = "clay, glaze"
    dimensions = "12 x 12 x 6 cm"
    care = "Hand wash only"
    price = Decimal("25.00")
    stock = 5
    status = ProductStatus.PUBLISHED
    centre = factory.SubFactory(CentreFactory)
    craft = factory.SubFactory(CraftFactory)

    @factory.post_generation
    def makers(self, create, extracted, **kwargs):
        """`makers=[(maker, Decimal("60")), ...]`; default: one new maker of the product's centre with 100 %."""
        if not create:
            return
        shares = extracted if extracted is not None else [(MakerFactory(centre=self.centre), Decimal("100"))]
        for maker, percent in shares:
            ProductMaker.objects.create(product=self, maker=maker, share_percent=percent)

    @factory.post_generation
    def photos(self, create, extracted, **kwargs):
        if not create:
            return
        for index in range(extracted or 0):
            ProductPhoto.objects.create(
                product=self, image=ImageFactory(), alt_text=f"{self.title}, view {index + 1}", sort_order=index
            )


class OrderFactory(factory.django.DjangoModelFactory):
    """A paid order; its lines and amounts are plain copies, as checkout makes them."""

    class Meta:
        model = Order

    number = factory.Sequence(lambda n: f"T-{n:06d}")
    email = factory.Sequence(lambda n: f"buyer{n}@example.az")
    name = "Buyer"
    phone = "+994500000000"
    delivery_method = "pickup"
    subtotal = Decimal("25.00")
    total = Decimal("25.00")
    status = "paid"


class OrderLineFactory(factory.django.DjangoModelFactory):
    """An order line of `quantity` × `unit_price` (the ledger needs a real row for its foreign key)."""

    class Meta:
        model = OrderLine

    order = factory.SubFactory(OrderFactory)
    title = factory.Sequence(lambda n: f"Clay bowl {n}")
    unit_price = Decimal("25.00")
    quantity = 1
    line_total = factory.LazyAttribute(lambda o: o.unit_price * o.quantity)
    centre = factory.SubFactory(CentreFactory)
    centre_commission_percent = Decimal("20.00")
    centre_amount = factory.LazyAttribute(
        lambda o: (o.line_total * o.centre_commission_percent / 100).quantize(Decimal("0.01"))
    )


class RefundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Refund

    order = factory.SubFactory(OrderFactory)
    sequence = factory.Sequence(lambda n: n + 1)
    idempotency_key = factory.Sequence(lambda n: f"refund-test-{n}")
    amount = Decimal("10.00")
    status = "succeeded"


class RefundLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RefundLine

    line = factory.SubFactory(OrderLineFactory)
    refund = factory.SubFactory(RefundFactory, order=factory.SelfAttribute("..line.order"))
    quantity = 1
    amount = Decimal("10.00")
