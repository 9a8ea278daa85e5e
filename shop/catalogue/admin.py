"""Wagtail admin for the catalogue: products (with photos and makers' shares) and crafts as snippets.

Instructors and centre leads see only their centre's products (`beneficiaries.admin_scoping`); editors see all.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from beneficiaries.admin_scoping import CentreScopedViewSetMixin

from .forms import ProductAdminForm
from .models import Craft, Product


class ProductViewSet(CentreScopedViewSetMixin, SnippetViewSet):
    model = Product
    icon = "tag"
    menu_label = _("Products")
    list_display = ["title", "centre", "craft", "price", "stock", "status"]
    # Review: instructors save drafts and submit them to the "Product review" workflow (a migration sets it up);
    # a centre lead or an editor approves, which publishes the revision.
    list_filter = ["status", "centre", "craft", "made_to_order"]
    search_fields = ["title", "slug", "materials"]
    search_backend_name = None  # plain ORM search: products are not in Wagtail's search index
    ordering = ["-created_at"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("title"),
                    FieldPanel("slug"),
                    FieldPanel("craft"),
                    FieldPanel("centre"),
                ],
                heading=_("Listing"),
            ),
            MultiFieldPanel(
                [FieldPanel("description"), FieldPanel("materials"), FieldPanel("dimensions"), FieldPanel("care")],
                heading=_("Description"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("price"), FieldPanel("currency")]),
                    FieldRowPanel([FieldPanel("stock"), FieldPanel("made_to_order"), FieldPanel("lead_time_days")]),
                ],
                heading=_("Price and availability"),
            ),
            InlinePanel(
                "photos",
                label=_("Photo"),
                heading=_("Photos"),
                panels=[FieldPanel("image"), FieldPanel("alt_text")],
            ),
            InlinePanel(
                "maker_shares",
                label=_("Maker share"),
                heading=_("Who made it (shares add up to 100 %)"),
                min_num=1,
                panels=[FieldPanel("maker"), FieldPanel("share_percent")],
            ),
        ],
        base_form_class=ProductAdminForm,
    )


class CraftViewSet(SnippetViewSet):
    model = Craft
    icon = "folder-open-inverse"
    menu_label = _("Crafts")
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order", "name"]
    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]


class CatalogueViewSetGroup(SnippetViewSetGroup):
    items = (ProductViewSet, CraftViewSet)
    menu_icon = "tag"
    menu_label = _("Catalogue")
    menu_name = "catalogue"
    menu_order = 200


register_snippet(CatalogueViewSetGroup)
