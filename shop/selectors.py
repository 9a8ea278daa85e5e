"""Catalogue reads. Every public listing goes through `public_products()` so the rules live in one place."""

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from .models import Craft, Product, ProductMaker, ProductPhoto, ProductStatus


def public_products() -> QuerySet[Product]:
    """Published products with at least one maker, none of them inactive."""
    makers = ProductMaker.objects.filter(product=OuterRef("pk"))
    return Product.objects.filter(status=ProductStatus.PUBLISHED).filter(
        Exists(makers), ~Exists(makers.filter(maker__is_active=False))
    )


def with_card_data(products: QuerySet[Product]) -> QuerySet[Product]:
    """What a product card shows, fetched in a constant number of queries whatever the page size."""
    return products.select_related("centre", "craft").prefetch_related(
        Prefetch(
            "photos",
            queryset=ProductPhoto.objects.select_related("image").prefetch_related("image__renditions"),
        )
    )


def featured_products(*, limit: int = 8) -> QuerySet[Product]:
    return with_card_data(public_products().filter(Q(stock__gt=0) | Q(made_to_order=True)))[:limit]


def crafts_with_products() -> QuerySet[Craft]:
    public_ids = public_products().values("pk")
    return Craft.objects.annotate(product_count=Count("products", filter=Q(products__in=public_ids))).filter(
        product_count__gt=0
    )
