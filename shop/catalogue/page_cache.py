"""The page cache's generation: one cache key whose value is part of every cached page's key.

Any change a public page could show (a product, its stock, price, photos, translations or makers; a craft,
centre or maker; a consent; a Wagtail page) calls `page_cache_bump`, which gives the generation a new value: from
then on every process looks for pages under new keys, so nothing cached before the change is served again, and
the old entries simply expire. One counter for everything is deliberately coarse: pages share so much (the
header, craft lists, related items, home's featured products) that working out which pages a change touches
would be more code than the cache, and a catalogue this size renders a missed page in milliseconds.

The middleware that serves and stores pages is `config.page_cache`. This module sits in the catalogue so that
the services that change stock (`shop.orders.services.stock`, with queryset updates that send no signals) can
bump the generation themselves.
"""

from uuid import uuid4

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

GENERATION_KEY = "page-cache:generation"


def page_cache_generation() -> str:
    """The current generation (made on first use; `add` so two processes starting together agree)."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY) or ""
    return generation


def _bump() -> None:
    cache.set(GENERATION_KEY, uuid4().hex, timeout=None)


def page_cache_bump() -> None:
    """Forget every cached page: now, and again when the current transaction commits.

    Now, so the writer's own next request (and a test without a real commit) sees the change. Again on commit,
    because a request in another process may have read the old rows after the first bump and before the
    commit, and stored that old page under the new generation.
    """
    _bump()
    transaction.on_commit(_bump, robust=True)


def _changed(sender, raw=False, **kwargs) -> None:
    if not raw:  # fixtures load before any page is cached
        page_cache_bump()


def page_cache_bump_on(*models) -> None:
    """Bump the generation whenever a row of one of `models` is saved or deleted."""
    for model in models:
        label = model._meta.label_lower
        post_save.connect(_changed, sender=model, dispatch_uid=f"page_cache_save_{label}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"page_cache_delete_{label}")


def connect_page_cache_invalidation() -> None:
    """What the catalogue's and the makers' pages show; cms adds its Wagtail pages (cms.apps)."""
    from wagtail.images import get_image_model

    from beneficiaries.models import Centre, ConsentRecord, Maker
    from beneficiaries.signals import consent_withdrawn

    from .models import Craft, Product, ProductMaker, ProductPhoto, ProductTranslation

    page_cache_bump_on(
        Product, ProductPhoto, ProductTranslation, ProductMaker, Craft, Centre, Maker, ConsentRecord, get_image_model()
    )
    consent_withdrawn.connect(_changed, dispatch_uid="page_cache_consent_withdrawn")


# Reads every catalogue page repeats (the filter choices, home's craft counts, a filter's ordered result ids) are
# kept under the same generation: as fresh as the pages themselves, and forgotten by the same changes.
GENERATION_CACHED_SECONDS = 600


def generation_cached(name: str, compute, *, timeout: int = GENERATION_CACHED_SECONDS):
    """`compute()`'s result (never None), computed once per generation and `name`, then read from the cache."""
    key = f"generation-cached:{page_cache_generation()}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value
