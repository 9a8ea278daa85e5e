"""Catalogue reads. Every public listing goes through `public_products()` so the rules live in one place."""

import math
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Exists, Min, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.images import get_image_model

from beneficiaries.i18n import OTHER_LANGUAGES, localized
from beneficiaries.models import ConsentRecord, Maker
from beneficiaries.selectors import active_consent_exists, centres, public_makers

from .models import Craft, Product, ProductMaker, ProductPhoto, ProductStatus, ProductTranslation
from .page_cache import generation_cached
from .renditions import CARD_SPECS
from .search import product_search, searched, supports_typos


class Sort:
    RELEVANCE = "relevance"  # best match first while searching; newest first otherwise
    NEWEST = "newest"
    PRICE_ASC = "price_asc"
    PRICE_DESC = "price_desc"


class Availability:
    IN_STOCK = "in_stock"
    MADE_TO_ORDER = "made_to_order"


# The trailing "-id"/"id" keeps pagination stable when many items share a price or a timestamp.
_ORDERINGS = {
    Sort.NEWEST: ("-created_at", "-id"),
    Sort.PRICE_ASC: ("price", "id"),
    Sort.PRICE_DESC: ("-price", "-id"),
}


@dataclass(frozen=True)
class CatalogueQuery:
    """A validated catalogue request; every field is optional and they all combine (AND)."""

    q: str = ""
    craft: str = ""
    centre: str = ""
    maker: str = ""
    min_price: Decimal | None = None
    max_price: Decimal | None = None
    availability: str = ""
    sort: str = Sort.NEWEST


def public_products() -> QuerySet[Product]:
    """Published products with at least one maker, none of them inactive."""
    makers = ProductMaker.objects.filter(product=OuterRef("pk"))
    return Product.objects.filter(status=ProductStatus.PUBLISHED).filter(
        Exists(makers), ~Exists(makers.filter(maker__is_active=False))
    )


def _translations_prefetch(language: str | None) -> Prefetch:
    return Prefetch(
        "translations",
        queryset=ProductTranslation.objects.filter(
            locale__language_code=language or get_language() or "az"
        ).select_related("locale"),
        to_attr="active_translations",
    )


def public_photos() -> QuerySet[ProductPhoto]:
    """Photos a buyer may see: a photo that shows a maker only while all the product's makers consent to it
    (a consent withdrawn later hides it at once, on every page that shows photos)."""
    makers_without_consent = ProductMaker.objects.filter(product=OuterRef("product_id")).exclude(
        active_consent_exists(ConsentRecord.Scope.PHOTO, maker_ref=OuterRef("maker_id"))
    )
    return ProductPhoto.objects.filter(Q(shows_maker=False) | ~Exists(makers_without_consent))


# Units held by open checkouts are `StockReservation` rows of shop.orders, which the catalogue may not import;
# their reverse name on Product and the live state's value are the whole contract.
_LIVE_HOLDS = {"reservations__state": "reserved"}


def with_hold_data(products: QuerySet[Product]) -> QuerySet[Product]:
    """Annotate `has_live_hold` and `hold_ends_at` (when the earliest holding Checkout Session expires) as
    two correlated subqueries: part of the same query, so a page of cards costs no extra round trip."""
    held = Product.objects.filter(pk=OuterRef("pk"), **_LIVE_HOLDS)
    ends = held.values("pk").annotate(ends=Min("reservations__line__order__checkout_expires_at")).values("ends")
    return products.annotate(has_live_hold=Exists(held), hold_ends_at=Subquery(ends[:1]))


def product_hold_minutes(product: Product) -> int | None:
    """While every unit of a stocked product is held by open checkouts: the minutes until the earliest hold
    ends (at least 1), or 0 when that time is unknown or already past (its release is on the way). None when
    the product is not held that way (free units, made to order, or simply sold out)."""
    if product.made_to_order or product.stock > 0 or not getattr(product, "has_live_hold", False):
        return None
    ends = getattr(product, "hold_ends_at", None)
    if ends is None or ends <= timezone.now():
        return 0
    return max(1, math.ceil((ends - timezone.now()).total_seconds() / 60))


