"""Build the demo shop: centres, crafts, staff, makers with consents, products with photos, and maker stories.

Safe to run again: everything is looked up by its natural key (slug, username) first, existing rows are left as
they are (an editor may have changed them) and existing products keep their photos, so a second run adds nothing
and draws nothing. Products are written in small transactions, so progress is visible and a crash loses little.
"""

import io
import random
from collections.abc import Callable
from decimal import Decimal

from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.images import get_image_model

from beneficiaries.ledger.models import Payout
from beneficiaries.models import Centre, ConsentRecord, Maker
from beneficiaries.services import consent_record
from cms.models import CentrePage, MakerStoryPage
from shop.catalogue.search import product_search_refresh
from shop.catalogue.services import centre_collection_ensure
from shop.models import Craft, Order, Product, ProductMaker, ProductPhoto, ProductTranslation

from . import centre_pages, pages
from .catalogue_data import CENTRES, CRAFTS
from .orders import DEFAULT_ORDERS, DEMO_BUYER_DOMAIN, orders_ensure
from .payouts import payouts_ensure
from .people import DEMO_ACCOUNTS, MakerSpec, accounts_ensure, maker_spec
from .pictures import VIEWS, PhotoSpec, render_photo, render_portrait
from .products import SPLITS, ProductSpec, product_spec

DEFAULT_SEED = 2026
DEFAULT_PRODUCTS = 300
DEFAULT_MAKERS = 44
MIN_MAKERS = len(CENTRES)  # the first makers go one to each centre, so every centre has someone to make things
BATCH = 25

Log = Callable[[str], None]


def _image_save(data: bytes, *, title: str, filename: str, centre: Centre):
    """Through the normal Wagtail save, so the metadata stripping hook runs as for an upload; in the centre's
    collection, where its instructors find it."""
    image = get_image_model()(
        title=title[:255],
        file=ImageFile(io.BytesIO(data), name=filename),
        collection=centre_collection_ensure(centre=centre),
    )
    image.save()
    return image


def centres_ensure() -> dict[str, Centre]:
    centres = {}
    for data in CENTRES:
        centre, _ = Centre.objects.get_or_create(
            slug=data.slug,
            defaults={
                "name": data.name,
                "city": data.city,
                "address": data.address,
                "commission_percent": data.commission_percent,
                "courier_fee": data.courier_fee,
            },
        )
        # Fill translations an earlier demo load left blank; one an editor wrote is kept.
        for code in ("ru", "en"):
            for field in ("name", "city"):
                if not getattr(centre, f"{field}_{code}"):
                    setattr(centre, f"{field}_{code}", getattr(data.names, code))
        centre.save(update_fields=["name_ru", "name_en", "city_ru", "city_en"])
        centres[data.slug] = centre
    return centres


def crafts_ensure() -> dict[str, Craft]:
    crafts = {}
    for order, data in enumerate(CRAFTS):
        craft, created = Craft.objects.get_or_create(
            slug=data.slug, defaults={"name": data.name.az, "sort_order": order}
        )
        if not created and craft.name in data.former_names:
            craft.name = data.name.az
        craft.name_ru = craft.name_ru or data.name.ru
        craft.name_en = craft.name_en or data.name.en
        craft.save(update_fields=["name", "name_ru", "name_en"])
        crafts[data.slug] = craft
    return crafts


def makers_ensure(*, specs: list[MakerSpec], centres: dict[str, Centre], users: dict, seed: int) -> dict[str, Maker]:
    """Create missing makers with their consents; consent is recorded only when the maker is first created."""
    makers = {maker.slug: maker for maker in Maker.objects.filter(slug__in=[spec.slug for spec in specs])}
    for spec in specs:
        if spec.slug in makers:
            _bio_translations_fill(makers[spec.slug], spec)
            continue
        maker = Maker.objects.create(
            public_display_name=spec.display_name,
            slug=spec.slug,
            public_bio=spec.bio.az,
            public_bio_ru=spec.bio.ru,
            public_bio_en=spec.bio.en,
            centre=centres[spec.centre],
            is_active=spec.is_active,
        )
        given_by = ConsentRecord.GivenBy.GUARDIAN if spec.guardian_name else ConsentRecord.GivenBy.MAKER
        for scope in spec.consents:
            consent_record(
                maker=maker,
                scope=scope,
                given_by=given_by,
                guardian_name=spec.guardian_name,
                recorded_by=users[f"instructor-{spec.centre}"],
            )
        if ConsentRecord.Scope.PHOTO in spec.consents:
            maker.photo = _image_save(
                render_portrait(f"{seed}:{spec.slug}"),
                title=f"{spec.display_name} (portret)",
                filename=f"{spec.slug}.jpg",
                centre=maker.centre,
            )
            maker.save(update_fields=["photo"])
        makers[spec.slug] = maker
    return makers


