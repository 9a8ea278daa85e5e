"""Reads about Wagtail pages that templates and other cms code use."""

from django.core.cache import cache

from beneficiaries.models import ConsentRecord
from beneficiaries.selectors import maker_has_consent

from .models import CentrePage, InformationPage, MakerStoryPage

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
    live = MakerStoryPage.objects.live().public().filter(maker=maker).order_by("-first_published_at")
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