def with_card_data(
    products: QuerySet[Product], *, language: str | None = None, rendition_specs: tuple[str, ...] | None = None
) -> QuerySet[Product]:
    """What a product card shows, fetched in a constant number of queries whatever the page size.

    `rendition_specs`: only these renditions of each photo (e.g. `CARD_SPECS` for a grid of cards, 2 of the 15
    every photo has). Wagtail takes prefetched renditions as all there are and makes any missing one during
    the request, so a caller narrows this only to specs its templates alone use; None fetches them all.
    """
    renditions = Prefetch("image__renditions")
    if rendition_specs is not None:
        rendition_model = get_image_model().get_rendition_model()
        renditions = Prefetch(
            "image__renditions", queryset=rendition_model.objects.filter(filter_spec__in=rendition_specs)
        )
    return (
        with_hold_data(products)
        .select_related("centre", "craft")
        .prefetch_related(
            Prefetch("photos", queryset=public_photos().select_related("image").prefetch_related(renditions)),
            _translations_prefetch(language),
        )
    )


def featured_products(*, limit: int = 8) -> QuerySet[Product]:
    return with_card_data(public_products().filter(Q(stock__gt=0) | Q(made_to_order=True)))[:limit]


def chosen_products(product_ids: list[int], *, language: str | None = None) -> list[Product]:
    """The chosen products a buyer can have now, in the order they were chosen (an editor's picks for the
    home page); an unpublished or sold-out one is left out, never shown. One query plus the card prefetches."""
    available = public_products().filter(Q(stock__gt=0) | Q(made_to_order=True), pk__in=product_ids)
    found = {product.pk: product for product in with_card_data(available, language=language)}
    return [found[pk] for pk in dict.fromkeys(product_ids) if pk in found]


def centre_products(centre, *, language: str | None = None) -> QuerySet[Product]:
    """A centre's public products, newest first, with what a card shows."""
    products = public_products().filter(centre=centre).order_by("-created_at", "-id")
    return with_card_data(products, language=language)


def centre_crafts(centre) -> QuerySet[Craft]:
    """The crafts of a centre's public products (what a buyer can filter that centre's work by)."""
    public_ids = public_products().filter(centre=centre).values("pk")
    return Craft.objects.filter(products__in=public_ids).distinct().order_by("sort_order", "name")


def crafts_with_products() -> list[Craft]:
    """Crafts with their count of public products (home's craft tiles). Counting every public product is the
    dearest read of the home page, so the result is kept until anything in the catalogue changes."""

    def count() -> list[Craft]:
        public_ids = public_products().values("pk")
        counted = Craft.objects.annotate(product_count=Count("products", filter=Q(products__in=public_ids)))
        return list(counted.filter(product_count__gt=0))

    return generation_cached("crafts-with-products", count)


def filter_options() -> dict[str, list]:
    """Choices for the catalogue filters: crafts, centres and consented makers (one query each, once per
    generation of the catalogue; see `page_cache.generation_cached`)."""

    def read() -> dict[str, list]:
        return {
            "crafts": list(Craft.objects.order_by("sort_order", "name").only("name", "name_ru", "name_en", "slug")),
            "centres": list(centres().only("name", "name_ru", "name_en", "slug")),
            "makers": list(
                public_makers().select_related(None).order_by("public_display_name").only("public_display_name", "slug")
            ),
        }

    return generation_cached("catalogue-filter-options", read)


def catalogue_products(query: CatalogueQuery, *, fuzzy: bool = False) -> QuerySet[Product]:
    """Public products matching every filter and the search text, in the requested order. `fuzzy` finds near
    spellings instead of the words themselves (PostgreSQL; see `search.product_search`)."""
    products = public_products()
    if query.craft:
        products = products.filter(craft__slug=query.craft)
    if query.centre:
        products = products.filter(centre__slug=query.centre)
    if query.maker:
        products = products.filter(Exists(ProductMaker.objects.filter(product=OuterRef("pk"), maker__slug=query.maker)))
    if query.min_price is not None:
        products = products.filter(price__gte=query.min_price)
    if query.max_price is not None:
        products = products.filter(price__lte=query.max_price)
    if query.availability == Availability.IN_STOCK:
        products = products.filter(stock__gt=0)
    elif query.availability == Availability.MADE_TO_ORDER:
        products = products.filter(made_to_order=True)
    if query.q:
        found = product_search(query.q, fuzzy=fuzzy)
        products = searched(products, found)
        if query.sort == Sort.RELEVANCE and found.rank is not None:
            return products.order_by("-search_rank", "-created_at", "-id")
    return products.order_by(*_ORDERINGS.get(query.sort, _ORDERINGS[Sort.NEWEST]))


