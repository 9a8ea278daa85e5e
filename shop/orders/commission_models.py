"""A buyer asking a centre for a custom piece like a made-to-order product. The buyer talks to the centre,
never to the maker: nothing here points at a maker, and the answer is sent in the centre's name."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

COMMISSION_MESSAGE_MAX_LENGTH = 2000


class CommissionStatus(models.TextChoices):
    NEW = "new", _("New")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


class CommissionRequest(models.Model):
    # Kept when the product is later unpublished or deleted: the title is copied so the request still reads.
    product = models.ForeignKey("shop.Product", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    product_title = models.CharField(_("product"), max_length=140)
    centre = models.ForeignKey("beneficiaries.Centre", on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    message = models.TextField(_("message"), max_length=COMMISSION_MESSAGE_MAX_LENGTH)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="az")
    status = models.CharField(
        _("status"), max_length=10, choices=CommissionStatus.choices, default=CommissionStatus.NEW, db_index=True
    )
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    # Claimed before the answer is e-mailed, so a retried job never sends it twice.
    answer_email_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("received at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("commission request")
        verbose_name_plural = _("commission requests")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(email="") | ~models.Q(phone=""), name="commission_request_has_a_contact"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.product_title}: {self.name}"
