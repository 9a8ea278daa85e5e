from decimal import Decimal

from django import template

from beneficiaries.money import format_money

register = template.Library()


@register.filter
def money(amount: Decimal | None, currency: str | None = None) -> str:
    """`{{ product.price|money:product.currency }}` formatted for the active language."""
    if amount is None:
        return ""
    return format_money(Decimal(amount), currency)
