"""Storefront template helpers: translated product text, language links, canonical and absolute URLs."""

from decimal import Decimal
from urllib.parse import urlencode

from babel.numbers import format_decimal
from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, to_locale

from ..selectors import product_text

register = template.Library()


@register.filter
def tr(product, field: str) -> str:
    """`{{ product|tr:"title" }}`: the text in the active language when translated, else the original."""
    return product_text(product, field)


@register.filter
def percent(value: Decimal | None) -> str:
    """`82.50` -> "82.5" (or "82,5" in az/ru): up to two decimals, none when they are zero."""
    if value is None:
        return ""
    return format_decimal(Decimal(value), format="#,##0.##", locale=to_locale(get_language() or "az"))


@register.filter
def absolute(url: str) -> str:
    """Prefix a site-relative URL with the configured public base URL (canonical, hreflang, JSON-LD)."""
    if not url or "://" in url:
        return url or ""
    return settings.SHOP_BASE_URL.rstrip("/") + url


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
    return absolute(request.path + _page_suffix(context))


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
                "alternate": absolute(path_only + _page_suffix(context)),
                "has_equivalent": has_equivalent,
                "is_current": code == current,
            }
        )
    return links
