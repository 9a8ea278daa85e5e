"""Wagtail pages: presentation only. Data comes from shop and beneficiaries selectors."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from beneficiaries.selectors import centres
from shop.catalogue.selectors import crafts_with_products
from shop.orders.selectors import impact_figures

from .blocks import InformationStreamBlock
from .home_curation import home_products, home_stories


class HomePage(Page):
    hero_title = models.CharField(_("hero title"), max_length=120)
    hero_text = models.TextField(_("hero text"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_image_alt = models.CharField(_("hero image alt text"), max_length=200, blank=True)
    # Without a chosen page the hero's button leads to the whole catalogue, which is never a dead end.
    hero_link_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero link"),
        help_text=_("Leave empty to link to all handmade work."),
    )
    hero_link_text = models.CharField(
        _("hero link text"), max_length=60, blank=True, help_text=_("Says where the link goes, e.g. “Our carpets”.")
    )
    body = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt"),
                FieldPanel("hero_link_page"),
                FieldPanel("hero_link_text"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("body"),
        InlinePanel(
            "featured_product_choices",
            label=_("Featured product"),
            heading=_("Featured products (in this order; when none is chosen, the newest are shown)"),
            max_num=8,
        ),
        InlinePanel(
            "featured_story_choices",
            label=_("Featured story"),
            heading=_("Featured stories (in this order; when none is chosen, the newest are shown)"),
            max_num=3,
        ),
    ]
    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured_products"] = home_products(self, language=get_language())
        context["crafts"] = crafts_with_products()
        context["centres"] = centres()
        context["stories"] = home_stories(self)
        return context


class ImpactPage(Page):
    """What the shop has brought the makers: totals per centre, craft and month, never one maker's income.

    The figures are aggregates from the makers' ledger (groups of fewer than three makers fold into "other"),
    cached until money moves.
    """

    intro = RichTextField(_("introduction"), blank=True)
    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("impact page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["impact"] = impact_figures()
        return context


class InformationPage(Page):
    """About the centre, contact, delivery and returns, privacy, terms: prose an editor keeps true.

    `purpose` is how the footer and checkout find the page in the buyer's language, so each purpose has at
    most one page per language.
    """

    class Purpose(models.TextChoices):
        ABOUT = "about", _("About the centre")
        CONTACT = "contact", _("Contact")
        DELIVERY = "delivery", _("Delivery and returns")
        PRIVACY = "privacy", _("Privacy")
        TERMS = "terms", _("Terms of sale")

    purpose = models.CharField(
        _("purpose"),
        max_length=20,
        choices=Purpose.choices,
        help_text=_("The footer links one page of each purpose; checkout links delivery, privacy and terms."),
    )
    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(InformationStreamBlock(), verbose_name=_("content"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("purpose"), FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("information page")
        verbose_name_plural = _("information pages")

    def clean(self):
        super().clean()
        taken = InformationPage.objects.filter(locale_id=self.locale_id, purpose=self.purpose).exclude(pk=self.pk)
        if self.purpose and taken.exists():
            message = _("This language already has a page for “%(purpose)s”.")
            raise ValidationError({"purpose": message % {"purpose": self.get_purpose_display()}})


# Kept in their own modules so this one stays small; importing them here registers their models with Django.
from .centre_pages import CentreIndexPage, CentrePage  # noqa: E402, F401
from .home_curation import HomeFeaturedProduct, HomeFeaturedStory  # noqa: E402, F401
from .story_models import MakerStoryIndexPage, MakerStoryMaker, MakerStoryPage  # noqa: E402, F401
