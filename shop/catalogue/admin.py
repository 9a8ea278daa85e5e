"""Wagtail admin for the catalogue: products (with photos and makers' shares) and crafts as snippets.

Instructors and centre leads see only their centre's products (`beneficiaries.admin_scoping`); editors see all.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    MultipleChooserPanel,
    ObjectList,
)
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from beneficiaries.admin_scoping import CentreScopedViewSetMixin

from .forms import ProductAdminForm
from .models import Craft, Product
from .translation_panels import MissingTranslationsColumn, MissingTranslationsPanel


def Field(name, **kwargs):  # noqa: N802 - reads as the panel it builds
    """A field panel whose required fields stay required when a draft is saved: a draft goes to review, and
    the database refuses a product without a price or a photo without alt text anyway."""
    return FieldPanel(name, required_on_save=True, **kwargs)


ALT_TEXT_HINT = _(
    "Required. Say what a buyer who cannot see the photo needs: what the item is, its colour, pattern, "
    'material and size, e.g. "Round blue clay bowl with a white wave pattern, about 15 cm wide". '
    'Do not start with "photo of"; name a maker only if they agreed to be shown.'
)


class ProductViewSet(CentreScopedViewSetMixin, SnippetViewSet):
    model = Product
    icon = "tag"
    menu_label = _("Products")
    list_display = ["title", "centre", "craft", "price", "stock", "status", MissingTranslationsColumn()]
    # Review: instructors save drafts and submit them to the "Product review" workflow (a migration sets it up);
    # a centre lead or an editor approves, which publishes the revision.
    list_filter = ["status", "centre", "craft", "made_to_order"]
    search_fields = ["title", "slug", "materials"]
    search_backend_name = None  # plain ORM search: products are not in Wagtail's search index
    ordering = ["-created_at"]

    def get_queryset(self, request):
        # The "Missing translations" column reads every listed product's translations: one query, not one each.
        return super().get_queryset(request).prefetch_related("translations__locale")

    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    Field("title", help_text=_("In Azerbaijani. Russian and English go under Translations.")),
                    Field("description", help_text=_("In Azerbaijani: what it is, how it was made.")),
                    Field("slug"),
                    Field("craft"),
                    Field("centre"),
                ],
                heading=_("Listing"),
            ),
            MultiFieldPanel(
                [Field("materials"), Field("dimensions"), Field("care")],
                heading=_("Details"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([Field("price"), Field("currency")]),
                    FieldRowPanel([Field("stock"), Field("made_to_order"), Field("lead_time_days")]),
                ],
                heading=_("Price and availability"),
            ),
            MultipleChooserPanel(
                "photos",
                chooser_field_name="image",
                label=_("Photo"),
                heading=_("Photos (choose or upload several at once; drag to reorder)"),
                panels=[
                    Field("image"),
                    Field("alt_text", help_text=ALT_TEXT_HINT),
                    FieldPanel("alt_text_ru", help_text=_("The same description in Russian; optional.")),
                    FieldPanel("alt_text_en", help_text=_("The same description in English; optional.")),
                    Field("shows_maker"),
                ],
            ),
            InlinePanel(
                "maker_shares",
                label=_("Maker share"),
                heading=_("Who made it (shares add up to 100 %; one maker gets 100 %)"),
                min_num=1,
                panels=[Field("maker"), Field("share_percent")],
            ),
            MultiFieldPanel(
                [MissingTranslationsPanel()],
                heading=_("Missing translations"),
            ),
            InlinePanel(
                "translations",
                label=_("Translation"),
                heading=_("Translations (Russian and English; one each)"),
                max_num=2,
                panels=[
                    Field("locale"),
                    Field("title"),
                    Field("description"),
                    Field("materials"),
                    Field("care"),
                ],
            ),
        ],
        base_form_class=ProductAdminForm,
    )


class CraftViewSet(SnippetViewSet):
    model = Craft
    icon = "folder-open-inverse"
    menu_label = _("Crafts")
    list_display = ["name", "name_ru", "name_en", "slug", "sort_order"]
    ordering = ["sort_order", "name"]
    panels = [
        FieldPanel("name", help_text=_("In Azerbaijani.")),
        FieldRowPanel([FieldPanel("name_ru"), FieldPanel("name_en")]),
        FieldPanel("slug"),
        FieldPanel("sort_order"),
    ]


class CatalogueViewSetGroup(SnippetViewSetGroup):
    items = (ProductViewSet, CraftViewSet)
    menu_icon = "tag"
    menu_label = _("Catalogue")
    menu_name = "catalogue"
    menu_order = 200


register_snippet(CatalogueViewSetGroup)
