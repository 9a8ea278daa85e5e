"""The centres' own pages: an "Our centres" index and one `CentrePage` per centre and language.

A centre page presents what the centre teaches, where it is and when it is open, the makers who agreed to be
named, and the centre's work on sale. The page is per language, so the address and hours are written there in
that language; the `Centre` row (beneficiaries) stays the one source of the centre's name and its products.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from beneficiaries.selectors import public_makers
from shop.catalogue.selectors import centre_crafts, centre_products

from .blocks import PROSE_FEATURES, OpeningHoursBlock

# A centre page shows its newest pieces; the rest are one click away in the catalogue, filtered by the centre.
CENTRE_PAGE_PRODUCTS = 8


def openstreetmap_url(latitude, longitude) -> str:
    """A link to OpenStreetMap with a marker: a link, never an embedded map (no third party loads on our page)."""
    return f"https://www.openstreetmap.org/?mlat={latitude}&mlon={longitude}#map=17/{latitude}/{longitude}"


class CentreIndexPage(Page):
    intro = RichTextField(_("introduction"), blank=True, features=PROSE_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.CentrePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("centres index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["centre_pages"] = (
            CentrePage.objects.child_of(self).live().public().select_related("centre").order_by("centre__name")
        )
        return context


class CentrePage(Page):
    """One centre in one language. Makers appear only with their name consent; products only while for sale."""

    centre = models.ForeignKey(
        "beneficiaries.Centre",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("centre"),
        help_text=_("Its makers and products are listed on the page."),
    )
    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    teaches = RichTextField(_("what the centre teaches"), features=PROSE_FEATURES)
    address = models.TextField(_("address"), max_length=300, help_text=_("As a visitor writes it, in this language."))
    phone = models.CharField(_("phone"), max_length=32, blank=True, help_text=_("With the country code: +994 …"))
    email = models.EmailField(_("e-mail"), blank=True)
    opening_hours = StreamField(
        [("hours", OpeningHoursBlock())], verbose_name=_("opening hours"), blank=True, max_num=14
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("For the OpenStreetMap link, e.g. 40.379571."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("For the OpenStreetMap link, e.g. 49.853475."),
    )
    map_url = models.URLField(
        _("map link"),
        blank=True,
        help_text=_("Only if the map should open somewhere else than OpenStreetMap at the coordinates above."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("photo"),
    )
    image_alt = models.CharField(
        _("photo alt text"),
        max_length=200,
        blank=True,
        help_text=_("What the photo shows, for people who cannot see it."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("centre"),
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Photo")),
        FieldPanel("teaches"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldPanel("opening_hours"),
            ],
            heading=_("Visiting"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]), FieldPanel("map_url")],
            heading=_("Map"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("teaches")]
    parent_page_types = ["cms.CentreIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("centre page")
        verbose_name_plural = _("centre pages")

    def clean(self):
        super().clean()
        errors = {}
        taken = CentrePage.objects.filter(locale_id=self.locale_id, centre_id=self.centre_id).exclude(pk=self.pk)
        if self.centre_id and taken.exists():
            message = _("This language already has a page for the centre “%(centre)s”.")
            errors["centre"] = message % {"centre": self.centre}
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude" if self.longitude is None else "latitude"] = _(
                "Give both latitude and longitude, or neither."
            )
        if self.image_id and not self.image_alt.strip():
            errors["image_alt"] = _("Describe the photo for people who cannot see it.")
        if errors:
            raise ValidationError(errors)

    @property
    def map_link(self) -> dict[str, str] | None:
        """{"url", "host"} of the map, so the link can say where it goes; None without a place."""
        if self.map_url:
            return {"url": self.map_url, "host": urlsplit(self.map_url).hostname or self.map_url}
        if self.latitude is not None and self.longitude is not None:
            return {"url": openstreetmap_url(self.latitude, self.longitude), "host": "openstreetmap.org"}
        return None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        products = centre_products(self.centre, language=get_language())
        context["products"] = products[:CENTRE_PAGE_PRODUCTS]
        context["product_count"] = products.count()
        context["crafts"] = centre_crafts(self.centre)
        context["makers"] = (
            public_makers()
            .select_related(None)
            .filter(centre=self.centre)
            .order_by("public_display_name")
            .only("public_display_name", "slug")
        )
        return context
