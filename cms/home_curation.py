"""What editors choose for the home page: featured products and stories, in their order.

A choice never forces anything onto the public page: a product that is unpublished or sold out, or a story whose
maker withdrew consent (or that is not live), is skipped. When nothing chosen can be shown, the home page falls
back to the newest products and stories, so it is never empty because a pick went out of stock.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from shop.catalogue.selectors import chosen_products, featured_products

HOME_PRODUCTS = 8
HOME_STORIES = 3


class HomeFeaturedProduct(Orderable):
    page = ParentalKey("cms.HomePage", on_delete=models.CASCADE, related_name="featured_product_choices")
    product = models.ForeignKey("shop.Product", on_delete=models.CASCADE, related_name="+", verbose_name=_("product"))

    panels = [FieldPanel("product")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured product")
        verbose_name_plural = _("featured products")


class HomeFeaturedStory(Orderable):
    page = ParentalKey("cms.HomePage", on_delete=models.CASCADE, related_name="featured_story_choices")
    # Deleting a story (consent withdrawn) deletes the choice with it.
    story = models.ForeignKey(
        "cms.MakerStoryPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("maker story")
    )

    panels = [FieldPanel("story")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured story")
        verbose_name_plural = _("featured stories")


def home_products(page, *, language: str) -> list:
    """The editor's available picks in order, else the newest products a buyer can have now."""
    chosen_ids = [choice.product_id for choice in page.featured_product_choices.all()]
    products = chosen_products(chosen_ids, language=language)[:HOME_PRODUCTS] if chosen_ids else []
    return products or list(featured_products(limit=HOME_PRODUCTS))


def home_stories(page) -> list:
    """The editor's live, consented picks in order, else the newest stories in the page's language."""
    from .models import MakerStoryPage

    stories = MakerStoryPage.objects.live().public().story_consented()
    chosen_ids = [choice.story_id for choice in page.featured_story_choices.all()]
    if chosen_ids:
        found = {story.pk: story for story in stories.filter(pk__in=chosen_ids)}
        picked = [found[pk] for pk in dict.fromkeys(chosen_ids) if pk in found][:HOME_STORIES]
        if picked:
            return picked
    return list(stories.filter(locale=page.locale).order_by("-first_published_at")[:HOME_STORIES])
