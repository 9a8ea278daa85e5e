"""Reads about Wagtail pages that templates and other cms code use."""

from django.core.cache import cache
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import get_language
from wagtail.models import Locale

from beneficiaries.i18n import localized
from beneficiaries.models import ConsentRecord
from beneficiaries.selectors import centres, maker_has_consent, makers_with_consent_flags
from shop.catalogue.selectors import crafts_with_products, maker_products, public_products

from .models import CentrePage, InformationPage, MakerStoryMaker, MakerStoryPage

# How many of the story's makers' pieces the "made by this maker" block shows.
STORY_PRODUCTS_LIMIT = 8

# The footer is on every page, so its links are cached per language; publishing, unpublishing or deleting an
# information page forgets them at once (cms.apps), the timeout only bounds what another process still holds.
INFORMATION_LINKS_TIMEOUT = 300


def _information_links_key(language: str) -> str:
    return f"cms:information-links:{language}"


def information_links(*, language: str) -> dict[str, dict[str, str]]:
    """{purpose: {"title", "url"}} of the live information pages in `language`, in the footer's order."""
    key = _information_links_key(language)
    links = cache.get(key)
    if links is None:
        pages = {
            page.purpose: page
            for page in InformationPage.objects.live().public().filter(locale__language_code=language)
        }
        links = {}
        for purpose in InformationPage.Purpose.values:
            page = pages.get(purpose)
            url = page.get_url() if page is not None else None
            if url:
                links[purpose] = {"title": page.title, "url": url}
        cache.set(key, links, INFORMATION_LINKS_TIMEOUT)
    return links


def information_links_forget(languages) -> None:
    cache.delete_many([_information_links_key(code) for code in languages])


def maker_story(maker, *, language: str) -> MakerStoryPage | None:
    """The maker's live story in `language` (else in any language), only while their story consent lasts."""
    consented = getattr(maker, "story_consent", None)
    if consented is None:
        consented = maker_has_consent(maker, ConsentRecord.Scope.STORY)
    if not consented:
        return None
    live = (
        MakerStoryPage.objects.live()
        .public()
        .story_consented()
        .filter(Exists(MakerStoryMaker.objects.filter(page=OuterRef("pk"), maker=maker)))
        .order_by("-first_published_at")
    )
    return live.filter(locale__language_code=language).first() or live.first()


# Product and maker pages link to their centre's page; cached per language like the footer's links and forgotten
# the same way (cms.apps) when a centre page is published, unpublished, saved or deleted.
CENTRE_PAGE_URLS_TIMEOUT = 300


def _centre_page_urls_key(language: str) -> str:
    return f"cms:centre-page-urls:{language}"


def centre_page_urls(*, language: str) -> dict[int, str]:
    """{centre id: url} of the live centre pages in `language`."""
    key = _centre_page_urls_key(language)
    urls = cache.get(key)
    if urls is None:
        urls = {}
        for page in CentrePage.objects.live().public().filter(locale__language_code=language):
            url = page.get_url()
            if url:
                urls[page.centre_id] = url
        cache.set(key, urls, CENTRE_PAGE_URLS_TIMEOUT)
    return urls


def centre_page_urls_forget(languages) -> None:
    cache.delete_many([_centre_page_urls_key(code) for code in languages])


def story_filter_options() -> dict[str, list[tuple[str, str]]]:
    """The crafts and centres a buyer may filter the stories by (crafts only while they have work on sale)."""
    return {
        "crafts": [(craft.slug, localized(craft, "name").text) for craft in crafts_with_products()],
        "centres": [(centre.slug, localized(centre, "name").text) for centre in centres()],
    }


def stories_filtered(stories: QuerySet[MakerStoryPage], *, craft: str, centre: str) -> QuerySet[MakerStoryPage]:
    """Stories about a maker of `centre` and about a maker who has published work of `craft` ("" = any)."""
    if craft:
        makers_of_craft = public_products().filter(craft__slug=craft).values("maker_shares__maker")
        stories = stories.filter(Exists(MakerStoryMaker.objects.filter(page=OuterRef("pk"), maker__in=makers_of_craft)))
    if centre:
        stories = stories.filter(
            Exists(MakerStoryMaker.objects.filter(page=OuterRef("pk"), maker__centre__slug=centre))
        )
    return stories


def story_makers_for_page(page: MakerStoryPage) -> list:
    """The story's makers in the editor's order, each with `name_consent` / `photo_consent` flags: a template
    shows a maker's name and profile link only with name consent."""
    ids = [link.maker_id for link in page.story_makers.all() if link.maker_id]
    found = {maker.pk: maker for maker in makers_with_consent_flags().filter(pk__in=ids).select_related("centre")}
    return [found[pk] for pk in ids if pk in found]


def story_products(makers) -> list:
    """Published work of the story's makers (newest first, each piece once) for the "made by this maker" block."""
    products, seen = [], set()
    for maker in makers:
        for product in maker_products(maker, language=get_language())[:STORY_PRODUCTS_LIMIT]:
            if product.pk not in seen:
                seen.add(product.pk)
                products.append(product)
    return products[:STORY_PRODUCTS_LIMIT]


# The search results page lists a few stories above the products; more would push the items off a phone screen.
STORY_RESULTS_LIMIT = 3


def _locale_id(language: str) -> int | None:
    # Locales are made once and hardly ever change: cached, the search page spends no query on them.
    key = f"cms:locale-id:{language}"
    locale_id = cache.get(key)
    if locale_id is None:
        locale_id = Locale.objects.filter(language_code=language).values_list("pk", flat=True).first()
        if locale_id is not None:
            cache.set(key, locale_id, 3600)
    return locale_id


def stories_matching(text: str, *, language: str, limit: int = STORY_RESULTS_LIMIT) -> list[MakerStoryPage]:
    """Live, public stories in `language` that match `text` (Wagtail's search index, best first), only while
    their maker's story consent lasts. Kept in cms so the shop's search page gets stories without the shop
    importing page models: its template asks for them through `{% stories_for_search %}`."""
    words = text.split()
    if not words:
        return []
    locale_id = _locale_id(language)
    if locale_id is None:
        return []
    found = list(MakerStoryPage.objects.live().public().filter(locale=locale_id).search(" ".join(words))[: limit * 4])
    if not found:
        return []
    consented = set(
        MakerStoryPage.objects.filter(pk__in=[page.pk for page in found]).story_consented().values_list("pk", flat=True)
    )
    return [page for page in found if page.pk in consented][:limit]
