"""The data set of `bench/pages.py`: 10,000 products, 400 makers, 3 centres, 200 stories, 5,000 paid orders,
50,000 ledger entries, in the database the environment names (run by bench/pages.py; not on its own).

Bulk paths, said plainly: products, their makers, photos and translations, the makers and their consents, the
orders and the ledger entries are bulk inserts (the services would take an hour for 10,000 products); centres,
images, renditions and stories go through the models and Wagtail as an editor's upload or publish would. The
20,000 product photos share 24 pictures (1600x1200 synthetic JPEGs), each with every public rendition made
ahead by `image_renditions_prepare`, as an upload does.
"""

import io
import os
import random
import sys
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PRODUCTS, MAKERS, STORIES, ORDERS, LEDGER_ENTRIES, PICTURES = 10_000, 400, 200, 5_000, 50_000, 24
WORDS = [
    *("bowl", "vase", "carpet", "rug", "scarf", "box", "spoon", "plate", "jug", "cup", "tray", "panel", "kilim"),
    *("pillow", "bag", "doll", "frame", "mirror", "chest", "lamp", "blue", "red", "green", "ochre", "walnut"),
    *("clay", "wool", "silk", "copper", "glaze", "carved", "woven", "painted", "stitched"),
]


def picture(seed: int) -> bytes:
    """A 1600x1200 JPEG with soft shapes on a gradient: compresses like a photo of an object on a table."""
    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(seed)
    width, height = 1600, 1200
    image = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    tint = Image.new("RGB", (width, height), tuple(rng.randrange(80, 230) for _ in range(3)))
    image = Image.blend(image, tint, 0.7)
    draw = ImageDraw.Draw(image)
    for _ in range(40):
        x, y, r = rng.randrange(width), rng.randrange(height), rng.randrange(20, 260)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rng.randrange(256) for _ in range(3)))
    image = image.filter(ImageFilter.GaussianBlur(3))
    noise = Image.effect_noise((width, height), 12).convert("RGB")
    image = Image.blend(image, noise, 0.08)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=85)
    return out.getvalue()


