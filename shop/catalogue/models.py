"""The catalogue: crafts, products, their photos and who made them in what shares."""

from decimal import Decimal

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.images import get_image_model_string
from wagtail.models import (
    DraftStateMixin,
    GroupApprovalTask,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)

from beneficiaries.admin_scoping import in_scope, user_centre_ids
from beneficiaries.money import CurrencyField


class Craft(models.Model):
    # `name` is Azerbaijani; a blank Russian or English name falls back to it (`beneficiaries.i18n.localized`).
    name = models.CharField(_("name"), max_length=80)
    name_ru = models.CharField(_("name in Russian"), max_length=80, blank=True)
    name_en = models.CharField(_("name in English"), max_length=80, blank=True)
    slug = models.SlugField(_("slug"), unique=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("craft")
        verbose_name_plural = _("crafts")

    def __str__(self) -> str:
        return self.name


class ProductStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


class Product(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, PreviewableMixin, ClusterableModel):
    """A listing. Edits are revisions; only a revision approved in the "Product review" workflow goes live.

    `status` mirrors the live state for the storefront's filters and indexes: PUBLISHED exactly while a
    revision is live (kept in step by `services.product_status_sync` on publish and unpublish).
    """

    title = models.CharField(_("title"), max_length=140)
    slug = models.SlugField(_("slug"), unique=True, max_length=160)
    description = models.TextField(_("description"), blank=True)
    materials = models.CharField(_("materials"), max_length=255, blank=True)
    dimensions = models.CharField(_("dimensions"), max_length=120, blank=True)
    care = models.CharField(_("care notes"), max_length=255, blank=True)
    price = models.DecimalField(
        _("price"), max_digits=10, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
    currency = CurrencyField()
    # Units on hand that nobody has reserved yet; checkout moves units into reservations atomically.
    stock = models.PositiveIntegerField(_("units in stock"), default=0)
    made_to_order = models.BooleanField(_("made to order"), default=False)
    lead_time_days = models.PositiveSmallIntegerField(_("lead time, days"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=ProductStatus.choices, default=ProductStatus.DRAFT)
    centre = models.ForeignKey("beneficiaries.Centre", on_delete=models.PROTECT, related_name="products")
    craft = models.ForeignKey(Craft, on_delete=models.PROTECT, related_name="products")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("product")
        verbose_name_plural = _("products")
        indexes = [
            models.Index(fields=["status", "-created_at"], name="product_status_newest"),
            models.Index(fields=["status", "price"], name="product_status_price"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(price__gt=0), name="product_price_positive"),
            models.CheckConstraint(
                condition=models.Q(made_to_order=False) | models.Q(lead_time_days__isnull=False),
                name="made_to_order_has_lead_time",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("shop:product_detail", kwargs={"slug": self.slug})

    def get_preview_template(self, request, mode_name):
        return "shop/product_detail.html"  # the real product page, with the draft's text, price and makers

    def get_preview_context(self, request, mode_name):
        from .views import product_preview_context

        return {**super().get_preview_context(request, mode_name), **product_preview_context(self)}

    @property
    def is_available(self) -> bool:
        return self.made_to_order or self.stock > 0

    def translation_text(self, field: str, language: str) -> str:
        """The field's text in `language` from the prefetched `active_translations` (see
        `selectors._translations_prefetch`), or "" when missing; never a query of its own."""
        for translation in getattr(self, "active_translations", ()):
            if translation.locale.language_code == language:
                return getattr(translation, field, "") or ""
        return ""


class ProductTranslation(models.Model):
    """Text of a product in another language; price, stock and makers stay on the one Product row."""

    # Part of the product's revisions, so a translation is reviewed with the rest of the listing.
    product = ParentalKey(Product, on_delete=models.CASCADE, related_name="translations")
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("title"), max_length=140)
    description = models.TextField(_("description"), blank=True)
    materials = models.CharField(_("materials"), max_length=255, blank=True)
    care = models.CharField(_("care notes"), max_length=255, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["product", "locale"], name="one_translation_per_locale")]

    def __str__(self) -> str:
        return self.title


class ProductSearchDocument(models.Model):
    """What search reads for one product, whatever its state: its folded words in every language and, on
    PostgreSQL, their full-text vector. Kept up to date by `search.product_search_refresh` (see
    `search.connect_search_refresh`); `manage.py rebuild_search` rebuilds them all. Whether a product may be
    shown is still decided on Product (`public_products()`), so publishing needs no rewrite here."""

    product = models.OneToOneField(Product, on_delete=models.CASCADE, primary_key=True, related_name="search_document")
    # Unique folded words (with the Latin spelling of Cyrillic ones), space-separated: trigram matches for
    # typos on PostgreSQL, LIKE on SQLite.
    words = models.TextField(blank=True)
    # Titles weigh more than the rest; Russian and English text is also stemmed in its own language.
    vector = SearchVectorField(null=True)

    class Meta:
        verbose_name = _("product search document")
        indexes = [
            # Created on PostgreSQL only (see migration 0015); SQLite searches `words` with LIKE.
            GinIndex(fields=["vector"], name="product_search_vector"),
            GinIndex(fields=["words"], opclasses=["gin_trgm_ops"], name="product_search_words_trgm"),
        ]

    def __str__(self) -> str:
        return str(self.product_id)


# `words %> 'xalka'`: pg_trgm's word similarity, answered from the trigram index.
ProductSearchDocument._meta.get_field("words").register_lookup(TrigramWordSimilar)


class ProductPhoto(Orderable):
    product = ParentalKey(Product, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(get_image_model_string(), on_delete=models.CASCADE, related_name="+")
    alt_text = models.CharField(
        _("alt text"), max_length=200, help_text=_("Describe the item for people who cannot see the photo.")
    )
    alt_text_ru = models.CharField(_("alt text in Russian"), max_length=200, blank=True)
    alt_text_en = models.CharField(_("alt text in English"), max_length=200, blank=True)
    # A maker's face or person in the picture: published only while every maker of the product has photo consent.
    shows_maker = models.BooleanField(
        _("shows a maker"),
        default=False,
        help_text=_("Tick if a maker can be seen in the photo. It is shown only with their recorded photo consent."),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        constraints = [models.CheckConstraint(condition=~models.Q(alt_text=""), name="photo_alt_text_required")]


class ProductMaker(models.Model):
    """One maker's share of a product; a product's shares add up to exactly 100 (see services)."""

    product = ParentalKey(Product, on_delete=models.CASCADE, related_name="maker_shares")
    maker = models.ForeignKey("beneficiaries.Maker", on_delete=models.PROTECT, related_name="product_shares")
    share_percent = models.DecimalField(
        _("share, %"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("100"),  # a product by one maker: all of the makers' part is theirs
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("100"))],
    )

    class Meta:
        verbose_name = _("maker share")
        verbose_name_plural = _("maker shares")
        constraints = [
            models.UniqueConstraint(fields=["product", "maker"], name="one_share_per_product_and_maker"),
            models.CheckConstraint(
                condition=models.Q(share_percent__gt=0, share_percent__lte=100), name="share_between_0_and_100"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.maker} {self.share_percent}%"


class CentreCollection(models.Model):
    """The Wagtail collection that holds one centre's photos; instructors see only their centre's collection."""

    centre = models.OneToOneField("beneficiaries.Centre", on_delete=models.CASCADE, related_name="photo_collection")
    collection = models.OneToOneField("wagtailcore.Collection", on_delete=models.PROTECT, related_name="centre_photos")

    class Meta:
        verbose_name = _("centre photo collection")

    def __str__(self) -> str:
        return str(self.collection)


class CentreApprovalTask(GroupApprovalTask):
    """Members of the chosen groups approve, but a centre lead only for products of their own centre."""

    def _may_review(self, obj, user) -> bool:
        return not hasattr(obj, "centre_id") or in_scope(user, obj)

    def user_can_access_editor(self, obj, user):
        return self._may_review(obj, user) and super().user_can_access_editor(obj, user)

    def locked_for_user(self, obj, user):
        return not self._may_review(obj, user) or super().locked_for_user(obj, user)

    def user_can_lock(self, obj, user):
        return self._may_review(obj, user) and super().user_can_lock(obj, user)

    def get_actions(self, obj, user):
        return super().get_actions(obj, user) if self._may_review(obj, user) else []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        centres = user_centre_ids(user)
        if centres is None:
            return states
        in_centre = Product.objects.filter(centre__in=centres).annotate(key=Cast("pk", models.CharField()))
        return states.filter(workflow_state__object_id__in=in_centre.values("key"))

    class Meta:
        verbose_name = _("centre approval task")
