"""Reads about Wagtail pages that templates and other cms code use."""

from django.core.cache import cache
from wagtail.models import Locale

from beneficiaries.models import ConsentRecord
from beneficiaries.selectors import maker_has_consent

from .models import InformationPage, MakerStoryPage

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