def build() -> None:
    from django.contrib.auth import get_user_model
    from django.core.files.images import ImageFile
    from django.utils import timezone
    from wagtail.images import get_image_model
    from wagtail.models import Locale

    from beneficiaries.models import Centre, ConsentRecord, LedgerEntry, Maker
    from cms.models import ImpactPage, MakerStoryIndexPage, MakerStoryPage
    from shop.catalogue.renditions import image_renditions_prepare
    from shop.models import (
        Craft,
        Order,
        OrderLine,
        Product,
        ProductMaker,
        ProductPhoto,
        ProductStatus,
        ProductTranslation,
    )

    rng = random.Random(12)
    officer = get_user_model().objects.create_user("bench-finance", password=None, is_staff=True)
    say = lambda text: print(f"  data: {text}", flush=True)  # noqa: E731
    centres = [
        Centre.objects.create(name=name, slug=name.lower(), city=name) for name in ("Baku", "Ismayilli", "Barda")
    ]
    crafts = Craft.objects.bulk_create(
        Craft(name=name, slug=name.lower(), sort_order=i)
        for i, name in enumerate(("Pottery", "Carpets", "Wood", "Textiles", "Painting", "Jewellery", "Toys", "Other"))
    )
    makers = Maker.objects.bulk_create(
        Maker(public_display_name=f"Maker {i:03d}", slug=f"maker-{i:03d}", centre=centres[i % 3], public_bio="Bio.")
        for i in range(MAKERS)
    )
    ConsentRecord.objects.bulk_create(
        ConsentRecord(maker=maker, scope=scope)
        for i, maker in enumerate(makers)
        for scope in ("name", "photo", "story")
        if i % 8 or scope == "story"  # one maker in eight is shown without a name
    )
    say(f"{MAKERS} makers")
    Image = get_image_model()
    images = []
    for i in range(PICTURES):
        image = Image(title=f"Bench photo {i}", file=ImageFile(io.BytesIO(picture(i)), name=f"bench-{i}.jpg"))
        image.save()  # outside a transaction: its renditions are made at once, as after an upload's commit
        image_renditions_prepare(image_id=image.pk)
        images.append(image)
    say(f"{PICTURES} pictures with their renditions")
    by_centre = {centre.pk: [m for m in makers if m.centre_id == centre.pk] for centre in centres}
    now = timezone.now()
    products = []
    for i in range(PRODUCTS):
        words = rng.sample(WORDS, 3)
        products.append(
            Product(
                title=f"{words[0].title()} {words[1]} {words[2]} {i}",
                slug=f"item-{i:05d}",
                description=" ".join(rng.choice(WORDS) for _ in range(60)),
                materials=", ".join(rng.sample(WORDS[-12:], 2)),
                dimensions="20 x 20 cm",
                care="Wipe with a dry cloth.",
                price=Decimal(rng.randrange(500, 50000)) / 100,
                stock=0 if i % 10 == 0 else rng.randrange(1, 6),
                made_to_order=i % 10 == 0 and i % 20 == 0,
                lead_time_days=14 if i % 20 == 0 else None,
                status=ProductStatus.PUBLISHED if i % 100 else ProductStatus.DRAFT,  # some never published
                centre=centres[i % 3],
                craft=crafts[i % len(crafts)],
            )
        )
    products = Product.objects.bulk_create(products, batch_size=1000)
    # Spread the creation times so "newest" is a real order, not one timestamp.
    for step, product in enumerate(products):
        product.created_at = now - timedelta(minutes=step)
    Product.objects.bulk_update(products, ["created_at"], batch_size=1000)
    shares, photos, translations = [], [], []
    locales = {code: Locale.objects.get(language_code=code) for code in ("ru", "en")}
    for i, product in enumerate(products):
        pair = rng.sample(by_centre[product.centre_id], 2)
        if i % 3:
            shares.append(ProductMaker(product=product, maker=pair[0], share_percent=Decimal("100")))
        else:
            shares.append(ProductMaker(product=product, maker=pair[0], share_percent=Decimal("60")))
            shares.append(ProductMaker(product=product, maker=pair[1], share_percent=Decimal("40")))
        for view in range(2):
            image = images[(i + view * 7) % PICTURES]
            photos.append(ProductPhoto(product=product, image=image, alt_text=f"{product.title}, view {view + 1}"))
        for code, locale in locales.items():
            translations.append(
                ProductTranslation(
                    product=product, locale=locale, title=f"{product.title} ({code})", description=product.description
                )
            )
    ProductMaker.objects.bulk_create(shares, batch_size=2000)
    ProductPhoto.objects.bulk_create(photos, batch_size=2000)
    ProductTranslation.objects.bulk_create(translations, batch_size=2000)
    say(f"{PRODUCTS} products, {len(photos)} photos, {len(translations)} translations")

    index = MakerStoryIndexPage.objects.get(locale__language_code="az")
    for i in range(STORIES):
        story = MakerStoryPage(
            title=f"Story of maker {i:03d}",
            slug=f"story-{i:03d}",
            maker=makers[i * 2],
            summary="How a workshop changed a year.",
            body="<p>" + " ".join(rng.choice(WORDS) for _ in range(300)) + "</p>",
            image=images[i % PICTURES],
            image_alt="The maker at work",
        )
        index.add_child(instance=story)
        story.save_revision().publish()
    say(f"{STORIES} stories")
    home = index.get_parent()
    impact = ImpactPage(title="Impact", slug="impact", intro="<p>What the shop brought the makers.</p>")
    home.add_child(instance=impact)
    impact.save_revision().publish()

    sold = [p for p in products if p.status == ProductStatus.PUBLISHED]
    orders = Order.objects.bulk_create(
        (
            Order(
                number=f"BENCH-{i:06d}",
                email="buyer@example.az",
                name="Buyer",
                phone="1",
                delivery_method="pickup",
                subtotal=Decimal("50.00"),
                total=Decimal("50.00"),
                status="paid",
                paid_at=now - timedelta(hours=i),
            )
            for i in range(ORDERS)
        ),
        batch_size=1000,
    )
    lines = OrderLine.objects.bulk_create(
        (
            OrderLine(
                order=order,
                product=sold[i % len(sold)],
                title=sold[i % len(sold)].title,
                unit_price=Decimal("50.00"),
                quantity=1,
                line_total=Decimal("50.00"),
                centre_id=sold[i % len(sold)].centre_id,
                centre_commission_percent=Decimal("20"),
                centre_amount=Decimal("10.00"),
            )
            for i, order in enumerate(orders)
        ),
        batch_size=1000,
    )
    entries = []
    for i, line in enumerate(lines):
        maker = makers[i % MAKERS]
        entries.append(
            LedgerEntry(
                maker=maker,
                centre_id=maker.centre_id,
                kind="sale_credit",
                amount=Decimal("40.00"),
                quantity=1,
                order_line=line,
                created_at=now - timedelta(hours=i),
            )
        )
    while len(entries) < LEDGER_ENTRIES:
        maker = rng.choice(makers)
        entries.append(
            LedgerEntry(
                maker=maker,
                centre_id=maker.centre_id,
                kind="adjustment",
                amount=Decimal("0.50"),
                reason="bench",
                created_by=officer,
                created_at=now - timedelta(days=rng.randrange(540)),
            )
        )
    LedgerEntry.objects.bulk_create(entries, batch_size=5000)
    say(f"{ORDERS} paid orders, {len(entries)} ledger entries")


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
    import django

    django.setup()
    build()
