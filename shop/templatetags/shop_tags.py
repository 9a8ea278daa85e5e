"""Storefront template helpers: a record's text in the active language (falling back to Azerbaijani, marked
`lang="az"`), numbers, percentages and dates per locale (Babel), and `srcset`s whose width descriptors are the
renditions' real widths.

Site-wide tags (language links, canonical URLs, a maker's story link) are cms's: `{% load site_tags %}`."""

import datetime
from decimal import Decimal

from babel.dates import format_date, format_time
from babel.numbers import format_decimal
from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language, to_locale

from beneficiaries.i18n import Localized, localized
from shop.catalogue.search import excerpt, highlight
from shop.catalogue.selectors import product_hold_minutes, product_text

register = template.Library()


@register.filter
def tr(obj, field: str) -> SafeString | str:
    """`{{ craft|tr:"name" }}` in running text: the text in the active language, or the Azerbaijani text
    wrapped in `<span lang="az">` so screen readers pronounce it as Azerbaijani. Not for attributes or <title>
    (use `tr_text` there)."""
    text = localized(obj, field)
    if text.is_fallback:
        return format_html('<span lang="{}">{}</span>', text.language, text.text)
    return text.text


@register.filter
def tr_text(obj, field: str) -> str:
    """`{{ photo|tr_text:"alt_text" }}`: the same text without markup, for attributes, <title> and e-mails."""
    return localized(obj, field).text


@register.filter
def tr_lang(obj, field: str) -> Localized:
    """`{% with bio=maker|tr_lang:"public_bio" %}`: text plus `.language` and `.is_fallback`, for a block that
    carries `lang` itself (a bio of several paragraphs)."""
    return localized(obj, field)


def _babel_locale() -> str:
    return to_locale(get_language() or "az")


@register.filter
def number(value) -> str:
    """`{{ count|number }}`: 1234 -> "1,234" (en), "1.234" (az), "1 234" (ru)."""
    if value is None or value == "":
        return ""
    try:
        return format_decimal(Decimal(str(value)), locale=_babel_locale())
    except (ArithmeticError, ValueError):
        return str(value)


@register.filter
def local_date(value, width: str = "long") -> str:
    """`{{ page.last_published_at|local_date }}`: "2 dekabr 2026" / "2 декабря 2026 г." / "December 2, 2026"."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return format_date(value.date(), format=width, locale=_babel_locale())
    return format_date(value, format=width, locale=_babel_locale())


@register.filter
def local_datetime(value, width: str = "medium") -> str:
    """`{{ order.created_at|local_datetime }}`: date and time in the buyer's language and the shop's time zone."""
    if not value:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    # Babel's "medium" date-time carries seconds; a buyer reads the date and hours:minutes.
    locale = _babel_locale()
    return (
        f"{format_date(value.date(), format=width, locale=locale)}, {format_time(value, format='short', locale=locale)}"
    )


@register.filter
def percent(value: Decimal | None) -> str:
    """`82.50` -> "82.5" (or "82,5" in az/ru): up to two decimals, none when they are zero."""
    if value is None:
        return ""
    return format_decimal(Decimal(value), format="#,##0.##", locale=to_locale(get_language() or "az"))


@register.filter
def hold_minutes(product) -> int | None:
    """`{{ product|hold_minutes }}`: minutes until units held in someone's checkout come back (0: soon), or
    None when nothing is held that way."""
    return product_hold_minutes(product)


def _renditions_by_true_width(responsive_image) -> list:
    """The renditions of a `{% srcset_image ... as name %}`, narrowest first, one per real width.

    Wagtail never enlarges a photo, so from a 700 px original `width-800` and `width-1200` both come out
    700 px wide; two candidates with one descriptor make the whole srcset invalid to a browser."""
    by_width = {}
    for rendition in sorted(responsive_image.renditions if responsive_image else [], key=lambda r: r.width):
        by_width.setdefault(rendition.width, rendition)
    return list(by_width.values())


@register.simple_tag
def srcset_true_widths(responsive_image) -> str:
    """`{% srcset_true_widths photo_sizes %}`: "a.webp 480w, b.webp 700w" for a data attribute, or ""."""
    renditions = _renditions_by_true_width(responsive_image)
    if len(renditions) < 2:
        return ""
    return ", ".join(f"{rendition.url} {rendition.width}w" for rendition in renditions)


@register.simple_tag
def image_with_true_widths(responsive_image, **attrs) -> SafeString | str:
    """`{% srcset_image photo width-{480,800} format-webp as photo_sizes %}{% image_with_true_widths photo_sizes
    sizes="92vw" alt=photo.alt_text %}`: the <img> Wagtail would render, with every width descriptor true and
    none twice; the narrowest rendition is the fallback `src`, as with Wagtail's own tag."""
    renditions = _renditions_by_true_width(responsive_image)
    if not renditions:
        return ""
    if len(renditions) > 1:
        attrs["srcset"] = srcset_true_widths(responsive_image)
    else:
        attrs.pop("sizes", None)  # one candidate: `sizes` would have nothing to choose between
    return renditions[0].img_tag(attrs)


@register.filter
def highlight_terms(text: str, terms) -> SafeString:
    """`{{ title|highlight_terms:search_terms }}`: the text escaped, matching words in <mark> (none without terms)."""
    return highlight(str(text), list(terms or []))


@register.filter
def search_excerpt(product, terms) -> SafeString | str:
    """A highlighted piece of the description or materials that matched, when the title did not: it shows the
    buyer why the item is in the results."""
    terms = list(terms or [])
    if not terms or "<mark>" in highlight(product_text(product, "title"), terms):
        return ""
    for field in ("description", "materials"):
        piece = excerpt(product_text(product, field), terms)
        if piece:
            return piece
    return ""