def _bio_translations_fill(maker: Maker, spec: MakerSpec) -> None:
    """A maker from an earlier demo load gets the Russian and English bio, unless their bio was erased (consent
    withdrawn) or edited since."""
    if maker.public_bio == spec.bio.az and not (maker.public_bio_ru or maker.public_bio_en):
        maker.public_bio_ru, maker.public_bio_en = spec.bio.ru, spec.bio.en
        maker.save(update_fields=["public_bio_ru", "public_bio_en"])


def _pick_makers(spec: ProductSpec, pool: list[tuple[MakerSpec, Maker]]) -> list[tuple[Maker, Decimal]]:
    """Makers of the product's centre, those who practise its craft first; shares always add up to 100."""
    rng = random.Random(spec.maker_seed)  # noqa: S311 - demo data
    same = [maker for maker_spec_, maker in pool if maker_spec_.craft == spec.craft]
    others = [maker for maker_spec_, maker in pool if maker_spec_.craft != spec.craft]
    rng.shuffle(same)
    rng.shuffle(others)
    chosen = (same + others)[: len(spec.shares)]
    shares = spec.shares if len(chosen) == len(spec.shares) else SPLITS[len(chosen)][0]
    if sum(shares) != 100:
        raise ValueError(f"shares of {spec.slug} add up to {sum(shares)}, not 100")
    return list(zip(chosen, shares, strict=True))


def _product_create(spec: ProductSpec, *, pictures: list[bytes], centres, crafts, pool, locales) -> int:
    product = Product.objects.create(
        title=spec.title.az,
        slug=spec.slug,
        description=spec.description.az,
        materials=spec.materials.az,
        dimensions=spec.dimensions,
        care=spec.care.az,
        price=spec.price,
        currency="AZN",
        stock=spec.stock,
        made_to_order=spec.made_to_order,
        lead_time_days=spec.lead_time_days,
        status=spec.status,
        live=spec.status == "published",  # only a published (reviewed) product is live
        has_unpublished_changes=spec.status != "published",
        centre=centres[spec.centre],
        craft=crafts[spec.craft],
    )
    ProductMaker.objects.bulk_create(
        ProductMaker(product=product, maker=maker, share_percent=share) for maker, share in _pick_makers(spec, pool)
    )
    if spec.translated:
        ProductTranslation.objects.bulk_create(
            ProductTranslation(
                product=product,
                locale=locales[code],
                title=getattr(spec.title, code),
                description=getattr(spec.description, code),
                materials=getattr(spec.materials, code),
                care=getattr(spec.care, code),
            )
            for code in ("ru", "en")
        )
    # bulk_create sends no signals: the search document is written once, with the makers and translations.
    product_search_refresh(product_id=product.pk)
    photos = []
    for view, data in enumerate(pictures):
        image = _image_save(
            data, title=f"{spec.title.az} ({view + 1})", filename=f"{spec.slug}-{view + 1}.jpg", centre=product.centre
        )
        az, en, ru = VIEWS[view]
        photos.append(
            ProductPhoto(
                product=product,
                image=image,
                alt_text=f"{spec.title.az}: {az}, əsas rəng {spec.colour.az}"[:200],
                alt_text_ru=f"{spec.title.ru}: {ru}, основной цвет {spec.colour.ru}"[:200],
                alt_text_en=f"{spec.title.en}: {en}, main colour {spec.colour.en}"[:200],
                sort_order=view,
            )
        )
    ProductPhoto.objects.bulk_create(photos)
    return len(photos)


def _photo_specs(spec: ProductSpec, *, seed: int) -> list[PhotoSpec]:
    # Drawing in worker processes was measured: no faster on 2 busy cores, so photos are drawn in line.
    return [
        PhotoSpec(spec.craft, spec.shape, f"{seed}:{spec.slug}", view, spec.colour) for view in range(spec.photo_count)
    ]


def products_ensure(*, count: int, seed: int, centres, crafts, makers, maker_specs, locales, log: Log) -> int:
    specs = [product_spec(index=index, seed=seed) for index in range(count)]
    existing = set(Product.objects.filter(slug__in=[spec.slug for spec in specs]).values_list("slug", flat=True))
    todo = [spec for spec in specs if spec.slug not in existing]
    if existing:
        log(f"products: {len(existing)} already there, kept as they are")
    pools: dict[str, list[tuple[MakerSpec, Maker]]] = {centre.slug: [] for centre in CENTRES}
    for spec in maker_specs:
        pools[spec.centre].append((spec, makers[spec.slug]))
    done = photos = 0
    for start in range(0, len(todo), BATCH):  # itertools.batched needs Python 3.12
        chunk = todo[start : start + BATCH]
        with transaction.atomic():
            for spec in chunk:
                photos += _product_create(
                    spec,
                    pictures=[render_photo(photo) for photo in _photo_specs(spec, seed=seed)],
                    centres=centres,
                    crafts=crafts,
                    pool=pools[spec.centre],
                    locales=locales,
                )
        done += len(chunk)
        log(f"products {done}/{len(todo)} created, {photos} photos drawn")
    return done


