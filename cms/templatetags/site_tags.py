"""Site-wide template tags: the language switcher and hreflang alternates, canonical URLs, Open Graph images,
links to the information pages (footer, checkout), and a maker's story link and a centre's page link for shop's
product and maker pages (shop must not reach Wagtail pages itself, so cms supplies them here)."""

import re
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext as _

from shop.catalogue.renditions import OPEN_GRAPH_SPEC
from shop.catalogue.seo import absolute_url
from shop.templatetags.shop_tags import tr

from ..selectors import centre_page_urls, information_links, maker_story, stories_matching

register = template.Library()


def _page_suffix(context) -> str:
    page_obj = context.get("page_obj")
    if page_obj is not None and getattr(page_obj, "number", 1) > 1:
        return "?" + urlencode({"page": page_obj.number})
    return ""


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """The page's address without filters, sorting or tracking parameters; only the page number stays."""
    request = context.get("request")
    if request is None:
        return ""
    return absolute_url(request.path + _page_suffix(context), request)


def _wagtail_translation_urls(context, request) -> dict[str, str] | None:
    """{language: url} of the live translations of the Wagtail page being shown, or None for other views."""
    page = context.get("page")
    if page is None or not hasattr(page, "get_translations"):
        return None
    urls = {}
    for translation in page.get_translations(inclusive=True).live().select_related("locale"):
        url = translation.get_url(request)
        if url:
            urls[translation.locale.language_code] = url
    return urls


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """The current page in every language, for the switcher and hreflang alternates.

    Wagtail pages link to their real translations (slugs may differ); Django views keep their arguments and
    query string through `translate_url`. Where no equivalent exists the switcher goes to that language's
    home page, and `has_equivalent` is False so no hreflang alternate is announced for it.
    """
    request = context.get("request")
    current = get_language()
    if request is None:
        return []
    page_urls = _wagtail_translation_urls(context, request)
    links = []
    for code, name in settings.LANGUAGES:
        if page_urls is not None:
            has_equivalent = code in page_urls
            url = path_only = page_urls.get(code, f"/{code}/")
        else:
            url = translate_url(request.get_full_path(), code)
            path_only = translate_url(request.path, code)
            has_equivalent = code == current or path_only != request.path
            if not has_equivalent:
                url = path_only = f"/{code}/"
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "alternate": absolute_url(path_only + _page_suffix(context), request),
                "has_equivalent": has_equivalent,
                "is_current": code == current,
            }
        )
    return links


@register.simple_tag
def stories_for_search(text: str) -> list:
    """`{% stories_for_search query.q as stories %}`: consented live stories in the active language that match."""
    return stories_matching(text or "", language=get_language() or "az")


@register.simple_tag
def published_story(maker):
    """`{% published_story maker as story %}`: the maker's live story in the active language, if consented."""
    return maker_story(maker, language=get_language())


@register.simple_tag
def centre_page_url(centre) -> str:
    """`{% centre_page_url centre as url %}`: the centre's live page in the active language, or ""."""
    if centre is None:
        return ""
    return centre_page_urls(language=get_language()).get(centre.pk, "")


@register.simple_tag
def centre_link(centre):
    """`{% centre_link centre as name %}`: the centre's name, linked to its page when it has one in the active
    language (safe HTML, so it can go into an existing translated sentence)."""
    url = centre_page_url(centre)
    name = tr(centre, "name")  # marked lang="az" when the name has no translation yet
    return format_html('<a href="{}">{}</a>', url, name) if url else name


@register.simple_tag
def information_pages(*purposes: str) -> list[dict[str, str]]:
    """`{% information_pages "delivery" "privacy" as links %}`: the live information pages in the active
    language ({"purpose", "title", "url"}); all purposes when none are named. Missing pages are left out."""
    links = information_links(language=get_language())
    wanted = purposes or tuple(links)
    return [{"purpose": purpose, **links[purpose]} for purpose in wanted if purpose in links]


@register.filter
def tel_href(phone: str) -> str:
    """ "+994 12 555 01 23" -> "+994125550123" for a tel: link (spaces and dashes are for reading only)."""
    return re.sub(r"[^\d+]", "", phone or "")


# Large enough for every network's large card; 1.91:1 is what Facebook, LinkedIn and X crop to.
OPEN_GRAPH_IMAGE_FILTER = OPEN_GRAPH_SPEC
OPEN_GRAPH_FALLBACK = "img/og-default.png"
OPEN_GRAPH_LOCALES = {"az": "az_AZ", "ru": "ru_RU", "en": "en_GB"}


@register.simple_tag(takes_context=True)
def open_graph_image(context, image=None, alt: str = "") -> dict[str, str]:
    """An absolute og:image for `image` (a Wagtail image), else the shop's own card with the logo."""
    request = context.get("request")
    if image:  # an empty photo list gives "" here, not None
        rendition = image.get_rendition(OPEN_GRAPH_IMAGE_FILTER)
        return {"url": absolute_url(rendition.url, request), "alt": alt, "width": 1200, "height": 630}
    return {
        "url": absolute_url(static(OPEN_GRAPH_FALLBACK), request),
        "alt": _("The Əl işləri logo: a clay jug with a woven band"),
        "width": 1200,
        "height": 630,
    }


@register.simple_tag
def open_graph_locales() -> dict[str, object]:
    """og:locale of the active language and og:locale:alternate for the others."""
    current = get_language()
    return {
        "current": OPEN_GRAPH_LOCALES.get(current, to_locale(current)),
        "alternates": [
            OPEN_GRAPH_LOCALES.get(code, to_locale(code)) for code, _name in settings.LANGUAGES if code != current
        ],
    }
