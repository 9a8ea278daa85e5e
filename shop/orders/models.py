"""Orders: what a buyer bought, copied at the moment of purchase, every status change it went through, what
Stripe told us about it (events, stored once) and what we asked Stripe to give back (refunds).

Prices, titles, commissions and maker shares are copied onto the order so later catalogue edits never
change what was sold. Status moves only through `shop.orders.services.orders.order_transition`.
"""

import secrets
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from beneficiaries.money import CurrencyField


class OrderStatus(models.TextChoices):
    PENDING_PAYMENT = "pending_payment", _("Awaiting payment")
    PAID = "paid", _("Paid")
    READY_FOR_PICKUP = "ready_for_pickup", _("Ready for pickup")
    SHIPPED = "shipped", _("Shipped")
    COMPLETED = "completed", _("Completed")
    EXPIRED = "expired", _("Expired")
    CANCELLED = "cancelled", _("Cancelled")
    PARTIALLY_REFUNDED = "partially_refunded", _("Partially refunded")
    REFUNDED = "refunded", _("Refunded")


class DeliveryMethod(models.TextChoices):
    PICKUP = "pickup", _("Pick up at the maker's centre")
    COURIER = "courier", _("Courier delivery")


# Long enough for a few warm sentences, short enough to fit a card in the parcel.
GIFT_MESSAGE_MAX_LENGTH = 300


def new_access_token() -> str:
    return secrets.token_urlsafe(32)


