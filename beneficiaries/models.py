"""Centres, makers and their publication consent.

Makers are people in vulnerable situations: there is deliberately no field for a diagnosis, a disability
category or any health detail, and nothing about a maker is public without an active consent record.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model_string

from .file_storage import private_storage
from .money import CurrencyField


class Centre(models.Model):
    # The base fields are Azerbaijani (the default language); `*_ru`/`*_en` are optional, and a blank one falls
    # back to Azerbaijani on the page (`beneficiaries.i18n.localized`).
    name = models.CharField(_("name"), max_length=120)
    name_ru = models.CharField(_("name in Russian"), max_length=120, blank=True)
    name_en = models.CharField(_("name in English"), max_length=120, blank=True)
    slug = models.SlugField(_("slug"), unique=True)
    city = models.CharField(_("city"), max_length=80)
    city_ru = models.CharField(_("city in Russian"), max_length=80, blank=True)
    city_en = models.CharField(_("city in English"), max_length=80, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    commission_percent = models.DecimalField(
        _("commission kept by the centre, %"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("20.00"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
    )
    courier_fee = models.DecimalField(
        _("courier delivery fee"), max_digits=10, decimal_places=2, default=Decimal("5.00")
    )
    currency = CurrencyField()

    class Meta:
        ordering = ["name"]
        verbose_name = _("centre")
        verbose_name_plural = _("centres")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(commission_percent__gte=0, commission_percent__lte=100),
                name="centre_commission_between_0_and_100",
            )
        ]

    def __str__(self) -> str:
        return self.name


class CentreMembership(models.Model):
    """Which centre an instructor or centre lead works for; admin access is scoped by it."""

    class Role(models.TextChoices):
        INSTRUCTOR = "instructor", _("Instructor")
        LEAD = "lead", _("Centre lead")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="centre_memberships")
    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.INSTRUCTOR)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "centre"], name="one_membership_per_user_and_centre")]

    def __str__(self) -> str:
        return f"{self.user} @ {self.centre} ({self.get_role_display()})"


class Maker(models.Model):
    """A beneficiary who makes items. Only the public display name (may be a pseudonym) is ever shown."""

    public_display_name = models.CharField(
        _("public display name"), max_length=80, help_text=_("May be a pseudonym. Shown only with name consent.")
    )
    # The slug is part of public URLs, so it must never be built from a real name without consent.
    slug = models.SlugField(_("slug"), unique=True)
    public_bio = models.TextField(_("public bio"), blank=True, max_length=2000)
    public_bio_ru = models.TextField(_("public bio in Russian"), blank=True, max_length=2000)
    public_bio_en = models.TextField(_("public bio in English"), blank=True, max_length=2000)
    centre = models.ForeignKey(Centre, on_delete=models.PROTECT, related_name="makers")
    photo = models.ForeignKey(
        get_image_model_string(), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_active = models.BooleanField(_("active"), default=True)
    # Statements and the yearly earnings summary are printed in this language.
    language = models.CharField(_("language for statements"), max_length=8, choices=settings.LANGUAGES, default="az")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["public_display_name"]
        verbose_name = _("maker")
        verbose_name_plural = _("makers")

    def __str__(self) -> str:
        return self.public_display_name


class ConsentRecord(models.Model):
    """A recorded consent to publish one kind of personal data; withdrawing sets `withdrawn_at`."""

    class Scope(models.TextChoices):
        NAME = "name", _("Display name and profile")
        # Makers are known by a display name (often a pseudonym); a story may give the real name only with this.
        REAL_NAME = "real_name", _("Real name in a story")
        PHOTO = "photo", _("Photo")
        STORY = "story", _("Story")

    class GivenBy(models.TextChoices):
        MAKER = "maker", _("The maker")
        GUARDIAN = "guardian", _("Guardian")

    maker = models.ForeignKey(Maker, on_delete=models.CASCADE, related_name="consents")
    scope = models.CharField(max_length=10, choices=Scope.choices)
    given_by = models.CharField(max_length=10, choices=GivenBy.choices, default=GivenBy.MAKER)
    guardian_name = models.CharField(_("guardian's name"), max_length=120, blank=True)
    given_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    # The signed paper form, scanned: on the private storage only, opened through a short-lived link.
    scan = models.FileField(
        _("signed consent form (scan)"), storage=private_storage, upload_to="consent-scans/", blank=True, max_length=200
    )

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        constraints = [
            models.UniqueConstraint(
                fields=["maker", "scope"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="one_active_consent_per_maker_and_scope",
            ),
            models.CheckConstraint(
                condition=~models.Q(given_by="guardian") | ~models.Q(guardian_name=""),
                name="guardian_consent_names_the_guardian",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.maker} – {self.get_scope_display()}"


# The ledger lives in its own module to keep this one small; importing it here registers its models.
from .ledger.models import AppendOnlyError, LedgerEntry, Payout, PayoutAuditEvent, PayoutReceipt  # noqa: E402, F401
