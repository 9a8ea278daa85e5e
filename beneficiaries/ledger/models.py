"""The makers' ledger: append-only money entries per maker, and the payouts finance records.

A maker's balance is never stored: it is the sum of their entries (see `beneficiaries.ledger.selectors`).
Entries are never edited or deleted; a correction is a new entry. The model refuses updates and deletes, the
queryset refuses bulk ones, and on PostgreSQL a trigger (migration 0003) refuses them in the database too.
Writes go through `beneficiaries.ledger.services` only.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..file_storage import private_storage
from ..money import CurrencyField


class AppendOnlyError(Exception):
    """Raised on an attempt to change or delete a ledger entry."""


class LedgerEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("ledger entries are append-only: post a correcting entry instead of an update")

    def delete(self):
        raise AppendOnlyError("ledger entries are append-only: post a correcting entry instead of a delete")


class LedgerEntry(models.Model):
    class Kind(models.TextChoices):
        SALE_CREDIT = "sale_credit", _("Sale")
        REFUND_DEBIT = "refund_debit", _("Refund")
        PAYOUT = "payout", _("Payout")
        PAYOUT_REVERSAL = "payout_reversal", _("Payout reversed")
        ADJUSTMENT = "adjustment", _("Adjustment")

    maker = models.ForeignKey("beneficiaries.Maker", on_delete=models.PROTECT, related_name="ledger_entries")
    # The maker's centre when the entry was posted: a maker who moves keeps their history where it happened.
    centre = models.ForeignKey("beneficiaries.Centre", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # Signed: credits are positive, debits negative, so a balance is a plain sum.
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    currency = CurrencyField()
    # Units of the order line this entry covers (sale credits and refund debits only).
    quantity = models.PositiveIntegerField(_("quantity"), null=True, blank=True)
    order_line = models.ForeignKey("shop.OrderLine", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    refund_line = models.ForeignKey(
        "shop.RefundLine", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    payout = models.ForeignKey(
        "beneficiaries.Payout", null=True, blank=True, on_delete=models.PROTECT, related_name="entries"
    )
    reason = models.TextField(_("reason"), blank=True)
    # PROTECT, not SET_NULL: nulling the column would be an UPDATE, which the ledger refuses.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("date"), default=timezone.now, db_index=True)

    objects = LedgerEntryQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")
        default_permissions = ()
        permissions = [
            ("view_ledger", _("Can see makers' money")),
            ("record_payout", _("Can record payouts")),
            ("approve_payout", _("Can approve and reverse payouts")),
        ]
        indexes = [models.Index(fields=["maker", "created_at"], name="ledger_maker_created_idx")]
        constraints = [
            # The last line of defence against a replayed webhook or a re-run reconciliation posting twice.
            models.UniqueConstraint(
                fields=["order_line", "maker"], condition=models.Q(kind="sale_credit"), name="ledger_one_sale_credit"
            ),
            models.UniqueConstraint(
                fields=["refund_line", "maker"],
                condition=models.Q(kind="refund_debit"),
                name="ledger_one_refund_debit",
            ),
            models.UniqueConstraint(fields=["payout"], condition=models.Q(kind="payout"), name="ledger_one_payout"),
            models.UniqueConstraint(
                fields=["payout"], condition=models.Q(kind="payout_reversal"), name="ledger_one_payout_reversal"
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(kind="sale_credit", amount__gt=0, order_line__isnull=False)
                    | models.Q(kind="refund_debit", amount__lte=0, refund_line__isnull=False, order_line__isnull=False)
                    | models.Q(kind="payout", amount__lt=0, payout__isnull=False)
                    | models.Q(kind="payout_reversal", amount__gt=0, payout__isnull=False)
                    | (
                        models.Q(kind="adjustment", created_by__isnull=False)
                        & ~models.Q(amount=0)
                        & ~models.Q(reason="")
                    )
                ),
                name="ledger_entry_sign_and_source_match_kind",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.amount} {self.currency} ({self.maker_id})"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("ledger entries are append-only: post a correcting entry instead")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("ledger entries are append-only: they are never deleted")


class Payout(models.Model):
    """Money the centre handed to a maker or their guardian, recorded by finance (Stripe cannot pay out here)."""

    class PayeeKind(models.TextChoices):
        MAKER = "maker", _("The maker")
        GUARDIAN = "guardian", _("Guardian")

    class Method(models.TextChoices):
        CASH = "cash", _("Cash (receipt number)")
        BANK_TRANSFER = "bank_transfer", _("Bank transfer (reference)")

    class Status(models.TextChoices):
        PENDING_APPROVAL = "pending_approval", _("Waiting for a second approval")
        PAID = "paid", _("Paid")
        REVERSED = "reversed", _("Reversed")

    maker = models.ForeignKey("beneficiaries.Maker", on_delete=models.PROTECT, related_name="payouts")
    payee_kind = models.CharField(_("paid to"), max_length=10, choices=PayeeKind.choices, default=PayeeKind.MAKER)
    payee_name = models.CharField(_("payee's name"), max_length=120)
    method = models.CharField(_("method"), max_length=16, choices=Method.choices)
    reference = models.CharField(_("receipt number or bank reference"), max_length=120)
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    currency = CurrencyField()
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, db_index=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    reversed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reversed_at = models.DateTimeField(_("reversed at"), null=True, blank=True)
    reversal_reason = models.TextField(_("reason for the reversal"), blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("payout")
        verbose_name_plural = _("payouts")
        default_permissions = ()
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="payout_amount_positive"),
            models.CheckConstraint(condition=~models.Q(payee_name=""), name="payout_names_the_payee"),
            models.CheckConstraint(
                condition=models.Q(method__in=["cash", "bank_transfer"]) & ~models.Q(reference=""),
                name="payout_has_receipt_or_reference",
            ),
            # Four eyes: whoever recorded a payout cannot be the one who approves it.
            models.CheckConstraint(
                condition=models.Q(approved_by__isnull=True) | ~models.Q(approved_by=models.F("created_by")),
                name="payout_approver_is_not_creator",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="reversed")
                | (models.Q(reversed_by__isnull=False) & ~models.Q(reversal_reason="")),
                name="payout_reversal_has_reason_and_user",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.amount} {self.currency} → {self.payee_name} ({self.get_status_display()})"


class PayoutAuditEvent(models.Model):
    """The audit trail of a payout: who recorded, approved, reversed it (or was refused), and when."""

    class Action(models.TextChoices):
        RECORDED = "recorded", _("Recorded")
        PAID = "paid", _("Paid out")
        APPROVED = "approved", _("Approved")
        REVERSED = "reversed", _("Reversed")

    payout = models.ForeignKey(Payout, on_delete=models.PROTECT, related_name="audit_events")
    action = models.CharField(_("action"), max_length=12, choices=Action.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    note = models.TextField(_("note"), blank=True)
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("payout audit event")
        verbose_name_plural = _("payout audit events")
        default_permissions = ()

    def __str__(self) -> str:
        return f"{self.payout_id}: {self.action} by {self.actor_id}"


class PayoutReceipt(models.Model):
    """A scanned cash receipt or bank confirmation of a payout, on the private storage (see `private_files`).

    Its own row rather than a field on Payout: a payout is recorded before its receipt is scanned, and a
    payout row is not edited afterwards. Receipts are added, never changed or removed.
    """

    payout = models.ForeignKey(Payout, on_delete=models.PROTECT, related_name="receipts")
    file = models.FileField(_("receipt"), storage=private_storage, upload_to="payout-receipts/", max_length=200)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("payout receipt")
        verbose_name_plural = _("payout receipts")
        default_permissions = ()

    def __str__(self) -> str:
        return f"{self.payout_id}: receipt {self.pk}"