class Order(models.Model):
    number = models.CharField(_("order number"), max_length=32, unique=True)
    # The only key to the buyer's order status page: unguessable, never shown to staff lists.
    access_token = models.CharField(max_length=64, unique=True, default=new_access_token, editable=False)
    email = models.EmailField(_("e-mail"))
    name = models.CharField(_("name"), max_length=120)
    phone = models.CharField(_("phone"), max_length=32)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="az")
    delivery_method = models.CharField(_("delivery"), max_length=10, choices=DeliveryMethod.choices)
    address_line = models.CharField(_("address"), max_length=255, blank=True)
    city = models.CharField(_("city"), max_length=80, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=16, blank=True)
    delivery_notes = models.CharField(_("delivery notes"), max_length=255, blank=True)
    # Read by the instructor who packs the order; the message is plain text, escaped wherever it is shown.
    is_gift = models.BooleanField(_("this is a gift"), default=False)
    gift_message = models.CharField(_("gift message"), max_length=GIFT_MESSAGE_MAX_LENGTH, blank=True)
    gift_hide_prices = models.BooleanField(_("hide prices on the packing slip"), default=False)
    subtotal = models.DecimalField(_("subtotal"), max_digits=12, decimal_places=2)
    delivery_fee = models.DecimalField(_("delivery fee"), max_digits=10, decimal_places=2, default=Decimal("0"))
    total = models.DecimalField(_("total"), max_digits=12, decimal_places=2)
    currency = CurrencyField()
    status = models.CharField(
        _("status"), max_length=20, choices=OrderStatus.choices, default=OrderStatus.PENDING_PAYMENT, db_index=True
    )
    # Bumped before every Checkout Session request so each request has its own idempotency key.
    checkout_attempt = models.PositiveSmallIntegerField(default=0, editable=False)
    stripe_checkout_session_id = models.CharField(max_length=255, blank=True, db_index=True)
    stripe_checkout_url = models.URLField(max_length=2000, blank=True, editable=False)
    # When the current session (and so the stock it holds) expires at Stripe: the product page tells other
    # buyers when to check back.
    checkout_expires_at = models.DateTimeField(null=True, blank=True, editable=False)
    stripe_payment_intent_id = models.CharField(max_length=255, blank=True, db_index=True)
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)
    confirmation_email_sent_at = models.DateTimeField(null=True, blank=True)
    # Set when something needs a person: paid after expiry without stock left, amount mismatch, double payment.
    needs_attention = models.BooleanField(_("needs attention"), default=False, db_index=True)
    staff_note = models.TextField(_("staff note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("order")
        verbose_name_plural = _("orders")
        permissions = [("refund_order", _("Can refund orders"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(subtotal__gte=0, delivery_fee__gte=0), name="order_amounts_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return self.number

    def get_absolute_url(self) -> str:
        return reverse("shop:order_status", kwargs={"token": self.access_token})

    @property
    def is_paid(self) -> bool:
        return self.paid_at is not None


class LineFulfilment(models.TextChoices):
    """How far the centre that made a line has got with it; the buyer sees it per line."""

    WAITING = "waiting", _("Being prepared")
    PACKED = "packed", _("Packed")
    READY_FOR_PICKUP = "ready_for_pickup", _("Ready for pickup")
    SHIPPED = "shipped", _("Shipped")


class OrderLine(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    product = models.ForeignKey("shop.Product", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    title = models.CharField(_("title"), max_length=140)
    unit_price = models.DecimalField(_("unit price"), max_digits=10, decimal_places=2)
    quantity = models.PositiveIntegerField(_("quantity"))
    line_total = models.DecimalField(_("line total"), max_digits=12, decimal_places=2)
    currency = CurrencyField()
    made_to_order = models.BooleanField(default=False)
    centre = models.ForeignKey("beneficiaries.Centre", on_delete=models.PROTECT, related_name="+")
    centre_commission_percent = models.DecimalField(max_digits=5, decimal_places=2)
    centre_amount = models.DecimalField(_("centre's part"), max_digits=12, decimal_places=2)
    quantity_refunded = models.PositiveIntegerField(_("quantity refunded"), default=0)
    # Paid after its reservation had been released and no stock was left to take again: staff must act.
    oversold = models.BooleanField(default=False)
    fulfilment = models.CharField(
        _("fulfilment"), max_length=20, choices=LineFulfilment.choices, default=LineFulfilment.WAITING
    )
    tracking_note = models.CharField(_("tracking note"), max_length=255, blank=True)
    fulfilment_updated_at = models.DateTimeField(null=True, blank=True)
    # Set when the buyer was told this line is on its way, so they are told once.
    on_the_way_email_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("order line")
        verbose_name_plural = _("order lines")
        constraints = [
            models.CheckConstraint(condition=models.Q(quantity__gt=0), name="order_line_quantity_positive"),
            models.CheckConstraint(
                condition=models.Q(quantity_refunded__lte=models.F("quantity")),
                name="order_line_refund_within_quantity",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.title}"

    @property
    def quantity_refundable(self) -> int:
        return self.quantity - self.quantity_refunded


class OrderLineMaker(models.Model):
    """One maker's part of a line's makers' share (line total minus the centre's commission)."""

    line = models.ForeignKey(OrderLine, on_delete=models.CASCADE, related_name="makers")
    maker = models.ForeignKey("beneficiaries.Maker", on_delete=models.PROTECT, related_name="+")
    share_percent = models.DecimalField(max_digits=5, decimal_places=2)
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    currency = CurrencyField()

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["line", "maker"], name="one_part_per_line_and_maker")]

    def __str__(self) -> str:
        return f"{self.maker_id}: {self.amount} {self.currency}"


class OrderStatusChange(models.Model):
    """The audit trail: one row per status change, never edited."""

    class Source(models.TextChoices):
        BUYER = "buyer", _("Buyer")
        REDIRECT = "redirect", _("Return from Stripe")
        WEBHOOK = "webhook", _("Stripe webhook")
        RECONCILE = "reconcile", _("Reconciliation")
        STAFF = "staff", _("Staff")
        SYSTEM = "system", _("System")

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=20, choices=OrderStatus.choices)
    to_status = models.CharField(max_length=20, choices=OrderStatus.choices)
    source = models.CharField(max_length=12, choices=Source.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    note = models.CharField(max_length=500, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self) -> str:
        return f"{self.order_id}: {self.from_status} → {self.to_status}"


class OrderEmail(models.Model):
    """One row per e-mail sent about an order (status change, payment failed, lines on the way).

    The unique (order, kind) claim is what keeps an e-mail job that is retried or delivered twice from sending
    twice; the confirmation keeps its own claim on `Order.confirmation_email_sent_at`, which reconciliation reads.
    """

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="emails")
    kind = models.CharField(max_length=60)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["sent_at", "id"]
        constraints = [models.UniqueConstraint(fields=["order", "kind"], name="one_email_per_order_and_kind")]

    def __str__(self) -> str:
        return f"{self.order_id}: {self.kind}"


class StockReservation(models.Model):
    class State(models.TextChoices):
        RESERVED = "reserved", _("Reserved")
        RELEASED = "released", _("Released")
        CONSUMED = "consumed", _("Consumed")

    line = models.ForeignKey(OrderLine, on_delete=models.CASCADE, related_name="reservations")
    product = models.ForeignKey("shop.Product", on_delete=models.CASCADE, related_name="reservations")
    quantity = models.PositiveIntegerField()
    state = models.CharField(max_length=10, choices=State.choices, default=State.RESERVED, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["product_id", "id"]
        constraints = [
            # A line holds at most one live reservation: re-reserving after a release makes a new row only then.
            models.UniqueConstraint(
                fields=["line"], condition=models.Q(state="reserved"), name="one_live_reservation_per_line"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × product {self.product_id} ({self.state})"


class StripeEvent(models.Model):
    """One row per Stripe event id: the unique constraint is what makes a redelivered event a no-op."""

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=100)
    object_id = models.CharField(max_length=255, blank=True)
    order = models.ForeignKey("shop.Order", null=True, blank=True, on_delete=models.SET_NULL, related_name="events")
    stripe_created_at = models.DateTimeField(null=True, blank=True)
    received_at = models.DateTimeField(auto_now_add=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = _("Stripe event")
        verbose_name_plural = _("Stripe events")

    def __str__(self) -> str:
        return f"{self.event_id} {self.type}"


class Refund(models.Model):
    class Status(models.TextChoices):
        # Created here; the request to Stripe may not have reached it yet (outage): resend with the same key.
        PENDING = "pending", _("Pending")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed")

    order = models.ForeignKey("shop.Order", on_delete=models.PROTECT, related_name="refunds")
    # Counts the order's refunds from 1; part of the idempotency key, so it never changes.
    sequence = models.PositiveSmallIntegerField()
    idempotency_key = models.CharField(max_length=255, unique=True)
    stripe_refund_id = models.CharField(max_length=255, unique=True, null=True, blank=True)
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    currency = CurrencyField()
    includes_delivery = models.BooleanField(default=False)
    # A refund made in Stripe's dashboard, learnt from `charge.refunded`; it has no lines.
    external = models.BooleanField(default=False)
    # Made by the shop itself: the payment arrived after the hold was released and the piece had been sold to
    # someone else. The buyer gets their own e-mail about it instead of the generic status e-mail.
    sold_elsewhere = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    reason = models.CharField(_("reason"), max_length=255, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    succeeded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["order_id", "sequence"]
        verbose_name = _("refund")
        verbose_name_plural = _("refunds")
        constraints = [
            models.UniqueConstraint(fields=["order", "sequence"], name="refund_sequence_unique_per_order"),
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="refund_amount_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.order_id} refund {self.sequence}: {self.amount} {self.currency} ({self.status})"


class RefundLine(models.Model):
    refund = models.ForeignKey(Refund, on_delete=models.CASCADE, related_name="lines")
    line = models.ForeignKey("shop.OrderLine", on_delete=models.PROTECT, related_name="refund_lines")
    quantity = models.PositiveIntegerField()
    amount = models.DecimalField(max_digits=12, decimal_places=2)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["refund", "line"], name="one_refund_line_per_order_line"),
            models.CheckConstraint(condition=models.Q(quantity__gt=0), name="refund_line_quantity_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × line {self.line_id}"
