"""Storefront template helpers: a product's text in the active language and percentages per locale.

Site-wide tags (language links, canonical URLs, a maker's story link) are cms's: `{% load site_tags %}`."""

from decimal import Decimal

from babel.numbers import format_decimal
from django import template
from django.utils.translation import get_language, to_locale

from shop.catalogue.selectors import product_hold_minutes, product_text

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
def hold_minutes(product) -> int | None:
    """`{{ product|hold_minutes }}`: minutes until units held in someone's checkout come back (0: soon), or
    None when nothing is held that way."""
    return product_hold_minutes(product)
