"""Buyer-facing catalogue: the product list with filters and search, product pages and maker profiles."""

import hashlib

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from beneficiaries.i18n import localized

from .forms import CatalogueFilterForm
from .page_cache import generation_cached
from .pricing import product_price_breakdown
from .renditions import CARD_SPECS
from .search import query_words
from .selectors import (
    catalogue_search,
    crafts_with_products,
    filter_options,
    maker_products,
    product_for_page,
    public_maker,
    public_products,
    related_products,
    with_card_data,
)
from .seo import product_jsonld


def _page_of(rows, request, per_page: int | None = None) -> Page:
    """Clamp instead of failing: page 0, -1 or "abc" give the first page, a page past the end the last one."""
    try:
        requested = int(request.GET.get("page", "1"))
    except ValueError:
        requested = 1
    paginator = Paginator(rows, per_page or settings.SHOP_CATALOGUE_PAGE_SIZE)
    return paginator.page(min(max(requested, 1), paginator.num_pages))


def _result_ids(query, language: str) -> tuple[list[int], bool]:
    """The ordered ids of every product matching `query` (and whether they are near spellings of a search that
    found nothing as typed), kept until the catalogue changes.

    Counting the matches and skipping to page 400 both cost a pass over every matching row (each checked for
    its makers); with the ids kept, every page of a listing costs the same: one cache read and the cards of
    that page. `repr` of the frozen query names every filter, so two listings never share a key.
    """
    digest = hashlib.sha256(repr((query, language)).encode()).hexdigest()[:32]

    def read() -> tuple[list[int], bool]:
        products, fuzzy = catalogue_search(query)
        return list(products.values_list("pk", flat=True)), fuzzy

    return generation_cached(f"catalogue-ids:{digest}", read)


def _cards(ids: list[int], language: str) -> list:
    """The cards for `ids`, in that order (a product unpublished since the ids were read simply drops out)."""
    products = with_card_data(public_products().filter(pk__in=ids), language=language, rendition_specs=CARD_SPECS)
    found = {product.pk: product for product in products}
    return [found[pk] for pk in ids if pk in found]


def catalogue_list(request):
    options = filter_options()
    form = CatalogueFilterForm(request.GET, options=options)
    form.is_valid()  # invalid fields are reported on the form and left out; the rest still filter
    query = form.catalogue_query()
    language = get_language()
    ids, fuzzy = _result_ids(query, language)
    page_obj = _page_of(ids, request, per_page=form.cleaned_data.get("per_page"))
    page_obj.object_list = _cards(list(page_obj.object_list), language)
    selected = {
        "craft": next((c for c in options["crafts"] if c.slug == query.craft), None),
        "centre": next((c for c in options["centres"] if c.slug == query.centre), None),
        "maker": next((m for m in options["makers"] if m.slug == query.maker), None),
    }
    return render(
        request,
        "shop/catalogue/product_list.html",
        {
            "form": form,
            "query": query,
            "page_obj": page_obj,
            "products": page_obj.object_list,
            "crafts": options["crafts"],
            "selected": selected,
            "has_filters": form.has_filters,
            "heading": _catalogue_heading(query, selected),
            # A craft without a name in this language is headed by its Azerbaijani name, marked as such.
            "heading_lang": _heading_language(query, selected),
            "search_terms": query_words(query.q),
            "fuzzy": fuzzy,
            # Shown when nothing matches: the crafts that do have work in the shop.
            "suggested_crafts": [] if page_obj.paginator.count else list(crafts_with_products()),
        },
    )


def _heading_language(query, selected) -> str:
    if query.q or not selected["craft"]:
        return ""
    name = localized(selected["craft"], "name")
    return name.language if name.is_fallback else ""


def _catalogue_heading(query, selected) -> str:
    if query.q:
        return _("Search results for “%(q)s”") % {"q": query.q}
    if selected["craft"]:
        return localized(selected["craft"], "name").text
    if selected["maker"]:
        return _("Handmade by %(maker)s") % {"maker": selected["maker"].public_display_name}
    if selected["centre"]:
        return _("Handmade at %(centre)s") % {"centre": localized(selected["centre"], "name").text}
    return _("All handmade work")


def product_detail(request, slug):
    language = get_language()
    product = product_for_page(slug, language=language)
    if product is None:
        raise Http404
    breakdown = product_price_breakdown(product)
    photos = list(product.photos.all())
    return render(
        request,
        "shop/product_detail.html",
        {
            "product": product,
            "photos": photos,
            "breakdown": breakdown,
            "related": related_products(product, language=language),
            "jsonld": product_jsonld(product, photos=photos, request=request),
        },
    )


def maker_detail(request, slug):
    maker = public_maker(slug)
    if maker is None:
        raise Http404
    page_obj = _page_of(maker_products(maker, language=get_language()), request)
    return render(
        request,
        "shop/maker_detail.html",
        {
            "maker": maker,
            "show_photo": bool(maker.photo_consent and maker.photo_id),
            "page_obj": page_obj,
            "products": page_obj.object_list,
        },
    )


def product_preview_context(product) -> dict:
    """What `product_detail` shows, for an unsaved draft (Wagtail's preview of the product page)."""
    language = get_language()
    product.active_translations = [t for t in product.translations.all() if t.locale.language_code == language]
    return {
        "product": product,
        "photos": list(product.photos.all()),
        "breakdown": product_price_breakdown(product),
        "related": [],
        "jsonld": "",
    }