def _story_photos(maker: Maker, *, limit: int = 4) -> list[dict]:
    """Photos of the maker's work for their story; one that shows the maker only with their photo consent."""
    has_photo_consent = maker.consents.filter(scope=ConsentRecord.Scope.PHOTO, withdrawn_at__isnull=True).exists()
    photos = ProductPhoto.objects.filter(product__maker_shares__maker=maker).select_related("image")
    if not has_photo_consent:
        photos = photos.filter(shows_maker=False)
    return [
        {"image": photo.image, "alt": photo.alt_text, "shows_maker": photo.shows_maker}
        for photo in photos.order_by("product__slug", "sort_order")[:limit]
    ]


def stories_ensure(*, index, maker_specs: list[MakerSpec], makers: dict[str, Maker]) -> int:
    created = 0
    storytellers = []
    for spec in maker_specs:
        maker = makers[spec.slug]
        has_story_consent = maker.consents.filter(scope=ConsentRecord.Scope.STORY, withdrawn_at__isnull=True).exists()
        if not (maker.is_active and has_story_consent):
            continue
        storytellers.append(maker)
        created += pages.story_page_ensure(
            index=index, maker=maker, craft=spec.craft, first_name=spec.first_name, photos=_story_photos(maker)
        )
    # One story about a workshop group: the first centre with two makers who consented to stories.
    by_centre: dict[int, list[Maker]] = {}
    for maker in storytellers:
        by_centre.setdefault(maker.centre_id, []).append(maker)
    group = next((members[:3] for members in by_centre.values() if len(members) >= 2), [])
    # A picture that shows a maker would need every maker of the group to consent to photos: pictures of work only.
    photos = [photo for maker in group for photo in _story_photos(maker, limit=2) if not photo["shows_maker"]]
    created += pages.group_story_ensure(index=index, makers=group, photos=photos)
    return created


def demo_data_load(
    *,
    products: int = DEFAULT_PRODUCTS,
    makers: int = DEFAULT_MAKERS,
    orders: int = DEFAULT_ORDERS,
    seed: int = DEFAULT_SEED,
    log: Log = print,
) -> dict[str, int]:
    """Load (or complete) the demo data; returns how many rows of each kind exist afterwards."""
    if makers < MIN_MAKERS:
        raise ValueError(f"at least {MIN_MAKERS} makers are needed, one per centre")
    with transaction.atomic():
        locales = pages.locales_ensure()
        home = pages.home_ensure(locales)
        index = pages.stories_index_ensure(home, locales)
        pages.impact_ensure(home, locales)
        pages.information_pages_ensure(home, locales)
        centres = centres_ensure()
        crafts = crafts_ensure()
        users = accounts_ensure()
        maker_specs = [maker_spec(index=i, seed=seed) for i in range(makers)]
        maker_rows = makers_ensure(specs=maker_specs, centres=centres, users=users, seed=seed)
    log(f"pages, {len(centres)} centres, {len(crafts)} crafts, {len(users)} accounts, {len(maker_rows)} makers ready")
    products_ensure(
        count=products,
        seed=seed,
        centres=centres,
        crafts=crafts,
        makers=maker_rows,
        maker_specs=maker_specs,
        locales=locales,
        log=log,
    )
    with transaction.atomic():
        stories = stories_ensure(index=index, maker_specs=maker_specs, makers=maker_rows)
    log(f"maker stories: {stories} published")
    with transaction.atomic():
        homes = centre_pages.homes_by_language()
        made = centre_pages.centre_pages_ensure(homes, centres)
        centre_pages.home_curation_ensure(homes)
        centre_pages.workflow_ensure(homes, editor=users["editor"])
    log(f"centre pages: {made} published now; home page picks and the editorial workflow ready")
    placed = orders_ensure(count=orders, seed=seed, log=log)
    log(f"sales history: {placed} orders placed and paid now")
    log(f"payouts: {payouts_ensure(log=log)} recorded now")
    return demo_data_summary()


def demo_data_summary() -> dict[str, int]:
    return {
        "centres": Centre.objects.count(),
        "makers": Maker.objects.count(),
        "consent records": ConsentRecord.objects.count(),
        "crafts": Craft.objects.count(),
        "products": Product.objects.count(),
        "published products": Product.objects.filter(status="published").count(),
        "product photos": ProductPhoto.objects.count(),
        "product translations": ProductTranslation.objects.count(),
        "maker stories": MakerStoryPage.objects.live().count(),
        "centre pages": CentrePage.objects.live().count(),
        "paid demo orders": Order.objects.filter(
            email__endswith=f"@{DEMO_BUYER_DOMAIN}", paid_at__isnull=False
        ).count(),
        "payouts": Payout.objects.count(),
        "payouts waiting for a second approval": Payout.objects.filter(status=Payout.Status.PENDING_APPROVAL).count(),
        "demo accounts": len(DEMO_ACCOUNTS),
    }
