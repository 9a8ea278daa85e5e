"""What Stripe told us (events, stored once) and what we asked Stripe to give back (refunds)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from beneficiaries.money import CurrencyField


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
