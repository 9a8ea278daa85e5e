"""Reads about orders for the buyer's pages and e-mails; maker names only with their consent."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery, Sum
from django.utils.translation import gettext as _

from beneficiaries.ledger.impact import impact_summary
from beneficiaries.selectors import makers_with_consent_flags

from .models import Order, OrderLine, OrderLineMaker, OrderStatusChange, Refund


def orders_with_details() -> QuerySet[Order]:
    makers = OrderLineMaker.objects.prefetch_related(
        Prefetch("maker", queryset=makers_with_consent_flags().select_related("centre"))
    )
    lines = OrderLine.objects.select_related("centre").prefetch_related(Prefetch("makers", queryset=makers))
    return Order.objects.prefetch_related(
        Prefetch("lines", queryset=lines),
        Prefetch("status_changes", queryset=OrderStatusChange.objects.order_by("at", "pk")),
    )


def maker_label(maker) -> str:
    """The maker's public name if they consented to it (and are active), else "a maker of <centre>"."""
    if maker.is_active and getattr(maker, "name_consent", False):
        return maker.public_display_name
    return _("a maker of %(centre)s") % {"centre": maker.centre.name}


def with_maker_labels(order: Order) -> Order:
    for line in order.lines.all():
        line.maker_labels = [maker_label(part.maker) for part in line.makers.all()]
        line.makers_amount = sum((part.amount for part in line.makers.all()), Decimal("0.00"))
    return order


def order_for_buyer(token: str) -> Order | None:
    """The order behind a private status link, or None; tokens are compared in the database (indexed)."""
    if not token or len(token) > 64:
        return None
    # What the shop refunded by itself for pieces sold elsewhere while the payment was delayed; part of the
    # order's own query.
    sold_elsewhere = (
        Refund.objects.filter(order=OuterRef("pk"), sold_elsewhere=True)
        .values("order")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    order = (
        orders_with_details()
        .annotate(sold_elsewhere_amount=Subquery(sold_elsewhere[:1]))
        .filter(access_token=token)
        .first()
    )
    return with_maker_labels(order) if order else None


def order_for_email(order_id: int) -> Order:
    return with_maker_labels(orders_with_details().get(pk=order_id))


def pickup_centres(order: Order) -> list:
    seen = {}
    for line in order.lines.all():
        seen.setdefault(line.centre_id, line.centre)
    return list(seen.values())


def impact_figures() -> dict:
    """The public impact figures: per centre and month from the ledger, and per craft, which only the shop can
    tell (a ledger entry points at an order line, whose product has a craft)."""
    return impact_summary(by={"crafts": "order_line__product__craft__name"})
