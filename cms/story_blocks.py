"""StreamField blocks of a maker story.

Every picture carries its own alt text (required) and says whether it shows a maker: such a picture needs the
photo consent of every maker the story is about, checked when the story is published and when consent is
withdrawn (`cms.story_consent`, `cms.consent`). The "made by this maker" block stores nothing but a heading:
the products come from the catalogue when the page is shown, so a sold-out or unlisted piece never lingers.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from .blocks import PROSE_FEATURES

SHOWS_MAKER_HELP = _("Tick when a maker can be recognised in it: every maker of the story then needs photo consent.")


class StoryImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt = blocks.CharBlock(
        label=_("alt text"), max_length=200, help_text=_("What the picture shows, for people who cannot see it.")
    )
    caption = blocks.CharBlock(label=_("caption"), max_length=250, required=False)
    shows_maker = blocks.BooleanBlock(
        label=_("shows a maker"), required=False, default=True, help_text=SHOWS_MAKER_HELP
    )

    class Meta:
        icon = "image"
        label = _("image")
        template = "cms/blocks/story_image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"), max_length=600)
    attribution = blocks.CharBlock(
        label=_("who said it"), max_length=120, help_text=_("A display name the speaker agreed to, e.g. “Aysel”.")
    )

    class Meta:
        icon = "openquote"
        label = _("quote")
        template = "cms/blocks/quote.html"


class GalleryImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt = blocks.CharBlock(label=_("alt text"), max_length=200)
    caption = blocks.CharBlock(label=_("caption"), max_length=250, required=False)
    shows_maker = blocks.BooleanBlock(
        label=_("shows a maker"), required=False, default=True, help_text=SHOWS_MAKER_HELP
    )


class GalleryBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=120, required=False)
    images = blocks.ListBlock(GalleryImageBlock(), label=_("images"), min_num=1)

    class Meta:
        icon = "image"
        label = _("gallery")
        template = "cms/blocks/gallery.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("video address"), help_text=_("A YouTube or Vimeo link."))
    title = blocks.CharBlock(
        label=_("title"),
        max_length=120,
        help_text=_("Names the video for screen readers and for the link shown instead."),
    )

    class Meta:
        icon = "media"
        label = _("video")
        template = "cms/blocks/video.html"


class MakersProductsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=120, required=False)

    class Meta:
        icon = "list-ul"
        label = _("made by this maker")
        help_text = _("Lists the published work of the story's makers.")
        template = "cms/blocks/makers_products.html"


class StoryStreamBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("heading"), max_length=120, form_classname="title", template="cms/blocks/heading.html"
    )
    paragraph = blocks.RichTextBlock(label=_("text"), features=PROSE_FEATURES, template="cms/blocks/paragraph.html")
    image = StoryImageBlock()
    quote = QuoteBlock()
    gallery = GalleryBlock()
    video = VideoBlock()
    makers_products = MakersProductsBlock()


def story_pictures(body) -> list[dict]:
    """[{"image": Image or None, "image_id", "alt", "shows_maker"}] of every picture in a story's body."""
    pictures = []
    for block in body or []:
        if block.block_type == "image":
            items = [block.value]
        elif block.block_type == "gallery":
            items = list(block.value["images"])
        else:
            continue
        for item in items:
            image = item.get("image")
            pictures.append(
                {
                    "image": image,
                    "image_id": getattr(image, "pk", None),
                    "alt": item.get("alt", ""),
                    "shows_maker": bool(item.get("shows_maker")),
                }
            )
    return pictures
