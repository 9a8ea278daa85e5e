"""Wagtail pages: presentation only. Data comes from shop and beneficiaries selectors."""

from django.db import models
from django.db.models import OuterRef
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from beneficiaries.models import ConsentRecord
from beneficiaries.selectors import active_consent_exists, centres, maker_has_consent
from shop.catalogue.selectors import crafts_with_products, featured_products
from shop.orders.selectors import impact_figures


class HomePage(Page):
    hero_title = models.CharField(_("hero title"), max_length=120)
    hero_text = models.TextField(_("hero text"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_image_alt = models.CharField(_("hero image alt text"), max_length=200, blank=True)
    body = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("hero_title"),
        FieldPanel("hero_text"),
        FieldPanel("hero_image"),
        FieldPanel("hero_image_alt"),
        FieldPanel("body"),
    ]
    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured_products"] = featured_products(limit=8)
        context["crafts"] = crafts_with_products()
        context["centres"] = centres()
        context["stories"] = MakerStoryPage.objects.live().public().filter(locale=self.locale).story_consented()[:3]
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


class MakerStoryIndexPage(Page):
    intro = RichTextField(_("introduction"), blank=True)
    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.MakerStoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("maker stories index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stories"] = (
            MakerStoryPage.objects.child_of(self).live().public().story_consented().order_by("-first_published_at")
        )
        return context


class MakerStoryQuerySet(PageQuerySet):
    def story_consented(self):
        return self.filter(active_consent_exists(ConsentRecord.Scope.STORY, maker_ref=OuterRef("maker_id")))


class MakerStoryPage(Page):
    """A maker's story; served only while the maker's story consent is active."""

    maker = models.ForeignKey("beneficiaries.Maker", on_delete=models.PROTECT, related_name="stories")
    summary = models.CharField(_("summary"), max_length=250)
    body = RichTextField(_("story"))
    image = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    image_alt = models.CharField(_("image alt text"), max_length=200, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("maker"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("image"),
        FieldPanel("image_alt"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["cms.MakerStoryIndexPage"]
    subpage_types: list[str] = []

    objects = PageManager.from_queryset(MakerStoryQuerySet)()

    class Meta:
        verbose_name = _("maker story")
        verbose_name_plural = _("maker stories")

    def serve(self, request, *args, **kwargs):
        if not maker_has_consent(self.maker, ConsentRecord.Scope.STORY):
            raise Http404
        return super().serve(request, *args, **kwargs)