def catalogue_search(query: CatalogueQuery) -> tuple[QuerySet[Product], bool]:
    """`catalogue_products(query)`, or, when a search finds nothing as typed and the database can tell near
    spellings, the near matches instead; the flag says which (the page tells the buyer)."""
    products = catalogue_products(query)
    if query.q and supports_typos(query.q) and not products.exists():
        return catalogue_products(query, fuzzy=True), True
    return products, False


def product_for_page(slug: str, *, language: str | None = None) -> Product | None:
    """A public product with everything its page shows, or None (the caller answers 404)."""
    shares = (
        ProductMaker.objects.select_related("maker", "maker__centre")
        .annotate(name_consent=active_consent_exists(ConsentRecord.Scope.NAME, maker_ref=OuterRef("maker_id")))
        .order_by("pk")
    )
    return (
        with_card_data(public_products(), language=language)
        .prefetch_related(Prefetch("maker_shares", queryset=shares))
        .filter(slug=slug)
        .first()
    )


def related_products(product: Product, *, limit: int = 4, language: str | None = None) -> list[Product]:
    """Other public items by any of the same makers, newest first."""
    maker_ids = [share.maker_id for share in product.maker_shares.all()]
    same_makers = ProductMaker.objects.filter(product=OuterRef("pk"), maker_id__in=maker_ids)
    products = public_products().filter(Exists(same_makers)).exclude(pk=product.pk).order_by("-created_at", "-id")
    return list(with_card_data(products, language=language, rendition_specs=CARD_SPECS)[:limit])


def public_maker(slug: str) -> Maker | None:
    """An active maker with name consent (annotated with photo/story consent flags), or None."""
    return public_makers().filter(slug=slug).first()


def maker_products(maker: Maker, *, language: str | None = None) -> QuerySet[Product]:
    products = public_products().filter(Exists(ProductMaker.objects.filter(product=OuterRef("pk"), maker=maker)))
    return with_card_data(products.order_by("-created_at", "-id"), language=language, rendition_specs=CARD_SPECS)


TRANSLATED_FIELDS = ("title", "description", "materials", "care")


def product_text(product: Product, field: str) -> str:
    """A product's text in the active language when a translation was prefetched and fills it, else the original."""
    if field not in TRANSLATED_FIELDS:
        return getattr(product, field, "")
    return localized(product, field).text


def product_missing_texts(product: Product) -> dict[str, list[str]]:
    """{"ru": ["title", "care"], "en": [...]} : per other language, the fields that have Azerbaijani text but
    no translation (all of them when the language has no translation). Reads `product.translations.all()`, so
    it works on a revision's in-memory translations and on a prefetched list alike."""
    by_language = {translation.locale.language_code: translation for translation in product.translations.all()}
    missing = {}
    for language in OTHER_LANGUAGES:
        translation = by_language.get(language)
        fields = [
            field
            for field in TRANSLATED_FIELDS
            if getattr(product, field, "") and not (translation and getattr(translation, field, ""))
        ]
        if fields:
            missing[language] = fields
    return missing


def favourite_products(product_ids: list[int], *, language: str | None = None) -> list[Product]:
    """The saved products buyers may still see, in the order they were saved; the rest are left out."""
    found = {
        product.pk: product
        for product in with_card_data(public_products(), language=language).filter(pk__in=product_ids)
    }
    return [found[pk] for pk in product_ids if pk in found]


def product_image_ids(image_ids) -> set[int]:
    """Which of `image_ids` are product photos (so erasing a story must not delete them with it)."""
    return set(ProductPhoto.objects.filter(image_id__in=list(image_ids)).values_list("image_id", flat=True))
