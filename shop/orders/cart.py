"""The buyer's cart, kept in the session as {product_id: quantity}.

Nothing is reserved while items sit in a cart: stock is taken only when a Checkout Session is created
(`shop.orders.services.stock`). The cart checks quantities against the stock of the moment so the buyer hears early.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext as _

from shop.catalogue.models import Product
from shop.catalogue.pricing import price_breakdown
from shop.catalogue.selectors import product_text, public_products, with_card_data

from .models import OrderStatus, StockReservation

SESSION_KEY = "cart"
# The number of the pending order this browser is checking out; its reserved units count as the buyer's own.
CHECKOUT_ORDER_KEY = "checkout_order"


class CartError(Exception):
    """A change the cart refused; the message is meant for the buyer."""


class LineProblem:
    UNAVAILABLE = "unavailable"
    SOLD_OUT = "sold_out"
    TOO_MANY = "too_many"


@dataclass
class CartLine:
    product: Product
    quantity: int
    title: str
    unit_price: Decimal
    currency: str
    max_quantity: int
    problem: str = ""

    @property
    def line_total(self) -> Decimal:
        return self.unit_price * self.quantity

    @property
    def makers_amount(self) -> Decimal:
        """What the makers get from this line: the product page's per-unit part times the quantity, as booked."""
        product = self.product
        return price_breakdown(
            price=self.unit_price,
            quantity=self.quantity,
            currency=self.currency,
            commission_percent=product.centre.commission_percent,
            shares=list(product.maker_shares.all()),
        ).makers_amount

    @property
    def problem_message(self) -> str:
        if self.problem == LineProblem.UNAVAILABLE:
            return _("This item is no longer available. Please remove it to continue.")
        if self.problem == LineProblem.SOLD_OUT:
            return _("Sorry, this item has just sold out. Please remove it to continue.")
        if self.problem == LineProblem.TOO_MANY:
            return _("Only %(count)s left. Please lower the quantity to continue.") % {"count": self.max_quantity}
        return ""


def max_quantity(product: Product, held: int = 0) -> int:
    """How many one buyer may order now: the free stock plus what their own pending checkout already holds,
    or a sane cap for made-to-order items."""
    if product.made_to_order:
        return settings.SHOP_MADE_TO_ORDER_MAX_QUANTITY
    return product.stock + held


def too_many_message(product: Product, title: str, limit: int) -> str:
    if limit <= 0:
        return _("Sorry, “%(title)s” is sold out.") % {"title": title}
    return _("Only %(count)s of “%(title)s” available; you cannot add more.") % {"count": limit, "title": title}


class Cart:
    def __init__(self, session):
        self.session = session

    @property
    def items(self) -> dict[str, int]:
        return dict(self.session.get(SESSION_KEY) or {})

    def _save(self, items: dict[str, int]) -> None:
        self.session[SESSION_KEY] = items
        self.session.modified = True

    @property
    def count(self) -> int:
        """Items in the cart, from the session alone (the header shows it on every page)."""
        return sum(self.items.values())

    def __bool__(self) -> bool:
        return bool(self.items)

    def held(self) -> dict[int, int]:
        """Units reserved for this browser's pending checkout, by product (none without one: no query)."""
        number = self.session.get(CHECKOUT_ORDER_KEY)
        if not number:
            return {}
        held: dict[int, int] = {}
        reservations = StockReservation.objects.filter(
            line__order__number=number,
            line__order__status=OrderStatus.PENDING_PAYMENT,
            state=StockReservation.State.RESERVED,
        ).values_list("product_id", "quantity")
        for product_id, quantity in reservations:
            held[product_id] = held.get(product_id, 0) + quantity
        return held

    def quantity_of(self, product_id: int) -> int:
        return self.items.get(str(product_id), 0)

    def add(self, product: Product, quantity: int = 1) -> None:
        self.set(product, self.quantity_of(product.pk) + quantity)

    def set(self, product: Product, quantity: int) -> None:
        """Set a quantity (0 removes). Refuses items that cannot be bought and quantities beyond what is left."""
        if quantity <= 0:
            self.remove(product.pk)
            return
        title = product_text(product, "title")
        if not public_products().filter(pk=product.pk).exists():
            raise CartError(_("Sorry, “%(title)s” is not available.") % {"title": title})
        limit = max_quantity(product, self.held().get(product.pk, 0))
        if quantity > limit:
            raise CartError(too_many_message(product, title, limit))
        items = self.items
        items[str(product.pk)] = quantity
        self._save(items)

    def remove(self, product_id: int) -> None:
        items = self.items
        if items.pop(str(product_id), None) is not None:
            self._save(items)

    def clear(self) -> None:
        if SESSION_KEY in self.session:
            del self.session[SESSION_KEY]

    def lines(self) -> list[CartLine]:
        """The cart's products as they are now, each flagged if it can no longer be bought as asked."""
        items = self.items
        if not items:
            return []
        ids = [int(pk) for pk in items if pk.isdigit()]
        products = with_card_data(Product.objects.filter(pk__in=ids)).prefetch_related("maker_shares").order_by("pk")
        buyable = set(public_products().filter(pk__in=ids).values_list("pk", flat=True))
        held = self.held()
        lines = []
        for product in products:
            quantity = items[str(product.pk)]
            line = CartLine(
                product=product,
                quantity=quantity,
                title=product_text(product, "title"),
                unit_price=product.price,
                currency=product.currency,
                max_quantity=max_quantity(product, held.get(product.pk, 0)),
            )
            if product.pk not in buyable or product.currency != settings.SHOP_CURRENCY:
                line.problem = LineProblem.UNAVAILABLE
            elif line.max_quantity <= 0:
                line.problem = LineProblem.SOLD_OUT
            elif quantity > line.max_quantity:
                line.problem = LineProblem.TOO_MANY
            lines.append(line)
        if len(lines) != len(items):
            # Products deleted since they were added: nothing to show or buy, so drop them quietly.
            self._save({str(line.product.pk): line.quantity for line in lines})
        return lines


def cart_total(lines: list[CartLine]) -> Decimal:
    return sum((line.line_total for line in lines), Decimal("0"))


def cart_is_ready(lines: list[CartLine]) -> bool:
    return bool(lines) and not any(line.problem for line in lines)
